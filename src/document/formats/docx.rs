//! Word documents (`.docx`): paragraphs, headings (the Heading and Title
//! styles), emphasis, lists and quotes from `word/document.xml`; title,
//! author and date from `docProps/core.xml`. Read as a stream of XML events
//! (quick-xml), after the zip listing is checked like an EPUB's.

use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::events::Event;

use crate::document::builder::Builder;
use crate::document::load::LoadError;
use crate::document::{BlockKind, Document, Meta, SpanStyle};

/// Most bytes of one XML part read.
const MAX_PART: u64 = 256 * 1024 * 1024;

/// Reads a DOCX file.
pub fn parse_docx(bytes: &[u8], path: &Path) -> Result<Document, LoadError> {
    let damaged = |why: String| LoadError::Damaged {
        path: path.to_owned(),
        why,
    };
    super::epub::check_archive(bytes).map_err(damaged)?;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| damaged(format!("not a Word document (zip: {e})")))?;
    let mut part = |name: &str| -> Option<String> {
        let f = zip.by_name(name).ok()?;
        let mut s = String::new();
        f.take(MAX_PART).read_to_string(&mut s).ok()?;
        Some(s)
    };
    let body = part("word/document.xml")
        .ok_or_else(|| damaged("not a Word document (no word/document.xml)".to_owned()))?;
    let core = part("docProps/core.xml").unwrap_or_default();
    let mut meta = core_meta(&core);
    let mut b = Builder::default();
    let mut paragraphs =
        paragraphs(&body).map_err(|e| damaged(format!("its text is damaged: {e}")))?;
    // A "Title" paragraph is the title when the properties have none.
    if meta.title.is_empty()
        && let Some(i) = paragraphs.iter().position(|p| p.style == Style::Title)
    {
        meta.title = paragraphs.remove(i).plain();
    }
    if meta.title.is_empty() {
        meta.title = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    // No date in the properties: a dateline among the first paragraphs
    // ("Continental Daily, April 23, 2021") gives it, and its source.
    let mut dateline = meta.published.map(|d| d.strftime("%B %-d, %Y").to_string());
    if meta.published.is_none()
        && let Some((i, (date, source))) =
            paragraphs.iter().take(3).enumerate().find_map(|(i, p)| {
                (p.list.is_none() && p.style == Style::Body)
                    .then(|| crate::document::meta::dateline(&p.plain()))
                    .flatten()
                    .map(|d| (i, d))
            })
    {
        meta.published = Some(date);
        meta.source = meta.source.take().or(source);
        dateline = Some(paragraphs.remove(i).plain());
    }
    b.title_and_dateline(&meta.title, &[meta.byline.clone(), dateline]);
    for p in &paragraphs {
        if p.runs.iter().all(|(t, _)| t.trim().is_empty()) {
            continue;
        }
        let kind = match p.style {
            Style::Heading(level) => BlockKind::Heading { level },
            Style::Title | Style::Body | Style::Quote => BlockKind::Paragraph,
        };
        let quote = u8::from(p.style == Style::Quote);
        b.start_block(kind, quote, p.list.map_or(0, |l| l + 1));
        if p.list.is_some() {
            b.set_marker("•".to_owned());
        }
        for (text, style) in &p.runs {
            if let Some(s) = style {
                b.open_span(s.clone());
            }
            b.text(text);
            if style.is_some() {
                b.close_span();
            }
        }
        b.end_block();
    }
    Ok(b.into_document(meta))
}

/// How a paragraph is styled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Body,
    Title,
    Heading(u8),
    Quote,
}

/// One `<w:p>`: its runs (text and emphasis), style and list level.
#[derive(Debug)]
struct Para {
    runs: Vec<(String, Option<SpanStyle>)>,
    style: Style,
    list: Option<u8>,
}

impl Para {
    fn plain(&self) -> String {
        self.runs
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<String>()
            .trim()
            .to_owned()
    }
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attr(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
}

/// The paragraphs of `word/document.xml`.
fn paragraphs(xml: &str) -> Result<Vec<Para>, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut para: Option<Para> = None;
    let (mut bold, mut italic, mut in_text) = (false, false, false);
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                "p" => {
                    para = Some(Para {
                        runs: Vec::new(),
                        style: Style::Body,
                        list: None,
                    });
                }
                "pStyle" => {
                    if let (Some(p), Some(v)) = (para.as_mut(), attr(&e, "val")) {
                        let v = v.to_ascii_lowercase();
                        p.style = if v == "title" {
                            Style::Title
                        } else if let Some(n) = v.strip_prefix("heading") {
                            Style::Heading(n.trim().parse::<u8>().unwrap_or(1).clamp(1, 6))
                        } else if v.contains("quote") {
                            Style::Quote
                        } else {
                            Style::Body
                        };
                    }
                }
                "ilvl" => {
                    if let Some(p) = para.as_mut() {
                        p.list = Some(
                            attr(&e, "val")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(0)
                                .min(6),
                        );
                    }
                }
                "numPr" => {
                    if let Some(p) = para.as_mut() {
                        p.list.get_or_insert(0);
                    }
                }
                "r" => (bold, italic) = (false, false),
                "b" => bold = attr(&e, "val").is_none_or(|v| v != "0" && v != "false"),
                "i" => italic = attr(&e, "val").is_none_or(|v| v != "0" && v != "false"),
                "t" => in_text = true,
                "tab" | "br" | "cr" => push(&mut para, " ", None),
                _ => {}
            },
            Event::Text(t) if in_text => {
                let text = t.xml10_content().into_owned();
                let style = if bold {
                    Some(SpanStyle::Strong)
                } else if italic {
                    Some(SpanStyle::Emphasis)
                } else {
                    None
                };
                push(&mut para, &text, style);
            }
            Event::GeneralRef(r) if in_text => {
                let ch = match r.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                };
                push(&mut para, ch, None);
            }
            Event::End(e) => match local(e.name().as_ref()) {
                "t" => in_text = false,
                "p" => out.extend(para.take()),
                _ => {}
            },
            _ => {}
        }
    }
    Ok(out)
}

fn push(para: &mut Option<Para>, text: &str, style: Option<SpanStyle>) {
    if let Some(p) = para.as_mut() {
        match p.runs.last_mut() {
            Some((t, s)) if *s == style => t.push_str(text),
            _ => p.runs.push((text.to_owned(), style)),
        }
    }
}

/// Title, author and date from `docProps/core.xml`.
fn core_meta(xml: &str) -> Meta {
    let mut meta = Meta::default();
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut at = String::new();
    let mut created = None;
    while let Ok(ev) = reader.read_event() {
        match ev {
            Event::Eof => break,
            Event::Start(e) => local(e.name().as_ref()).clone_into(&mut at),
            Event::End(_) => at.clear(),
            Event::Text(t) => {
                let v = t.xml10_content().trim().to_owned();
                match at.as_str() {
                    "title" => meta.title = v,
                    "creator" if !v.is_empty() => meta.byline = Some(v),
                    "created" => created = Some(v),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    meta.published = created
        .as_deref()
        .and_then(|c| c.get(..10))
        .and_then(|d| d.parse().ok());
    meta
}
