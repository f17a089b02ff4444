//! The highlights as a W3C Web Annotation collection (JSON-LD), plus the
//! timeline's lanes and events with EDTF dates and their evidence ids.

use serde_json::{Value, json};

use super::{ExportInput, kind_name, lanes_of};
use crate::annotate::Entry;
use crate::document::TextIndex;

/// The annotation IRI of a highlight.
pub(crate) fn annotation_id(id: &str) -> String {
    format!("urn:storyline:annotation:{id}")
}

pub(crate) fn annotation(entry: &Entry, source: &str, index: &TextIndex<'_>) -> Value {
    let h = &entry.highlight;
    // Current place and text when anchored; the last known otherwise.
    let selector = match entry.range() {
        Some(r) => crate::annotate::Selector::from_range(index, r),
        None => h.selector.clone(),
    };
    let mut bodies: Vec<Value> = h
        .tags
        .iter()
        .map(|t| json!({ "type": "TextualBody", "value": t, "purpose": "tagging" }))
        .collect();
    if !h.note.is_empty() {
        bodies.push(json!({
            "type": "TextualBody",
            "value": h.note,
            "format": "text/plain",
            "purpose": "commenting",
        }));
    }
    let mut a = json!({
        "id": annotation_id(&h.id.0),
        "type": "Annotation",
        "motivation": if h.note.is_empty() { "highlighting" } else { "commenting" },
        "created": h.created.to_string(),
        "modified": h.modified.to_string(),
        "target": {
            "source": source,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": selector.quote.exact,
                    "prefix": selector.quote.prefix,
                    "suffix": selector.quote.suffix,
                },
                {
                    "type": "TextPositionSelector",
                    "start": selector.position.start.0,
                    "end": selector.position.end.0,
                },
            ],
            "styleClass": h.color.name(),
        },
        "stylesheet": {
            "type": "CssStylesheet",
            "value": format!(".{} {{ background: {}; }}", h.color.name(), h.color.name()),
        },
    });
    if !bodies.is_empty() {
        a["body"] = Value::Array(bodies);
    }
    if entry.range().is_none() {
        a["storyline:status"] = json!("orphaned");
    }
    credit_fields(&mut a, &h.credit);
    // Evidence keeps its own role and quiet style (the colour still rides
    // along in styleClass for a round trip).
    if h.evidence {
        a["storyline:role"] = json!("evidence");
        a["stylesheet"] = json!({
            "type": "CssStylesheet",
            "value": format!(
                ".{} {{ text-decoration: underline dotted; background: none; }}",
                h.color.name()
            ),
        });
    }
    a
}

/// W3C `creator` (a Person) and who changed it last, when known.
pub(crate) fn credit_fields(v: &mut Value, credit: &crate::credit::Credit) {
    if let Some(a) = &credit.author {
        v["creator"] = json!({ "type": "Person", "name": a });
    }
    if let Some(e) = &credit.edited_by {
        v["storyline:editedBy"] = json!({ "type": "Person", "name": e });
    }
}

pub(super) fn json(input: &ExportInput<'_>) -> String {
    let doc = input.doc;
    let ann = input.annotations;
    let index = TextIndex::new(&doc.text);
    let fingerprint = doc.fingerprint();
    let source = format!("urn:storyline:text:{fingerprint}");
    let items: Vec<Value> = ann
        .entries()
        .iter()
        .map(|e| annotation(e, &source, &index))
        .collect();
    let lanes: Vec<Value> = ann
        .lanes()
        .iter()
        .map(|l| {
            json!({
                "id": format!("urn:storyline:lane:{}", l.id.0),
                "name": l.name,
                "color": l.color.name(),
                "order": l.order,
                "keywords": l.keywords,
            })
        })
        .collect();
    let events: Vec<Value> = ann
        .events()
        .iter()
        .map(|e| {
            let mut v = json!({
                "id": format!("urn:storyline:event:{}", e.id.0),
                "title": e.title,
                "date": e.when.edtf(),
                "start": e.when.start.to_string(),
                "end": e.when.end.to_string(),
                "precision": e.when.precision.name(),
                "approximate": e.when.approximate,
                "phrase": e.when.phrase,
                "kind": kind_name(e),
                "lanes": lanes_of(input, e).iter().map(|l| format!("urn:storyline:lane:{}", l.id.0)).collect::<Vec<_>>(),
                "evidence": e.evidence.iter().map(|h| annotation_id(&h.0)).collect::<Vec<_>>(),
                "note": e.note,
            });
            if let Some(open) = e.when.open {
                v["open"] = json!(match open {
                    crate::timeline::OpenEnd::Before => "before",
                    crate::timeline::OpenEnd::After => "after",
                });
            }
            if let Some(d) = e.when.resolved_against {
                v["resolvedAgainst"] = json!(d.to_string());
            }
            credit_fields(&mut v, &e.credit);
            v
        })
        .collect();
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("urn:storyline:collection:{fingerprint}"),
        "type": "AnnotationCollection",
        "label": doc.meta.title,
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
        "storyline:article": {
            "title": doc.meta.title,
            "source": doc.meta.source,
            "published": input.published.map(|d| d.to_string()),
            "text": source,
        },
        "storyline:timeline": {
            "lanes": lanes,
            "events": events,
        },
    });
    serde_json::to_string_pretty(&collection).unwrap_or_default() + "\n"
}
