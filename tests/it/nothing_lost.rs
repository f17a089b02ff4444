//! Nothing lost, ever: reading a dossier never removes a mention, a merge
//! or a count from it — with no saves beside it, with saves, after merges
//! and undos, through any sequence of actions that is not a delete; an
//! explicit delete is the only way out, and an undo brings it back where
//! it was. Each scenario was a failing test first (issue 23).

use crate::common;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use proptest::prelude::*;
use storyline::app::dossier::DossierAction;
use storyline::app::{Command, Direction, HighlightsCommand, StorylineApp, WindowCommand};

/// A copy of the sample dossier in `dir`, and a saves folder: empty, or
/// with the repository's saves.
fn sample(dir: &Path, with_saves: bool) -> (PathBuf, PathBuf) {
    let file = common::sample_dossier(dir);
    let saves = dir.join("saves");
    std::fs::create_dir_all(&saves).expect("saves");
    if with_saves {
        for entry in std::fs::read_dir("saves").expect("saves") {
            let p = entry.expect("entry").path();
            if p.extension().is_some_and(|e| e == "ron") {
                std::fs::copy(&p, saves.join(p.file_name().expect("name"))).expect("copy");
            }
        }
    }
    (file, saves)
}

fn open(file: &Path, saves: &Path) -> Harness<'static, StorylineApp> {
    let mut h = common::window(None, saves, vec![]);
    h.state_mut()
        .send(Command::Window(WindowCommand::Open(file.to_owned())));
    h.run_steps(4);
    assert!(h.state().dossier().is_some(), "the dossier opened");
    h
}

/// Waits for the merge suggestions (worked out on a thread) and merges
/// the first.
fn merge_first_suggestion(h: &mut Harness<'_, StorylineApp>) {
    common::until(h, |app| {
        app.dossier()
            .is_some_and(|d| !d.merges.busy() && !d.merges.list.is_empty())
    });
    let s = h.state().dossier().expect("open").merges.list[0].clone();
    h.state_mut()
        .send(Command::Dossier(DossierAction::Merge(s.a, s.b)));
}

