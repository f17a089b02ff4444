//! Finding a typed quote in the text, where any run of whitespace in the
//! quote matches any run of whitespace in the text.

use crate::document::{CharRange, TextIndex};

/// Every match of `quote` in the indexed text, in text order. Whitespace in
/// the quote (including line breaks) matches any run of whitespace; leading and
/// trailing whitespace is ignored; matching is case-sensitive.
#[must_use]
pub fn find_quote(index: &TextIndex<'_>, quote: &str) -> Vec<CharRange> {
    find_quote_in(index, quote, 0, usize::MAX)
}

/// Every match of `quote` (as [`find_quote`]) starting in the bytes
/// `lo..hi` of the text (clamped to it).
#[must_use]
pub fn find_quote_in(index: &TextIndex<'_>, quote: &str, lo: usize, hi: usize) -> Vec<CharRange> {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let Some((first, rest)) = words.split_first() else {
        return Vec::new();
    };
    let text = index.text();
    let boundary = |mut b: usize| {
        b = b.min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        b
    };
    let (lo, hi) = (boundary(lo), boundary(hi));
    let mut out = Vec::new();
    let mut from = lo;
    while let Some(found) = text[from..].find(first) {
        let start = from + found;
        if start >= hi {
            break;
        }
        if let Some(end) = match_rest(text, start + first.len(), rest) {
            out.push(CharRange {
                start: index.char_of(start),
                end: index.char_of(end),
            });
        }
        // Advance by one char so overlapping matches are found too.
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Matches `words` after `pos`, each preceded by at least one whitespace char;
/// returns the byte offset after the last word.
fn match_rest(text: &str, mut pos: usize, words: &[&str]) -> Option<usize> {
    for word in words {
        let tail = &text[pos..];
        let trimmed = tail.trim_start();
        if trimmed.len() == tail.len() || !trimmed.starts_with(word) {
            return None;
        }
        pos += tail.len() - trimmed.len() + word.len();
    }
    Some(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_match_any_whitespace() {
        let text = "one two\n\nthree two  three";
        let index = TextIndex::new(text);
        assert_eq!(
            find_quote(&index, "two three"),
            vec![CharRange::new(4, 14), CharRange::new(15, 25)]
        );
        assert_eq!(
            find_quote(&index, "  two\tthree "),
            find_quote(&index, "two three")
        );
        assert!(find_quote(&index, "twothree").is_empty());
        assert!(find_quote(&index, "   ").is_empty());
    }

    #[test]
    fn overlapping_and_multibyte() {
        let text = "€aa€aaa";
        let index = TextIndex::new(text);
        assert_eq!(
            find_quote(&index, "aa"),
            vec![
                CharRange::new(1, 3),
                CharRange::new(4, 6),
                CharRange::new(5, 7)
            ]
        );
    }
}
