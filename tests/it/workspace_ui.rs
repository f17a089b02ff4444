//! Headless flows for the workspace and the timeline: tiles shown, hidden,
//! kept in the state file and reset; a passage with several dates; new
//! events brought into view; suggestions answered by "Add to timeline";
//! pan versus move; the filter closing a hidden highlight's editor;
//! notices fading while errors stay.

use crate::common;
use crate::common::SAMPLE;
use crate::common::harness_of;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use storyline::app::{
    Command, HighlightsCommand, Show, StorylineApp, TimelineCommand, WorkspaceCommand,
};
use storyline::document::CharRange;
use storyline::store::layout::Pane;
use storyline::store::{AppState, ArticleState};
use storyline::timeline::layout::day_number;

fn app_for(
    path: &Path,
    saves: &Path,
    state: AppState,
    state_path: Option<PathBuf>,
) -> StorylineApp {
    common::app_with_state(Some(path), saves, state, state_path, vec![])
}

fn harness(app: StorylineApp, size: egui::Vec2, dt: f32) -> Harness<'static, StorylineApp> {
    harness_of(app, size, dt, 4)
}

fn sample(saves: &Path) -> StorylineApp {
    std::fs::copy(
        "saves/huawei-5g-2020-01-23.ron",
        saves.join("huawei-5g-2020-01-23.ron"),
    )
    .expect("copy the shipped save");
    app_for(Path::new(SAMPLE), saves, AppState::default(), None)
}

fn button<'h>(h: &'h Harness<'_, StorylineApp>, label: &'h str) -> egui_kittest::Node<'h> {
    h.get(By::new().role(egui::accesskit::Role::Button).label(label))
}

fn shown(h: &Harness<'_, StorylineApp>, pane: Pane) -> bool {
    h.state().pane_shown(pane)
}

/// A short article of our own, published 2020-01-23 (set by the reader).
fn article_with_dates(dir: &Path) -> (PathBuf, AppState) {
    let path = dir.join("votes.md");
    std::fs::write(
        &path,
        "# Votes\n\nThe council met on January 6, the court ruled on January 14, and the appeal was filed on January 20.\n\n\
         The council is expected to decide next week whether to appeal.\n\nA closing paragraph with no date.\n",
    )
    .expect("write");
    let mut state = AppState::default();
    let key = std::fs::canonicalize(&path).expect("canonical");
    state.articles.insert(
        key,
        ArticleState {
            published: Some("2020-01-23".to_owned()),
            ..ArticleState::default()
        },
    );
    (path, state)
}

fn range_of(h: &Harness<'_, StorylineApp>, text: &str) -> CharRange {
    let doc = &h.state().article().expect("article").doc;
    let byte = doc.text.find(text).expect("in the text");
    let start = doc.text[..byte].chars().count();
    CharRange::new(start, start + text.chars().count())
}

/// Highlights `text` and returns the new highlight's id.
fn highlight(h: &mut Harness<'_, StorylineApp>, text: &str) -> storyline::annotate::HighlightId {
    let range = range_of(h, text);
    h.state_mut().select(range);
    h.state_mut()
        .send(Command::Highlights(HighlightsCommand::Highlight(
            storyline::annotate::HighlightColor::Yellow,
        )));
    h.run_steps(3);
    let ann = &h.state().article().expect("article").save.annotations;
    ann.entries()
        .iter()
        .find(|e| e.range() == Some(range))
        .expect("highlighted")
        .highlight
        .id
        .clone()
}

