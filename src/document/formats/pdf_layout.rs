//! A PDF's text layer put back into reading order, as pure geometry: the
//! runs of text a PDF places on its pages become lines, running headers,
//! footers and page numbers are dropped, columns are read one after the
//! other, and lines are joined into paragraphs and headings (words
//! hyphenated across lines joined).
//!
//! Coordinates are PDF points with y going up; nothing here reads a file.

use std::collections::{HashMap, HashSet};

use crate::document::pdf_words::{Vocabulary, join_line};

/// A run of text as the PDF places it.
///
/// Invariants: `x0 <= x1`, `y0 <= y1` (`y0` is the bottom), `size > 0`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Run {
    /// The run's text.
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y0: f32,
    /// Top edge.
    pub y1: f32,
    /// Font size in points.
    pub size: f32,
    /// Bold face.
    pub bold: bool,
}

/// One page: its size and its runs, in any order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Page {
    /// Height in points.
    pub height: f32,
    /// The text on it.
    pub runs: Vec<Run>,
}

/// What a paragraph of the rebuilt text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParaKind {
    /// Running text.
    Paragraph,
    /// A heading, level 1..=3 (1 is the largest type).
    Heading(u8),
    /// A list item (its bullet taken off the text).
    Item,
}

/// A paragraph of the rebuilt text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Para {
    /// What it is.
    pub kind: ParaKind,
    /// Its text, on one line.
    pub text: String,
    /// The page it starts on (0-based).
    pub page: usize,
}

/// A line: the runs on one baseline that sit close together.
#[derive(Clone, Debug)]
struct Line {
    text: String,
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
    size: f32,
    bold: bool,
}

/// Fraction of the page height at the top and bottom where running heads
/// and page numbers live.
const MARGIN_ZONE: f32 = 0.09;

/// Rebuilds the reading text of `pages`.
pub(crate) fn paragraphs(pages: &[Page]) -> Vec<Para> {
    let mut lines: Vec<Vec<Line>> = pages.iter().map(|p| page_lines(&p.runs)).collect();
    drop_running_heads(pages, &mut lines);
    let ordered: Vec<Vec<(Line, usize)>> = lines.into_iter().map(reading_order).collect();
    let body = body_size(&ordered);
    let pitch = line_pitch(&ordered, body);
    let vocabulary = Vocabulary::of(ordered.iter().flatten().map(|(l, _)| l.text.as_str()));
    let heading_sizes = heading_sizes(&ordered, body);

    let mut out: Vec<Para> = Vec::new();
    let mut prev: Option<(Line, usize, f32, f32)> = None; // line, column, col left, col right
    for (page_no, page) in ordered.iter().enumerate() {
        let columns = column_extents(page);
        for (i, (line, col)) in page.iter().enumerate() {
            let col = *col;
            let (left, right) = columns.get(col).copied().unwrap_or((line.x0, line.x1));
            let kind = line_kind(line, body, &heading_sizes);
            // A bullet always starts an item; an item's next lines are
            // running text that continues it.
            let joinable = out.last().is_some_and(|last| {
                kind != ParaKind::Item
                    && (last.kind == kind
                        || (last.kind == ParaKind::Item && kind == ParaKind::Paragraph))
            });
            let continues = joinable
                && prev.as_ref().is_some_and(|(p, pcol, pleft, pright)| {
                    if i == 0 {
                        // A page break: the paragraph runs on when the
                        // last line did not end a sentence and this one is
                        // not indented.
                        !ends_sentence(&p.text) && line.x0 <= left + line.size * 0.5
                    } else if *pcol == col && p.y0 > line.y0 {
                        !breaks_between(p, line, (*pleft, *pright), (left, right), pitch, body)
                    } else {
                        // The next column: a paragraph runs on when it did
                        // not end, and this line is not indented.
                        !ends_sentence(&p.text) && line.x0 <= left + line.size * 0.5
                    }
                });
            if continues && let Some(last) = out.last_mut() {
                join_line(&mut last.text, &line.text, &vocabulary);
            } else {
                let text = if kind == ParaKind::Item {
                    strip_bullet(&line.text).to_owned()
                } else {
                    line.text.clone()
                };
                out.push(Para {
                    kind,
                    text,
                    page: page_no,
                });
            }
            prev = Some((line.clone(), col, left, right));
        }
    }
    out.retain(|p| !p.text.trim().is_empty());
    out
}

