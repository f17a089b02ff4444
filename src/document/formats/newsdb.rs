//! News-database exports: one file (TXT, RTF or DOCX) holding many articles,
//! each behind a block of metadata — headline, source, date, byline, length,
//! document id. Three shapes are read:
//!
//! - **Factiva**: field codes at the start of a line (`HD`, `BY`, `WC`,
//!   `PD`, `SN`, `SE`, `LP`, `TD`, `AN`), an article per `HD`;
//! - **Nexis Uni** (DOCX, RTF): headline, source, date lines, then
//!   `Section:`, `Length:`, `Byline:`, `Body`, the text, `Load-Date:` and
//!   `End of Document`;
//! - **`LexisNexis` Academic** (TXT): `1 of 25 DOCUMENTS`, source, date,
//!   headline, `BYLINE:`, `SECTION:`, `LENGTH:`, the text, `LOAD-DATE:`.
//!
//! [`split`] finds the articles in a file's paragraphs (blank-line separated
//! lines of a TXT, or the blocks another loader made); [`to_html`] writes one
//! as a small web page that keeps every field (`<meta>` tags), which
//! Storyline reads back like any saved page.

use std::fmt::Write as _;

use jiff::civil::Date;

use crate::document::dates::parse_loose_date;

/// One article of an export, as its metadata block describes it.
///
/// Invariants: `headline` is not empty; `body` holds at least one
/// non-empty paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BundledArticle {
    /// The headline.
    pub headline: String,
    /// The publication, e.g. "The Guardian (London)".
    pub source: Option<String>,
    /// The publication date.
    pub published: Option<Date>,
    /// The author line, without "By".
    pub byline: Option<String>,
    /// The length the export gives, e.g. "812 words".
    pub length: Option<String>,
    /// The database's id for the article.
    pub document_id: Option<String>,
    /// Section, page, edition: what else the export says, as given.
    pub section: Option<String>,
    /// The article's paragraphs.
    pub body: Vec<String>,
}

/// Which database wrote an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportShape {
    /// Dow Jones Factiva.
    Factiva,
    /// Nexis Uni (DOCX, RTF, PDF exports).
    NexisUni,
    /// `LexisNexis` Academic (TXT).
    LexisAcademic,
}

/// The articles of an export, when `paragraphs` look like one (at least one
/// article behind a recognised metadata block); `None` for anything else.
#[must_use]
pub fn split(paragraphs: &[String]) -> Option<(ExportShape, Vec<BundledArticle>)> {
    // Each line, and whether it opens a paragraph (a TXT export wraps its
    // paragraphs; its metadata lines are paragraphs of their own, or lines
    // of one).
    let mut starts = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for p in paragraphs {
        for (i, line) in p
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
        {
            lines.push(line);
            starts.push(i == 0);
        }
    }
    let body = Body { starts: &starts };
    let found = if lines.iter().filter(|l| is_factiva_code(l, "HD")).count() >= 1
        && lines
            .iter()
            .any(|l| is_factiva_code(l, "AN") || is_factiva_code(l, "WC"))
    {
        (ExportShape::Factiva, factiva(&lines, &body))
    } else if lines
        .iter()
        .any(|l| l.eq_ignore_ascii_case("End of Document"))
    {
        (ExportShape::NexisUni, nexis_uni(&lines, &body))
    } else if lines.iter().any(|l| documents_marker(l)) {
        (ExportShape::LexisAcademic, lexis_academic(&lines, &body))
    } else {
        return None;
    };
    let articles: Vec<BundledArticle> = found
        .1
        .into_iter()
        .filter(|a| !a.headline.is_empty() && a.body.iter().any(|p| !p.trim().is_empty()))
        .collect();
    (!articles.is_empty()).then_some((found.0, articles))
}

/// Where the paragraphs of the text start.
struct Body<'a> {
    /// Per line: whether it opens a paragraph.
    starts: &'a [bool],
}

impl Body<'_> {
    /// Adds line `i` (`text`) to `body`: a new paragraph when it opens one
    /// (or `fresh`), else the rest of the last.
    fn add(&self, body: &mut Vec<String>, i: usize, text: &str, fresh: bool) {
        match body.last_mut() {
            Some(last) if !fresh && !self.starts.get(i).copied().unwrap_or(true) => {
                last.push(' ');
                last.push_str(text);
            }
            _ => body.push(text.to_owned()),
        }
    }
}

/// `HD`, `HD Headline…`: a Factiva field code opening a line.
fn is_factiva_code(line: &str, code: &str) -> bool {
    line == code
        || line
            .strip_prefix(code)
            .is_some_and(|rest| rest.starts_with([' ', '\t']))
}

const FACTIVA_CODES: &[&str] = &[
    "HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP", "TD", "CT", "RF",
    "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "SE", "HLP", "ART", "VOL", "CX",
];

