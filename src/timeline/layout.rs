//! The timeline's layout, as a pure function: lanes and events in, a visible
//! date range and a size in, positioned lanes, items, labels and axis ticks
//! out. The UI only paints what this returns (like rerun's time panel).
//!
//! Every lane shares one x axis, so the same date has the same x in every
//! lane. Labels never overlap: items stack into rows, and a label that
//! still does not fit is shortened with "…" or dropped.

use jiff::civil::Date;

use super::lanes::{Event, EventId, EventKind, Lane, LaneColor, LaneId};
use super::when::{OpenEnd, Precision, add_days};

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
    /// Most rows a lane stacks when `height` is not given; further events
    /// are counted in the lane's "+N".
    pub max_rows: usize,
    /// Height the lanes may fill (`0`: no limit but `max_rows`). Lanes get
    /// rows in proportion to their need, then stretch to fill it.
    pub height: f32,
}

/// Height of the strip at a lane's foot that marks where its hidden
/// ("+N") events are.
pub const RUG: f32 = 6.0;
/// Padding above and below a lane's rows.
const LANE_PAD: f32 = 3.0;
/// Space kept clear around labels and marks in a row.
const GAP: f32 = 6.0;
/// Half the height of a label's box.
pub const LABEL_HALF_HEIGHT: f32 = 7.0;
/// Half the size of a point's mark.
pub const POINT_HALF: f32 = 6.0;
/// Half the height of a bar.
pub const BAR_HALF: f32 = 6.0;
/// Half the height of a bar whose title sits above it.
pub const THIN_BAR_HALF: f32 = 3.0;
/// Fewest chars of a shortened title (with its "…").
const MIN_LABEL_CHARS: usize = 8;

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
    /// Events in view that did not fit its rows (its "+N"), with their
    /// extent on the axis, by start.
    pub hidden: Vec<(EventId, f32, f32)>,
    /// Whether all its rows are shown (its "+N" was expanded).
    pub expanded: bool,
}

/// Where an event's title sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelSide {
    /// After the mark.
    Right,
    /// Before the mark.
    Left,
    /// Above a thin bar (a bar too wide for a title beside it).
    Above,
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
    /// Centre of the mark, from the top of the plot.
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
    /// The title shown (maybe shortened with "…").
    pub label: Option<String>,
    /// Left of the label.
    pub label_x: f32,
    /// Centre of the label, from the top of the plot.
    pub label_y: f32,
    /// Width of the label.
    pub label_w: f32,
    /// Where the label sits.
    pub side: LabelSide,
}

impl Placed {
    /// The mark's box `(x0, y0, x1, y1)`, from the plot's top left.
    #[must_use]
    pub fn mark_box(&self) -> [f32; 4] {
        if self.point {
            [
                self.x0 - POINT_HALF,
                self.y - POINT_HALF,
                self.x0 + POINT_HALF,
                self.y + POINT_HALF,
            ]
        } else {
            let half = if self.side == LabelSide::Above {
                THIN_BAR_HALF
            } else {
                BAR_HALF
            };
            [
                self.x0,
                self.y - half,
                self.x1.max(self.x0 + 2.0),
                self.y + half,
            ]
        }
    }

