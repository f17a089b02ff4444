//! Turning highlights into events, and finding a passage's dated phrases
//! (pure: ids and times are passed in). Accepting a suggestion, which makes
//! highlights too, is `annotate::accept`.

use jiff::civil::Date;

use super::extract::{DatedPhrase, extract_from_document};
use super::lanes::{Event, EventId, EventKind, Lane, suggest_lane};
use super::suggest::title_for;
use super::when::When;
use crate::document::{CharRange, Document, TextIndex};
use crate::ids::HighlightId;

/// The dated phrases of a passage, best first: those inside it (in text
/// order), else those in its sentence(s), else the nearest in its
/// paragraph. More than one inside it means the reader should choose.
#[must_use]
pub fn phrases_for_range(doc: &Document, anchor: Date, range: CharRange) -> Vec<DatedPhrase> {
    let Some(block) = doc.block_at(range.start).map(|b| doc.blocks[b].range) else {
        return Vec::new();
    };
    let mut found: Vec<DatedPhrase> = extract_from_document(doc, anchor)
        .into_iter()
        .filter(|p| p.kind == super::extract::TimeKind::Date && p.range.overlaps(block))
        .collect();
    let dist = |p: &DatedPhrase| {
        if p.range.overlaps(range) {
            0
        } else if p.sentence.overlaps(range) {
            1
        } else {
            2 + p
                .range
                .start
                .0
                .abs_diff(range.start.0)
                .min(p.range.end.0.abs_diff(range.end.0))
        }
    };
    found.sort_by_key(|p| (dist(p), p.range.start));
    let best = found.first().map(dist);
    match best {
        // Inside or in its sentence: all of that rank, to choose from.
        Some(d @ (0 | 1)) => found.retain(|p| dist(p) == d),
        _ => found.truncate(1),
    }
    found
}

/// The dated phrase that best dates a passage (the first of
/// [`phrases_for_range`]).
#[must_use]
pub fn phrase_for_range(doc: &Document, anchor: Date, range: CharRange) -> Option<DatedPhrase> {
    phrases_for_range(doc, anchor, range).into_iter().next()
}

/// An event for a highlight: dated by the phrase in or near it (else the
/// publication day, approximate), titled from its sentence, in the lane
/// its text suggests.
#[must_use]
pub fn event_for_highlight(
    doc: &Document,
    anchor: Date,
    lanes: &[Lane],
    highlight: &HighlightId,
    range: CharRange,
    id: EventId,
    now: jiff::Timestamp,
) -> Event {
    let phrase = phrase_for_range(doc, anchor, range);
    event_for_highlight_dated(
        doc,
        anchor,
        lanes,
        (highlight, range),
        phrase.as_ref(),
        id,
        now,
    )
}

/// [`event_for_highlight`] dated by `phrase` (one the reader chose among
/// [`phrases_for_range`]); the event remembers the suggestion it answers,
/// so that suggestion is no longer offered.
#[must_use]
pub fn event_for_highlight_dated(
    doc: &Document,
    anchor: Date,
    lanes: &[Lane],
    (highlight, range): (&HighlightId, CharRange),
    phrase: Option<&DatedPhrase>,
    id: EventId,
    now: jiff::Timestamp,
) -> Event {
    let index = TextIndex::new(&doc.text);
    let quote = index.slice(range).replace('\n', " ");
    let (when, title, expected, context) = if let Some(p) = phrase {
        let sentence = index.slice(p.sentence).replace('\n', " ");
        let title = if p.range.overlaps(range) || p.sentence.overlaps(range) {
            title_for(&sentence, &p.phrase)
        } else {
            title_for(&quote, "")
        };
        (p.when.clone(), title, p.expected, sentence)
    } else {
        let mut w = When::day(anchor).approx();
        "(undated: the publication day)".clone_into(&mut w.phrase);
        (w, title_for(&quote, ""), false, quote.clone())
    };
    let lane = suggest_lane(lanes, &quote).or_else(|| suggest_lane(lanes, &context));
    Event {
        credit: crate::credit::Credit::default(),
        id,
        title,
        when,
        lanes: lane.map(|l| l.id.clone()).into_iter().collect(),
        evidence: vec![highlight.clone()],
        note: String::new(),
        kind: if expected {
            EventKind::Expected
        } else {
            EventKind::Reported
        },
        modified: now,
        source: phrase
            .filter(|p| p.sentence.overlaps(range))
            .map(|p| super::suggest::suggestion_key(doc, p)),
    }
}
