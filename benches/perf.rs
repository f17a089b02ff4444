//! `cargo bench`: divan benchmarks of the real code paths on a ~5 MB article
//! with 10 000 highlights and 500 events (and the sample). The README's table
//! comes from `cargo run --release --example perf_summary`.

#![allow(missing_docs, clippy::unwrap_used)]

mod scenarios;
#[path = "workloads.rs"]
mod workloads;

use scenarios::{Frames, Workload};
use std::sync::LazyLock;
use storyline::export::{ExportInput, Format, export};

static BIG: LazyLock<Workload> = LazyLock::new(Workload::big);

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn open_parse_5mb() -> storyline::document::Document {
    storyline::document::load_path(&BIG.article)
        .unwrap()
        .document
}

#[divan::bench(sample_count = 10)]
fn open_to_first_frame_5mb(bencher: divan::Bencher) {
    bencher.bench_local(|| scenarios::open_to_first_frame(&BIG));
}

#[divan::bench(sample_count = 30)]
fn frame_idle_middle_10k(bencher: divan::Bencher) {
    let mut f = Frames::settled(BIG.app());
    f.scroll_to_middle(&BIG.doc);
    bencher.bench_local(|| f.frame(Vec::new()));
}

#[divan::bench(sample_count = 30)]
fn frame_scroll_page(bencher: divan::Bencher) {
    let mut f = Frames::settled(BIG.app());
    f.scroll_to_middle(&BIG.doc);
    bencher.bench_local(|| f.frame(Frames::page_down()));
}

#[divan::bench(sample_count = 20)]
fn frame_resize(bencher: divan::Bencher) {
    let mut f = Frames::settled(BIG.app());
    f.scroll_to_middle(&BIG.doc);
    let mut w = 0.0;
    bencher.bench_local(|| {
        w = (w + 7.0) % 200.0;
        f.size = egui::vec2(1100.0 + w, 840.0);
        f.frame(Vec::new())
    });
}

#[divan::bench(sample_count = 30)]
fn frame_timeline_2000_events(bencher: divan::Bencher) {
    let w = Workload::crowded_timeline();
    let mut f = Frames::settled(w.app());
    f.timeline_maximised(w.annotations.events());
    bencher.bench_local(|| f.frame(Vec::new()));
}

#[divan::bench(sample_count = 10)]
fn frame_drag_tile(bencher: divan::Bencher) {
    let mut f = Frames::settled(BIG.app());
    f.scroll_to_middle(&BIG.doc);
    bencher.bench_local(|| f.drag_tile(10));
}

#[divan::bench(sample_count = 10)]
fn reanchor_after_100_edits() -> storyline::annotate::Annotations {
    static EDITED: LazyLock<storyline::document::Document> = LazyLock::new(|| {
        let src = workloads::scatter_edits(&BIG.source, 100, 5);
        storyline::document::parse_source(&src, storyline::document::SourceFormat::Markdown, "big")
    });
    storyline::annotate::Annotations::new(
        BIG.annotations.to_highlights(&BIG.doc.text),
        &EDITED.text,
    )
}

#[divan::bench(sample_count = 10)]
fn extract_dates_5mb() -> usize {
    storyline::timeline::extract_from_document(&BIG.doc, jiff::civil::date(2020, 1, 23)).len()
}

#[divan::bench(sample_count = 30)]
fn extract_dates_sample() -> usize {
    static SAMPLE: LazyLock<Workload> = LazyLock::new(Workload::sample);
    storyline::timeline::extract_from_document(&SAMPLE.doc, jiff::civil::date(2020, 1, 23)).len()
}

#[divan::bench(args = ["html", "svg", "md"], sample_count = 10)]
fn export_5mb(format: &str) -> usize {
    let input = ExportInput {
        doc: &BIG.doc,
        annotations: &BIG.annotations,
        published: BIG.doc.meta.published,
    };
    export(Format::from_name(format).unwrap(), &input).len()
}

#[divan::bench(sample_count = 10)]
fn load_save_10k() -> usize {
    let (_, a, _) =
        storyline::store::article::open_annotations(&BIG.saves, &BIG.article, &BIG.doc).unwrap();
    a.entries().len()
}
