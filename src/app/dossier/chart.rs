//! The dossier's timeline: every event of every article on one axis, drawn
//! by the article timeline's chart over a read-only view of the dossier,
//! with what only a dossier has — each event's number of sources, a
//! forecast's expected window (hollow) joined to its outcome, conflicts.

use std::collections::BTreeMap;

use egui::{Color32, Painter, Pos2, Sense, Stroke, Ui, pos2};
use jiff::civil::Date;

use super::{DossierAction, OpenDossier};
use crate::annotate::Annotations;
use crate::app::timeline::Decor;
use crate::app::timeline::chart::{ChartAction, chart_ui_paint};
use crate::app::{Command, StorylineApp};
use crate::dossier::view::EventFilter;
use crate::dossier::{Dossier, DossierEvent, resolve};
use crate::timeline::layout::{DayRange, Placed, day_number, initial_view};
use crate::timeline::{Event, EventId, EventKind};

/// What the chart draws of one dossier event besides its mark.
#[derive(Clone, Debug, Default)]
pub struct EventDecor {
    /// The expected window, when an earlier article expected it and a
    /// later one reports it.
    pub window: Option<(Date, Date)>,
    /// Its mentions cannot all be true.
    pub conflict: bool,
    /// The card shown on hover: title, dates, verdict, one line per source.
    pub card: Vec<String>,
    /// A proposed key date, not an event.
    pub proposal: bool,
}

/// The chart id of a proposed key date.
fn proposal_id(day: Date) -> EventId {
    EventId(format!("{PROPOSAL}{day}"))
}

/// Prefix of proposals' chart ids.
const PROPOSAL: &str = "key-date:";

/// The day of a proposal's chart id.
pub(crate) fn proposal_day(id: &EventId) -> Option<Date> {
    id.0.strip_prefix(PROPOSAL)?.parse().ok()
}

/// A dossier drawn as a timeline: its events as a read-only article
/// timeline (dates resolved across mentions), and their decorations.
pub struct ChartModel {
    /// Lanes and events, for the chart.
    pub ann: Annotations,
    /// Per event.
    pub decor: BTreeMap<EventId, EventDecor>,
    /// The same events as the Chronology lists them (no proposals).
    pub chronology: Vec<crate::timeline::chronology::Row>,
}

impl Decor for ChartModel {
    fn paint(
        &self,
        painter: &Painter,
        (item, others): (&Placed, &[Placed]),
        origin: Pos2,
        (view, width): (DayRange, f32),
        color: Color32,
    ) {
        let Some(d) = self.decor.get(&item.event) else {
            return;
        };
        let x_of = |day: f64| origin.x + ((day - view.start) / view.len()) as f32 * width;
        let y = origin.y + item.y;
        // Never through another event's title or mark on this row.
        let blocked: Vec<(f32, f32)> = others
            .iter()
            .filter(|o| o.event != item.event && (o.y - item.y).abs() < 1.0)
            .flat_map(|o| {
                let m = o.mark_box();
                std::iter::once((m[0], m[2])).chain(o.label_box().map(|l| (l[0], l[2])))
            })
            .map(|(l, r)| (origin.x + l - 3.0, origin.x + r + 3.0))
            .collect();
        let stroke = Stroke::new(1.3, color.gamma_multiply(0.9));
        // A horizontal line from a to b at height y, in pieces of `step`
        // (every other one when dashed), skipping what is blocked.
        let line = |a: f32, b: f32, y: f32, dashed: bool| {
            let step = 4.0;
            let mut x = a;
            while x < b {
                let x1 = (x + step).min(b);
                if !blocked.iter().any(|(l, r)| x1 > *l && x < *r) {
                    painter.line_segment([pos2(x, y), pos2(x1, y)], stroke);
                }
                x += if dashed { step * 2.0 } else { step };
            }
        };
        if let Some((ws, we)) = d.window {
            let (x0, x1) = (x_of(day_number(ws)), x_of(day_number(we) + 1.0));
            let x1 = x1.max(x0 + 3.0);
            let clip = painter.clip_rect();
            if x1 > clip.min.x && x0 < clip.max.x {
                // The expected window, hollow (drawn even under another
                // title: its text is painted over it).
                painter.rect_stroke(
                    egui::Rect::from_min_max(pos2(x0, y - 4.5), pos2(x1, y + 4.5)),
                    2.0,
                    Stroke::new(1.3, color.gamma_multiply(0.75)),
                    egui::StrokeKind::Inside,
                );
            }
            // Joined to the outcome, from the window's nearer end.
            let mark = origin.x + f32::midpoint(item.x0, item.x1);
            let from = if mark >= x1 { x1 } else { x0.min(mark) };
            if (mark - from).abs() > 6.0 {
                let (a, b) = if from < mark {
                    (from, mark)
                } else {
                    (mark, from)
                };
                line(a, b, y, true);
            }
        }
        if d.proposal {
            // A dashed square around the hollow mark: proposed, not yet an
            // event.
            let (cx, r) = (origin.x + item.x0, 8.0);
            let dash = Stroke::new(1.2, color);
            for (a, b) in [
                (pos2(cx - r, y - r), pos2(cx + r, y - r)),
                (pos2(cx + r, y - r), pos2(cx + r, y + r)),
                (pos2(cx + r, y + r), pos2(cx - r, y + r)),
                (pos2(cx - r, y + r), pos2(cx - r, y - r)),
            ] {
                painter.extend(egui::Shape::dashed_line(&[a, b], dash, 3.0, 2.5));
            }
        }
        if d.conflict {
            let c = pos2(origin.x + item.x0, y);
            painter.circle_stroke(
                c,
                9.0,
                Stroke::new(2.0, Color32::from_rgb(0xd0, 0x30, 0x30)),
            );
        }
    }

