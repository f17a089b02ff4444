//! Phrases dated from the last date before them in the text, not from the
//! publication date: "The talks collapsed on Feb. 3, 2019. The next day,
//! the minister resigned." As news date taggers do for narrative passages,
//! the reference is the latest date found before the phrase (in reading
//! order, across paragraphs); the result keeps it as `resolved_against`.

use jiff::civil::Date;

use super::resolve::{Unit, shift, unit_of, unit_span};
use super::text::Tok;
use crate::timeline::when::{Precision, When, add_days, add_months};

/// A back-reference: so many units after (or before) the reference, or the
/// reference's own unit ("that year").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BackRef {
    /// `n` units from the reference (negative: before it).
    Shift { unit: Unit, n: i64 },
    /// The unit containing the reference: "that day", "that year".
    Same(Unit),
    /// "a year ago" after a quarter was named: that quarter a year before.
    /// Against anything else it is read from the publication date.
    YearAgo,
    /// "the following spring", "the next summer": the first such season
    /// (0 spring … 3 winter) to begin after the reference.
    NextSeason(i8),
}

impl BackRef {
    /// True for a year's comparison: "a year earlier", "a year ago".
    pub(super) fn is_year_comparison(self) -> bool {
        matches!(
            self,
            BackRef::YearAgo
                | BackRef::Shift {
                    unit: Unit::Year,
                    n: -1,
                }
        )
    }

    /// True for steps of days ("the next day", "that day"): they count from
    /// the last single day named, not from a month or a year.
    pub(super) fn is_daily(self) -> bool {
        matches!(
            self,
            BackRef::Shift {
                unit: Unit::Day,
                ..
            } | BackRef::Same(Unit::Day)
        )
    }
}

