//! The dossier in the window, as a reader uses it: a new dossier from the
//! open article, two more articles added from the dialog, the merge it
//! suggests accepted, one event with two sources on the timeline, and the
//! HTML export listing both; the Library and Ctrl+PgDn; the shipped sample.

use crate::common;
use crate::common::harness;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use common::until;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use storyline::app::dossier::DossierAction;
use storyline::app::picker::PickOutcome;
use storyline::app::{Command, ExportCommand, StorylineApp, WindowCommand, WorkspaceCommand};
use storyline::store::layout::Pane;

const SEED: &str = "assets/articles/huawei-5g-2020-01-23.md";
const BRIEFS: &str = "assets/dossiers/huawei-5g";

/// A folder with the seed article and its save, and two briefs: the UK
/// one with a highlight and event made by `storyline annotate --event`.
fn story(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let saves = dir.join("saves");
    std::fs::create_dir_all(&saves).expect("saves");
    std::fs::copy(
        "saves/huawei-5g-2020-01-23.ron",
        saves.join("huawei-5g-2020-01-23.ron"),
    )
    .expect("save");
    let seed = dir.join("huawei-5g-2020-01-23.md");
    std::fs::copy(SEED, &seed).expect("seed");
    let uk = dir.join("2020-01-28-uk-limits-huawei.md");
    std::fs::copy(format!("{BRIEFS}/2020-01-28-uk-limits-huawei.md"), &uk).expect("brief");
    let later = dir.join("2021-09-25-meng-returns-to-china.md");
    std::fs::copy(
        format!("{BRIEFS}/2021-09-25-meng-returns-to-china.md"),
        &later,
    )
    .expect("brief");
    let out = Process::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["annotate", "--saves"])
        .arg(&saves)
        .arg(&uk)
        .args([
            "--quote",
            "The British government decided on Tuesday to let Huawei Technologies Co. supply parts of the country's 5G networks",
            "--event",
            "--lane",
            "UK decision",
            "--title",
            "UK government decides on Huawei: in, with limits",
        ])
        .env("STORYLINE_STATE", dir.join("cli-state.ron"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (seed, uk, later)
}

fn app(seed: &Path, saves: &Path, picks: Vec<PickOutcome>) -> StorylineApp {
    common::app(Some(seed), saves, picks)
}

fn sources_of_most_told(app: &StorylineApp) -> usize {
    app.dossier()
        .and_then(|d| d.dossier.events.iter().map(|e| e.mentions.len()).max())
        .unwrap_or(0)
}

#[test]
fn new_dossier_add_articles_merge_and_export_both_sources() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (seed, uk, later) = story(dir.path());
    let file = dir.path().join("huawei.dossier.ron");
    let mut h = harness(app(
        &seed,
        &dir.path().join("saves"),
        vec![
            PickOutcome::Picked(file.clone()),
            PickOutcome::PickedMany(vec![uk.clone(), later.clone()]),
        ],
    ));
    // File > New Dossier…: the dialog answers with the file; the open
    // article is its first.
    h.state_mut().send(Command::Dossier(DossierAction::AskNew));
    h.run_steps(4);
    assert!(file.is_file(), "the dossier file is written");
    assert!(h.state().pane_shown(Pane::Library));
    // Add Articles…: two more from a multi-select dialog.
    h.get(
        By::new()
            .role(egui::accesskit::Role::Button)
            .label("Add Articles…"),
    )
    .click();
    h.run_steps(4);
    until(&mut h, |a| {
        a.dossier().is_some_and(|d| d.dossier.articles.len() == 3)
    });
    // The library lists the three by date, the seed first (Jan 23, 2020).
    let d = &h.state().dossier().expect("open").dossier;
    let titles: Vec<&str> = d.articles.iter().map(|a| a.title.as_str()).collect();
    assert!(titles[0].starts_with("Facing pushback"), "{titles:?}");
    assert_eq!(
        titles[1],
        "U.K. lets Huawei into its 5G networks, with limits"
    );
    // The Inspector offers the one merge: the decision the seed expected
    // "next week" is the one the brief reports.
    h.state_mut()
        .send(Command::Workspace(WorkspaceCommand::ShowPane(
            Pane::Inspector,
        )));
    until(&mut h, |a| {
        a.dossier()
            .is_some_and(|d| !d.merges.list.is_empty() && !d.merges.busy())
    });
    h.run_steps(2);
    assert_eq!(sources_of_most_told(h.state()), 1);
    h.get(By::new().role(egui::accesskit::Role::Button).label("Merge"))
        .click();
    h.run_steps(3);
    assert_eq!(sources_of_most_told(h.state()), 2, "one event, two sources");
    let uk_event = h
        .state()
        .dossier()
        .and_then(|d| d.dossier.events.iter().find(|e| e.mentions.len() == 2))
        .expect("merged")
        .clone();
    assert_eq!(uk_event.title, "UK government decides on Huawei");
    // Written to the dossier file shortly after.
    h.run_steps(30);
    let on_disk = storyline::store::dossier::read_dossier(&file).expect("reads");
    assert!(on_disk.events.iter().any(|e| e.mentions.len() == 2));
    // Ctrl+Z undoes the merge (the last change was the dossier's);
    // Ctrl+Shift+Z merges again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(sources_of_most_told(h.state()), 1);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(sources_of_most_told(h.state()), 2);
    // One undo history for the window: a highlight after the merge is
    // undone first, then the merge; redo brings back the merge, then it.
    let highlights = |h: &egui_kittest::Harness<'_, StorylineApp>| {
        h.state()
            .article()
            .map_or(0, |a| a.save.annotations.entries().len())
    };
    let before = highlights(&h);
    // (The Library in front of the Highlights tab: a new highlight brings
    // its editor forward.)
    h.state_mut()
        .send(Command::Workspace(WorkspaceCommand::ShowPane(
            Pane::Library,
        )));
    h.run_steps(2);
    let library_over_highlights = !h.state().pane_shown(Pane::Highlights);
    h.state_mut()
        .select(storyline::document::CharRange::new(0, 12));
    h.key_press(Key::H);
    h.run_steps(2);
    assert_eq!(highlights(&h), before + 1);
    assert!(
        library_over_highlights,
        "the Library and Highlights share tabs"
    );
    assert!(h.state().pane_shown(Pane::Highlights));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(highlights(&h), before, "the highlight went first");
    assert_eq!(sources_of_most_told(h.state()), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(sources_of_most_told(h.state()), 1, "then the merge");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(sources_of_most_told(h.state()), 2);
    assert_eq!(highlights(&h), before);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run_steps(2);
    assert_eq!(highlights(&h), before + 1);
    // Export HTML from the window: the event lists both sources.
    let out = dir.path().join("dossier.html");
    h.state_mut().send(Command::Export(ExportCommand::ExportTo(
        out.clone(),
        storyline::export::Format::Html,
    )));
    until(&mut h, |_| out.is_file());
    let html = std::fs::read_to_string(&out).expect("html");
    let section = html
        .split("<section")
        .find(|s| s.contains("<h3>UK government decides on Huawei</h3>"))
        .expect("the UK decision");
    assert!(section.contains("Facing pushback from allies"));
    assert!(section.contains("U.K. lets Huawei into its 5G networks, with limits"));
    assert!(section.contains("2 sources"));
    // Ctrl+PgDn reads the next article by date; clicking the library too.
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run_steps(3);
    let reading = |h: &Harness<'_, StorylineApp>| {
        h.state()
            .article()
            .map(|a| a.doc.meta.title.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        reading(&h),
        "U.K. lets Huawei into its 5G networks, with limits"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    h.run_steps(3);
    assert!(reading(&h).starts_with("Facing pushback"));
}

#[test]
fn the_sample_dossier_opens_on_one_timeline_and_a_source_opens_its_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A copy, so the window's writes stay out of the repository.
    let copy = dir.path().join("huawei-5g");
    std::fs::create_dir_all(&copy).expect("dir");
    // The whole folder: it carries its articles' highlights.
    common::copy_tree(Path::new(BRIEFS), &copy);
    let saves = dir.path().join("saves");
    std::fs::create_dir_all(&saves).expect("saves");
    for entry in std::fs::read_dir("saves").expect("saves") {
        let p = entry.expect("entry").path();
        std::fs::copy(&p, saves.join(p.file_name().expect("name"))).expect("copy");
    }
    let mut h = harness(common::app(None, &saves, vec![]));
    h.state_mut().send(Command::Window(WindowCommand::Open(
        copy.join("huawei-5g.dossier.ron"),
    )));
    h.run_steps(4);
    let d = h.state().dossier().expect("opened");
    assert_eq!(d.dossier.articles.len(), 7);
    assert!(d.missing.is_empty());
    // The Library lists all seven.
    for a in &d.dossier.articles.clone() {
        assert!(
            h.query_all_by_label(&a.title).next().is_some(),
            "{} not listed",
            a.title
        );
    }
    // The timeline shows the dossier: the merged UK decision, titled with
    // its sources and verdict.
    h.state_mut()
        .send(Command::Workspace(WorkspaceCommand::ShowPane(
            Pane::Timeline,
        )));
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("UK government decides on Huawei · 3 sources · as expected")
            .is_some()
    );
    // Filtered to the German vote's lane: the UK decision goes, the vote
    // stays (late, two sources).
    h.query_all(By::new().role(egui::accesskit::Role::ComboBox))
        .next()
        .expect("the lane filter")
        .click();
    h.run_steps(2);
    // (The chart names the lane too: the menu's item is the last.)
    h.query_all_by_label("German vote")
        .last()
        .expect("the lane in the menu")
        .click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("UK government decides on Huawei · 3 sources")
            .is_none()
    );
    assert!(h.query_by_label_contains("· 2 sources · late").is_some());
    // The count says how many are shown; the other lanes collapse.
    assert!(h.query_by_label_contains(" of 14 events").is_some());
    assert!(h.query_by_label("Lane UK decision").is_none());
    assert!(h.query_by_label("Lane German vote").is_some());
    h.get_by_label("Clear").click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("UK government decides on Huawei · 3 sources")
            .is_some()
    );
    assert!(h.query_by_label("Lane UK decision").is_some());
    assert!(h.query_by_label_contains("· 14 events").is_some());
    // Selecting it lists its three sources; a source opens its article.
    let uk = h
        .state()
        .dossier()
        .and_then(|d| {
            d.dossier
                .events
                .iter()
                .find(|e| e.mentions.len() == 3 && e.title.starts_with("UK"))
        })
        .map(|e| e.id.clone())
        .expect("uk");
    // (Ctrl+T on a shown timeline maximised it; choosing an event keeps it
    // so: back to the laptop layout, where "+N" can hide events.)
    h.state_mut()
        .send(Command::Workspace(WorkspaceCommand::ResetLayout));
    h.run_steps(2);
    h.state_mut()
        .send(Command::Dossier(DossierAction::Select(Some(uk.clone()))));
    h.run_steps(3);
    // "+N" never hides a selected event: selecting the UK lane's events
    // (five of seven behind "+5" at 1366×768) opens the lane.
    let uk_lane = Some(storyline::timeline::LaneId("l-uk".into()));
    let uk_events: Vec<storyline::timeline::EventId> = h
        .state()
        .dossier()
        .map(|d| {
            d.dossier
                .events
                .iter()
                .filter(|e| e.lanes.contains(uk_lane.as_ref().expect("lane")))
                .map(|e| e.id.clone())
                .collect()
        })
        .unwrap_or_default();
    assert!(uk_events.len() >= 6);
    for id in uk_events {
        h.state_mut()
            .send(Command::Dossier(DossierAction::Select(Some(id))));
        h.run_steps(2);
    }
    assert!(
        h.state()
            .dossier()
            .is_some_and(|d| d.timeline.expanded.contains(&uk_lane)),
        "the selected event's lane shows every row"
    );
    h.state_mut()
        .send(Command::Dossier(DossierAction::Select(Some(uk.clone()))));
    h.run_steps(3);
    // Edited where it is shown: another lane, then deleted, and Ctrl+Z
    // takes both back.
    let edit = storyline::dossier::EventEdit {
        title: "UK decides on Huawei".into(),
        lanes: vec![storyline::timeline::LaneId("l-germany".into())],
        note: String::new(),
        when: None,
    };
    h.state_mut()
        .send(Command::Dossier(DossierAction::Edit(uk.clone(), edit)));
    h.run_steps(3);
    assert!(
        h.query_by_label("Delete event").is_some(),
        "the editor is shown"
    );
    let lanes_of = |h: &egui_kittest::Harness<'_, StorylineApp>| {
        h.state()
            .dossier()
            .and_then(|d| d.dossier.event(&uk).map(|e| e.lanes.clone()))
    };
    assert_eq!(
        lanes_of(&h),
        Some(vec![storyline::timeline::LaneId("l-germany".into())])
    );
    h.get_by_label("Delete event").click();
    h.run_steps(3);
    assert_eq!(lanes_of(&h), None, "deleted");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        lanes_of(&h),
        Some(vec![storyline::timeline::LaneId("l-uk".into())]),
        "back, in its lane"
    );
    h.state_mut()
        .send(Command::Dossier(DossierAction::Select(Some(uk))));
    h.run_steps(3);
    // (The Library lists it too: the Inspector's link is the last.)
    h.query_all_by_label("U.K. reverses course and bans new Huawei 5G equipment")
        .last()
        .expect("the source")
        .click();
    h.run_steps(3);
    assert_eq!(
        h.state().article().map(|a| a.doc.meta.title.as_str()),
        Some("U.K. reverses course and bans new Huawei 5G equipment")
    );
}

