//! Date expressions, unresolved, and resolving them against an anchor date.

use jiff::civil::{Date, Weekday};

use super::tense::Tense;
use super::text::Tok;
use crate::timeline::when::{Precision, When, add_days, add_months, week_start};

/// An unresolved date expression.
#[derive(Clone, Copy, Debug)]
pub(super) enum Core {
    Iso(Date),
    Day {
        month: i8,
        day: i8,
        year: Option<i16>,
    },
    Month {
        month: i8,
        year: Option<i16>,
    },
    Year(i16),
    /// "last May" (the latest May before this month), "this May" (this
    /// year's), "next May" (the first May after this month).
    MonthOffset {
        month: i8,
        offset: i64,
    },
    /// "the 1990s" (`years` 10) or "the 20th century" (100): first year.
    Years {
        first: i16,
        years: i16,
    },
    /// A span of years written as one: "2009-2010", "1957-58".
    YearRange(i16, i16),
    /// The first or second half of a year (the given one, else the latest
    /// that has begun).
    Half {
        second: bool,
        year: Option<i16>,
    },
    /// The last quarter that ended, a year earlier: "the year-ago period".
    QuarterYearAgo,
    /// A named day, in the year the tense points to.
    Holiday(Holiday),
    /// "the weekend", "this weekend": the one the tense points to.
    Weekend,
    Weekday {
        day: Weekday,
        shift: i8,
    },
    Today(i64),
    /// This/last/next unit: `offset` units from the current one.
    Relative {
        unit: Unit,
        offset: i64,
    },
    /// Earlier / later in the current unit.
    PartOf {
        unit: Unit,
        later: bool,
    },
    Ago {
        n: i64,
        unit: Unit,
        approx: bool,
    },
    InFuture {
        n: i64,
        unit: Unit,
        approx: bool,
    },
    /// "the past week", "the past few days", "the next two years": `n`
    /// units up to the publication date, or from the day after it.
    Rolling {
        unit: Unit,
        n: i64,
        future: bool,
        approx: bool,
    },
    /// "in the coming weeks" (future) or "in recent weeks" (past).
    Vague {
        unit: Unit,
        future: bool,
    },
    Season {
        season: i8,
        year: Option<i16>,
        offset: Option<i64>,
    },
    Quarter {
        q: i8,
        year: Option<i16>,
    },
    /// "the nineties": tens of years within the century.
    DecadeWord(i16),
    /// The week from a holiday on: "Easter week".
    HolidayWeek(Holiday),
    /// "the first Monday in February" (`n` 1–4, -1 the last), "the last day
    /// of February" (`n` 0), in the year the tense points to.
    NthWeekday {
        month: i8,
        day: Weekday,
        n: i8,
        year: Option<i16>,
    },
    /// "the first week of October": its days 1–7 (8–14, …).
    WeekOfMonth {
        month: i8,
        n: i8,
        year: Option<i16>,
    },
    /// "a week from tomorrow", "two weeks from Friday": `n` units after a
    /// day (`day`: days from the publication date, or the coming weekday).
    FromDay {
        n: i64,
        unit: Unit,
        day: Option<Weekday>,
        days: i64,
        approx: bool,
    },
    /// "on the 9th": that day of the publication date's month, or of the
    /// month before (after) when the tense says it is past (to come).
    DayOfMonth(i8),
    /// "the 1988 quarter": the quarter being reported (the last that
    /// ended), in that year.
    ReportedQuarterOf(i16),
    /// "the year-earlier third quarter": that quarter, a year before the
    /// one being reported.
    QuarterYearBefore(i8),
}

/// Named days of the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Holiday {
    NewYearsDay,
    NewYearsEve,
    ChristmasEve,
    Christmas,
    /// The fourth Thursday of November (U.S.).
    Thanksgiving,
    /// December 31: "year-end".
    YearEnd,
    /// Easter Sunday (Gregorian computus); `+1` for Easter Monday, `-2`
    /// for Good Friday.
    Easter(i8),
    /// Days after U.S. Thanksgiving: Black Friday (1), Cyber Monday (4).
    AfterThanksgiving(i8),
    /// The same day every year: Halloween (10, 31), Boxing Day (12, 26).
    Fixed(i8, i8),
    /// The `n`th weekday of a month (`n` = -1: the last): Labor Day is the
    /// first Monday of September, Memorial Day the last Monday of May.
    Nth(i8, Weekday, i8),
}

