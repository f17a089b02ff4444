//! The timeline panel: lanes side by side on one date axis, under the
//! article. Layout comes from the pure `timeline::layout`; this file paints
//! it and turns clicks, drags and wheel turns into commands.

pub(crate) mod chart;
pub(crate) mod chronology;
pub(crate) mod cmds;
pub(crate) mod details;
pub(crate) mod marks;
pub(crate) mod suggestions;

use egui::{Pos2, Sense, Ui};

use crate::annotate;
use crate::app::{Command, HighlightsCommand, StorylineApp, TimelineCommand};
use crate::timeline::layout::{DayRange, TimelineLayout, day_number, fit_all, initial_view};
use crate::timeline::{Event, EventId, LaneId};
use chart::ChartAction;

/// What a timeline of several articles adds to the chart: drawn with each
/// event's mark, and the card shown on hovering it.
pub(crate) trait Decor {
    /// Paints beside `item`'s mark (under it): e.g. the expected window of
    /// a forecast, joined to the outcome. `axis` is the view and the plot's
    /// width.
    fn paint(
        &self,
        painter: &egui::Painter,
        item: (
            &crate::timeline::layout::Placed,
            &[crate::timeline::layout::Placed],
        ),
        origin: Pos2,
        axis: (DayRange, f32),
        color: egui::Color32,
    );
    /// The card shown when the pointer rests on the event.
    fn hover_ui(&self, ui: &mut Ui, event: &EventId);
    /// Days an event's decoration takes on its row besides its mark (a
    /// forecast's expected window): the layout keeps them free.
    fn reserve(&self, _event: &EventId) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
        None
    }
    /// What an empty timeline says (`None`: the article timeline's hint).
    fn empty_hint(&self) -> Option<&'static str> {
        None
    }
}

/// Size of event titles.
const LABEL_SIZE: f32 = 12.0;

/// An event being dragged to another date or lane.
#[derive(Clone, Debug)]
struct Drag {
    event: EventId,
    from_lane: Option<LaneId>,
    origin: Pos2,
}

/// The timeline's view state (not saved in the article's file).
#[derive(Default)]
pub struct TimelineState {
    /// Visible dates (`None`: fit everything on first show).
    pub view: Option<DayRange>,
    /// The selected event.
    pub selected: Option<EventId>,
    drag: Option<Drag>,
    /// The lane whose editor is open.
    pub lane_edit: Option<crate::app::timeline::details::LaneEdit>,
    /// The event editor's text fields.
    pub event_edit: crate::app::timeline::details::EventEdit,
    /// A highlight the user asked to delete that events rest on.
    pub confirm_delete: Option<annotate::HighlightId>,
    /// Last layout (for tests and hit-testing).
    pub last_layout: Option<TimelineLayout>,
    /// Suggested events, cached.
    pub suggestions: crate::app::timeline::suggestions::SuggestionCache,
    /// Lanes whose "+N" was expanded (every row shown).
    pub expanded: Vec<Option<LaneId>>,
    /// Events just added, to bring into view and flash on the next frame.
    pub reveal: Vec<EventId>,
    /// The Chronology list's view state.
    pub chronology: chronology::ChronologyView,
    /// Events flashing, and since when (app time).
    pub flash: Option<(Vec<EventId>, f64)>,
    /// A highlight to add to the timeline whose passage has several dates,
    /// with them, for the reader to choose one.
    pub date_choice: Option<(
        annotate::HighlightId,
        Vec<crate::timeline::extract::DatedPhrase>,
    )>,
}

impl TimelineState {
    /// Fits every event and the publication date in view.
    pub fn fit(&mut self, events: &[Event], publication: Option<jiff::civil::Date>) {
        self.view = Some(fit_all(events, publication));
    }

    /// Shows every row of `lane`, or folds it back.
    pub fn toggle_expanded(&mut self, lane: &Option<LaneId>) {
        if let Some(i) = self.expanded.iter().position(|l| l == lane) {
            self.expanded.remove(i);
        } else {
            self.expanded.push(lane.clone());
        }
    }

    /// The view with the events asked to be revealed in it (widened to
    /// fit them and the current view when one is outside); starts their
    /// flash at `now`.
    fn bring_into_view(
        &mut self,
        events: &[Event],
        publication: Option<jiff::civil::Date>,
        view: DayRange,
        now: f64,
    ) -> DayRange {
        let ids = std::mem::take(&mut self.reveal);
        let new: Vec<Event> = events
            .iter()
            .filter(|e| ids.contains(&e.id))
            .cloned()
            .collect();
        if new.is_empty() {
            return view;
        }
        let outside = new.iter().any(|e| {
            day_number(e.when.start) < view.start || day_number(e.when.end) + 1.0 > view.end
        });
        let view = if outside {
            let mut both = new.clone();
            both.extend(
                events
                    .iter()
                    .filter(|e| {
                        day_number(e.when.end) + 1.0 > view.start
                            && day_number(e.when.start) < view.end
                    })
                    .cloned(),
            );
            fit_all(&both, publication)
        } else {
            view
        };
        self.view = Some(view);
        self.flash = Some((ids, now));
        view
    }
}

