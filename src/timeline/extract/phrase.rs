//! A whole dated phrase at a token: its wrapper ("since", "by", "until"),
//! lead ("on", "in"), part ("early", "the end of"), core, and range ("from
//! March to May", "Jan. 20-26") — with the direction its verb gives it.

use jiff::civil::Date;

use super::grammar::{core_at, relative_at};
use super::resolve::{Core, part, resolve, season_of, unit_of};
use super::tense::{Tense, clause_tense, local_tense};
use super::text::Tok;
use super::time_words::{is_dateline_city, looks_like_a_name, year_in_words};
use crate::timeline::when::{OpenEnd, Precision, When, add_days, add_months};

/// Things counted in news: "2000 shares" is a number, not a year.
const COUNTED: &[&str] = &[
    "people",
    "persons",
    "shares",
    "troops",
    "soldiers",
    "workers",
    "employees",
    "jobs",
    "units",
    "cars",
    "vehicles",
    "homes",
    "houses",
    "acres",
    "tons",
    "tonnes",
    "barrels",
    "votes",
    "copies",
    "miles",
    "kilometers",
    "kilometres",
    "feet",
    "meters",
    "metres",
    "points",
    "cases",
    "deaths",
    "dead",
    "victims",
    "students",
    "members",
    "residents",
    "refugees",
    "prisoners",
    "dollars",
    "pounds",
    "euros",
    "yen",
    "marks",
    "francs",
    "years",
    "days",
    "hours",
    "minutes",
    "men",
    "women",
    "children",
    "police",
    "officers",
    "delegates",
    "seats",
    "pages",
    "words",
    "rounds",
    "games",
    "runs",
    "yards",
    "passengers",
    "beds",
    "rooms",
    "stores",
    "plants",
    "schools",
    "patients",
    "doctors",
    "jets",
    "planes",
    "ships",
    "tanks",
    "guns",
    "rifles",
    "missiles",
    "bombs",
    "sheep",
    "cattle",
    "head",
    "times",
    "percent",
    "per",
];

/// Words after a number that show it names no year's thing: "The novel
/// 1984 is …", "raised it to 1990 and …".
const NOT_A_NOUN: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "and", "or", "but", "to", "of", "in", "on", "at", "by", "for", "with", "as", "that", "which",
    "the", "a", "an", "from", "than", "s",
];

/// The end of a time of day at token `k`: "4 p.m.", "10:30 a.m. EDT",
/// "midnight", "noon local time".
fn time_of_day_end(toks: &[Tok<'_>], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    let mut end = if t.is(&["midnight", "noon"]) {
        k + 1
    } else {
        // An hour on a 12-hour clock.
        t.number().filter(|h| (1..=12).contains(h))?;
        // "10:30": the minutes.
        let mut j = k + 1;
        if t.next == ':' && toks.get(j).is_some_and(|m| m.number().is_some()) {
            j += 1;
        }
        let w = toks.get(j)?;
        if w.is(&["am", "pm"]) {
            j + 1
        } else if w.is(&["a", "p"]) && toks.get(j + 1).is_some_and(|m| m.is(&["m"])) {
            j + 2
        } else {
            return None;
        }
    };
    // A zone: "EDT", "GMT", "local time".
    if let Some(z) = toks.get(end) {
        if z.text.len() <= 4 && z.text.len() >= 2 && z.text.chars().all(|c| c.is_ascii_uppercase())
        {
            end += 1;
        } else if z.is(&["local"]) && toks.get(end + 1).is_some_and(|w| w.is(&["time"])) {
            end += 2;
        }
    }
    // "on" before the day: "until midnight on Sunday".
    if toks.get(end).is_some_and(|w| w.is(&["on"])) {
        end += 1;
    }
    Some(end).filter(|&e| e < toks.len())
}