#[test]
fn tiles_are_shown_hidden_kept_and_reset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state_path = dir.path().join("state.ron");
    let app = app_for(
        Path::new(SAMPLE),
        dir.path(),
        AppState::default(),
        Some(state_path.clone()),
    );
    // A laptop screen: highlights and inspector share a column as tabs.
    let mut h = harness(app, egui::vec2(1366.0, 768.0), 1.0 / 60.0);
    assert!(shown(&h, Pane::Reader) && shown(&h, Pane::Highlights) && shown(&h, Pane::Timeline));
    assert!(!shown(&h, Pane::Inspector));
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run_steps(2);
    assert!(shown(&h, Pane::Inspector) && !shown(&h, Pane::Highlights));
    // Ctrl+T: the timeline is shown, so it is maximised; again restores.
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run_steps(2);
    assert!(shown(&h, Pane::Timeline) && !shown(&h, Pane::Reader));
    button(&h, "Restore layout").click();
    h.run_steps(2);
    assert!(shown(&h, Pane::Reader) && shown(&h, Pane::Timeline));
    // Closed from its tab's ×: the layout keeps it closed across runs.
    h.state_mut()
        .send(Command::Workspace(WorkspaceCommand::TogglePane(
            Pane::Timeline,
        )));
    h.run_steps(2);
    assert!(h.query_by_label("Fit all").is_none());
    h.state_mut().save_state();
    let state = AppState::load(&state_path).expect("reads");
    let layout = state.layout.clone().expect("layout kept");
    assert_eq!(layout.hidden, vec![Pane::Timeline, Pane::Library]);
    let mut h = harness(
        app_for(Path::new(SAMPLE), dir.path(), state, None),
        egui::vec2(1366.0, 768.0),
        1.0 / 60.0,
    );
    assert!(!shown(&h, Pane::Timeline), "still closed");
    assert!(shown(&h, Pane::Inspector), "still the front tab");
    h.state_mut()
        .send(Command::Workspace(WorkspaceCommand::ResetLayout));
    h.run_steps(2);
    assert!(shown(&h, Pane::Timeline) && shown(&h, Pane::Highlights));
    // A big screen shows every tile at once (the Library opens with a
    // dossier).
    let h = harness(sample(dir.path()), egui::vec2(1920.0, 1080.0), 1.0 / 60.0);
    for pane in Pane::ALL {
        assert_eq!(shown(&h, pane), pane != Pane::Library, "{pane:?}");
    }
}

#[test]
fn a_passage_with_several_dates_asks_which_and_the_event_comes_into_view() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, state) = article_with_dates(dir.path());
    let mut h = harness(
        app_for(&path, dir.path(), state, None),
        egui::vec2(1400.0, 900.0),
        1.0 / 60.0,
    );
    let view = h.state().timeline().view.expect("a view");
    // Looking far from January first.
    let far = storyline::timeline::layout::DayRange {
        start: view.start + 400.0,
        end: view.end + 400.0,
    };
    h.state_mut()
        .send(Command::Timeline(TimelineCommand::SetTimelineView(far)));
    h.run_steps(2);
    let jan14 = day_number(jiff::civil::date(2020, 1, 14));
    let id = highlight(
        &mut h,
        "The council met on January 6, the court ruled on January 14, and the appeal was filed on January 20.",
    );
    h.state_mut()
        .send(Command::Timeline(TimelineCommand::AddToTimeline(id, None)));
    h.run_steps(3);
    let events = |h: &Harness<'_, StorylineApp>| {
        h.state()
            .article()
            .expect("a")
            .save
            .annotations
            .events()
            .to_vec()
    };
    assert!(events(&h).is_empty(), "nothing added before choosing");
    h.get_by_label_contains("Which date");
    h.get(
        By::new()
            .role(egui::accesskit::Role::Button)
            .label_contains("January 14” —"),
    )
    .click();
    h.run_steps(4);
    let added = events(&h);
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].when.edtf(), "2020-01-14");
    // Brought into view, titled, flashing.
    let t = h.state().timeline();
    let view = t.view.expect("view");
    assert!(view.start <= jan14 && jan14 < view.end, "{view:?}");
    let layout = t.last_layout.as_ref().expect("drawn");
    assert!(
        layout
            .items
            .iter()
            .any(|p| p.event == added[0].id && p.label.is_some())
    );
    assert!(t.flash.is_some());
    assert!(
        h.query_by_label_contains("No events in this range")
            .is_none()
    );
}