/// The timeline's buttons, in its tab bar (laid out right to left).
pub(crate) fn timeline_toolbar_ui(ui: &mut Ui, app: &mut StorylineApp) {
    let saves_dir = app.saves_dir.clone();
    // The counts only when they fit beside the tab's title (the
    // Chronology and the Library say them too).
    let roomy = ui.available_width() > 680.0;
    if let Some(open) = app.dossier.as_mut() {
        let all = open.show_all;
        // The switch first (rightmost), so it stays put in both modes.
        // Right to left: "Dossier" shows left of "Article", so add in reverse.
        if ui
            .selectable_label(!all, "Article")
            .on_hover_text("The open article's own events")
            .clicked()
        {
            app.commands.push(Command::Dossier(
                crate::app::dossier::DossierAction::ShowAll(false),
            ));
        }
        if ui
            .selectable_label(all, "Dossier")
            .on_hover_text("Every article's events on one axis")
            .clicked()
        {
            app.commands.push(Command::Dossier(
                crate::app::dossier::DossierAction::ShowAll(true),
            ));
        }
        ui.separator();
        if all {
            crate::app::dossier::key_dates_ui::key_dates_toggle_ui(ui, open, &mut app.commands);
            crate::app::dossier::chart::dossier_toolbar_ui(ui, open, &saves_dir, roomy);
            return;
        }
    }
    let publication = app.published().map(|(d, _)| d);
    let StorylineApp {
        article,
        timeline,
        commands,
        ..
    } = app;
    let Some(article) = article.as_mut() else {
        return;
    };
    let ann = &article.save.annotations;
    let view = *timeline
        .view
        .get_or_insert_with(|| initial_view(ann.events(), publication));
    if ui
        .add_enabled(!ann.is_read_only(), egui::Button::new("Add lane").small())
        .clicked()
    {
        commands.push(Command::Timeline(TimelineCommand::AddLane));
    }
    ui.separator();
    let mid = f64::midpoint(view.start, view.end);
    if ui
        .small_button("+")
        .on_hover_text("Zoom in (Ctrl+wheel)")
        .clicked()
    {
        timeline.view = Some(view.zoom(1.0 / 1.5, mid));
    }
    if ui
        .small_button("−")
        .on_hover_text("Zoom out (Ctrl+wheel)")
        .clicked()
    {
        timeline.view = Some(view.zoom(1.5, mid));
    }
    if ui
        .small_button("Fit all")
        .on_hover_text("Show every event")
        .clicked()
    {
        timeline.fit(ann.events(), publication);
    }
    if !roomy {
        return;
    }
    ui.label(
        egui::RichText::new(format!(
            "{} · {}",
            crate::wording::count(ann.lanes().len(), "lane", "lanes"),
            crate::wording::count(ann.events().len(), "event", "events")
        ))
        .weak()
        .small(),
    );
}

/// The Timeline pane: the chart (its buttons are in the tab bar).
pub(crate) fn timeline_pane_ui(ui: &mut Ui, app: &mut StorylineApp) {
    if app.dossier.as_ref().is_some_and(|d| d.show_all) {
        crate::app::dossier::chart::dossier_timeline_ui(ui, app);
        return;
    }
    let publication = app.published().map(|(d, _)| d);
    let opening = app.is_opening();
    let StorylineApp {
        article,
        timeline,
        commands,
        ..
    } = app;
    let Some(article) = article.as_mut() else {
        ui.label(
            egui::RichText::new(if opening {
                "The timeline comes once the whole file is read."
            } else {
                "Open an article to see its timeline."
            })
            .weak(),
        );
        return;
    };
    let ann = &article.save.annotations;
    let view = *timeline
        .view
        .get_or_insert_with(|| initial_view(ann.events(), publication));
    let chart = ui.available_rect_before_wrap();
    let chart_ui = &mut ui.new_child(egui::UiBuilder::new().max_rect(chart));
    let mut actions = Vec::new();
    chart::chart_ui_paint(
        chart_ui,
        (&article.save.annotations, None),
        timeline,
        &mut actions,
        publication,
        view,
    );
    commands.extend(actions.into_iter().map(|action| match action {
        ChartAction::Select(id) => Command::Timeline(TimelineCommand::SelectEvent(id)),
        ChartAction::EditLane(id) => Command::Timeline(TimelineCommand::EditLane(id)),
        ChartAction::Move(event) => Command::Highlights(HighlightsCommand::Annotate(
            crate::annotate::Command::UpdateEvent(event),
        )),
    }));
    ui.allocate_rect(chart, Sense::hover());
}

/// The Inspector pane: the selected event's editor, the lane editor, or
/// the suggested events.
pub(crate) fn inspector_pane_ui(ui: &mut Ui, app: &mut StorylineApp) {
    if app.dossier.as_ref().is_some_and(|d| d.show_all) {
        egui::ScrollArea::vertical()
            .id_salt("dossier-inspector")
            .auto_shrink(false)
            .show(ui, |ui| {
                crate::app::dossier::inspector::dossier_inspector_ui(ui, app);
            });
        return;
    }
    let publication = app.published().map(|(d, _)| d);
    let StorylineApp {
        article,
        timeline,
        commands,
        ..
    } = app;
    let Some(article) = article.as_mut() else {
        ui.label(egui::RichText::new("Open an article to see its events.").weak());
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("inspector")
        .auto_shrink(false)
        .show(ui, |ui| {
            details::details_ui(ui, article, timeline, commands, publication);
        });
}
