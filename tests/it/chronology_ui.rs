//! The Chronology as a reporter uses it on a laptop: the sample dossier
//! opens with every event listed beside the chart (none behind "+N"), each
//! with its sources and verdict; clicking a row selects the event in the
//! chart and the Inspector; the arrow keys step through the rows; the
//! timeline's filter narrows the list and its count; "Copy as text" gives
//! story-ready lines with citations.

use crate::common;

use common::{sample_dossier, window};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use storyline::app::{Command, StorylineApp, WindowCommand, WorkspaceCommand};
use storyline::store::layout::Pane;

fn copied(h: &Harness<'_, StorylineApp>) -> Option<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
}

#[test]
fn the_laptop_chronology_lists_every_event_and_selects_with_clicks_and_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_dossier(dir.path());
    let saves = dir.path().join("saves");
    std::fs::create_dir_all(&saves).expect("saves");
    for entry in std::fs::read_dir("saves").expect("saves") {
        let p = entry.expect("entry").path();
        std::fs::copy(&p, saves.join(p.file_name().expect("name"))).expect("copy");
    }
    let mut h = window(None, &saves, vec![]);
    h.state_mut()
        .send(Command::Window(WindowCommand::Open(file)));
    h.run_steps(6);
    assert!(h.state().pane_shown(Pane::Chronology), "shown by default");
    let open = h.state().dossier().expect("open");
    let total = open.dossier.events.len();
    assert!(total >= 10, "{total}");
    assert!(h.query_by_label(&format!("{total} events")).is_some());

    // Every event is a row, in date order, with its sources and verdict.
    let rows: Vec<String> = h
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.contains(" — ") && l.contains('('))
        .collect();
    assert_eq!(rows.len(), total, "{rows:#?}");
    assert!(
        rows.iter()
            .any(|r| r.contains("sources") || r.contains("; ")),
        "an event told by several articles cites them all: {rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("[late]") || r.contains("[early]") || r.contains("[as expected]")),
        "a forecast says how it came: {rows:#?}"
    );

    // A click selects the event, shows it in the Inspector.
    let second = rows[1].clone();
    h.get_by_label(&second).click();
    h.run_steps(3);
    let open = h.state().dossier().expect("open");
    let selected = open.timeline.selected.clone().expect("selected");
    let event = open.dossier.event(&selected).expect("event");
    assert!(
        second.contains(event.title.trim()),
        "{second} / {}",
        event.title
    );
    assert!(h.state().pane_shown(Pane::Inspector));

    // Down selects the next row, Up the one before.
    h.key_press(Key::ArrowDown);
    h.run_steps(3);
    let now = h.state().dossier().expect("open").timeline.selected.clone();
    assert_ne!(now.as_ref(), Some(&selected), "moved on");
    let third_title = &h
        .state()
        .dossier()
        .expect("open")
        .dossier
        .event(now.as_ref().expect("selected"))
        .expect("event")
        .title;
    assert!(rows[2].contains(third_title.trim()), "{:?}", rows[2]);
    h.key_press(Key::ArrowUp);
    h.run_steps(3);
    assert_eq!(
        h.state().dossier().expect("open").timeline.selected,
        Some(selected)
    );

    // Maximised, the Chronology stays so when a row is chosen.
    h.state_mut()
        .send(Command::Workspace(WorkspaceCommand::ToggleMaximized(
            Pane::Chronology,
        )));
    h.run_steps(3);
    h.get_by_label(&rows[3]).click();
    h.run_steps(3);
    assert!(
        h.state().pane_shown(Pane::Chronology),
        "still there after a click"
    );
    assert!(!h.state().pane_shown(Pane::Inspector), "not un-maximised");
    h.state_mut()
        .send(Command::Workspace(WorkspaceCommand::ToggleMaximized(
            Pane::Chronology,
        )));
    h.run_steps(3);

    // "Copy as text": a heading per month, a line per event with citations.
    h.get_by_label("Copy as text").click();
    h.step();
    let text = copied(&h).expect("copied");
    let lines: Vec<&str> = text.lines().filter(|l| l.contains(" — ")).collect();
    assert_eq!(lines.len(), total, "{text}");
    assert!(
        text.starts_with("December 2019\n") || text.starts_with("20"),
        "{text}"
    );

    // The timeline's filter narrows the list and says so.
    let lane = h
        .state()
        .dossier()
        .expect("open")
        .dossier
        .lanes
        .first()
        .expect("lane")
        .clone();
    h.get_by(|n| n.value().as_deref() == Some("every lane"))
        .click();
    h.run_steps(2);
    h.get_by_label(&lane.name).click();
    h.run_steps(3);
    let open = h.state().dossier().expect("open");
    let in_lane = open
        .dossier
        .events
        .iter()
        .filter(|e| e.lanes.contains(&lane.id))
        .count();
    assert!(in_lane < total);
    assert!(
        h.query_by_label(&format!("{in_lane} of {total} events"))
            .is_some()
    );
}
