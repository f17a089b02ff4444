//! Annotations made elsewhere, read: a W3C Web Annotation document (one
//! annotation, an array, or an `AnnotationCollection` with its pages —
//! Storyline's own export included) or a Hypothesis export
//! (`{export_date, export_userid, client_version, annotations: [...]}`).
//!
//! Pure: JSON text in, [`Incoming`] annotations out, each with the quote,
//! position, tags, note, colour and id its source gave. Anchoring them to
//! an article is the caller's (with [`super::anchor`]); notes stay text,
//! never markup.

use serde_json::Value;

use super::{HighlightColor, Selector, TextPosition, TextQuote, normalize_tags};
use crate::document::CharIdx;

/// The id prefix of Storyline's exported annotations.
pub(super) const OUR_ID_PREFIX: &str = "urn:storyline:annotation:";

/// One annotation as its source describes it.
///
/// Invariant: `selector.quote.exact` is not empty (an annotation without a
/// quote cannot be anchored and is not returned).
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    /// Its id: Storyline's own highlight id for our exports, else the
    /// source's id as given.
    pub id: Option<String>,
    /// Quote and position (`position` is 0..0 when the source gave none).
    pub selector: Selector,
    /// Whether the source gave a position.
    pub has_position: bool,
    /// Tags, normalised.
    pub tags: Vec<String>,
    /// The note, as plain text (HTML or Markdown kept as written).
    pub note: String,
    /// The colour Storyline wrote, if any.
    pub color: Option<HighlightColor>,
    /// Storyline wrote it as an event's evidence.
    pub evidence: bool,
    /// When it was made, if the source says.
    pub created: Option<jiff::Timestamp>,
    /// When it last changed, if the source says (`modified` in W3C,
    /// `updated` in Hypothesis).
    pub modified: Option<jiff::Timestamp>,
    /// The document it was made on (its target's `source`, or Hypothesis's
    /// `uri`), when given.
    pub document: Option<String>,
    /// Who made it (W3C `creator`, Hypothesis `user`), and who changed it
    /// last (`storyline:editedBy`).
    pub credit: crate::credit::Credit,
}

/// Which kind of document was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// W3C Web Annotation (JSON-LD).
    W3c,
    /// A Hypothesis export.
    Hypothesis,
}

impl ImportFormat {
    /// What users call it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::W3c => "W3C Web Annotations",
            Self::Hypothesis => "a Hypothesis export",
        }
    }
}

/// What was read: the annotations, and how many were left out for having
/// no quote to anchor by.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The kind of document.
    pub format: ImportFormat,
    /// The annotations with a quote, in the document's order.
    pub annotations: Vec<Incoming>,
    /// Annotations without a text quote (a page note, an image region).
    pub without_quote: usize,
    /// The lanes and events of Storyline's own export, if it has them.
    pub timeline: Option<super::import_timeline::IncomingTimeline>,
}

/// Why a file could not be read as annotations.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Not JSON (or nested deeper than JSON readers allow).
    #[error("not JSON: {0}")]
    NotJson(#[from] serde_json::Error),
    /// JSON, but no annotation document.
    #[error("JSON, but not W3C Web Annotations or a Hypothesis export (no annotation found)")]
    NotAnnotations,
}

/// Reads `json` as annotations.
///
/// # Errors
/// [`ImportError`] when it is not JSON or holds no annotation document.
pub fn parse(json: &str) -> Result<Parsed, ImportError> {
    let value: Value = serde_json::from_str(json)?;
    let (format, items) = if let Some(list) = value.get("annotations").and_then(Value::as_array)
        && (value.get("export_date").is_some() || value.get("client_version").is_some())
    {
        (ImportFormat::Hypothesis, list.iter().collect::<Vec<_>>())
    } else {
        (ImportFormat::W3c, w3c_items(&value))
    };
    if items.is_empty() && !is_empty_collection(&value) {
        return Err(ImportError::NotAnnotations);
    }
    let mut annotations = Vec::new();
    let mut without_quote = 0;
    for item in items {
        match format {
            ImportFormat::Hypothesis => hypothesis(item),
            ImportFormat::W3c => w3c(item),
        }
        .map_or_else(|| without_quote += 1, |a| annotations.push(a));
    }
    let timeline = super::import_timeline::read(&value, jiff::Timestamp::UNIX_EPOCH);
    Ok(Parsed {
        format,
        annotations,
        without_quote,
        timeline,
    })
}

fn is_empty_collection(v: &Value) -> bool {
    v.get("type").and_then(Value::as_str) == Some("AnnotationCollection")
        || (v.get("annotations").is_some_and(Value::is_array) && v.get("export_date").is_some())
}

fn is_annotation(v: &Value) -> bool {
    match v.get("type") {
        Some(Value::String(t)) => t == "Annotation",
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some("Annotation")),
        _ => false,
    }
}

/// The annotations of a W3C document: itself, an array, or a collection's
/// pages (`first`, and each page's `next` when given inline).
fn w3c_items(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(list) => list.iter().filter(|a| is_annotation(a)).collect(),
        Value::Object(_) if is_annotation(v) => vec![v],
        Value::Object(_) => {
            let mut out: Vec<&Value> = Vec::new();
            if let Some(items) = v.get("items").and_then(Value::as_array) {
                out.extend(items.iter().filter(|a| is_annotation(a)));
            }
            let mut page = v.get("first");
            let mut pages = 0;
            while let Some(p) = page.filter(|p| p.is_object()) {
                if let Some(items) = p.get("items").and_then(Value::as_array) {
                    out.extend(items.iter().filter(|a| is_annotation(a)));
                }
                page = p.get("next");
                pages += 1;
                if pages > 10_000 {
                    break;
                }
            }
            out
        }
        _ => Vec::new(),
    }
}

