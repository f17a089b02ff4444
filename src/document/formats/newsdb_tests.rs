//! The three export shapes, from the fixtures in `tests/formats/`.

use super::{ExportShape, split, to_html};

/// A TXT file's paragraphs, as Storyline's bundle reader gives them.
fn paragraphs(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("fixture");
    text.split("\n\n").map(str::to_owned).collect()
}

#[test]
fn a_factiva_export_splits_into_its_articles_with_their_fields() {
    let (shape, articles) =
        split(&paragraphs("tests/formats/factiva-export.txt")).expect("an export");
    assert_eq!(shape, ExportShape::Factiva);
    assert_eq!(articles.len(), 3);
    let a = &articles[0];
    assert_eq!(
        a.headline,
        "Britain gives Huawei limited role in 5G networks"
    );
    assert_eq!(a.byline.as_deref(), Some("Amira Sole"));
    assert_eq!(a.source.as_deref(), Some("The Harbour Post"));
    assert_eq!(a.published, Some(jiff::civil::date(2020, 1, 28)));
    assert_eq!(a.length.as_deref(), Some("412 words"));
    assert_eq!(a.document_id.as_deref(), Some("HRBRPT0020200128eg1s0001m"));
    // Lead and text, paragraph by paragraph; "IN 2019," is text, not the
    // industry code; the index lines are not.
    assert_eq!(a.body.len(), 4, "{:?}", a.body);
    assert!(a.body[2].starts_with("IN 2019, British operators"));
    assert!(!a.body.iter().any(|p| p.contains("Telecommunications")));
    assert_eq!(articles[2].byline, None);
    assert_eq!(articles[2].published, Some(jiff::civil::date(2021, 4, 23)));
}

#[test]
fn a_lexisnexis_text_export_splits_and_joins_its_wrapped_lines() {
    let (shape, articles) =
        split(&paragraphs("tests/formats/lexis-export.txt")).expect("an export");
    assert_eq!(shape, ExportShape::LexisAcademic);
    assert_eq!(articles.len(), 2);
    let a = &articles[0];
    assert_eq!(
        a.headline,
        "Britain gives Huawei limited role in 5G networks"
    );
    assert_eq!(a.source.as_deref(), Some("The Harbour Post (London)"));
    assert_eq!(a.published, Some(jiff::civil::date(2020, 1, 28)));
    assert_eq!(a.byline.as_deref(), Some("Amira Sole"));
    assert_eq!(a.section.as_deref(), Some("NEWS; Pg. 1"));
    assert_eq!(
        a.body,
        [
            "LONDON -- Britain on Tuesday allowed Huawei Technologies Co. to supply parts of its 5G network, defying months of pressure from Washington.",
            "UPDATE: The government said the company would be kept out of the network's core."
        ]
    );
    let b = &articles[1];
    assert_eq!(b.headline, "German parliament passes IT security law");
    assert_eq!(b.body.len(), 2, "{:?}", b.body);
}

#[test]
fn nexis_uni_paragraphs_split_at_end_of_document() {
    let lines: Vec<String> = [
        "Results list: Huawei",
        "Britain gives Huawei limited role",
        "The Harbour Post (London)",
        "January 28, 2020 Tuesday",
        "Copyright 2020 The Harbour Post Ltd.",
        "Section: NEWS; Pg. 1",
        "Length: 412 words",
        "Byline: Amira Sole",
        "Body",
        "LONDON — Britain on Tuesday allowed Huawei to supply parts of its network.",
        "Officials in Washington were disappointed.",
        "Load-Date: January 29, 2020",
        "End of Document",
        "Second headline",
        "Pacific Chronicle",
        "May 27, 2020",
        "Length: 356 words",
        "Body",
        "VANCOUVER — A judge ruled.",
        "End of Document",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let (shape, articles) = split(&lines).expect("an export");
    assert_eq!(shape, ExportShape::NexisUni);
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0].headline, "Britain gives Huawei limited role");
    assert_eq!(
        articles[0].source.as_deref(),
        Some("The Harbour Post (London)")
    );
    assert_eq!(articles[0].body.len(), 2);
    assert_eq!(articles[1].headline, "Second headline");
    assert_eq!(articles[1].body, ["VANCOUVER — A judge ruled."]);
}

#[test]
fn ordinary_articles_are_not_exports() {
    let sample =
        std::fs::read_to_string("assets/articles/huawei-5g-2020-01-23.md").expect("sample");
    let paras: Vec<String> = sample.split("\n\n").map(str::to_owned).collect();
    assert!(split(&paras).is_none());
    assert!(split(&[]).is_none());
    assert!(split(&["HD".to_owned()]).is_none());
}

#[test]
fn an_article_becomes_a_page_that_keeps_every_field_and_escapes_text() {
    let (_, articles) = split(&paragraphs("tests/formats/factiva-export.txt")).expect("export");
    let mut a = articles[0].clone();
    a.body.push("<script>alert(1)</script> & more".to_owned());
    let html = to_html(&a);
    assert!(html.contains("<title>Britain gives Huawei limited role in 5G networks</title>"));
    assert!(html.contains(r#"<meta property="og:site_name" content="The Harbour Post">"#));
    assert!(html.contains(r#"<meta property="article:published_time" content="2020-01-28">"#));
    assert!(
        html.contains(r#"<meta name="storyline:document-id" content="HRBRPT0020200128eg1s0001m">"#)
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
    assert!(!html.contains("<script>"));
}
