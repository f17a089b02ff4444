//! Writes the benchmark workload to a folder, for the launch benchmark:
//! DIR/big.md (~5 MB) and DIR/saves/ (10 000 highlights, 500 events).
//!
//!     cargo run --release --example perf_workload -- DIR

#![allow(missing_docs, clippy::print_stdout, clippy::unwrap_used)]

#[path = "../benches/workloads.rs"]
mod workloads;
use std::fmt::Write as _;
use std::path::PathBuf;

use storyline::store::article::{open_annotations, save_file};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `perf_workload --dossier DIR`: the dossier benchmark (300 articles,
    // ~10 MB, 10 000 highlights, 2 000 events); prints the dossier file.
    if args.get(1).is_some_and(|a| a == "--dossier") {
        let dir = PathBuf::from(args.get(2).expect("usage: perf_workload --dossier DIR"));
        std::fs::create_dir_all(&dir).unwrap();
        let file = workloads::dossier_workload(&dir, 300, 33_000, 33, 2_000).unwrap();
        println!("{}", file.display());
        return;
    }
    // `perf_workload --formats DIR`: DIR/book.epub (60 chapters, ~5 MB of
    // text) and DIR/report.html (a report of ~400 printed pages, for
    // Chromium to print to PDF); prints their paths.
    if args.get(1).is_some_and(|a| a == "--formats") {
        let dir = PathBuf::from(args.get(2).expect("usage: perf_workload --formats DIR"));
        std::fs::create_dir_all(&dir).unwrap();
        let text = workloads::big_markdown(5_000_000, 7);
        let paragraphs: Vec<&str> = text
            .split("\n\n")
            .filter(|p| !p.starts_with('#') && !p.trim().is_empty())
            .collect();
        let escape = |p: &str| p.replace('&', "&amp;").replace('<', "&lt;");
        let mut builder = rbook::Epub::builder()
            .identifier("urn:storyline:bench")
            .title("A year of the 5G fight")
            .author("Storyline bench")
            .language("en");
        for (n, chunk) in paragraphs.chunks(paragraphs.len().div_ceil(60)).enumerate() {
            let mut body = String::new();
            for p in chunk {
                let _ = write!(body, "<p>{}</p>", escape(p));
            }
            builder = builder.chapter(
                rbook::epub::EpubChapter::new(format!("Chapter {}", n + 1))
                    .href(format!("c{n}.xhtml"))
                    .xhtml_body(format!("<h1>Chapter {}</h1>{body}", n + 1)),
            );
        }
        let book = dir.join("book.epub");
        builder.write().save(&book).unwrap();
        // ~400 pages: 2 400 paragraphs of ~120 words, a heading every 8.
        let mut html = String::from(
            "<!doctype html><html><head><meta charset=utf-8><title>A long report</title></head><body><h1>A long report</h1>",
        );
        for (n, p) in paragraphs.iter().cycle().take(2_400).enumerate() {
            if n % 8 == 0 {
                let _ = write!(html, "<h2>Chapter {}</h2>", n / 8 + 1);
            }
            let words: Vec<&str> = p.split_whitespace().take(120).collect();
            let _ = write!(html, "<p>{}</p>", escape(&words.join(" ")));
        }
        html.push_str("</body></html>");
        let report = dir.join("report.html");
        std::fs::write(&report, html).unwrap();
        println!("{}\n{}", book.display(), report.display());
        return;
    }
    let dir = PathBuf::from(args.get(1).expect("usage: perf_workload DIR"));
    std::fs::create_dir_all(&dir).unwrap();
    let article = dir.join("big.md");
    std::fs::write(&article, workloads::big_markdown(5_000_000, 42)).unwrap();
    let doc = storyline::document::load_path(&article).unwrap().document;
    let ann = workloads::annotations(&doc, 10_000, 500, 5);
    let saves = dir.join("saves");
    let (mut handle, _, identity) = open_annotations(&saves, &article, &doc).unwrap();
    handle.write(&save_file(&identity, &ann, &doc)).unwrap();
    write_imports(&dir, &doc, &ann);
    println!("{}", article.display());
}

/// Annotation files for the import benchmark: DIR/import-own.json (the
/// workload's own W3C export), import-shifted.json (the same with every
/// position 3 000 chars off and a line break in each quote, like a web
/// page's annotations) and import-foreign.json (10 000 annotations of
/// another document).
fn write_imports(
    dir: &std::path::Path,
    doc: &storyline::document::Document,
    ann: &storyline::annotate::Annotations,
) {
    let own = storyline::export::export(
        storyline::export::Format::Json,
        &storyline::export::ExportInput {
            doc,
            annotations: ann,
            published: doc.meta.published,
        },
    );
    std::fs::write(dir.join("import-own.json"), &own).unwrap();
    let mut shifted: serde_json::Value = serde_json::from_str(&own).unwrap();
    shifted
        .as_object_mut()
        .unwrap()
        .remove("storyline:timeline");
    for a in shifted["first"]["items"].as_array_mut().unwrap() {
        a.as_object_mut().unwrap().remove("id");
        for s in a["target"]["selector"].as_array_mut().unwrap() {
            if s["type"] == "TextPositionSelector" {
                for k in ["start", "end"] {
                    s[k] = serde_json::json!(s[k].as_u64().unwrap() + 3_000);
                }
            } else if s["type"] == "TextQuoteSelector" {
                let exact = s["exact"].as_str().unwrap().replacen(' ', "\n ", 1);
                s["exact"] = serde_json::json!(exact);
            }
        }
    }
    std::fs::write(dir.join("import-shifted.json"), shifted.to_string()).unwrap();
    let foreign: Vec<serde_json::Value> = (0..10_000)
        .map(|i| {
            serde_json::json!({
                "type": "Annotation",
                "id": format!("urn:x:{i}"),
                "target": {"source": "urn:other", "selector": [
                    {"type": "TextQuoteSelector", "exact": format!("The central bank raised its policy rate by {i} basis points on Thursday")},
                    {"type": "TextPositionSelector", "start": i * 400, "end": i * 400 + 60},
                ]},
            })
        })
        .collect();
    std::fs::write(
        dir.join("import-foreign.json"),
        serde_json::Value::Array(foreign).to_string(),
    )
    .unwrap();
}
