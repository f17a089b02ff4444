//! Key dates in the window, as a reporter uses them: a dossier made from
//! scratch opens to an empty timeline that points to Key dates; the
//! proposals come (worked out off the UI thread), each with its why;
//! Accept puts one on the timeline with every source, in a suggested lane;
//! Ctrl+Z takes it back; Dismiss is remembered in the dossier file.

use crate::common;

use common::{dossier_of_briefs, storyline, until};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use storyline::app::{Command, WindowCommand, WorkspaceCommand};
use storyline::store::layout::Pane;

#[test]
fn key_dates_are_proposed_accepted_undone_and_dismissed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saves = dir.path().join("saves");
    let file = dossier_of_briefs(
        dir.path(),
        &saves,
        &[
            "2020-01-20-meng-hearing-opens.md",
            "2020-01-28-uk-limits-huawei.md",
            "2020-05-27-meng-ruling.md",
            "2021-04-23-bundestag-it-security-law.md",
            "2021-09-25-meng-returns-to-china.md",
        ],
    );

    let mut h = common::harness_of(
        common::app(None, &saves, vec![]),
        egui::vec2(1366.0, 768.0),
        1.0 / 30.0,
        3,
    );
    h.state_mut()
        .send(Command::Window(WindowCommand::Open(file.clone())));
    h.run_steps(4);
    h.state_mut()
        .send(Command::Workspace(WorkspaceCommand::ShowPane(
            Pane::Timeline,
        )));
    h.run_steps(3);
    assert!(h.state().dossier().expect("open").dossier.events.is_empty());
    // (The empty timeline's hint, painted, points to the button: see the
    // README's screenshot.)
    h.get_by_label("Key dates").click();
    until(&mut h, |app| {
        app.dossier().is_some_and(|d| d.key_dates.found.is_some())
    });
    h.run_steps(3);
    let open = h.state().dossier().expect("open");
    let proposals: Vec<_> = open.open_key_dates().into_iter().cloned().collect();
    assert!(proposals.len() >= 4, "{proposals:#?}");
    assert!(
        proposals
            .iter()
            .any(|k| k.date == jiff::civil::date(2018, 12, 1)),
        "the arrest, named by three briefs"
    );
    assert!(
        h.query_by_label_contains("reported by 3 articles")
            .is_some()
    );
    assert!(
        h.query_by_label_contains(&format!("Accept all {}", proposals.len()))
            .is_some()
    );

    // Accept the best one: an event with every source, in its lane.
    let best = proposals[0].clone();
    h.query_all_by_label("Accept")
        .next()
        .expect("Accept")
        .click();
    h.run_steps(3);
    let open = h.state().dossier().expect("open");
    let e = open
        .dossier
        .events
        .iter()
        .find(|e| e.title == best.title)
        .expect("accepted");
    assert_eq!(e.mentions.len(), best.sources.len());
    if best.lane.is_some() {
        assert_eq!(e.lanes.len(), 1, "in its suggested lane");
        assert!(
            !open.dossier.lanes.is_empty(),
            "the suggested lane was made"
        );
    }
    assert_eq!(open.open_key_dates().len(), proposals.len() - 1);

    // Ctrl+Z takes it back (and the lane made for it).
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    let open = h.state().dossier().expect("open");
    assert!(open.dossier.events.is_empty());
    assert!(open.dossier.lanes.is_empty());
    assert_eq!(open.open_key_dates().len(), proposals.len());

    // Dismiss one: not proposed again, and written to the dossier file.
    let first = h.state().dossier().expect("open").open_key_dates()[0].date;
    h.query_all_by_label("Dismiss")
        .next()
        .expect("Dismiss")
        .click();
    h.run_steps(3);
    assert_eq!(
        h.state()
            .dossier()
            .expect("open")
            .dossier
            .dismissed_key_dates,
        vec![first]
    );
    // The dismissed one is listed, and Restore proposes it again (and
    // Ctrl+Z dismisses it again).
    h.get_by_label("Dismissed (1)").click();
    h.run_steps(2);
    h.get_by_label("Restore").click();
    h.run_steps(3);
    assert!(
        h.state()
            .dossier()
            .expect("open")
            .dossier
            .dismissed_key_dates
            .is_empty()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(
        h.state()
            .dossier()
            .expect("open")
            .dossier
            .dismissed_key_dates,
        vec![first]
    );
    // Accept all the others.
    h.get_by_label(&format!("Accept all {}", proposals.len() - 1))
        .click();
    h.run_steps(3);
    let open = h.state().dossier().expect("open");
    assert_eq!(open.dossier.events.len(), proposals.len() - 1);
    assert!(open.open_key_dates().is_empty());
    assert!(
        h.query_by_label_contains("Every proposed key date is on the timeline or dismissed")
            .is_some()
    );
    h.state_mut().send(Command::Dossier(
        storyline::app::dossier::DossierAction::Close,
    ));
    h.run_steps(2);
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.contains("dismissed_key_dates"), "{text}");
    assert!(text.contains(&first.to_string()));
    // Accepted key dates export like any event.
    let saves = dir.path().join("saves");
    for format in ["md", "timelinejs", "html"] {
        let out = storyline(
            &saves,
            &[
                "dossier",
                "export",
                file.to_str().expect("utf-8"),
                "--format",
                format,
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let accepted = &proposals[1];
        let head: String = accepted
            .title
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == ' ')
            .take(20)
            .collect();
        assert!(text.contains(&head), "{format}: {head}");
    }
}
