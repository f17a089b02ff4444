#![allow(clippy::float_cmp)] // positions computed from the same inputs are exactly equal

use jiff::civil::date;

use super::*;
use crate::timeline::when::When;

fn lane(id: &str, order: u32) -> Lane {
    Lane {
        modified: None,
        id: LaneId(id.into()),
        name: id.into(),
        color: LaneColor::Blue,
        order,
        keywords: Vec::new(),
    }
}

fn event(id: &str, when: When, lanes: &[&str], title: &str) -> Event {
    Event {
        credit: crate::credit::Credit::default(),
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
    height: 0.0,
};

fn view(a: jiff::civil::Date, b: jiff::civil::Date) -> DayRange {
    DayRange {
        start: day_number(a),
        end: day_number(b),
    }
}

fn overlap(a: [f32; 4], b: [f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Checks the promises of the layout: no title overlaps another title or
/// any mark, titles stay inside the plot, every event in view is titled
/// or counted in its lane's "+N", and lanes do not overlap.
fn check(l: &TimelineLayout, in_view: usize, p: &LayoutParams, what: &str) {
    let counted: usize = l.lanes.iter().map(|lane| lane.hidden.len()).sum();
    assert_eq!(
        l.items.len() + counted,
        in_view,
        "{what}: every event placed or counted"
    );
    for item in &l.items {
        let label = item.label_box().expect("every placed event has a title");
        assert!(
            label[0] >= -0.01 && label[2] <= p.width + 0.01,
            "{what}: title inside: {item:?}"
        );
        assert!(
            item.label.as_ref().is_some_and(|t| t.chars().count() >= 4),
            "{what}: readable title {item:?}"
        );
    }
    for (i, a) in l.items.iter().enumerate() {
        let la = a.label_box().expect("title");
        for (j, b) in l.items.iter().enumerate() {
            if i == j {
                assert!(
                    !overlap(la, a.mark_box()),
                    "{what}: title on its own mark {a:?}"
                );
                continue;
            }
            assert!(
                !overlap(la, b.mark_box()),
                "{what}: title over a mark\n{a:?}\n{b:?}"
            );
            if j > i {
                let lb = b.label_box().expect("title");
                assert!(!overlap(la, lb), "{what}: titles overlap\n{a:?}\n{b:?}");
            }
        }
        let lane = &l.lanes[a.lane];
        assert!(
            la[1] >= lane.top && la[3] <= lane.top + lane.height,
            "{what}: title inside its lane {a:?} {lane:?}"
        );
    }
    for w in l.lanes.windows(2) {
        assert!(w[1].top >= w[0].top + w[0].height, "{what}: lanes overlap");
    }
}

/// 200 events in 3 lanes within one month: points, short and long spans,
/// with titles of every length.
fn crowded() -> (Vec<Lane>, Vec<Event>) {
    let lanes = vec![lane("a", 0), lane("b", 1), lane("c", 2)];
    let titles = [
        "Vote",
        "Ministers meet in Brussels",
        "Parliament debates the security review of telecom suppliers",
        "Court hearing",
        "Operators warn of delays and higher costs",
    ];
    let events = (0..200)
        .map(|i: i64| {
            let start = add_days(date(2020, 3, 1), (i * 7) % 31);
            let when = match i % 4 {
                0 | 1 => When::day(start),
                2 => When::span(start, add_days(start, 2 + i % 5), Precision::Range),
                _ => When::span(start, add_days(start, 20), Precision::Range),
            };
            let lane_id = ["a", "b", "c"][(i % 3) as usize];
            event(
                &format!("e{i:03}"),
                when,
                &[lane_id],
                titles[(i % 5) as usize],
            )
        })
        .collect();
    (lanes, events)
}

#[test]
fn crowded_titles_never_overlap_and_every_event_is_counted() {
    let (lanes, events) = crowded();
    for width in (400..=2000).step_by(100) {
        for height in [0.0, 180.0, 600.0] {
            let p = LayoutParams {
                width: width as f32,
                height,
                ..PARAMS
            };
            let l = layout(
                &lanes,
                &events,
                view(date(2020, 2, 28), date(2020, 4, 5)),
                None,
                &p,
            );
            check(&l, 200, &p, &format!("crowded {width}x{height}"));
            if height > 0.0 {
                assert!(
                    l.height <= height + 0.01,
                    "fits the height {width}x{height}: {}",
                    l.height
                );
                assert!(
                    l.lanes.iter().all(|lane| !lane.hidden.is_empty()),
                    "crowded lanes count what they hide"
                );
            }
            // Expanded, every event is titled.
            let all: Vec<Option<LaneId>> = lanes.iter().map(|l| Some(l.id.clone())).collect();
            let e = layout_expanded(
                &lanes,
                &events,
                view(date(2020, 2, 28), date(2020, 4, 5)),
                None,
                &p,
                &all,
            );
            check(&e, 200, &p, &format!("expanded {width}x{height}"));
            assert!(
                e.lanes.iter().all(|lane| lane.hidden.is_empty()),
                "expanded {width}"
            );
        }
    }
}

#[test]
fn more_height_shows_more_rows() {
    let (lanes, events) = crowded();
    let v = view(date(2020, 2, 28), date(2020, 4, 5));
    let shown = |height: f32| {
        let p = LayoutParams {
            width: 1000.0,
            height,
            ..PARAMS
        };
        layout(&lanes, &events, v, None, &p).items.len()
    };
    assert!(shown(200.0) < shown(400.0));
    assert!(shown(400.0) < shown(800.0));
}

#[test]
fn wide_bars_take_their_title_above_not_on_their_fill() {
    let lanes = [lane("a", 0)];
    let events = [event(
        "long",
        When::span(date(2019, 1, 1), date(2021, 1, 1), Precision::Range),
        &["a"],
        "A span wider than the view",
    )];
    let l = layout(
        &lanes,
        &events,
        view(date(2020, 1, 1), date(2020, 3, 1)),
        None,
        &PARAMS,
    );
    check(&l, 1, &PARAMS, "wide");
    assert_eq!(l.items[0].side, LabelSide::Above);
    assert_eq!(l.items[0].clipped, (true, true));
}

#[test]
fn ticks_fit_every_span_and_are_never_clipped() {
    for (days, width) in [
        (3, 400.0),
        (40, 400.0),
        (40, 2000.0),
        (400, 600.0),
        (3000, 800.0),
        (20_000, 500.0),
        (21_000, 2000.0),
    ] {
        let v = DayRange {
            start: day_number(date(1990, 6, 15)),
            end: day_number(date(1990, 6, 15)) + f64::from(days),
        };
        let x_of = |d: f64| ((d - v.start) / v.len() * f64::from(width)) as f32;
        let t = ticks::ticks(v, width, 7.0, x_of);
        let labelled: Vec<&Tick> = t.iter().filter(|t| !t.label.is_empty()).collect();
        assert!(labelled.len() >= 2, "{days} days at {width}: {t:?}");
        for w in labelled.windows(2) {
            let room = w[1].x - w[0].x;
            assert!(
                room >= w[0].label.chars().count() as f32 * 7.0 + 6.0,
                "{days}/{width}: crowded {w:?}"
            );
        }
        for tick in &labelled {
            assert!(
                tick.x + 3.0 + tick.label.chars().count() as f32 * 7.0 <= width,
                "clipped {tick:?}"
            );
        }
        // No more than a dozen labels per 1000 px more than needed: steps fit the span.
        assert!(
            labelled.len() as f32 <= width / 30.0,
            "{days}/{width}: {}",
            labelled.len()
        );
    }
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
    check(&l, 40, &PARAMS, "one lane");
    let rows: std::collections::BTreeSet<i64> =
        l.items.iter().map(|p| p.y.round() as i64).collect();
    assert!(rows.len() <= PARAMS.max_rows);
    assert!(!l.lanes[0].hidden.is_empty());
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

#[test]
fn a_forecast_window_is_never_under_another_title_or_mark() {
    // An outcome in April whose expected window ran January–February, and
    // events whose titles would run through that window on the same row.
    let lanes = [lane("a", 0)];
    let mut events = vec![event(
        "outcome",
        When::day(date(2021, 4, 23)),
        &["a"],
        "Vote passes",
    )];
    for (i, d) in [date(2020, 12, 20), date(2021, 1, 10), date(2020, 11, 2)]
        .into_iter()
        .enumerate()
    {
        events.push(event(
            &format!("e{i}"),
            When::day(d),
            &["a"],
            "A long title that would run right across the expected window",
        ));
    }
    let v = view(date(2020, 10, 1), date(2021, 7, 1));
    let window = (date(2021, 1, 1), date(2021, 2, 28));
    let reserve = [(EventId("outcome".into()), window.0, window.1)];
    let l = layout_reserving(&lanes, &events, v, None, &PARAMS, (&[], &reserve));
    check(&l, events.len(), &PARAMS, "reserved");
    let x_of = |d: jiff::civil::Date| ((day_number(d) - v.start) / v.len() * 800.0) as f32;
    let (w0, w1) = (x_of(window.0), x_of(window.1) + 1.0);
    let outcome = l
        .items
        .iter()
        .find(|i| i.event.0 == "outcome")
        .expect("placed");
    for other in l.items.iter().filter(|i| i.event.0 != "outcome") {
        if (other.y - outcome.y).abs() > 1.0 {
            continue;
        }
        let boxes = std::iter::once(other.mark_box()).chain(other.label_box());
        for b in boxes {
            assert!(
                b[2] <= w0 || b[0] >= w1,
                "{:?} at {b:?} is under the window {w0}–{w1}",
                other.event
            );
        }
    }
    // Its own title runs beyond the window, not through it.
    let own = outcome.label_box().expect("titled");
    assert!(own[0] >= w1 || own[2] <= w0, "{own:?}");
    // Without the reservation the same events do cross it (the test bites).
    let plain = layout(&lanes, &events, v, None, &PARAMS);
    let crossed = plain.items.iter().any(|i| {
        i.event.0 != "outcome"
            && plain
                .items
                .iter()
                .find(|o| o.event.0 == "outcome")
                .is_some_and(|o| (o.y - i.y).abs() < 1.0)
            && i.label_box().is_some_and(|b| b[0] < w1 && b[2] > w0)
    });
    assert!(crossed, "the example would overlap without the reservation");
}
