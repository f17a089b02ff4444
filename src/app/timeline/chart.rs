//! The timeline chart: lanes, axis, event marks and titles, painted from
//! the pure `timeline::layout`; clicks select, drags pan (or move an event
//! by its handle or with Alt), the wheel zooms.

use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::marks::{Marks, paint_item};
use super::{Drag, LABEL_SIZE, TimelineState};
use crate::annotate;
use crate::app::theme::{Palette, lane_color};
use crate::timeline::layout::{
    DayRange, LABEL_HALF_HEIGHT, LayoutParams, Placed, RUG, TimelineLayout, day_number,
    layout_reserving,
};
use crate::timeline::{Event, EventId, LaneId};

/// What the reader did on a chart. The chart is drawn for an article's
/// timeline and for a dossier's; each caller turns these into its own
/// commands.
#[allow(
    clippy::large_enum_variant,
    reason = "made one per user action and handled at once, never stored in bulk"
)]
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ChartAction {
    /// Select an event (`None`: a click on empty space).
    Select(Option<EventId>),
    /// Open a lane's editor (a click on its name).
    EditLane(LaneId),
    /// An event dragged to another date or lane: the event as it lands.
    Move(Event),
}

/// A placed item's hit box: its mark and its title.
fn item_rect(p: &Placed, origin: Pos2) -> Rect {
    let to_rect = |[x0, y0, x1, y1]: [f32; 4]| {
        Rect::from_min_max(origin + vec2(x0, y0), origin + vec2(x1, y1))
    };
    let mark = to_rect(p.mark_box());
    p.label_box().map_or(mark, |l| mark.union(to_rect(l)))
}

/// Average width of a title char in `font`, a little generous so the
/// layout's estimate is never short of the real text.
fn char_width(ui: &Ui, font: &FontId) -> f32 {
    let sample = "Meng Wanzhou extradition case begins, 2020";
    let width = ui.fonts_mut(|f| {
        f.layout_no_wrap(sample.to_owned(), font.clone(), egui::Color32::WHITE)
            .size()
            .x
    });
    width / sample.chars().count() as f32 * 1.08
}

pub(crate) fn chart_ui_paint(
    ui: &mut Ui,
    (ann, decor): (&annotate::Annotations, Option<&dyn super::Decor>),
    timeline: &mut TimelineState,
    actions: &mut Vec<ChartAction>,
    publication: Option<jiff::civil::Date>,
    view: DayRange,
) {
    let rect = ui.max_rect();
    let font = FontId::proportional(LABEL_SIZE);
    let char_width = char_width(ui, &font);
    // Narrow: lane names fold into coloured tabs.
    let names = if rect.width() < NARROW {
        TABS
    } else {
        LANE_LABELS
    };
    let params = LayoutParams {
        // Narrow: the "+N" buttons sit in a margin right of the plot.
        width: (rect.width() - names - 12.0 - if names < LANE_LABELS { CHIP } else { 0.0 })
            .max(40.0),
        row_height: 21.0,
        lane_gap: 3.0,
        char_width,
        max_rows: 4,
        height: (rect.height() - AXIS - FOOTER - 4.0).max(40.0),
    };
    let view = timeline.bring_into_view(ann.events(), publication, view, ui.input(|i| i.time));
    // A forecast's expected window keeps its space on its row.
    let reserve: Vec<(
        crate::timeline::EventId,
        jiff::civil::Date,
        jiff::civil::Date,
    )> = decor
        .map(|d| {
            ann.events()
                .iter()
                .filter_map(|e| d.reserve(&e.id).map(|(a, b)| (e.id.clone(), a, b)))
                .collect()
        })
        .unwrap_or_default();
    let layout = |expanded: &[Option<crate::timeline::LaneId>]| {
        layout_reserving(
            ann.lanes(),
            ann.events(),
            view,
            publication,
            &params,
            (expanded, &reserve),
        )
    };
    let mut lay = layout(&timeline.expanded);
    // "+N" never hides the selected event: its lane shows every row.
    if let Some(sel) = &timeline.selected
        && let Some(lane) = lay
            .lanes
            .iter()
            .find(|l| l.hidden.iter().any(|(id, _, _)| id == sel))
            .map(|l| l.lane.clone())
    {
        timeline.toggle_expanded(&lane);
        lay = layout(&timeline.expanded);
    }
    // Expanded lanes taller than the pane scroll (the axis with them).
    let needed = AXIS + lay.height + FOOTER;
    egui::ScrollArea::vertical()
        .id_salt("timeline-chart")
        .auto_shrink(false)
        .show(ui, |ui| {
            let (rect, _) = ui.allocate_exact_size(
                vec2(rect.width() - 12.0, needed.max(rect.height() - 4.0)),
                Sense::hover(),
            );
            let plot = Rect::from_min_max(
                pos2(rect.min.x + names, rect.min.y + AXIS),
                pos2(
                    rect.min.x + names + params.width,
                    rect.min.y + AXIS + lay.height.max(rect.height() - AXIS - FOOTER),
                ),
            );
            let chart = Chart {
                ann,
                decor,
                lay: &lay,
                rect,
                plot,
                view,
                font: font.clone(),
                names,
            };
            chart.paint(ui, timeline, actions);
        });
    timeline.last_layout = Some(lay);
}