    fn reserve(&self, event: &EventId) -> Option<(Date, Date)> {
        self.decor.get(event)?.window
    }

    fn empty_hint(&self) -> Option<&'static str> {
        Some(
            "No events yet: press “Key dates” above for the story's proposed timeline, or open “Suggested from the articles” in the Inspector, and accept what belongs.",
        )
    }

    fn hover_ui(&self, ui: &mut Ui, event: &EventId) {
        ui.set_max_width(420.0);
        let Some(d) = self.decor.get(event) else {
            return;
        };
        for (i, line) in d.card.iter().enumerate() {
            if i == 0 {
                ui.strong(line);
            } else {
                ui.label(line);
            }
        }
    }
}

fn short(d: Date) -> String {
    crate::dossier::view::short_date(d)
}

fn span(start: Date, end: Date) -> String {
    crate::dossier::view::date_span(start, end, short)
}

/// The dossier event as the chart draws it (`dossier::view`), and the
/// card listing its sources.
fn as_event(d: &Dossier, e: &DossierEvent) -> (Event, EventDecor) {
    let r = resolve(e);
    let event = crate::dossier::view::as_event(e, &r);
    let reported = event.kind == EventKind::Reported;
    let mut card = vec![e.title.clone(), span(r.start, r.end)];
    if let Some(v) = crate::dossier::view::verdict(d, e) {
        card.push(v);
    }
    if r.conflict {
        card.push("Its sources give dates that cannot all be true.".to_owned());
    }
    for m in &e.mentions {
        let article = d.article(&m.article);
        let name = article
            .and_then(|a| a.source.clone())
            .unwrap_or_else(|| article.map_or(m.article.clone(), |a| a.title.clone()));
        let kind = if m.kind == EventKind::Expected {
            "expects"
        } else {
            "reports"
        };
        let quote: String = m.quote.chars().take(140).collect();
        let more = if m.quote.chars().count() > 140 {
            "…"
        } else {
            ""
        };
        card.push(format!(
            "• {name}{}: {kind} “{}” ({}) — “{quote}{more}”",
            m.published
                .map(|p| format!(", {}", short(p)))
                .unwrap_or_default(),
            m.when.phrase,
            span(m.when.start, m.when.end),
        ));
    }
    let decor = EventDecor {
        window: if reported { r.expected } else { None },
        conflict: r.conflict,
        card,
        proposal: false,
    };
    (event, decor)
}

