//! Exports: every format for the sample (snapshots), valid HTML/SVG/JSON,
//! escaping of hostile notes and tags, empty articles, determinism, the CLI.

use std::path::Path;

use storyline::annotate::{Annotations, Command, Highlight, HighlightColor, HighlightId, Selector};
use storyline::document::{CharRange, Document, SourceFormat, TextIndex, parse_source};
use storyline::export::{ExportInput, Format, export};
use storyline::timeline::{Event, EventId, EventKind, Lane, LaneColor, LaneId, When};

fn sample() -> (Document, Annotations) {
    let (path, loaded) = storyline::store::sample::load_sample();
    let (_, ann, _) =
        storyline::store::article::open_annotations(Path::new("saves"), &path, &loaded.document)
            .expect("shipped save");
    (loaded.document, ann)
}

fn run(format: Format, doc: &Document, ann: &Annotations) -> String {
    export(
        format,
        &ExportInput {
            doc,
            annotations: ann,
            published: doc.meta.published,
        },
    )
}

#[test]
fn every_format_of_the_sample() {
    let (doc, ann) = sample();
    for format in Format::ALL {
        let out = run(format, &doc, &ann);
        assert_eq!(out, run(format, &doc, &ann), "{format:?} is deterministic");
        insta::assert_snapshot!(format!("sample_{}", format.name()), out);
    }
}

#[test]
fn html_and_svg_parse_and_carry_the_timeline() {
    let (doc, ann) = sample();
    let html = run(Format::Html, &doc, &ann);
    let page = dom_query::Document::from(html.as_str());
    assert_eq!(
        page.select("head > title").text().to_string(),
        format!("Timeline — {}", doc.meta.title)
    );
    assert_eq!(page.select("script").length(), 0);
    assert_eq!(page.select("article.event").length(), ann.events().len());
    assert_eq!(page.select("th.lane").length(), 3);
    assert!(page.select("svg").length() == 1, "the chart is inline");
    assert!(
        !html.contains("http://") || html.contains("http://www.w3.org/2000/svg"),
        "nothing fetched"
    );
    let svg = run(Format::Svg, &doc, &ann);
    let xml = roxmltree::Document::parse(&svg).expect("SVG is XML");
    assert_eq!(xml.root_element().tag_name().name(), "svg");
    for lane in ["UK decision", "Canadian extradition", "German vote"] {
        assert!(svg.contains(lane), "{lane}");
    }
}

#[test]
fn json_is_a_web_annotation_collection() {
    let (doc, ann) = sample();
    let v: serde_json::Value = serde_json::from_str(&run(Format::Json, &doc, &ann)).expect("json");
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().expect("items");
    assert_eq!(items.len(), ann.entries().len());
    let tagged = items
        .iter()
        .find(|a| a["body"].is_array())
        .expect("a tagged annotation");
    assert_eq!(tagged["type"], "Annotation");
    let selectors = tagged["target"]["selector"].as_array().expect("selectors");
    assert_eq!(selectors[0]["type"], "TextQuoteSelector");
    assert_eq!(selectors[1]["type"], "TextPositionSelector");
    assert!(
        tagged["body"]
            .as_array()
            .expect("body")
            .iter()
            .any(|b| b["purpose"] == "tagging")
    );
    let events = v["storyline:timeline"]["events"]
        .as_array()
        .expect("events");
    assert_eq!(events.len(), ann.events().len());
    let ids: Vec<&str> = items
        .iter()
        .map(|a| a["id"].as_str().expect("id"))
        .collect();
    for e in events {
        assert!(e["date"].as_str().is_some_and(|d| !d.is_empty()));
        for ev in e["evidence"].as_array().expect("evidence") {
            assert!(
                ids.contains(&ev.as_str().expect("id")),
                "evidence points at an annotation"
            );
        }
    }
}

const HOSTILE_NOTE: &str =
    "<script>alert('note')</script> \"quoted\" \"><img src=x onerror=alert(1)>";
const HOSTILE_TAG: &str = "\"><img-src=x-onerror=alert(2)>";

