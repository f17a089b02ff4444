//! The chronology: a timeline as a list a reporter reads top to bottom —
//! date · title · lanes · sources · verdict — grouped by month or year,
//! and as story-ready lines with citations ("Jan 28, 2020 — UK limits
//! Huawei (WSJ, Jan 28; BBC, Jul 14)").
//!
//! Pure: rows are built by the article timeline ([`of_events`]) and the
//! dossier (`dossier::view::chronology`), then grouped and written here.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::{Event, EventId, EventKind, Lane, LaneColor, When};

/// Where an event is told: a publication (else the article's title) and
/// the day it published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// "Wall Street Journal".
    pub name: String,
    /// Its publication date, when known.
    pub date: Option<Date>,
}

impl Citation {
    /// "WSJ, Jan 28" — the year only when it is not `year`.
    #[must_use]
    pub fn short(&self, year: i16) -> String {
        match self.date {
            Some(d) if d.year() == year => format!("{}, {}", self.name, d.strftime("%b %-d")),
            Some(d) => format!("{}, {}", self.name, d.strftime("%b %-d, %Y")),
            None => self.name.clone(),
        }
    }
}

/// What became of an event that was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Expected, and nothing reports it yet.
    Expected,
    /// Happened inside the expected window.
    AsExpected,
    /// Happened before it.
    Early,
    /// Happened after it.
    Late,
}

impl Verdict {
    /// Its words: "expected", "as expected", "early", "late".
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Verdict::Expected => "expected",
            Verdict::AsExpected => "as expected",
            Verdict::Early => "early",
            Verdict::Late => "late",
        }
    }
}

/// One event as the chronology lists it.
///
/// Invariant: `sources` are distinct, in order of publication (undated
/// last), as the event's mentions give them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The event.
    pub id: EventId,
    /// Its dates, as the timeline draws them.
    pub when: When,
    /// Its title, as the reader or the suggestion wrote it.
    pub title: String,
    /// Its lanes' names and colours, in lane order.
    pub lanes: Vec<(String, LaneColor)>,
    /// Who tells it.
    pub sources: Vec<Citation>,
    /// Whether it was expected, and how it came.
    pub verdict: Option<Verdict>,
    /// Its sources disagree on its dates.
    pub conflict: bool,
}

/// How the chronology is grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Grouping {
    /// By month when the events span at most three years, else by year.
    #[default]
    Auto,
    /// "January 2020".
    Month,
    /// "2020".
    Year,
}

impl Grouping {
    /// Its name in the window.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Grouping::Auto => "Auto",
            Grouping::Month => "Month",
            Grouping::Year => "Year",
        }
    }
}

/// A heading of the chronology and the rows under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// "January 2020" or "2020".
    pub heading: String,
    /// Indices into the sorted rows, half-open.
    pub rows: std::ops::Range<usize>,
}

/// Sorts rows into reading order: by first day, then last day, title, id.
pub fn sort(rows: &mut [Row]) {
    rows.sort_by(|a, b| {
        (a.when.start, a.when.end, &a.title, &a.id).cmp(&(
            b.when.start,
            b.when.end,
            &b.title,
            &b.id,
        ))
    });
}

/// The grouping `g` resolves to for `rows` (sorted).
#[must_use]
pub fn resolve(g: Grouping, rows: &[Row]) -> Grouping {
    match g {
        Grouping::Auto => {
            let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
                return Grouping::Month;
            };
            if i32::from(last.when.start.year()) - i32::from(first.when.start.year()) <= 2 {
                Grouping::Month
            } else {
                Grouping::Year
            }
        }
        g => g,
    }
}

/// The headings over `rows` (sorted by [`sort`]), one per month or year
/// that has events, in order.
#[must_use]
pub fn groups(rows: &[Row], g: Grouping) -> Vec<Group> {
    let g = resolve(g, rows);
    let heading = |d: Date| match g {
        Grouping::Year => d.year().to_string(),
        _ => d.strftime("%B %Y").to_string(),
    };
    let mut out: Vec<Group> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let h = heading(r.when.start);
        match out.last_mut() {
            Some(last) if last.heading == h => last.rows.end = i + 1,
            _ => out.push(Group {
                heading: h,
                rows: i..i + 1,
            }),
        }
    }
    out
}

/// One row as a line of a story: "Jan 28, 2020 — UK limits Huawei \[late\]
/// (WSJ, Jan 28; BBC, Jul 14)".
#[must_use]
pub fn line(r: &Row) -> String {
    let mut s = format!("{} — {}", r.when.label(), r.title.trim());
    match r.verdict {
        Some(Verdict::Expected) => s.push_str(" [expected]"),
        Some(v) => {
            let _ = write!(s, " [{}]", v.words());
        }
        None => {}
    }
    if r.conflict {
        s.push_str(" [sources disagree on the date]");
    }
    if !r.sources.is_empty() {
        let year = r.when.start.year();
        let cites: Vec<String> = r.sources.iter().map(|c| c.short(year)).collect();
        let _ = write!(s, " ({})", cites.join("; "));
    }
    s
}

/// The chronology as plain text: a heading line per group, then its rows'
/// lines; a blank line between groups.
#[must_use]
pub fn text(rows: &[Row], g: Grouping) -> String {
    let mut out = String::new();
    for (i, group) in groups(rows, g).iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&group.heading);
        out.push('\n');
        for r in &rows[group.rows.clone()] {
            out.push_str(&line(r));
            out.push('\n');
        }
    }
    out
}

