//! A document's outline: its headings (an EPUB's or a long web page's
//! chapters and sections) in order, and which one a reading position is in.

use super::{BlockKind, CharIdx, Document};

/// Headings a title keeps at most, in chars (longer ones end in "…").
const TITLE_CHARS: usize = 80;

/// One heading of the outline.
///
/// Invariant: entries are in text order; `level` is 1..=6.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineEntry {
    /// Heading level (1 is a chapter).
    pub level: u8,
    /// Its text, on one line.
    pub title: String,
    /// Where it starts.
    pub start: CharIdx,
}

/// The headings of `doc`, in order (empty when it has none).
#[must_use]
pub fn outline(doc: &Document) -> Vec<OutlineEntry> {
    doc.blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level } => {
                let text = doc
                    .block_text(b)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let title = if text.chars().count() > TITLE_CHARS {
                    let cut: String = text.chars().take(TITLE_CHARS - 1).collect();
                    format!("{}…", cut.trim_end())
                } else {
                    text
                };
                (!title.is_empty()).then_some(OutlineEntry {
                    level,
                    title,
                    start: b.range.start,
                })
            }
            _ => None,
        })
        .collect()
}

/// The entry a reader at `at` is in: the last heading at or before it.
#[must_use]
pub fn current(outline: &[OutlineEntry], at: CharIdx) -> Option<usize> {
    outline.partition_point(|e| e.start <= at).checked_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{SourceFormat, parse_source};

    #[test]
    fn headings_make_the_outline_and_a_position_finds_its_chapter() {
        let doc = parse_source(
            "# A book\n\nOpening words.\n\n## Chapter one\n\nIt began.\n\n### A scene\n\nMore.\n\n## Chapter two\n\nThe end.",
            SourceFormat::Markdown,
            "book.md",
        );
        let o = outline(&doc);
        let titles: Vec<(u8, &str)> = o.iter().map(|e| (e.level, e.title.as_str())).collect();
        assert!(
            titles.ends_with(&[(2, "Chapter one"), (3, "A scene"), (2, "Chapter two")]),
            "{titles:?}"
        );
        let end = CharIdx(doc.text.chars().count());
        assert_eq!(
            current(&o, end).map(|i| o[i].title.as_str()),
            Some("Chapter two")
        );
        let scene = o.iter().position(|e| e.title == "A scene").expect("scene");
        assert_eq!(current(&o, o[scene].start), Some(scene));
        assert_eq!(
            current(&o, CharIdx(0)).filter(|&i| o[i].start > CharIdx(0)),
            None
        );
    }
}
