//! Headless UI flows for highlights: select, highlight, tag, note, reopen;
//! the side panel's list, filters, delete and undo.

use crate::common;
use crate::common::SAMPLE;
use crate::common::harness_of;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use storyline::app::StorylineApp;
use storyline::document::load_path;

const PARAGRAPH: &str = "UK officials have indicated they would restrict";

/// The window on `article` (1280×1200; real frame times, so a double
/// click is a double click).
fn app_for(article: &Path, saves: &Path) -> StorylineApp {
    common::app(Some(article), saves, vec![])
}

fn harness(app: StorylineApp) -> Harness<'static, StorylineApp> {
    harness_of(app, egui::vec2(1280.0, 1200.0), 1.0 / 60.0, 4)
}

fn app(saves: &Path) -> StorylineApp {
    app_for(Path::new(SAMPLE), saves)
}

fn pointer(h: &Harness<'_, StorylineApp>, pos: Pos2, pressed: bool) {
    h.event(egui::Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
}

/// Where the reader shows the sample paragraph.
fn paragraph_rect(h: &Harness<'_, StorylineApp>) -> egui::Rect {
    h.get(
        By::new()
            .role(egui::accesskit::Role::Label)
            .label_contains(PARAGRAPH),
    )
    .rect()
}

/// Drags across the sample paragraph from its start to about two thirds of its first line.
fn drag_select(h: &mut Harness<'_, StorylineApp>) {
    let rect = paragraph_rect(h);
    let from = rect.left_top() + egui::vec2(1.0, 8.0);
    let to = rect.left_top() + egui::vec2(rect.width() * 0.6, 8.0);
    h.hover_at(from);
    h.run_steps(1);
    pointer(h, from, true);
    h.run_steps(1);
    h.hover_at(to);
    h.run_steps(1);
    pointer(h, to, false);
    h.run_steps(2);
}

/// The side panel's list row whose quote contains `text`.
fn row<'h>(h: &'h Harness<'_, StorylineApp>, text: &'h str) -> Option<egui_kittest::Node<'h>> {
    h.query(
        By::new()
            .role(egui::accesskit::Role::Button)
            .label_contains(text),
    )
}

fn selected_text(h: &Harness<'_, StorylineApp>) -> String {
    let article = h.state().article().expect("article");
    article
        .doc
        .slice(article.view.selection.range())
        .expect("selection in range")
        .to_owned()
}

#[test]
fn select_highlight_tag_note_then_reopen() {
    let saves = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app(saves.path()));
    drag_select(&mut h);
    let quote = selected_text(&h);
    assert!(quote.starts_with("UK officials"), "{quote:?}");
    assert!(quote.len() > 20, "{quote:?}");

    // The floating toolbar offers colours; the shortcut H highlights.
    h.get_by_label("Highlight green (2)");
    h.key_press(Key::H);
    h.run_steps(3);
    let ann = &h.state().article().expect("article").save.annotations;
    assert_eq!(ann.entries().len(), 1);
    assert_eq!(ann.entries()[0].highlight.selector.quote.exact, quote);
    assert!(
        h.state()
            .article()
            .expect("article")
            .view
            .selection
            .is_empty()
    );

    // The new highlight is selected in the panel: tag it and write a note.
    h.get_by_label("Tags").click();
    h.run_steps(2);
    h.get_by_label("Tags").type_text("UK, Security");
    h.key_press(Key::Enter);
    h.run_steps(2);
    h.get_by_label("Note").click();
    h.run_steps(2);
    h.get_by_label("Note").type_text("Restrict, not ban.");
    h.run_steps(1);
    // Click the list row: the note field loses focus and its text is applied.
    row(&h, "UK officials have").expect("row").click();
    h.run_steps(3);
    let entry = h
        .state()
        .article()
        .expect("article")
        .save
        .annotations
        .entries()[0]
        .clone();
    assert_eq!(entry.highlight.tags, vec!["security", "uk"]);
    assert_eq!(entry.highlight.note, "Restrict, not ban.");
    // Tag chips with counts.
    h.get_by_label("uk 1");
    h.get_by_label("security 1");

    // Close (what the window does on exit) and reopen from the same saves folder.
    h.state_mut().flush_annotations();
    let files: Vec<_> = std::fs::read_dir(saves.path())
        .expect("saves")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        files.contains(&"huawei-5g-2020-01-23.ron".to_owned()),
        "{files:?}"
    );
    drop(h);
    let h = harness(app(saves.path()));
    let article = h.state().article().expect("article");
    let entries = article.save.annotations.entries();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].highlight.note, "Restrict, not ban.");
    let range = entries[0].range().expect("anchored");
    assert_eq!(article.doc.slice(range), Some(quote.as_str()));
    // In the panel (a row named by its quote) …
    assert!(row(&h, &quote[..20]).is_some());
    // … and in the text (the reader paints highlights overlapping a visible block).
    assert_eq!(article.save.annotations.overlapping(range).count(), 1);
}