/// Lines of one page: runs grouped by baseline, split where a gap is wide
/// enough to be a column gutter.
fn page_lines(runs: &[Run]) -> Vec<Line> {
    let mut runs: Vec<&Run> = runs.iter().filter(|r| !r.text.trim().is_empty()).collect();
    runs.sort_by(|a, b| b.y0.total_cmp(&a.y0).then(a.x0.total_cmp(&b.x0)));
    // Baseline buckets.
    let mut buckets: Vec<Vec<&Run>> = Vec::new();
    for run in runs {
        match buckets.last_mut() {
            Some(bucket)
                if bucket
                    .first()
                    .is_some_and(|f| (f.y0 - run.y0).abs() <= f.size.min(run.size) * 0.4) =>
            {
                bucket.push(run);
            }
            _ => buckets.push(vec![run]),
        }
    }
    let mut lines = Vec::new();
    for mut bucket in buckets {
        bucket.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut line: Option<Line> = None;
        for run in bucket {
            let text = normalise(&run.text);
            match &mut line {
                Some(l) if run.x0 - l.x1 <= run.size.max(l.size) * 1.0 => {
                    let gap = run.x0 - l.x1;
                    if gap > run.size * 0.22
                        && !l.text.ends_with(char::is_whitespace)
                        && !text.starts_with(char::is_whitespace)
                    {
                        l.text.push(' ');
                    }
                    l.text.push_str(&text);
                    l.x1 = l.x1.max(run.x1);
                    l.y0 = l.y0.min(run.y0);
                    l.y1 = l.y1.max(run.y1);
                    // The line's size and weight are its longest run's.
                    if run.text.len() > 3 {
                        l.size = l.size.max(run.size);
                        l.bold &= run.bold;
                    }
                }
                _ => {
                    if let Some(done) = line.take() {
                        lines.push(finish(done));
                    }
                    line = Some(Line {
                        text,
                        x0: run.x0,
                        x1: run.x1,
                        y0: run.y0,
                        y1: run.y1,
                        size: run.size,
                        bold: run.bold,
                    });
                }
            }
        }
        if let Some(done) = line {
            lines.push(finish(done));
        }
    }
    lines.retain(|l| !l.text.is_empty());
    lines
}

fn finish(mut line: Line) -> Line {
    line.text = collapse_leaders(&line.text.split_whitespace().collect::<Vec<_>>().join(" "));
    line
}

