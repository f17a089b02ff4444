//! Idle means idle: once the window has settled in any state a reader leaves
//! it in, it asks for no more frames — not now, not after a delay.
//!
//! The harness is driven the way eframe drives the real window: after each
//! frame, the next one runs only when the frame asked for it, at the time it
//! asked for (`repaint_delay`), never sooner than one display refresh. A
//! state has settled when the app asks for no frame at all.

use crate::common;
use crate::common::SAMPLE;
use crate::common::harness_of;

use crate::workloads;
use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::accesskit::Role;
use egui::{Key, Modifiers, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use storyline::app::{StorylineApp, WorkspaceCommand};
use storyline::document::load_path;
use storyline::store::AppState;

/// The start of a paragraph of the sample, in view when it opens.
const PARAGRAPH: &str = "BEIJING—The U.S. is preparing";
/// One refresh of a 60 Hz display: eframe never draws faster.
const REFRESH: f64 = 1.0 / 60.0;
/// Simulated seconds a state may take to settle (the longest timer is a
/// text cursor's 10 s blink timeout).
const SETTLE_SECONDS: f64 = 30.0;

fn app_for(article: &Path, saves: &Path) -> StorylineApp {
    common::app_with_state(
        Some(article),
        saves,
        AppState::default(),
        Some(saves.join("state.ron")),
        vec![],
    )
}

fn harness(app: StorylineApp) -> Harness<'static, StorylineApp> {
    harness_of(app, egui::vec2(1400.0, 900.0), 0.25, 2)
}

/// The sample with its shipped highlights and timeline, in a fresh folder.
fn sample_app(dir: &Path) -> StorylineApp {
    let saves = dir.join("saves");
    std::fs::create_dir_all(&saves).expect("saves");
    std::fs::copy(
        "saves/huawei-5g-2020-01-23.ron",
        saves.join("huawei-5g-2020-01-23.ron"),
    )
    .expect("copy the sample save");
    app_for(&PathBuf::from(SAMPLE), &saves)
}

/// The delay before the frame the last one asked for (`None`: no frame).
fn wanted(h: &Harness<'_, StorylineApp>) -> Option<Duration> {
    let delay = h
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)?
        .repaint_delay;
    (delay != Duration::MAX).then_some(delay)
}

fn now(h: &Harness<'_, StorylineApp>) -> f64 {
    h.ctx.input(|i| i.time)
}

/// Runs one frame at simulated time `t` (events queued before it included).
fn frame_at(h: &mut Harness<'_, StorylineApp>, t: f64) {
    h.input_mut().time = Some(t);
    h.step();
}

/// Runs the frames the app asks for during `seconds` of simulated time, as
/// eframe would; returns how many there were.
fn frames_within(h: &mut Harness<'_, StorylineApp>, seconds: f64) -> usize {
    let end = now(h) + seconds;
    let mut frames = 0;
    while let Some(delay) = wanted(h) {
        let t = now(h) + delay.as_secs_f64().max(REFRESH);
        if t > end {
            break;
        }
        frame_at(h, t);
        frames += 1;
    }
    frames
}

/// Lets the app settle, then checks that it asks for no frame at all, and
/// that nothing wakes it in the next stretch of real time (background
/// threads: the save watcher, suggestion search). Returns the frames it
/// took to settle.
fn assert_settles(h: &mut Harness<'_, StorylineApp>, state: &str) -> usize {
    let frames = frames_within(h, SETTLE_SECONDS);
    assert_eq!(
        wanted(h),
        None,
        "{state}: still asking for frames after {SETTLE_SECONDS} s ({frames} frames); causes: {:?}",
        h.ctx.repaint_causes()
    );
    assert!(
        frames < 400,
        "{state}: took {frames} frames to settle (an animation that never ends?)"
    );
    frames
}

/// After settling, nothing asks for a frame during `real` seconds of wall
/// time either (a background thread could).
fn assert_no_wake(h: &Harness<'_, StorylineApp>, real: Duration, state: &str) {
    std::thread::sleep(real);
    assert!(
        !h.ctx.has_requested_repaint(),
        "{state}: woken while idle; causes: {:?}",
        h.ctx.repaint_causes()
    );
}

