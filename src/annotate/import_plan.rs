//! Imported annotations placed onto an article: each anchored like our own
//! highlights (its position, then its quote with prefix and suffix, then
//! the quote with any whitespace, then approximately), orphans kept, ids
//! kept so a second import of the same file adds nothing, and all of it as
//! one [`Command::Batch`] — one undo step.
//!
//! Pure: the parsed file, the article's text and its current annotations
//! in; the commands and a summary out.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::anchor::{anchor_fuzzy, anchor_verbatim};
use super::import::{ImportFormat, Incoming, Parsed};
use super::import_timeline::TimelineCounts;
use super::{Anchor, AnchorStatus, Annotations, Command, Highlight, HighlightId, Selector};
use crate::document::{CharRange, TextIndex};

/// How one imported annotation landed.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// Its id in Storyline.
    pub id: HighlightId,
    /// How it was found (`Orphaned`: not found, kept).
    pub status: AnchorStatus,
    /// Its quote as the file gave it.
    pub quote: String,
    /// Where it sits in the article, when found.
    pub range: Option<CharRange>,
}

/// What an import did, counted.
///
/// Invariant: `anchored + moved + fuzzy + orphaned == added.len()`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportSummary {
    /// The kind of file read.
    pub format: ImportFormat,
    /// Found where the file said (or, with no position given, found once
    /// by its quote).
    pub anchored: usize,
    /// Found by its quote somewhere else than its position.
    pub moved: usize,
    /// Found approximately.
    pub fuzzy: usize,
    /// Not found: kept as orphans, to reattach by hand.
    pub orphaned: usize,
    /// Skipped: a highlight with the same id is already there (or earlier
    /// in the same file).
    pub duplicates: usize,
    /// Skipped: no text quote to anchor by (page notes, image regions).
    pub without_quote: usize,
    /// Skipped: made on another document (a file with annotations of
    /// several pages, none of whose quotes from that page is here).
    pub other_documents: usize,
    /// Every annotation added, in the file's order.
    pub added: Vec<Imported>,
    /// Lanes and events of Storyline's own export added with them.
    pub timeline: TimelineCounts,
}

impl ImportSummary {
    /// How many were found in the text (anchored, moved or fuzzy).
    #[must_use]
    pub fn found(&self) -> usize {
        self.anchored + self.moved + self.fuzzy
    }

    /// True when annotations would be added but none of their quotes is in
    /// the text (and none is already here): most likely annotations of
    /// another document.
    #[must_use]
    pub fn none_found(&self) -> bool {
        self.found() == 0 && self.orphaned > 0 && self.duplicates == 0
    }

    /// True when the import changes anything.
    #[must_use]
    pub fn changes(&self) -> bool {
        !self.added.is_empty() || self.timeline.lanes > 0 || self.timeline.events > 0
    }

