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
//! 3. The tense of the verb the phrase hangs on — the verb of its own
//!    clause. Clauses open at "that", "which", "who", "because", "but", …
//!    (a relative clause set off by commas ends at its comma), so in "Bush
//!    told reporters on Tuesday that the blockade might be extended"
//!    Tuesday is told's, not might's. In its clause a date at the end
//!    hangs on the verb before it ("will double its flights by August in
//!    the search for markets untouched by the crisis"), a date in front on
//!    the verb after it ("In September, it announced plans"); only with no
//!    verb in its clause does the nearest in the sentence decide. Markers:
//!    "will", "would", "shall", plans ("is to", "plans to", "ahead of",
//!    "payable") point ahead; pasts (-ed verbs, irregular pasts, "was",
//!    "had") point back — an -ed word after a determiner is an adjective
//!    ("the reduced dividend"), and "succeed", "exceed" are no pasts. A
//!    present verb ("the deadline is Nov. 15") governs without a
//!    direction. Modals of possibility ("could", "might", "may") say
//!    nothing of when, unless negated or perfect ("could not be reached
//!    Wednesday", "might have fallen asleep Sunday": what did or did not
//!    happen). A verb of saying is the date's only when nothing stands
//!    between them ("said Monday", "told a news conference on Tuesday"),
//!    never in "the deadline is Nov. 15, the agency said". A plan's
//!    participle takes its auxiliary's tense ("is due", "was expected",
//!    "had been due to expire Friday") or none ("a rally planned for
//!    Friday was cancelled"); "will be held" is future.
//! 4. Nearness to the publication date: the nearest month, day, season or
//!    holiday, unless the tense points the other way (a month and day then
//!    moves a year only when the nearest lies more than a week or a month
//!    on the wrong side). A bare weekday that is the publication day is
//!    that day. "Effective Dec. 7" is the nearest Dec. 7 whatever the
//!    tense. Deadlines "until", "through" look ahead even after a past verb
//!    ("extended until Monday"); "by", "before" follow their verb ("had
//!    filed their reports by Wednesday"). A month or day after "until",
//!    "through" looks ahead after a verb that puts off or grants time
//!    ("adjourned until March 6", "were given until Jan. 15"), and keeps
//!    the past after any other ("remained closed until March 6", "held it
//!    until Tuesday, when troops retook it"). An -ed word after "is",
//!    "stays", "remains" says how something is ("stays closed until
//!    Tuesday"), not what happened. A timetable's present right before its
//!    date looks ahead ("returns Tuesday", "schools reopen Wednesday", "go
//!    on sale Thursday", "leaders meet on Oct. 17") — not after "to", a
//!    modal, "not" or a determiner ("did not return Tuesday", "tax
//!    returns"), nor as a state ("was open Monday"). A verb of intention
//!    before "to" looks ahead of its telling ("hoped to restore service by
//!    Friday", "agreed to meet Monday"; "tried to reach" does not). A
//!    relative clause set off by commas is its own: with no verb of its own
//!    it takes none from the sentence ("Sen. Doe, who retires in January,
//!    voted no" is the coming January), and a date right after it is the
//!    main clause's ("will report results for its quarter, which ended May
//!    31, on Monday" is the coming Monday). A deadline's hour comes before
//!    its day: "until 4 p.m. BST Thursday", "until midnight on Tuesday".
//!    A possibility in the date's own clause ("could be ready by the end of
//!    May, but warned …") leaves it to nearness, never to another clause's
//!    verb; a warning is of what is coming ("warned of sleet Sunday").
//!
//! Reported speech, in particular:
//! - An attribution set off by a comma at the end ("…until March 6, the
//!   ministry said", "…, the bank said Wednesday") is the speaker's act,
//!   not the date's: with no other verb in the date's clause the date
//!   goes by nearness ("the embargo stays in place until March 6, the
//!   ministry said" is the coming March 6). A date leading the sentence
//!   is still the saying's ("In March, the regulator announced").
//! - A saying placed in the past by its own date ("said in May", "In
//!   March the company said") tells a "would" from that day: "said in May
//!   that it would reopen in June" is June of that year, even in July. A
//!   "will" is told from the publication date.
//! - "last" is a verb after "to" or a modal, or before "until", "into",
//!   "through" ("expected to last until February"): no past.
//!
//! Wire copy, in particular:
//! - An unmarked weekday is the past week's unless its own clause looks
//!   ahead; a day named by what happened on it ("Wednesday's ruling",
//!   "from Monday's losses") is the past one, and its preposition is the
//!   noun's, not a range's. "Today's editions", "yesterday's announcement"
//!   are days ("today's youth" is not).
//! - A weekday after a name or a place is a date ("The World Court Friday
//!   rejected", "met with Sununu Sunday", "Also Thursday, …"); only two
//!   capitalised words opening a sentence (or after "Mr.") are a person
//!   ("Robin Sunday chairs"). After "the", a weekday before a noun is a
//!   habit ("the Monday market", "the Saturday edition") unless the noun
//!   happens once ("the Tuesday deadline", "the Sunday vote"); a month
//!   after "a", "its" dates its noun ("under a June agreement"). A dateline is an upper-case city opening the
//!   text ("WASHINGTON, Aug. 11"), not any upper-case name ("At EDS,
//!   third-quarter profit").
//! - Results copy: a quarter is a reporting period — this year's once it
//!   has begun, last year's when still to come in past telling, next
//!   year's in future telling only once this year's ended more than a
//!   quarter ago. "The quarter", "the latest quarter", "the 1988 quarter"
//!   are the quarter being reported (in that year); "for the year", "the
//!   fiscal year" the current one. "A year ago", "a year earlier",
//!   "year-earlier" compare with the last quarter named, a year before; a
//!   comparison never becomes the story's reference for later phrases.
//! - "July last year", "in May next year", "Feb. 12 last year" are that
//!   month or day of the year named, as "January of last year" is; "the
//!   last half of 1989" and "the latter half" are its second half (a half
//!   of a named year — "of 1990", "of next year" — is a date in any story,
//!   not only in results copy). Seasons joined by "and", "or" are both
//!   dates ("in the spring and summer").
//! - A month and a number are a date only with a space or an abbreviation's
//!   dot between them: "since early September; $14 million" holds no
//!   Sept. 14, and "$14", "#3" are never days.
//! - "From October to March": the second end follows the first, into the
//!   next year when its month comes earlier in the calendar; "from April 10
//!   to 14" stays in April; "Tuesday through Thursday", "September through
//!   October" are ranges without a "from".
//! - A part of a relative unit is that part: "late last month", "early
//!   next year" (thirds, as "early November"). "The year 2000" is a year.
//!   "The last day of the fiscal year" is no day of the calendar ("last",
//!   "next", "this" with "day" never are: English says yesterday, tomorrow).
//! - A back-reference in days or weeks never counts from a whole year ("in
//!   1994 … the previous week"): it is read from the publication date.
//! - "Since Dec. 26" runs up to the publication day: told, never expected,
//!   whatever the sentence's tense; what follows "since" began before the
//!   telling ("since the 28th" is last month's when this month's is to
//!   come).
//! - "On the 9th", "since the 28th": that day of the publication date's
//!   month, or of the month before (after) when the tense says it is past
//!   (to come) — not before a noun it numbers ("the 25th anniversary").
//!   "Earlier in the day", "this morning", "this evening" are the
//!   publication day; "the past decade" the ten years up to it.
//! - "The first Monday in February", "the last Sunday of May", "the last
//!   day of February", "the first week of October" are those days, in the
//!   year the tense points to; "that same year" is the year named before;
//!   "Black Friday" and "Cyber Monday" follow Thanksgiving; "Sunday school"
//!   is no day. "A week from tomorrow", "two weeks from Friday" count from
//!   that day; "the following spring" is the first spring after all of the
//!   date told before ("opened in 1960 … the following spring": 1961).
//!   Spoken copy's days in words: "February twelfth", "January
//!   twenty-first" (not "March first-time buyers").
//! - Whether a date is expected goes by its own verb first: "her lawyer
//!   said Wednesday that he will appeal" (a Wednesday paper) is told, not
//!   expected.
//! - A fiscal year followed by its last day ("the 2000 fiscal year, which
//!   ended Sept. 30", "fiscal 1989, which ended June 30") is the twelve
//!   months to that day; without one it is read as the calendar year.
//! - A quarter followed by its last day ("its fiscal fourth quarter, which
//!   ended May 31", "the quarter ended July 31") is the three months to
//!   that day, whatever its number in a fiscal calendar. (The news set's gold
//!   labels such quarters by their number as calendar quarters; we do not.)
//! - Decades with an apostrophe ("the 1980's", "the '80s") are decades;
//!   "in three-year notes", "in 10-year bonds" are sizes, not "in N years".
//! - Named days beyond the four great feasts: Good Friday, Memorial,
//!   Labor, Columbus and Presidents Day, Mother's and Father's Day,
//!   Valentine's Day, Independence Day and the Fourth of July, Bastille,
//!   Canada and Anzac Day, Juneteenth, Halloween, Veterans, Remembrance and
//!   Armistice Day, Boxing Day (fixed days and nth weekdays of a month).
//!   Lunar feasts (Lunar New Year, Eid, Diwali) need their calendars and
//!   are not read.
//! - "Last fall" is the latest fall over (in December, the one just
//!   ended); "next spring" the first to begin.
//! - Years name what follows ("his 1990 campaign", "That 1978 resolution",
//!   "for 1988") unless it is counted ("2000 shares") or no noun follows
//!   ("The novel 1984 is …"). Ages and sizes ("a 6-year-old", "a 44-year
//!   sentence", "the 10-day strike") are no time expressions at all.
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
mod lexicon;
mod phrase;
mod resolve;
mod results;
mod tense;
mod text;
mod time_words;

