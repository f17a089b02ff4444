//! Writes the benchmark workload to a folder, for the launch benchmark:
//! DIR/big.md (~5 MB) and DIR/saves/ (10 000 highlights, 500 events).
//!
//!     cargo run --release --example perf_workload -- DIR

#![allow(missing_docs, clippy::print_stdout, clippy::unwrap_used)]

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