/// Runs the frames an input event causes (press, then what it asks for).
fn input_frame(h: &mut Harness<'_, StorylineApp>) {
    let t = now(h) + REFRESH;
    frame_at(h, t);
}

fn text_rect(h: &Harness<'_, StorylineApp>, needle: &str) -> egui::Rect {
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::Label && n.value().is_some_and(|v| v.contains(needle))
    })
    .rect()
}

/// Double-clicks the first word of the sample's first paragraph.
fn double_click_a_word(h: &mut Harness<'_, StorylineApp>) {
    let para = text_rect(h, PARAGRAPH);
    let at = para.left_top() + egui::vec2(16.0, 8.0);
    h.hover_at(at);
    input_frame(h);
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
            input_frame(h);
        }
    }
}

#[test]
fn the_sample_settles_and_stays_asleep() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(sample_app(dir.path()));
    assert_settles(&mut h, "sample just opened");
    // The save watcher looks at the file every 2 s: it must not wake the
    // window when nothing changed.
    assert_no_wake(&h, Duration::from_millis(2500), "sample just opened");
    assert_eq!(frames_within(&mut h, 10.0), 0);
}

#[test]
fn every_idle_state_of_the_window_settles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(sample_app(dir.path()));
    assert_settles(&mut h, "sample just opened");

    // The timeline is shown at first; Ctrl+T maximises it, again restores
    // the layout; closed, then shown again.
    assert!(h.query_by_label("Fit all").is_some(), "timeline shown");
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    input_frame(&mut h);
    assert!(
        h.query_by_label("Restore layout").is_some(),
        "timeline maximised"
    );
    assert_settles(&mut h, "timeline maximised");
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    input_frame(&mut h);
    assert!(
        h.query_by_label("Restore layout").is_none(),
        "layout restored"
    );
    h.state_mut().send(storyline::app::Command::Workspace(
        WorkspaceCommand::TogglePane(storyline::store::layout::Pane::Timeline),
    ));
    input_frame(&mut h);
    assert!(h.query_by_label("Fit all").is_none(), "timeline hidden");
    assert_settles(&mut h, "timeline hidden");
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    input_frame(&mut h);
    assert!(
        h.query_by_label("Fit all").is_some(),
        "timeline shown again"
    );
    assert_settles(&mut h, "timeline shown again");

    // A selection with its toolbar: double-click a word.
    double_click_a_word(&mut h);
    let selected = h.state().article().expect("article").view.selection.range();
    assert!(!selected.is_empty(), "a word is selected");
    assert_settles(&mut h, "a selection with its toolbar");
    assert!(h.query_by_label("Highlight").is_some(), "the toolbar shows");
    h.key_press(Key::Escape);
    input_frame(&mut h);
    assert_settles(&mut h, "selection cleared");

    // A tooltip: the pointer resting on the theme button.
    let theme = h
        .query_by_label("Dark")
        .or_else(|| h.query_by_label("Light"))
        .expect("theme button")
        .rect();
    h.hover_at(theme.center());
    input_frame(&mut h);
    let frames = frames_within(&mut h, 3.0);
    assert!(
        h.query_by_label_contains("Switch to the").is_some(),
        "the tooltip shows ({frames} frames)"
    );
    assert_settles(&mut h, "a tooltip shown");
    h.hover_at(egui::pos2(700.0, 600.0));
    input_frame(&mut h);
    assert_settles(&mut h, "pointer moved away");

    // The find bar open, with a query typed (its cursor stops blinking).
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    input_frame(&mut h);
    h.event(egui::Event::Text("Huawei".into()));
    input_frame(&mut h);
    assert!(!h.state().find().matches.is_empty(), "matches found");
    assert_settles(&mut h, "find bar open");
    h.key_press(Key::Escape);
    input_frame(&mut h);

    // A dialog: Article ▸ Set Publication Date….
    h.get(By::new().role(Role::Button).label("Article")).click();
    input_frame(&mut h);
    frames_within(&mut h, 1.0);
    h.get_by_label("Set Publication Date…").click();
    input_frame(&mut h);
    frames_within(&mut h, 1.0);
    assert!(
        h.query_by_label("Publication date").is_some(),
        "the dialog shows"
    );
    assert_settles(&mut h, "the publication date dialog open");
    h.get_by_label("Cancel").click();
    input_frame(&mut h);

    // An error banner: open a path that does not exist.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    input_frame(&mut h);
    assert_settles(&mut h, "the open-path dialog open");
    h.event(egui::Event::Text("/no/such/article.md".into()));
    input_frame(&mut h);
    h.key_press(Key::Enter);
    input_frame(&mut h);
    assert!(
        h.state().messages().iter().any(|m| m.error),
        "an error is shown"
    );
    assert_settles(&mut h, "an error banner shown");

    // The window loses the keyboard focus.
    h.input_mut().focused = false;
    input_frame(&mut h);
    assert_settles(&mut h, "window unfocused");
    assert_no_wake(&h, Duration::from_millis(2500), "every state");
}