    /// The label's box, if it has one.
    #[must_use]
    pub fn label_box(&self) -> Option<[f32; 4]> {
        self.label.as_ref().map(|_| {
            [
                self.label_x,
                self.label_y - LABEL_HALF_HEIGHT,
                self.label_x + self.label_w,
                self.label_y + LABEL_HALF_HEIGHT,
            ]
        })
    }
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

/// Lays out `lanes` (sorted by order) and `events` for the visible `view`.
#[must_use]
pub fn layout(
    lanes: &[Lane],
    events: &[Event],
    view: DayRange,
    publication: Option<Date>,
    p: &LayoutParams,
) -> TimelineLayout {
    layout_expanded(lanes, events, view, publication, p, &[])
}

/// [`layout`], with the lanes in `expanded` showing every row they need.
#[must_use]
pub fn layout_expanded(
    lanes: &[Lane],
    events: &[Event],
    view: DayRange,
    publication: Option<Date>,
    p: &LayoutParams,
    expanded: &[Option<LaneId>],
) -> TimelineLayout {
    layout_reserving(lanes, events, view, publication, p, (expanded, &[]))
}

/// An event and the days (inclusive) it also takes on its row.
pub type Reserved = (EventId, Date, Date);

/// [`layout_expanded`], each event of `reserve` also taking the days
/// given with it (inclusive) on its row — a forecast's expected window,
/// drawn beside its mark: no other mark or title is placed there, and its
/// own title goes beyond it.
#[must_use]
pub fn layout_reserving(
    lanes: &[Lane],
    events: &[Event],
    view: DayRange,
    publication: Option<Date>,
    p: &LayoutParams,
    (expanded, reserve): (&[Option<LaneId>], &[Reserved]),
) -> TimelineLayout {
    let x_of = |day: f64| ((day - view.start) / view.len() * f64::from(p.width)) as f32;
    let known = |id: &LaneId| lanes.iter().any(|l| &l.id == id);
    let mut rows: Vec<(Option<LaneId>, String, LaneColor)> = lanes
        .iter()
        .map(|l| (Some(l.id.clone()), l.name.clone(), l.color))
        .collect();
    if events.iter().any(|e| !e.lanes.iter().any(known)) {
        rows.push((None, "No lane".to_owned(), LaneColor::Gray));
    }
    // Each lane's marks in view, by start.
    let lane_marks: Vec<Vec<Mark<'_>>> = rows
        .iter()
        .map(|(lane_id, _, _)| {
            let mut mine: Vec<&Event> = events
                .iter()
                .filter(|e| match lane_id {
                    Some(id) => e.lanes.contains(id),
                    None => !e.lanes.iter().any(known),
                })
                .filter(|e| {
                    day_number(e.when.end) + 1.0 > view.start && day_number(e.when.start) < view.end
                })
                .collect();
            mine.sort_by(|a, b| {
                (a.when.start, a.when.end, &a.id).cmp(&(b.when.start, b.when.end, &b.id))
            });
            mine.into_iter()
                .map(|e| {
                    let s = day_number(e.when.start);
                    let end = day_number(e.when.end) + 1.0;
                    let point = e.when.precision == Precision::Day && e.when.start == e.when.end;
                    let (raw0, raw1) = if point {
                        let x = x_of(s + 0.5);
                        (x, x)
                    } else {
                        (x_of(s), x_of(end))
                    };
                    let reserve = reserve
                        .iter()
                        .find(|(id, _, _)| id == &e.id)
                        .map(|(_, a, b)| {
                            (
                                x_of(day_number(*a)).clamp(0.0, p.width),
                                x_of(day_number(*b) + 1.0).clamp(0.0, p.width),
                            )
                        });
                    Mark {
                        chars: e.title.chars().count(),
                        event: e,
                        x0: raw0.clamp(0.0, p.width),
                        x1: raw1.clamp(0.0, p.width),
                        point,
                        clipped: (raw0 < 0.0, raw1 > p.width),
                        reserve,
                    }
                })
                .collect()
        })
        .collect();
    let flags: Vec<bool> = rows.iter().map(|r| expanded.contains(&r.0)).collect();
    let is_expanded = |i: usize| flags[i];
    // Rows per lane: what each needs, within the height when one is given.
    // Rows that fit in the height given, with room for the "+N" strips only
    // when not every row fits.
    let fit = |per_lane: f32| {
        let rows_h = p.height - per_lane * rows.len() as f32;
        ((rows_h / p.row_height).floor().max(rows.len() as f32)) as usize
    };
    let spare = 2.0 * LANE_PAD + p.lane_gap;
    // Each lane stacked once as if it had every row it could get; that
    // stacking is kept when the lane gets all the rows it used.
    let first: Vec<Stacked<'_>> = lane_marks
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let cap = if is_expanded(i) {
                MAX_ROWS
            } else if p.height > 0.0 {
                fit(spare).min(MAX_ROWS)
            } else {
                p.max_rows
            };
            stack(m, cap, p)
        })
        .collect();
    let needed: Vec<usize> = first.iter().map(|(placed, _)| rows_used(placed)).collect();
    let caps: Vec<usize> = if p.height > 0.0 {
        let budget = if needed.iter().sum::<usize>() <= fit(spare) {
            fit(spare)
        } else {
            fit(spare + RUG)
        };
        let mut caps = allot(&needed, budget);
        for (i, cap) in caps.iter_mut().enumerate() {
            if is_expanded(i) {
                *cap = needed[i];
            }
        }
        caps
    } else {
        needed.clone()
    };
    let mut out = TimelineLayout::default();
    let mut lane_rows = Vec::new();
    for (lane_index, (((lane_id, name, color), marks), stacked)) in
        rows.into_iter().zip(&lane_marks).zip(first).enumerate()
    {
        let (placed, hidden) = if caps[lane_index] >= needed[lane_index] {
            stacked
        } else {
            stack(marks, caps[lane_index], p)
        };
        let used = rows_used(&placed);
        for (m, row, (side, label_x, text, label_w)) in placed {
            let centre = LANE_PAD + (row as f32 + 0.5) * p.row_height;
            let (y, label_y) = if side == LabelSide::Above {
                let y = centre + p.row_height * 0.25;
                (y, y - THIN_BAR_HALF - LABEL_HALF_HEIGHT - 0.5)
            } else {
                (centre, centre)
            };
            out.items.push(Placed {
                event: m.event.id.clone(),
                lane: lane_index,
                x0: m.x0,
                x1: m.x1,
                y,
                point: m.point,
                approximate: m.event.when.approximate,
                expected: m.event.kind == EventKind::Expected,
                open: m.event.when.open,
                clipped: m.clipped,
                label: Some(text),
                label_x,
                label_y,
                label_w,
                side,
            });
        }
        let rug = if hidden.is_empty() { 0.0 } else { RUG };
        lane_rows.push(LaneRow {
            expanded: is_expanded(lane_index),
            lane: lane_id,
            name,
            color,
            top: 0.0,
            height: used as f32 * p.row_height + 2.0 * LANE_PAD + rug,
            hidden: hidden
                .iter()
                .map(|m| (m.event.id.clone(), m.x0, m.x1))
                .collect(),
        });
    }
    // Stretch lanes to fill the height given; then stack them.
    let natural: f32 = lane_rows.iter().map(|l| l.height + p.lane_gap).sum::<f32>() - p.lane_gap;
    let extra = if p.height > natural && !lane_rows.is_empty() {
        (p.height - natural) / lane_rows.len() as f32
    } else {
        0.0
    };
    let mut top = 0.0;
    let mut offsets = Vec::with_capacity(lane_rows.len());
    for lane in &mut lane_rows {
        lane.top = top;
        lane.height += extra;
        offsets.push(top);
        top += lane.height + p.lane_gap;
    }
    for item in &mut out.items {
        item.y += offsets[item.lane];
        item.label_y += offsets[item.lane];
    }
    out.items.sort_by(|a, b| {
        a.lane
            .cmp(&b.lane)
            .then(a.x0.total_cmp(&b.x0))
            .then_with(|| a.event.cmp(&b.event))
    });
    out.lanes = lane_rows;
    out.height = (top - p.lane_gap).max(0.0);
    out.publication_x = publication
        .map(|d| day_number(d) + 0.5)
        .filter(|&d| d >= view.start && d <= view.end)
        .map(x_of);
    out.ticks = ticks::ticks(view, p.width, p.char_width, x_of);
    out
}

mod stack;
mod ticks;

use stack::{Mark, Stacked, allot, rows_used, stack};

/// Most rows one lane stacks, even expanded.
const MAX_ROWS: usize = 400;

#[cfg(test)]
mod tests;
