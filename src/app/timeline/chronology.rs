//! The Chronology pane: the timeline as a list (the dossier's, or the open
//! article's), grouped by month or year — every event with its date,
//! lanes, sources and verdict, none hidden. Clicking a row or moving with
//! the arrow keys selects the event in the chart and the Inspector; "Copy
//! as text" copies story-ready lines with citations. Rows come from the
//! pure `timeline::chronology`.

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{FontId, Sense, Ui, vec2};

use crate::app::theme::lane_color;
use crate::app::{Command, StorylineApp, TimelineCommand};
use crate::timeline::EventId;
use crate::timeline::chronology::{self, Citation, Grouping, Row};

/// The Chronology's own view state (one per timeline).
#[derive(Clone, Debug, Default)]
pub struct ChronologyView {
    /// How rows are grouped.
    pub grouping: Grouping,
    /// A row had keyboard focus last frame (arrow keys move through rows).
    pub has_focus: bool,
    /// The selection the list last scrolled to, and its row then (an edit
    /// that moves it scrolls again).
    shown_selected: Option<(EventId, usize)>,
    /// When the rows were last copied (app time), for the button's thanks.
    copied_at: Option<f64>,
}

/// What the list asks for.
enum Asked {
    Select(EventId),
    ClearFilter,
}

/// The Chronology pane.
pub(crate) fn chronology_pane_ui(ui: &mut Ui, app: &mut StorylineApp) {
    let saves_dir = app.saves_dir.clone();
    if let Some(open) = app.dossier.as_mut().filter(|d| d.show_all) {
        let total = open.dossier.events.len();
        let filtered = !open.filter.parsed().is_empty();
        let (rows, timeline) = open.chronology_rows(&saves_dir);
        let selected = timeline.selected.clone();
        let asked = list_ui(
            ui,
            rows,
            (total, filtered),
            selected.as_ref(),
            &mut timeline.chronology,
        );
        match asked {
            Some(Asked::Select(id)) => {
                timeline.reveal.push(id.clone());
                app.commands.push(Command::Dossier(
                    crate::app::dossier::DossierAction::Select(Some(id)),
                ));
            }
            Some(Asked::ClearFilter) => open.filter = crate::app::dossier::FilterText::default(),
            None => {}
        }
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
    let Some(article) = article.as_ref() else {
        ui.label(
            egui::RichText::new(if opening {
                "The chronology comes once the whole file is read."
            } else {
                "Open an article to see its chronology."
            })
            .weak(),
        );
        return;
    };
    let ann = &article.save.annotations;
    let source = Citation {
        name: article
            .doc
            .meta
            .source
            .clone()
            .unwrap_or_else(|| article.doc.meta.title.clone()),
        date: publication,
    };
    let rows = chronology::of_events(ann.events(), ann.lanes(), &source);
    let selected = timeline.selected.clone();
    let asked = list_ui(
        ui,
        &rows,
        (rows.len(), false),
        selected.as_ref(),
        &mut timeline.chronology,
    );
    if let Some(Asked::Select(id)) = asked {
        timeline.reveal.push(id.clone());
        commands.push(Command::Timeline(TimelineCommand::SelectEvent(Some(id))));
    }
}

/// The header (count, grouping, copy) and the grouped rows.
fn list_ui(
    ui: &mut Ui,
    rows: &[Row],
    (total, filtered): (usize, bool),
    selected: Option<&EventId>,
    view: &mut ChronologyView,
) -> Option<Asked> {
    let mut asked = None;
    let now = ui.input(|i| i.time);
    ui.horizontal(|ui| {
        let count = if filtered {
            format!(
                "{} of {}",
                rows.len(),
                crate::wording::count(total, "event", "events")
            )
        } else {
            crate::wording::count(total, "event", "events")
        };
        ui.label(egui::RichText::new(count).weak());
        if filtered
            && ui
                .small_button("Show all")
                .on_hover_text("Clear the timeline's filter")
                .clicked()
        {
            asked = Some(Asked::ClearFilter);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let thanks = view.copied_at.is_some_and(|t| now - t < 1.5);
            let label = if thanks { "Copied" } else { "Copy as text" };
            if ui
                .add_enabled(
                    !rows.is_empty(),
                    // One width for both words: the buttons beside stay put.
                    egui::Button::new(label)
                        .small()
                        .min_size(egui::vec2(84.0, 0.0)),
                )
                .on_hover_text("Copy the events as lines for a story, with their sources")
                .clicked()
            {
                ui.ctx().copy_text(chronology::text(rows, view.grouping));
                view.copied_at = Some(now);
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(1600));
            }
            ui.separator();
            // Right to left: "Month" shows left of "Year".
            let shown = chronology::resolve(view.grouping, rows);
            for g in [Grouping::Year, Grouping::Month] {
                if ui
                    .selectable_label(shown == g, g.name())
                    .on_hover_text("Group the events")
                    .clicked()
                {
                    view.grouping = g;
                }
            }
        });
    });
    ui.add_space(2.0);
    // Arrow keys step from the selected row while the list has focus.
    let mut step_to = None;
    if view.has_focus {
        ui.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown) {
                step_to = chronology::step(rows, selected, 1);
            } else if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp) {
                step_to = chronology::step(rows, selected, -1);
            }
        });
        if step_to.is_some() {
            // The list moves the focus itself (egui would move it again).
            ui.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        }
    }
    let at = selected.and_then(|s| Some((s.clone(), rows.iter().position(|r| &r.id == s)?)));
    let scroll_to = selected.filter(|_| view.shown_selected != at);
    view.shown_selected = at;
    let mut focus = false;
    egui::ScrollArea::vertical()
        .id_salt("chronology")
        .auto_shrink(false)
        .show(ui, |ui| {
            if rows.is_empty() {
                let hint = if total > 0 {
                    "No event passes the timeline's filter."
                } else {
                    "No events yet: add a highlight to the timeline, or accept a \
                     suggested event or a key date in the Inspector."
                };
                ui.label(egui::RichText::new(hint).weak());
                return;
            }
            for group in chronology::groups(rows, view.grouping) {
                ui.add_space(4.0);
                ui.label(egui::RichText::new(&group.heading).strong());
                for (i, row) in rows[group.rows.clone()].iter().enumerate() {
                    let index = group.rows.start + i;
                    let is_selected = selected == Some(&row.id);
                    let response = row_ui(ui, row, is_selected);
                    if step_to == Some(index) {
                        response.request_focus();
                        response.scroll_to_me(None);
                        asked = Some(Asked::Select(row.id.clone()));
                    } else if scroll_to == Some(&row.id) {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        response.request_focus();
                        asked = Some(Asked::Select(row.id.clone()));
                    }
                    focus |= response.has_focus();
                }
            }
        });
    view.has_focus = focus;
    asked
}

