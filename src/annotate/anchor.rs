//! Re-anchoring: finding a highlight again in a text that may have changed.
//!
//! The order follows Hypothesis: the stored position if the text there is still
//! the quote; else an exact match of the quote (the best by context and
//! nearness); else an approximate match scored 50/20/20/2 by quote, prefix and
//! suffix similarity and nearness; else the highlight is an orphan. Nothing
//! is ever dropped.

use serde::{Deserialize, Serialize};
use triple_accel::SearchType;
use triple_accel::levenshtein::{
    LEVENSHTEIN_COSTS, levenshtein_exp, levenshtein_search_simd_with_opts,
};

use super::Selector;
use crate::document::{CharIdx, CharRange, TextIndex};

/// Weights of the approximate-match score (Hypothesis's values).
const QUOTE_WEIGHT: f32 = 50.0;
const PREFIX_WEIGHT: f32 = 20.0;
const SUFFIX_WEIGHT: f32 = 20.0;
const POSITION_WEIGHT: f32 = 2.0;
/// An approximate match scoring below this is not trusted: the highlight
/// becomes an orphan rather than marking the wrong text.
pub const MIN_FUZZY_SCORE: f32 = 0.6;
/// Nor is one whose own text is less similar than this to the quote (at
/// most 35 % of its chars edited), however well its context matches.
pub const MIN_QUOTE_SIMILARITY: f32 = 0.65;
/// Bytes searched either side of the expected position before the whole text.
const WINDOW_SLACK: usize = 4096;
/// Context similarity (prefix + suffix, out of 2) that makes an exact match
/// found near the expected place trusted without searching the whole text.
const TRUSTED_CONTEXT: f32 = 1.2;

/// How a highlight was found in the current text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "status")]
pub enum AnchorStatus {
    /// At its stored position, unchanged.
    Anchored,
    /// The exact quote, somewhere else.
    Moved,
    /// An approximate match of the quote.
    Fuzzy {
        /// Match quality in `[MIN_FUZZY_SCORE, 1]`.
        score: f32,
    },
    /// Not found: kept with its last known quote.
    Orphaned,
}

impl AnchorStatus {
    /// The lower-case name used in the CLI and JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Anchored => "anchored",
            Self::Moved => "moved",
            Self::Fuzzy { .. } => "fuzzy",
            Self::Orphaned => "orphaned",
        }
    }
}

/// Where a highlight sits in the current text.
///
/// Invariant: `range` is `None` exactly when `status` is `Orphaned`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchor {
    /// The chars it covers now.
    pub range: Option<CharRange>,
    /// How it was found.
    pub status: AnchorStatus,
}

impl Anchor {
    /// Anchored at `range`.
    #[must_use]
    pub fn at(range: CharRange) -> Self {
        Self {
            range: Some(range),
            status: AnchorStatus::Anchored,
        }
    }

    /// Not found.
    #[must_use]
    pub fn orphan() -> Self {
        Self {
            range: None,
            status: AnchorStatus::Orphaned,
        }
    }
}

/// Anchors every selector against one text (indexing it once), in the
/// order given. Selectors are visited by their stored position, and each
/// search starts where the previous highlight moved to (an insertion shifts
/// everything after it by the same amount), so a long text with many
/// highlights is not scanned once per highlight.
#[must_use]
pub fn anchor_all<'s>(
    text: &str,
    selectors: impl IntoIterator<Item = &'s Selector>,
) -> Vec<Anchor> {
    let index = TextIndex::new(text);
    let selectors: Vec<&Selector> = selectors.into_iter().collect();
    let mut order: Vec<usize> = (0..selectors.len()).collect();
    order.sort_by_key(|&i| selectors[i].position.start);
    let mut out = vec![Anchor::orphan(); selectors.len()];
    let mut shift: i64 = 0;
    for i in order {
        let a = anchor_near(&index, selectors[i], shift);
        if let Some(r) = a.range {
            shift = signed(r.start.0) - signed(selectors[i].position.start.0);
        }
        out[i] = a;
    }
    out
}