#[test]
fn adding_a_suggested_sentence_answers_its_suggestion() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, state) = article_with_dates(dir.path());
    let mut h = harness(
        app_for(&path, dir.path(), state, None),
        egui::vec2(1400.0, 900.0),
        1.0 / 60.0,
    );
    h.run_steps(20);
    let accept = |h: &Harness<'_, StorylineApp>| {
        h.query_all(
            By::new()
                .role(egui::accesskit::Role::Button)
                .label("Accept"),
        )
        .count()
    };
    let offered = accept(&h);
    assert!(
        h.query_all_by_label_contains("“next week”").count() > 0,
        "suggested"
    );
    let id = highlight(
        &mut h,
        "The council is expected to decide next week whether to appeal.",
    );
    h.state_mut()
        .send(Command::Timeline(TimelineCommand::AddToTimeline(id, None)));
    h.run_steps(6);
    let events = h
        .state()
        .article()
        .expect("a")
        .save
        .annotations
        .events()
        .to_vec();
    assert_eq!(events.len(), 1);
    assert!(events[0].source.is_some(), "it answers the suggestion");
    h.state_mut()
        .send(Command::Timeline(TimelineCommand::SelectEvent(None)));
    h.run_steps(10);
    assert_eq!(
        accept(&h),
        offered - 1,
        "the suggestion is no longer offered"
    );
}

fn drag(h: &mut Harness<'_, StorylineApp>, from: Pos2, to: Pos2, modifiers: Modifiers) {
    h.event(egui::Event::ModifiersChanged(modifiers));
    h.hover_at(from);
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    h.run_steps(1);
    for i in 1..=6 {
        let p = from + (to - from) * (i as f32 / 6.0);
        h.event(egui::Event::PointerMoved(p));
        h.run_steps(1);
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    h.run_steps(2);
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
}

#[test]
fn dragging_an_event_pans_and_its_handle_moves_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(sample(dir.path()), egui::vec2(1400.0, 1000.0), 1.0 / 60.0);
    let title = "Telefonica plans Huawei and Nokia 5G equipment";
    let when = |h: &Harness<'_, StorylineApp>| {
        h.state()
            .article()
            .expect("a")
            .save
            .annotations
            .events()
            .iter()
            .find(|e| e.title == title)
            .expect("event")
            .when
            .clone()
    };
    let before = when(&h);
    let view_before = h.state().timeline().view.expect("view");
    let layout = h.state().timeline().last_layout.clone().expect("layout");
    let item = layout
        .items
        .iter()
        .find(|p| !p.point && p.x1 - p.x0 > 60.0)
        .expect("a bar");
    let rect = button(&h, &format!("Event {title}")).rect();
    // The bar's middle, from the layout (the button also covers the title).
    let bar_x = rect.left() + f32::midpoint(item.x0, item.x1) - item.x0.min(item.label_x);
    let at = egui::pos2(bar_x.min(rect.right() - 4.0), rect.center().y);
    drag(&mut h, at, at + egui::vec2(120.0, 0.0), Modifiers::NONE);
    assert_eq!(when(&h), before, "a plain drag does not move the event");
    let view_after = h.state().timeline().view.expect("view");
    assert!(view_after.start < view_before.start, "it panned");
    // Alt-drag moves it, live, and one undo puts it back.
    let rect = button(&h, &format!("Event {title}")).rect();
    let layout = h.state().timeline().last_layout.clone().expect("layout");
    let item = layout
        .items
        .iter()
        .find(|p| {
            h.state()
                .article()
                .expect("a")
                .save
                .annotations
                .event(&p.event)
                .is_some_and(|e| e.title == title)
        })
        .expect("still in view");
    let mark_x = rect.left()
        + (f32::midpoint(item.x0, item.x1.max(item.x0 + 2.0)) - item.x0.min(item.label_x));
    let at = egui::pos2(mark_x, rect.center().y);
    // (A month moves by whole months: far enough for one.)
    drag(&mut h, at, at + egui::vec2(300.0, 0.0), Modifiers::ALT);
    h.run_steps(2);
    let moved = when(&h);
    assert!(moved.start > before.start, "{moved:?}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(when(&h), before);
}

