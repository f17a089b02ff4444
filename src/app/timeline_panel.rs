//! The timeline panel: lanes side by side on one date axis, under the
//! article. Layout comes from the pure `timeline::layout`; this file paints
//! it and turns clicks, drags and wheel turns into commands.

use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::theme::{Palette, lane_color};
use super::timeline_marks::{Marks, paint_item};
use super::{Command, StorylineApp};
use crate::annotate;
use crate::timeline::layout::{
    DayRange, LayoutParams, Placed, TimelineLayout, day_number, fit_all, initial_view, layout,
};
use crate::timeline::{Event, EventId, LaneId, When};

/// Width of the lane-name column.
const LANE_LABELS: f32 = 150.0;
/// Height of the date axis.
const AXIS: f32 = 24.0;
/// Width of the details column (event editor or suggestions).
pub const DETAILS: f32 = 300.0;
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
    /// Shown or hidden.
    pub hidden: bool,
    /// Visible dates (`None`: fit everything on first show).
    pub view: Option<DayRange>,
    /// The selected event.
    pub selected: Option<EventId>,
    drag: Option<Drag>,
    /// The lane whose editor is open.
    pub lane_edit: Option<super::timeline_details::LaneEdit>,
    /// The event editor's text fields.
    pub event_edit: super::timeline_details::EventEdit,
    /// A highlight the user asked to delete that events rest on.
    pub confirm_delete: Option<annotate::HighlightId>,
    /// Last layout (for tests and hit-testing).
    pub last_layout: Option<TimelineLayout>,
    /// Suggested events, cached.
    pub suggestions: super::suggestions::SuggestionCache,
}

impl TimelineState {
    /// Fits every event and the publication date in view.
    pub fn fit(&mut self, events: &[Event], publication: Option<jiff::civil::Date>) {
        self.view = Some(fit_all(events, publication));
    }
}

/// Draws the timeline panel.
pub(super) fn timeline_panel_ui(ui: &mut Ui, app: &mut StorylineApp) {
    if app.timeline.hidden || app.article.is_none() {
        return;
    }
    let publication = app.published().map(|(d, _)| d);
    egui::Panel::bottom("timeline")
        .resizable(true)
        .default_size(280.0)
        .size_range(140.0..=900.0)
        .show(ui, |ui| {
            let StorylineApp {
                article,
                timeline,
                commands,
                ..
            } = app;
            let Some(article) = article.as_mut() else {
                return;
            };
            let ann = &article.notes.annotations;
            let view = *timeline
                .view
                .get_or_insert_with(|| initial_view(ann.events(), publication));
            ui.horizontal(|ui| {
                ui.strong("Timeline");
                ui.label(
                    egui::RichText::new(format!(
                        "{} · {}",
                        crate::words::count(ann.lanes().len(), "lane", "lanes"),
                        crate::words::count(ann.events().len(), "event", "events")
                    ))
                    .weak(),
                );
                ui.separator();
                if ui
                    .button("Fit all")
                    .on_hover_text("Show every event")
                    .clicked()
                {
                    timeline.fit(ann.events(), publication);
                }
                let mid = f64::midpoint(view.start, view.end);
                if ui
                    .button("−")
                    .on_hover_text("Zoom out (Ctrl+wheel)")
                    .clicked()
                {
                    timeline.view = Some(view.zoom(1.5, mid));
                }
                if ui
                    .button("+")
                    .on_hover_text("Zoom in (Ctrl+wheel)")
                    .clicked()
                {
                    timeline.view = Some(view.zoom(1.0 / 1.5, mid));
                }
                ui.separator();
                if ui
                    .add_enabled(!ann.is_read_only(), egui::Button::new("Add lane"))
                    .clicked()
                {
                    commands.push(Command::AddLane);
                }
            });
            let full = ui.available_rect_before_wrap();
            let details = Rect::from_min_max(pos2(full.max.x - DETAILS, full.min.y), full.max);
            let chart = Rect::from_min_max(full.min, pos2(details.min.x - 8.0, full.max.y));
            let chart_ui = &mut ui.new_child(egui::UiBuilder::new().max_rect(chart));
            chart_ui_paint(chart_ui, article, timeline, commands, publication, view);
            let details_ui = &mut ui.new_child(egui::UiBuilder::new().max_rect(details));
            egui::ScrollArea::vertical()
                .id_salt("timeline-details")
                .show(details_ui, |ui| {
                    super::timeline_details::details_ui(
                        ui,
                        article,
                        timeline,
                        commands,
                        publication,
                    );
                });
            ui.allocate_rect(full, Sense::hover());
        });
}