/// A small article with one highlight and one event whose texts are hostile.
fn hostile() -> (Document, Annotations) {
    let doc = parse_source(
        "A title\n\nThe committee meets next week to decide.",
        SourceFormat::Text,
        "hostile",
    );
    let index = TextIndex::new(&doc.text);
    let start = doc.text.find("The committee").expect("text");
    let t = jiff::Timestamp::UNIX_EPOCH;
    let mut h = Highlight::new(
        HighlightId("h-1".into()),
        Selector::from_range(&index, CharRange::new(start, start + 20)),
        HighlightColor::Pink,
        t,
    );
    h.tags = vec![HOSTILE_TAG.into()];
    h.note = HOSTILE_NOTE.into();
    let lane = Lane {
        modified: None,
        id: LaneId("l".into()),
        name: "<b>Lane</b> & co".into(),
        color: LaneColor::Blue,
        order: 0,
        keywords: vec![],
    };
    let event = Event {
        credit: storyline::credit::Credit::default(),
        id: EventId("e".into()),
        title: "<script>alert('title')</script>".into(),
        when: When::day(jiff::civil::date(2021, 3, 4)),
        lanes: vec![LaneId("l".into())],
        evidence: vec![HighlightId("h-1".into())],
        note: HOSTILE_NOTE.into(),
        kind: EventKind::Expected,
        modified: t,
        source: None,
    };
    let mut ann = Annotations::new(Vec::new(), &doc.text);
    ann.apply(
        Command::Batch(vec![
            Command::Add(h),
            Command::AddLane(lane),
            Command::AddEvent(event),
        ]),
        t,
    )
    .expect("batch");
    (doc, ann)
}

#[test]
fn hostile_text_is_escaped_in_html_and_svg_and_intact_elsewhere() {
    let (doc, ann) = hostile();
    let tag = storyline::annotate::normalize_tag(HOSTILE_TAG).expect("tag");
    for format in [Format::Html, Format::Svg] {
        let out = run(format, &doc, &ann);
        assert!(!out.contains("<script"), "{format:?}: {out}");
        assert!(!out.contains("<img"), "{format:?}");
        assert!(!out.contains("<b>Lane"), "{format:?}");
        assert!(out.contains("&lt;script&gt;"), "{format:?}");
    }
    let html = run(Format::Html, &doc, &ann);
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert_eq!(
        dom_query::Document::from(html.as_str())
            .select("script, img")
            .length(),
        0
    );
    roxmltree::Document::parse(&run(Format::Svg, &doc, &ann)).expect("still XML");
    let json: serde_json::Value =
        serde_json::from_str(&run(Format::Json, &doc, &ann)).expect("json");
    let body = &json["first"]["items"][0]["body"];
    assert!(
        body.as_array()
            .expect("body")
            .iter()
            .any(|b| b["value"] == HOSTILE_NOTE)
    );
    assert!(
        body.as_array()
            .expect("body")
            .iter()
            .any(|b| b["value"] == tag.as_str())
    );
    let csv = run(Format::Csv, &doc, &ann);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let row = reader.records().next().expect("a row").expect("csv");
    assert_eq!(&row[6], "<script>alert('title')</script>");
    assert!(row[11].contains(HOSTILE_NOTE));
    assert_eq!(&row[10], tag.as_str());
    let md = run(Format::Markdown, &doc, &ann);
    assert!(md.contains(HOSTILE_NOTE) && md.contains(&tag));
}

#[test]
fn an_article_with_nothing_still_exports_something_sensible() {
    let doc = parse_source("Just a title\n\nAnd a line.", SourceFormat::Text, "bare");
    let ann = Annotations::new(Vec::new(), &doc.text);
    let md = run(Format::Markdown, &doc, &ann);
    assert!(
        md.contains("# Just a title")
            && md.contains("No events yet.")
            && md.contains("No highlights yet.")
    );
    let html = run(Format::Html, &doc, &ann);
    assert!(html.contains("No highlights yet."));
    roxmltree::Document::parse(&run(Format::Svg, &doc, &ann)).expect("svg");
    assert!(run(Format::Svg, &doc, &ann).contains("No events on the timeline yet."));
    let json: serde_json::Value =
        serde_json::from_str(&run(Format::Json, &doc, &ann)).expect("json");
    assert_eq!(json["total"], 0);
    assert_eq!(
        run(Format::Csv, &doc, &ann).lines().count(),
        1,
        "just the header"
    );
}

#[test]
fn the_cli_exports_the_sample_with_its_three_lanes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("timeline.html");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args([
            "export",
            "assets/articles/huawei-5g-2020-01-23.md",
            "--format",
            "html",
            "-o",
        ])
        .arg(&out)
        .env("STORYLINE_STATE", dir.path().join("state.ron"))
        .status()
        .expect("runs");
    assert!(status.success());
    let html = std::fs::read_to_string(&out).expect("written");
    for lane in ["UK decision", "Canadian extradition", "German vote"] {
        assert!(html.contains(lane), "{lane}");
    }
    // To standard output without -o; an unknown format is refused.
    let md = std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args([
            "export",
            "assets/articles/huawei-5g-2020-01-23.md",
            "--format",
            "md",
        ])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&md.stdout).starts_with("# Facing pushback"));
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args([
            "export",
            "assets/articles/huawei-5g-2020-01-23.md",
            "--format",
            "pdf",
        ])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown format"));
}