    /// One line: "17 anchored, 1 moved, 1 orphaned; 2 duplicates skipped".
    #[must_use]
    pub fn counts(&self) -> String {
        let mut parts: Vec<String> = [
            (self.anchored, "anchored"),
            (self.moved, "moved"),
            (self.fuzzy, "fuzzy"),
            (self.orphaned, "orphaned"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        if parts.is_empty() {
            parts.push("nothing new".to_owned());
        }
        let mut out = parts.join(", ");
        let t = &self.timeline;
        if t.lanes > 0 || t.events > 0 {
            let _ = write!(
                out,
                "; timeline: {} and {}",
                crate::wording::count(t.lanes, "lane", "lanes"),
                crate::wording::count(t.events, "event", "events")
            );
        }
        let mut skipped = Vec::new();
        if self.duplicates > 0 {
            skipped.push(crate::wording::count(
                self.duplicates,
                "duplicate",
                "duplicates",
            ));
        }
        if t.duplicates > 0 {
            skipped.push(crate::wording::count(
                t.duplicates,
                "event already there",
                "events already there",
            ));
        }
        if self.without_quote > 0 {
            skipped.push(format!("{} without a quote", self.without_quote));
        }
        if self.other_documents > 0 {
            skipped.push(format!("{} of other documents", self.other_documents));
        }
        if !skipped.is_empty() {
            let _ = write!(out, "; skipped {}", skipped.join(" and "));
        }
        out
    }
}

/// The commands an import makes, and what they will do.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    /// One batch adding every new annotation (empty batch: nothing new).
    pub command: Command,
    /// The counts and each annotation's fate.
    pub summary: ImportSummary,
}

/// Places `parsed` onto the article `text`, next to `existing`; `now`
/// stamps annotations whose file gave no time.
#[must_use]
pub fn plan(
    parsed: &Parsed,
    text: &str,
    existing: &Annotations,
    now: jiff::Timestamp,
) -> ImportPlan {
    let index = TextIndex::new(text);
    let mut summary = ImportSummary {
        format: parsed.format,
        anchored: 0,
        moved: 0,
        fuzzy: 0,
        orphaned: 0,
        duplicates: 0,
        without_quote: parsed.without_quote,
        other_documents: 0,
        added: Vec::new(),
        timeline: TimelineCounts::default(),
    };
    let mut seen: BTreeSet<HighlightId> = BTreeSet::new();
    let mut fresh: Vec<(HighlightId, &Incoming)> = Vec::new();
    // Documents with an annotation already here are this article's.
    let mut here: BTreeSet<Option<&str>> = BTreeSet::new();
    for incoming in &parsed.annotations {
        let id = import_id(incoming);
        if existing.get(&id).is_some() || !seen.insert(id.clone()) {
            summary.duplicates += 1;
            here.insert(incoming.document.as_deref());
        } else {
            fresh.push((id, incoming));
        }
    }
    let anchors = place_all(&index, &fresh);
    let elsewhere = other_documents(&fresh, &anchors, &here);
    let mut commands = Vec::new();
    for (((id, incoming), found), elsewhere) in fresh.into_iter().zip(anchors).zip(elsewhere) {
        if elsewhere {
            summary.other_documents += 1;
            continue;
        }
        let range = found.range;
        // Without a position to compare with, found by its quote is
        // simply found.
        let status = match found.status {
            AnchorStatus::Moved if !incoming.has_position => AnchorStatus::Anchored,
            other => other,
        };
        let created = incoming.created.unwrap_or(now);
        let selector = range.map_or_else(
            || incoming.selector.clone(),
            |r| Selector::from_range(&index, r),
        );
        let highlight = Highlight {
            credit: incoming.credit.clone(),
            id: id.clone(),
            selector,
            color: incoming.color.unwrap_or_default(),
            tags: incoming.tags.clone(),
            note: incoming.note.clone(),
            created,
            modified: incoming.modified.unwrap_or(created).max(created),
            evidence: incoming.evidence,
        };
        match status {
            AnchorStatus::Anchored => summary.anchored += 1,
            AnchorStatus::Moved => summary.moved += 1,
            AnchorStatus::Fuzzy { .. } => summary.fuzzy += 1,
            AnchorStatus::Orphaned => summary.orphaned += 1,
        }
        commands.push(if range.is_some() {
            Command::Add(highlight)
        } else {
            Command::AddOrphan(highlight)
        });
        summary.added.push(Imported {
            id,
            status,
            quote: incoming.selector.quote.exact.clone(),
            range,
        });
    }
    if let Some(t) = &parsed.timeline {
        // Evidence may cite highlights already there or added just now.
        let mut known: BTreeSet<HighlightId> = summary.added.iter().map(|a| a.id.clone()).collect();
        known.extend(existing.entries().iter().map(|e| e.highlight.id.clone()));
        let (timeline, counts) = super::import_timeline::plan(t, existing, &known);
        commands.extend(timeline);
        summary.timeline = counts;
    }
    ImportPlan {
        command: Command::Batch(commands),
        summary,
    }
}

/// Which annotations belong to another document than the article: in a
/// file holding several documents' annotations, those of a document none
/// of whose quotes was found (nor is already `here`), while another
/// document's were.
fn other_documents(
    fresh: &[(HighlightId, &Incoming)],
    anchors: &[Anchor],
    here: &BTreeSet<Option<&str>>,
) -> Vec<bool> {
    let mut found: std::collections::BTreeMap<Option<&str>, usize> =
        here.iter().map(|d| (*d, 1)).collect();
    for ((_, incoming), a) in fresh.iter().zip(anchors) {
        *found.entry(incoming.document.as_deref()).or_default() += usize::from(a.range.is_some());
    }
    let several = found.len() > 1 && found.values().any(|n| *n > 0);
    fresh
        .iter()
        .map(|(_, incoming)| several && found.get(&incoming.document.as_deref()) == Some(&0))
        .collect()
}

/// How many annotations are searched approximately before concluding,
/// when none was found verbatim, that they belong to another document.
const FUZZY_PROBE: usize = 10;

/// Where each incoming annotation sits in the text, in their order.
///
/// First verbatim (position, exact quote, quote with any whitespace), in
/// position order so each search starts where the previous one moved to
/// (a web page's offsets differ from ours by about the same amount
/// throughout); then approximately for those not found. When none was
/// found verbatim and none of the first [`FUZZY_PROBE`] approximately
/// either, the rest are orphans without searching (annotations of another
/// document, which would cost a whole-text approximate search each).
fn place_all(index: &TextIndex<'_>, fresh: &[(HighlightId, &Incoming)]) -> Vec<Anchor> {
    let mut order: Vec<usize> = (0..fresh.len()).collect();
    order.sort_by_key(|&i| (!fresh[i].1.has_position, fresh[i].1.selector.position.start));
    let mut found: Vec<Option<Anchor>> = vec![None; fresh.len()];
    let mut shifts = vec![0_i64; fresh.len()];
    let mut shift = 0_i64;
    let words = WordPairs::of(index.text());
    for &i in &order {
        let incoming = fresh[i].1;
        shifts[i] = shift;
        let everywhere = words.may_contain(&incoming.selector.quote.exact);
        found[i] = anchor_verbatim(index, &incoming.selector, shift, everywhere);
        if incoming.has_position
            && let Some(r) = found[i].and_then(|a| a.range)
        {
            shift = signed(r.start.0) - signed(incoming.selector.position.start.0);
        }
    }
    let any_verbatim = found.iter().any(Option::is_some);
    let mut probed = 0;
    let mut any_fuzzy = false;
    for &i in &order {
        if found[i].is_some() {
            continue;
        }
        if !any_verbatim && !any_fuzzy && probed >= FUZZY_PROBE {
            found[i] = Some(Anchor::orphan());
            continue;
        }
        probed += 1;
        let a = anchor_fuzzy(index, &fresh[i].1.selector, shifts[i]);
        any_fuzzy |= a.range.is_some();
        found[i] = Some(a);
    }
    found
        .into_iter()
        .map(|a| a.unwrap_or_else(Anchor::orphan))
        .collect()
}

/// The pairs of neighbouring words of a text (as hashes): a quote one of
/// whose inner word pairs is not among them is not in the text verbatim,
/// exactly or with other spacing, so the whole text need not be searched
/// for it (a file of another document's annotations would cost a
/// whole-text search each).
struct WordPairs(std::collections::HashSet<u64>);

impl WordPairs {
    fn of(text: &str) -> Self {
        let words: Vec<&str> = text.split_whitespace().collect();
        Self(words.windows(2).map(|w| pair(w[0], w[1])).collect())
    }