/// The day a quarter ends on when it is said after it: "ended Sept. 30",
/// ", which ended May 31", "ending Jan. 31, 1990".
fn quarter_end_after(toks: &[Tok<'_>], end: usize, text: &str, anchor: Date) -> Option<Date> {
    let mut k = end;
    if toks.get(k).is_some_and(|w| w.is(&["which", "that"])) {
        k += 1;
    }
    if !toks.get(k)?.is(&["ended", "ending", "ends"]) {
        return None;
    }
    let (_, core) = core_at(toks, k + 1, text).filter(|(_, c)| matches!(c, Core::Day { .. }))?;
    let day = resolve(core, anchor, Tense::Past)?.end;
    // Quarters end on a month's last day.
    (add_days(day, 1).day() == 1).then_some(day)
}

/// How a phrase is told: ahead when it looks ahead by itself ("next
/// week") or by its verb, back by its verb, else unknown.
fn told(future_phrase: bool, tense: Tense) -> Tense {
    if future_phrase { Tense::Future } else { tense }
}

/// Whether a date expression names its year.
fn has_year(core: Core) -> bool {
    match core {
        Core::Day { year, .. } | Core::Month { year, .. } | Core::Season { year, .. } => {
            year.is_some()
        }
        Core::Iso(_) | Core::Year(_) | Core::YearRange(..) | Core::Years { .. } => true,
        _ => false,
    }
}

/// Verbs that put something off or grant time: a deadline after them is
/// ahead even in past telling.
const DEFERRALS: &[&str] = &[
    "extended",
    "postponed",
    "adjourned",
    "delayed",
    "deferred",
    "suspended",
    "rescheduled",
    "recessed",
    "moved",
    "pushed",
    "put",
    "gave",
    "given",
    "granted",
    "allowed",
    "barred",
    "banned",
    "frozen",
    "froze",
];

/// A full phrase at token `i`: optional wrapper ("since", "by", "until"),
/// optional lead word ("on", "in"), optional part ("early", "the end of"),
/// then a date. Returns (first token, end token, when, how it is told).
// Token indices (i, k) and the token (t) read like the grammar they walk.
#[allow(clippy::many_single_char_names)]
pub(super) fn phrase_at(
    toks: &[Tok<'_>],
    i: usize,
    text: &str,
    anchor: Date,
) -> Option<(usize, usize, When, Tense)> {
    let t = &toks[i];
    // "each Thursday", "every month": a recurrence, never one event.
    if i > 0 && toks[i - 1].is(&["each", "every"]) {
        return None;
    }
    // "Updated Jan. 24, 2020 9:14 am ET": when the page changed, not an event.
    if i > 0
        && toks[i - 1].is(&["updated", "published", "posted", "modified", "revised"])
        && toks[i - 1].capitalized()
    {
        return None;
    }
    // A dateline ("WASHINGTON, Aug. 11 (Xinhua) --") dates the story; it is
    // not an event.
    if i > 0
        && is_dateline_city(&toks[i - 1])
        && toks[..i - 1]
            .iter()
            .all(|w| w.text.chars().all(char::is_uppercase))
    {
        return None;
    }
    // Wrappers.
    let open = match t.lower.as_ref() {
        "since" | "after" | "from" => Some(OpenEnd::After),
        "until" | "till" | "by" | "before" | "through" => Some(OpenEnd::Before),
        _ => None,
    };
    let mut k = i + usize::from(open.is_some());
    // "until 4 p.m. BST Thursday", "by midnight Sunday": the deadline's
    // day after its hour.
    if open.is_some()
        && let Some(after) = time_of_day_end(toks, k)
    {
        k = after;
    }
    if k < toks.len() && looks_like_a_name(toks, k) {
        return None;
    }
    // "in two weeks", "in the coming months" start with their preposition.
    let relative_from_lead =
        relative_at(toks, k).filter(|_| toks[k].is(&["in", "within", "over", "during"]));
    // A lead preposition kept in the phrase.
    let lead =
        relative_from_lead.is_none() && toks.get(k).is_some_and(|w| w.is(&["on", "in", "during"]));
    if lead {
        k += 1;
        // "in the third quarter", "in the spring".
        if toks.get(k).is_some_and(|w| w.is(&["the"]))
            && toks.get(k + 1).is_some_and(|w| {
                w.is(&["first", "second", "third", "fourth"]) || season_of(w).is_some()
            })
        {
            k += 1;
        }
        // "on This Week": a programme.
        if k < toks.len() && looks_like_a_name(toks, k) {
            return None;
        }
    }
    // Parts: "early", "mid", "late", "the end of", "the beginning of".
    let mut part_word: Option<String> = None;
    if let Some(w) = toks.get(k) {
        // ("late last month", "early next year": a part of that unit; not
        // "late last night".)
        if w.is(&["early", "mid", "late"])
            && (!toks
                .get(k + 1)
                .is_some_and(|n| n.is(&["this", "next", "last"]))
                || toks.get(k + 2).is_some_and(|n| {
                    n.is(&["week", "month", "year", "quarter"]) || season_of(n).is_some()
                }))
        {
            part_word = Some(w.lower.to_string());
            k += 1;
        } else if w.is(&["the"])
            && toks
                .get(k + 1)
                .is_some_and(|n| n.is(&["end", "beginning", "start", "middle"]))
            && toks.get(k + 2).is_some_and(|n| n.is(&["of"]))
        {
            part_word = Some(toks[k + 1].lower.to_string());
            k += 3;
        }
    }
    let (end, core, future_phrase) = if let Some((e, c)) =
        relative_from_lead.or_else(|| relative_at(toks, k))
    {
        let fut = matches!(
            c,
            Core::Vague { future: true, .. }
                | Core::InFuture { .. }
                | Core::PartOf { later: true, .. }
        ) || matches!(c, Core::Relative { offset: 1, .. })
            || matches!(c, Core::Today(1));
        (e, c, fut)
    } else if let Some((e, c)) = core_at(toks, k, text) {
        (e, c, false)
    } else if let Some(y) = toks.get(k).and_then(Tok::year) {
        // A bare year needs a preposition or part in front of it.
        // "a 2010 raid", "his 2007 campaign": a year before a noun.
        // "his 1990 earnings projection", "That 1978 resolution", "the 2000
        // Olympics", "predicting 1990 earnings": a year naming what follows
        // — not a count ("2000 shares", "1990 people").
        let plausible = (i32::from(anchor.year()) - 150..=i32::from(anchor.year()) + 30)
            .contains(&i32::from(y));
        let modifier = k > 0
            && plausible
            && toks[k].next == ' '
            && (toks[k - 1].is(&[
                "a", "an", "the", "his", "her", "its", "their", "our", "s", "that", "this",
                "these", "those", "whose",
            ]) || !toks[k - 1].capitalized()
                && toks[k - 1].number().is_none()
                && toks[k - 1].next == ' ')
            && toks.get(k + 1).is_some_and(|n| {
                n.number().is_none()
                    && n.year().is_none()
                    && !n.is(COUNTED)
                    && !n.is(NOT_A_NOUN)
                    && n.lower.len() > 1
            });
        let prev_ok = lead
            || part_word.is_some()
            || open.is_some()
            || modifier
            || k > 0
                && toks[k - 1].is(&[
                    "of", "from", "through", "to", "between", "and", "fiscal", "for", "into",
                    "due", "both", "beyond",
                ])
                && !toks.get(k + 1).is_some_and(|n| n.is(COUNTED));
        if !prev_ok || toks[k].next == '-' && toks.get(k + 1).is_some_and(|n| n.number().is_none())
        {
            return None;
        }
        (k + 1, Core::Year(y), false)
    } else if part_word.is_some()
        && toks.get(k).is_some_and(|w| w.is(&["the"]))
        && let Some(unit) = toks
            .get(k + 1)
            .filter(|w| !w.lower.ends_with('s'))
            .and_then(unit_of)
    {
        // "the end of the year", "the start of the month": the current one.
        (k + 2, Core::Relative { unit, offset: 0 }, false)
    } else if let Some(year) = year_in_words(toks, k) {
        // "nineteen ninety-six", "two thousand eight".
        (year.0, Core::Year(year.1), false)
    } else {
        return None;
    };
    // The direction comes from the verb the phrase hangs on, not from any
    // verb of the sentence ("a memorial planned for Saturday was cancelled").
    let mut tense = local_tense(toks, i, end).unwrap_or(Tense::Unknown);
    // "effective Dec. 7": when something takes effect, the nearest such day
    // whatever the tense around it.
    if i > 0 && toks[i - 1].is(&["effective"]) && tense == Tense::Past {
        tense = Tense::Unknown;
    }
    // "from Monday's losses", "before Friday's purchases": the preposition
    // is the noun's; the phrase is the day.
    let possessive =
        toks.get(end).is_some_and(|w| w.is(&["s"])) && matches!(toks[end - 1].next, '\'' | '’');
    // A deadline looks ahead: "until Friday", "before January", "by March"
    // (even in "the deadline was extended until Friday") — but "had filed
    // their reports by Wednesday" is a past deadline.
    if open == Some(OpenEnd::Before)
        && !possessive
        && (tense == Tense::Unknown
            || matches!(core, Core::Weekday { shift: 0, .. })
                && !t.is(&["by", "before"])
                && tense != Tense::Past)
    {
        tense = Tense::Future;
    }
    // "the hearing was postponed until March 6", "gave them until Friday":
    // what is put off or granted runs ahead of the telling, past verb or
    // not ("remained closed until March" stays in the past).
    if open == Some(OpenEnd::Before)
        && tense == Tense::Past
        && t.is(&["until", "till", "through"])
        && toks[i.saturating_sub(14)..i]
            .iter()
            .rev()
            .take_while(|w| !w.is(&["that", "which", "who", "but", "because", "after"]))
            .any(|w| w.is(DEFERRALS))
    {
        tense = Tense::Future;
    }
    let (open, lead, i) = if possessive && (open.is_some() || lead) {
        (
            None,
            false,
            i + usize::from(open.is_some()) + usize::from(lead),
        )
    } else {
        (open, lead, i)
    };
    // "Tuesday's declaration", "Thursday's closing price": a day named by
    // what happened on it, in wire copy the past one unless its clause
    // looks ahead ("ahead of Friday's vote, which will …").
    // (Only its own clause may look ahead: in "follows Tuesday's
    // declaration by Ford, which holds a stake, that it is prepared to bid"
    // the plan is Ford's, not the day's.)
    if matches!(core, Core::Weekday { shift: 0, .. })
        && possessive
        && clause_tense(toks, i, end) != Some(Tense::Future)
    {
        tense = Tense::Past;
    }
    // "since the 28th", "since March": what began before the telling.
    if t.is(&["since"]) {
        tense = Tense::Past;
    }
    // "in", "on" without a date after them are not part of anything.
    let mut when = resolve(core, anchor, tense)?;
    // "January of last year", "the spring of next year": that year's.
    let mut end = end;
    // ("July last year", "in March this year", "Jan. 5 next year" too.)
    let of = usize::from(toks.get(end).is_some_and(|w| w.is(&["of"])));
    if (of == 1
        || matches!(
            core,
            Core::Day { year: None, .. }
                | Core::Month { year: None, .. }
                | Core::Season { year: None, .. }
                | Core::Holiday(_)
        ))
        && let Some(offset) = toks.get(end + of).and_then(|w| match w.lower.as_ref() {
            "last" | "previous" => Some(-1),
            "this" => Some(0),
            "the" if of == 1 => Some(0),
            "next" => Some(1),
            _ => None,
        })
        && toks.get(end + of + 1).is_some_and(|w| w.is(&["year"]))
        && when.start.year() == when.end.year()
    {
        let years = i64::from(anchor.year() + offset - when.start.year());
        when.start = add_months(when.start, 12 * years);
        when.end = add_months(when.end, 12 * years);
        end += of + 2;
    }
    // "its fiscal fourth quarter, which ended May 31", "the quarter ended
    // Sept. 30": the three months to that day, whatever the quarter's
    // number in a fiscal calendar.
    if super::backref::is_quarter(&when)
        && let Some(day) = quarter_end_after(toks, end, text, anchor)
    {
        // (The first day of the month two before the one it ends in.)
        when.start = add_months(add_days(day, 1 - i64::from(day.day())), -2);
        when.end = day;
    }
    // "the 2000 fiscal year, which ended Sept. 30", "fiscal 1990, which
    // ended June 30": the twelve months to that day.
    if when.precision == Precision::Year {
        let mut e = end;
        if toks.get(e).is_some_and(|w| w.is(&["fiscal"])) {
            e += 1;
        }
        if toks.get(e).is_some_and(|w| w.is(&["year"])) {
            e += 1;
        }
        let fiscal = e > end || toks[..end].iter().rev().take(3).any(|w| w.is(&["fiscal"]));
        if fiscal && let Some(day) = quarter_end_after(toks, e, text, anchor) {
            when.start = add_months(add_days(day, 1 - i64::from(day.day())), -11);
            when.end = day;
            when.precision = Precision::Range;
            end = e;
        }
    }
    if let Some(p) = &part_word {
        when = part(&when, p);
    }
    // Explicit ranges: "from March to May", "between 2019 and 2021", "Jan. 20-26".
    // ("Tuesday through Thursday", "March through May" need no "from".)
    let wrapped = i > 0 && toks[i - 1].is(&["from", "between"]) || t.is(&["from", "between"]);
    if let Some(joiner) = toks
        .get(end)
        .filter(|j| j.is(&["to", "through", "and", "until"]))
        && (wrapped
            || joiner.is(&["through"])
                && open.is_none()
                && matches!(core, Core::Weekday { shift: 0, .. } | Core::Month { .. }))
        && let Some((e2, c2)) = core_at(toks, end + 1, text)
            .or_else(|| {
                toks.get(end + 1)
                    .and_then(Tok::year)
                    .map(|y| (end + 2, Core::Year(y)))
            })
            .or_else(|| match core {
                // "from April 10 to 14": the same month.
                Core::Day { month, year, .. } => toks
                    .get(end + 1)
                    .and_then(Tok::day)
                    .map(|day| (end + 2, Core::Day { month, day, year })),
                _ => None,
            })
        && (wrapped || std::mem::discriminant(&c2) == std::mem::discriminant(&core))
        && let Some(mut w2) = resolve(c2, anchor, tense)
    {
        // "from October to March", "Friday through Monday": the second
        // comes after the first.
        if w2.end < when.start && !has_year(c2) {
            if matches!(c2, Core::Weekday { .. }) {
                w2.start = add_days(w2.start, 7);
                w2.end = add_days(w2.end, 7);
            } else {
                w2.start = add_months(w2.start, 12);
                w2.end = add_months(w2.end, 12);
            }
        }
        let first = if !wrapped || t.is(&["from", "between"]) {
            i
        } else {
            i - 1
        };
        let mut w = When::span(when.start, w2.end.max(when.start), Precision::Range);
        w.approximate = when.approximate || w2.approximate;
        return Some((first, e2, w, told(future_phrase, tense)));
    }
    // "Jan. 20-26": a day range within one month.
    if let Core::Day { month, year, .. } = core
        && matches!(toks[end - 1].next, '-' | '–')
        && let Some(d2) = toks.get(end).and_then(Tok::day)
    {
        let y = year.unwrap_or(when.start.year());
        if let Ok(d) = Date::new(y, month, d2) {
            let w = When::span(when.start, d.max(when.start), Precision::Range);
            return Some((i, end + 1, w, told(future_phrase, tense)));
        }
    }
    if let Some(open) = open {
        // "after March" starts in April, "before 2022" ends on Dec 31, 2021;
        // "by", "until", "through" include what they name.
        let len = (when.end - when.start).get_days();
        match open {
            OpenEnd::After if t.is(&["since"]) => {
                when = When::span(when.start, anchor.max(when.start), Precision::Range);
            }
            // "from Dec. 31, carriers may not buy": from that day on.
            OpenEnd::After if t.is(&["from"]) => when.open = Some(open),
            OpenEnd::After => {
                let start = add_days(when.end, 1);
                when = When::span(start, add_days(start, i64::from(len)), when.precision);
                when.open = Some(open);
            }
            OpenEnd::Before if t.is(&["before"]) => {
                let end = add_days(when.start, -1);
                when = When::span(add_days(end, -i64::from(len)), end, when.precision);
                when.open = Some(open);
            }
            OpenEnd::Before => when.open = Some(open),
        }
    }
    let first = if open.is_some() || lead {
        i
    } else {
        k.min(i + usize::from(part_word.is_some()))
    };
    let first = if part_word.is_some() && !lead && open.is_none() {
        i
    } else {
        first
    };
    Some((first, end, when, told(future_phrase, tense)))
}
