//! The document model: an article's plain reading text, its blocks and styled spans.
//!
//! Pure data and pure functions: no egui, no file IO. Loaders (`markdown`, `plain`,
//! `html`) turn source text into a [`Document`]; [`load`] is the IO boundary.
//!
//! Every position in Storyline is a [`CharIdx`]: a count of Unicode scalar values
//! into [`Document::text`], never a byte offset.

mod builder;
pub mod contain;
mod dates;
pub mod find;
pub mod formats;
mod index;
pub mod load;
mod meta;
pub mod outline;
pub mod word_bounds;

pub use dates::{month_from_name, parse_loose_date};
pub use formats::{docx, epub, mail, newsdb, pdf, rtf};
use formats::{html, markdown, pdf_layout, pdf_words, plain};
pub use index::TextIndex;
pub use load::{
    ARTICLE_EXTENSIONS, FileFormat, LoadError, LoadedDocument, SourceFormat, load_path,
    load_path_with_preview, parse_source,
};
pub use meta::Meta;

use serde::{Deserialize, Serialize};

/// A char offset into a document's text: a count of Unicode scalar values.
///
/// Mixing char and byte offsets is a classic source of bugs, so every offset
/// the model stores or exchanges is this newtype.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct CharIdx(pub usize);

/// A half-open range `[start, end)` of char offsets.
///
/// Invariant: `start <= end`. In `"Some text"`, `(0, 3)` covers `"Som"`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct CharRange {
    /// First char inside the range.
    pub start: CharIdx,
    /// First char after the range.
    pub end: CharIdx,
}

impl CharRange {
    /// A range from `start` to `end`; the two are swapped if given backwards.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        Self {
            start: CharIdx(start),
            end: CharIdx(end),
        }
    }

    /// Number of chars in the range.
    #[must_use]
    pub fn len(self) -> usize {
        self.end.0 - self.start.0
    }

    /// True when the range covers no char.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `idx` is inside `[start, end)`.
    #[must_use]
    pub fn contains(self, idx: CharIdx) -> bool {
        self.start <= idx && idx < self.end
    }

    /// True when the two ranges share at least one char.
    #[must_use]
    pub fn overlaps(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What a block is, which decides how the reader styles it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    /// The article's title (at most one, always the first block when present).
    Title,
    /// The source and date line under the title, e.g. "Wall Street Journal, Jan 23, 2020".
    Dateline,
    /// A section heading; `level` is 1..=6.
    Heading {
        /// Heading level, 1..=6.
        level: u8,
    },
    /// A paragraph of running text.
    Paragraph,
    /// Preformatted text (code), shown in a monospace font with its line breaks.
    Code,
}

/// One block of the reading text: a paragraph, heading, list item, code block...
///
/// Invariants: `range` is non-empty and lies inside the document text; blocks
/// are sorted by `range.start`, do not overlap, and are separated in the text by
/// exactly `"\n\n"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// How the block is styled.
    pub kind: BlockKind,
    /// The block's text in [`Document::text`].
    pub range: CharRange,
    /// Block-quote nesting depth (0 = not quoted).
    pub quote_depth: u8,
    /// List nesting depth (0 = not in a list).
    pub list_depth: u8,
    /// The list marker shown before the block ("•", "3."); not part of the text.
    pub marker: Option<String>,
    /// Byte offset of `range.start` in the text, kept so slicing needs no scan.
    pub byte_start: usize,
    /// Byte offset of `range.end` in the text.
    pub byte_end: usize,
}

/// An inline style over part of the text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SpanStyle {
    /// Italic text.
    Emphasis,
    /// Bold text.
    Strong,
    /// Struck-through text.
    Strikethrough,
    /// Inline code.
    Code,
    /// A link; `url` is the target as written (placeholders such as `#` are dropped).
    Link {
        /// The link target.
        url: String,
    },
}

/// A styled run of text.
///
/// Invariants: `range` is non-empty and lies inside one block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The styled chars.
    pub range: CharRange,
    /// The style.
    pub style: SpanStyle,
}