/// Runs past every save delay (the article's 0.4 s, the dossier's 0.5 s:
/// 45 frames of 1/30 s), letting background writes land.
fn settle(h: &mut Harness<'_, StorylineApp>) {
    for _ in 0..45 {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

/// Closes the window as eframe does.
fn close(h: &mut Harness<'_, StorylineApp>) {
    eframe::App::on_exit(h.state_mut(), None);
}

/// Every mention of the dossier file, as (article, source event, evidence).
fn mentions(file: &Path) -> Vec<(String, String, Vec<String>)> {
    let d = storyline::store::dossier::read_dossier(file).expect("reads");
    let mut out: Vec<_> = d
        .events
        .iter()
        .flat_map(|e| &e.mentions)
        .map(|m| {
            (
                m.article.clone(),
                m.source_event
                    .as_ref()
                    .map(|s| s.0.clone())
                    .unwrap_or_default(),
                m.evidence.iter().map(|h| h.0.clone()).collect(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Opens the seed article (the first by date is the Jan 20 brief).
fn read_the_seed(h: &mut Harness<'_, StorylineApp>) {
    h.state_mut()
        .send(Command::Dossier(DossierAction::OpenArticle(
            "huawei-5g-2020-01-23.md".into(),
            None,
        )));
    h.run_steps(4);
}

fn walk_every_article(h: &mut Harness<'_, StorylineApp>) {
    for _ in 0..8 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
        h.run_steps(3);
        settle(h);
    }
}

#[test]
fn walking_the_sample_dossier_with_no_saves_changes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let (file, saves) = sample(dir.path(), false);
    let before = std::fs::read(&file).expect("read");
    let mut h = open(&file, &saves);
    walk_every_article(&mut h);
    assert_eq!(
        h.state()
            .dossier()
            .and_then(|d| d.current.clone())
            .as_deref(),
        Some("2021-09-25-meng-returns-to-china.md"),
        "walked to the last article"
    );
    // The Library keeps the dossier's own counts (no save here).
    assert!(
        h.state()
            .dossier()
            .is_some_and(|d| d.dossier.articles.iter().all(|a| a.highlights > 0))
    );
    close(&mut h);
    let after = std::fs::read(&file).expect("read");
    assert!(
        before == after,
        "the dossier changed:\n{}",
        String::from_utf8_lossy(&after)
    );
}

#[test]
fn the_issue_s_walk_keeps_fourteen_events_and_nineteen_mentions() {
    // Ctrl+PgDn twice and close, no saves: the issue's steps exactly.
    let dir = tempfile::tempdir().expect("tmp");
    let (file, saves) = sample(dir.path(), false);
    let mut h = open(&file, &saves);
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
        h.run_steps(3);
        settle(&mut h);
    }
    close(&mut h);
    let d = storyline::store::dossier::read_dossier(&file).expect("reads");
    let n: usize = d.events.iter().map(|e| e.mentions.len()).sum();
    assert_eq!((d.events.len(), n), (14, 19));
}

#[test]
fn walking_it_with_its_saves_changes_nothing_either() {
    let dir = tempfile::tempdir().expect("tmp");
    let (file, saves) = sample(dir.path(), true);
    let before = std::fs::read(&file).expect("read");
    let mut h = open(&file, &saves);
    walk_every_article(&mut h);
    close(&mut h);
    assert!(before == std::fs::read(&file).expect("read"));
}

#[test]
fn a_merge_an_unmerge_and_their_undos_leave_the_file_as_it_was() {
    for with_saves in [false, true] {
        let dir = tempfile::tempdir().expect("tmp");
        let (file, saves) = sample(dir.path(), with_saves);
        let before = std::fs::read(&file).expect("read");
        let mut h = open(&file, &saves);
        merge_first_suggestion(&mut h);
        h.run_steps(2);
        settle(&mut h);
        let uk = h
            .state()
            .dossier()
            .and_then(|d| d.dossier.events.iter().find(|e| e.mentions.len() == 3))
            .map(|e| (e.id.clone(), e.mentions[1].article.clone()))
            .expect("a three-source event");
        h.state_mut()
            .send(Command::Dossier(DossierAction::Unmerge(uk.0, uk.1)));
        h.run_steps(2);
        settle(&mut h);
        walk_every_article(&mut h);
        for _ in 0..2 {
            h.state_mut().send(Command::Dossier(DossierAction::Undo));
            h.run_steps(2);
        }
        settle(&mut h);
        close(&mut h);
        assert!(
            before == std::fs::read(&file).expect("read"),
            "with saves: {with_saves}"
        );
    }
}

#[test]
fn only_an_explicit_delete_takes_a_mention_out_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().expect("tmp");
    let (file, saves) = sample(dir.path(), true);
    let before = mentions(&file);
    let bytes = std::fs::read(&file).expect("read");
    let mut h = open(&file, &saves);
    read_the_seed(&mut h);
    let event = h
        .state()
        .article()
        .and_then(|a| {
            a.save
                .annotations
                .events()
                .iter()
                .find(|e| e.title.starts_with("UK"))
        })
        .map(|e| e.id.clone())
        .expect("the seed's UK event");
    h.state_mut()
        .send(Command::Highlights(HighlightsCommand::Annotate(
            storyline::annotate::Command::DeleteEvent(event.clone()),
        )));
    h.run_steps(2);
    settle(&mut h);
    let gone = mentions(&file);
    assert_eq!(gone.len(), before.len() - 1);
    assert!(
        !gone
            .iter()
            .any(|m| m.0 == "huawei-5g-2020-01-23.md" && m.1 == event.0)
    );
    // Undo: back into its three-source event, the file as it was.
    h.state_mut().send(Command::Window(WindowCommand::Undo));
    h.run_steps(2);
    settle(&mut h);
    close(&mut h);
    assert_eq!(mentions(&file), before);
    // Back in the very event it was in, merges and all.
    assert!(bytes == std::fs::read(&file).expect("read"));
}

#[test]
fn evidence_not_on_this_machine_is_said_with_the_dossier_s_quote() {
    let dir = tempfile::tempdir().expect("tmp");
    let (file, saves) = sample(dir.path(), false);
    let mut h = open(&file, &saves);
    let uk = h
        .state()
        .dossier()
        .and_then(|d| d.dossier.events.iter().find(|e| e.mentions.len() == 3))
        .map(|e| e.id.clone())
        .expect("uk");
    h.state_mut()
        .send(Command::Dossier(DossierAction::Select(Some(uk))));
    h.run_steps(4);
    assert!(
        h.query_all_by_label_contains("Not the same event: split out")
            .next()
            .is_some(),
        "the Inspector shows the event"
    );
    assert!(
        h.query_all_by_label_contains("Evidence not on this machine")
            .count()
            == 3,
        "each of the three sources says so"
    );
}

/// What the property test does: everything a reader does that is not a
/// delete.
#[derive(Clone, Debug)]
enum Act {
    Next,
    Previous,
    Open(usize),
    Select(usize),
    ShowAll(bool),
    Merge,
    KeepApart,
    Unmerge(usize),
    Undo,
    Redo,
    Highlight(usize),
    Settle,
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        Just(Act::Next),
        Just(Act::Previous),
        (0..7usize).prop_map(Act::Open),
        (0..14usize).prop_map(Act::Select),
        any::<bool>().prop_map(Act::ShowAll),
        Just(Act::Merge),
        Just(Act::KeepApart),
        (0..14usize).prop_map(Act::Unmerge),
        Just(Act::Undo),
        Just(Act::Redo),
        (0..2000usize).prop_map(Act::Highlight),
        Just(Act::Settle),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_without_a_delete_loses_a_mention(
        with_saves in any::<bool>(),
        acts in proptest::collection::vec(act(), 1..14),
    ) {
        let dir = tempfile::tempdir().expect("tmp");
        let (file, saves) = sample(dir.path(), with_saves);
        let before = mentions(&file);
        let mut h = open(&file, &saves);
        for a in &acts {
            let d = h.state().dossier().expect("open").clone_parts();
            let cmd = match a {
                Act::Next => Some(Command::Dossier(DossierAction::Step(Direction::Forward))),
                Act::Previous => Some(Command::Dossier(DossierAction::Step(Direction::Back))),
                Act::Open(i) => d.articles.get(*i).map(|p| Command::Dossier(DossierAction::OpenArticle(p.clone(), None))),
                Act::Select(i) => d.events.get(*i).map(|e| Command::Dossier(DossierAction::Select(Some(e.0.clone())))),
                Act::ShowAll(b) => Some(Command::Dossier(DossierAction::ShowAll(*b))),
                Act::Merge => d.suggestion.clone().map(|(a, b)| Command::Dossier(DossierAction::Merge(a, b))),
                Act::KeepApart => d.suggestion.clone().map(|(a, b)| Command::Dossier(DossierAction::KeepApart(a, b))),
                Act::Unmerge(i) => d.events.get(*i).and_then(|e| e.1.clone()).map(|(id, art)| Command::Dossier(DossierAction::Unmerge(id, art))),
                Act::Undo => Some(Command::Window(WindowCommand::Undo)),
                Act::Redo => Some(Command::Window(WindowCommand::Redo)),
                Act::Highlight(at) => {
                    let len = h.state().article().map_or(0, |a| a.doc.char_len);
                    if len > 40 {
                        let s = at % (len - 20);
                        h.state_mut().select(storyline::document::CharRange::new(s, s + 12));
                        Some(Command::Highlights(HighlightsCommand::Highlight(storyline::annotate::HighlightColor::Green)))
                    } else {
                        None
                    }
                }
                Act::Settle => {
                    settle(&mut h);
                    None
                }
            };
            if let Some(c) = cmd {
                h.state_mut().send(c);
            }
            h.run_steps(3);
        }
        settle(&mut h);
        close(&mut h);
        let after = mentions(&file);
        for m in &before {
            prop_assert!(after.contains(m), "lost {:?}", m);
        }
    }
}

/// The parts of the open dossier the property test picks from.
struct Parts {
    articles: Vec<String>,
    /// Each event's id, and a mention to split out when it has several.
    events: Vec<(
        storyline::timeline::EventId,
        Option<(storyline::timeline::EventId, String)>,
    )>,
    suggestion: Option<(storyline::timeline::EventId, storyline::timeline::EventId)>,
}

trait CloneParts {
    fn clone_parts(&self) -> Parts;
}

impl CloneParts for storyline::app::dossier::OpenDossier {
    fn clone_parts(&self) -> Parts {
        Parts {
            articles: self
                .dossier
                .articles
                .iter()
                .map(|a| a.path.clone())
                .collect(),
            events: self
                .dossier
                .events
                .iter()
                .map(|e| {
                    let split = (e.mentions.len() > 1).then(|| {
                        (
                            e.id.clone(),
                            e.mentions[e.mentions.len() - 1].article.clone(),
                        )
                    });
                    (e.id.clone(), split)
                })
                .collect(),
            suggestion: self.merges.list.first().map(|s| (s.a.clone(), s.b.clone())),
        }
    }
}

#[test]
fn an_event_another_writer_removed_from_a_save_stays_in_the_dossier() {
    // The save changes on disk while its article is open (a colleague's
    // Storyline, a git pull): the window merges it in, and the dossier
    // keeps the mention — only this reader's own delete takes one out.
    let dir = tempfile::tempdir().expect("tmp");
    let (file, saves) = sample(dir.path(), true);
    let before = mentions(&file);
    let mut h = open(&file, &saves);
    read_the_seed(&mut h);
    settle(&mut h);
    let save = saves.join("huawei-5g-2020-01-23.ron");
    let text = std::fs::read_to_string(&save).expect("save");
    let mut parsed: storyline::store::saves::SaveFile =
        storyline::store::from_ron(&text, &save).expect("parses");
    let removed = parsed.events.remove(0).id;
    let text = storyline::store::to_ron(&parsed, &save).expect("ron");
    std::fs::write(&save, text).expect("write");
    // The watch looks every 2 s: the outside change is merged in.
    common::until(&mut h, |app| {
        app.article()
            .is_some_and(|a| a.save.annotations.event(&removed).is_none())
    });
    settle(&mut h);
    close(&mut h);
    assert_eq!(mentions(&file), before);
}

#[test]
fn an_article_read_in_the_background_takes_nothing_out_either() {
    // A long read (over 1 MB: opened off the UI thread) in the dossier, its
    // event made on another machine: reading it here, with no save, keeps
    // the event, its mention and its count.
    let dir = tempfile::tempdir().expect("tmp");
    let (file, _) = sample(dir.path(), false);
    let big = file.with_file_name("long-read.md");
    let mut text = String::from(
        "# The long read\n\nWall Street Journal, Feb 2, 2020\n\nThe committee voted on March 3, 2020 to approve the plan.\n\n",
    );
    while text.len() < 1_500_000 {
        text.push_str("Filler about networks, vendors and security reviews, again and again. \n\n");
    }
    std::fs::write(&big, text).expect("write");
    let elsewhere = dir.path().join("colleague-saves");
    let f = file.to_str().expect("utf-8");
    let b = big.to_str().expect("utf-8");
    for args in [
        vec![
            "annotate",
            b,
            "--quote",
            "The committee voted on March 3, 2020 to approve the plan",
            "--event",
            "--lane",
            "UK decision",
        ],
        vec!["dossier", "add", f, b],
    ] {
        let r = common::storyline(&elsewhere, &args);
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    }
    let before = std::fs::read(&file).expect("read");
    assert!(mentions(&file).iter().any(|m| m.0 == "long-read.md"));
    let saves = dir.path().join("my-saves");
    std::fs::create_dir_all(&saves).expect("saves");
    let mut h = open(&file, &saves);
    h.state_mut()
        .send(Command::Dossier(DossierAction::OpenArticle(
            "long-read.md".into(),
            None,
        )));
    h.run_steps(2);
    common::until(&mut h, |app| {
        app.article()
            .is_some_and(|a| a.path.ends_with("long-read.md"))
    });
    settle(&mut h);
    close(&mut h);
    assert!(before == std::fs::read(&file).expect("read"));
}

#[test]
fn a_dossier_that_lost_over_half_its_mentions_offers_its_earlier_version() {
    let dir = tempfile::tempdir().expect("tmp");
    let (file, saves) = sample(dir.path(), false);
    let full = std::fs::read(&file).expect("read");
    // An earlier version held all 19 mentions; the file now holds 6.
    storyline::store::versions::keep_now(&file, &full, jiff::Timestamp::now()).expect("keep");
    let mut d = storyline::store::dossier::read_dossier(&file).expect("reads");
    d.events.truncate(6);
    for e in &mut d.events {
        e.mentions.truncate(1);
    }
    storyline::store::dossier::write_dossier(&file, &d).expect("write");
    let h = open(&file, &saves);
    let offer = h
        .state()
        .messages()
        .iter()
        .find(|m| m.text.contains("less than half the mentions"))
        .unwrap_or_else(|| panic!("the window says so: {:?}", h.state().messages()));
    assert!(
        offer
            .action
            .as_ref()
            .is_some_and(|(label, _)| label == "Restore a previous version…")
    );
}

#[test]
fn removing_an_article_from_the_dossier_is_undone_by_ctrl_z() {
    let dir = tempfile::tempdir().expect("tmp");
    let (file, saves) = sample(dir.path(), true);
    let before = std::fs::read(&file).expect("read");
    let mut h = open(&file, &saves);
    h.state_mut().send(Command::Dossier(DossierAction::Remove(
        "huawei-5g-2020-01-23.md".into(),
    )));
    h.run_steps(2);
    settle(&mut h);
    let d = storyline::store::dossier::read_dossier(&file).expect("reads");
    assert_eq!(d.articles.len(), 6);
    assert!(
        h.state()
            .messages()
            .iter()
            .any(|m| m.text.contains("Ctrl+Z puts it back"))
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    settle(&mut h);
    close(&mut h);
    assert!(
        before == std::fs::read(&file).expect("read"),
        "back as it was"
    );
}

#[test]
fn a_read_only_dossier_is_shown_never_written_and_a_working_copy_offered() {
    // As a package installs the sample under /usr/share: the file marked
    // read-only (root writes anyway, so the mark is what counts).
    let dir = tempfile::tempdir().expect("tmp");
    let (file, saves) = sample(dir.path(), false);
    let before = std::fs::read(&file).expect("read");
    let mut perms = std::fs::metadata(&file).expect("meta").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&file, perms).expect("chmod");
    let mut h = open(&file, &saves);
    assert!(h.state().dossier().is_some_and(|d| d.read_only));
    let offer = h
        .state()
        .messages()
        .iter()
        .find(|m| m.text.contains("is read-only"))
        .cloned()
        .expect("the window says so");
    assert!(
        matches!(
            offer.action,
            Some((ref label, Command::Window(WindowCommand::WorkingCopy(ref p))))
                if label == "Make a Working Copy" && *p == file
        ),
        "{offer:?}"
    );
    // A change in the window is not written.
    merge_first_suggestion(&mut h);
    settle(&mut h);
    assert!(
        std::fs::read(&file).expect("read") == before,
        "never written"
    );
    assert!(
        !common::message_texts(&h)
            .iter()
            .any(|m| m.contains("was not saved")),
        "{:?}",
        common::message_texts(&h)
    );
    let mut perms = std::fs::metadata(&file).expect("meta").permissions();
    #[allow(clippy::permissions_set_readonly_false)] // the test's own file
    perms.set_readonly(false);
    std::fs::set_permissions(&file, perms).expect("chmod back");
}
