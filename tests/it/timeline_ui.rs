//! Headless UI flows for the timeline: add a highlight to it, undo; click an
//! event; accept and dismiss suggestions; edit a lane.

use crate::common;
use crate::common::SAMPLE;

use egui::{Key, Modifiers, PointerButton};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use storyline::annotate::HighlightColor;
use storyline::app::{Command, HighlightsCommand, StorylineApp, WorkspaceCommand};

fn harness() -> (Harness<'static, StorylineApp>, tempfile::TempDir) {
    harness_with(vec![])
}

fn harness_with(
    picks: Vec<storyline::app::picker::PickOutcome>,
) -> (Harness<'static, StorylineApp>, tempfile::TempDir) {
    let saves = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        "saves/huawei-5g-2020-01-23.ron",
        saves.path().join("huawei-5g-2020-01-23.ron"),
    )
    .expect("copy the shipped save");
    let app = common::app(Some(std::path::Path::new(SAMPLE)), saves.path(), picks);
    let h = common::harness_of(app, egui::vec2(1400.0, 1000.0), 1.0 / 60.0, 4);
    (h, saves)
}

fn events(h: &Harness<'_, StorylineApp>) -> Vec<storyline::timeline::Event> {
    h.state()
        .article()
        .expect("article")
        .save
        .annotations
        .events()
        .to_vec()
}

fn button<'h>(h: &'h Harness<'_, StorylineApp>, label: &'h str) -> egui_kittest::Node<'h> {
    h.get(By::new().role(egui::accesskit::Role::Button).label(label))
}

#[test]
fn the_sample_opens_on_a_living_timeline() {
    let (h, _saves) = harness();
    for lane in [
        "Lane UK decision",
        "Lane Canadian extradition",
        "Lane German vote",
    ] {
        button(&h, lane);
    }
    assert!(events(&h).len() >= 8);
    // Every event rests on evidence that is in the text.
    let article = h.state().article().expect("article");
    for e in events(&h) {
        assert!(!e.evidence.is_empty(), "{}", e.title);
        for id in &e.evidence {
            assert!(
                article
                    .save
                    .annotations
                    .get(id)
                    .and_then(storyline::annotate::Entry::range)
                    .is_some()
            );
        }
    }
}

#[test]
fn highlight_add_to_timeline_then_undo() {
    let (mut h, _saves) = harness();
    let before = events(&h).len();
    // Find a paragraph about the UK, select its start and highlight it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.get_by_label("Find:")
        .type_text("have played down a warning");
    h.run_steps(3);
    h.key_press(Key::Escape);
    h.run_steps(3);
    let rect = h
        .get(
            By::new()
                .role(egui::accesskit::Role::Label)
                .label_contains("British officials have played down a warning"),
        )
        .rect();
    let from = rect.left_top() + egui::vec2(1.0, 8.0);
    let to = rect.left_top() + egui::vec2(rect.width() * 0.7, 8.0);
    h.hover_at(from);
    h.run_steps(1);
    for (pos, pressed) in [(from, true), (to, false)] {
        h.hover_at(pos);
        h.run_steps(1);
        h.event(egui::Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(1);
    }
    h.key_press(Key::H);
    h.run_steps(3);
    button(&h, "Add to timeline").click();
    h.run_steps(3);
    let after = events(&h);
    assert_eq!(after.len(), before + 1);
    let added = after
        .iter()
        .find(|e| e.evidence.len() == 1 && e.title.starts_with("British officials"))
        .expect("new event");
    // Dated by the phrase in its paragraph ("this month": the EU exit), in the UK lane.
    assert_eq!(added.lanes.len(), 1);
    assert_eq!(added.lanes[0].0, "l-uk");
    assert_eq!(added.when.edtf(), "2020-01");
    // It is on the timeline, selected, and undo removes it.
    button(&h, &format!("Event {}", added.title));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(events(&h).len(), before);
}

#[test]
fn clicking_an_event_shows_its_evidence() {
    let (mut h, _saves) = harness();
    let top_before = h.state().article().expect("article").view.top_char();
    button(
        &h,
        "Event Bundestag vote on legislation that could exclude Huawei",
    )
    .click();
    h.run_steps(4);
    let article = h.state().article().expect("article");
    assert!(
        article.view.top_char() > top_before,
        "the article scrolled to the evidence"
    );
    assert!(
        h.state().panel().focused.is_some(),
        "the evidence is selected in the panel"
    );
    // The editor shows the event.
    h.get_by_label("Title");
    h.get_by_label_contains("Evidence (1)");
}

#[test]
fn suggestions_can_be_accepted_and_dismissed() {
    let (mut h, _saves) = harness();
    let before = events(&h).len();
    let open_before = h
        .query_all(
            By::new()
                .role(egui::accesskit::Role::Button)
                .label("Accept"),
        )
        .count();
    assert!(open_before >= 1);
    h.query_all(
        By::new()
            .role(egui::accesskit::Role::Button)
            .label("Accept"),
    )
    .next()
    .expect("accept")
    .click();
    h.run_steps(3);
    assert_eq!(events(&h).len(), before + 1);
    h.query_all(
        By::new()
            .role(egui::accesskit::Role::Button)
            .label("Dismiss"),
    )
    .next()
    .expect("dismiss")
    .click();
    h.run_steps(3);
    let open_after = h
        .query_all(
            By::new()
                .role(egui::accesskit::Role::Button)
                .label("Accept"),
        )
        .count();
    assert_eq!(open_after, open_before - 2);
    // One undo brings the dismissed one back, another removes the accepted event.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(events(&h).len(), before);
}

#[test]
fn lanes_can_be_added_renamed_and_deleted() {
    let (mut h, _saves) = harness();
    button(&h, "Add lane").click();
    // The lane is added, then its editor window appears (after a sizing frame).
    h.run_steps(6);
    let lanes = |h: &Harness<'_, StorylineApp>| {
        h.state()
            .article()
            .expect("a")
            .save
            .annotations
            .lanes()
            .to_vec()
    };
    assert_eq!(lanes(&h).len(), 4);
    h.get_by_label("Name").click();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Name").type_text("Trade talks");
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(lanes(&h).iter().any(|l| l.name == "Trade talks"));
    button(&h, "Delete lane").click();
    h.run_steps(3);
    assert_eq!(lanes(&h).len(), 3);
}

