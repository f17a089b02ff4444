//! The timeline's layout, as a pure function: lanes and events in, a visible
//! date range and a size in, positioned lanes, items, labels and axis ticks
//! out. The UI only paints what this returns (like rerun's time panel).
//!
//! Every lane shares one x axis, so the same date has the same x in every
//! lane. Labels never overlap: items stack into rows, and a label that
//! still does not fit is shortened with "…" or dropped.

use jiff::civil::Date;

use super::lanes::{Event, EventId, EventKind, Lane, LaneColor, LaneId};
use super::when::{OpenEnd, Precision, add_days, add_months};

/// A span of days as numbers (days since 1970-01-01); `end` exclusive.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayRange {
    /// First visible day.
    pub start: f64,
    /// End of the last visible day.
    pub end: f64,
}

impl DayRange {
    /// Days shown.
    #[must_use]
    pub fn len(self) -> f64 {
        (self.end - self.start).max(1e-6)
    }

    /// Zooms by `factor` (< 1: in) keeping day `at` where it is.
    #[must_use]
    pub fn zoom(self, factor: f64, at: f64) -> Self {
        let factor = factor.clamp(0.05, 20.0);
        let len = (self.len() * factor).clamp(3.0, 365.0 * 60.0);
        let t = (at - self.start) / self.len();
        let start = at - t * len;
        Self {
            start,
            end: start + len,
        }
    }

    /// Moves by `days`.
    #[must_use]
    pub fn pan(self, days: f64) -> Self {
        Self {
            start: self.start + days,
            end: self.end + days,
        }
    }
}

/// The day number of a date.
#[must_use]
pub fn day_number(d: Date) -> f64 {
    f64::from((d - Date::constant(1970, 1, 1)).get_days())
}

/// The date of a day number.
#[must_use]
pub fn date_of(day: f64) -> Date {
    add_days(Date::constant(1970, 1, 1), day.floor() as i64)
}

/// Sizes the layout works with (points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutParams {
    /// Width of the plot (the date axis).
    pub width: f32,
    /// Height of one row of items.
    pub row_height: f32,
    /// Space between lanes.
    pub lane_gap: f32,
    /// Average width of a label char.
    pub char_width: f32,
    /// Most rows a lane stacks before labels are dropped.
    pub max_rows: usize,
}

/// A lane as laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneRow {
    /// The lane (`None`: events in no lane).
    pub lane: Option<LaneId>,
    /// Its name.
    pub name: String,
    /// Its colour.
    pub color: LaneColor,
    /// Top, from the top of the plot.
    pub top: f32,
    /// Height.
    pub height: f32,
}

/// An event as laid out in one lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The event.
    pub event: EventId,
    /// Index into [`TimelineLayout::lanes`].
    pub lane: usize,
    /// Left end (x of the point for a day).
    pub x0: f32,
    /// Right end (same as `x0` for a point).
    pub x1: f32,
    /// Centre of its row, from the top of the plot.
    pub y: f32,
    /// A single day: drawn as a point.
    pub point: bool,
    /// Approximate: soft edges.
    pub approximate: bool,
    /// Expected or planned: drawn hollow / dashed.
    pub expected: bool,
    /// An open side.
    pub open: Option<OpenEnd>,
    /// Cut off by the left / right edge of the view.
    pub clipped: (bool, bool),
    /// The label shown (maybe shortened), if any.
    pub label: Option<String>,
    /// Left of the label.
    pub label_x: f32,
}

/// An axis tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Its x.
    pub x: f32,
    /// Its label (empty for minor ticks).
    pub label: String,
    /// A major tick (month or year boundary).
    pub major: bool,
}

/// Everything the timeline paints.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineLayout {
    /// Lanes, top to bottom.
    pub lanes: Vec<LaneRow>,
    /// Items, by lane then x.
    pub items: Vec<Placed>,
    /// Axis ticks, left to right.
    pub ticks: Vec<Tick>,
    /// The publication date's x, when in view.
    pub publication_x: Option<f32>,
    /// Total height of the lanes.
    pub height: f32,
}