/// A loaded article: metadata, plain reading text, blocks and spans.
///
/// Invariants: the same source always gives the same `text` (highlights anchor
/// to it); `blocks` are sorted and cover every non-separator char of `text`;
/// `spans` are sorted by `range.start`; `char_len == text.chars().count()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Title, source, dates, word count.
    pub meta: Meta,
    /// The plain reading text: blocks joined by `"\n\n"`.
    pub text: String,
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
    /// Inline styles, sorted by start.
    pub spans: Vec<Span>,
    /// Number of chars in `text`.
    pub char_len: usize,
    /// [`Document::fingerprint`], computed on first use.
    pub fingerprint_cache: std::sync::OnceLock<String>,
}

impl Document {
    /// The text of one block.
    #[must_use]
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.byte_start..block.byte_end]
    }

    /// Index of the block containing `idx`, or the nearest block after it
    /// (for an offset that falls on a separator); `None` for an empty document.
    #[must_use]
    pub fn block_at(&self, idx: CharIdx) -> Option<usize> {
        if self.blocks.is_empty() {
            return None;
        }
        let after = self.blocks.partition_point(|b| b.range.end <= idx);
        Some(after.min(self.blocks.len() - 1))
    }

    /// The spans that overlap `range`, in order.
    #[must_use]
    pub fn spans_in(&self, range: CharRange) -> &[Span] {
        // Spans never cross blocks and are sorted by start, so both ends are
        // found by binary search (a span starting before `range` ends before it too
        // when `range` is a whole block).
        let first = self.spans.partition_point(|s| s.range.end <= range.start);
        let last = self.spans.partition_point(|s| s.range.start < range.end);
        &self.spans[first..last.max(first)]
    }

    /// A stable fingerprint of the text (FNV-1a, 64 bit, hex), so a save can
    /// tell whether it was made on this exact text.
    #[must_use]
    pub fn fingerprint(&self) -> String {
        self.fingerprint_cache
            .get_or_init(|| text_fingerprint(&self.text))
            .clone()
    }

    /// The text in `range`, or `None` if the range is outside the document.
    #[must_use]
    pub fn slice(&self, range: CharRange) -> Option<&str> {
        // Count chars from the start of the block holding `range.start`, not
        // from the start of the text: a slice of a book costs a paragraph.
        let (from_char, from_byte) = self
            .block_at(range.start)
            .map(|b| &self.blocks[b])
            .filter(|b| b.range.start <= range.start)
            .map_or((0, 0), |b| (b.range.start.0, b.byte_start));
        let start = from_byte + byte_of_char(&self.text[from_byte..], range.start.0 - from_char)?;
        let len = byte_of_char(&self.text[start..], range.len())?;
        Some(&self.text[start..start + len])
    }
}

/// FNV-1a 64-bit hash of `text` as 16 hex digits; stable across runs and platforms.
#[must_use]
pub fn text_fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Byte offset of the `char_idx`-th char of `text` (`text.len()` for one past
/// the end); `None` when `char_idx` is beyond the end.
#[must_use]
pub fn byte_of_char(text: &str, char_idx: usize) -> Option<usize> {
    if char_idx == 0 {
        return Some(0);
    }
    match text.char_indices().nth(char_idx) {
        Some((byte, _)) => Some(byte),
        None => (text.chars().count() == char_idx).then_some(text.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_range_is_half_open() {
        let r = CharRange::new(0, 3);
        assert!(r.contains(CharIdx(0)));
        assert!(r.contains(CharIdx(2)));
        assert!(!r.contains(CharIdx(3)));
        assert_eq!(r.len(), 3);
        assert_eq!(CharRange::new(5, 2), CharRange::new(2, 5));
        assert!(CharRange::new(0, 3).overlaps(CharRange::new(2, 4)));
        assert!(!CharRange::new(0, 3).overlaps(CharRange::new(3, 4)));
    }

    #[test]
    fn byte_of_char_counts_scalar_values() {
        let text = "a—b€";
        assert_eq!(byte_of_char(text, 0), Some(0));
        assert_eq!(byte_of_char(text, 1), Some(1));
        assert_eq!(byte_of_char(text, 2), Some(4));
        assert_eq!(byte_of_char(text, 4), Some(text.len()));
        assert_eq!(byte_of_char(text, 5), None);
    }

    #[test]
    fn fingerprint_is_stable() {
        assert_eq!(text_fingerprint(""), "cbf29ce484222325");
        assert_eq!(text_fingerprint("a"), "af63dc4c8601ec8c");
    }
}