/// A proposed key date as the chart draws it: hollow, in the dossier lane
/// of its name (if the dossier has it), with its why and sentences.
fn as_proposal(d: &Dossier, k: &crate::dossier::key_dates::KeyDate) -> (Event, EventDecor) {
    let lane = k.lane.as_deref().and_then(|name| {
        d.lanes
            .iter()
            .find(|l| l.name.eq_ignore_ascii_case(name))
            .map(|l| l.id.clone())
    });
    let event = Event {
        credit: crate::credit::Credit::default(),
        id: proposal_id(k.date),
        title: k.title.clone(),
        when: crate::timeline::When::span(k.date, k.end, k.precision),
        lanes: lane.into_iter().collect(),
        evidence: Vec::new(),
        note: String::new(),
        kind: EventKind::Expected,
        modified: jiff::Timestamp::UNIX_EPOCH,
        source: None,
    };
    let mut card = vec![
        format!("Proposed key date: {}", k.title),
        span(k.date, k.end),
        k.why.clone(),
    ];
    card.extend(k.sentences.iter().map(|s| format!("“{s}”")));
    card.push("Click to see it in the Inspector, where it can be accepted.".to_owned());
    let decor = EventDecor {
        card,
        proposal: true,
        ..EventDecor::default()
    };
    (event, decor)
}

impl ChartModel {
    /// Nothing to draw (before the first frame).
    #[must_use]
    pub fn empty() -> Self {
        Self {
            ann: Annotations::default(),
            decor: BTreeMap::new(),
            chronology: Vec::new(),
        }
    }

    /// The chart's view of `d`.
    #[must_use]
    pub fn of(
        d: &Dossier,
        filter: &EventFilter,
        tags: &dyn Fn(&crate::dossier::Mention) -> Vec<String>,
        proposals: &[&crate::dossier::key_dates::KeyDate],
    ) -> Self {
        let mut events = Vec::with_capacity(d.events.len());
        let mut decor = BTreeMap::new();
        for e in &d.events {
            if !filter.is_empty() && !filter.keeps(e, &resolve(e), tags) {
                continue;
            }
            let (event, dec) = as_event(d, e);
            decor.insert(event.id.clone(), dec);
            events.push(event);
        }
        for k in proposals {
            let in_filter = filter.from.is_none_or(|f| k.date >= f)
                && filter.to.is_none_or(|t| k.date <= t)
                && filter.article.is_none()
                && filter.tag.is_none()
                && filter.by.is_none();
            let (event, dec) = as_proposal(d, k);
            let in_lane = filter.lane.as_ref().is_none_or(|l| event.lanes.contains(l));
            if in_filter && in_lane {
                decor.insert(event.id.clone(), dec);
                events.push(event);
            }
        }
        // Filtered: lanes left without events collapse.
        let lanes: Vec<crate::timeline::Lane> = d
            .lanes
            .iter()
            .filter(|l| filter.is_empty() || events.iter().any(|e| e.lanes.contains(&l.id)))
            .cloned()
            .collect();
        let mut ann = Annotations::new(Vec::new(), "");
        ann.replace_timeline(lanes, events, Vec::new());
        ann.set_read_only(true);
        let chronology = crate::dossier::view::chronology(d, filter, tags);
        Self {
            ann,
            decor,
            chronology,
        }
    }
}

