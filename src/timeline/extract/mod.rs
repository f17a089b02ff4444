//! Finding dated phrases in an article and resolving them against its
//! publication date: "Jan. 31", "January 31, 2020", "next week", "last
//! month", "later this year", "on Monday", "two weeks ago", "in the coming
//! months", "spring 2021", "the third quarter", "since 2019", …
//!
//! Which way an incomplete date goes, in order (first that applies wins):
//! 1. An explicit modifier. "last/this/next" + unit is the unit before,
//!    containing, or after the publication date's ("last week" is the
//!    Monday–Sunday week before); + month name: "last May" is the latest
//!    May before this month, "this May" this year's, "next May" the first
//!    after this month; + weekday: the one before / in this week / after.
//!    "The past week", "in the last month" are the 7 days / the month up to
//!    the publication date; "the past few days", "the next two years" the
//!    same with a count (few = 3, couple = 2, several = 6, approximate).
//! 2. A back-reference counts from the last date found before it, across
//!    paragraphs ("the next day", "that year", "two days later"; a day's
//!    step from the last single day) and records it as `resolved_against`.
//! 3. The tense of the verb the phrase hangs on: the nearest tense marker to
//!    it in its sentence (before it on a tie). A plan's participle takes
//!    its auxiliary's tense ("is due", "was expected") or none ("a rally
//!    planned for Friday was cancelled"); "said" counts only for its own
//!    date; "will be held" is future. A bare weekday that is the
//!    publication day is that day, whatever the tense. Deadlines ("until",
//!    "by", "before", "through") look ahead.
//! 4. Nearness to the publication date: the nearest month, day, season or
//!    holiday, unless the tense points the other way.
//!
//! Ranges and open ends (EDTF in exports): "between March and May" and
//! "2009-2010" are closed ranges; "since 2015" runs to the publication
//! date; "by 2027" and "until June" end on the last day they name
//! (`../2027-12-31`); "before 2022" ends the day before (`../2021-12-31`);
//! "after March" starts the day after (`2020-04-01/..`); "from Dec. 31" on
//! that day. Parts: early/mid/late thirds of a unit (of a decade: years 0–3,
//! 3–6, 6–9). Durations ("for three years") and recurrences ("each
//! Thursday") are typed as such ([`TimeKind`]) and never offered as events.
//!
//! Words that only look like dates are skipped: "may" the verb, Theresa
//! May, "next-generation", "the Sunday Times", first names ("Jan Kavan",
//! "Robin Sunday"), titles ("This Week", "the Today programme"), "today's
//! youth", datelines ("WASHINGTON, Aug. 11 (Xinhua) --").

use jiff::civil::Date;

mod backref;
mod grammar;
mod resolve;
mod text;
mod time_words;

use backref::{backref_at, resolve_backref};
use grammar::{core_at, is_time_word, relative_at};
use resolve::{Core, part, resolve, season_of, unit_of};
use text::{Tense, Tok, local_tense, sentences, tense_of, tokens};
use time_words::{duration_or_set_at, is_dateline_city, looks_like_a_name, year_in_words};

use super::when::{OpenEnd, Precision, When, add_days, add_months};
use crate::document::{BlockKind, CharIdx, CharRange, Document, TextIndex, month_from_name};

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

/// One dated phrase found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct DatedPhrase {
    /// The phrase as written ("on Jan. 31").
    pub phrase: String,
    /// Its chars in the text.
    pub range: CharRange,
    /// What it resolves to.
    pub when: When,
    /// The sentence it is in.
    pub sentence: CharRange,
    /// True when the sentence reports something expected or planned.
    pub expected: bool,
    /// A date, or a duration or recurrence (never offered as an event; its
    /// `when` is then only the publication day).
    pub kind: TimeKind,
}

/// What a phrase about time names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeKind {
    /// A point or span on the calendar: can be an event.
    #[default]
    Date,
    /// A length of time: "for three years", "two days", "in a decade".
    Duration,
    /// A recurrence: "each Thursday", "every month", "weekly".
    Set,
}

impl TimeKind {
    /// Its name in exports and the CLI: `date`, `duration`, `set`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            TimeKind::Date => "date",
            TimeKind::Duration => "duration",
            TimeKind::Set => "set",
        }
    }
}

/// The dates back-references count from: the last one found (not a span
/// such as "since 2019"), and the last single day.
type References = (Option<When>, Option<When>);

/// Dated phrases in the reading blocks of `doc` (not the title or dateline),
/// in text order, resolved against `anchor`.
#[must_use]
pub fn extract_from_document(doc: &Document, anchor: Date) -> Vec<DatedPhrase> {
    let mut out = Vec::new();
    for_each_dated_phrase(doc, anchor, |found| out.push(found));
    out
}

