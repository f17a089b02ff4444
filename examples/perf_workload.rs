//! Writes the benchmark workload to a folder, for the launch benchmark:
//! DIR/big.md (~5 MB) and DIR/saves/ (10 000 highlights, 500 events).
//!
//!     cargo run --release --example perf_workload -- DIR

#![allow(missing_docs, clippy::print_stdout, clippy::unwrap_used)]

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
        let file = storyline::perf::dossier_workload(&dir, 300, 33_000, 33, 2_000).unwrap();
        println!("{}", file.display());
        return;
    }
    // `perf_workload --formats DIR`: DIR/book.epub (60 chapters, ~5 MB of
    // text) and DIR/report.html (a report of ~400 printed pages, for
    // Chromium to print to PDF); prints their paths.
    if args.get(1).is_some_and(|a| a == "--formats") {
        let dir = PathBuf::from(args.get(2).expect("usage: perf_workload --formats DIR"));
        std::fs::create_dir_all(&dir).unwrap();
        let text = storyline::perf::big_markdown(5_000_000, 7);
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
    std::fs::write(&article, storyline::perf::big_markdown(5_000_000, 42)).unwrap();
    let doc = storyline::document::load_path(&article).unwrap().document;
    let ann = storyline::perf::annotations(&doc, 10_000, 500, 5);
    let saves = dir.join("saves");
    let (mut handle, _, identity) = open_annotations(&saves, &article, &doc).unwrap();
    handle.write(&save_file(&identity, &ann, &doc)).unwrap();
    println!("{}", article.display());
}
