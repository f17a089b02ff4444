//! Web-page cleanup measured on our own fixtures (`tests/web/*.html`, in the
//! shapes news sites use), each with its hand-checked article text beside it
//! (`*.txt`): word-level precision and recall of the body Storyline reads
//! (title and dateline left out — they are metadata, checked elsewhere).
//!
//! `cargo test --test it web_cleanup:: -- --nocapture` prints the table the
//! README quotes.

#![allow(clippy::print_stdout)] // the table is this test's report

use std::collections::HashMap;
use std::path::Path;

use storyline::document::{BlockKind, load::SourceFormat, load::parse_source};

/// Lower-cased words (letters, digits and in-word marks), as the
/// trafilatura benchmark counts them.
fn words(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for w in text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
    {
        *out.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    out
}

/// (true positives, extracted, expected) word counts.
fn overlap(got: &HashMap<String, usize>, want: &HashMap<String, usize>) -> (usize, usize, usize) {
    let tp = got
        .iter()
        .map(|(w, n)| (*n).min(want.get(w).copied().unwrap_or(0)))
        .sum();
    (tp, got.values().sum(), want.values().sum())
}

fn body(path: &Path) -> String {
    let source = std::fs::read_to_string(path).expect("fixture");
    let doc = parse_source(&source, SourceFormat::Html, "fixture");
    doc.blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Title | BlockKind::Dateline))
        .map(|b| doc.block_text(b))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn web_pages_keep_the_article_and_drop_the_furniture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/web");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/web")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 6, "fixtures missing");
    let (mut tp_all, mut got_all, mut want_all) = (0, 0, 0);
    let mut failures = Vec::new();
    println!("| page | precision | recall |\n|---|---|---|");
    for page in &pages {
        let got = body(page);
        let want = std::fs::read_to_string(page.with_extension("txt")).expect("gold text");
        let (tp, g, w) = overlap(&words(&got), &words(&want));
        let (precision, recall) = (tp as f64 / g.max(1) as f64, tp as f64 / w.max(1) as f64);
        let name = page
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!("| {name} | {precision:.3} | {recall:.3} |");
        if precision < 0.97 || recall < 0.98 {
            failures.push(format!(
                "{name}: precision {precision:.3}, recall {recall:.3}\n{got}"
            ));
        }
        tp_all += tp;
        got_all += g;
        want_all += w;
    }
    println!(
        "| **all** | **{:.3}** | **{:.3}** |",
        tp_all as f64 / got_all.max(1) as f64,
        tp_all as f64 / want_all.max(1) as f64
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n---\n\n"));
}

#[test]
fn a_hostile_page_of_nested_boxes_loads_whole() {
    // 3 000 nested boxes, each with a line of text and a furniture class:
    // the cleanup must not read every subtree whole (its speed is a bench's
    // business; here: it finishes and keeps the article).
    let depth = 3000;
    let src = format!(
        "<html><body><article><h1>T</h1><p>Real text of the article.</p></article>{}{}</body></html>",
        "<div class=\"share\">Share this line of text again and again. ".repeat(depth),
        "</div>".repeat(depth)
    );
    let doc = parse_source(&src, SourceFormat::Html, "hostile");
    assert!(doc.text.contains("Real text of the article."));
}