/// A table of contents' dot leaders ("Introduction . . . . . . 1") as one
/// ellipsis ("Introduction … 1"): four dots or more, spaced or not.
fn collapse_leaders(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '.' {
            let mut j = i;
            let mut dots = 0;
            while j < chars.len() && (chars[j] == '.' || chars[j] == ' ') {
                dots += usize::from(chars[j] == '.');
                j += 1;
            }
            if dots >= 4 {
                let head = out.trim_end().len();
                out.truncate(head);
                out.push_str(" … ");
                i = j;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out.trim().to_owned()
}

/// Ligatures and odd spaces as plain text.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬀ' => out.push_str("ff"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            '\u{a0}' | '\u{2002}'..='\u{200a}' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A line's text with digits folded, to find the same running head on
/// every page ("Page 3 of 12" ~ "Page 4 of 12").
fn head_key(text: &str) -> String {
    let mut key = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_digit() {
            if !key.ends_with('#') {
                key.push('#');
            }
        } else {
            key.push(c);
        }
    }
    key
}

/// A running head's identity: its text (numbers aside) and its size (a
/// headline that repeats a page's running title is not one).
fn running_key(line: &Line) -> String {
    format!("{}@{}", head_key(&line.text), (line.size * 2.0).round())
}

/// A page number alone: "12", "- 12 -", "Page 3", "3 of 12", "3/12", "iv".
fn is_page_number(text: &str) -> bool {
    let key = head_key(text);
    let key = key.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    matches!(
        key,
        "#" | "page #" | "# of #" | "page # of #" | "#/#" | "p. #"
    ) || (key.len() <= 5 && !key.is_empty() && key.chars().all(|c| "ivxlc".contains(c)))
}

/// What a browser prints at the top and bottom of every page: the date and
/// time, the address.
fn is_print_furniture(text: &str) -> bool {
    let key = head_key(text);
    let t = text.trim();
    t.starts_with("file://")
        || t.starts_with("http://")
        || t.starts_with("https://")
        || key.starts_with("#/#/#, #:#")
        || key.starts_with("#.#.#, #:#")
}

/// Drops running headers and footers (a line in the top or bottom margin
/// that comes back, numbers aside, on at least half the pages) and page
/// numbers.
fn drop_running_heads(pages: &[Page], lines: &mut [Vec<Line>]) {
    let in_zone = |page: &Page, line: &Line| {
        let h = if page.height > 0.0 {
            page.height
        } else {
            792.0
        };
        line.y1 >= h * (1.0 - MARGIN_ZONE) || line.y0 <= h * MARGIN_ZONE
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (page, page_lines) in pages.iter().zip(lines.iter()) {
        let keys: HashSet<String> = page_lines
            .iter()
            .filter(|l| in_zone(page, l))
            .map(running_key)
            .collect();
        for key in keys {
            *seen.entry(key).or_insert(0) += 1;
        }
    }
    let n = pages.len();
    let repeated = |key: &str| {
        let k = seen.get(key).copied().unwrap_or(0);
        n >= 2 && k >= 2 && k * 2 >= n
    };
    for (page, page_lines) in pages.iter().zip(lines.iter_mut()) {
        page_lines.retain(|l| {
            !(in_zone(page, l)
                && (repeated(&running_key(l))
                    || is_page_number(&l.text)
                    || is_print_furniture(&l.text)))
        });
    }
}

/// The page's lines in reading order, each with its column: bands between
/// lines that span the columns, and within a band each column top to
/// bottom, left to right.
fn reading_order(lines: Vec<Line>) -> Vec<(Line, usize)> {
    let gutters = gutters(&lines);
    let column_of = |l: &Line| gutters.iter().filter(|g| l.x0 >= g.1).count();
    let spans = |l: &Line| gutters.iter().any(|g| l.x0 < g.0 && l.x1 > g.1);
    let mut sorted = lines;
    sorted.sort_by(|a, b| b.y1.total_cmp(&a.y1).then(a.x0.total_cmp(&b.x0)));
    let mut out = Vec::with_capacity(sorted.len());
    let mut band: Vec<Vec<Line>> = vec![Vec::new(); gutters.len() + 1];
    let flush = |band: &mut Vec<Vec<Line>>, out: &mut Vec<(Line, usize)>| {
        for (col, lines) in band.iter_mut().enumerate() {
            out.extend(lines.drain(..).map(|l| (l, col)));
        }
    };
    for line in sorted {
        if spans(&line) {
            flush(&mut band, &mut out);
            out.push((line, 0));
        } else {
            let col = column_of(&line);
            band[col].push(line);
        }
    }
    flush(&mut band, &mut out);
    out
}

/// Column gutters of a page, as (left, right) x ranges: gaps in the
/// horizontal projection of its narrower lines with at least three lines
/// on each side.
fn gutters(lines: &[Line]) -> Vec<(f32, f32)> {
    let (Some(left), Some(right)) = (
        lines.iter().map(|l| l.x0).reduce(f32::min),
        lines.iter().map(|l| l.x1).reduce(f32::max),
    ) else {
        return Vec::new();
    };
    let width = right - left;
    let mut spans: Vec<(f32, f32)> = lines
        .iter()
        .filter(|l| l.x1 - l.x0 < width * 0.55)
        .map(|l| (l.x0, l.x1))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 + 2.0 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let mut gutters = Vec::new();
    for pair in merged.windows(2) {
        let (g0, g1) = (pair[0].1, pair[1].0);
        if g1 - g0 < 8.0 {
            continue;
        }
        let left_n = lines.iter().filter(|l| l.x1 <= g0 + 0.5).count();
        let right_n = lines.iter().filter(|l| l.x0 >= g1 - 0.5).count();
        if left_n >= 3 && right_n >= 3 {
            gutters.push((g0, g1));
        }
    }
    gutters
}

/// Each column's left edge (the most common line start) and right edge.
fn column_extents(page: &[(Line, usize)]) -> Vec<(f32, f32)> {
    let columns = page.iter().map(|(_, c)| *c).max().map_or(0, |c| c + 1);
    (0..columns)
        .map(|c| {
            let lines: Vec<&Line> = page
                .iter()
                .filter(|(_, k)| *k == c)
                .map(|(l, _)| l)
                .collect();
            let mut starts: HashMap<i32, usize> = HashMap::new();
            for l in &lines {
                *starts.entry(l.x0.round() as i32).or_insert(0) += 1;
            }
            let left = starts
                .into_iter()
                .max_by_key(|(x, n)| (*n, std::cmp::Reverse(*x)))
                .map_or(0.0, |(x, _)| x as f32);
            let right = lines.iter().map(|l| l.x1).fold(left, f32::max);
            (left, right)
        })
        .collect()
}

/// The size most of the text is set in.
fn body_size(pages: &[Vec<(Line, usize)>]) -> f32 {
    let mut by_size: HashMap<i32, usize> = HashMap::new();
    for (line, _) in pages.iter().flatten() {
        *by_size.entry((line.size * 2.0).round() as i32).or_insert(0) += line.text.len();
    }
    by_size
        .into_iter()
        .max_by_key(|(s, n)| (*n, -*s))
        .map_or(10.0, |(s, _)| s as f32 / 2.0)
}

/// The usual distance between the baselines of two lines of body text.
fn line_pitch(pages: &[Vec<(Line, usize)>], body: f32) -> f32 {
    let mut deltas: Vec<f32> = Vec::new();
    for page in pages {
        for pair in page.windows(2) {
            let ((a, ca), (b, cb)) = (&pair[0], &pair[1]);
            let d = a.y0 - b.y0;
            if ca == cb
                && (a.size - body).abs() < 0.6
                && (b.size - body).abs() < 0.6
                && d > 0.0
                && d < body * 2.5
            {
                deltas.push(d);
            }
        }
    }
    if deltas.is_empty() {
        return body * 1.2;
    }
    deltas.sort_by(f32::total_cmp);
    // The lower quartile: most gaps are between lines of a paragraph,
    // but a page of short paragraphs has many of the wider kind.
    deltas[deltas.len() / 4]
}

/// Sizes of type larger than the body's, largest first (at most three).
fn heading_sizes(pages: &[Vec<(Line, usize)>], body: f32) -> Vec<i32> {
    let mut sizes: Vec<i32> = pages
        .iter()
        .flatten()
        .filter(|(l, _)| l.size >= body * 1.15 && l.text.chars().count() <= 200)
        .map(|(l, _)| (l.size * 2.0).round() as i32)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes.truncate(3);
    sizes
}

fn line_kind(line: &Line, body: f32, heading_sizes: &[i32]) -> ParaKind {
    let key = (line.size * 2.0).round() as i32;
    if let Some(rank) = heading_sizes.iter().position(|s| *s == key) {
        return ParaKind::Heading(u8::try_from(rank + 1).unwrap_or(3));
    }
    if line.bold
        && (line.size - body).abs() < 0.6
        && line.text.split_whitespace().count() <= 12
        && !ends_sentence(&line.text)
    {
        let level = u8::try_from(heading_sizes.len() + 1).unwrap_or(3).min(3);
        return ParaKind::Heading(level);
    }
    if is_bullet_start(&line.text) {
        return ParaKind::Item;
    }
    ParaKind::Paragraph
}

fn is_bullet_start(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(
        chars.next(),
        Some('•' | '◦' | '▪' | '‣' | '∙' | '●' | '○' | '■' | '–')
    ) && chars.next().is_some_and(char::is_whitespace)
}

fn strip_bullet(text: &str) -> &str {
    if is_bullet_start(text) {
        let mut chars = text.chars();
        chars.next();
        chars.as_str().trim_start()
    } else {
        text
    }
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '*'])
        .ends_with(['.', '!', '?', ':', ';'])
}

/// Whether a new paragraph starts between two lines of one column.
fn breaks_between(
    prev: &Line,
    line: &Line,
    prev_col: (f32, f32),
    col: (f32, f32),
    pitch: f32,
    body: f32,
) -> bool {
    let scale = (line.size / body).max(0.5);
    let gap = prev.y0 - line.y0;
    if gap > pitch * scale * 1.35 {
        return true;
    }
    if (prev.size - line.size).abs() > 0.6 || prev.bold != line.bold {
        return true;
    }
    // A table of contents: one entry per line.
    if prev.text.contains(" … ") && prev.text.ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let indent = line.size * 0.8;
    // First-line indent (the previous line starting at the margin).
    if line.x0 > col.0 + indent
        && prev.x0 <= prev_col.0 + indent * 0.5
        && line.x0 < col.1 * 0.5 + col.0 * 0.5
        && !is_bullet_start(&prev.text)
    {
        return true;
    }
    // A short line that ends a sentence ends its paragraph.
    let width = (prev_col.1 - prev_col.0).max(1.0);
    (prev.x1 - prev_col.0) < width * 0.65 && ends_sentence(&prev.text)
}

#[cfg(test)]
#[path = "pdf_layout_tests.rs"]
mod tests;