#[test]
fn a_moved_article_is_found_again_and_a_deleted_one_is_listed_missing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (seed, uk, later) = story(dir.path());
    let file = dir.path().join("m.dossier.ron");
    let out = Process::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["dossier", "new"])
        .arg(&file)
        .args([&seed, &uk, &later])
        .arg("--saves")
        .arg(dir.path().join("saves"))
        .env("STORYLINE_STATE", dir.path().join("cli-state.ron"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Moved into a sub-folder; the other deleted.
    std::fs::create_dir_all(dir.path().join("archive")).expect("dir");
    std::fs::rename(&uk, dir.path().join("archive/uk.md")).expect("move");
    std::fs::remove_file(&later).expect("rm");
    let mut h = harness(app(&seed, &dir.path().join("saves"), vec![]));
    h.state_mut()
        .send(Command::Window(WindowCommand::Open(file.clone())));
    h.run_steps(4);
    let d = h.state().dossier().expect("open");
    assert!(
        d.dossier.article("archive/uk.md").is_some(),
        "found by its text"
    );
    assert_eq!(d.missing.len(), 1);
    assert!(d.missing.iter().all(|m| m.starts_with("2021-09-25")));
    // Its events are kept, and the file follows the move.
    assert!(
        d.dossier
            .events
            .iter()
            .any(|e| e.mentions.iter().any(|m| m.article == "archive/uk.md"))
    );
    assert!(
        h.query_by_label("missing").is_some(),
        "marked in the Library"
    );
    h.run_steps(30);
    let on_disk = storyline::store::dossier::read_dossier(&file).expect("reads");
    assert!(on_disk.article("archive/uk.md").is_some());
    assert_eq!(on_disk.articles.len(), 3, "the missing one is kept");
}
