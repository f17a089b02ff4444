//! E-mail (`.eml`) and saved web pages (`.mhtml`, `.mht`): both MIME
//! messages. The HTML part is read as a web page (its inline resources —
//! images, styles — are ignored), else the plain-text part. For an e-mail,
//! `Subject` is the title, `From` the source and `Date` the publication
//! date; a saved page keeps the page's own.

use std::fmt::Write as _;
use std::path::Path;

use mail_parser::MessageParser;

use crate::document::Document;
use crate::document::load::{LoadError, SourceFormat, parse_source};

/// Which kind of MIME file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MimeKind {
    /// An e-mail: its headers are the article's metadata.
    Email,
    /// A saved web page: the page's own metadata.
    WebArchive,
}

impl MimeKind {
    /// The kind for a path's extension, if it is one.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "eml" => Some(Self::Email),
            "mht" | "mhtml" => Some(Self::WebArchive),
            _ => None,
        }
    }
}

/// Escapes text for an HTML attribute or element.
pub(super) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Reads a MIME file into a document (and its format: HTML or text).
pub fn parse_mime(
    bytes: &[u8],
    path: &Path,
    kind: MimeKind,
) -> Result<(Document, SourceFormat), LoadError> {
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(message) = MessageParser::default().parse(bytes) else {
        return Err(LoadError::Damaged {
            path: path.to_owned(),
            why: "not a MIME message".to_owned(),
        });
    };
    let subject = message.subject().unwrap_or_default().trim().to_owned();
    let from = message
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.name().or(a.address()))
        .unwrap_or_default()
        .trim()
        .to_owned();
    let date = message.date().and_then(|d| {
        jiff::civil::Date::new(
            i16::try_from(d.year).ok()?,
            i8::try_from(d.month).ok()?,
            i8::try_from(d.day).ok()?,
        )
        .ok()
    });
    let html = message.body_html(0).map(std::borrow::Cow::into_owned);
    let text = message.body_text(0).map(std::borrow::Cow::into_owned);
    let (mut doc, format) = match (html, text) {
        (Some(html), _) => {
            // The headers as the page's own metadata, for an e-mail.
            let head = if kind == MimeKind::Email {
                let mut head = format!("<title>{}</title>", escape(&subject));
                if !from.is_empty() {
                    let _ = write!(head, "<meta name=\"author\" content=\"{}\">", escape(&from));
                }
                if let Some(d) = date {
                    let _ = write!(
                        head,
                        "<meta property=\"article:published_time\" content=\"{d}\">"
                    );
                }
                head
            } else {
                String::new()
            };
            let page = if head.is_empty() {
                html
            } else if let Some(at) = html.to_ascii_lowercase().find("<head>") {
                format!("{}{head}{}", &html[..at + 6], &html[at + 6..])
            } else {
                format!("<html><head>{head}</head><body>{html}</body></html>")
            };
            (
                parse_source(&page, SourceFormat::Html, &name),
                SourceFormat::Html,
            )
        }
        (None, Some(text)) => {
            // Plain text: the subject and sender as title and dateline.
            let mut md = String::new();
            if !subject.is_empty() {
                let _ = write!(md, "# {subject}\n\n");
            }
            let line: Vec<String> = [
                (!from.is_empty()).then(|| from.clone()),
                date.map(|d| d.strftime("%b %-d, %Y").to_string()),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !line.is_empty() {
                let _ = write!(md, "[{}](#)\n\n", line.join(", "));
            }
            md.push_str(&text);
            (
                parse_source(&md, SourceFormat::Markdown, &name),
                SourceFormat::Text,
            )
        }
        (None, None) => return Err(LoadError::NoText(path.to_owned())),
    };
    if kind == MimeKind::Email {
        if !subject.is_empty() {
            doc.meta.title = subject;
        }
        if !from.is_empty() {
            doc.meta.source = Some(from);
        }
        if date.is_some() {
            doc.meta.published = date;
        }
    } else if doc.meta.title.trim().is_empty() && !subject.is_empty() {
        doc.meta.title = subject;
    }
    Ok((doc, format))
}
