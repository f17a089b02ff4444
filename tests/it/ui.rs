//! Headless UI flows with `egui_kittest`: what a reader does in the window.

use crate::common;
use crate::common::SAMPLE;
use crate::common::harness_of;

use crate::workloads;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use storyline::app::picker::PickOutcome;
use storyline::app::{Command, StorylineApp, WindowCommand};
use storyline::store::AppState;

const TITLE: &str = "Facing pushback from allies, U.S. is pressing its campaign to ban Huawei from 5G cellular networks";

fn app_with(picks: Vec<PickOutcome>) -> StorylineApp {
    common::app(Some(Path::new(SAMPLE)), &fresh_saves(), picks)
}

fn harness(app: StorylineApp) -> Harness<'static, StorylineApp> {
    harness_of(app, egui::vec2(1200.0, 800.0), 0.25, 4)
}

/// An empty saves folder that outlives the test (the OS cleans temp).
fn fresh_saves() -> PathBuf {
    tempfile::tempdir().expect("tempdir").keep()
}

#[test]
fn opens_the_sample_and_shows_its_title() {
    let h = harness(app_with(vec![]));
    h.get_by_label(TITLE);
    h.get_by_label("Wall Street Journal");
    h.get_by_label("January 23, 2020");
}

#[test]
fn find_counts_every_match_and_steps_through_them() {
    let mut h = harness(app_with(vec![]));
    let text = h
        .state()
        .article()
        .expect("article")
        .doc
        .text
        .to_lowercase();
    let expected = text.matches("huawei").count();
    assert!(expected > 30, "{expected}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(3);
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("Huawei");
    h.run_steps(3);
    h.get_by_label(&format!("1 of {expected}"));
    assert_eq!(h.state().find().matches.len(), expected);
    h.key_press(Key::Enter);
    h.run_steps(3);
    h.get_by_label(&format!("2 of {expected}"));
    h.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    h.run_steps(3);
    h.get_by_label(&format!("1 of {expected}"));
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(!h.state().find().open);
    assert!(h.state().find().matches.is_empty());
}

fn write_article(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

#[test]
fn open_dialog_path_opens_another_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let other = write_article(
        dir.path(),
        "other.md",
        "# A different story\n\nFirst paragraph of the other story.\n",
    );
    let mut h = harness(app_with(vec![PickOutcome::Picked(other.clone())]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(4);
    h.get_by_label("A different story");
    h.get_by_label("First paragraph of the other story.");
    assert_eq!(h.state().state().recent.len(), 2);
    assert!(h.state().state().recent[0].ends_with("other.md"));
}

#[test]
fn a_bad_pick_shows_an_error_and_keeps_the_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = write_article(dir.path(), "empty.md", "");
    let mut h = harness(app_with(vec![PickOutcome::Picked(empty.clone())]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(4);
    let messages = h.state().messages();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].text.contains("empty.md"),
        "{}",
        messages[0].text
    );
    h.get_by_label(TITLE);
}

#[test]
fn no_dialog_falls_back_to_typing_a_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let other = write_article(
        dir.path(),
        "typed.txt",
        "Typed title\n\nBody of the typed article.\n",
    );
    let mut h = harness(app_with(vec![PickOutcome::Unavailable(
        "No file dialog.".into(),
    )]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(4);
    h.get_by_label("Open an article by path");
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text(other.to_str().expect("utf8"));
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(4);
    h.get_by_label("Typed title");
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_opens_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = write_article(
        dir.path(),
        "page.html",
        "<html><head><title>Dropped page</title></head><body><article><p>Text of a dropped web page, long enough to be read as the main content of this page by the extractor.</p></article></body></html>",
    );
    let mut h = harness(app_with(vec![]));
    h.input_mut().dropped_files.push(Arc::new(Dropped(page)));
    h.run_steps(4);
    h.get_by_label("Dropped page");
}

#[test]
fn zoom_keys_change_the_text_size() {
    let mut h = harness(app_with(vec![]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run_steps(2);
    assert!(h.state().state().zoom > 1.05);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run_steps(2);
    assert!((h.state().state().zoom - 1.0).abs() < f32::EPSILON);
}

#[test]
fn reading_position_is_remembered_per_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state_path = dir.path().join("state.ron");
    let path = PathBuf::from(SAMPLE);
    let make = |state: AppState| {
        common::app_with_state(
            Some(&path),
            &dir.path().join("saves"),
            state,
            Some(state_path.clone()),
            vec![],
        )
    };
    let mut h = harness(make(AppState::default()));
    for _ in 0..3 {
        h.key_press(Key::PageDown);
        h.run_steps(2);
    }
    let position = h.state().article().expect("article").view.top_char();
    assert!(position.0 > 1000, "{position:?}");
    h.state_mut().save_state();

    let state = AppState::load(&state_path).expect("state saved");
    let mut h = harness(make(state));
    h.run_steps(2);
    let restored = h.state().article().expect("article").view.top_char();
    assert!(
        restored.0.abs_diff(position.0) < 80,
        "restored {restored:?}, was {position:?}"
    );
}

#[test]
fn another_file_opens_at_its_own_top_not_where_the_last_one_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app_with(vec![]));
    for _ in 0..3 {
        h.key_press(Key::PageDown);
        h.run_steps(2);
    }
    assert!(h.state().article().expect("article").view.top_char().0 > 1000);
    // A long article never opened before.
    let other = dir.path().join("other.md");
    let text = "A paragraph of another article, long enough to scroll.\n\n".repeat(200);
    std::fs::write(&other, format!("# Another\n\n{text}")).expect("write");
    h.state_mut()
        .send(Command::Window(WindowCommand::Open(other)));
    h.run_steps(4);
    let a = h.state().article().expect("article");
    assert!(a.path.ends_with("other.md"));
    assert_eq!(a.view.top_char().0, 0, "at the top");
}

#[test]
fn reading_progress_is_100_percent_at_the_end() {
    let mut h = harness(app_with(vec![]));
    h.key_press(Key::End);
    h.run_steps(6);
    h.get_by_label("100 %");
}

/// Opens Article ▸ Set Publication Date….
fn open_date_dialog(h: &mut Harness<'static, StorylineApp>) {
    use egui_kittest::kittest::By;
    h.get(
        By::new()
            .role(egui::accesskit::Role::Button)
            .label("Article"),
    )
    .click();
    h.run_steps(2);
    h.get_by_label("Set Publication Date…").click();
    // The menu queues the command; the dialog shows from the next frame.
    h.run_steps(3);
}

#[test]
fn the_publication_date_dialog_takes_enter_and_offers_only_a_real_date() {
    // The sample states its date: the dialog offers to go back to it.
    let mut h = harness(app_with(vec![]));
    open_date_dialog(&mut h);
    h.get_by_label("Use the article's date (2020-01-23)");
    // Typing a date and pressing Enter sets it (the field has the focus).
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.event(egui::Event::Text("2020-02-01".into()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(h.query_by_label("Publication date").is_none(), "closed");
    assert_eq!(
        h.state().published().map(|(d, user)| (d.to_string(), user)),
        Some(("2020-02-01".to_owned(), true))
    );

    // An article without a date: nothing to go back to.
    let dir = tempfile::tempdir().expect("tempdir");
    let undated = write_article(dir.path(), "undated.md", "# No date\n\nJust text.\n");
    let mut h = harness(app_with(vec![PickOutcome::Picked(undated)]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(4);
    open_date_dialog(&mut h);
    h.get_by_label("Publication date");
    assert!(
        h.query_by_label_contains("Use the article's date")
            .is_none()
    );
}

#[test]
fn a_large_article_opens_in_the_background_and_the_window_stays_live() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("long-read.md");
    std::fs::write(&big, workloads::big_markdown(1_500_000, 3)).expect("write");
    let mut h = harness(app_with(vec![PickOutcome::Picked(big.clone())]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    // Read on another thread: the window draws frames meanwhile and says
    // what it is opening.
    assert!(h.state().is_opening());
    assert!(
        h.state()
            .messages()
            .iter()
            .any(|m| m.text.starts_with("Opening long-read.md (1.4 MB)")),
        "{:?}",
        h.state().messages()
    );
    common::until(&mut h, |app| !app.is_opening());
    let article = h.state().article().expect("an article");
    assert!(article.path.ends_with("long-read.md"), "{:?}", article.path);
    assert!(
        !h.state()
            .messages()
            .iter()
            .any(|m| m.text.starts_with("Opening")),
        "the notice goes when it is open"
    );
}