/// Calls `each` with the dated phrases of `doc`'s reading blocks, in text
/// order, as [`extract_from_document`] lists them — without holding them
/// all at once (a book has tens of thousands).
pub fn for_each_dated_phrase(doc: &Document, anchor: Date, mut each: impl FnMut(DatedPhrase)) {
    let index = TextIndex::new(&doc.text);
    let mut block_out = Vec::new();
    let mut reference = References::default();
    for block in &doc.blocks {
        if matches!(
            block.kind,
            BlockKind::Title | BlockKind::Dateline | BlockKind::Code
        ) {
            continue;
        }
        let text = doc.block_text(block);
        scan_block(
            text,
            block.range.start,
            &index,
            anchor,
            &mut reference,
            &mut block_out,
        );
        block_out.drain(..).for_each(&mut each);
    }
}

/// Dated phrases in a plain string (offsets into it).
#[must_use]
pub fn extract_dates(text: &str, anchor: Date) -> Vec<DatedPhrase> {
    let index = TextIndex::new(text);
    let mut out = Vec::new();
    let mut reference = References::default();
    for para in split_paragraphs(text) {
        let start = index.char_of(para.0);
        scan_block(
            &text[para.0..para.1],
            start,
            &index,
            anchor,
            &mut reference,
            &mut out,
        );
    }
    out
}

fn split_paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        out.push((start, i));
        start = i + 2;
    }
    out.push((start, text.len()));
    out
}

/// Scans one block (its text starts at char `base` of the document).
fn scan_block(
    text: &str,
    base: CharIdx,
    index: &TextIndex<'_>,
    anchor: Date,
    reference: &mut References,
    out: &mut Vec<DatedPhrase>,
) {
    let block_byte = index.byte_of(base);
    for (s_start, s_end) in sentences(text) {
        let sentence = &text[s_start..s_end];
        let toks = tokens(sentence);
        // Every phrase about time holds a word of time; most sentences of
        // a book hold none and are passed over quickly.
        if !toks.iter().any(is_time_word) {
            continue;
        }
        let tense = tense_of(&toks);
        let sentence_range = CharRange {
            start: index.char_of(block_byte + s_start),
            end: index.char_of(block_byte + s_end),
        };
        let mut i = 0;
        let mut set_end: Option<usize> = None;
        while i < toks.len() {
            // "The next day", "two days later": from the last date before
            // (a day's step from the last day named).
            let backref = backref_at(&toks, i).and_then(|(end, b)| {
                let r = if b.is_daily() {
                    reference.1.as_ref()
                } else {
                    reference.0.as_ref()
                }?;
                Some((end, resolve_backref(b, r)?, r.start))
            });
            // A year's comparison ("a year earlier", "a year ago" of a
            // quarter) looks back from the period being told; it does not
            // become that period.
            let comparison = backref.is_some()
                && backref_at(&toks, i).is_some_and(|(_, b)| b.is_year_comparison());
            let (kind, found, against) = match (backref, duration_or_set_at(&toks, i)) {
                (Some((end, when, against)), _) => {
                    (TimeKind::Date, Some((i, end, when, false)), against)
                }
                (None, Some((end, kind))) => {
                    (kind, Some((i, end, When::day(anchor), false)), anchor)
                }
                (None, None) => (
                    TimeKind::Date,
                    phrase_at(&toks, i, sentence, anchor),
                    anchor,
                ),
            };
            let Some((first, end, when, inherently_future)) = found else {
                i += 1;
                continue;
            };
            // "every year in May": a date right after a recurrence is part of it.
            let kind = if set_end == Some(first) && toks[first].is(&["in", "on", "at", "during"]) {
                TimeKind::Set
            } else {
                kind
            };
            set_end = (kind == TimeKind::Set).then_some(end);
            let (a, b) = (toks[first].start, toks[end - 1].end);
            let last = &toks[end - 1];
            let abbreviated = last.text.len() <= 4
                && month_from_name(last.text).is_some()
                && !last.is(&["may", "june", "july"]);
            let b = if abbreviated && sentence[b..].starts_with('.') {
                b + 1
            } else {
                b
            };
            let mut when = when;
            sentence[a..b].clone_into(&mut when.phrase);
            when.resolved_against = Some(against);
            if kind == TimeKind::Date
                && !comparison
                && when.open.is_none()
                && when.precision != Precision::Range
            {
                if when.precision == Precision::Day {
                    reference.1 = Some(when.clone());
                }
                reference.0 = Some(when.clone());
            }
            let expected = kind == TimeKind::Date
                && (inherently_future
                    || when.start > anchor
                    || (tense == Tense::Future && when.end >= anchor));
            out.push(DatedPhrase {
                phrase: when.phrase.clone(),
                range: CharRange {
                    start: index.char_of(block_byte + s_start + a),
                    end: index.char_of(block_byte + s_start + b),
                },
                when,
                sentence: sentence_range,
                expected,
                kind,
            });
            i = end;
        }
    }
}