#[test]
fn file_export_writes_the_chosen_format_and_says_where() {
    let out_dir = tempfile::tempdir().expect("tempdir");
    // The save dialog answers with a name without an extension.
    let target = out_dir.path().join("my-timeline");
    let (mut h, _saves) = harness_with(vec![storyline::app::picker::PickOutcome::Picked(
        target.clone(),
    )]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(4);
    h.get_by_label_contains("SVG picture").click();
    h.run_steps(2);
    button(&h, "Choose file…").click();
    common::until(&mut h, |app| {
        app.messages().iter().any(|m| m.text.contains("Exported"))
    });
    let written = target.with_extension("svg");
    let svg = std::fs::read_to_string(&written).expect("exported");
    assert!(svg.contains("<svg") && svg.contains("German vote"));
    let notice = h
        .state()
        .messages()
        .iter()
        .find(|m| m.text.contains("Exported"))
        .expect("a notice");
    assert!(
        notice.text.contains(&written.display().to_string()),
        "{}",
        notice.text
    );
}

#[test]
fn accepted_evidence_stays_out_of_the_readers_highlights() {
    let (mut h, _saves) = harness();
    let ann = |h: &Harness<'_, StorylineApp>| {
        h.state()
            .article()
            .expect("article")
            .save
            .annotations
            .clone()
    };
    let own = ann(&h).entries().len();
    // Accept suggestions until one makes a new passage of evidence.
    for _ in 0..6 {
        if ann(&h).entries().len() > own {
            break;
        }
        h.query_all(
            By::new()
                .role(egui::accesskit::Role::Button)
                .label("Accept"),
        )
        .next()
        .expect("a suggestion")
        .click();
        h.run_steps(3);
    }
    let after = ann(&h);
    assert_eq!(after.entries().len(), own + 1, "one new passage");
    let evidence = after
        .entries()
        .iter()
        .find(|e| e.highlight.evidence)
        .expect("marked as evidence")
        .highlight
        .clone();
    // The Highlights list keeps to the reader's own; a toggle shows the rest.
    h.state_mut()
        .send(Command::Workspace(WorkspaceCommand::ShowPane(
            storyline::store::layout::Pane::Highlights,
        )));
    h.run_steps(3);
    let listed = |h: &Harness<'_, StorylineApp>| {
        let words: String = evidence.selector.quote.exact.chars().take(30).collect();
        h.query_all(By::new().role(egui::accesskit::Role::Button))
            .filter_map(|n| n.accesskit_node().label())
            .any(|l| l.starts_with(&words))
    };
    assert!(!listed(&h), "evidence is not among the highlights");
    h.get_by_label("Evidence 1").click();
    h.run_steps(3);
    assert!(listed(&h), "listed once asked for");
    // A colour chosen makes it the reader's own.
    h.state_mut()
        .send(Command::Highlights(HighlightsCommand::Annotate(
            storyline::annotate::Command::SetColor(evidence.id.clone(), HighlightColor::Green),
        )));
    h.run_steps(3);
    assert!(!ann(&h).get(&evidence.id).expect("there").highlight.evidence);
}