/// The rows of one article's timeline: each event told by `source`;
/// expected events say so. Sorted.
#[must_use]
pub fn of_events(events: &[Event], lanes: &[Lane], source: &Citation) -> Vec<Row> {
    let mut rows: Vec<Row> = events
        .iter()
        .map(|e| Row {
            id: e.id.clone(),
            when: e.when.clone(),
            title: e.title.clone(),
            lanes: lanes_of(&e.lanes, lanes),
            sources: vec![source.clone()],
            verdict: (e.kind == EventKind::Expected).then_some(Verdict::Expected),
            conflict: false,
        })
        .collect();
    sort(&mut rows);
    rows
}

/// The names and colours of `ids` among `lanes`, in lane order.
#[must_use]
pub fn lanes_of(ids: &[super::LaneId], lanes: &[Lane]) -> Vec<(String, LaneColor)> {
    let mut found: Vec<&Lane> = lanes.iter().filter(|l| ids.contains(&l.id)).collect();
    found.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    found
        .into_iter()
        .map(|l| (l.name.clone(), l.color))
        .collect()
}

/// The index in `rows` after (`step` 1) or before (-1) the row `from`
/// (the first or last row when `from` is not listed); `None` when there is
/// no such row.
#[must_use]
pub fn step(rows: &[Row], from: Option<&EventId>, step: i32) -> Option<usize> {
    let at = from.and_then(|id| rows.iter().position(|r| &r.id == id));
    match (at, step >= 0) {
        (None, true) => (!rows.is_empty()).then_some(0),
        (None, false) => rows.len().checked_sub(1),
        (Some(i), true) => (i + 1 < rows.len()).then_some(i + 1),
        (Some(i), false) => i.checked_sub(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::Precision;

    fn d(s: &str) -> Date {
        s.parse().expect("a date")
    }

    fn row(id: &str, when: When, title: &str, sources: &[(&str, &str)]) -> Row {
        Row {
            id: EventId(id.into()),
            when,
            title: title.into(),
            lanes: Vec::new(),
            sources: sources
                .iter()
                .map(|(n, day)| Citation {
                    name: (*n).into(),
                    date: Some(d(day)),
                })
                .collect(),
            verdict: None,
            conflict: false,
        }
    }

    #[test]
    fn a_line_reads_as_a_story_with_its_citations() {
        let mut r = row(
            "e1",
            When::day(d("2020-01-28")),
            "UK limits Huawei to 35 % of the periphery",
            &[("WSJ", "2020-01-28"), ("BBC", "2020-07-14")],
        );
        assert_eq!(
            line(&r),
            "Jan 28, 2020 — UK limits Huawei to 35 % of the periphery (WSJ, Jan 28; BBC, Jul 14)"
        );
        r.verdict = Some(Verdict::Late);
        r.sources.push(Citation {
            name: "Reuters".into(),
            date: Some(d("2021-01-02")),
        });
        assert_eq!(
            line(&r),
            "Jan 28, 2020 — UK limits Huawei to 35 % of the periphery [late] \
             (WSJ, Jan 28; BBC, Jul 14; Reuters, Jan 2, 2021)"
        );
    }

    #[test]
    fn rows_group_by_month_over_short_stories_and_by_year_over_long_ones() {
        let mut rows = vec![
            row("b", When::day(d("2020-02-03")), "Second", &[]),
            row(
                "a",
                When::span(d("2020-01-01"), d("2020-01-31"), Precision::Month),
                "First",
                &[],
            ),
            row("c", When::day(d("2020-02-20")), "Third", &[]),
        ];
        sort(&mut rows);
        let ids: Vec<&str> = rows.iter().map(|r| r.id.0.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let g = groups(&rows, Grouping::Auto);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].heading, "January 2020");
        assert_eq!(g[1].heading, "February 2020");
        assert_eq!(g[1].rows, 1..3);
        rows.push(row("z", When::day(d("2024-05-01")), "Later", &[]));
        let g = groups(&rows, Grouping::Auto);
        let headings: Vec<&str> = g.iter().map(|g| g.heading.as_str()).collect();
        assert_eq!(headings, ["2020", "2024"]);
        assert_eq!(text(&rows[..1], Grouping::Year), "2020\nJan 2020 — First\n");
    }

    #[test]
    fn keys_step_through_rows_and_stop_at_the_ends() {
        let rows = vec![
            row("a", When::day(d("2020-01-01")), "A", &[]),
            row("b", When::day(d("2020-01-02")), "B", &[]),
        ];
        assert_eq!(step(&rows, None, 1), Some(0));
        assert_eq!(step(&rows, None, -1), Some(1));
        assert_eq!(step(&rows, Some(&EventId("a".into())), 1), Some(1));
        assert_eq!(step(&rows, Some(&EventId("b".into())), 1), None);
        assert_eq!(step(&rows, Some(&EventId("a".into())), -1), None);
        assert_eq!(step(&[], None, 1), None);
    }

    #[test]
    fn an_article_timeline_lists_its_events_with_the_article_as_source() {
        let lane = Lane {
            modified: None,
            id: crate::timeline::LaneId("l1".into()),
            name: "UK decision".into(),
            color: LaneColor::Blue,
            order: 0,
            keywords: Vec::new(),
        };
        let e = Event {
            credit: crate::credit::Credit::default(),
            id: EventId("e1".into()),
            title: "UK decides".into(),
            when: When::day(d("2020-01-28")),
            lanes: vec![lane.id.clone()],
            evidence: Vec::new(),
            note: String::new(),
            kind: EventKind::Expected,
            modified: jiff::Timestamp::UNIX_EPOCH,
            source: None,
        };
        let src = Citation {
            name: "Wall Street Journal".into(),
            date: Some(d("2020-01-23")),
        };
        let rows = of_events(&[e], &[lane], &src);
        assert_eq!(rows[0].lanes[0].0, "UK decision");
        assert_eq!(
            line(&rows[0]),
            "Jan 28, 2020 — UK decides [expected] (Wall Street Journal, Jan 23)"
        );
    }
}