/// A placed item's hit box (marker and label).
fn item_rect(p: &Placed, origin: Pos2, char_width: f32) -> Rect {
    let y = origin.y + p.y;
    let x0 = origin.x + p.x0 - if p.point { 6.0 } else { 0.0 };
    let mut x1 = origin.x + p.x1 + if p.point { 6.0 } else { 0.0 };
    if let Some(l) = &p.label {
        x1 = x1.max(origin.x + p.label_x + l.chars().count() as f32 * char_width);
    }
    Rect::from_min_max(pos2(x0, y - 8.0), pos2(x1, y + 8.0))
}

fn chart_ui_paint(
    ui: &mut Ui,
    article: &mut super::OpenArticle,
    timeline: &mut TimelineState,
    commands: &mut Vec<Command>,
    publication: Option<jiff::civil::Date>,
    view: DayRange,
) {
    let rect = ui.max_rect();
    let text_color = ui.visuals().text_color();
    let font = FontId::proportional(LABEL_SIZE);
    let sample = "Meng Wanzhou extradition case begins, 2020";
    let char_width = ui.fonts_mut(|f| {
        f.layout_no_wrap(sample.to_owned(), font.clone(), text_color)
            .size()
            .x
    }) / sample.chars().count() as f32
        * 1.08;
    let ann = &article.notes.annotations;
    let params = LayoutParams {
        width: (rect.width() - LANE_LABELS - 12.0).max(40.0),
        row_height: 22.0,
        lane_gap: 4.0,
        char_width,
        max_rows: 4,
    };
    let lay = layout(ann.lanes(), ann.events(), view, publication, &params);
    // Lanes taller than the panel scroll (the axis with them).
    let needed = AXIS + lay.height + 6.0;
    egui::ScrollArea::vertical()
        .id_salt("timeline-chart")
        .auto_shrink(false)
        .show(ui, |ui| {
            let (rect, _) = ui.allocate_exact_size(
                vec2(rect.width() - 12.0, needed.max(rect.height())),
                Sense::hover(),
            );
            let plot = Rect::from_min_max(
                pos2(rect.min.x + LANE_LABELS, rect.min.y + AXIS),
                pos2(rect.max.x, rect.min.y + needed),
            );
            paint_chart(
                ui, ann, &lay, rect, plot, timeline, commands, view, char_width,
            );
        });
    timeline.last_layout = Some(lay);
}

