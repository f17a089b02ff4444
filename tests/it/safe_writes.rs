//! Every file written says where and in what format and never replaces a
//! file the reader did not choose; editors never hold stale values; a
//! damaged or emptied file can be restored from its kept versions
//! (issue 23's scenarios 2–4, each a failing test first).

use crate::common;
use crate::common::SAMPLE;
use crate::common::SAMPLE_SAVE;

use std::path::{Path, PathBuf};

use common::{storyline, until, window};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{By, Queryable as _};
use storyline::app::{Command, HighlightsCommand, TimelineCommand, WindowCommand};

/// The sample article and its save, copied into `dir`.
fn sample(dir: &Path) -> (PathBuf, PathBuf) {
    let article = dir.join("huawei-5g-2020-01-23.md");
    std::fs::copy(SAMPLE, &article).expect("article");
    let saves = dir.join("saves");
    std::fs::create_dir_all(&saves).expect("saves");
    std::fs::copy(SAMPLE_SAVE, saves.join("huawei-5g-2020-01-23.ron")).expect("save");
    (article, saves)
}

/// The export window's Export button (its title says "Export" too).
fn export_button() -> By<'static> {
    By::new()
        .label("Export")
        .role(egui::accesskit::Role::Button)
}

#[test]
fn the_export_path_follows_the_format_and_an_existing_file_is_asked_about() {
    let dir = tempfile::tempdir().expect("tmp");
    let (article, saves) = sample(dir.path());
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).expect("out");
    let rw = out.join("rw.csv");
    let mut h = window(Some(&article), &saves, vec![]);
    // Readwise to out/rw.csv.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    h.get_by_label_contains("Readwise highlights (CSV)").click();
    h.run_steps(2);
    h.get_by_label("Path").focus();
    h.run_steps(1);
    h.get_by_label("Path")
        .type_text(rw.to_str().expect("utf-8"));
    h.run_steps(2);
    let button = h.get(export_button()).rect();
    h.get(export_button()).click();
    until(&mut h, |_| rw.exists());
    until(&mut h, |app| {
        app.messages()
            .iter()
            .any(|m| m.text.contains("Readwise highlights (CSV)") && m.text.contains("rw.csv"))
    });
    let readwise = std::fs::read(&rw).expect("readwise");
    // Export again, Obsidian: the path becomes rw.md, the button stays put.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    h.get_by_label_contains("Obsidian note (Markdown)").click();
    h.run_steps(2);
    assert_eq!(
        h.get_by_label("Path").value().as_deref(),
        Some(out.join("rw.md").to_str().expect("utf-8"))
    );
    assert_eq!(h.get(export_button()).rect(), button, "the button moved");
    h.get(export_button()).click();
    let md = out.join("rw.md");
    until(&mut h, |_| md.exists());
    let note = std::fs::read_to_string(&md).expect("note");
    assert!(note.starts_with("---\ntitle: "), "{note}");
    assert_eq!(
        std::fs::read(&rw).expect("readwise"),
        readwise,
        "rw.csv untouched"
    );
    // Once more to rw.md: asked first; Cancel keeps it, Replace writes.
    std::fs::write(&md, "mine").expect("write");
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    h.get(export_button()).click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("already exists").is_some());
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    assert_eq!(std::fs::read_to_string(&md).expect("md"), "mine");
    h.get(export_button()).click();
    h.run_steps(3);
    h.get_by_label("Replace").click();
    until(&mut h, |_| {
        std::fs::read_to_string(&md).is_ok_and(|t| t.starts_with("---\n"))
    });
    // TimelineJS is offered in the window too.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    assert!(h.query_by_label_contains("TimelineJS (JSON)").is_some());
}