/// A back-reference at token `i`: "the next day", "the following week",
/// "the previous year", "the day before", "that year", "two days later",
/// "a day earlier". Returns its end token.
pub(super) fn backref_at(toks: &[Tok<'_>], i: usize) -> Option<(usize, BackRef)> {
    let t = toks.get(i)?;
    let at = |k: usize, words: &[&str]| toks.get(k).is_some_and(|w| w.is(words));
    let singular_unit = |k: usize| {
        toks.get(k)
            .filter(|w| !w.lower.ends_with('s'))
            .and_then(unit_of)
    };
    // "the year-ago period", "the year-earlier quarter".
    if t.is(&["the"])
        && at(i + 1, &["year"])
        && toks[i + 1].next == '-'
        && at(i + 2, &["ago", "earlier"])
        && at(i + 3, &["period", "quarter", "month", "half"])
    {
        return Some((
            i + 4,
            BackRef::Shift {
                unit: Unit::Year,
                n: -1,
            },
        ));
    }
    if t.is(&["the"]) {
        if at(i + 1, &["same"])
            && let Some(unit) = singular_unit(i + 2)
        {
            return Some((i + 3, BackRef::Same(unit)));
        }
        if at(i + 1, &["next", "following", "subsequent"])
            && let Some(unit) = singular_unit(i + 2)
        {
            return Some((i + 3, BackRef::Shift { unit, n: 1 }));
        }
        if at(i + 1, &["next", "following"])
            && let Some(season) = toks.get(i + 2).and_then(super::resolve::season_of)
        {
            return Some((i + 3, BackRef::NextSeason(season)));
        }
        if at(i + 1, &["previous", "preceding", "prior"])
            && let Some(unit) = singular_unit(i + 2)
        {
            return Some((i + 3, BackRef::Shift { unit, n: -1 }));
        }
        if let Some(unit) = singular_unit(i + 1) {
            if at(i + 2, &["before"]) && !at(i + 3, &["the", "a", "an"]) {
                return Some((i + 3, BackRef::Shift { unit, n: -1 }));
            }
            if at(i + 2, &["after"]) && !at(i + 3, &["the", "a", "an"]) {
                return Some((i + 3, BackRef::Shift { unit, n: 1 }));
            }
        }
        return None;
    }
    // "that same year".
    if t.is(&["that"])
        && at(i + 1, &["same"])
        && let Some(unit) = singular_unit(i + 2)
    {
        return Some((i + 3, BackRef::Same(unit)));
    }
    if t.is(&["that"]) && toks.get(i + 1).is_some_and(|w| !w.capitalized() || i == 0) {
        return singular_unit(i + 1)
            .filter(|_| !at(i + 2, &["of"]))
            .map(|unit| (i + 2, BackRef::Same(unit)));
    }
    // "year-earlier results", "year-ago levels" in a story of a quarter:
    // that quarter a year before.
    if t.is(&["year"])
        && t.next == '-'
        && at(i + 1, &["ago", "earlier"])
        && !at(
            i + 2,
            &[
                "period", "quarter", "half", "first", "second", "third", "fourth",
            ],
        )
    {
        return Some((i + 2, BackRef::YearAgo));
    }
    // "two days later", "a day earlier", "a week afterward".
    let (j, n, _) = super::resolve::count_of(toks, i)?;
    // "a year ago" in a story of a quarter's figures: that quarter a year
    // before (only when the reference is a quarter: see `resolve_backref`).
    if at(j, &["year"]) && n == 1 && at(j + 1, &["ago"]) {
        return Some((j + 2, BackRef::YearAgo));
    }
    let unit = toks.get(j).and_then(unit_of)?;
    if at(j + 1, &["later", "afterward", "afterwards"]) {
        return Some((j + 2, BackRef::Shift { unit, n }));
    }
    if at(j + 1, &["earlier"]) {
        return Some((j + 2, BackRef::Shift { unit, n: -n }));
    }
    None
}

/// True when `w` is a calendar quarter.
pub(super) fn is_quarter(w: &When) -> bool {
    w.precision == Precision::Season
        && w.start.day() == 1
        && (w.start.month() - 1) % 3 == 0
        && add_days(add_months(w.start, 3), -1) == w.end
}

/// Resolves `back` against the `reference` date; approximate when the
/// reference is coarser than what is asked of it ("the next day" after a
/// month).
pub(super) fn resolve_backref(back: BackRef, reference: &When) -> Option<When> {
    let base: Date = reference.start;
    if back == BackRef::YearAgo {
        if !is_quarter(reference) {
            return None;
        }
        let mut when = reference.clone();
        when.start = add_months(reference.start, -12);
        when.end = add_days(add_months(when.start, 3), -1);
        when.open = None;
        return Some(when);
    }
    // "a year earlier" than a quarter is that quarter a year before.
    if let BackRef::Shift {
        unit: Unit::Year,
        n,
    } = back
        && matches!(
            reference.precision,
            Precision::Season | Precision::Month | Precision::Range
        )
    {
        let mut when = reference.clone();
        when.start = add_months(reference.start, 12 * n);
        when.end = add_months(reference.end, 12 * n);
        when.open = None;
        return Some(when);
    }
    // "a year earlier" than a day is that day a year before, roughly.
    if let BackRef::Shift {
        unit: unit @ (Unit::Year | Unit::Month),
        n,
    } = back
        && reference.precision == Precision::Day
    {
        let months = if unit == Unit::Year { 12 * n } else { n };
        return Some(When::day(add_months(base, months)).approx());
    }
    if let BackRef::NextSeason(season) = back {
        let start_month = [3, 6, 9, 12][usize::try_from(season).ok()?.min(3)];
        // (After all of it: "opened in 1960 … the following spring" is 1961's.)
        let start = (reference.end.year()..=reference.end.year() + 1)
            .filter_map(|y| Date::new(y, start_month, 1).ok())
            .find(|d| *d > reference.end)?;
        return Some(When::span(
            start,
            add_days(add_months(start, 3), -1),
            Precision::Season,
        ));
    }
    let (unit, when) = match back {
        BackRef::Shift { unit, n } => (
            unit,
            match unit {
                Unit::Day => When::day(add_days(base, n)),
                _ => unit_span(unit, shift(unit, base, n)),
            },
        ),
        BackRef::Same(unit) => (unit, unit_span(unit, base)),
        BackRef::YearAgo | BackRef::NextSeason(_) => return None,
    };
    // "the previous week" after "in 1994": a week counted from a whole
    // year's first day is no date; the phrase is read on its own.
    if matches!(unit, Unit::Day | Unit::Week | Unit::Weekend)
        && matches!(reference.precision, Precision::Year | Precision::Range)
    {
        return None;
    }
    let finer = |p: Precision| match unit {
        Unit::Day => p != Precision::Day,
        Unit::Week | Unit::Weekend => !matches!(p, Precision::Day | Precision::Week),
        Unit::Month => matches!(p, Precision::Season | Precision::Year | Precision::Range),
        Unit::Quarter | Unit::Year => false,
    };
    Some(if finer(reference.precision) || reference.approximate {
        when.approx()
    } else {
        when
    })
}
