//! Words about time that are not plain dates, and words that only look
//! like dates: durations and recurrences ("for three years", "each
//! Thursday"), named days ("Christmas Eve", "Easter", "the weekend"), and
//! names, titles and datelines ("Jan Kavan", "This Week", "WASHINGTON,").

use super::TimeKind;
use super::resolve::{Core, Holiday, Unit, count_of, season_of, unit_of};
use super::text::Tok;
use crate::timeline::when::weekday_from_name;
use jiff::civil::Weekday;

/// Adverbs of recurrence: "weekly", "annually", ….
pub(super) const RECURRING: &[&str] = &[
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "quarterly",
    "fortnightly",
    "biweekly",
    "nightly",
    "hourly",
];

/// "a 6-year-old", "a 44-year sentence", "a two-week-long strike": a
/// length joined to what it measures is an age or a size, no time
/// expression at all. Returns the token after it.
pub(super) fn age_or_size_at(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let (j, _, _) = super::resolve::count_of(toks, i)?;
    if j != i + 1 || toks[i].next != '-' {
        return None;
    }
    let unit = toks.get(j).filter(|u| unit_of(u).is_some())?;
    let old = unit.next == '-' && toks.get(j + 1).is_some_and(|w| w.is(&["old", "long"]));
    let noun = unit.next == ' '
        && toks.get(j + 1).is_some_and(|w| {
            !w.capitalized()
                && !w.is(&[
                    "ago", "later", "earlier", "before", "after", "period", "and", "or", "to",
                    "of", "in", "on", "at", "for", "from", "the", "a", "an",
                ])
        })
        && i > 0
        && toks[i - 1].is(&["a", "an", "the", "his", "her", "its", "their", "s"]);
    if old {
        Some(j + 2)
    } else if noun {
        Some(j + 1)
    } else {
        None
    }
}

