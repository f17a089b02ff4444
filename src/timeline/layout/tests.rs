#![allow(clippy::float_cmp)] // positions computed from the same inputs are exactly equal

use jiff::civil::date;

use super::*;
use crate::timeline::when::When;

fn lane(id: &str, order: u32) -> Lane {
    Lane {
        id: LaneId(id.into()),
        name: id.into(),
        color: LaneColor::Blue,
        order,
        keywords: Vec::new(),
    }
}

fn event(id: &str, when: When, lanes: &[&str], title: &str) -> Event {
    Event {
        id: EventId(id.into()),
        title: title.into(),
        when,
        lanes: lanes.iter().map(|l| LaneId((*l).into())).collect(),
        evidence: Vec::new(),
        note: String::new(),
        kind: EventKind::Reported,
        modified: jiff::Timestamp::UNIX_EPOCH,
        source: None,
    }
}

const PARAMS: LayoutParams = LayoutParams {
    width: 800.0,
    row_height: 22.0,
    lane_gap: 6.0,
    char_width: 7.0,
    max_rows: 4,
};

fn view(a: jiff::civil::Date, b: jiff::civil::Date) -> DayRange {
    DayRange {
        start: day_number(a),
        end: day_number(b),
    }
}

/// The label's horizontal extent.
fn label_span(p: &Placed) -> Option<(f32, f32)> {
    p.label.as_ref().map(|l| {
        (
            p.label_x,
            p.label_x + l.chars().count() as f32 * PARAMS.char_width,
        )
    })
}

#[test]
fn the_same_date_lines_up_across_lanes() {
    let lanes = [lane("a", 0), lane("b", 1)];
    let day = When::day(date(2020, 1, 31));
    let events = [
        event("e1", day.clone(), &["a"], "one"),
        event("e2", day, &["b"], "two"),
    ];
    let l = layout(
        &lanes,
        &events,
        view(date(2020, 1, 1), date(2020, 3, 1)),
        None,
        &PARAMS,
    );
    assert_eq!(l.items.len(), 2);
    assert_eq!(l.items[0].x0, l.items[1].x0);
    assert_ne!(l.items[0].y, l.items[1].y);
    assert!(l.lanes[1].top >= l.lanes[0].top + l.lanes[0].height);
}

#[test]
fn labels_never_overlap_in_a_crowded_lane() {
    let lanes = [lane("a", 0)];
    let events: Vec<Event> = (0..40)
        .map(|i| {
            event(
                &format!("e{i:02}"),
                When::day(add_days(date(2020, 1, 1), i / 2)),
                &["a"],
                "A fairly long event title that needs room",
            )
        })
        .collect();
    let l = layout(
        &lanes,
        &events,
        view(date(2020, 1, 1), date(2020, 1, 25)),
        None,
        &PARAMS,
    );
    assert_eq!(l.items.len(), 40);
    let rows: std::collections::BTreeSet<i64> =
        l.items.iter().map(|p| p.y.round() as i64).collect();
    assert!(rows.len() <= PARAMS.max_rows);
    for (i, a) in l.items.iter().enumerate() {
        for b in &l.items[i + 1..] {
            if (a.y - b.y).abs() > 0.5 {
                continue;
            }
            if let (Some(sa), Some(sb)) = (label_span(a), label_span(b)) {
                assert!(sa.1 <= sb.0 || sb.1 <= sa.0, "labels overlap: {a:?} {b:?}");
            }
            // A label never runs over another item's marker in its row.
            for (p, q) in [(a, b), (b, a)] {
                if let Some((l0, l1)) = label_span(p) {
                    assert!(
                        !(q.x0 > l0 && q.x0 < l1),
                        "label over a marker: {p:?} {q:?}"
                    );
                }
            }
        }
    }
    assert!(l.items.iter().any(|p| p.label.is_some()));
}

#[test]
fn ranges_are_clipped_to_the_view_and_hidden_when_outside() {
    let lanes = [lane("a", 0)];
    let events = [
        event("in", When::month_of(date(2020, 1, 1)), &["a"], "January"),
        event("out", When::day(date(2021, 6, 1)), &["a"], "Later"),
        event(
            "later-this-year",
            When::span(date(2020, 1, 23), date(2020, 12, 31), Precision::Range),
            &["a"],
            "Decision",
        ),
    ];
    let l = layout(
        &lanes,
        &events,
        view(date(2020, 1, 15), date(2020, 2, 15)),
        None,
        &PARAMS,
    );
    let ids: Vec<&str> = l.items.iter().map(|p| p.event.0.as_str()).collect();
    assert_eq!(ids, vec!["in", "later-this-year"]);
    let jan = &l.items[0];
    assert_eq!(jan.x0, 0.0);
    assert_eq!(jan.clipped, (true, false));
    let decision = &l.items[1];
    assert_eq!(decision.x1, PARAMS.width);
    assert_eq!(decision.clipped, (false, true));
}

#[test]
fn events_without_a_lane_get_their_own_row_and_ticks_fit() {
    let lanes = [lane("a", 0)];
    let events = [event("e", When::day(date(2020, 1, 31)), &[], "Loose")];
    let l = layout(
        &lanes,
        &events,
        view(date(2020, 1, 1), date(2020, 3, 1)),
        Some(date(2020, 1, 23)),
        &PARAMS,
    );
    assert_eq!(l.lanes.len(), 2);
    assert_eq!(l.lanes[1].lane, None);
    assert_eq!(l.items[0].lane, 1);
    let px = l.publication_x.expect("publication in view");
    assert!(px > 0.0 && px < PARAMS.width);
    assert!(!l.ticks.is_empty());
    for w in l.ticks.windows(2) {
        assert!(w[0].x < w[1].x);
    }
}

#[test]
fn zoom_keeps_the_day_under_the_pointer() {
    let v = view(date(2020, 1, 1), date(2020, 3, 1));
    let at = day_number(date(2020, 1, 20));
    let z = v.zoom(0.5, at);
    let t0 = (at - v.start) / v.len();
    let t1 = (at - z.start) / z.len();
    assert!((t0 - t1).abs() < 1e-9);
    assert!((z.len() - v.len() / 2.0).abs() < 1e-9);
}
