//! The reader's text selection, in document char offsets, and the pure rules
//! for growing it (word, paragraph, keyboard steps).

use crate::document::{CharIdx, CharRange, Document};

/// A selection: where it started (`anchor`) and where it ends now (`head`).
/// Either may come first; the selected chars are `[min, max)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The fixed end.
    pub anchor: CharIdx,
    /// The moving end.
    pub head: CharIdx,
}

/// What a mouse press selects while it drags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Granularity {
    /// Single chars (one click).
    #[default]
    Char,
    /// Whole words (double click).
    Word,
    /// Whole paragraphs (triple click).
    Block,
}

impl Selection {
    /// A selection of `range`, anchored at its start.
    #[must_use]
    pub fn of(range: CharRange) -> Self {
        Self {
            anchor: range.start,
            head: range.end,
        }
    }

    /// The selected chars.
    #[must_use]
    pub fn range(self) -> CharRange {
        CharRange::new(self.anchor.0, self.head.0)
    }

    /// True when nothing is selected.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.anchor == self.head
    }
}

use crate::document::word_bounds::{is_word_char, snap_to_words};

/// The selection a mouse drag makes: by char while it stays inside one
/// word, else grown to whole words at both ends (highlights never start
/// mid-word, as in e-book readers).
#[must_use]
pub fn drag_selection(
    doc: &Document,
    anchor: CharIdx,
    head: CharIdx,
    unit: Granularity,
) -> Selection {
    let sel = extend(doc, anchor, head, unit);
    if unit != Granularity::Char || sel.is_empty() {
        return sel;
    }
    let range = sel.range();
    let spans_words = doc
        .slice(range)
        .is_some_and(|t| t.chars().any(|c| !is_word_char(c)));
    if !spans_words {
        return sel;
    }
    let char_at = |i: usize| {
        doc.slice(CharRange::new(i, i + 1))
            .and_then(|s| s.chars().next())
    };
    let snapped = snap_to_words(range, doc.char_len, char_at, (true, true));
    if sel.head >= sel.anchor {
        Selection::of(snapped)
    } else {
        Selection {
            anchor: snapped.end,
            head: snapped.start,
        }
    }
}

/// The word around `at` (or the single char there when it is not a word char).
#[must_use]
pub fn word_at(doc: &Document, at: CharIdx) -> CharRange {
    let Some(b) = doc.block_at(at) else {
        return CharRange::new(at.0, at.0);
    };
    let block = &doc.blocks[b];
    let chars: Vec<char> = doc.block_text(block).chars().collect();
    let i = at.0.saturating_sub(block.range.start.0).min(chars.len());
    let probe = if i < chars.len() {
        i
    } else {
        i.saturating_sub(1)
    };
    if chars.get(probe).is_none_or(|c| !is_word_char(*c)) {
        let s = block.range.start.0 + probe;
        return CharRange::new(s, (s + 1).min(block.range.end.0));
    }
    let mut lo = probe;
    while lo > 0 && is_word_char(chars[lo - 1]) {
        lo -= 1;
    }
    let mut hi = probe;
    while hi < chars.len() && is_word_char(chars[hi]) {
        hi += 1;
    }
    // Trailing apostrophes and dashes are punctuation, not word.
    while hi > lo + 1 && matches!(chars[hi - 1], '\'' | '’' | '-') {
        hi -= 1;
    }
    CharRange::new(block.range.start.0 + lo, block.range.start.0 + hi)
}

/// The paragraph (block) around `at`.
#[must_use]
pub fn block_range_at(doc: &Document, at: CharIdx) -> CharRange {
    doc.block_at(at)
        .map_or(CharRange::new(at.0, at.0), |b| doc.blocks[b].range)
}

/// The selection for a drag from `anchor` to `head` at a granularity: words
/// and paragraphs grow to include whole units at both ends.
#[must_use]
pub fn extend(doc: &Document, anchor: CharIdx, head: CharIdx, unit: Granularity) -> Selection {
    let grow = |at: CharIdx| match unit {
        Granularity::Char => CharRange::new(at.0, at.0),
        Granularity::Word => word_at(doc, at),
        Granularity::Block => block_range_at(doc, at),
    };
    let (a, h) = (grow(anchor), grow(head));
    if head >= anchor {
        Selection {
            anchor: a.start,
            head: h.end,
        }
    } else {
        Selection {
            anchor: a.end,
            head: h.start,
        }
    }
}