/// The HTML page follows the reader's dark mode, its timeline card too (it
/// was a white card on a dark page); the SVG keeps light fills for viewers
/// without CSS and switches with `prefers-color-scheme` where it can.
#[test]
fn the_timeline_card_follows_dark_mode() {
    let (doc, ann) = sample();
    let html = run(Format::Html, &doc, &ann);
    assert!(
        html.contains("figure.chart { margin: 1rem 0; padding: .5rem; background: var(--card);")
    );
    assert!(!html.contains("figure.chart { margin: 1rem 0; padding: .5rem; background: #fff;"));
    let svg = run(Format::Svg, &doc, &ann);
    let dark = svg
        .find("@media (prefers-color-scheme: dark)")
        .expect("dark rules");
    assert!(svg[dark..].contains(".bg { fill: #25282d; }"));
    assert!(svg.contains("class=\"bg\"") && svg.contains("class=\"ink\""));
}

/// Our own W3C export reads back (issue 16's importer, parse step): every
/// highlight of the sample with its id, quote, position, tags, note and
/// colour.
#[test]
fn the_json_export_reads_back_with_every_field() {
    let (doc, ann) = sample();
    let parsed = storyline::annotate::import::parse(&run(Format::Json, &doc, &ann)).expect("reads");
    assert_eq!(parsed.annotations.len(), ann.entries().len());
    assert_eq!(parsed.annotations.len(), 19);
    for (got, entry) in parsed.annotations.iter().zip(ann.entries()) {
        let h = &entry.highlight;
        assert_eq!(got.id.as_deref(), Some(h.id.0.as_str()));
        assert_eq!(got.tags, h.tags);
        assert_eq!(got.note, h.note);
        assert_eq!(got.color, Some(h.color));
        let range = entry.range().expect("anchored");
        assert_eq!(got.selector.position.range(), range);
        assert_eq!(got.selector.quote.exact, doc.slice(range).expect("slice"));
    }
}

#[test]
fn evidence_keeps_its_role_in_every_export() {
    let (doc, mut ann) = sample();
    let own = ann.entries().len();
    // An event accepted from a suggestion: its sentence becomes evidence.
    let publication = doc.meta.published.expect("dated");
    let s =
        storyline::timeline::open_suggestions(&doc, publication, ann.lanes(), ann.events(), |_| {
            false
        })
        .into_iter()
        .find(|s| ann.overlapping(s.found.sentence).next().is_none())
        .expect("an open suggestion in untouched text");
    let t = jiff::Timestamp::UNIX_EPOCH;
    let cmd = storyline::annotate::accept_suggestion(
        &ann,
        &doc,
        &s,
        HighlightId("h-evidence".into()),
        EventId("e-evidence".into()),
        t,
    );
    ann.apply(cmd, t).expect("accept");
    assert_eq!(ann.entries().len(), own + 1);

    // W3C: its role, its quiet style; read back as evidence.
    let json = run(Format::Json, &doc, &ann);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let items = v["first"]["items"].as_array().expect("items");
    let e = items
        .iter()
        .find(|a| {
            a["id"]
                .as_str()
                .is_some_and(|id| id.ends_with("h-evidence"))
        })
        .expect("exported");
    assert_eq!(e["storyline:role"], "evidence");
    assert!(
        e["stylesheet"]["value"]
            .as_str()
            .expect("css")
            .contains("underline")
    );
    let back = storyline::annotate::import::parse(&json).expect("reads");
    let flags: Vec<bool> = back.annotations.iter().map(|a| a.evidence).collect();
    assert_eq!(flags.iter().filter(|f| **f).count(), 1);

    // HTML and Markdown: listed under its event, not among the highlights.
    for format in [Format::Html, Format::Markdown] {
        let out = run(format, &doc, &ann);
        assert!(
            out.contains(&format!("{own} highlights · 1 passage of evidence")),
            "{format:?}"
        );
        let by_tag = out.split("Highlights by tag").nth(1).expect("section");
        let quote = ann
            .get(&HighlightId("h-evidence".into()))
            .expect("there")
            .highlight
            .selector
            .quote
            .exact
            .clone();
        let words: String = quote.chars().take(40).collect();
        assert!(
            !by_tag.contains(&words),
            "{format:?}: evidence among highlights"
        );
        assert!(out.contains(&words), "{format:?}: evidence under its event");
    }
}