#[test]
fn a_highlight_hidden_by_the_filter_closes_its_editor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(sample(dir.path()), egui::vec2(1400.0, 1000.0), 1.0 / 60.0);
    let first = h.state().article().expect("a").save.annotations.entries()[0]
        .highlight
        .id
        .clone();
    h.state_mut()
        .send(Command::Highlights(HighlightsCommand::FocusHighlight(
            Some(first),
            Show::InList,
        )));
    h.run_steps(3);
    assert!(h.state().panel().focused.is_some());
    h.get_by_label("Filter").click();
    h.get_by_label("Filter").type_text("zzzz no such words");
    h.run_steps(4);
    assert!(h.state().panel().focused.is_none(), "editor closed");
    h.get_by_label_contains("Showing 0 of 19 highlights");
}

#[test]
fn notices_fade_and_errors_stay_over_the_reader() {
    let dir = tempfile::tempdir().expect("tempdir");
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 society\n\nSecond paragraph.\n").expect("write");
    // Two frames a second: ten seconds in twenty frames.
    let mut h = harness(
        app_for(&latin1, dir.path(), AppState::default(), None),
        egui::vec2(1200.0, 800.0),
        0.5,
    );
    h.get_by_label_contains("read as windows-1252");
    assert_eq!(
        h.state().article().expect("a").doc.text,
        "Café society\n\nSecond paragraph."
    );
    h.state_mut()
        .report_error("Something went wrong with /tmp/x.ron".to_owned());
    h.run_steps(24);
    assert!(
        h.query_by_label_contains("read as windows-1252").is_none(),
        "the notice faded"
    );
    h.get_by_label_contains("Something went wrong");
    assert_eq!(
        h.state().messages().len(),
        1,
        "the error stays until dismissed"
    );
}

#[test]
fn the_event_editor_fits_and_its_evidence_comes_with_context() {
    use egui_kittest::kittest::NodeT as _;
    let dir = tempfile::tempdir().expect("tempdir");
    let size = egui::vec2(1366.0, 768.0);
    let mut h = harness(sample(dir.path()), size, 1.0 / 60.0);
    button(&h, "Event Meng Wanzhou extradition case begins").click();
    h.run_steps(6);
    // The inspector came to the front with Delete at its top, not below the fold.
    assert!(shown(&h, Pane::Inspector));
    let delete = button(&h, "Delete event").rect();
    assert!(delete.bottom() < size.y / 2.0, "{delete:?}");
    // The evidence is a quarter down the reader, with text above it.
    let article = h.state().article().expect("article");
    let event = article
        .save
        .annotations
        .events()
        .iter()
        .find(|e| e.title.starts_with("Meng Wanzhou"))
        .expect("event")
        .clone();
    let evidence = article
        .save
        .annotations
        .get(&event.evidence[0])
        .and_then(storyline::annotate::Entry::range)
        .expect("evidence");
    let top = article.view.top_char();
    assert!(
        top < evidence.start,
        "context above: top {top:?}, evidence {evidence:?}"
    );
    assert!(article.view.is_visible(evidence.start));
    // Readable scroll bars: egui's default floating ones are 2 px wide.
    let bar = h.ctx.global_style().spacing.scroll.bar_width;
    assert!(bar >= 8.0, "{bar}");
    // Add lane: the editor is in the inspector, its name focused.
    button(&h, "Add lane").click();
    h.run_steps(6);
    let name = h.get_by_label("Name");
    assert!(
        name.accesskit_node().is_focused(),
        "the name is ready for typing"
    );
}

/// The table of actions feeds the menus: every action placed in a menu is
/// there, with its shortcut in its label.
#[test]
fn every_menu_lists_its_actions_with_their_shortcuts() {
    use storyline::app::actions::{Action, Menu};
    let saves = tempfile::tempdir().expect("tmp");
    let mut h = harness(sample(saves.path()), egui::vec2(1366.0, 900.0), 1.0 / 30.0);
    for menu in Menu::ALL {
        // The menu bar is drawn first ("Article" is a tab's name too).
        h.get_all_by_label(menu.title())
            .next()
            .expect("in the menu bar")
            .click();
        h.run_steps(3);
        for action in Action::ALL.into_iter().filter(|a| a.menu() == Some(menu)) {
            assert!(
                h.query_by_label(&action.menu_text()).is_some(),
                "{} is not in the {} menu",
                action.menu_text(),
                menu.title()
            );
        }
        h.key_press(Key::Escape);
        h.run_steps(3);
    }
}