    /// False only when `quote` cannot be in the text verbatim. Its first
    /// and last words may be parts of words there, so only the pairs
    /// between inner words are checked.
    fn may_contain(&self, quote: &str) -> bool {
        let words: Vec<&str> = quote.split_whitespace().collect();
        words.len() < 4
            || words[1..words.len() - 1]
                .windows(2)
                .all(|w| self.0.contains(&pair(w[0], w[1])))
    }
}

fn pair(a: &str, b: &str) -> u64 {
    fnv1a(a.as_bytes()) ^ fnv1a(b.as_bytes()).rotate_left(29)
}

fn signed(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The Storyline id of an incoming annotation: Storyline's own ids (and
/// any id already in our alphabet) as they are; another tool's id, or an
/// annotation without one, as a stable hash — so the same file imported
/// twice gives the same ids.
fn import_id(incoming: &Incoming) -> HighlightId {
    if let Some(id) = &incoming.id
        && !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return HighlightId(id.clone());
    }
    let key = match &incoming.id {
        Some(id) if !id.is_empty() => format!("id\u{0}{id}"),
        _ => {
            let s = &incoming.selector;
            format!(
                "quote\u{0}{}\u{0}{}\u{0}{}\u{0}{}\u{0}{}\u{0}{}",
                s.quote.exact,
                s.quote.prefix,
                s.quote.suffix,
                s.position.start.0,
                s.position.end.0,
                incoming.note
            )
        }
    };
    HighlightId(format!("i-{:016x}", fnv1a(key.as_bytes())))
}

/// 64-bit FNV-1a: stable across runs and platforms (std's hasher is not).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
#[path = "import_plan_tests.rs"]
mod tests;