impl Holiday {
    /// Its date in year `y`.
    #[expect(
        clippy::many_single_char_names,
        reason = "the computus reads best with its published variable names"
    )]
    pub(super) fn date(self, y: i16) -> Option<Date> {
        match self {
            Holiday::NewYearsDay => Date::new(y, 1, 1).ok(),
            Holiday::NewYearsEve | Holiday::YearEnd => Date::new(y, 12, 31).ok(),
            Holiday::ChristmasEve => Date::new(y, 12, 24).ok(),
            Holiday::Christmas => Date::new(y, 12, 25).ok(),
            Holiday::Fixed(month, day) => Date::new(y, month, day).ok(),
            Holiday::AfterThanksgiving(n) => {
                Some(add_days(Holiday::Thanksgiving.date(y)?, i64::from(n)))
            }
            Holiday::Nth(month, weekday, n) => {
                let first = Date::new(y, month, 1).ok()?;
                if n > 0 {
                    let to = i64::from(weekday.since(first.weekday()));
                    Some(add_days(first, to + 7 * i64::from(n - 1)))
                } else {
                    let last = add_days(add_months(first, 1), -1);
                    let back = i64::from(last.weekday().since(weekday));
                    Some(add_days(last, -back))
                }
            }
            Holiday::Thanksgiving => {
                let first = Date::new(y, 11, 1).ok()?;
                let to_thursday = i64::from(Weekday::Thursday.since(first.weekday()));
                Some(add_days(first, to_thursday + 21))
            }
            Holiday::Easter(shift) => {
                // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
                let y = i32::from(y);
                let (a, b, c) = (y % 19, y / 100, y % 100);
                let (d, e) = (b / 4, b % 4);
                let f = (b + 8) / 25;
                let g = (b - f + 1) / 3;
                let h = (19 * a + b - d - g + 15) % 30;
                let (i, k) = (c / 4, c % 4);
                let l = (32 + 2 * e + 2 * i - h - k) % 7;
                let m = (a + 11 * h + 22 * l) / 451;
                let month = (h + l - 7 * m + 114) / 31;
                let day = (h + l - 7 * m + 114) % 31 + 1;
                let sunday = Date::new(
                    i16::try_from(y).ok()?,
                    i8::try_from(month).ok()?,
                    i8::try_from(day).ok()?,
                )
                .ok()?;
                Some(add_days(sunday, i64::from(shift)))
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
}

pub(super) fn unit_of(t: &Tok<'_>) -> Option<Unit> {
    Some(match t.lower.as_ref() {
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "weekend" | "weekends" => Unit::Weekend,
        "month" | "months" => Unit::Month,
        "quarter" | "quarters" => Unit::Quarter,
        "year" | "years" => Unit::Year,
        _ => return None,
    })
}

pub(super) fn season_of(t: &Tok<'_>) -> Option<i8> {
    Some(match t.lower.as_ref() {
        "spring" => 0,
        "summer" => 1,
        "fall" | "autumn" => 2,
        "winter" => 3,
        _ => return None,
    })
}

pub(super) fn count_of(toks: &[Tok<'_>], i: usize) -> Option<(usize, i64, bool)> {
    let t = toks.get(i)?;
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if let Some(k) = words.iter().position(|w| t.lower == *w) {
        return Some((i + 1, i64::try_from(k).unwrap_or(0) + 1, false));
    }
    // A count is a cardinal: "the 20th century" counts nothing.
    if let Some(n) = t
        .number()
        .filter(|n| (1..=100).contains(n) && t.lower.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some((i + 1, n, false));
    }
    match t.lower.as_ref() {
        "a" | "an" => {
            if toks.get(i + 1).is_some_and(|n| n.is(&["few"])) {
                Some((i + 2, 3, true))
            } else if toks.get(i + 1).is_some_and(|n| n.is(&["couple"]))
                && toks.get(i + 2).is_some_and(|n| n.is(&["of"]))
            {
                Some((i + 3, 2, true))
            } else {
                Some((i + 1, 1, false))
            }
        }
        "several" | "few" => Some((i + 1, 3, true)),
        _ => None,
    }
}

/// The span of `unit` containing `d`.
pub(super) fn unit_span(unit: Unit, d: Date) -> When {
    match unit {
        Unit::Day => When::day(d),
        Unit::Week => When::week_of(d),
        Unit::Weekend => {
            let sat = add_days(week_start(d), 5);
            When::span(sat, add_days(sat, 1), Precision::Range)
        }
        Unit::Month => When::month_of(d),
        Unit::Quarter => {
            let m = (d.month() - 1) / 3 * 3 + 1;
            let start = Date::new(d.year(), m, 1).unwrap_or(d);
            When::span(start, add_days(add_months(start, 3), -1), Precision::Season)
        }
        Unit::Year => When::year_of(d),
    }
}

pub(super) fn shift(unit: Unit, d: Date, n: i64) -> Date {
    match unit {
        Unit::Day => add_days(d, n),
        Unit::Week | Unit::Weekend => add_days(d, 7 * n),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, 3 * n),
        Unit::Year => add_months(d, 12 * n),
    }
}

/// Picks the year for a month/day given without one: the occurrence nearest
/// the anchor, unless the tense clearly points the other way.
pub(super) fn pick_year(
    anchor: Date,
    tense: Tense,
    make: impl Fn(i16) -> Option<When>,
) -> Option<When> {
    let y = anchor.year();
    let candidates: Vec<When> = [y - 1, y, y + 1].into_iter().filter_map(&make).collect();
    let distance = |w: &When| {
        if w.end < anchor {
            (anchor - w.end).get_days().abs()
        } else if w.start > anchor {
            (w.start - anchor).get_days().abs()
        } else {
            0
        }
    };
    let nearest = candidates.iter().min_by_key(|w| distance(w))?.clone();
    let pick = match tense {
        Tense::Future if nearest.end < add_days(anchor, -7) => candidates
            .into_iter()
            .find(|w| w.start > anchor)
            .unwrap_or(nearest),
        Tense::Past if nearest.start > add_days(anchor, 31) => candidates
            .into_iter()
            .rev()
            .find(|w| w.end < anchor)
            .unwrap_or(nearest),
        _ => nearest,
    };
    Some(pick)
}

pub(super) fn resolve(core: Core, anchor: Date, tense: Tense) -> Option<When> {
    Some(match core {
        Core::Iso(d) => When::day(d),
        Core::Day {
            month,
            day,
            year: Some(y),
        } => When::day(Date::new(y, month, day).ok()?),
        Core::Day {
            month,
            day,
            year: None,
        } => pick_year(anchor, tense, |y| {
            Date::new(y, month, day).ok().map(When::day)
        })?,
        Core::Month {
            month,
            year: Some(y),
        } => When::month_of(Date::new(y, month, 1).ok()?),
        Core::Month { month, year: None } => pick_year(anchor, tense, |y| {
            Date::new(y, month, 1).ok().map(When::month_of)
        })?,
        Core::Year(y) => When::year_of(Date::new(y, 1, 1).ok()?),
        Core::MonthOffset { month, offset } => {
            let y = anchor.year();
            let year = match offset {
                o if o < 0 => {
                    if month < anchor.month() {
                        y
                    } else {
                        y - 1
                    }
                }
                0 => y,
                _ => {
                    if month > anchor.month() {
                        y
                    } else {
                        y + 1
                    }
                }
            };
            When::month_of(Date::new(year, month, 1).ok()?)
        }
        Core::Holiday(h) => pick_year(anchor, tense, |y| h.date(y).map(When::day))?,
        Core::HolidayWeek(h) => pick_year(anchor, tense, |y| {
            h.date(y)
                .map(|d| When::span(d, add_days(d, 6), Precision::Range))
        })?,
        Core::QuarterYearAgo => {
            let q = unit_span(Unit::Quarter, shift(Unit::Quarter, anchor, -5));
            When::span(q.start, q.end, Precision::Season)
        }
        Core::Half { second, year } => {
            let y = year.unwrap_or_else(|| {
                // The second half has not begun in the first: last year's.
                if second && anchor.month() <= 6 {
                    anchor.year() - 1
                } else {
                    anchor.year()
                }
            });
            let (a, b) = if second {
                ((y, 7, 1), (y, 12, 31))
            } else {
                ((y, 1, 1), (y, 6, 30))
            };
            When::span(
                Date::new(a.0, a.1, a.2).ok()?,
                Date::new(b.0, b.1, b.2).ok()?,
                Precision::Range,
            )
        }
        Core::Weekend => {
            let this_sat = add_days(week_start(anchor), 5);
            let weekend = |sat: Date| When::span(sat, add_days(sat, 1), Precision::Range);
            if anchor >= this_sat {
                weekend(this_sat)
            } else if tense == Tense::Past {
                weekend(add_days(this_sat, -7))
            } else {
                weekend(this_sat)
            }
        }
        Core::Years { first, years } => When::span(
            Date::new(first, 1, 1).ok()?,
            Date::new(first + years - 1, 12, 31).ok()?,
            Precision::Range,
        ),
        Core::YearRange(a, b) => When::span(
            Date::new(a, 1, 1).ok()?,
            Date::new(b, 12, 31).ok()?,
            Precision::Range,
        ),
        Core::Today(n) => When::day(add_days(anchor, n)),
        Core::NthWeekday {
            month,
            day,
            n,
            year,
        } => {
            let on = move |y: i16| {
                if n == 0 {
                    let first = Date::new(y, month, 1).ok()?;
                    return Some(add_days(add_months(first, 1), -1));
                }
                Holiday::Nth(month, day, n).date(y)
            };
            match year {
                Some(y) => When::day(on(y)?),
                None => pick_year(anchor, tense, |y| on(y).map(When::day))?,
            }
        }
        Core::WeekOfMonth { month, n, year } => {
            let first = |y: i16| Date::new(y, month, 1 + 7 * (n - 1)).ok();
            let start = match year {
                Some(y) => first(y)?,
                None => pick_year(anchor, tense, |y| first(y).map(When::day))?.start,
            };
            When::span(start, add_days(start, 6), Precision::Range)
        }
        Core::FromDay {
            n,
            unit,
            day,
            days,
            approx,
        } => {
            let base = match day {
                Some(w) => add_days(anchor, i64::from(w.since(anchor.weekday()))),
                None => add_days(anchor, days),
            };
            let d = match unit {
                Unit::Day => add_days(base, n),
                Unit::Week | Unit::Weekend => add_days(base, 7 * n),
                Unit::Month => add_months(base, n),
                Unit::Quarter => add_months(base, 3 * n),
                Unit::Year => add_months(base, 12 * n),
            };
            let w = When::day(d);
            if approx { w.approx() } else { w }
        }
        Core::DayOfMonth(day) => {
            let this = Date::new(anchor.year(), anchor.month(), day).ok();
            let before = Date::new(
                add_months(anchor, -1).year(),
                add_months(anchor, -1).month(),
                day,
            )
            .ok();
            let after = Date::new(
                add_months(anchor, 1).year(),
                add_months(anchor, 1).month(),
                day,
            )
            .ok();
            let d = match tense {
                Tense::Past => this.filter(|d| *d <= anchor).or(before)?,
                Tense::Future => this.filter(|d| *d >= anchor).or(after)?,
                Tense::Unknown => this?,
            };
            When::day(d)
        }
        // The latest such decade begun by the publication date.
        Core::DecadeWord(n) => {
            let century = anchor.year() / 100 * 100;
            let mut first = century + n * 10;
            if first > anchor.year() {
                first -= 100;
            }
            When::span(
                Date::new(first, 1, 1).ok()?,
                Date::new(first + 9, 12, 31).ok()?,
                Precision::Range,
            )
        }
        Core::Weekday { day, shift } => {
            let back = i64::from(anchor.weekday().since(day));
            let ahead = i64::from(day.since(anchor.weekday()));
            let d = match shift {
                // "this Monday": that day of the anchor's week.
                -1 => add_days(week_start(anchor), i64::from(day.to_monday_zero_offset())),
                s if s < 0 => add_days(anchor, -(if back == 0 { 7 } else { back })),
                s if s > 0 => add_days(anchor, if ahead == 0 { 7 } else { ahead }),
                // A bare weekday that is the publication day is that day,
                // whatever the tense ("said Friday" in a Friday paper).
                _ if back == 0 => anchor,
                _ if tense == Tense::Future => add_days(anchor, ahead),
                _ if tense == Tense::Past => add_days(anchor, -back),
                // No verb to go by ("leaves the EU on Friday"): the nearer one.
                _ if ahead < back => add_days(anchor, ahead),
                _ => add_days(anchor, -back),
            };
            When::day(d)
        }
        Core::Relative { unit, offset } => unit_span(unit, shift(unit, anchor, offset)),
        Core::PartOf { unit, later } => {
            let whole = unit_span(unit, anchor);
            let mut w = if later {
                When::span(anchor, whole.end, Precision::Range)
            } else {
                When::span(whole.start, anchor, Precision::Range)
            };
            w.approximate = false;
            w
        }
        Core::Ago { n, unit, approx } => {
            let w = unit_span(unit, shift(unit, anchor, -n));
            if approx { w.approx() } else { w }
        }
        Core::InFuture { n, unit, approx } => {
            let w = unit_span(unit, shift(unit, anchor, n));
            if approx {
                When::span(add_days(anchor, 1), w.end, Precision::Range).approx()
            } else {
                w
            }
        }
        Core::Rolling {
            unit,
            n,
            future,
            approx,
        } => {
            let w = if future {
                When::span(
                    add_days(anchor, 1),
                    shift(unit, anchor, n),
                    Precision::Range,
                )
            } else {
                When::span(
                    add_days(shift(unit, anchor, -n), 1),
                    anchor,
                    Precision::Range,
                )
            };
            if approx { w.approx() } else { w }
        }
        Core::Vague { unit, future } => {
            let reach = match unit {
                Unit::Day => 7,
                Unit::Week | Unit::Weekend => 28,
                Unit::Month => 91,
                Unit::Quarter => 182,
                Unit::Year => 730,
            };
            if future {
                When::span(
                    add_days(anchor, 1),
                    add_days(anchor, reach),
                    Precision::Range,
                )
                .approx()
            } else {
                When::span(add_days(anchor, -reach), anchor, Precision::Range).approx()
            }
        }
        Core::Season {
            season,
            year,
            offset,
        } => {
            let start_month = [3, 6, 9, 12][season as usize];
            let make = |y: i16| {
                let start = Date::new(y, start_month, 1).ok()?;
                Some(When::span(
                    start,
                    add_days(add_months(start, 3), -1),
                    Precision::Season,
                ))
            };
            match (year, offset) {
                (Some(y), _) => make(y)?,
                // "last fall": the latest fall over before the publication
                // date (in December, the one just ended); "next spring": the
                // first to begin after it; "this summer": the nearest.
                (None, Some(o)) if o < 0 => (anchor.year() - 2..=anchor.year())
                    .rev()
                    .filter_map(make)
                    .find(|w| w.end < anchor)?,
                (None, Some(o)) if o > 0 => (anchor.year()..=anchor.year() + 1)
                    .filter_map(make)
                    .find(|w| w.start > anchor)?,
                (None, Some(_)) => pick_year(anchor, Tense::Unknown, make)?,
                (None, None) => pick_year(anchor, tense, make)?,
            }
        }
        Core::ReportedQuarterOf(y) => {
            let last = unit_span(Unit::Quarter, shift(Unit::Quarter, anchor, -1));
            let start = Date::new(y, last.start.month(), 1).ok()?;
            When::span(start, add_days(add_months(start, 3), -1), Precision::Season)
        }
        Core::QuarterYearBefore(q) => {
            let this = resolve(Core::Quarter { q, year: None }, anchor, Tense::Past)?;
            When::span(
                add_months(this.start, -12),
                add_days(add_months(this.start, -9), -1),
                Precision::Season,
            )
        }
        Core::Quarter { q, year } => {
            let make = |y: i16| {
                let start = Date::new(y, (q - 1) * 3 + 1, 1).ok()?;
                Some(When::span(
                    start,
                    add_days(add_months(start, 3), -1),
                    Precision::Season,
                ))
            };
            // A quarter is a reporting period: this year's if it has
            // begun; one still to come is last year's in past telling
            // ("fourth-quarter profit" in February); future telling
            // ("expects a third-quarter loss" in October) moves to next
            // year's only once this year's ended more than a quarter ago.
            if let Some(y) = year {
                make(y)?
            } else {
                let this = make(anchor.year())?;
                let year = match tense {
                    Tense::Future if this.end < add_months(anchor, -3) => anchor.year() + 1,
                    Tense::Past | Tense::Unknown if this.start > anchor => anchor.year() - 1,
                    Tense::Future | Tense::Past | Tense::Unknown => anchor.year(),
                };
                make(year)?
            }
        }
    })
}

/// Narrows a span to its early, middle or late third (approximate).
pub(super) fn part(w: &When, which: &str) -> When {
    // A decade is read in years: the early 1970s are 1970–73, the mid-2000s
    // 2003–06, the late 1980s 1986–89.
    let y = w.start.year();
    if w.start.month() == 1
        && w.start.day() == 1
        && y % 10 == 0
        && w.end == Date::new(y + 9, 12, 31).unwrap_or(w.end)
    {
        let (a, b) = match which {
            "early" | "beginning" | "start" => (0, 3),
            "mid" | "middle" => (3, 6),
            _ => (6, 9),
        };
        if let (Ok(s), Ok(e)) = (Date::new(y + a, 1, 1), Date::new(y + b, 12, 31)) {
            return When::span(s, e, Precision::Range).approx();
        }
    }
    let days = i64::from((w.end - w.start).get_days().max(0));
    let third = (days + 1) / 3;
    let (s, e) = match which {
        "early" | "beginning" | "start" => (w.start, add_days(w.start, third.max(0))),
        "mid" | "middle" => (add_days(w.start, third), add_days(w.end, -third)),
        _ => (add_days(w.end, -third), w.end),
    };
    When::span(s, e.max(s), Precision::Range).approx()
}
