//! The grammar of date phrases: the cores ("Jan. 31", "the 1990s",
//! "Christmas Eve") and relative phrases ("last week", "the past few days",
//! "in the coming months") that `phrase_at` builds whole phrases from.

use jiff::civil::Date;

use super::resolve::{Core, Holiday, Unit, count_of, season_of, unit_of};
use super::results::{financial, results_core_at};
use super::text::Tok;
use super::time_words::{RECURRING, looks_like_a_name, named_day_at};
use crate::document::month_from_name;
use crate::timeline::when::weekday_from_name;

/// A word without which no phrase about time can be made: a number, a
/// month, a weekday, a unit, a season, a named day, a year in words.
pub(super) fn is_time_word(t: &Tok<'_>) -> bool {
    t.lower.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || month_from_name(&t.lower).is_some()
        || weekday_from_name(t.lower.trim_end_matches('s')).is_some()
        || unit_of(t).is_some()
        || season_of(t).is_some()
        || decade_word(t).is_some()
        || t.is(RECURRING)
        || t.is(&[
            "today",
            "tonight",
            "tomorrow",
            "yesterday",
            "decade",
            "decades",
            "century",
            "centuries",
            "christmas",
            "easter",
            "thanksgiving",
            "halloween",
            "juneteenth",
            "morning",
            "afternoon",
            "evening",
            "new",
            "half",
            "nineteen",
            "eighteen",
            "twenty",
            "thousand",
            "days",
            "weeks",
            "months",
            "years",
            "quarters",
            "weekends",
            "q1",
            "q2",
            "q3",
            "q4",
        ])
        || t.lower.ends_with('s') && t.lower.len() == 5 && t.lower.as_bytes()[0].is_ascii_digit()
}

/// "the nineties" → 9 (tens of years within a century).
fn decade_word(t: &Tok<'_>) -> Option<i16> {
    Some(match t.lower.as_ref() {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    })
}

/// A day of the month in words at token `k` ("twelfth", "twenty-first",
/// "thirtieth"): the day and the token after it.
fn ordinal_word_day(toks: &[Tok<'_>], k: usize) -> Option<(i8, usize)> {
    const ORDINALS: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    let t = toks.get(k)?;
    let unit = |w: &Tok<'_>| {
        ORDINALS
            .iter()
            .position(|o| w.is(&[o]))
            .and_then(|p| i8::try_from(p + 1).ok())
    };
    let day = match t.lower.as_ref() {
        "twentieth" => (20, k + 1),
        "thirtieth" => (30, k + 1),
        "twenty" | "thirty" if t.next == '-' => {
            let tens = if t.is(&["twenty"]) { 20 } else { 30 };
            let ones = toks.get(k + 1).and_then(unit).filter(|d| *d <= 9)?;
            (tens + ones, k + 2)
        }
        _ => (unit(t)?, k + 1),
    };
    // Only where a day can end: "March first-time buyers", "March fourth
    // quarter" are no days.
    let last = &toks[day.1 - 1];
    let ends = last.next != '-'
        && (last.next != ' '
            || toks.get(day.1).is_none_or(|w| {
                w.number().is_some()
                    || w.capitalized()
                    || w.is(&[
                        "and", "at", "in", "on", "to", "through", "until", "when", "the", "was",
                        "is", "will", "would", "nineteen", "two", "twenty",
                    ])
            }));
    (day.0 <= 31 && ends).then_some(day)
}

/// Nouns after an ordinal that make it no day: "on the 25th anniversary",
/// "by the 9th inning".
const NOT_AFTER_ORDINAL_DAY: &[&str] = &[
    "anniversary",
    "birthday",
    "century",
    "floor",
    "time",
    "times",
    "amendment",
    "district",
    "street",
    "avenue",
    "precinct",
    "round",
    "hole",
    "inning",
    "minute",
    "place",
    "grade",
    "percentile",
    "congress",
    "parliament",
    "day",
    "year",
    "week",
    "month",
    "edition",
    "division",
    "army",
    "regiment",
    "fleet",
    "squadron",
    "session",
    "lap",
    "game",
    "stage",
    "overtime",
    "ward",
    "circuit",
    "infantry",
    "armored",
    "airborne",
    "straight",
    "consecutive",
    "largest",
    "biggest",
    "most",
    "highest",
    "time",
];

