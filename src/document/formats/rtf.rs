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
    lone_surrogates_replaced(&unicode_fallbacks(&out))
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

/// Every `\uN` that is half of a UTF-16 surrogate pair without its other
/// half (as damaged or hand-written files have) written as U+FFFD, so the
/// parser never meets text that is not Unicode. A pair is a high half then
/// a low half in consecutive `\u` words, as RTF writes characters beyond
/// the first 65 536.
fn lone_surrogates_replaced(source: &str) -> String {
    // (start, end, value) of each `\uN` word; end includes one space.
    let mut words = Vec::new();
    let bytes = source.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' && bytes[i + 1] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == b'\\' && bytes[i + 1] == b'u' {
            let digits = source[i + 2..]
                .bytes()
                .enumerate()
                .take_while(|&(k, d)| d.is_ascii_digit() || (k == 0 && d == b'-'))
                .count();
            if let Ok(v) = source[i + 2..i + 2 + digits].parse::<i32>() {
                let mut end = i + 2 + digits;
                if bytes.get(end) == Some(&b' ') {
                    end += 1;
                }
                let unit = u16::try_from(if v < 0 { v + 65_536 } else { v }).unwrap_or(0xFFFD);
                words.push((i, end, unit));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    let high = |u: u16| (0xD800..0xDC00).contains(&u);
    let low = |u: u16| (0xDC00..0xE000).contains(&u);
    let mut out = String::with_capacity(source.len());
    let mut copied = 0;
    let mut k = 0;
    while k < words.len() {
        let (start, end, unit) = words[k];
        let next = words.get(k + 1).filter(|w| w.0 == end);
        if high(unit) && next.is_some_and(|w| low(w.2)) {
            k += 2;
            continue;
        }
        if high(unit) || low(unit) {
            out.push_str(&source[copied..start]);
            out.push_str("\\u65533 ");
            copied = end;
        }
        k += 1;
    }
    out.push_str(&source[copied..]);
    out
}

/// The byte after the `}` that closes the group `s` opens (at its first
/// `{`), or how many groups are still open at its end. Escaped braces and
/// backslashes are text.
fn group_end(s: &str) -> Result<usize, usize> {
    let mut depth = 0usize;
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Ok(i + 1);
                }
            }
            _ => {}
        }
    }
    Err(depth)
}

/// Groups whose content is binary data written as hex, never text.
const PICTURE_GROUPS: [&str; 6] = [
    "{\\pict",
    "{\\*\\shppict",
    "{\\shppict",
    "{\\nonshppict",
    "{\\object",
    "{\\*\\objdata",
];

/// `source` without its pictures and embedded objects (hex data the
/// parser would otherwise give as text).
fn without_pictures(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let group = &rest[at..];
        let escaped = rest[..at].ends_with('\\') && !rest[..at].ends_with("\\\\");
        let picture = !escaped
            && PICTURE_GROUPS.iter().any(|p| {
                group.starts_with(p)
                    && !group[p.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
            });
        if !picture {
            out.push('{');
            rest = &group[1..];
            continue;
        }
        // Skip to the brace that closes it (to the end when none does).
        let end = group_end(group).unwrap_or(group.len());
        rest = &group[end..];
    }
    out.push_str(rest);
    out
}

/// `source` ending where its groups close: trailing NULs and other bytes
/// after the last `}` dropped (Windows' rich-edit control ends files with `\0`), and
/// the `}` a truncated file lacks added — as word processors read
/// such files.
fn close_groups(source: &str) -> String {
    let depth = match group_end(source) {
        Ok(end) => return source[..end].to_owned(),
        Err(depth) => depth,
    };
    let mut out = source.trim_end_matches(['\0', ' ', '\r', '\n']).to_owned();
    out.push_str(&"}".repeat(depth));
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
    let owned = close_groups(&paragraphs_as_lines(&without_pictures(source)));
    // A third-party parser on untrusted input: a panic in it is contained
    // and reported like any other damage.
    let parsed = crate::document::contain::contained(move || {
        rtf_parser::RtfDocument::try_from(owned.as_str()).map_err(|e| e.to_string())
    })
    .ok_or_else(|| damaged("the RTF parser could not read it".to_owned()))?
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trailing_nul_or_a_missing_brace_is_read_as_wordpad_reads_it() {
        let doc =
            r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 This is a simple one paragraph document.\par}";
        for source in [
            format!("{doc}\0"),
            format!("{doc}\r\n\0\0"),
            doc.trim_end_matches('}').to_owned(),
            format!("{}\r\n", doc.trim_end_matches('}')),
        ] {
            let d = parse_rtf(&source, Path::new("x.rtf")).expect("reads");
            assert!(
                d.text.contains("simple one paragraph document"),
                "{:?}",
                d.text
            );
        }
    }

    #[test]
    fn half_a_surrogate_pair_is_a_replacement_character() {
        let d = parse_rtf(
            r"{\rtf1\ansi\uc0 Lone high \u-10240  here\par Lone low \u-9216  here\par Swapped \u-9216\u-10240  here\par A pair \u-10179\u-8704  here\par}",
            Path::new("x.rtf"),
        )
        .expect("reads");
        assert!(d.text.contains("Lone high \u{fffd}"), "{:?}", d.text);
        assert!(d.text.contains("Lone low \u{fffd}"), "{:?}", d.text);
        assert!(d.text.contains("Swapped \u{fffd}\u{fffd}"), "{:?}", d.text);
        assert!(d.text.contains("A pair \u{1f600}"), "{:?}", d.text);
    }

    #[test]
    fn pictures_are_left_out() {
        let d = parse_rtf(
            r"{\rtf1\ansi Before {\pict\pngblip 89504e470d0a{\*\blipuid 00ff}} after.\par}",
            Path::new("x.rtf"),
        )
        .expect("reads");
        assert!(
            d.text.contains("Before") && d.text.contains("after."),
            "{:?}",
            d.text
        );
        assert!(!d.text.contains("89504e"), "{:?}", d.text);
    }

    #[test]
    fn escaped_braces_are_text_not_groups() {
        let d = parse_rtf(r"{\rtf1\ansi a \{b\} c\par}", Path::new("x.rtf")).expect("reads");
        assert!(d.text.contains("a {b} c"), "{:?}", d.text);
    }
}