/// A view that shows every event and the publication date, with a margin.
#[must_use]
pub fn fit_all(events: &[Event], publication: Option<Date>) -> DayRange {
    let mut lo = f64::MAX;
    let mut hi = f64::MIN;
    for e in events {
        lo = lo.min(day_number(e.when.start));
        hi = hi.max(day_number(e.when.end) + 1.0);
    }
    if let Some(p) = publication {
        lo = lo.min(day_number(p));
        hi = hi.max(day_number(p) + 1.0);
    }
    if lo > hi {
        let today = day_number(Date::constant(2020, 1, 1));
        return DayRange {
            start: today - 30.0,
            end: today + 30.0,
        };
    }
    // A little room on the left; more on the right, where labels run.
    let len = (hi - lo).max(14.0);
    DayRange {
        start: lo - len * 0.05,
        end: hi + len * 0.3,
    }
}

/// The first view of an article's timeline: every event shorter than two
/// months and the publication date (long ranges run off the edges), or
/// everything when all events are long.
#[must_use]
pub fn initial_view(events: &[Event], publication: Option<Date>) -> DayRange {
    let short: Vec<Event> = events
        .iter()
        .filter(|e| (e.when.end - e.when.start).get_days() <= 62)
        .cloned()
        .collect();
    if short.is_empty() {
        fit_all(events, publication)
    } else {
        fit_all(&short, publication)
    }
}

fn shorten(label: &str, chars: usize) -> Option<String> {
    if chars < 4 {
        return None;
    }
    if label.chars().count() <= chars {
        return Some(label.to_owned());
    }
    Some(label.chars().take(chars - 1).chain(['…']).collect())
}

/// Lays out `lanes` (sorted by order) and `events` for the visible `view`.
#[must_use]
pub fn layout(
    lanes: &[Lane],
    events: &[Event],
    view: DayRange,
    publication: Option<Date>,
    p: &LayoutParams,
) -> TimelineLayout {
    let x_of = |day: f64| ((day - view.start) / view.len() * f64::from(p.width)) as f32;
    let mut rows: Vec<(Option<LaneId>, String, LaneColor)> = lanes
        .iter()
        .map(|l| (Some(l.id.clone()), l.name.clone(), l.color))
        .collect();
    if events
        .iter()
        .any(|e| e.lanes.iter().all(|id| !lanes.iter().any(|l| &l.id == id)))
    {
        rows.push((None, "No lane".to_owned(), LaneColor::Gray));
    }
    let mut out = TimelineLayout::default();
    let mut top = 0.0;
    for (lane_index, (lane_id, name, color)) in rows.into_iter().enumerate() {
        let mut mine: Vec<&Event> = events
            .iter()
            .filter(|e| match &lane_id {
                Some(id) => e.lanes.contains(id),
                None => e.lanes.iter().all(|id| !lanes.iter().any(|l| &l.id == id)),
            })
            .filter(|e| {
                day_number(e.when.end) + 1.0 > view.start && day_number(e.when.start) < view.end
            })
            .collect();
        mine.sort_by(|a, b| {
            (a.when.start, a.when.end, &a.id).cmp(&(b.when.start, b.when.end, &b.id))
        });
        // Greedy stacking into rows by full extent (marker + label).
        let mut row_ends: Vec<(f32, f32)> = Vec::new();
        let mut placed: Vec<(Placed, usize, f32)> = Vec::new();
        for e in mine {
            let s = day_number(e.when.start);
            let end = day_number(e.when.end) + 1.0;
            let point = e.when.precision == Precision::Day && e.when.start == e.when.end;
            let (raw0, raw1) = if point {
                let x = x_of(s + 0.5);
                (x, x)
            } else {
                (x_of(s), x_of(end))
            };
            let (x0, x1) = (raw0.max(0.0), raw1.min(p.width));
            let label_w = e.title.chars().count() as f32 * p.char_width;
            // After the marker when there is room, else inside the bar.
            let label_x = if point {
                x0 + 8.0
            } else if x1 - x0 >= label_w + 8.0 || x1 + 4.0 + label_w > p.width {
                x0 + 4.0
            } else {
                x1 + 4.0
            };
            let extent_start = x0 - if point { 6.0 } else { 1.0 };
            let full_end = (label_x + label_w).max(x1) + 8.0;
            let marker_end = x1 + if point { 6.0 } else { 1.0 };
            // A row where marker and label fit; else a new row; else a row
            // where the marker fits (the label before it gets shortened);
            // else the row that frees up first, marker only.
            let free = row_ends
                .iter()
                .position(|&(label_end, _)| label_end <= extent_start);
            let (row, with_label) = match free {
                Some(r) => (r, true),
                None if row_ends.len() < p.max_rows.max(1) => {
                    row_ends.push((f32::MIN, f32::MIN));
                    (row_ends.len() - 1, true)
                }
                None => {
                    if let Some(r) = row_ends.iter().position(|&(_, m)| m + 60.0 <= extent_start) {
                        (r, true)
                    } else {
                        let r = row_ends
                            .iter()
                            .enumerate()
                            .min_by(|a, b| a.1.1.total_cmp(&b.1.1))
                            .map_or(0, |(i, _)| i);
                        (r, false)
                    }
                }
            };
            let (row_label_end, row_marker_end) = row_ends[row];
            row_ends[row] = (
                row_label_end.max(if with_label { full_end } else { marker_end }),
                row_marker_end.max(marker_end),
            );
            placed.push((
                Placed {
                    event: e.id.clone(),
                    lane: lane_index,
                    x0,
                    x1,
                    y: 0.0,
                    point,
                    approximate: e.when.approximate,
                    expected: e.kind == EventKind::Expected,
                    open: e.when.open,
                    clipped: (raw0 < 0.0, raw1 > p.width),
                    label: with_label.then(|| e.title.clone()),
                    label_x,
                },
                row,
                marker_end,
            ));
        }
        let row_count = row_ends.len().max(1);
        let height = row_count as f32 * p.row_height + 8.0;
        // Elide labels that would run into the next item of their row.
        for i in 0..placed.len() {
            let row = placed[i].1;
            let next_x = placed[i + 1..]
                .iter()
                .filter(|(q, r, _)| *r == row && q.x0 >= placed[i].0.x0)
                .map(|(q, _, _)| q.x0 - if q.point { 8.0 } else { 3.0 })
                .fold(p.width, f32::min);
            let item = &mut placed[i].0;
            if let Some(label) = item.label.take() {
                let room = ((next_x - item.label_x) / p.char_width).floor();
                item.label = shorten(&label, room.max(0.0) as usize);
            }
        }
        for (mut item, row, _) in placed {
            item.y = top + 4.0 + (row as f32 + 0.5) * p.row_height;
            out.items.push(item);
        }
        out.lanes.push(LaneRow {
            lane: lane_id,
            name,
            color,
            top,
            height,
        });
        top += height + p.lane_gap;
    }
    out.height = (top - p.lane_gap).max(0.0);
    out.publication_x = publication
        .map(|d| day_number(d) + 0.5)
        .filter(|&d| d >= view.start && d <= view.end)
        .map(x_of);
    out.ticks = ticks(view, p.width, x_of);
    out
}