use backref::{backref_at, resolve_backref};
use grammar::is_time_word;
use phrase::phrase_at;
use tense::{Tense, future_of_saying, saying_dated_by, tense_of};
use text::{sentences, tokens};
use time_words::{age_or_size_at, duration_or_set_at};

use super::when::{Precision, When};
use crate::document::{BlockKind, CharIdx, CharRange, Document, TextIndex, month_from_name};

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
/// …and the last quarter named (what "a year ago" compares with in a
/// results story).
type References = (Option<When>, Option<When>, Option<When>);

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

/// The sentences of `doc`'s reading blocks (not the title or dateline), in
/// text order, as the date finder splits them.
#[must_use]
pub fn document_sentences(doc: &Document) -> Vec<CharRange> {
    let index = TextIndex::new(&doc.text);
    let mut out = Vec::new();
    for block in &doc.blocks {
        if matches!(
            block.kind,
            BlockKind::Title | BlockKind::Dateline | BlockKind::Code
        ) {
            continue;
        }
        let block_byte = index.byte_of(block.range.start);
        for (s, e) in sentences(doc.block_text(block)) {
            out.push(CharRange {
                start: index.char_of(block_byte + s),
                end: index.char_of(block_byte + e),
            });
        }
    }
    out
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
        // The saying verb of this sentence that a past date places, and
        // that date: a "would" told from it looks ahead from its day.
        let mut said: Option<(usize, Date)> = None;
        while i < toks.len() {
            // "The next day", "two days later": from the last date before
            // (a day's step from the last day named).
            let found_backref = backref_at(&toks, i);
            let backref = found_backref.and_then(|(end, b)| {
                let r = if b.is_daily() {
                    reference.1.as_ref()
                } else if b == backref::BackRef::YearAgo {
                    reference.2.as_ref()
                } else {
                    reference.0.as_ref()
                }?;
                Some((end, resolve_backref(b, r)?, r.start))
            });
            // A year's comparison ("a year earlier", "a year ago" of a
            // quarter) looks back from the period being told; it does not
            // become that period.
            let comparison = found_backref.is_some_and(|(_, b)| b.is_year_comparison());
            if let Some(after) = age_or_size_at(&toks, i) {
                i = after;
                continue;
            }
            let (kind, found, against) = match (backref, duration_or_set_at(&toks, i)) {
                (Some((end, when, against)), _) => (
                    TimeKind::Date,
                    Some((i, end, when, Tense::Unknown)),
                    against,
                ),
                (None, Some((end, kind))) => (
                    kind,
                    Some((i, end, When::day(anchor), Tense::Unknown)),
                    anchor,
                ),
                (None, None) => {
                    let from = said
                        .filter(|&(k, _)| future_of_saying(&toks, k, i))
                        .map_or(anchor, |(_, day)| day);
                    (TimeKind::Date, phrase_at(&toks, i, sentence, from), from)
                }
            };
            let Some((first, end, when, told)) = found else {
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
            if kind == TimeKind::Date
                && said.is_none()
                && when.open.is_none()
                && when.end < anchor
                && let Some(k) = saying_dated_by(&toks, first, end)
            {
                said = Some((k, when.start));
            }
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
                if backref::is_quarter(&when) {
                    reference.2 = Some(when.clone());
                }
                reference.0 = Some(when.clone());
            }
            // "since Dec. 26" runs up to the publication day: told, not
            // expected, whatever the sentence's tense.
            let since = when.precision == Precision::Range && when.end == anchor;
            let expected = kind == TimeKind::Date
                && !since
                && (when.start > anchor
                    || when.end >= anchor
                        && match told {
                            // "said Wednesday" in a Wednesday paper is told,
                            // whatever else the sentence expects.
                            Tense::Future => true,
                            Tense::Past => false,
                            Tense::Unknown => tense == Tense::Future,
                        });
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