#[test]
fn a_flash_animates_then_the_frames_stop() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(sample_app(dir.path()));
    assert_settles(&mut h, "sample just opened");
    // Find, then step to the next match: the match flashes and fades.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    input_frame(&mut h);
    h.event(egui::Event::Text("Huawei".into()));
    input_frame(&mut h);
    assert_settles(&mut h, "find bar open");
    h.key_press(Key::Enter);
    input_frame(&mut h);
    let animating = frames_within(&mut h, 0.5);
    assert!(
        animating >= 20,
        "the flash is drawn frame by frame ({animating} frames in 0.5 s)"
    );
    let rest = assert_settles(&mut h, "after the flash");
    assert!(
        rest < 120,
        "the flash ends within two seconds ({rest} frames)"
    );
    assert_eq!(frames_within(&mut h, 10.0), 0);
}

#[test]
fn a_change_is_saved_then_the_window_sleeps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(sample_app(dir.path()));
    assert_settles(&mut h, "sample just opened");
    // Highlight a word: the save is written 0.4 s later, then nothing.
    double_click_a_word(&mut h);
    let before = h
        .state()
        .article()
        .expect("article")
        .save
        .annotations
        .entries()
        .len();
    h.key_press(Key::H);
    input_frame(&mut h);
    let notes = &h.state().article().expect("article").save;
    assert_eq!(notes.annotations.entries().len(), before + 1);
    assert!(notes.is_dirty());
    // The timers (autosave, state file) fire at their deadlines; the
    // background write wakes the window once when it is done.
    let until = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        frames_within(&mut h, SETTLE_SECONDS);
        let notes = &h.state().article().expect("article").save;
        if !notes.is_dirty() && !notes.is_saving() {
            break;
        }
        assert!(std::time::Instant::now() < until, "the save finishes");
        std::thread::sleep(Duration::from_millis(20));
        input_frame(&mut h);
    }
    assert_settles(&mut h, "after the save");
    assert_no_wake(&h, Duration::from_millis(2500), "after the save");
}

#[test]
fn a_long_article_with_many_highlights_settles_after_its_background_work() {
    use storyline::store::article::{open_annotations, save_file};
    // A smaller cousin of the 5 MB benchmark (the same code paths: the
    // suggestions are found on a background thread above 200 kB).
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("long.md");
    std::fs::write(&article, workloads::big_markdown(600_000, 7)).expect("write");
    let doc = load_path(&article).expect("loads").document;
    let saves = dir.path().join("saves");
    let (mut handle, _, identity) = open_annotations(&saves, &article, &doc).expect("open");
    let ann = workloads::annotations(&doc, 1_000, 50, 5);
    handle
        .write(&save_file(&identity, &ann, &doc))
        .expect("write the save");
    let mut h = harness(app_for(&article, &saves));
    assert_settles(&mut h, "long article just opened, suggestions being found");
    // The search finishes on its thread and wakes the window once.
    let until = std::time::Instant::now() + Duration::from_mins(1);
    while h.query_by_label_contains("Finding dated phrases").is_some() {
        assert!(std::time::Instant::now() < until, "the search finishes");
        std::thread::sleep(Duration::from_millis(50));
        if h.ctx.has_requested_repaint() {
            input_frame(&mut h);
        }
    }
    assert_settles(&mut h, "long article, suggestions listed");
    assert_no_wake(
        &h,
        Duration::from_millis(2500),
        "long article, suggestions listed",
    );
}