#[test]
fn the_cli_refuses_to_replace_an_export_without_force() {
    let dir = tempfile::tempdir().expect("tmp");
    let (article, saves) = sample(dir.path());
    let out = dir.path().join("t.html");
    std::fs::write(&out, "mine").expect("write");
    let a = article.to_str().expect("utf-8");
    let o = out.to_str().expect("utf-8");
    let r = storyline(&saves, &["export", a, "--format", "html", "-o", o]);
    assert!(!r.status.success());
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&out).expect("out"), "mine");
    let r = storyline(
        &saves,
        &["export", a, "--format", "html", "-o", o, "--force"],
    );
    assert!(r.status.success());
    assert!(
        std::fs::read_to_string(&out)
            .expect("out")
            .contains("<html")
    );
    // The same for a dossier's export.
    let d = dir.path().join("s.dossier.ron");
    let r = storyline(&saves, &["dossier", "new", d.to_str().expect("utf-8"), a]);
    assert!(r.status.success());
    std::fs::write(&out, "mine").expect("write");
    let r = storyline(
        &saves,
        &[
            "dossier",
            "export",
            d.to_str().expect("utf-8"),
            "--format",
            "html",
            "-o",
            o,
        ],
    );
    assert!(!r.status.success());
    assert_eq!(std::fs::read_to_string(&out).expect("out"), "mine");
}

#[test]
fn after_a_move_and_its_undo_a_focus_change_reapplies_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let (article, saves) = sample(dir.path());
    let mut h = window(Some(&article), &saves, vec![]);
    let event = h
        .state()
        .article()
        .and_then(|a| {
            a.save
                .annotations
                .events()
                .iter()
                .find(|e| !e.when.phrase.is_empty())
                .cloned()
        })
        .expect("an event read from a phrase");
    h.state_mut()
        .send(Command::Timeline(TimelineCommand::SelectEvent(Some(
            event.id.clone(),
        ))));
    h.run_steps(3);
    // A drag three weeks on (what the chart sends on release).
    let mut moved = event.clone();
    moved.when = storyline::timeline::when::moved(&event.when, 21);
    h.state_mut()
        .send(Command::Highlights(HighlightsCommand::Annotate(
            storyline::annotate::Command::UpdateEvent(moved.clone()),
        )));
    h.run_steps(3);
    assert_eq!(
        h.get_by_label("Date").value().as_deref(),
        Some(moved.when.edtf().as_str())
    );
    h.state_mut().send(Command::Window(WindowCommand::Undo));
    h.run_steps(3);
    assert_eq!(
        h.get_by_label("Date").value().as_deref(),
        Some(event.when.edtf().as_str()),
        "the field follows the undo"
    );
    // Into the field and out again: nothing re-applied.
    h.get_by_label("Date").focus();
    h.run_steps(2);
    h.get_by_label("Title").focus();
    h.run_steps(3);
    let now = h
        .state()
        .article()
        .and_then(|a| a.save.annotations.event(&event.id).cloned())
        .expect("still there");
    assert_eq!(now.when, event.when, "the undone date and its phrase stay");
}

#[test]
fn a_damaged_dossier_offers_its_previous_versions_and_one_restores_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = common::sample_dossier(dir.path());
    let good = std::fs::read(&file).expect("read");
    std::fs::write(storyline::store::saves::backup_path(&file), &good).expect("bak");
    std::fs::write(&file, "(version: 1, name: \"Huawei").expect("damage");
    let saves = dir.path().join("saves");
    std::fs::create_dir_all(&saves).expect("saves");
    let mut h = window(None, &saves, vec![]);
    h.state_mut()
        .send(Command::Window(WindowCommand::Open(file.clone())));
    h.run_steps(3);
    assert!(h.state().dossier().is_none());
    h.get_by_label("Restore a previous version…").click();
    h.run_steps(3);
    h.get_by_label("Restore").click();
    h.run_steps(4);
    let d = h.state().dossier().expect("restored and opened");
    assert_eq!(d.dossier.events.len(), 14);
    assert_eq!(std::fs::read(&file).expect("read"), good);
    // The damaged bytes are kept as a version (a restore can be undone).
    assert!(storyline::store::versions::list(&file).iter().any(|v| {
        std::fs::read(&v.path).is_ok_and(|b| b.starts_with(b"(version: 1, name") && b.len() < 40)
    }));
}