impl OpenDossier {
    /// The chart's view of the dossier, rebuilt when it changed.
    pub(crate) fn chart(&mut self, saves_dir: &std::path::Path) -> &ChartModel {
        let filter = self.filter.parsed();
        let proposals_key = if self.key_dates.shown {
            self.key_dates.generation * 2 + 1
        } else {
            0
        };
        let key = (self.revision, proposals_key);
        let stale = self.chart.0 != Some(key) || self.chart.1 != filter;
        if stale {
            // The tag filter reads the articles' highlights (their tags).
            let by_id: std::collections::HashMap<(String, String), Vec<String>> =
                if filter.tag.is_some() {
                    self.highlights_fresh(saves_dir)
                        .rows
                        .iter()
                        .map(|r| ((r.article.clone(), r.id.0.clone()), r.tags.clone()))
                        .collect()
                } else {
                    std::collections::HashMap::new()
                };
            let tags = |m: &crate::dossier::Mention| {
                m.evidence
                    .iter()
                    .filter_map(|h| by_id.get(&(m.article.clone(), h.0.clone())))
                    .flatten()
                    .cloned()
                    .collect()
            };
            // Proposals in the lane the reader picked for them.
            let proposals: Vec<crate::dossier::key_dates::KeyDate> = if self.key_dates.shown {
                self.open_key_dates()
                    .into_iter()
                    .map(|k| {
                        let mut k = k.clone();
                        match self.key_dates.lanes.get(&k.date) {
                            Some(super::key_dates::LanePick::None) => k.lane = None,
                            Some(super::key_dates::LanePick::Lane(id)) => {
                                k.lane = self
                                    .dossier
                                    .lanes
                                    .iter()
                                    .find(|l| &l.id == id)
                                    .map(|l| l.name.clone());
                            }
                            None => {}
                        }
                        k
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let proposals: Vec<&crate::dossier::key_dates::KeyDate> = proposals.iter().collect();
            let model = ChartModel::of(&self.dossier, &filter, &tags, &proposals);
            self.chart = (Some(key), filter, model);
        }
        &self.chart.2
    }
}

impl OpenDossier {
    /// The Chronology's rows (rebuilt with the chart when stale) beside the
    /// timeline's view state, borrowed together without copying the rows.
    pub(crate) fn chronology_rows(
        &mut self,
        saves_dir: &std::path::Path,
    ) -> (
        &[crate::timeline::chronology::Row],
        &mut crate::app::timeline::TimelineState,
    ) {
        self.chart(saves_dir);
        (&self.chart.2.chronology, &mut self.timeline)
    }
}

/// The Timeline pane showing the whole dossier: the filter row, then the
/// chart.
pub(crate) fn dossier_timeline_ui(ui: &mut Ui, app: &mut StorylineApp) {
    let StorylineApp {
        dossier,
        commands,
        saves_dir,
        ..
    } = app;
    let Some(open) = dossier.as_mut() else {
        return;
    };
    filter_ui(ui, open, saves_dir);
    let first = open.dossier.articles.first().and_then(|a| a.published);
    open.chart(saves_dir);
    // Split borrows: the chart model and the view state.
    let OpenDossier {
        chart, timeline, ..
    } = open;
    let model = &chart.2;
    let view = *timeline
        .view
        .get_or_insert_with(|| initial_view(model.ann.events(), first));
    let rect = ui.available_rect_before_wrap();
    let chart_ui = &mut ui.new_child(egui::UiBuilder::new().max_rect(rect));
    let mut asked = Vec::new();
    chart_ui_paint(
        chart_ui,
        (&model.ann, Some(model)),
        timeline,
        &mut asked,
        None,
        view,
    );
    ui.allocate_rect(rect, Sense::hover());
    for c in asked {
        match c {
            ChartAction::Select(Some(id)) if proposal_day(&id).is_some() => {
                commands.push(Command::Dossier(DossierAction::KeyDates(
                    super::key_dates::KeyDatesAction::Select(proposal_day(&id)),
                )));
            }
            ChartAction::Select(id) => commands.push(Command::Dossier(DossierAction::Select(id))),
            // The dossier's lanes and events are worked out from its
            // articles: they are edited there, not dragged here.
            ChartAction::EditLane(_) | ChartAction::Move(_) => {}
        }
    }
}

/// The filter row: lane, article, tag, and a date range.
fn filter_ui(ui: &mut Ui, open: &mut OpenDossier, saves_dir: &std::path::Path) {
    let mut f = open.filter.clone();
    let lanes: Vec<(crate::timeline::LaneId, String)> = open
        .dossier
        .lanes
        .iter()
        .map(|l| (l.id.clone(), l.name.clone()))
        .collect();
    let articles: Vec<(String, String)> = open
        .dossier
        .articles
        .iter()
        .map(|a| (a.path.clone(), a.title.clone()))
        .collect();
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Show").weak().small());
        let lane_name = |id: &Option<crate::timeline::LaneId>| {
            id.as_ref()
                .and_then(|id| lanes.iter().find(|(l, _)| l == id))
                .map_or("every lane".to_owned(), |(_, name)| name.clone())
        };
        egui::ComboBox::from_id_salt("dossier-lane")
            .selected_text(lane_name(&f.lane))
            .width(104.0)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.lane, None, "every lane");
                for (id, name) in &lanes {
                    ui.selectable_value(&mut f.lane, Some(id.clone()), name);
                }
            });
        let article_name = f
            .article
            .as_ref()
            .and_then(|p| articles.iter().find(|(a, _)| a == p))
            .map_or("every article".to_owned(), |(_, title)| title.clone());
        egui::ComboBox::from_id_salt("dossier-article")
            .selected_text(article_name)
            .width(130.0)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.article, None, "every article");
                for (path, title) in &articles {
                    ui.selectable_value(&mut f.article, Some(path.clone()), title);
                }
            });
        egui::ComboBox::from_id_salt("dossier-tag")
            .selected_text(f.tag.clone().unwrap_or_else(|| "any tag".to_owned()))
            .width(90.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.tag, None, "any tag");
                // The tags are the highlights' (read when first asked for).
                let counts = open.highlights_fresh(saves_dir).tag_counts.clone();
                for (t, n) in &counts {
                    ui.selectable_value(&mut f.tag, Some(t.clone()), format!("{t} ({n})"));
                }
            });
        // Who: once anyone's name is on an event (a shared dossier).
        if f.by.is_some() || open.dossier.events.iter().any(|e| !e.credit.is_empty()) {
            egui::ComboBox::from_id_salt("dossier-by")
                .selected_text(f.by.clone().unwrap_or_else(|| "anyone".to_owned()))
                .width(80.0)
                .truncate()
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.by, None, "anyone");
                    let mut names = std::collections::BTreeMap::<&str, usize>::new();
                    for e in &open.dossier.events {
                        let c = &e.credit;
                        for n in [&c.author, &c.edited_by].into_iter().flatten() {
                            *names.entry(n).or_default() += 1;
                        }
                    }
                    for (n, k) in names {
                        ui.selectable_value(&mut f.by, Some(n.to_owned()), format!("{n} ({k})"));
                    }
                })
                .response
                .on_hover_text("Only the events this person made or last changed");
        }
        ui.add(
            egui::TextEdit::singleline(&mut f.from)
                .hint_text("from")
                .desired_width(70.0),
        )
        .on_hover_text("From this date (2020-03, 2020-03-15, …)");
        ui.add(
            egui::TextEdit::singleline(&mut f.to)
                .hint_text("to")
                .desired_width(70.0),
        )
        .on_hover_text("Up to this date");
        if !f.parsed().is_empty() && ui.small_button("Clear").clicked() {
            f = super::FilterText::default();
        }
    });
    open.filter = f;
}