/// Prepositions and modifiers that make an ambiguous month name a month.
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "through",
    "into",
    "before",
    "after",
    "during",
    "early",
    "mid",
    "late",
    "last",
    "next",
    "this",
    "of",
    "end",
    "beginning",
    "between",
    "and",
];

/// A core date expression starting at token `i`: (end token, core).
pub(super) fn core_at(toks: &[Tok<'_>], i: usize, text: &str) -> Option<(usize, Core)> {
    let t = toks.get(i)?;
    let next = toks.get(i + 1);
    // ISO 2020-01-31.
    if t.lower.len() == 4
        && t.next == '-'
        && let Some(rest) = text.get(t.start..t.start + 10)
        && let Ok(d) = rest.parse::<Date>()
    {
        return Some((i + 3, Core::Iso(d)));
    }
    if looks_like_a_name(toks, i) {
        return None;
    }
    // "on the 9th", "since the 25th": a day of the month told.
    if t.is(&["the"])
        && i > 0
        && toks[i - 1].is(&[
            "on", "by", "until", "till", "since", "before", "after", "from",
        ])
        && let Some(n) = next
        && n.lower.len() > 2
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| n.lower.ends_with(s))
        && let Some(day) = n.day()
        && !toks.get(i + 2).is_some_and(|w| {
            w.is(NOT_AFTER_ORDINAL_DAY)
                || w.is(&["of"])
                    && toks
                        .get(i + 3)
                        .is_some_and(|m| !m.is(&["the", "this", "that", "each"]))
        })
    {
        return Some((i + 2, Core::DayOfMonth(day)));
    }
    // "the first Monday in February", "the last Sunday of May", "the last
    // day of February", "the first week of October".
    if t.is(&["the"])
        && let Some(n) = next.and_then(|w| match w.lower.as_ref() {
            "first" => Some(1),
            "second" => Some(2),
            "third" => Some(3),
            "fourth" => Some(4),
            "last" => Some(-1),
            _ => None,
        })
        && toks.get(i + 3).is_some_and(|w| w.is(&["in", "of"]))
        && let Some(month) = toks.get(i + 4).and_then(Tok::month)
    {
        let what = &toks[i + 2];
        let year = toks.get(i + 5).and_then(Tok::year);
        let end = i + 5 + usize::from(year.is_some());
        if let Some(day) = weekday_from_name(&what.lower).filter(|_| what.capitalized()) {
            return Some((
                end,
                Core::NthWeekday {
                    month,
                    day,
                    n,
                    year,
                },
            ));
        }
        if what.is(&["day"]) && n == -1 {
            return Some((
                end,
                Core::NthWeekday {
                    month,
                    day: jiff::civil::Weekday::Monday,
                    n: 0,
                    year,
                },
            ));
        }
        if what.is(&["week"]) && n > 0 {
            return Some((end, Core::WeekOfMonth { month, n, year }));
        }
    }
    // "the year 2000".
    if t.is(&["the"])
        && next.is_some_and(|n| n.is(&["year"]))
        && let Some(y) = toks.get(i + 2).and_then(Tok::year)
    {
        return Some((i + 3, Core::Year(y)));
    }
    if let Some(month) = t.month() {
        // Month Day[, Year] / Month Year / Month.
        // Only a space or an abbreviation's dot between them ("since early
        // September; $14 million" is no Sept. 14).
        // "February twelfth", "March twenty-first" (spoken copy).
        if let Some((day, after)) = ordinal_word_day(toks, i + 1).filter(|_| t.next == ' ') {
            let year = toks.get(after).and_then(Tok::year);
            let end = if year.is_some() { after + 1 } else { after };
            return Some((end, Core::Day { month, day, year }));
        }
        if let Some(day) = next
            .and_then(Tok::day)
            .filter(|_| matches!(t.next, ' ' | '.' | '\u{a0}'))
        {
            // "the May 4th Movement": a name.
            if i > 0
                && toks[i - 1].is(&["the"])
                && toks
                    .get(i + 2)
                    .is_some_and(|w| w.capitalized() && w.year().is_none())
            {
                return None;
            }
            let year = toks.get(i + 2).and_then(Tok::year);
            let end = if year.is_some() { i + 3 } else { i + 2 };
            return Some((end, Core::Day { month, day, year }));
        }
        if let Some(year) = next.and_then(Tok::year) {
            return Some((
                i + 2,
                Core::Month {
                    month,
                    year: Some(year),
                },
            ));
        }
        let unambiguous = t.text.len() > 5 && !t.is(&["august"])
            || t.is(&["jan", "feb", "sept", "oct", "nov", "dec"]);
        let context = i > 0 && toks[i - 1].is(MONTH_CONTEXT)
            || t.prev == '-'
            // "a June agreement", "its March report": a month before the
            // noun it dates.
            || i > 0
                && toks[i - 1].is(&["a", "an", "its", "their", "his", "her"])
                && t.next == ' '
                && next.is_some_and(|n| {
                    n.text.chars().all(|c| c.is_ascii_lowercase()) && n.lower.len() > 3
                })
            // "set for June", "scheduled for May".
            || i > 1
                && toks[i - 1].is(&["for"])
                && toks[i - 2].is(&["set", "scheduled", "planned", "slated", "due", "expected"]);
        if unambiguous || context {
            return Some((i + 1, Core::Month { month, year: None }));
        }
        return None;
    }
    // Decades: "the 1990s", "the mid-2000s" (a part word may precede).
    if let Some(digits) = t.lower.strip_suffix('s')
        && digits.len() == 4
        && digits.ends_with('0')
        && let Ok(first) = digits.parse::<i16>()
        && (1000..=2200).contains(&first)
    {
        return Some((i + 1, Core::Years { first, years: 10 }));
    }
    // "the 1990's": the decade, with its apostrophe.
    if let Some(first) = t.year().filter(|y| y % 10 == 0)
        && matches!(t.next, '\'' | '’')
        && next.is_some_and(|n| n.is(&["s"]) && n.next != '\'')
        && i > 0
        && toks[i - 1].is(&["the", "early", "mid", "late"])
    {
        return Some((i + 2, Core::Years { first, years: 10 }));
    }
    // "the '80s": tens of years within the century.
    if matches!(t.prev, '\'' | '’')
        && let Some(n) = t.lower.strip_suffix('s').filter(|d| d.len() == 2)
        && let Ok(n) = n.parse::<i16>()
        && n % 10 == 0
        && i > 0
        && toks[i - 1].is(&["the", "early", "mid", "late"])
    {
        return Some((i + 1, Core::DecadeWord(n / 10)));
    }
    // Centuries: "the 20th century" is 1900–1999.
    if next.is_some_and(|n| n.is(&["century"]))
        && let Some(n) = t.number().filter(|n| (1..=22).contains(n))
        && t.lower.ends_with(|c: char| c.is_alphabetic())
    {
        let first = i16::try_from((n - 1) * 100).ok()?;
        return Some((i + 2, Core::Years { first, years: 100 }));
    }
    // A span of years as one word: "2009-2010", "1957-58", "2019-20".
    if let Some(a) = t.year()
        && matches!(t.next, '-' | '–')
        && let Some(n) = next
        && let Some(b) = n.number()
    {
        let b = match n.lower.len() {
            4 => i16::try_from(b).ok()?,
            2 => a / 100 * 100 + i16::try_from(b).ok()?,
            _ => return None,
        };
        if b > a && b - a <= 10 {
            return Some((i + 2, Core::YearRange(a, b)));
        }
    }
    // Day Month [Year]: "31 January 2020".
    if let (Some(day), Some(month)) = (
        t.day().filter(|_| matches!(t.next, ' ' | '\u{a0}')),
        next.and_then(Tok::month),
    ) {
        let year = toks.get(i + 2).and_then(Tok::year);
        let end = if year.is_some() { i + 3 } else { i + 2 };
        return Some((end, Core::Day { month, day, year }));
    }
    if let Some(day) = weekday_from_name(&t.lower).filter(|_| t.capitalized() && t.lower.len() >= 6)
    {
        // "the Sunday Times": a weekday followed by another capitalised name is a name.
        if next.is_some_and(|n| {
            n.capitalized()
                && n.month().is_none()
                && weekday_from_name(&n.lower).is_none()
                && n.prev == ' '
        }) && t.next == ' '
        {
            return None;
        }
        // "Saturday, April 25": the date says which Saturday.
        if t.next == ','
            && let Some((end, core @ Core::Day { .. })) = core_at(toks, i + 1, text)
        {
            return Some((end, core));
        }
        let mut end = i + 1;
        if next.is_some_and(|n| n.is(&["morning", "afternoon", "evening", "night"])) {
            end += 1;
        }
        return Some((end, Core::Weekday { day, shift: 0 }));
    }
    if let Some(found) = named_day_at(toks, i) {
        return Some(found);
    }
    match t.lower.as_ref() {
        "today" | "tonight" => return Some((i + 1, Core::Today(0))),
        // "this morning", "early this evening": the publication day.
        "this"
            if next.is_some_and(|n| {
                n.is(&["morning", "afternoon", "evening"]) && !n.capitalized()
            }) =>
        {
            return Some((i + 2, Core::Today(0)));
        }
        "yesterday" => return Some((i + 1, Core::Today(-1))),
        "tomorrow" => return Some((i + 1, Core::Today(1))),
        _ => {}
    }
    if let Some(season) = season_of(t) {
        let year = next.and_then(Tok::year);
        if let Some(y) = year {
            return Some((
                i + 2,
                Core::Season {
                    season,
                    year: Some(y),
                    offset: None,
                },
            ));
        }
        if next.is_some_and(|n| n.is(&["of"]))
            && let Some(y) = toks.get(i + 2).and_then(Tok::year)
        {
            return Some((
                i + 3,
                Core::Season {
                    season,
                    year: Some(y),
                    offset: None,
                },
            ));
        }
        // "in the spring" is a season, "the spring in the valley" is not.
        let context = i > 0
            && (toks[i - 1].is(&["in", "this", "last", "next", "early", "late", "during"])
                || toks[i - 1].is(&["the"])
                    && i > 1
                    && toks[i - 2].is(&[
                        "in", "during", "over", "by", "until", "till", "since", "of", "for",
                        "into", "through",
                    ])
                // "in the spring and summer".
                || toks[i - 1].is(&["and", "or"])
                    && i > 1
                    && season_of(&toks[i - 2]).is_some());
        return context.then_some((
            i + 1,
            Core::Season {
                season,
                year: None,
                offset: None,
            },
        ));
    }
    // "year-end", "year end", "year's end": the last day of the year.
    if t.is(&["year"])
        && (matches!(t.next, '-' | ' ') && next.is_some_and(|n| n.is(&["end"]))
            || matches!(t.next, '\'' | '’')
                && next.is_some_and(|n| n.is(&["s"]))
                && toks.get(i + 2).is_some_and(|n| n.is(&["end"])))
    {
        let end = if next.is_some_and(|n| n.is(&["s"])) {
            i + 3
        } else {
            i + 2
        };
        return Some((end, Core::Holiday(Holiday::YearEnd)));
    }
    if let Some(found) = results_core_at(toks, i) {
        return Some(found);
    }
    // "the nineties": the latest such decade begun by the publication date
    // is read in `resolve` (here: the 1900s' or the 2000s').
    if let Some(n) = decade_word(t)
        && i > 0
        && toks[i - 1].is(&["the", "early", "mid", "late"])
    {
        return Some((i + 1, Core::DecadeWord(n)));
    }
    // "Q3 2020".
    if t.lower.len() == 2
        && t.lower.starts_with('q')
        && let Some(q) = t.lower[1..]
            .parse::<i8>()
            .ok()
            .filter(|q| (1..=4).contains(q))
    {
        let year = next.and_then(Tok::year);
        return Some((
            if year.is_some() { i + 2 } else { i + 1 },
            Core::Quarter { q, year },
        ));
    }
    let ordinal_at = |k: usize| {
        toks.get(k).and_then(|w| {
            ["first", "second", "third", "fourth"]
                .iter()
                .position(|o| w.lower == *o)
                .and_then(|q| i8::try_from(q + 1).ok())
        })
    };
    // "the 1988 third quarter"; "the 1988 quarter", "the 1989 period" of a
    // results story: the quarter being reported, in that year.
    if let Some(y) = t.year()
        && i > 0
        && toks[i - 1].is(&["the"])
    {
        if let Some(q) = ordinal_at(i + 1)
            && toks.get(i + 2).is_some_and(|n| n.is(&["quarter"]))
        {
            return Some((i + 3, Core::Quarter { q, year: Some(y) }));
        }
        if next.is_some_and(|n| n.is(&["quarter", "period"])) && financial(toks) {
            return Some((i + 2, Core::ReportedQuarterOf(y)));
        }
    }
    // "the year-earlier third quarter": that quarter of the year before.
    if t.is(&["year"])
        && t.next == '-'
        && next.is_some_and(|n| n.is(&["ago", "earlier"]))
        && let Some(q) = ordinal_at(i + 2)
        && toks.get(i + 3).is_some_and(|n| n.is(&["quarter"]))
    {
        return Some((i + 4, Core::QuarterYearBefore(q)));
    }
    // "the third quarter [of 2020]".
    let ordinal = ["first", "second", "third", "fourth"]
        .iter()
        .position(|w| t.lower == *w);
    if let Some(q) = ordinal
        && next.is_some_and(|n| n.is(&["quarter"]))
    {
        let q = q as i8 + 1;
        if toks.get(i + 2).is_some_and(|n| n.is(&["of"]))
            && let Some(y) = toks.get(i + 3).and_then(Tok::year)
        {
            return Some((i + 4, Core::Quarter { q, year: Some(y) }));
        }
        let year = toks.get(i + 2).and_then(Tok::year);
        return Some((
            if year.is_some() { i + 3 } else { i + 2 },
            Core::Quarter { q, year },
        ));
    }
    None
}

