//! A Markdown note for Obsidian: front matter with the article's metadata,
//! then each highlight as a quote block carrying its tags and note, and a
//! block id that is the highlight's id (`^h-…`), so other notes can link
//! to it (`[[note#^h-…]]`) and it leads back to the highlight in Storyline.
//!
//! Quotes and notes are text: every character Obsidian would read as
//! markup (`*`, `[[`, `#`, `$` maths, `<b>`, `==`, …) is escaped.

use std::fmt::Write as _;

use super::{ExportInput, long_date, quote_of};
use crate::annotate::Entry;
use crate::document::TextIndex;
use crate::wording::count;

/// The article's highlights as one Obsidian note.
pub(super) fn obsidian(input: &ExportInput<'_>) -> String {
    let doc = input.doc;
    let meta = &doc.meta;
    let index = TextIndex::new(&doc.text);
    let entries = input.annotations.entries();
    let mut out = String::from("---\n");
    let _ = writeln!(out, "title: {}", yaml(&meta.title));
    if let Some(source) = &meta.source {
        let _ = writeln!(out, "source: {}", yaml(source));
    }
    if let Some(byline) = &meta.byline {
        let _ = writeln!(out, "author: {}", yaml(byline));
    }
    if let Some(d) = input.published {
        let _ = writeln!(out, "published: {d}");
    }
    let _ = writeln!(
        out,
        "storyline: {}",
        yaml(&format!("urn:storyline:text:{}", doc.fingerprint()))
    );
    let _ = writeln!(out, "highlights: {}", entries.len());
    let mut tags: Vec<&str> = entries
        .iter()
        .flat_map(|e| e.highlight.tags.iter().map(String::as_str))
        .filter(|t| is_obsidian_tag(t))
        .collect();
    tags.sort_unstable();
    tags.dedup();
    out.push_str("tags:\n  - storyline\n");
    for t in tags {
        let _ = writeln!(out, "  - {t}");
    }
    out.push_str("---\n\n");
    let _ = writeln!(out, "# {}\n", text(&meta.title));
    let mut line = Vec::new();
    if let Some(source) = &meta.source {
        line.push(format!("*{}*", text(source)));
    }
    line.push(format!("Published {}", long_date(input.published)));
    line.push(count(entries.len(), "highlight", "highlights"));
    let _ = writeln!(out, "{}\n", line.join(" · "));
    for entry in entries {
        highlight(&mut out, &index, entry);
    }
    out
}

/// One highlight: its quote, tags and note as one quote block, then its id
/// as the block's id.
fn highlight(out: &mut String, index: &TextIndex<'_>, entry: &Entry) {
    let h = &entry.highlight;
    for line in quote_of(index, entry).lines() {
        let _ = writeln!(out, "> {}", text(line));
    }
    // Tags and colour on one line, then the note, each its own paragraph
    // of the quote block (so it reads the same with strict line breaks).
    let tags: Vec<String> = h
        .tags
        .iter()
        .map(|t| {
            if is_obsidian_tag(t) {
                format!("#{t}")
            } else {
                format!("`{}`", t.replace('`', "'"))
            }
        })
        .collect();
    let mut facts = Vec::new();
    if !tags.is_empty() {
        facts.push(tags.join(" "));
    }
    if h.evidence {
        facts.push("*evidence of an event*".to_owned());
    } else {
        facts.push(format!("*{}*", h.color.name()));
    }
    if entry.range().is_none() {
        facts.push("*orphaned: not found in the current text*".to_owned());
    }
    let _ = writeln!(out, ">\n> {}", facts.join(" · "));
    let note = h.note.trim();
    if !note.is_empty() {
        out.push_str(">\n");
        for (i, line) in note.lines().enumerate() {
            let line = text(line);
            match (i, line.is_empty()) {
                (0, _) => {
                    let _ = writeln!(out, "> **Note:** {line}");
                }
                (_, true) => out.push_str(">\n"),
                _ => {
                    let _ = writeln!(out, "> {line}");
                }
            }
        }
    }
    // Obsidian reads a block id on its own line after a quote block.
    let _ = writeln!(out, "\n^{}\n", h.id);
}

/// Obsidian tags: letters, digits, `-`, `_`, `/`, and not only digits.
fn is_obsidian_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/'))
        && !tag.chars().all(|c| c.is_ascii_digit())
}

/// A line of text with everything Obsidian would read as markup escaped.
pub(crate) fn text(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let trimmed = line.trim_start();
    // A line that would start a list, a heading or a quote.
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let list_number = digits > 0 && trimmed[digits..].starts_with(['.', ')']);
    for (i, c) in trimmed.char_indices() {
        let escape = matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '$'
                | '='
                | '%'
                | '^'
        ) || (i == 0 && matches!(c, '-' | '+'))
            || (list_number && i == digits);
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A YAML string in double quotes.
fn yaml(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_as_text() {
        assert_eq!(
            text("a $60 billion cap and $1 billion"),
            "a \\$60 billion cap and \\$1 billion"
        );
        assert_eq!(
            text("<script>alert(1)</script> **b** [[x]] #tag ==m=="),
            "\\<script\\>alert(1)\\</script\\> \\*\\*b\\*\\* \\[\\[x\\]\\] \\#tag \\=\\=m\\=\\="
        );
        assert_eq!(text("- not a list"), "\\- not a list");
        assert_eq!(text("1. not a list"), "1\\. not a list");
        assert_eq!(text("U.S.-UK trade"), "U.S.-UK trade");
    }

    #[test]
    fn tags_obsidian_can_read() {
        assert!(is_obsidian_tag("uk"));
        assert!(is_obsidian_tag("5g-policy"));
        assert!(!is_obsidian_tag("2020"));
        assert!(!is_obsidian_tag("a.b"));
    }
}
