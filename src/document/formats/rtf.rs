//! RTF (rtf-parser): paragraphs with bold and italic; the title and a
//! source/date line are found as in plain text. A document the parser
//! cannot read — or would panic on — is an error naming the file.

use std::path::Path;

use crate::document::builder::Builder;
use crate::document::load::LoadError;
use crate::document::{BlockKind, Document, SpanStyle};

/// `source` with every `\par` control word (not `\pard`, `\pargrp`…)
/// written as `\line`.
fn paragraphs_as_lines(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(at) = rest.find("\\par") {
        let after = &rest[at + 4..];
        let is_word = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic());
        // An escaped backslash ("\\\\par") is text, not a control word.
        let escaped = rest[..at].ends_with('\\');
        out.push_str(&rest[..at]);
        out.push_str(if is_word || escaped {
            "\\par"
        } else {
            "\\line"
        });
        rest = after;
    }
    out.push_str(rest);
    unicode_fallbacks(&out)
}

/// `\u8212?` (a character, then its one-character fallback "?") written as
/// `\u8212 `: rtf-parser drops the text after such a fallback.
fn unicode_fallbacks(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        out.push(c);
        if c == '\\' && source[i + 1..].starts_with('\\') {
            // An escaped backslash: text.
            out.push('\\');
            chars.next();
            continue;
        }
        if c != '\\' || !source[i + 1..].starts_with('u') {
            continue;
        }
        let digits: String = source[i + 2..]
            .chars()
            .take_while(|d| d.is_ascii_digit() || *d == '-')
            .collect();
        if !digits.is_empty() && source[i + 2 + digits.len()..].starts_with('?') {
            out.push('u');
            out.push_str(&digits);
            out.push(' ');
            // Skip the "u", the digits and the "?".
            for _ in 0..digits.chars().count() + 2 {
                chars.next();
            }
        }
    }
    out
}

/// Reads RTF source.
pub fn parse_rtf(source: &str, path: &Path) -> Result<Document, LoadError> {
    let damaged = |why: String| LoadError::Damaged {
        path: path.to_owned(),
        why,
    };
    // rtf-parser ends a line at `\line` but not at `\par`: make each
    // paragraph end one (not `\pard`, which resets paragraph settings).
    let owned = paragraphs_as_lines(source);
    // A third-party parser on untrusted input: a panic in it is contained
    // and reported like any other damage.
    let parsed = std::panic::catch_unwind(move || {
        rtf_parser::RtfDocument::try_from(owned.as_str()).map_err(|e| e.to_string())
    })
    .map_err(|_| damaged("the RTF parser could not read it".to_owned()))?
    .map_err(|e| damaged(format!("not readable RTF: {e}")))?;
    let mut b = Builder::default();
    let mut open = false;
    for block in &parsed.body {
        let style = if block.painter.bold {
            Some(SpanStyle::Strong)
        } else if block.painter.italic {
            Some(SpanStyle::Emphasis)
        } else {
            None
        };
        for (i, piece) in block.text.split('\n').enumerate() {
            if i > 0 && open {
                b.end_block();
                open = false;
            }
            if piece.trim().is_empty() {
                continue;
            }
            if !open {
                b.start_block(BlockKind::Paragraph, 0, 0);
                open = true;
            }
            if let Some(s) = &style {
                b.open_span(s.clone());
            }
            b.text(piece);
            if style.is_some() {
                b.close_span();
            }
        }
    }
    b.end_block();
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(b.into_detected_document(&name))
}
