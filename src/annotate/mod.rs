//! Annotations: highlights with tags and notes, their W3C-style selectors,
//! re-anchoring to edited text, and the command/undo model the UI edits them through.
//!
//! Pure: no egui, no file IO. Times and new ids are chosen by the caller and
//! passed in, so every function here is deterministic.

pub mod accept;
mod anchor;
pub mod import;
pub mod import_plan;
pub mod import_timeline;
pub(crate) mod merge;
mod model;
mod search;
mod timeline_cmds;

pub use accept::accept_suggestion;
pub use anchor::{Anchor, AnchorStatus, anchor, anchor_all};
pub use merge::{merge_events, merge_highlights, merge_keys, merge_lanes};
pub use model::{AnnotateError, Annotations, Change, Command, Entry};
pub use search::find_quote;

pub use crate::ids::HighlightId;

use serde::{Deserialize, Serialize};

use crate::credit::Credit;
use crate::document::{CharIdx, CharRange, TextIndex};

/// Chars of context kept before and after a quote.
pub const CONTEXT_CHARS: usize = 32;

/// The named highlight colours. The RGB values live in the UI's theme
/// module, one per light and dark theme.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum HighlightColor {
    /// The default marker colour.
    #[default]
    Yellow,
    /// Green.
    Green,
    /// Blue.
    Blue,
    /// Pink.
    Pink,
    /// Purple.
    Purple,
}

impl HighlightColor {
    /// Every colour, in shortcut order (key 1 is yellow).
    pub const ALL: [Self; 5] = [
        Self::Yellow,
        Self::Green,
        Self::Blue,
        Self::Pink,
        Self::Purple,
    ];

    /// The colour's name as users see it and type it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Yellow => "yellow",
            Self::Green => "green",
            Self::Blue => "blue",
            Self::Pink => "pink",
            Self::Purple => "purple",
        }
    }

    /// Parses a colour name (any case).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// W3C `TextQuoteSelector`: the quoted text with some context either side.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextQuote {
    /// The highlighted text, exactly.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] chars before it.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars after it.
    pub suffix: String,
}

/// W3C `TextPositionSelector`: half-open char offsets into the plain text.
///
/// Invariant: `start <= end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextPosition {
    /// First char of the quote.
    pub start: CharIdx,
    /// First char after the quote.
    pub end: CharIdx,
}

impl TextPosition {
    /// As a char range.
    #[must_use]
    pub fn range(self) -> CharRange {
        CharRange::new(self.start.0, self.end.0)
    }
}

/// Where a highlight is: a quote and a position, both kept, so it can be found
/// again when the text changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Selector {
    /// The quote with its context.
    pub quote: TextQuote,
    /// The position the quote had when the selector was made.
    pub position: TextPosition,
}

impl Selector {
    /// The selector for `range` of the indexed text.
    #[must_use]
    pub fn from_range(index: &TextIndex<'_>, range: CharRange) -> Self {
        let end = CharIdx(range.end.0.min(index.char_len()));
        let start = CharIdx(range.start.0.min(end.0));
        let range = CharRange { start, end };
        Self {
            quote: TextQuote {
                exact: index.slice(range).to_owned(),
                prefix: index.before(start, CONTEXT_CHARS).to_owned(),
                suffix: index.after(end, CONTEXT_CHARS).to_owned(),
            },
            position: TextPosition { start, end },
        }
    }
}

/// One highlight: a passage of the article with a colour, tags and a note.
///
/// Invariants: `tags` are normalised ([`normalize_tag`]), sorted and unique;
/// `created <= modified`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    /// Stable id.
    pub id: HighlightId,
    /// Where it is.
    pub selector: Selector,
    /// Its colour.
    #[serde(default)]
    pub color: HighlightColor,
    /// Its tags, sorted.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The user's note (may be several lines; empty for none).
    #[serde(default)]
    pub note: String,
    /// When it was made.
    pub created: jiff::Timestamp,
    /// When it last changed.
    pub modified: jiff::Timestamp,
    /// Made by accepting a suggested event: text an event rests on, not a
    /// passage the reader chose. Drawn in the quiet evidence style, never a
    /// colour, and kept out of the Highlights list; giving it a colour
    /// makes it an ordinary highlight.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub evidence: bool,
    /// Who made it and who changed it last (times are `created` and
    /// `modified`).
    #[serde(default, skip_serializing_if = "Credit::is_empty")]
    pub credit: Credit,
}

impl Highlight {
    /// A new highlight with no tags or note.
    #[must_use]
    pub fn new(
        id: HighlightId,
        selector: Selector,
        color: HighlightColor,
        now: jiff::Timestamp,
    ) -> Self {
        Self {
            id,
            selector,
            color,
            tags: Vec::new(),
            note: String::new(),
            created: now,
            modified: now,
            evidence: false,
            credit: Credit::default(),
        }
    }
}

/// A tag as stored: trimmed, lower-case, inner whitespace as `-`; `None` when
/// nothing is left.
#[must_use]
pub fn normalize_tag(tag: &str) -> Option<String> {
    let words: Vec<String> = tag
        .trim()
        .trim_start_matches('#')
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let tag = words.join("-");
    (!tag.is_empty()).then_some(tag)
}

/// Normalises, sorts and de-duplicates tags.
#[must_use]
pub fn normalize_tags<S: AsRef<str>>(tags: &[S]) -> Vec<String> {
    let mut out: Vec<String> = tags
        .iter()
        .filter_map(|t| normalize_tag(t.as_ref()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Splits what a user typed in a tag field ("uk, security  cost") into tags.
#[must_use]
pub fn parse_tag_list(input: &str) -> Vec<String> {
    let parts: Vec<&str> = input
        .split([',', ';'])
        .flat_map(str::split_whitespace)
        .collect();
    normalize_tags(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalised_sorted_unique() {
        assert_eq!(normalize_tag("  US Pressure "), Some("us-pressure".into()));
        assert_eq!(normalize_tag("#UK"), Some("uk".into()));
        assert_eq!(normalize_tag("   "), None);
        assert_eq!(
            parse_tag_list("uk, Security; cost uk"),
            vec!["cost", "security", "uk"]
        );
    }

    #[test]
    fn ids_differ_across_processes_and_counters() {
        let a = HighlightId::from_parts(1, 10, 0);
        let b = HighlightId::from_parts(1, 11, 0);
        let c = HighlightId::from_parts(1, 10, 1);
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert!(a.0.starts_with("h-") && a.0.len() == 14);
    }

    #[test]
    fn selector_keeps_context() {
        let text = "The quick brown fox jumps over the lazy dog";
        let index = TextIndex::new(text);
        let sel = Selector::from_range(&index, CharRange::new(10, 19));
        assert_eq!(sel.quote.exact, "brown fox");
        assert_eq!(sel.quote.prefix, "The quick ");
        assert_eq!(sel.quote.suffix, " jumps over the lazy dog");
        assert_eq!(sel.position.range(), CharRange::new(10, 19));
    }

    #[test]
    fn colours_parse_by_name() {
        assert_eq!(
            HighlightColor::from_name("Pink"),
            Some(HighlightColor::Pink)
        );
        assert_eq!(HighlightColor::from_name("teal"), None);
    }
}