#[test]
fn double_click_selects_a_word_and_number_keys_pick_a_colour() {
    let saves = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app(saves.path()));
    let rect = paragraph_rect(&h);
    // "UK" is the first word of the paragraph.
    let at = rect.left_top() + egui::vec2(6.0, 8.0);
    h.hover_at(at);
    h.run_steps(1);
    for _ in 0..2 {
        pointer(&h, at, true);
        h.run_steps(1);
        pointer(&h, at, false);
        h.run_steps(1);
    }
    assert_eq!(selected_text(&h), "UK");
    h.key_press(Key::Num4);
    h.run_steps(2);
    let ann = &h.state().article().expect("article").save.annotations;
    assert_eq!(ann.entries()[0].highlight.color.name(), "pink");
    assert_eq!(ann.entries()[0].highlight.selector.quote.exact, "UK");
}

#[test]
fn keyboard_selection_extends_by_word() {
    let saves = tempfile::tempdir().expect("tempdir");
    let mut h = harness(app(saves.path()));
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::SHIFT | Modifiers::COMMAND, Key::ArrowRight);
        h.run_steps(1);
    }
    let text = selected_text(&h);
    assert_eq!(text, "Facing pushback");
}

fn with_sample_save() -> tempfile::TempDir {
    let saves = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        "saves/huawei-5g-2020-01-23.ron",
        saves.path().join("huawei-5g-2020-01-23.ron"),
    )
    .expect("copy the shipped save");
    saves
}

#[test]
fn shipped_save_fills_the_panel_and_filters_by_tag() {
    let saves = with_sample_save();
    let mut h = harness(app(saves.path()));
    let count = h
        .state()
        .article()
        .expect("article")
        .save
        .annotations
        .entries()
        .len();
    assert!(count >= 12, "{count}");
    h.get_by_label("germany 3").click();
    h.run_steps(3);
    // Only the Germany rows remain in the list.
    assert!(row(&h, "Where Germany goes").is_some());
    assert!(row(&h, "A vote on the legislation").is_some());
    assert!(row(&h, "UK officials have indicated").is_none());
    h.get_by_label("germany 3").click();
    h.run_steps(3);
    assert!(row(&h, "UK officials have indicated").is_some());
    // Free text searches quotes and notes.
    h.get_by_label("Filter").click();
    h.get_by_label("Filter").type_text("bellwether");
    h.run_steps(3);
    assert!(row(&h, "if the UK can do it").is_some());
    assert!(row(&h, "Where Germany goes").is_none());
}

#[test]
fn delete_from_the_list_then_undo_and_redo() {
    let saves = with_sample_save();
    let mut h = harness(app(saves.path()));
    let n = |h: &Harness<'_, StorylineApp>| {
        h.state()
            .article()
            .expect("article")
            .save
            .annotations
            .entries()
            .len()
    };
    let before = n(&h);
    row(&h, "if the UK can do it").expect("row").click();
    h.run_steps(3);
    assert!(h.state().panel().focused.is_some());
    h.key_press(Key::Delete);
    h.run_steps(3);
    assert_eq!(n(&h), before - 1);
    assert!(row(&h, "if the UK can do it").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(n(&h), before);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(3);
    assert_eq!(n(&h), before - 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(n(&h), before);
}

#[test]
fn the_window_merges_a_save_changed_on_disk() {
    use storyline::annotate::{Command, Highlight, HighlightColor, HighlightId, Selector};
    use storyline::document::{CharRange, TextIndex};
    use storyline::store::article::{open_annotations, save_file};

    let saves = with_sample_save();
    let mut h = harness(app(saves.path()));
    let before = h
        .state()
        .article()
        .expect("article")
        .save
        .annotations
        .entries()
        .len();
    // An unsaved change in the window …
    drag_select(&mut h);
    h.key_press(Key::H);
    h.run_steps(1);
    // … while another process adds a highlight to the same save.
    let path = PathBuf::from(SAMPLE);
    let doc = load_path(&path).expect("sample").document;
    let (mut handle, mut other, identity) =
        open_annotations(saves.path(), &path, &doc).expect("open");
    let index = TextIndex::new(&doc.text);
    let start = doc.text.find("Geng Shuang").expect("quote");
    let sel = Selector::from_range(&index, CharRange::new(start, start + 11));
    let time = jiff::Timestamp::now();
    let added = Highlight::new(
        HighlightId("h-elsewhere".into()),
        sel,
        HighlightColor::Green,
        time,
    );
    other.apply(Command::Add(added), time).expect("add");
    handle
        .write(&save_file(&identity, &other, &doc))
        .expect("write");

    // Within a few seconds the window has both, and so does the file.
    h.run_steps(240);
    let ann = &h.state().article().expect("article").save.annotations;
    assert_eq!(ann.entries().len(), before + 2);
    assert!(ann.get(&HighlightId("h-elsewhere".into())).is_some());
    h.state_mut().flush_annotations();
    let (mut handle, mut reread, identity) =
        open_annotations(saves.path(), &path, &doc).expect("reopen");
    assert_eq!(reread.entries().len(), before + 2);

    // With nothing unsaved in the window, an outside delete (say, a `git
    // pull`) simply shows up.
    reread
        .apply(Command::Delete(HighlightId("h-elsewhere".into())), time)
        .expect("delete");
    handle
        .write(&save_file(&identity, &reread, &doc))
        .expect("write");
    // The window's watch looks at the file every 2 s (on its own thread, so
    // an idle window draws nothing): wait for it in real time.
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let settled = |h: &Harness<'_, StorylineApp>| {
        let notes = &h.state().article().expect("article").save;
        notes.annotations.entries().len() == before + 1 && !notes.is_dirty() && !notes.is_saving()
    };
    while !settled(&h) && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run_steps(2);
    }
    let ann = &h.state().article().expect("article").save.annotations;
    assert_eq!(ann.entries().len(), before + 1);
    assert!(!h.state().article().expect("article").save.is_dirty());
}