fn factiva(lines: &[&str], body: &Body<'_>) -> Vec<BundledArticle> {
    let mut out = Vec::new();
    let mut current: Option<BundledArticle> = None;
    let mut field = "";
    let mut fresh = true;
    for (i, line) in lines.iter().enumerate() {
        // In the text, only a code alone on its line, an index line
        // ("IN i79 : Telecommunications") or the next article's headline
        // or id ends it: a paragraph may well open with "IN 2019,".
        let in_text = matches!(field, "LP" | "TD");
        let code = FACTIVA_CODES.iter().find(|c| {
            is_factiva_code(line, c)
                && (!in_text
                    || line.len() == c.len()
                    || line.contains(" : ")
                    || matches!(**c, "HD" | "AN"))
        });
        if let Some(code) = code {
            field = code;
            if *code == "HD" {
                out.extend(current.take());
                current = Some(BundledArticle::default());
            }
            fresh = true;
            let rest = line[code.len()..].trim();
            if !rest.is_empty()
                && let Some(a) = current.as_mut()
            {
                factiva_field(a, field, rest);
                fresh = false;
            }
            continue;
        }
        if let Some(a) = current.as_mut() {
            if matches!(field, "LP" | "TD") {
                body.add(&mut a.body, i, line, fresh);
            } else {
                factiva_field(a, field, line);
            }
        }
        fresh = false;
    }
    out.extend(current);
    out
}

fn factiva_field(a: &mut BundledArticle, field: &str, text: &str) {
    let append = |slot: &mut Option<String>| {
        let joined = match slot.take() {
            Some(s) => format!("{s} {text}"),
            None => text.to_owned(),
        };
        *slot = Some(joined);
    };
    match field {
        "HD" => {
            if !a.headline.is_empty() {
                a.headline.push(' ');
            }
            a.headline.push_str(text);
        }
        "BY" => {
            let text = text.strip_prefix("By ").unwrap_or(text);
            a.byline = Some(match a.byline.take() {
                Some(s) => format!("{s} {text}"),
                None => text.to_owned(),
            });
        }
        "WC" => append(&mut a.length),
        "PD" => a.published = a.published.or_else(|| parse_loose_date(text).map(|d| d.0)),
        "SN" => append(&mut a.source),
        "SE" | "PG" | "ED" => append(&mut a.section),
        "AN" => {
            let id = text.trim_start_matches("Document").trim();
            if !id.is_empty() {
                a.document_id = Some(id.to_owned());
            }
        }
        "LP" | "TD" => a.body.push(text.to_owned()),
        _ => {}
    }
}

/// `Key: value` of a Nexis metadata line, the key lower-cased.
fn key_value(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    (!key.is_empty()
        && key.len() <= 20
        && key
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == ' '))
    .then(|| (key.to_lowercase(), value.trim()))
}

fn nexis_meta(a: &mut BundledArticle, key: &str, value: &str) -> bool {
    let value = value.to_owned();
    match key {
        "byline" => a.byline = Some(value.trim_start_matches("By ").to_owned()),
        "length" => a.length = Some(value),
        "section" => a.section = Some(value),
        "dateline" | "highlight" | "version" | "edition" | "series" => {}
        _ => return false,
    }
    true
}

fn nexis_uni(lines: &[&str], body: &Body<'_>) -> Vec<BundledArticle> {
    let mut out = Vec::new();
    let mut offset = 0;
    for chunk in lines.split(|l| l.eq_ignore_ascii_case("End of Document")) {
        let base = offset;
        offset += chunk.len() + 1;
        let mut a = BundledArticle::default();
        // Anything before the first article (a cover page, a result list)
        // ends at its last "Body"-less stretch: find the head by the
        // metadata lines and walk back to the headline above them.
        let Some(meta_at) = chunk.iter().position(|l| {
            key_value(l).is_some_and(|(k, _)| matches!(k.as_str(), "section" | "length" | "byline"))
        }) else {
            continue;
        };
        let head: Vec<&str> = chunk[..meta_at]
            .iter()
            .rev()
            .take(5)
            .rev()
            .copied()
            .filter(|l| !l.to_lowercase().starts_with("copyright") && !l.starts_with('©'))
            .collect();
        // headline, source, date (the date line is the one that parses).
        let date_at = head
            .iter()
            .rposition(|l| parse_loose_date(l).is_some() && l.len() < 60);
        if let Some(d) = date_at {
            a.published = parse_loose_date(head[d]).map(|x| x.0);
            if d >= 1 {
                a.source = Some(head[d - 1].to_owned());
            }
            if d >= 2 {
                head[d - 2].clone_into(&mut a.headline);
            }
        } else if let Some(first) = head.first() {
            (*first).clone_into(&mut a.headline);
        }
        let mut in_body = false;
        let mut fresh = true;
        for (j, line) in chunk.iter().enumerate().skip(meta_at) {
            if in_body {
                if key_value(line).is_some_and(|(k, _)| TRAILING_KEYS.contains(&k.as_str())) {
                    break;
                }
                body.add(&mut a.body, base + j, line, fresh);
                fresh = false;
            } else if line.eq_ignore_ascii_case("Body") {
                in_body = true;
            } else if let Some((k, v)) = key_value(line) {
                nexis_meta(&mut a, &k, v);
            }
        }
        out.push(a);
    }
    out
}