fn signed(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Where a quote probably went, `shift` chars from its stored position
/// (moved like its neighbours): that char, and the bytes around it that
/// are searched before the whole text.
fn expected_place(index: &TextIndex<'_>, selector: &Selector, shift: i64) -> (usize, usize, usize) {
    let guess = usize::try_from((signed(selector.position.start.0) + shift).max(0)).unwrap_or(0);
    let window = WINDOW_SLACK + selector.quote.exact.len() * 2;
    let at = index.byte_of(CharIdx(guess));
    (
        guess,
        at.saturating_sub(window),
        at + selector.quote.exact.len() + window,
    )
}

/// Finds `selector` in the indexed text.
#[must_use]
pub fn anchor(index: &TextIndex<'_>, selector: &Selector) -> Anchor {
    anchor_near(index, selector, 0)
}

/// Finds `selector`, expecting it `shift` chars from its stored position.
#[must_use]
pub fn anchor_near(index: &TextIndex<'_>, selector: &Selector, shift: i64) -> Anchor {
    let exact = selector.quote.exact.as_str();
    if exact.is_empty() {
        return Anchor::orphan();
    }
    let old = selector.position.range();
    if old.end.0 <= index.char_len() && index.slice(old) == exact {
        return Anchor::at(old);
    }
    let (_, lo, hi) = expected_place(index, selector, shift);
    if let Some((range, context)) = best_exact_in(index, selector, lo, hi)
        && context >= TRUSTED_CONTEXT
    {
        return Anchor {
            range: Some(range),
            status: AnchorStatus::Moved,
        };
    }
    if let Some((range, _)) = best_exact_in(index, selector, 0, usize::MAX) {
        return Anchor {
            range: Some(range),
            status: AnchorStatus::Moved,
        };
    }
    anchor_fuzzy(index, selector, shift)
}

/// Finds an imported annotation's quote without approximate matching: at
/// its position; else exactly near where it is expected (`shift` chars
/// from its position) or with any whitespace there (a web page's line
/// breaks against our text); else (when `everywhere`) exactly, or with
/// any whitespace, anywhere. `None` when not found so.
#[must_use]
pub fn anchor_verbatim(
    index: &TextIndex<'_>,
    selector: &Selector,
    shift: i64,
    everywhere: bool,
) -> Option<Anchor> {
    let exact = selector.quote.exact.as_str();
    if exact.trim().is_empty() {
        return None;
    }
    let old = selector.position.range();
    if old.end.0 <= index.char_len() && index.slice(old) == exact {
        return Some(Anchor::at(old));
    }
    let (guess, lo, hi) = expected_place(index, selector, shift);
    let moved = |range| {
        Some(Anchor {
            range: Some(range),
            status: AnchorStatus::Moved,
        })
    };
    let spaced = exact.contains(char::is_whitespace);
    let flexible = |lo: usize, hi: usize| {
        super::search::find_quote_in(index, exact, lo, hi)
            .into_iter()
            .min_by_key(|r| r.start.0.abs_diff(guess))
    };
    if let Some((range, _)) = best_exact_in(index, selector, lo, hi) {
        return moved(range);
    }
    if spaced && let Some(range) = flexible(lo, hi) {
        return moved(range);
    }
    if !everywhere {
        return None;
    }
    if let Some((range, _)) = best_exact_in(index, selector, 0, usize::MAX) {
        return moved(range);
    }
    if spaced && let Some(range) = flexible(0, usize::MAX) {
        return moved(range);
    }
    None
}

/// Finds `selector` approximately (near where it is expected, then
/// anywhere), or gives an orphan.
#[must_use]
pub fn anchor_fuzzy(index: &TextIndex<'_>, selector: &Selector, shift: i64) -> Anchor {
    if selector.quote.exact.is_empty() {
        return Anchor::orphan();
    }
    let guess = usize::try_from((signed(selector.position.start.0) + shift).max(0)).unwrap_or(0);
    match best_fuzzy(index, selector, guess) {
        Some((range, score)) => Anchor {
            range: Some(word_aligned(index, selector, range)),
            status: AnchorStatus::Fuzzy { score },
        },
        None => Anchor::orphan(),
    }
}

/// An approximate match grown to whole words at the ends where the quote
/// itself began or ended a word (an approximate match can stop a char or
/// two into one: "d the cost" for "and the cost").
fn word_aligned(index: &TextIndex<'_>, selector: &Selector, range: CharRange) -> CharRange {
    use crate::document::word_bounds::{is_word_char, snap_to_words};
    let quote = &selector.quote;
    let starts_word = quote.exact.chars().next().is_some_and(is_word_char)
        && quote.prefix.chars().last().is_none_or(|c| !is_word_char(c));
    let ends_word = quote.exact.chars().last().is_some_and(is_word_char)
        && quote.suffix.chars().next().is_none_or(|c| !is_word_char(c));
    let char_at = |i: usize| index.after(CharIdx(i), 1).chars().next();
    let snapped = snap_to_words(range, index.char_len(), char_at, (starts_word, ends_word));
    // Only a few chars at either end, and never to text less like the quote
    // than a fuzzy match may be.
    let grown =
        range.start.0.saturating_sub(snapped.start.0) + snapped.end.0.saturating_sub(range.end.0);
    let exact = quote.exact.as_bytes();
    let distance =
        triple_accel::levenshtein::levenshtein_exp(exact, index.slice(snapped).as_bytes());
    let similarity = 1.0 - distance as f32 / exact.len().max(1) as f32;
    if grown <= 8 && similarity >= MIN_QUOTE_SIMILARITY {
        snapped
    } else {
        range
    }
}

/// Similarity in `[0, 1]` of two short strings (1 when `want` is empty).
fn similarity(want: &str, got: &str) -> f32 {
    if want.is_empty() {
        return 1.0;
    }
    let distance = levenshtein_exp(want.as_bytes(), got.as_bytes());
    1.0 - (distance as f32 / want.len() as f32).min(1.0)
}

/// Nearness in `[0, 1]` of `start` to the old start.
fn nearness(index: &TextIndex<'_>, start: CharIdx, old: CharIdx) -> f32 {
    let len = index.char_len().max(1) as f32;
    1.0 - (start.0.abs_diff(old.0) as f32 / len).min(1.0)
}

/// Context score of a candidate range: how well the text around it matches
/// the stored prefix and suffix.
fn context_score(index: &TextIndex<'_>, selector: &Selector, range: CharRange) -> (f32, f32) {
    let quote = &selector.quote;
    let before = index.before(range.start, quote.prefix.chars().count());
    let after = index.after(range.end, quote.suffix.chars().count());
    (
        similarity(&quote.prefix, before),
        similarity(&quote.suffix, after),
    )
}

/// The best exact occurrence of the quote in bytes `lo..hi` of the text,
/// by context then nearness, with its context similarity (0 to 2).
fn best_exact_in(
    index: &TextIndex<'_>,
    selector: &Selector,
    lo: usize,
    hi: usize,
) -> Option<(CharRange, f32)> {
    let exact = &selector.quote.exact;
    let exact_chars = exact.chars().count();
    let old = selector.position.start;
    let text = index.text();
    let lo = floor_boundary(text, lo.min(text.len()));
    let hi = floor_boundary(text, hi.min(text.len()));
    let mut best: Option<(f32, f32, CharRange)> = None;
    for (byte, _) in text[lo..hi].match_indices(exact.as_str()) {
        let start = index.char_of(lo + byte);
        let range = CharRange::new(start.0, start.0 + exact_chars);
        let (prefix, suffix) = context_score(index, selector, range);
        let score = PREFIX_WEIGHT * prefix
            + SUFFIX_WEIGHT * suffix
            + POSITION_WEIGHT * nearness(index, start, old);
        if best.is_none_or(|(s, _, _)| score > s) {
            best = Some((score, prefix + suffix, range));
        }
    }
    best.map(|(_, context, r)| (r, context))
}

/// The best approximate match with at most `min(256, len / 2)` errors.
fn best_fuzzy(
    index: &TextIndex<'_>,
    selector: &Selector,
    guess: usize,
) -> Option<(CharRange, f32)> {
    let exact = selector.quote.exact.as_bytes();
    if exact.contains(&0) {
        return None; // the matcher does not support NUL bytes
    }
    let max_errors = (exact.len() / 2).min(256) as u32;
    if max_errors == 0 {
        return None;
    }
    let text = index.text();
    let old_start = index.byte_of(CharIdx(guess));
    let slack = WINDOW_SLACK + exact.len() * 2;
    let lo = floor_boundary(text, old_start.saturating_sub(slack));
    let hi = floor_boundary(text, (old_start + exact.len() + slack).min(text.len()));
    let windowed = scored_matches(index, selector, lo, hi, max_errors);
    let best = if windowed.is_some() || (lo == 0 && hi == text.len()) {
        windowed
    } else {
        scored_matches(index, selector, 0, text.len(), max_errors)
    };
    // An approximate match must keep at least one whole word of the quote:
    // a one-word quote that is gone is not "found" as another short word.
    best.filter(|(range, score)| {
        *score >= MIN_FUZZY_SCORE && shares_a_word(&selector.quote.exact, index.slice(*range))
    })
}

/// Whether `found` contains one of `quote`'s whitespace-separated words whole.
fn shares_a_word(quote: &str, found: &str) -> bool {
    let words: std::collections::HashSet<&str> = found.split_whitespace().collect();
    quote.split_whitespace().any(|w| words.contains(w))
}

fn floor_boundary(text: &str, mut byte: usize) -> usize {
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// Best-scoring approximate match of the quote in `text[lo..hi]`.
fn scored_matches(
    index: &TextIndex<'_>,
    selector: &Selector,
    lo: usize,
    hi: usize,
    max_errors: u32,
) -> Option<(CharRange, f32)> {
    let exact = selector.quote.exact.as_bytes();
    let haystack = &index.text().as_bytes()[lo..hi];
    if haystack.contains(&0) {
        return None;
    }
    // The fewest errors anywhere, then every match not much worse than that:
    // the context and position scores choose among them (the match with the
    // fewest errors can stop short of a reworded end).
    let fewest = levenshtein_search_simd_with_opts(
        exact,
        haystack,
        max_errors,
        SearchType::Best,
        LEVENSHTEIN_COSTS,
        false,
    )
    .map(|m| m.k)
    .min()?;
    let slack = (exact.len() as u32 / 4).max(2);
    let matches = levenshtein_search_simd_with_opts(
        exact,
        haystack,
        (fewest + slack).min(max_errors),
        SearchType::All,
        LEVENSHTEIN_COSTS,
        false,
    );
    let mut best: Option<(f32, CharRange)> = None;
    for m in matches {
        let start = index.char_of(lo + m.start);
        let end = index.char_of(lo + m.end);
        if end <= start {
            continue;
        }
        let range = CharRange { start, end };
        let quote = 1.0 - (m.k as f32 / exact.len() as f32).min(1.0);
        if quote < MIN_QUOTE_SIMILARITY {
            continue;
        }
        let (prefix, suffix) = context_score(index, selector, range);
        let score = (QUOTE_WEIGHT * quote
            + PREFIX_WEIGHT * prefix
            + SUFFIX_WEIGHT * suffix
            + POSITION_WEIGHT * nearness(index, start, selector.position.start))
            / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, range));
        }
    }
    best.map(|(s, r)| (r, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The British government is expected to decide next week whether \
        to let Huawei supply parts of its 5G network.\n\nIn Canada, the extradition hearing \
        of Huawei's finance chief began this week in Vancouver.\n\nGermany's parliament \
        will vote later this year on rules that could exclude the company.";

    fn selector_for(text: &str, quote: &str) -> Selector {
        let index = TextIndex::new(text);
        let byte = text.find(quote).expect("quote in text");
        let start = index.char_of(byte);
        Selector::from_range(
            &index,
            CharRange::new(start.0, start.0 + quote.chars().count()),
        )
    }

    fn anchor_in(text: &str, selector: &Selector) -> (Anchor, String) {
        let index = TextIndex::new(text);
        let a = anchor(&index, selector);
        let quote = a
            .range
            .map(|r| index.slice(r).to_owned())
            .unwrap_or_default();
        (a, quote)
    }

    #[test]
    fn unchanged_text_is_anchored() {
        let sel = selector_for(TEXT, "extradition hearing");
        let (a, quote) = anchor_in(TEXT, &sel);
        assert_eq!(a.status, AnchorStatus::Anchored);
        assert_eq!(quote, "extradition hearing");
    }

    #[test]
    fn insertion_before_moves_it() {
        let sel = selector_for(TEXT, "extradition hearing");
        let edited = format!("BREAKING: an update. {TEXT}");
        let (a, quote) = anchor_in(&edited, &sel);
        assert_eq!(a.status, AnchorStatus::Moved);
        assert_eq!(quote, "extradition hearing");
        assert_eq!(a.range.map(|r| r.start.0), Some(sel.position.start.0 + 21));
    }

    #[test]
    fn repeated_quote_is_picked_by_context() {
        let sel = selector_for(TEXT, "Huawei's finance chief");
        let edited = format!(
            "Huawei's finance chief is in the news. {}",
            TEXT.replace("In Canada", "In Canada, again,")
        );
        let (a, _) = anchor_in(&edited, &sel);
        assert_eq!(a.status, AnchorStatus::Moved);
        let index = TextIndex::new(&edited);
        let range = a.range.expect("anchored");
        assert!(
            index
                .before(range.start, 30)
                .contains("extradition hearing")
        );
    }

    #[test]
    fn a_fuzzy_match_starts_and_ends_on_whole_words() {
        let sel = selector_for(
            TEXT,
            "the extradition hearing of Huawei's finance chief began this week",
        );
        let edited = TEXT
            .replace("the extradition hearing", "an extradition hearing")
            .replace("began this week", "began this weekend");
        let (a, quote) = anchor_in(&edited, &sel);
        assert!(matches!(a.status, AnchorStatus::Fuzzy { .. }), "{a:?}");
        let index = TextIndex::new(&edited);
        let range = a.range.expect("anchored");
        let before = index.before(range.start, 1).chars().next();
        let after = index.after(range.end, 1).chars().next();
        assert!(before.is_none_or(|c| !c.is_alphanumeric()), "{quote}");
        assert!(after.is_none_or(|c| !c.is_alphanumeric()), "{quote}");
        assert!(quote.starts_with("an extradition"), "{quote}");
    }

    #[test]
    fn reword_inside_is_fuzzy() {
        let sel = selector_for(
            TEXT,
            "the extradition hearing of Huawei's finance chief began",
        );
        let edited = TEXT.replace("finance chief began", "chief financial officer began");
        let (a, quote) = anchor_in(&edited, &sel);
        let AnchorStatus::Fuzzy { score } = a.status else {
            panic!("expected fuzzy, got {a:?}");
        };
        assert!((MIN_FUZZY_SCORE..1.0).contains(&score), "score {score}");
        assert!(
            quote.starts_with("the extradition hearing of Huawei"),
            "{quote}"
        );
        assert!(quote.contains("officer"), "{quote}");
    }

    #[test]
    fn cut_paragraph_is_orphaned() {
        let sel = selector_for(TEXT, "Germany's parliament will vote later this year");
        let edited = TEXT
            .split("\n\n")
            .filter(|p| !p.starts_with("Germany"))
            .collect::<Vec<_>>()
            .join("\n\n");
        let (a, _) = anchor_in(&edited, &sel);
        assert_eq!(a, Anchor::orphan());
    }

    #[test]
    fn empty_and_tiny_texts_do_not_panic() {
        let sel = selector_for(TEXT, "5G");
        assert_eq!(anchor_in("", &sel).0, Anchor::orphan());
        assert_eq!(anchor_in("x", &sel).0, Anchor::orphan());
        let empty = Selector::default();
        assert_eq!(anchor_in(TEXT, &empty).0, Anchor::orphan());
    }
}