#[test]
fn an_orphan_is_listed_and_can_be_reattached() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saves = dir.path().join("saves");
    let article = dir.path().join("story.md");
    let text = std::fs::read_to_string(SAMPLE).expect("sample");
    std::fs::write(&article, &text).expect("copy");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["annotate", article.to_str().expect("utf-8"), "--saves"])
        .arg(&saves)
        .args([
            "--quote",
            "Separately, a German decision on Huawei will come later this year.",
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(
        &article,
        text.replace(
            "Separately, a German decision on Huawei will come later this year. ",
            "",
        ),
    )
    .expect("edit");

    let make = || app_for(&article, &saves);
    let mut h = harness(make());
    h.get_by_label_contains("Orphaned (1)");
    assert!(
        h.query_by_label_contains("1 highlight(s) no longer match")
            .is_some(),
        "the user is told"
    );
    drag_select(&mut h);
    h.get_by_label("Attach to selection").click();
    h.run_steps(3);
    let ann = &h.state().article().expect("article").save.annotations;
    assert_eq!(ann.orphans().len(), 0);
    assert_eq!(ann.entries()[0].anchor.status.name(), "anchored");
    assert!(
        ann.entries()[0]
            .highlight
            .selector
            .quote
            .exact
            .starts_with("UK officials")
    );
    h.state_mut().flush_annotations();
    drop(h);
    let h = harness(make());
    assert!(h.query_by_label_contains("Orphaned").is_none());
}

#[test]
fn an_article_deleted_while_open_keeps_working_and_saving() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("gone.md");
    std::fs::copy(SAMPLE, &article).expect("copy");
    let saves = dir.path().join("saves");
    let mut h = harness(app_for(&article, &saves));
    std::fs::remove_file(&article).expect("delete the article");
    drag_select(&mut h);
    h.key_press(Key::H);
    h.run_steps(40);
    h.state_mut().flush_annotations();
    assert_eq!(
        h.state()
            .article()
            .expect("still open")
            .save
            .annotations
            .entries()
            .len(),
        1
    );
    let (_, save) = storyline::store::saves::read_save(&saves.join("gone.ron"))
        .expect("readable")
        .expect("saved");
    assert_eq!(save.highlights.len(), 1);
}

#[test]
fn the_window_and_the_cli_on_the_same_article_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("story.md");
    std::fs::copy(SAMPLE, &article).expect("copy");
    let saves = dir.path().join("saves");
    let mut h = harness(app_for(&article, &saves));
    // The window highlights; the CLI (another process) highlights meanwhile.
    drag_select(&mut h);
    h.key_press(Key::H);
    h.run_steps(2);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
        .arg("annotate")
        .arg(&article)
        .arg("--saves")
        .arg(&saves)
        .args([
            "--quote",
            "Five Eyes",
            "--occurrence",
            "2",
            "--note",
            "from the CLI",
        ])
        .env("STORYLINE_STATE", dir.path().join("state.ron"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cli_id = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    h.run_steps(240);
    let ann = &h.state().article().expect("article").save.annotations;
    assert_eq!(ann.entries().len(), 2, "the window shows both");
    assert!(
        ann.get(&storyline::annotate::HighlightId(cli_id.clone()))
            .is_some()
    );
    h.state_mut().flush_annotations();
    let (_, save) = storyline::store::saves::read_save(&saves.join("story.ron"))
        .expect("readable")
        .expect("saved");
    assert_eq!(save.highlights.len(), 2, "the file has both");
    assert!(
        save.highlights
            .iter()
            .any(|h| h.id.0 == cli_id && h.note == "from the CLI")
    );
}