/// Axis ticks: days, weeks, months or years, whichever leaves room for labels.
fn ticks(view: DayRange, width: f32, x_of: impl Fn(f64) -> f32) -> Vec<Tick> {
    let px_per_day = f64::from(width) / view.len();
    let first = date_of(view.start);
    let last = date_of(view.end);
    let mut out = Vec::new();
    if px_per_day >= 60.0 {
        let mut d = first;
        while d <= last {
            let label = d.strftime("%a %-d").to_string();
            out.push(Tick {
                x: x_of(day_number(d)),
                label,
                major: d.day() == 1,
            });
            d = add_days(d, 1);
        }
    } else if px_per_day * 7.0 >= 70.0 {
        let mut d = super::when::week_start(first);
        while d <= last {
            let label = d.strftime("%b %-d").to_string();
            out.push(Tick {
                x: x_of(day_number(d)),
                label,
                major: d.day() <= 7,
            });
            d = add_days(d, 7);
        }
    } else if px_per_day * 91.0 >= 40.0 {
        // Months; labelled each month, or each quarter when months crowd.
        let step = if px_per_day * 30.0 >= 40.0 { 1 } else { 3 };
        let mut d = first.first_of_month();
        while d <= last {
            let january = d.month() == 1;
            let label = if january {
                d.year().to_string()
            } else if (i64::from(d.month()) - 1) % step == 0 {
                d.strftime("%b").to_string()
            } else {
                String::new()
            };
            out.push(Tick {
                x: x_of(day_number(d)),
                label,
                major: january,
            });
            d = add_months(d, 1);
        }
    } else {
        let step = (60.0 / (px_per_day * 365.0)).ceil().max(1.0) as i64;
        let mut d = first.first_of_year();
        while d <= last {
            out.push(Tick {
                x: x_of(day_number(d)),
                label: d.year().to_string(),
                major: true,
            });
            d = add_months(d, 12 * step);
        }
    }
    out.retain(|t| t.x >= 0.0 && t.x <= width);
    out
}

#[cfg(test)]
mod tests;
