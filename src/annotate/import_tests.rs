//! W3C (ours and others') and Hypothesis documents, and what is not one.

use super::{ImportError, ImportFormat, parse};
use crate::annotate::HighlightColor;

/// A Hypothesis export in the shape its export feature writes, by hand.
const HYPOTHESIS: &str = r#"{
  "export_date": "2026-11-20T10:00:00.000Z",
  "export_userid": "acct:reader@hypothes.is",
  "client_version": "1.1466.0",
  "annotations": [
    {
      "id": "Vh1oZq5fEe-abc123",
      "created": "2026-11-19T09:00:00.000000+00:00",
      "uri": "https://example.com/huawei",
      "text": "Compare with the <b>German</b> vote.",
      "tags": ["UK", "5G policy"],
      "target": [{
        "source": "https://example.com/huawei",
        "selector": [
          {"type": "RangeSelector", "startContainer": "/div[1]/p[3]", "startOffset": 0, "endContainer": "/div[1]/p[3]", "endOffset": 40},
          {"type": "TextPositionSelector", "start": 1200, "end": 1240},
          {"type": "TextQuoteSelector", "exact": "UK officials have indicated", "prefix": "matter.\n\n", "suffix": " they would"}
        ]
      }]
    },
    {
      "id": "page-note",
      "text": "A page note has no quote.",
      "tags": [],
      "target": [{"source": "https://example.com/huawei"}]
    }
  ]
}"#;

#[test]
fn a_hypothesis_export_gives_quotes_tags_and_notes_as_text() {
    let parsed = parse(HYPOTHESIS).expect("parses");
    assert_eq!(parsed.format, ImportFormat::Hypothesis);
    assert_eq!(parsed.annotations.len(), 1);
    assert_eq!(parsed.without_quote, 1);
    let a = &parsed.annotations[0];
    assert_eq!(a.id.as_deref(), Some("Vh1oZq5fEe-abc123"));
    assert_eq!(a.selector.quote.exact, "UK officials have indicated");
    assert_eq!(a.selector.quote.prefix, "matter.\n\n");
    assert_eq!(
        (a.selector.position.start.0, a.selector.position.end.0),
        (1200, 1240)
    );
    assert!(a.has_position);
    assert_eq!(a.tags, ["5g-policy", "uk"]);
    assert_eq!(a.note, "Compare with the <b>German</b> vote.");
    assert_eq!(a.color, None);
}

#[test]
fn w3c_single_array_and_paged_collection() {
    let one = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:storyline:annotation:h-1", "type": "Annotation",
      "body": [{"type": "TextualBody", "value": "uk", "purpose": "tagging"}, {"type": "TextualBody", "value": "<script>x</script>", "purpose": "commenting"}],
      "target": {"source": "urn:x", "selector": [{"type": "TextQuoteSelector", "exact": "Huawei"}], "styleClass": "green"}}"#;
    let parsed = parse(one).expect("parses");
    assert_eq!(parsed.format, ImportFormat::W3c);
    let a = &parsed.annotations[0];
    assert_eq!(a.id.as_deref(), Some("h-1"));
    assert_eq!(a.tags, ["uk"]);
    assert_eq!(a.note, "<script>x</script>");
    assert_eq!(a.color, Some(HighlightColor::Green));
    assert!(!a.has_position);
    let array = format!("[{one}, {one}]");
    assert_eq!(parse(&array).expect("parses").annotations.len(), 2);
    let paged = format!(
        r#"{{"type": "AnnotationCollection", "first": {{"type": "AnnotationPage", "items": [{one}], "next": {{"type": "AnnotationPage", "items": [{one}]}}}}}}"#
    );
    assert_eq!(parse(&paged).expect("parses").annotations.len(), 2);
    let empty = r#"{"type": "AnnotationCollection", "total": 0}"#;
    assert!(parse(empty).expect("parses").annotations.is_empty());
}

#[test]
fn what_is_not_an_annotation_document_says_so() {
    assert!(matches!(parse("not json"), Err(ImportError::NotJson(_))));
    assert!(matches!(
        parse(r#"{"name": "a package.json"}"#),
        Err(ImportError::NotAnnotations)
    ));
    assert!(matches!(
        parse("[1, 2, 3]"),
        Err(ImportError::NotAnnotations)
    ));
    // Deeper than a JSON reader goes: an error, not a stack overflow.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(parse(&deep), Err(ImportError::NotJson(_))));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any text is read or refused, never a panic.
    #[test]
    fn any_input_is_read_or_refused(input in ".{0,400}") {
        let _ = parse(&input);
        let wrapped = format!(r#"{{"type":"Annotation","target":{{"selector":{input}}}}}"#);
        let _ = parse(&wrapped);
    }
}
