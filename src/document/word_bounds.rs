//! Word boundaries for ranges: a highlight made by a mouse drag, or found
//! again approximately, starts and ends on whole words.

use super::CharRange;

/// A char that belongs to a word (letters, digits, inner apostrophes and
/// hyphens).
#[must_use]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '_')
}

/// `range` grown outwards to whole words at the ends asked for (a start
/// inside a word moves back to the word's start, an end inside one moves on
/// to its end), with blanks at those ends trimmed. `char_at(i)` is the
/// text's char `i`; `len` its length in chars. Never returns an empty range
/// for a non-empty one.
#[must_use]
pub fn snap_to_words(
    range: CharRange,
    len: usize,
    char_at: impl Fn(usize) -> Option<char>,
    (snap_start, snap_end): (bool, bool),
) -> CharRange {
    let word = |i: usize| char_at(i).is_some_and(is_word_char);
    let blank = |i: usize| char_at(i).is_some_and(char::is_whitespace);
    let (mut s, mut e) = (range.start.0, range.end.0.min(len));
    if snap_start {
        while s + 1 < e && blank(s) {
            s += 1;
        }
        while s > 0 && word(s) && word(s - 1) {
            s -= 1;
        }
    }
    if snap_end {
        while e > s + 1 && blank(e - 1) {
            e -= 1;
        }
        while e < len && e > 0 && word(e - 1) && word(e) {
            e += 1;
        }
    }
    CharRange::new(s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(text: &str, a: usize, b: usize) -> String {
        let chars: Vec<char> = text.chars().collect();
        let r = snap_to_words(
            CharRange::new(a, b),
            chars.len(),
            |i| chars.get(i).copied(),
            (true, true),
        );
        chars[r.start.0..r.end.0].iter().collect()
    }

    #[test]
    fn ranges_grow_to_whole_words() {
        let t = "and the cost had risen sharply.";
        assert_eq!(snap(t, 2, 12), "and the cost");
        assert_eq!(snap(t, 3, 10), "the cost");
        assert_eq!(snap(t, 4, 13), "the cost");
        assert_eq!(snap(t, 0, t.len()), t);
        // Punctuation at the end is kept, not grown past.
        assert_eq!(snap(t, 23, 31), "sharply.");
        // Apostrophes inside words: Huawei's.
        assert_eq!(snap("Huawei's finance chief", 3, 12), "Huawei's finance");
    }
}
