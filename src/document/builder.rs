//! Builds a [`Document`]'s text, blocks and spans from a stream of loader events.
//!
//! Shared by every loader so all formats follow the same text rules: blocks are
//! separated by exactly `"\n\n"`, runs of white space collapse to one space
//! (except in code blocks), leading and trailing white space of a block is dropped,
//! and empty blocks vanish.

use super::{Block, BlockKind, CharRange, Span, SpanStyle};

/// The block currently being filled.
struct OpenBlock {
    kind: BlockKind,
    quote_depth: u8,
    list_depth: u8,
    marker: Option<String>,
    /// Text length (bytes, chars) before this block's separator was written.
    before: (usize, usize),
    /// Where the block's own text starts, once it has any.
    start: Option<(usize, usize)>,
    /// A collapsed space waiting for more text in the block.
    pending_space: bool,
}

/// Accumulates text, blocks and spans.
#[derive(Default)]
pub(crate) struct Builder {
    text: String,
    char_len: usize,
    blocks: Vec<Block>,
    spans: Vec<Span>,
    open: Option<OpenBlock>,
    open_spans: Vec<(SpanStyle, usize)>,
}

impl Builder {
    /// Starts a block, closing any open one.
    pub fn start_block(&mut self, kind: BlockKind, quote_depth: u8, list_depth: u8) {
        self.end_block();
        self.open = Some(OpenBlock {
            kind,
            quote_depth,
            list_depth,
            marker: None,
            before: (self.text.len(), self.char_len),
            start: None,
            pending_space: false,
        });
    }

    /// Sets the list marker of the open block.
    pub fn set_marker(&mut self, marker: String) {
        if let Some(open) = &mut self.open {
            open.marker = Some(marker);
        }
    }

    /// True when a block is open.
    pub fn in_block(&self) -> bool {
        self.open.is_some()
    }

    /// True when the open block is preformatted.
    fn preformatted(&self) -> bool {
        matches!(self.open.as_ref().map(|o| &o.kind), Some(BlockKind::Code))
    }

    /// Writes the separator before the open block's first char.
    fn ensure_started(&mut self) {
        let Some(open) = &mut self.open else { return };
        if open.start.is_none() {
            if !self.blocks.is_empty() {
                self.text.push_str("\n\n");
                self.char_len += 2;
            }
            open.start = Some((self.text.len(), self.char_len));
        }
    }

    fn push_raw(&mut self, s: &str) {
        self.text.push_str(s);
        self.char_len += s.chars().count();
    }