/// The timeline's buttons when it shows the dossier.
pub(crate) fn dossier_toolbar_ui(
    ui: &mut Ui,
    open: &mut OpenDossier,
    saves_dir: &std::path::Path,
    roomy: bool,
) {
    let first = open.dossier.articles.first().and_then(|a| a.published);
    let (events, lanes) = (open.dossier.events.len(), open.dossier.lanes.len());
    let model_events: Vec<Event> = open.chart(saves_dir).ann.events().to_vec();
    let view = *open
        .timeline
        .view
        .get_or_insert_with(|| initial_view(&model_events, first));
    let mid = f64::midpoint(view.start, view.end);
    if ui
        .small_button("+")
        .on_hover_text("Zoom in (Ctrl+wheel)")
        .clicked()
    {
        open.timeline.view = Some(view.zoom(1.0 / 1.5, mid));
    }
    if ui
        .small_button("−")
        .on_hover_text("Zoom out (Ctrl+wheel)")
        .clicked()
    {
        open.timeline.view = Some(view.zoom(1.5, mid));
    }
    if ui
        .small_button("Fit all")
        .on_hover_text("Show every event")
        .clicked()
    {
        open.timeline.fit(&model_events, first);
    }
    if !roomy {
        return;
    }
    // Filtered: how many of the events are shown.
    let shown = model_events
        .iter()
        .filter(|e| proposal_day(&e.id).is_none())
        .count();
    let events_said = if open.filter.parsed().is_empty() {
        crate::wording::count(events, "event", "events")
    } else {
        format!(
            "{shown} of {}",
            crate::wording::count(events, "event", "events")
        )
    };
    ui.label(
        egui::RichText::new(format!(
            "{} · {} · {events_said}",
            crate::wording::count(open.dossier.articles.len(), "article", "articles"),
            crate::wording::count(lanes, "lane", "lanes"),
        ))
        .weak()
        .small(),
    );
}
