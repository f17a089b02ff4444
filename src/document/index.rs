//! Fast char ↔ byte offset conversion for large texts.

use super::{CharIdx, CharRange};

/// Chars between two checkpoints.
const STRIDE: usize = 256;

/// Converts between char offsets and byte offsets of one text in
/// O(`STRIDE`) per lookup, instead of walking the whole text.
///
/// Invariant: `checkpoints[i]` is the byte offset of char `i * STRIDE`.
#[derive(Clone, Debug)]
pub struct TextIndex<'a> {
    text: &'a str,
    checkpoints: Vec<usize>,
    char_len: usize,
}

impl<'a> TextIndex<'a> {
    /// Indexes `text` in one pass.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut char_len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(byte);
            }
            char_len = i + 1;
        }
        if checkpoints.is_empty() {
            checkpoints.push(0);
        }
        Self {
            text,
            checkpoints,
            char_len,
        }
    }

    /// The indexed text.
    #[must_use]
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of chars in the text.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of char `idx`, clamped to the end of the text.
    #[must_use]
    pub fn byte_of(&self, idx: CharIdx) -> usize {
        if idx.0 >= self.char_len {
            return self.text.len();
        }
        let base = self.checkpoints[idx.0 / STRIDE];
        let skip = idx.0 % STRIDE;
        self.text[base..]
            .char_indices()
            .nth(skip)
            .map_or(self.text.len(), |(b, _)| base + b)
    }

    /// Char offset of the char that contains byte `byte` (clamped to the end).
    #[must_use]
    pub fn char_of(&self, byte: usize) -> CharIdx {
        let byte = byte.min(self.text.len());
        let cp = self.checkpoints.partition_point(|&b| b <= byte).max(1) - 1;
        let base = self.checkpoints[cp];
        let mut end = byte;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        CharIdx(cp * STRIDE + self.text[base..end].chars().count())
    }

    /// The text in `range` (clamped to the text).
    #[must_use]
    pub fn slice(&self, range: CharRange) -> &'a str {
        let start = self.byte_of(range.start);
        let end = self.byte_of(range.end).max(start);
        &self.text[start..end]
    }

    /// Up to `n` chars ending at `idx`.
    #[must_use]
    pub fn before(&self, idx: CharIdx, n: usize) -> &'a str {
        self.slice(CharRange::new(idx.0.saturating_sub(n), idx.0))
    }

    /// Up to `n` chars starting at `idx`.
    #[must_use]
    pub fn after(&self, idx: CharIdx, n: usize) -> &'a str {
        self.slice(CharRange::new(idx.0, (idx.0 + n).min(self.char_len)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways_on_multibyte_text() {
        let text: String = (0..2000)
            .map(|i| if i % 7 == 0 { '€' } else { 'a' })
            .collect();
        let index = TextIndex::new(&text);
        assert_eq!(index.char_len(), 2000);
        for i in [0, 1, 255, 256, 257, 1000, 1999, 2000] {
            let byte = index.byte_of(CharIdx(i));
            assert_eq!(Some(byte), super::super::byte_of_char(&text, i), "char {i}");
            assert_eq!(index.char_of(byte), CharIdx(i));
        }
        // A byte inside a multi-byte char maps to that char.
        assert_eq!(index.char_of(1), CharIdx(0));
        assert_eq!(index.slice(CharRange::new(0, 2)), "€a");
        assert_eq!(index.before(CharIdx(2), 5), "€a");
        assert_eq!(index.after(CharIdx(1999), 5), "a");
    }

    #[test]
    fn empty_text() {
        let index = TextIndex::new("");
        assert_eq!(index.byte_of(CharIdx(3)), 0);
        assert_eq!(index.char_of(0), CharIdx(0));
        assert_eq!(index.slice(CharRange::new(0, 4)), "");
    }
}