/// Width of the lane-name column.
const LANE_LABELS: f32 = 150.0;
/// Width of the lane tabs when the pane is narrow.
const TABS: f32 = 16.0;
/// Below this width the lane names fold into tabs.
const NARROW: f32 = 700.0;
/// Height of the date axis.
const AXIS: f32 = 24.0;
/// Width of a lane's "+N" button.
const CHIP: f32 = 40.0;
/// Height of the strip under the lanes (the "published" label).
const FOOTER: f32 = 16.0;
/// Seconds a newly added event flashes.
const FLASH_SECONDS: f64 = 1.6;

/// One frame's chart: what it paints and where.
struct Chart<'a> {
    ann: &'a annotate::Annotations,
    decor: Option<&'a dyn super::Decor>,
    lay: &'a TimelineLayout,
    rect: Rect,
    plot: Rect,
    view: DayRange,
    font: FontId,
    names: f32,
}

impl Chart<'_> {
    fn paint(&self, ui: &mut Ui, timeline: &mut TimelineState, actions: &mut Vec<ChartAction>) {
        let (lay, plot, view) = (self.lay, self.plot, self.view);
        let dark = ui.visuals().dark_mode;
        let palette = Palette::new(dark);
        let text_color = ui.visuals().text_color();
        let strong = ui.visuals().strong_text_color();
        let weak = ui.visuals().weak_text_color();
        let bg_fill = ui.visuals().panel_fill;
        let painter = ui.painter_at(self.rect.intersect(ui.clip_rect()));
        let (alt, now) = ui.input(|i| (i.modifiers.alt, i.time));
        // The background takes drags (pan), wheel (zoom) and clicks (deselect).
        let bg = ui.interact(
            plot,
            ui.scope_id().with("timeline-bg"),
            Sense::click_and_drag(),
        );
        let px_per_day = f64::from(plot.width()) / view.len();
        let mut pan = if bg.dragged() { bg.drag_delta().x } else { 0.0 };
        if bg.clicked() {
            actions.push(ChartAction::Select(None));
        }
        if let Some(p) = ui
            .input(|i| i.pointer.hover_pos())
            .filter(|p| plot.contains(*p))
        {
            let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta));
            let at = view.start + f64::from((p.x - plot.min.x) / plot.width()) * view.len();
            if (zoom - 1.0).abs() > 1e-3 {
                timeline.view = Some(view.zoom(f64::from(1.0 / zoom), at));
            } else if scroll.x.abs() > scroll.y.abs() {
                pan += scroll.x;
            }
        }
        // Lanes: bands, then names (or tabs when narrow) and their "+N".
        let mut halos = Marks::default();
        let lane_fill = |i: usize, color: egui::Color32| {
            let tint = if i.is_multiple_of(2) { 0.08 } else { 0.04 };
            blend(bg_fill, color, tint)
        };
        for (i, lane) in lay.lanes.iter().enumerate() {
            let top = plot.min.y + lane.top;
            let band = Rect::from_min_max(
                pos2(self.rect.min.x, top),
                pos2(self.rect.max.x, top + lane.height),
            );
            let color = lane_color(lane.color, dark);
            halos.fill(band, lane_fill(i, color));
            halos.fill(
                Rect::from_min_size(band.min, vec2(4.0, band.height())),
                color,
            );
            for (_, x0, x1) in &lane.hidden {
                let r = Rect::from_min_max(
                    pos2(plot.min.x + x0 - 1.0, band.max.y - RUG),
                    pos2(plot.min.x + x1.max(*x0) + 1.0, band.max.y - 1.0),
                );
                halos.fill(r, color.gamma_multiply(0.7));
            }
        }
        // Grid lines and the publication date, under everything else.
        for t in &lay.ticks {
            let x = plot.min.x + t.x;
            let c = if t.major { 0.3 } else { 0.15 };
            halos.fill(
                Rect::from_min_max(pos2(x, plot.min.y), pos2(x + 1.0, plot.max.y)),
                weak.gamma_multiply(c),
            );
        }
        if let Some(x) = lay.publication_x {
            let x = plot.min.x + x;
            let mut y = plot.min.y;
            while y < plot.max.y {
                halos.fill(
                    Rect::from_min_max(
                        pos2(x - 0.75, y),
                        pos2(x + 0.75, (y + 5.0).min(plot.max.y)),
                    ),
                    palette.find_current,
                );
                y += 9.0;
            }
        }
        // Title halos: the lane's own colour, so no line runs through a title.
        for item in &lay.items {
            if let Some([x0, y0, x1, y1]) = item.label_box() {
                let color = lane_color(lay.lanes[item.lane].color, dark);
                halos.fill(
                    Rect::from_min_max(
                        plot.min + vec2(x0 - 2.0, y0),
                        plot.min + vec2(x1 + 2.0, y1),
                    ),
                    lane_fill(item.lane, color),
                );
            }
        }
        halos.paint(&painter);
        self.lane_names_ui(ui, &painter, timeline, actions, text_color);
        self.axis_ui(&painter, weak, palette.find_current);
        // Items.
        let origin = plot.min;
        let visible = ui.clip_rect().expand(12.0);
        let mut marks = Marks::default();
        let mut texts = Vec::new();
        let flashing = timeline
            .flash
            .as_ref()
            .filter(|(_, t)| now - t < FLASH_SECONDS)
            .map(|(ids, t)| (ids.clone(), ((now - t) / FLASH_SECONDS) as f32));
        for item in &lay.items {
            if !visible.y_range().contains(origin.y + item.y) {
                continue;
            }
            let Some(event) = self.ann.event(&item.event) else {
                continue;
            };
            let lane_row = &lay.lanes[item.lane];
            let color = lane_color(lane_row.color, dark);
            let selected = timeline.selected.as_ref() == Some(&item.event);
            if let Some(d) = self.decor {
                d.paint(
                    &painter,
                    (item, &lay.items),
                    origin,
                    (view, plot.width()),
                    color,
                );
            }
            paint_item(
                &mut marks,
                &painter,
                item,
                origin,
                color,
                palette.page,
                selected,
            );
            if let Some((ids, t)) = &flashing
                && ids.contains(&item.event)
            {
                let c = item_rect(item, origin).expand(4.0 + 6.0 * t);
                painter.rect_stroke(
                    c,
                    4.0,
                    Stroke::new(2.5, palette.find_current.gamma_multiply(1.0 - t)),
                    egui::StrokeKind::Outside,
                );
            }
            if let (Some(label), Some([x0, y0, _, _])) = (&item.label, item.label_box()) {
                let c = if selected { strong } else { text_color };
                texts.push((
                    origin + vec2(x0, y0),
                    label.as_str(),
                    item.label_w,
                    c,
                    selected,
                ));
            }
            let hit = item_rect(item, origin).intersect(plot);
            let id = ui.scope_id().with(("event", &item.event.0, item.lane));
            let r = ui.interact(hit, id, Sense::click_and_drag());
            r.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Event {}", event.title),
                )
            });
            if r.clicked() {
                actions.push(ChartAction::Select(Some(item.event.clone())));
            }
            // Moving takes the selected event's handle (its mark), or Alt;
            // any other drag pans, wherever it starts.
            let on_handle = selected && {
                let [x0, y0, x1, y1] = item.mark_box();
                let handle = Rect::from_min_max(origin + vec2(x0, y0), origin + vec2(x1, y1));
                r.interact_pointer_pos()
                    .is_some_and(|p| handle.expand(3.0).contains(p))
            };
            if r.drag_started() && !self.ann.is_read_only() && (alt || on_handle) {
                timeline.drag = Some(Drag {
                    event: item.event.clone(),
                    from_lane: lane_row.lane.clone(),
                    origin: r.interact_pointer_pos().unwrap_or(hit.center()),
                });
            } else if r.dragged() && timeline.drag.is_none() {
                pan += r.drag_delta().x;
            }
            if r.dragged() {
                continue;
            }
            let r = if selected {
                r.on_hover_cursor(egui::CursorIcon::Grab)
            } else {
                r
            };
            r.on_hover_ui_at_pointer(|ui| match self.decor {
                Some(d) => d.hover_ui(ui, &item.event),
                None => event_card(ui, event, self.ann, selected),
            });
        }
        marks.paint(&painter);
        for (at, label, width, color, selected) in texts {
            let mut job = egui::text::LayoutJob::single_section(
                label.to_owned(),
                egui::TextFormat::simple(self.font.clone(), color),
            );
            job.wrap = egui::text::TextWrapping::truncate_at_width(width + 2.0);
            let galley = painter.layout_job(job);
            let y = at.y + (2.0 * LABEL_HALF_HEIGHT - galley.size().y) / 2.0;
            if selected {
                let w = galley.size().x;
                painter.line_segment(
                    [
                        pos2(at.x, y + galley.size().y),
                        pos2(at.x + w, y + galley.size().y),
                    ],
                    Stroke::new(1.5, color),
                );
            }
            painter.galley(pos2(at.x, y), galley, color);
        }
        if flashing.is_some() {
            ui.ctx().request_repaint();
        }
        if pan != 0.0 && timeline.drag.is_none() {
            timeline.view = Some(view.pan(-f64::from(pan) / px_per_day));
        }
        self.drag_ui(ui, &painter, timeline, actions, text_color);
        if lay.items.is_empty() && lay.lanes.iter().all(|l| l.hidden.is_empty()) {
            let msg = if self.ann.events().is_empty() {
                self.decor.and_then(super::Decor::empty_hint).unwrap_or(
                "No events yet: accept a suggestion in the Inspector, or select a highlight and choose “Add to timeline”.")
            } else {
                "No events in this range: press “Fit all”."
            };
            let galley = painter.layout(
                msg.to_owned(),
                FontId::proportional(13.0),
                weak,
                (plot.width() - 24.0).max(80.0),
            );
            let at = plot.center() - galley.size() / 2.0;
            painter.galley(at, galley, weak);
        }
    }

    /// Lane names (a coloured tab each when narrow) and their "+N" buttons.
    fn lane_names_ui(
        &self,
        ui: &mut Ui,
        painter: &egui::Painter,
        timeline: &mut TimelineState,
        actions: &mut Vec<ChartAction>,
        text_color: egui::Color32,
    ) {
        let dark = ui.visuals().dark_mode;
        for lane in &self.lay.lanes {
            let top = self.plot.min.y + lane.top;
            let color = lane_color(lane.color, dark);
            let column = Rect::from_min_size(
                pos2(self.rect.min.x, top),
                vec2(self.names - 4.0, lane.height),
            );
            let name_rect = if self.names < LANE_LABELS {
                painter.rect_filled(
                    Rect::from_min_size(column.min, vec2(10.0, lane.height.min(60.0))),
                    2.0,
                    color,
                );
                Rect::from_min_size(column.min, vec2(12.0, lane.height.min(60.0)))
            } else {
                // The name beside its "+N" (never under it), in the rows
                // the lane has, cut with "…" beyond them.
                let chip = if lane.hidden.is_empty() && !lane.expanded {
                    0.0
                } else {
                    CHIP
                };
                let mut job = egui::text::LayoutJob::simple(
                    lane.name.clone(),
                    FontId::proportional(13.0),
                    text_color,
                    self.names - 16.0 - chip,
                );
                job.wrap.max_rows = (((lane.height - 6.0) / 16.0).floor() as usize).max(1);
                job.wrap.overflow_character = Some('…');
                let galley = painter.layout_job(job);
                let r = Rect::from_min_size(column.min + vec2(8.0, 4.0), galley.size());
                painter.galley(r.min, galley, text_color);
                r
            };
            if let Some(id) = &lane.lane {
                let r = ui.interact(
                    name_rect,
                    ui.scope_id().with(("lane", &id.0)),
                    Sense::click(),
                );
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        format!("Lane {}", lane.name),
                    )
                });
                if r.on_hover_text(format!("{} — click to edit this lane", lane.name))
                    .clicked()
                {
                    actions.push(ChartAction::EditLane(id.clone()));
                }
            }
            let n = lane.hidden.len();
            if n > 0 || lane.expanded {
                let text = if lane.expanded {
                    "fewer".to_owned()
                } else {
                    format!("+{n}")
                };
                let at = if self.names < LANE_LABELS {
                    // Narrow: the button sits at the lane's right end.
                    pos2(self.plot.max.x + 2.0, top + 2.0)
                } else {
                    // Wide: at the name column's right, beside the name.
                    pos2(column.max.x - CHIP + 2.0, top + 3.0)
                };
                // One line, whatever the chip's width ("fewer" never wraps).
                let button = egui::Button::new(egui::RichText::new(text).small())
                    .small()
                    .wrap_mode(egui::TextWrapMode::Extend);
                let r = ui.put(Rect::from_min_size(at, vec2(CHIP - 4.0, 18.0)), button);
                let tip = if lane.expanded {
                    "Show this lane in fewer rows".to_owned()
                } else {
                    format!("{n} more events in this lane: show them all")
                };
                if r.on_hover_text(tip).clicked() {
                    timeline.toggle_expanded(&lane.lane);
                }
            }
        }
    }

    /// The date axis above the lanes and the "published" label below them.
    fn axis_ui(&self, painter: &egui::Painter, weak: egui::Color32, accent: egui::Color32) {
        let plot = self.plot;
        painter.line_segment(
            [
                pos2(plot.min.x, plot.min.y - 1.0),
                pos2(plot.max.x, plot.min.y - 1.0),
            ],
            Stroke::new(1.0, weak),
        );
        for t in &self.lay.ticks {
            let x = plot.min.x + t.x;
            let h = if t.major { 8.0 } else { 4.0 };
            painter.line_segment(
                [pos2(x, plot.min.y - 1.0 - h), pos2(x, plot.min.y - 1.0)],
                Stroke::new(1.0, weak),
            );
            if !t.label.is_empty() {
                painter.text(
                    pos2(x + 3.0, self.rect.min.y + 2.0),
                    Align2::LEFT_TOP,
                    &t.label,
                    FontId::proportional(11.0),
                    weak,
                );
            }
        }
        if let Some(x) = self.lay.publication_x {
            let x = plot.min.x + x;
            let align = if x + 70.0 > plot.max.x {
                Align2::RIGHT_TOP
            } else {
                Align2::LEFT_TOP
            };
            painter.text(
                pos2(x, plot.max.y + 2.0),
                align,
                "published",
                FontId::proportional(10.5),
                accent,
            );
        }
    }

    /// A move in progress: a ghost where it would land with its new date;
    /// on release, the move (one undoable step).
    fn drag_ui(
        &self,
        ui: &Ui,
        painter: &egui::Painter,
        timeline: &mut TimelineState,
        actions: &mut Vec<ChartAction>,
        text_color: egui::Color32,
    ) {
        let Some(drag) = timeline.drag.clone() else {
            return;
        };
        let (plot, view) = (self.plot, self.view);
        let px_per_day = f64::from(plot.width()) / view.len();
        let at = ui.input(|i| i.pointer.interact_pos());
        let released = ui.input(|i| i.pointer.any_released());
        let (Some(p), Some(event)) = (at, self.ann.event(&drag.event)) else {
            timeline.drag = None;
            return;
        };
        let days = (f64::from(p.x - drag.origin.x) / px_per_day).round() as i64;
        let lane = self
            .lay
            .lanes
            .iter()
            .find(|l| p.y >= plot.min.y + l.top && p.y < plot.min.y + l.top + l.height)
            .and_then(|l| l.lane.clone());
        // Where it would land: a week moves by whole weeks, a month by months.
        let landed = crate::timeline::when::moved(&event.when, days);
        let ghost_x = plot.min.x + ((day_number(landed.start) - view.start) * px_per_day) as f32;
        painter.circle_stroke(pos2(ghost_x, p.y), 7.0, Stroke::new(2.0, text_color));
        let label = landed.label();
        let galley = painter.layout_no_wrap(label, self.font.clone(), text_color);
        let r = Rect::from_min_size(
            pos2(ghost_x + 10.0, p.y - galley.size().y / 2.0),
            galley.size(),
        );
        painter.rect_filled(r.expand(3.0), 3.0, ui.visuals().extreme_bg_color);
        painter.galley(r.min, galley, text_color);
        if released {
            let mut moved = event.clone();
            moved.when = landed;
            if let (Some(to), Some(from)) = (&lane, &drag.from_lane)
                && to != from
            {
                moved.lanes.retain(|l| l != from);
                moved.lanes.push(to.clone());
            } else if let (Some(to), None) = (&lane, &drag.from_lane) {
                moved.lanes.push(to.clone());
            }
            if moved != *event {
                actions.push(ChartAction::Move(moved));
            }
            timeline.drag = None;
        }
        ui.ctx().request_repaint();
    }
}

/// `base` with `color` laid over it at `alpha` (an opaque colour, so a
/// title's halo matches its lane's band exactly).
fn blend(base: egui::Color32, color: egui::Color32, alpha: f32) -> egui::Color32 {
    let mix = |a: u8, b: u8| (f32::from(a) * (1.0 - alpha) + f32::from(b) * alpha).round() as u8;
    egui::Color32::from_rgb(
        mix(base.r(), color.r()),
        mix(base.g(), color.g()),
        mix(base.b(), color.b()),
    )
}

/// The hover card of an event.
fn event_card(ui: &mut Ui, event: &Event, ann: &annotate::Annotations, selected: bool) {
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
    let hint = if selected {
        "Drag its mark to move it to another date or lane (or Alt-drag)."
    } else {
        "Click to edit it · Alt-drag to move it · drag to pan."
    };
    ui.label(egui::RichText::new(hint).weak().small());
}