/// A duration or a recurrence starting at token `i`: "for three years",
/// "two days", "for weeks", "the smallest gain in a year", "in 100 days";
/// "each Thursday", "every two years", "weekly", "twice a year", "on
/// Mondays". Returns its end token and kind.
#[expect(
    clippy::many_single_char_names,
    reason = "token indices (i, j, k), the token (t) and a count (n) read like the grammar they walk"
)]
pub(super) fn duration_or_set_at(toks: &[Tok<'_>], i: usize) -> Option<(usize, TimeKind)> {
    let t = &toks[i];
    let at = |k: usize, words: &[&str]| toks.get(k).is_some_and(|w| w.is(words));
    let timely = |w: &Tok<'_>| {
        unit_of(w).is_some()
            || weekday_from_name(w.lower.trim_end_matches('s')).is_some()
            || w.month().is_some()
            || season_of(w).is_some()
    };
    // Recurrences.
    if t.is(&["each", "every"]) {
        let mut k = i + 1;
        if !at(k, &["a", "an"])
            && let Some((j, _, _)) = count_of(toks, k)
        {
            k = j;
        }
        return toks
            .get(k)
            .filter(|w| timely(w))
            .map(|_| (k + 1, TimeKind::Set));
    }
    if t.is(RECURRING) {
        return Some((i + 1, TimeKind::Set));
    }
    if t.is(&["once", "twice"])
        && at(i + 1, &["a", "an", "per", "every", "each"])
        && toks.get(i + 2).and_then(unit_of).is_some()
    {
        return Some((i + 3, TimeKind::Set));
    }
    if t.is(&["on"])
        && toks.get(i + 1).is_some_and(|w| {
            w.capitalized()
                && w.lower.ends_with('s')
                && weekday_from_name(&w.lower[..w.lower.len() - 1]).is_some()
        })
    {
        return Some((i + 2, TimeKind::Set));
    }
    // Durations.
    let mut k = i;
    let lead_for = t.is(&["for"]);
    if lead_for {
        k += 1;
        while at(
            k,
            &[
                "more", "less", "than", "nearly", "almost", "about", "over", "under",
            ],
        ) {
            k += 1;
        }
    }
    // "in a year", "in a decade" after a superlative; "in 100 days".
    let lead_in = t.is(&["in", "within"]);
    if lead_in {
        k += 1;
    }
    let is_decade = |w: &Tok<'_>| w.is(&["decade", "decades", "century", "centuries"]);
    let (j, n, bare) = match count_of(toks, k) {
        Some((j, n, _)) => (j, n, false),
        None if toks
            .get(k)
            .is_some_and(|w| unit_of(w).is_some() || is_decade(w)) =>
        {
            (k, 2, true)
        }
        None => return None,
    };
    let unit_tok = toks.get(j)?;
    let decade = is_decade(unit_tok);
    if unit_of(unit_tok).is_none() && !decade {
        return None;
    }
    // "two weeks ago", "a year earlier", "three days later" are dates.
    if at(
        j + 1,
        &["ago", "earlier", "later", "before", "after", "from"],
    ) {
        return None;
    }
    let plural = unit_tok.lower.ends_with('s');
    if lead_in {
        let superlative = toks[..i].iter().rev().take(6).any(|w| {
            w.is(&["first", "most", "only", "least"])
                || (w.lower.ends_with("est") && w.lower.len() > 4)
        });
        let long = n > 31 && unit_of(unit_tok) == Some(Unit::Day);
        return (superlative || long || decade).then_some((j + 1, TimeKind::Duration));
    }
    if bare {
        // "for weeks", "could take years", "months of debate".
        let taking = lead_for
            || i > 0
                && toks[i - 1].is(&[
                    "take", "takes", "took", "taking", "last", "lasted", "spent", "spend",
                ]);
        return (plural && (taking || at(j + 1, &["of"]))).then_some((j + 1, TimeKind::Duration));
    }
    // "three days", "a week", "18 months": a length, not a date — unless a
    // relative phrase owns it ("the next two years", "in two weeks").
    if !lead_for
        && i > 0
        && toks[i - 1].is(&[
            "next", "past", "last", "coming", "in", "within", "the", "first", "second",
        ])
    {
        return None;
    }
    if at(j + 1, &["of"]) && !plural {
        return None; // "a week of drama" is neither
    }
    Some((j + 1, TimeKind::Duration))
}