/// Quote and position from a list of selectors.
fn selector_of(selectors: &[&Value]) -> Option<(Selector, bool)> {
    let mut quote: Option<TextQuote> = None;
    let mut position: Option<TextPosition> = None;
    let text = |s: &Value, k: &str| s.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    for s in selectors {
        match s.get("type").and_then(Value::as_str) {
            Some("TextQuoteSelector") => {
                quote = Some(TextQuote {
                    exact: text(s, "exact"),
                    prefix: text(s, "prefix"),
                    suffix: text(s, "suffix"),
                });
            }
            Some("TextPositionSelector") => {
                let n = |k: &str| {
                    s.get(k)
                        .and_then(Value::as_u64)
                        .and_then(|n| usize::try_from(n).ok())
                };
                if let (Some(start), Some(end)) = (n("start"), n("end"))
                    && start <= end
                {
                    position = Some(TextPosition {
                        start: CharIdx(start),
                        end: CharIdx(end),
                    });
                }
            }
            _ => {}
        }
    }
    let quote = quote.filter(|q| !q.exact.is_empty())?;
    Some((
        Selector {
            quote,
            position: position.unwrap_or_default(),
        },
        position.is_some(),
    ))
}

/// A value that is one thing or a list of things, as a list.
fn many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    }
}

fn w3c(a: &Value) -> Option<Incoming> {
    let targets = many(a.get("target"));
    let target = targets.iter().find(|t| t.get("selector").is_some())?;
    let (selector, has_position) = selector_of(&many(target.get("selector")))?;
    let mut tags = Vec::new();
    let mut notes = Vec::new();
    for body in many(a.get("body")) {
        let Some(value) = body.get("value").and_then(Value::as_str) else {
            continue;
        };
        if body.get("purpose").and_then(Value::as_str) == Some("tagging") {
            tags.push(value.to_owned());
        } else {
            notes.push(value.to_owned());
        }
    }
    let id = a
        .get("id")
        .and_then(Value::as_str)
        .map(|id| id.strip_prefix(OUR_ID_PREFIX).unwrap_or(id).to_owned());
    let color = target
        .get("styleClass")
        .and_then(Value::as_str)
        .and_then(HighlightColor::from_name);
    Some(Incoming {
        id,
        selector,
        has_position,
        tags: normalize_tags(&tags),
        note: notes.join("\n\n"),
        color,
        evidence: a.get("storyline:role").and_then(Value::as_str) == Some("evidence"),
        created: time(a, "created"),
        modified: time(a, "modified"),
        credit: credit_of(a),
        document: target
            .get("source")
            .and_then(Value::as_str)
            .map(str::to_owned),
    })
}

fn hypothesis(a: &Value) -> Option<Incoming> {
    let targets = many(a.get("target"));
    let target = targets.iter().find(|t| t.get("selector").is_some())?;
    let (selector, has_position) = selector_of(&many(target.get("selector")))?;
    let tags: Vec<String> = many(a.get("tags"))
        .iter()
        .filter_map(|t| t.as_str().map(str::to_owned))
        .collect();
    Some(Incoming {
        id: a.get("id").and_then(Value::as_str).map(str::to_owned),
        selector,
        has_position,
        tags: normalize_tags(&tags),
        note: a
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
        color: None,
        evidence: false,
        created: time(a, "created"),
        modified: time(a, "updated"),
        credit: crate::credit::Credit {
            author: a
                .pointer("/user_info/display_name")
                .and_then(Value::as_str)
                .and_then(|n| crate::credit::clean_name(Some(n)))
                .or_else(|| {
                    // "acct:ana@hypothes.is" → "ana"
                    let user = a.get("user")?.as_str()?;
                    let user = user.strip_prefix("acct:").unwrap_or(user);
                    crate::credit::clean_name(user.split('@').next())
                }),
            ..crate::credit::Credit::default()
        },
        document: a
            .get("uri")
            .or_else(|| target.get("source"))
            .and_then(Value::as_str)
            .map(str::to_owned),
    })
}

/// Who made it and who changed it last: W3C `creator` and
/// `storyline:editedBy`.
pub(super) fn credit_of(a: &Value) -> crate::credit::Credit {
    crate::credit::Credit {
        author: person(a.get("creator")),
        edited_by: person(a.get("storyline:editedBy")),
        ..crate::credit::Credit::default()
    }
}

/// A W3C agent's name: `{"type": "Person", "name": "Ana"}`, a plain
/// string, or the first of a list (the name, else its nickname).
fn person(v: Option<&Value>) -> Option<String> {
    let v = many(v).into_iter().next()?;
    let name = match v {
        Value::String(s) => Some(s.as_str()),
        Value::Object(o) => o
            .get("name")
            .or_else(|| o.get("nickname"))
            .and_then(Value::as_str),
        _ => None,
    };
    crate::credit::clean_name(name)
}

/// A time stamp field (RFC 3339), when present and valid.
fn time(a: &Value, key: &str) -> Option<jiff::Timestamp> {
    a.get(key)?.as_str()?.parse().ok()
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
