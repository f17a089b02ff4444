//! A dossier's timeline built from scratch in the window, as a reporter
//! would on a laptop: three briefs made into a new dossier open on what
//! their articles suggest; "Accept all" for each article; the Inspector
//! offers lanes for the events that have none, and one click makes them —
//! three lanes, one per storyline, with readable titles; Ctrl+Z takes the
//! lanes back; a lane is renamed in place; dismissed suggestions stay away.

use crate::common;

use common::{dossier_of_briefs, until, window};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use storyline::app::dossier::DossierAction;
use storyline::app::{Command, WindowCommand};

#[test]
fn three_briefs_become_a_timeline_in_three_lanes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saves = dir.path().join("saves");
    let file = dossier_of_briefs(
        dir.path(),
        &saves,
        &[
            "2020-01-28-uk-limits-huawei.md",
            "2020-05-27-meng-ruling.md",
            "2021-04-23-bundestag-it-security-law.md",
        ],
    );

    let mut h = window(None, &saves, vec![]);
    h.state_mut()
        .send(Command::Window(WindowCommand::Open(file.clone())));
    h.run_steps(4);
    // A new dossier opens on its articles' suggestions.
    until(&mut h, |app| {
        app.dossier()
            .is_some_and(|d| !d.queue.busy() && !d.queue.list().is_empty())
    });
    h.run_steps(2);
    let suggested = h.state().dossier().expect("open").queue.list().len();
    assert!(suggested >= 6, "{suggested}");

    // One dismissed, then every article's "Accept all".
    h.get_all_by_label("Dismiss")
        .nth(1)
        .expect("a suggestion")
        .click();
    h.run_steps(3);
    for _ in 0..3 {
        let Some(button) = h.get_all_by_label("Accept all").next() else {
            break;
        };
        button.click();
        h.run_steps(3);
    }
    assert!(h.query_by_label("Accept all").is_none(), "all accepted");
    let open = h.state().dossier().expect("open");
    let events = open.dossier.events.len();
    assert_eq!(events, suggested - 1, "the dismissed one stays out");
    assert!(open.dossier.lanes.is_empty());
    assert!(open.dossier.events.iter().all(|e| e.lanes.is_empty()));

    // Titles a reporter would keep: a capitalised clause, never a fragment.
    for e in &open.dossier.events {
        let t = e.title.trim();
        assert!(t.split_whitespace().count() >= 3, "fragment: {t:?}");
        assert!(
            t.chars().next().is_some_and(char::is_uppercase),
            "starts mid-sentence: {t:?}"
        );
        assert!(!t.ends_with(" said") && !t.starts_with("Said "), "{t:?}");
    }

    // The Inspector offers lanes; one click makes them.
    h.get_by_label("Make the suggested lanes").click();
    h.run_steps(3);
    let open = h.state().dossier().expect("open");
    let lanes: Vec<String> = open.dossier.lanes.iter().map(|l| l.name.clone()).collect();
    assert_eq!(lanes.len(), 3, "{lanes:?}");
    let in_lanes = open
        .dossier
        .events
        .iter()
        .filter(|e| !e.lanes.is_empty())
        .count();
    assert!(
        in_lanes * 4 >= events * 3,
        "{in_lanes} of {events} in lanes"
    );
    // One lane per storyline: each brief's events share a lane.
    for brief in ["uk-limits", "meng-ruling", "bundestag"] {
        let mut of_brief: Vec<_> = open
            .dossier
            .events
            .iter()
            .filter(|e| e.mentions[0].article.contains(brief))
            .flat_map(|e| e.lanes.clone())
            .collect();
        of_brief.sort();
        of_brief.dedup();
        assert_eq!(of_brief.len(), 1, "{brief}: {of_brief:?} in {lanes:?}");
    }

    // Undo takes the lanes back; redo makes them again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert!(h.state().dossier().expect("open").dossier.lanes.is_empty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().dossier().expect("open").dossier.lanes.len(), 3);

    // A lane renamed in place keeps its events.
    let first = lanes[0].clone();
    h.get_by_label_contains("Lanes (3)").click();
    h.run_steps(2);
    let field = h.get_by(|n| {
        n.role() == egui::accesskit::Role::TextInput && n.value().as_deref() == Some(first.as_str())
    });
    field.click();
    h.run_steps(1);
    field_type(&mut h, "Storyline one");
    let open = h.state().dossier().expect("open");
    assert!(
        open.dossier.lanes.iter().any(|l| l.name == "Storyline one"),
        "{:?}",
        open.dossier.lanes
    );
    assert_eq!(
        open.dossier
            .events
            .iter()
            .filter(|e| !e.lanes.is_empty())
            .count(),
        in_lanes
    );

    // An event's date set where it is shown, over its sources'; undoable.
    let id = h.state().dossier().expect("open").dossier.events[0]
        .id
        .clone();
    let before = storyline::dossier::resolve(
        h.state()
            .dossier()
            .expect("open")
            .dossier
            .event(&id)
            .expect("e"),
    );
    h.state_mut()
        .send(Command::Dossier(DossierAction::Select(Some(id.clone()))));
    h.run_steps(3);
    h.get_by_label("Date").click();
    h.run_steps(1);
    field_type(&mut h, "2019-03-15");
    let now = |h: &egui_kittest::Harness<'_, storyline::app::StorylineApp>| {
        storyline::dossier::resolve(
            h.state()
                .dossier()
                .expect("open")
                .dossier
                .event(&id)
                .expect("e"),
        )
    };
    assert_eq!(now(&h).start, jiff::civil::date(2019, 3, 15));
    h.get_by_label("Undo").click();
    h.run_steps(3);
    assert_eq!(now(&h).start, before.start);
}

/// Selects the focused field's text, types `text`, presses Enter.
fn field_type(h: &mut egui_kittest::Harness<'_, storyline::app::StorylineApp>, text: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    let focused = |n: &egui_kittest::kittest::AccessKitNode<'_>| n.is_focused();
    h.get_by(focused).type_text(text);
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
}