/// A named day at `i`: "Christmas (Eve|Day)", "New Year's (Day|Eve)",
/// "Thanksgiving", "Easter (Sunday|Monday)", "the weekend".
pub(super) fn named_day_at(toks: &[Tok<'_>], i: usize) -> Option<(usize, Core)> {
    let t = &toks[i];
    let at = |k: usize, words: &[&str]| toks.get(k).is_some_and(|w| w.is(words));
    if t.is(&["christmas"]) && t.capitalized() {
        if at(i + 1, &["eve"]) {
            return Some((i + 2, Core::Holiday(Holiday::ChristmasEve)));
        }
        let end = if at(i + 1, &["day"]) { i + 2 } else { i + 1 };
        return Some((end, Core::Holiday(Holiday::Christmas)));
    }
    if t.is(&["new"]) && t.capitalized() && at(i + 1, &["year"]) {
        let k = if at(i + 2, &["s"]) { i + 3 } else { i + 2 };
        if at(k, &["day"]) {
            return Some((k + 1, Core::Holiday(Holiday::NewYearsDay)));
        }
        if at(k, &["eve"]) {
            return Some((k + 1, Core::Holiday(Holiday::NewYearsEve)));
        }
        return None;
    }
    if t.is(&["thanksgiving"]) && t.capitalized() {
        return Some((i + 1, Core::Holiday(Holiday::Thanksgiving)));
    }
    if t.is(&["easter"]) && t.capitalized() {
        return Some(match toks.get(i + 1) {
            Some(n) if n.is(&["sunday"]) => (i + 2, Core::Holiday(Holiday::Easter(0))),
            Some(n) if n.is(&["monday"]) => (i + 2, Core::Holiday(Holiday::Easter(1))),
            // "Easter week": Easter Sunday and the six days after it.
            Some(n) if n.is(&["week"]) => (i + 2, Core::HolidayWeek(Holiday::Easter(0))),
            _ => (i + 1, Core::Holiday(Holiday::Easter(0))),
        });
    }
    if t.capitalized()
        && named_day_first_word(&t.lower)
        && let Some((words, holiday)) = NAMED_DAYS.iter().find(|(words, _)| {
            words
                .iter()
                .enumerate()
                .all(|(n, w)| toks.get(i + n).is_some_and(|tok| tok.is(&[w])))
        })
    {
        return Some((i + words.len(), Core::Holiday(*holiday)));
    }
    if t.is(&["weekend"]) && i > 0 && toks[i - 1].is(&["the", "this"]) {
        return Some((i + 1, Core::Weekend));
    }
    None
}

/// Named days of the calendar, as words ("s" is a possessive's).
const NAMED_DAYS: &[(&[&str], Holiday)] = &[
    (&["good", "friday"], Holiday::Easter(-2)),
    (&["black", "friday"], Holiday::AfterThanksgiving(1)),
    (&["cyber", "monday"], Holiday::AfterThanksgiving(4)),
    (&["memorial", "day"], Holiday::Nth(5, Weekday::Monday, -1)),
    (&["labor", "day"], Holiday::Nth(9, Weekday::Monday, 1)),
    (&["columbus", "day"], Holiday::Nth(10, Weekday::Monday, 2)),
    (&["presidents", "day"], Holiday::Nth(2, Weekday::Monday, 3)),
    (&["mother", "s", "day"], Holiday::Nth(5, Weekday::Sunday, 2)),
    (&["mothers", "day"], Holiday::Nth(5, Weekday::Sunday, 2)),
    (&["father", "s", "day"], Holiday::Nth(6, Weekday::Sunday, 3)),
    (&["fathers", "day"], Holiday::Nth(6, Weekday::Sunday, 3)),
    (&["valentine", "s", "day"], Holiday::Fixed(2, 14)),
    (&["independence", "day"], Holiday::Fixed(7, 4)),
    (&["fourth", "of", "july"], Holiday::Fixed(7, 4)),
    (&["bastille", "day"], Holiday::Fixed(7, 14)),
    (&["canada", "day"], Holiday::Fixed(7, 1)),
    (&["anzac", "day"], Holiday::Fixed(4, 25)),
    (&["juneteenth"], Holiday::Fixed(6, 19)),
    (&["halloween"], Holiday::Fixed(10, 31)),
    (&["veterans", "day"], Holiday::Fixed(11, 11)),
    (&["remembrance", "day"], Holiday::Fixed(11, 11)),
    (&["armistice", "day"], Holiday::Fixed(11, 11)),
    (&["boxing", "day"], Holiday::Fixed(12, 26)),
];

/// Whether `word` opens a name in [`NAMED_DAYS`] (a quick test: most
/// capitalised words open none).
fn named_day_first_word(word: &str) -> bool {
    matches!(
        word,
        "good"
            | "black"
            | "cyber"
            | "memorial"
            | "labor"
            | "columbus"
            | "presidents"
            | "mother"
            | "mothers"
            | "father"
            | "fathers"
            | "valentine"
            | "independence"
            | "fourth"
            | "bastille"
            | "canada"
            | "anzac"
            | "juneteenth"
            | "halloween"
            | "veterans"
            | "remembrance"
            | "armistice"
            | "boxing"
    )
}

/// Words that only look like dates: a first name ("Jan Kavan", "Robin
/// Sunday"), a programme ("This Week", "the Today programme"), a weekday as
/// a modifier ("the Monday market", "the paper's Saturday edition"), and
/// "today's youth", "the people of tomorrow".
/// Words that open a sentence before a date: "Also Thursday, …",
/// "Earlier Sunday, …" — not a first name.
const SENTENCE_ADVERBS: &[&str] = &[
    "also",
    "earlier",
    "later",
    "then",
    "but",
    "so",
    "yet",
    "and",
    "or",
    "since",
    "as",
    "just",
    "only",
    "again",
    "meanwhile",
    "separately",
    "elsewhere",
    "still",
    "until",
    "late",
    "early",
    "by",
    "on",
    "last",
    "next",
    "this",
    "every",
    "each",
    "before",
    "after",
    "through",
    "from",
];

/// Nouns after "today's" that make it "nowadays": "today's youth".
const GENERIC_AFTER_TODAY: &[&str] = &[
    "youth",
    "world",
    "society",
    "generation",
    "children",
    "kids",
    "young",
    "teenagers",
    "technology",
    "standards",
    "culture",
    "economy",
    "families",
    "schools",
    "women",
    "men",
    "market",
    "markets",
    "politics",
    "politicians",
    "students",
    "consumers",
    "workers",
    "media",
    "global",
    "modern",
    "fast",
];

pub(super) fn looks_like_a_name(toks: &[Tok<'_>], i: usize) -> bool {
    let t = &toks[i];
    let next = toks.get(i + 1);
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    let sentence_start = i == 0;
    // "Jan Kavan": an abbreviation without its dot, then a name.
    if t.is(&[
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]) && t.next == ' '
        && next.is_some_and(|n| n.capitalized() && n.month().is_none() && n.number().is_none())
    {
        return true;
    }
    // "This Week", "Today" in the middle of a sentence: a title.
    if !sentence_start
        && t.capitalized()
        && (t.is(&["today", "tonight", "tomorrow", "yesterday"])
            || t.is(&["this"])
                && next.is_some_and(|n| n.capitalized() && n.is(&["week", "morning"])))
    {
        return true;
    }
    // "today's youth", "the people of tomorrow", "Today the company is …"
    // — but "today's editions", "yesterday's announcement", "tomorrow's
    // vote" are days.
    if t.is(&["today", "tomorrow", "yesterday"])
        && (matches!(t.next, '\'' | '’')
            && toks.get(i + 2).is_none_or(|n| n.is(GENERIC_AFTER_TODAY))
            || prev.is_some_and(|p| p.is(&["of"])))
    {
        return true;
    }
    if t.is(&["today"]) && sentence_start && next.is_some_and(|n| !n.is(&["at", "on", "in"])) {
        let present = toks[1..toks.len().min(6)]
            .iter()
            .any(|w| w.is(&["is", "are", "has", "have"]));
        if present {
            return true;
        }
    }
    if weekday_from_name(&t.lower).is_some() && t.capitalized() {
        // "Robin Sunday chairs": a first name and a surname opening the
        // sentence (or after a title: "Mr. Robin Sunday"). Elsewhere a
        // weekday after a name is wire copy's date: "The World Court
        // Friday rejected", "met with Sununu Sunday".
        let named_person = (i == 1
            || i > 1 && toks[i - 2].is(&["mr", "mrs", "ms", "dr", "miss", "sir", "by"]))
            && !prev.is_some_and(|p| p.is(SENTENCE_ADVERBS));
        if named_person
            && prev.is_some_and(|p| {
                p.capitalized()
                    && p.month().is_none()
                    && !p.is(&[
                        "on", "last", "next", "this", "by", "until", "since", "from", "and", "or",
                        "every", "each", "before", "after", "through", "till", "early", "late",
                        "easter", "super", "black", "cyber", "palm", "good", "ash", "holy",
                    ])
            })
        {
            return true;
        }
        // "Sunday school", "Saturday school": an institution.
        if next.is_some_and(|n| n.is(&["school", "schools"])) {
            return true;
        }
        // "the Monday market", "the paper's Saturday edition" — but "the
        // Tuesday deadline", "the Sunday vote" are one day's.
        if prev.is_some_and(|p| p.is(&["the", "s"]))
            && next.is_some_and(|n| {
                !n.capitalized()
                    && !n.is(&["morning", "afternoon", "evening", "night", "and", "or"])
                    && !n.is(OCCASIONS)
            })
        {
            return true;
        }
    }
    false
}

/// What happens on one day, after "the" and a weekday: "the Tuesday
/// deadline", "the Sunday vote".
const OCCASIONS: &[&str] = &[
    "deadline",
    "meeting",
    "vote",
    "election",
    "elections",
    "ballot",
    "referendum",
    "summit",
    "hearing",
    "announcement",
    "decision",
    "ruling",
    "verdict",
    "attack",
    "attacks",
    "bombing",
    "raid",
    "crash",
    "explosion",
    "shooting",
    "rally",
    "speech",
    "debate",
    "primary",
    "launch",
    "ceremony",
    "funeral",
    "session",
    "talks",
    "strike",
    "massacre",
    "killings",
];

/// An all-capitals place name followed by a comma or a bracket, as at the
/// head of a wire story ("NAIROBI, Kenya (AP) _", "LONDON, Aug. 12").
pub(super) fn is_dateline_city(t: &Tok<'_>) -> bool {
    t.text.len() >= 3 && t.text.chars().all(char::is_uppercase) && matches!(t.next, ',' | '(')
}

/// A year written in words, as in transcripts: "nineteen ninety-six",
/// "nineteen seventy", "two thousand eight", "twenty twenty". Returns its
/// end token and the year.
pub(super) fn year_in_words(toks: &[Tok<'_>], i: usize) -> Option<(usize, i16)> {
    const UNITS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    const TEENS: [&str; 10] = [
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let word = |k: usize| toks.get(k).map(|t| t.lower.as_ref());
    let index = |list: &[&str], w: Option<&str>| {
        w.and_then(|w| list.iter().position(|x| *x == w))
            .and_then(|p| i16::try_from(p).ok())
    };
    // A number from 1 to 99 at k: "six", "twelve", "ninety-six", "seventy".
    let small = |k: usize| -> Option<(usize, i16)> {
        if let Some(u) = index(&UNITS, word(k)).filter(|&u| u > 0) {
            return Some((k + 1, u));
        }
        if let Some(t) = index(&TEENS, word(k)) {
            return Some((k + 1, 10 + t));
        }
        let tens = index(&TENS, word(k))?;
        let value = 20 + 10 * tens;
        if toks.get(k).is_some_and(|t| t.next == '-')
            && let Some(u) = index(&UNITS, word(k + 1)).filter(|&u| u > 0)
        {
            return Some((k + 2, value + u));
        }
        Some((k + 1, value))
    };
    // "two thousand [and] eight".
    if word(i) == Some("two") && word(i + 1) == Some("thousand") {
        let k = if word(i + 2) == Some("and") {
            i + 3
        } else {
            i + 2
        };
        return Some(small(k).map_or((i + 2, 2000), |(e, n)| (e, 2000 + n)));
    }
    // "nineteen ninety-six", "eighteen twelve", "twenty twenty".
    let century = match index(&TEENS, word(i)) {
        Some(t) if t >= 8 => 10 + t,
        _ if word(i) == Some("twenty") => 20,
        _ => return None,
    };
    let (end, rest) = small(i + 1).filter(|&(_, n)| n >= 10)?;
    Some((end, century * 100 + rest))
}

#[cfg(test)]
mod tests {
    use super::{NAMED_DAYS, named_day_first_word};

    /// The quick test lets every named day through.
    #[test]
    fn every_named_day_opens_with_a_known_word() {
        for (words, _) in NAMED_DAYS {
            assert!(named_day_first_word(words[0]), "{words:?}");
        }
    }
}