    /// Appends text to the open block (opening a paragraph if none is open).
    pub fn text(&mut self, s: &str) {
        if self.open.is_none() {
            self.start_block(BlockKind::Paragraph, 0, 0);
        }
        if self.preformatted() {
            if !s.is_empty() {
                self.ensure_started();
                self.push_raw(s);
            }
            return;
        }
        for (i, piece) in s.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.mark_space();
            }
            if piece.is_empty() {
                continue;
            }
            self.flush_space();
            self.ensure_started();
            self.push_raw(piece);
        }
    }

    /// A collapsible space (a soft line break, say).
    pub fn mark_space(&mut self) {
        if let Some(open) = &mut self.open
            && open.start.is_some()
        {
            open.pending_space = true;
        }
    }

    fn flush_space(&mut self) {
        if let Some(open) = &mut self.open
            && open.pending_space
        {
            open.pending_space = false;
            self.push_raw(" ");
        }
    }

    /// A hard line break inside the block.
    pub fn line_break(&mut self) {
        if let Some(open) = &mut self.open
            && open.start.is_some()
        {
            open.pending_space = false;
            self.push_raw("\n");
        }
    }

    /// Opens an inline style at the current position.
    pub fn open_span(&mut self, style: SpanStyle) {
        if self.open.as_ref().is_some_and(|o| o.start.is_some()) {
            self.flush_space();
        }
        self.open_spans.push((style, self.char_len));
    }

    /// Closes the innermost open style of this kind.
    pub fn close_span(&mut self) {
        if let Some((style, start)) = self.open_spans.pop() {
            // A span opened before the block's separator starts after it.
            let block_start = self
                .open
                .as_ref()
                .and_then(|o| o.start)
                .map_or(self.char_len, |s| s.1);
            let start = start.max(block_start);
            if start < self.char_len {
                self.spans.push(Span {
                    range: CharRange::new(start, self.char_len),
                    style,
                });
            }
        }
    }

    /// Closes the open block; an empty block leaves no trace.
    pub fn end_block(&mut self) {
        let Some(open) = self.open.take() else { return };
        let Some((byte_start, char_start)) = open.start else {
            return;
        };
        if matches!(open.kind, BlockKind::Code) {
            // Code keeps inner white space but not trailing newlines.
            let trimmed = self.text.trim_end().len().max(byte_start);
            let removed = self.text[trimmed..].chars().count();
            self.text.truncate(trimmed);
            self.char_len -= removed;
        }
        if self.char_len == char_start {
            self.text.truncate(open.before.0);
            self.char_len = open.before.1;
            self.spans.retain(|s| s.range.start.0 < char_start);
            return;
        }
        self.blocks.push(Block {
            kind: open.kind,
            range: CharRange::new(char_start, self.char_len),
            quote_depth: open.quote_depth,
            list_depth: open.list_depth,
            marker: open.marker,
            byte_start,
            byte_end: self.text.len(),
        });
    }

    /// Finishes: returns text, blocks, spans (sorted) and the char count.
    /// The title block, then a dateline of the `parts` present, joined
    /// with " · " (the loaders that know their metadata start so).
    pub fn title_and_dateline(&mut self, title: &str, parts: &[Option<String>]) {
        self.start_block(BlockKind::Title, 0, 0);
        self.text(title);
        let line: Vec<&str> = parts.iter().flatten().map(String::as_str).collect();
        if !line.is_empty() {
            self.start_block(BlockKind::Dateline, 0, 0);
            self.text(&line.join(" · "));
        }
        self.end_block();
    }

    /// The document built, with `meta` (its word count filled in).
    pub fn into_document(self, mut meta: super::Meta) -> super::Document {
        let (text, blocks, spans, char_len) = self.finish();
        meta.count_words(&text);
        document(meta, text, blocks, spans, char_len)
    }

    /// The document built, its title and dateline found among its first
    /// blocks (`fallback_title`, the file name, when it has no title).
    pub fn into_detected_document(self, fallback_title: &str) -> super::Document {
        let (text, mut blocks, spans, char_len) = self.finish();
        let meta = super::meta::detect(&text, &mut blocks, fallback_title);
        document(meta, text, blocks, spans, char_len)
    }

    pub fn finish(mut self) -> (String, Vec<Block>, Vec<Span>, usize) {
        self.end_block();
        while !self.open_spans.is_empty() {
            self.close_span();
        }
        self.spans.sort_by(|a, b| {
            (a.range.start, std::cmp::Reverse(a.range.end), &a.style).cmp(&(
                b.range.start,
                std::cmp::Reverse(b.range.end),
                &b.style,
            ))
        });
        (self.text, self.blocks, self.spans, self.char_len)
    }
}

/// A document from its parts, its fingerprint computed when first asked.
fn document(
    meta: super::Meta,
    text: String,
    blocks: Vec<Block>,
    spans: Vec<Span>,
    char_len: usize,
) -> super::Document {
    super::Document {
        meta,
        text,
        blocks,
        spans,
        char_len,
        fingerprint_cache: std::sync::OnceLock::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_joined_by_blank_line_and_whitespace_collapses() {
        let mut b = Builder::default();
        b.start_block(BlockKind::Paragraph, 0, 0);
        b.text("  Hello \n  world  ");
        b.start_block(BlockKind::Paragraph, 0, 0);
        b.text("Again");
        let (text, blocks, _, len) = b.finish();
        assert_eq!(text, "Hello world\n\nAgain");
        assert_eq!(len, text.chars().count());
        assert_eq!(blocks[1].range, CharRange::new(13, 18));
    }

    #[test]
    fn empty_blocks_vanish_with_their_separator() {
        let mut b = Builder::default();
        b.start_block(BlockKind::Paragraph, 0, 0);
        b.text("One");
        b.start_block(BlockKind::Paragraph, 0, 0);
        b.open_span(SpanStyle::Emphasis);
        b.text("   ");
        b.close_span();
        b.start_block(BlockKind::Paragraph, 0, 0);
        b.text("Two");
        let (text, blocks, spans, _) = b.finish();
        assert_eq!(text, "One\n\nTwo");
        assert_eq!(blocks.len(), 2);
        assert!(spans.is_empty());
    }

    #[test]
    fn span_starts_after_separator_and_space() {
        let mut b = Builder::default();
        b.start_block(BlockKind::Paragraph, 0, 0);
        b.text("A");
        b.start_block(BlockKind::Paragraph, 0, 0);
        b.open_span(SpanStyle::Strong);
        b.text("bold");
        b.close_span();
        b.text(" and ");
        b.open_span(SpanStyle::Emphasis);
        b.text("it");
        b.close_span();
        let (text, _, spans, _) = b.finish();
        assert_eq!(text, "A\n\nbold and it");
        assert_eq!(spans[0].range, CharRange::new(3, 7));
        assert_eq!(spans[1].range, CharRange::new(12, 14));
    }
}