/// Paints the laid-out chart in `rect` (the plot is `plot`) and handles its input.
#[allow(clippy::too_many_arguments)]
fn paint_chart(
    ui: &mut Ui,
    ann: &annotate::Annotations,
    lay: &TimelineLayout,
    rect: Rect,
    plot: Rect,
    timeline: &mut TimelineState,
    commands: &mut Vec<Command>,
    view: DayRange,
    char_width: f32,
) {
    let dark = ui.visuals().dark_mode;
    let palette = Palette::new(dark);
    let text_color = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let font = FontId::proportional(LABEL_SIZE);
    let painter = ui.painter_at(rect.intersect(ui.clip_rect()));
    // The background takes drags (pan), wheel (zoom) and clicks (deselect).
    let bg = ui.interact(
        plot,
        ui.scope_id().with("timeline-bg"),
        Sense::click_and_drag(),
    );
    let px_per_day = f64::from(plot.width()) / view.len();
    if bg.dragged() && timeline.drag.is_none() {
        let dx = f64::from(bg.drag_delta().x);
        timeline.view = Some(view.pan(-dx / px_per_day));
    }
    if bg.clicked() {
        commands.push(Command::SelectEvent(None));
    }
    if let Some(p) = bg.hover_pos() {
        let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta));
        let at = view.start + f64::from((p.x - plot.min.x) / plot.width()) * view.len();
        if (zoom - 1.0).abs() > 1e-3 {
            timeline.view = Some(view.zoom(f64::from(1.0 / zoom), at));
        } else if scroll.x.abs() + scroll.y.abs() > 0.0 {
            let delta = if scroll.x.abs() > scroll.y.abs() {
                scroll.x
            } else {
                scroll.y
            };
            timeline.view = Some(view.pan(-f64::from(delta) / px_per_day));
        }
    }
    // Lanes: bands and names.
    for (i, lane) in lay.lanes.iter().enumerate() {
        let top = plot.min.y + lane.top;
        let band = Rect::from_min_max(pos2(rect.min.x, top), pos2(rect.max.x, top + lane.height));
        let color = lane_color(lane.color, dark);
        let tint = if i % 2 == 0 { 0.07 } else { 0.035 };
        painter.rect_filled(band, 0.0, color.gamma_multiply(tint));
        painter.rect_filled(
            Rect::from_min_size(band.min, vec2(4.0, band.height())),
            0.0,
            color,
        );
        let name_rect = Rect::from_min_size(
            band.min + vec2(8.0, 0.0),
            vec2(LANE_LABELS - 12.0, band.height().min(30.0)),
        );
        let name = painter.layout(
            lane.name.clone(),
            FontId::proportional(13.0),
            text_color,
            LANE_LABELS - 16.0,
        );
        painter.galley(name_rect.left_top() + vec2(0.0, 4.0), name, text_color);
        if let Some(id) = &lane.lane {
            let r = ui.interact(
                name_rect,
                ui.scope_id().with(("lane", &id.0)),
                Sense::click(),
            );
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Lane {}", lane.name))
            });
            if r.on_hover_text("Edit this lane").clicked() {
                commands.push(Command::EditLane(id.clone()));
            }
        }
    }
    // Axis.
    painter.line_segment(
        [
            pos2(plot.min.x, plot.min.y - 1.0),
            pos2(plot.max.x, plot.min.y - 1.0),
        ],
        Stroke::new(1.0, weak),
    );
    for t in &lay.ticks {
        let x = plot.min.x + t.x;
        let h = if t.major { 8.0 } else { 4.0 };
        painter.line_segment(
            [pos2(x, plot.min.y - 1.0 - h), pos2(x, plot.min.y - 1.0)],
            Stroke::new(1.0, weak),
        );
        painter.line_segment(
            [pos2(x, plot.min.y), pos2(x, plot.max.y)],
            Stroke::new(1.0, weak.gamma_multiply(0.15)),
        );
        if !t.label.is_empty() {
            painter.text(
                pos2(x + 3.0, rect.min.y + 2.0),
                Align2::LEFT_TOP,
                &t.label,
                FontId::proportional(11.0),
                weak,
            );
        }
    }
    if let Some(x) = lay.publication_x {
        let x = plot.min.x + x;
        let c = palette.find_current;
        let mut y = plot.min.y;
        while y < plot.max.y {
            painter.line_segment(
                [pos2(x, y), pos2(x, (y + 5.0).min(plot.max.y))],
                Stroke::new(1.5, c),
            );
            y += 9.0;
        }
        painter.text(
            pos2(x + 3.0, plot.min.y + 1.0),
            Align2::LEFT_TOP,
            "published",
            FontId::proportional(10.0),
            c,
        );
    }
    // Items.
    let origin = plot.min;
    // Only what is in view is painted (lanes below the panel's edge are not).
    let visible = ui.clip_rect().expand(12.0);
    let mut marks = Marks::default();
    let mut labels = Vec::new();
    for item in &lay.items {
        if !visible.y_range().contains(origin.y + item.y) {
            continue;
        }
        let Some(event) = ann.event(&item.event) else {
            continue;
        };
        let lane_row = &lay.lanes[item.lane];
        let color = lane_color(lane_row.color, dark);
        let selected = timeline.selected.as_ref() == Some(&item.event);
        paint_item(
            &mut marks,
            &painter,
            item,
            origin,
            color,
            palette.page,
            selected,
        );
        if let Some(label) = &item.label {
            labels.push((pos2(origin.x + item.label_x, origin.y + item.y), label));
        }
        let hit = item_rect(item, origin, char_width).intersect(plot);
        let id = ui.scope_id().with(("event", &item.event.0, item.lane));
        let r = ui.interact(hit, id, Sense::click_and_drag());
        r.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Event {}", event.title))
        });
        if r.clicked() {
            commands.push(Command::SelectEvent(Some(item.event.clone())));
        }
        if r.drag_started() && !ann.is_read_only() {
            timeline.drag = Some(Drag {
                event: item.event.clone(),
                from_lane: lane_row.lane.clone(),
                origin: r.interact_pointer_pos().unwrap_or(hit.center()),
            });
        }
        if !r.dragged() {
            r.on_hover_ui_at_pointer(|ui| event_card(ui, event, ann));
        }
    }
    // Marks under their labels.
    marks.paint(&painter);
    for (at, label) in labels {
        painter.text(at, Align2::LEFT_CENTER, label, font.clone(), text_color);
    }
    // A drag in progress: a ghost where it would land; on release, the move.
    if let Some(drag) = timeline.drag.clone() {
        let at = ui.input(|i| i.pointer.interact_pos());
        let released = ui.input(|i| i.pointer.any_released());
        if let (Some(p), Some(event)) = (at, ann.event(&drag.event)) {
            let days = (f64::from(p.x - drag.origin.x) / px_per_day).round() as i64;
            let lane = lay
                .lanes
                .iter()
                .find(|l| p.y >= plot.min.y + l.top && p.y < plot.min.y + l.top + l.height)
                .and_then(|l| l.lane.clone());
            let ghost_x = plot.min.x
                + ((day_number(event.when.start) + days as f64 - view.start) * px_per_day) as f32;
            painter.circle_stroke(pos2(ghost_x, p.y), 7.0, Stroke::new(2.0, text_color));
            painter.text(
                pos2(ghost_x + 10.0, p.y),
                Align2::LEFT_CENTER,
                moved_when(&event.when, days).label(),
                font.clone(),
                text_color,
            );
            if released {
                let mut moved = event.clone();
                moved.when = moved_when(&event.when, days);
                if let (Some(to), Some(from)) = (&lane, &drag.from_lane)
                    && to != from
                {
                    moved.lanes.retain(|l| l != from);
                    moved.lanes.push(to.clone());
                } else if let (Some(to), None) = (&lane, &drag.from_lane) {
                    moved.lanes.push(to.clone());
                }
                commands.push(Command::Annotate(annotate::Command::UpdateEvent(moved)));
                timeline.drag = None;
            }
        } else {
            timeline.drag = None;
        }
        ui.ctx().request_repaint();
    }
    if lay.items.is_empty() {
        let msg = if ann.events().is_empty() {
            "No events yet: accept a suggestion on the right, or select a highlight and choose “Add to timeline”."
        } else {
            "No events in this range: press “Fit all”."
        };
        painter.text(
            plot.center(),
            Align2::CENTER_CENTER,
            msg,
            FontId::proportional(13.0),
            weak,
        );
    }
}

/// The date moved by `days` (a typed phrase no longer describes it).
fn moved_when(when: &When, days: i64) -> When {
    if days == 0 {
        return when.clone();
    }
    let mut w = when.clone();
    w.start = crate::timeline::when::add_days(w.start, days);
    w.end = crate::timeline::when::add_days(w.end, days);
    w.phrase = format!("{} (moved {days:+} days)", when.phrase);
    w
}

/// The hover card of an event.
fn event_card(ui: &mut Ui, event: &Event, ann: &annotate::Annotations) {
    ui.set_max_width(320.0);
    ui.strong(&event.title);
    let kind = match event.kind {
        crate::timeline::EventKind::Reported => "reported",
        crate::timeline::EventKind::Expected => "expected",
    };
    ui.label(format!("{} ({kind})", event.when.label()));
    if !event.when.phrase.is_empty() {
        ui.label(egui::RichText::new(format!("from “{}”", event.when.phrase)).weak());
    }
    for h in event.evidence.iter().filter_map(|id| ann.get(id)) {
        let q: String = h.highlight.selector.quote.exact.chars().take(140).collect();
        ui.label(egui::RichText::new(format!("“{q}”")).italics());
    }
    if !event.note.is_empty() {
        ui.label(&event.note);
    }
}