/// A relative expression starting at `i` ("last week", "two weeks ago",
/// "in the coming months", "earlier this year", "next Monday").
pub(super) fn relative_at(toks: &[Tok<'_>], i: usize) -> Option<(usize, Core)> {
    let t = toks.get(i)?;
    // "this fiscal year" is read as the calendar year (companies' fiscal
    // years differ; the year is the honest approximation).
    let fiscal = toks.get(i + 1).is_some_and(|w| w.is(&["fiscal"]));
    let i = i + usize::from(fiscal);
    let next = toks.get(i + 1);
    if t.next == '-' {
        return None; // "next-generation", "last-minute"
    }
    let offset = match t.lower.as_ref() {
        "last" | "past" | "previous" => Some(-1),
        "this" | "current" => Some(0),
        "next" | "coming" => Some(1),
        _ => None,
    };
    if let Some(offset) = offset
        && let Some(n) = next
    {
        if let Some(unit) = unit_of(n).filter(|_| n.next != '-' && !n.lower.ends_with('s')) {
            // "the last day of the fiscal year", "this day": no day of the
            // calendar (English says yesterday, today, tomorrow).
            if unit == Unit::Day {
                return None;
            }
            if unit == Unit::Weekend && offset == 0 {
                // "this weekend": the one just gone in a past clause.
                return Some((i + 2, Core::Weekend));
            }
            return Some((i + 2, Core::Relative { unit, offset }));
        }
        if let Some(month) = n.month().filter(|_| n.next != '-') {
            return Some((i + 2, Core::MonthOffset { month, offset }));
        }
        if let Some(day) =
            weekday_from_name(&n.lower).filter(|_| n.capitalized() && n.lower.len() >= 6)
        {
            return Some((
                i + 2,
                Core::Weekday {
                    day,
                    shift: offset as i8 * 2 - i8::from(offset == 0),
                },
            ));
        }
        if let Some(season) = season_of(n) {
            return Some((
                i + 2,
                Core::Season {
                    season,
                    year: None,
                    offset: Some(offset),
                },
            ));
        }
    }
    // "earlier in the day": the publication day (a day named before is
    // taken first, as a back-reference).
    if t.is(&["earlier", "later"])
        && next.is_some_and(|n| n.is(&["in"]))
        && toks.get(i + 2).is_some_and(|w| w.is(&["the"]))
        && toks.get(i + 3).is_some_and(|w| w.is(&["day"]))
    {
        return Some((i + 4, Core::Today(0)));
    }
    // "over the past decade": the ten years up to the publication date.
    if t.is(&["past", "last"])
        && i > 0
        && toks[i - 1].is(&["the"])
        && next.is_some_and(|n| n.is(&["decade"]))
    {
        return Some((
            i + 2,
            Core::Rolling {
                unit: Unit::Year,
                n: 10,
                future: false,
                approx: false,
            },
        ));
    }
    // "earlier this week", "later this year", "early next month", "late last year".
    if t.is(&["earlier", "later", "early", "late"])
        && next.is_some_and(|n| n.is(&["this", "next", "last"]))
        && let Some(unit) = toks.get(i + 2).and_then(unit_of)
    {
        let which = next.map_or(0, |n| match n.lower.as_ref() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        });
        if which == 0 && t.is(&["earlier", "later"]) {
            return Some((
                i + 3,
                Core::PartOf {
                    unit,
                    later: t.is(&["later"]),
                },
            ));
        }
        return Some((
            i + 3,
            Core::Relative {
                unit,
                offset: which,
            },
        ));
    }
    // "a week from tomorrow", "two weeks from today", "a month from Friday".
    if let Some((j, n, approx)) = count_of(toks, i)
        && let Some(unit) = toks.get(j).and_then(unit_of)
        && toks.get(j + 1).is_some_and(|w| w.is(&["from"]))
        && let Some(w) = toks.get(j + 2)
    {
        let days = match w.lower.as_ref() {
            "today" | "now" => Some(0),
            "tomorrow" => Some(1),
            _ => None,
        };
        let day = weekday_from_name(&w.lower).filter(|_| w.capitalized());
        if days.is_some() || day.is_some() {
            return Some((
                j + 3,
                Core::FromDay {
                    n,
                    unit,
                    day,
                    days: days.unwrap_or(0),
                    approx,
                },
            ));
        }
    }
    // "N units ago".
    if let Some((j, n, approx)) = count_of(toks, i)
        && let Some(unit) = toks.get(j).and_then(unit_of)
        && toks
            .get(j + 1)
            .is_some_and(|a| a.is(&["ago", "earlier", "before"]))
        && !(t.is(&["a", "an"]) && toks.get(j + 1).is_some_and(|a| !a.is(&["ago"])))
    {
        return Some((j + 2, Core::Ago { n, unit, approx }));
    }
    // "in N units" / "within N units".
    if t.is(&["in", "within"])
        && let Some((j, n, approx)) = count_of(toks, i + 1)
        && let Some(unit) = toks.get(j).and_then(unit_of)
        // "in three-year notes", "in 10-year bonds": a size, not a time.
        && toks[j].prev != '-'
        // "in a quarter that produced a loss": any quarter, not one from now.
        && !toks
            .get(j + 1)
            .is_some_and(|n| n.is(&["of", "ago", "that", "which", "when", "where", "in"]))
    {
        return Some((
            j + 1,
            Core::InFuture {
                n,
                unit,
                approx: approx || t.is(&["within"]),
            },
        ));
    }
    // "in the coming weeks", "in the next few months", "in recent weeks",
    // "over the past few months", "in the past year".
    let mut k = i;
    if t.is(&["in", "over", "during", "within"]) {
        k += 1;
    }
    if toks.get(k).is_some_and(|w| w.is(&["the"])) {
        k += 1;
    }
    let dir = toks.get(k).and_then(|w| match w.lower.as_ref() {
        "coming" | "next" | "upcoming" => Some(true),
        "recent" | "past" | "last" => Some(false),
        _ => None,
    })?;
    let had_the = k > i && toks[k - 1].is(&["the"]);
    if !had_the && !toks.get(k).is_some_and(|w| w.is(&["recent"])) {
        return None;
    }
    let recent = toks[k].is(&["recent"]);
    k += 1;
    // "the past few days", "the next two years": a window of n units
    // ending at (or starting after) the publication date.
    let mut count: Option<(i64, bool)> = None;
    if let Some(w) = toks.get(k) {
        let vague = match w.lower.as_ref() {
            "few" => Some(3),
            "couple" => Some(2),
            "several" => Some(6),
            _ => None,
        };
        if let Some(n) = vague {
            count = Some((n, true));
            k += 1;
            if toks.get(k).is_some_and(|w| w.is(&["of"])) {
                k += 1;
            }
        } else if !w.is(&["a", "an"])
            && let Some((j, n, approx)) = count_of(toks, k)
        {
            count = Some((n, approx));
            k = j;
        }
    }
    let unit = toks.get(k).and_then(unit_of)?;
    let plural = toks[k].lower.ends_with('s');
    if toks.get(k + 1).is_some_and(|w| w.is(&["of"])) {
        return None; // "the last week of March"
    }
    if let Some((n, approx)) = count.filter(|_| !recent) {
        return Some((
            k + 1,
            Core::Rolling {
                unit,
                n,
                future: dir,
                approx,
            },
        ));
    }
    if !plural {
        if dir || recent {
            return None; // "the next day" is not vague
        }
        // "the past week", "in the last month": the days just gone.
        return Some((
            k + 1,
            Core::Rolling {
                unit,
                n: 1,
                future: false,
                approx: false,
            },
        ));
    }
    Some((k + 1, Core::Vague { unit, future: dir }))
}