/// A full phrase at token `i`: optional wrapper ("since", "by", "until"),
/// optional lead word ("on", "in"), optional part ("early", "the end of"),
/// then a date. Returns (first token, end token, when, inherently future).
// Token indices (i, k) and the token (t) read like the grammar they walk.
#[allow(clippy::many_single_char_names)]
fn phrase_at(
    toks: &[Tok<'_>],
    i: usize,
    text: &str,
    anchor: Date,
) -> Option<(usize, usize, When, bool)> {
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
    if i > 0 && is_dateline_city(&toks[i - 1]) {
        return None;
    }
    // Wrappers.
    let open = match t.lower.as_ref() {
        "since" | "after" | "from" => Some(OpenEnd::After),
        "until" | "till" | "by" | "before" | "through" => Some(OpenEnd::Before),
        _ => None,
    };
    let mut k = i + usize::from(open.is_some());
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
        if w.is(&["early", "mid", "late"])
            && !toks
                .get(k + 1)
                .is_some_and(|n| n.is(&["this", "next", "last"]))
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
    // A deadline looks ahead: "until Friday", "before January", "by March"
    // (even in "the deadline was extended until Friday").
    if open == Some(OpenEnd::Before)
        && (tense == Tense::Unknown || matches!(core, Core::Weekday { shift: 0, .. }))
    {
        tense = Tense::Future;
    }
    // "Tuesday's declaration", "Thursday's closing price": a day named by
    // what happened on it, in wire copy the past one unless its clause
    // looks ahead ("ahead of Friday's vote, which will …").
    if matches!(core, Core::Weekday { shift: 0, .. })
        && tense != Tense::Future
        && toks.get(end).is_some_and(|w| w.is(&["s"]))
        && matches!(toks[end - 1].next, '\'' | '’')
    {
        tense = Tense::Past;
    }
    // "in", "on" without a date after them are not part of anything.
    let mut when = resolve(core, anchor, tense)?;
    // "January of last year", "the spring of next year": that year's.
    let mut end = end;
    if toks.get(end).is_some_and(|w| w.is(&["of"]))
        && let Some(offset) = toks.get(end + 1).and_then(|w| match w.lower.as_ref() {
            "last" | "previous" => Some(-1),
            "this" | "the" => Some(0),
            "next" => Some(1),
            _ => None,
        })
        && toks.get(end + 2).is_some_and(|w| w.is(&["year"]))
        && when.start.year() == when.end.year()
    {
        let years = i64::from(anchor.year() + offset - when.start.year());
        when.start = add_months(when.start, 12 * years);
        when.end = add_months(when.end, 12 * years);
        end += 3;
    }
    if let Some(p) = &part_word {
        when = part(&when, p);
    }
    // Explicit ranges: "from March to May", "between 2019 and 2021", "Jan. 20-26".
    if let Some(joiner) = toks
        .get(end)
        .filter(|j| j.is(&["to", "through", "and", "until"]))
        && (i > 0 && toks[i - 1].is(&["from", "between"]) || t.is(&["from", "between"]))
        && let Some((e2, c2)) = core_at(toks, end + 1, text).or_else(|| {
            toks.get(end + 1)
                .and_then(Tok::year)
                .map(|y| (end + 2, Core::Year(y)))
        })
        && let Some(w2) = resolve(c2, anchor, tense)
    {
        let _ = joiner;
        let first = if t.is(&["from", "between"]) { i } else { i - 1 };
        let mut w = When::span(when.start, w2.end.max(when.start), Precision::Range);
        w.approximate = when.approximate || w2.approximate;
        return Some((first, e2, w, future_phrase));
    }
    // "Jan. 20-26": a day range within one month.
    if let Core::Day { month, year, .. } = core
        && matches!(toks[end - 1].next, '-' | '–')
        && let Some(d2) = toks.get(end).and_then(Tok::day)
    {
        let y = year.unwrap_or(when.start.year());
        if let Ok(d) = Date::new(y, month, d2) {
            let w = When::span(when.start, d.max(when.start), Precision::Range);
            return Some((i, end + 1, w, future_phrase));
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
    Some((first, end, when, future_phrase))
}