/// "1 of 25 DOCUMENTS"
fn documents_marker(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    matches!(words.as_slice(), [n, "of", m, d]
        if n.parse::<u32>().is_ok() && m.parse::<u32>().is_ok() && d.eq_ignore_ascii_case("documents"))
}

fn lexis_academic(lines: &[&str], body: &Body<'_>) -> Vec<BundledArticle> {
    let mut out = Vec::new();
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| documents_marker(l))
        .map(|(i, _)| i)
        .collect();
    for (n, start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let chunk = &lines[start + 1..end];
        let mut a = BundledArticle::default();
        // source, date, headline lines, then KEY: value lines, then text.
        let date_at = chunk
            .iter()
            .take(4)
            .position(|l| parse_loose_date(l).is_some());
        let Some(d) = date_at else { continue };
        a.published = parse_loose_date(chunk[d]).map(|x| x.0);
        if d >= 1 {
            a.source = Some(chunk[..d].join(" "));
        }
        let opens = |k: usize| body.starts.get(start + 1 + k).copied().unwrap_or(true);
        // The rest of the date's paragraph (an edition), then the headline:
        // one paragraph, maybe wrapped.
        let mut i = d + 1;
        while i < chunk.len() && !opens(i) {
            i += 1;
        }
        let mut headline = Vec::new();
        while i < chunk.len() && !upper_key(chunk[i]) && (headline.is_empty() || !opens(i)) {
            headline.push(chunk[i]);
            i += 1;
        }
        a.headline = headline.join(" ");
        let mut fresh = true;
        for (j, line) in chunk.iter().enumerate().skip(i) {
            let key = upper_key(line).then(|| key_value(line)).flatten();
            if let Some((k, v)) = key {
                if TRAILING_KEYS.contains(&k.as_str()) {
                    break;
                }
                if a.body.is_empty() && nexis_meta(&mut a, &k, v) {
                    fresh = true;
                    continue;
                }
            }
            if line.to_lowercase().starts_with("copyright") && !a.body.is_empty() {
                break;
            }
            body.add(&mut a.body, start + 1 + j, line, fresh);
            fresh = false;
        }
        out.push(a);
    }
    out
}

/// Keys that follow an article's text in a `LexisNexis` export.
const TRAILING_KEYS: &[&str] = &[
    "load-date",
    "language",
    "graphic",
    "publication-type",
    "url",
    "journal-code",
    "subject",
    "correction-date",
    "document-type",
    "notes",
    "classification",
];

/// "BYLINE: …", "LOAD-DATE: …": a `LexisNexis` key in capitals.
fn upper_key(line: &str) -> bool {
    line.split_once(':').is_some_and(|(k, _)| {
        k.len() >= 3
            && k.chars()
                .all(|c| c.is_ascii_uppercase() || c == '-' || c == ' ')
    })
}

/// The article as a small web page: its fields as `<meta>` tags (the
/// publication, author and date where Storyline's HTML loader reads them),
/// the headline as `<h1>`, each paragraph a `<p>`.
#[must_use]
pub fn to_html(a: &BundledArticle) -> String {
    let e = super::mail::escape;
    let mut head = format!(
        "<meta charset=\"utf-8\">\n<title>{}</title>\n",
        e(&a.headline)
    );
    let mut meta = |name: &str, attr: &str, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            let _ = writeln!(head, "<meta {attr}=\"{name}\" content=\"{}\">", e(v));
        }
    };
    meta("og:site_name", "property", a.source.as_deref());
    meta("author", "name", a.byline.as_deref());
    let date = a.published.map(|d| d.to_string());
    meta("article:published_time", "property", date.as_deref());
    meta("storyline:word-count", "name", a.length.as_deref());
    meta("storyline:section", "name", a.section.as_deref());
    meta("storyline:document-id", "name", a.document_id.as_deref());
    let mut body = format!("<h1>{}</h1>\n", e(&a.headline));
    for p in a.body.iter().filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(body, "<p>{}</p>", e(p.trim()));
    }
    format!(
        "<!doctype html>\n<html>\n<head>\n{head}</head>\n<body>\n<article>\n{body}</article>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
#[path = "newsdb_tests.rs"]
mod tests;