/// One keyboard step of the head: a char, a word (`by_word`), or to the
/// previous/next paragraph boundary (`by_block`).
#[must_use]
pub fn step(
    doc: &Document,
    head: CharIdx,
    forward: bool,
    by_word: bool,
    by_block: bool,
) -> CharIdx {
    let len = doc.char_len;
    if by_block {
        let Some(b) = doc.block_at(head) else {
            return head;
        };
        let block = doc.blocks[b].range;
        return if forward {
            if head < block.end {
                block.end
            } else {
                doc.blocks.get(b + 1).map_or(CharIdx(len), |n| n.range.end)
            }
        } else if head > block.start {
            block.start
        } else {
            b.checked_sub(1)
                .map_or(CharIdx(0), |p| doc.blocks[p].range.start)
        };
    }
    if !by_word {
        return if forward {
            CharIdx((head.0 + 1).min(len))
        } else {
            CharIdx(head.0.saturating_sub(1))
        };
    }
    // By word: skip non-word chars, then the word (looking at most 200 chars away).
    let lo = head.0.saturating_sub(200);
    let hi = (head.0 + 200).min(len);
    let slice: Vec<char> = doc
        .slice(CharRange::new(lo, hi))
        .unwrap_or("")
        .chars()
        .collect();
    walk_word(&slice, head.0 - lo, forward)
        .map_or(if forward { CharIdx(hi) } else { CharIdx(lo) }, |i| {
            CharIdx(lo + i)
        })
}

fn walk_word(chars: &[char], mut i: usize, forward: bool) -> Option<usize> {
    if forward {
        while i < chars.len() && !is_word_char(chars[i]) {
            i += 1;
        }
        while i < chars.len() && is_word_char(chars[i]) {
            i += 1;
        }
        (i < chars.len()).then_some(i)
    } else {
        while i > 0 && !is_word_char(chars[i - 1]) {
            i -= 1;
        }
        while i > 0 && is_word_char(chars[i - 1]) {
            i -= 1;
        }
        (i > 0).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drag_across_words_snaps_to_whole_words() {
        let d = crate::document::parse_source(
            "The cost had risen sharply.",
            crate::document::SourceFormat::Text,
            "t",
        );
        let text = |s: Selection| d.slice(s.range()).unwrap_or_default().to_owned();
        // "e cost ha" → "The cost had".
        let s = drag_selection(&d, CharIdx(2), CharIdx(11), Granularity::Char);
        assert_eq!(text(s), "The cost had");
        // Backwards too, keeping the direction.
        let s = drag_selection(&d, CharIdx(11), CharIdx(2), Granularity::Char);
        assert_eq!(text(s), "The cost had");
        assert!(s.head < s.anchor);
        // Inside one word it stays by char.
        let s = drag_selection(&d, CharIdx(4), CharIdx(6), Granularity::Char);
        assert_eq!(text(s), "co");
    }
    use crate::document::{SourceFormat, parse_source};

    fn doc() -> Document {
        parse_source(
            "A title\n\nHuawei's CFO went to court.\n\nSecond para here.",
            SourceFormat::Text,
            "t",
        )
    }

    fn text(doc: &Document, r: CharRange) -> &str {
        doc.slice(r).expect("in range")
    }

    #[test]
    fn double_click_selects_the_word() {
        let d = doc();
        let at = CharIdx(d.text.find("CFO").expect("CFO") + 1);
        assert_eq!(text(&d, word_at(&d, at)), "CFO");
        let at = CharIdx(d.text.find("Huawei").expect("word") + 2);
        assert_eq!(text(&d, word_at(&d, at)), "Huawei's");
        let dot = CharIdx(d.text.find("court.").expect("court") + 5);
        assert_eq!(text(&d, word_at(&d, dot)), ".");
    }

    #[test]
    fn triple_click_selects_the_paragraph() {
        let d = doc();
        let at = CharIdx(d.text.find("went").expect("went"));
        assert_eq!(
            text(&d, block_range_at(&d, at)),
            "Huawei's CFO went to court."
        );
    }

    #[test]
    fn word_drag_grows_both_ends_and_works_backwards() {
        let d = doc();
        let a = CharIdx(d.text.find("CFO").expect("CFO") + 1);
        let h = CharIdx(d.text.find("court").expect("court") + 2);
        let s = extend(&d, a, h, Granularity::Word);
        assert_eq!(text(&d, s.range()), "CFO went to court");
        let back = extend(&d, h, a, Granularity::Word);
        assert_eq!(back.range(), s.range());
        // Across paragraphs.
        let far = CharIdx(d.text.find("here").expect("here") + 1);
        let s = extend(&d, a, far, Granularity::Block);
        assert_eq!(
            text(&d, s.range()),
            "Huawei's CFO went to court.\n\nSecond para here."
        );
    }

    #[test]
    fn keyboard_steps() {
        let d = doc();
        let at = CharIdx(d.text.find("CFO").expect("CFO"));
        assert_eq!(step(&d, at, true, false, false), CharIdx(at.0 + 1));
        let w = step(&d, at, true, true, false);
        assert_eq!(&d.text[at.0..w.0], "CFO");
        let back = step(&d, w, false, true, false);
        assert_eq!(back, at);
        let end = step(&d, at, true, false, true);
        assert_eq!(end, d.blocks[1].range.end);
        assert_eq!(step(&d, CharIdx(0), false, false, false), CharIdx(0));
    }
}