#[test]
fn restore_lists_and_puts_back_a_version_from_the_cli() {
    let dir = tempfile::tempdir().expect("tmp");
    let (article, saves) = sample(dir.path());
    let a = article.to_str().expect("utf-8");
    let save = saves.join("huawei-5g-2020-01-23.ron");
    let original = std::fs::read(&save).expect("save");
    // Two runs, each changing the save: the first kept what it held.
    for quote in ["Huawei", "5G"] {
        let r = storyline(
            &saves,
            &["annotate", a, "--quote", quote, "--occurrence", "3"],
        );
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    }
    let list = storyline(&saves, &["restore", a, "--list"]);
    assert!(list.status.success());
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(text.contains("19 highlights"), "{text}");
    assert!(text.starts_with("1  "), "{text}");
    // The oldest kept version is the original.
    let n = text.lines().count();
    let oldest = text
        .lines()
        .position(|l| l.contains("19 highlights"))
        .map_or(n, |i| i + 1)
        .to_string();
    let r = storyline(&saves, &["restore", a, "--version", &oldest]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert_eq!(std::fs::read(&save).expect("save"), original);
    let r = storyline(&saves, &["restore", a, "--version", "99"]);
    assert!(!r.status.success());
}

#[test]
fn without_a_file_dialog_new_dossier_and_add_articles_take_a_typed_path() {
    use storyline::app::dossier::DossierAction;
    use storyline::app::picker::PickOutcome;
    let dir = tempfile::tempdir().expect("tmp");
    let (article, saves) = sample(dir.path());
    let brief = dir.path().join("2020-01-28-uk-limits-huawei.md");
    std::fs::copy(
        "assets/dossiers/huawei-5g/2020-01-28-uk-limits-huawei.md",
        &brief,
    )
    .expect("brief");
    let none = || PickOutcome::Unavailable("No file dialog could be shown.".into());
    let mut h = window(Some(&article), &saves, vec![none(), none()]);
    let typed = |h: &mut egui_kittest::Harness<'_, storyline::app::StorylineApp>,
                 field: &str,
                 path: &Path| {
        h.get_by_label(field)
            .type_text(path.to_str().expect("utf-8"));
        h.run_steps(2);
        h.key_press(Key::Enter);
        h.run_steps(4);
    };
    h.state_mut().send(Command::Dossier(DossierAction::AskNew));
    h.run_steps(4);
    let file = dir.path().join("story.dossier.ron");
    typed(
        &mut h,
        "Path of the new dossier file (NAME.dossier.ron):",
        &file,
    );
    assert!(file.exists(), "created");
    assert_eq!(
        h.state().dossier().map(|d| d.dossier.articles.len()),
        Some(1)
    );
    h.state_mut().send(Command::Dossier(DossierAction::AskAdd));
    h.run_steps(4);
    typed(
        &mut h,
        "Path of an article, or of a folder of articles:",
        &brief,
    );
    assert_eq!(
        h.state().dossier().map(|d| d.dossier.articles.len()),
        Some(2)
    );
}

#[test]
fn a_dossier_s_obsidian_notes_are_never_replaced_unasked_nor_linked_where_missing() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = common::sample_dossier(dir.path());
    let f = file.to_str().expect("utf-8");
    // No saves here: the index links each source to its note, never to a
    // block the note does not have.
    let saves = dir.path().join("empty-saves");
    std::fs::create_dir_all(&saves).expect("saves");
    let index = dir.path().join("vault/x.md");
    let i = index.to_str().expect("utf-8");
    let r = storyline(
        &saves,
        &["dossier", "export", f, "--format", "obsidian", "-o", i],
    );
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let text = std::fs::read_to_string(&index).expect("index");
    assert!(!text.contains("#^"), "a dead block link:\n{text}");
    // A note the reader wrote in is not replaced by a second export.
    let note = std::fs::read_dir(dir.path().join("vault/x"))
        .expect("notes")
        .next()
        .expect("a note")
        .expect("entry")
        .path();
    std::fs::write(&note, "my own words").expect("write");
    std::fs::remove_file(&index).expect("rm");
    let r = storyline(
        &saves,
        &["dossier", "export", f, "--format", "obsidian", "-o", i],
    );
    assert!(!r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&note).expect("note"),
        "my own words"
    );
    let r = storyline(
        &saves,
        &[
            "dossier", "export", f, "--format", "obsidian", "-o", i, "--force",
        ],
    );
    assert!(r.status.success());
    assert_ne!(
        std::fs::read_to_string(&note).expect("note"),
        "my own words"
    );
}