/// Size of the titles; the line under them is two points smaller.
const TITLE_SIZE: f32 = 13.5;
/// Width of the date column.
const DATE_WIDTH: f32 = 90.0;

/// One event: its date at the left; its title, then its lanes, sources
/// and verdict.
fn row_ui(ui: &mut Ui, row: &Row, selected: bool) -> egui::Response {
    let width = ui.available_width().max(DATE_WIDTH + 60.0);
    let visuals = ui.visuals().clone();
    let (text, weak) = (visuals.text_color(), visuals.weak_text_color());
    let small = FontId::proportional(TITLE_SIZE - 2.0);
    let wrap_at = |job: &mut LayoutJob, w: f32, rows: usize| {
        job.wrap = TextWrapping {
            max_width: w,
            max_rows: rows,
            break_anywhere: false,
            overflow_character: Some('…'),
        };
    };
    let mut date =
        LayoutJob::single_section(row.when.label(), TextFormat::simple(small.clone(), weak));
    wrap_at(&mut date, DATE_WIDTH - 10.0, 2);
    let body_w = width - DATE_WIDTH - 14.0;
    let mut title = LayoutJob::single_section(
        row.title.trim().to_owned(),
        TextFormat::simple(FontId::proportional(TITLE_SIZE), text),
    );
    wrap_at(&mut title, body_w, 3);
    // The verdict first: never cut off by a long list of sources.
    let mut meta = LayoutJob::default();
    if let Some(v) = row.verdict {
        meta.append(v.words(), 0.0, TextFormat::simple(small.clone(), text));
        meta.append("   ", 0.0, TextFormat::simple(small.clone(), weak));
    }
    if row.conflict {
        meta.append(
            "dates disagree",
            0.0,
            TextFormat::simple(small.clone(), text),
        );
        meta.append("   ", 0.0, TextFormat::simple(small.clone(), weak));
    }
    for (name, _) in &row.lanes {
        meta.append(name, 0.0, TextFormat::simple(small.clone(), weak));
        meta.append("   ", 0.0, TextFormat::simple(small.clone(), weak));
    }
    let year = row.when.start.year();
    let cites: Vec<String> = row.sources.iter().map(|c| c.short(year)).collect();
    meta.append(&cites.join("; "), 0.0, TextFormat::simple(small, weak));
    wrap_at(&mut meta, body_w, 2);
    let (date, title, meta) =
        ui.fonts_mut(|f| (f.layout_job(date), f.layout_job(title), f.layout_job(meta)));
    let height = (title.size().y + meta.size().y + 8.0).max(date.size().y + 8.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    let painter = ui.painter();
    if selected {
        painter.rect_filled(rect, 4.0, visuals.selection.bg_fill.gamma_multiply(0.5));
    } else if response.hovered() || response.has_focus() {
        painter.rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
    }
    if response.has_focus() {
        painter.rect_stroke(
            rect.shrink(0.5),
            4.0,
            visuals.selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    // The first lane's colour as a bar at the left (none: no lane).
    if let Some((_, color)) = row.lanes.first() {
        let bar = egui::Rect::from_min_size(rect.min + vec2(1.0, 4.0), vec2(3.0, height - 8.0));
        painter.rect_filled(bar, 1.5, lane_color(*color, visuals.dark_mode));
    }
    let top = rect.min + vec2(8.0, 4.0);
    painter.galley(top, date, weak);
    let body = top + vec2(DATE_WIDTH, 0.0);
    let title_h = title.size().y;
    painter.galley(body, title, text);
    painter.galley(body + vec2(0.0, title_h + 1.0), meta, weak);
    let label = chronology::line(row);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    response.on_hover_cursor(egui::CursorIcon::PointingHand)
}
