//! Prints the README's performance table: each figure's median and spread
//! over several runs, on the same workloads and code paths as `cargo bench`.
//!
//!     cargo run --release --example perf_summary

#![allow(missing_docs, clippy::print_stdout, clippy::unwrap_used)]

#[path = "../benches/scenarios/mod.rs"]
mod scenarios;
#[path = "../benches/workloads.rs"]
mod workloads;

use std::time::Duration;
use storyline::app::{Direction, WindowCommand, WorkspaceCommand};

use scenarios::{Frames, Workload, sample_times, time};
use storyline::export::{ExportInput, Format, export};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn row(name: &str, times: &[Duration], target_ms: f64) {
    let median = ms(times[times.len() / 2]);
    let (lo, hi) = (ms(times[0]), ms(times[times.len() - 1]));
    let verdict = if median <= target_ms { "yes" } else { "**no**" };
    println!("| {name} | {median:.2} ms | {lo:.2}–{hi:.2} ms | ≤ {target_ms} ms | {verdict} |");
}

fn main() {
    if std::env::args().any(|a| a == "--merge") {
        println!("| Figure (release build) | median | spread (min–max) | target | met |");
        println!("| --- | --- | --- | --- | --- |");
        merge_rows();
        return;
    }
    if std::env::args().any(|a| a == "--dossier") {
        println!("| Figure (release build) | median | spread (min–max) | target | met |");
        println!("| --- | --- | --- | --- | --- |");
        dossier_rows();
        return;
    }
    eprintln!("building the workloads…");
    let big = Workload::big();
    let sample = Workload::sample();
    eprintln!(
        "5 MB workload: {} bytes, {} blocks, {} highlights, {} events",
        big.source.len(),
        big.doc.blocks.len(),
        big.annotations.entries().len(),
        big.annotations.events().len()
    );
    println!("| Figure (release build) | median | spread (min–max) | target | met |");
    println!("| --- | --- | --- | --- | --- |");

    row(
        "open sample → first frame laid out",
        &sample_times(15, || scenarios::open_to_first_frame(&sample)),
        250.0,
    );
    row(
        "open 5 MB: read + parse + build document",
        &sample_times(7, || {
            time(|| drop(storyline::document::load_path(&big.article).unwrap()))
        }),
        300.0,
    );
    row(
        "open 5 MB + 10 000 highlights → first frame laid out",
        &sample_times(7, || scenarios::open_to_first_frame(&big)),
        300.0,
    );

    let mut f = Frames::settled(big.app());
    f.scroll_to_middle(&big.doc);
    row(
        "frame, idle (middle of 5 MB, 10 000 in the list)",
        &sample_times(60, || f.frame(Vec::new())),
        2.0,
    );
    row(
        "frame, scrolling a page per frame",
        &sample_times(60, || f.frame(Frames::page_down())),
        2.0,
    );
    let mut tile = Frames::settled(big.app());
    tile.scroll_to_middle(&big.doc);
    row(
        "frame, dragging a tile (the timeline's tab over the reader)",
        &tile.drag_tile(40),
        16.0,
    );
    drop(tile);
    let mut w = 0.0;
    row(
        "frame, resizing the window every frame",
        &sample_times(40, || {
            w = (w + 7.0) % 200.0;
            f.size = egui::vec2(1100.0 + w, 840.0);
            f.frame(Vec::new())
        }),
        16.0,
    );
    f.size = egui::vec2(1280.0, 840.0);
    f.scroll_to_middle(&big.doc);
    let mut at = big.doc.char_len / 2;
    row(
        "new highlight → the frame that shows it",
        &sample_times(20, || {
            at += 2000;
            f.add_highlight(&big.doc, at)
        }),
        16.0,
    );

    let crowded = Workload::crowded_timeline();
    let mut t = Frames::settled(crowded.app());
    t.timeline_maximised(crowded.annotations.events());
    let shown = t.app.timeline().last_layout.as_ref().map_or(0, |l| {
        l.items.len() + l.lanes.iter().map(|x| x.hidden.len()).sum::<usize>()
    });
    eprintln!("crowded timeline: {shown} of 2 000 events in view (titled or counted)");
    row(
        "timeline frame, 2 000 events in view (maximised, 1920×1080)",
        &sample_times(40, || t.frame(Vec::new())),
        4.0,
    );
    row(
        "timeline frame while panning those 2 000 events",
        &t.pan_timeline(40),
        4.0,
    );
    drop(t);

    let (mut handle, _, _) =
        storyline::store::article::open_annotations(&big.saves, &big.article, &big.doc).unwrap();
    row(
        "save 10 000 highlights + 500 events (serialise + atomic write)",
        &sample_times(9, || scenarios::save_once(&big, &mut handle)),
        30.0,
    );
    row(
        "load them (read + parse + anchor)",
        &sample_times(9, || {
            time(|| {
                drop(
                    storyline::store::article::open_annotations(&big.saves, &big.article, &big.doc)
                        .unwrap(),
                );
            })
        }),
        40.0,
    );
    let edited_src = workloads::scatter_edits(&big.source, 100, 5);
    let edited = storyline::document::parse_source(
        &edited_src,
        storyline::document::SourceFormat::Markdown,
        "big",
    );
    let stored = big.annotations.to_highlights(&big.doc.text);
    let mut moved = 0;
    row(
        "re-anchor 10 000 highlights after 100 scattered edits",
        &sample_times(7, || {
            time(|| {
                let a = storyline::annotate::Annotations::new(stored.clone(), &edited.text);
                moved = a
                    .entries()
                    .iter()
                    .filter(|e| e.anchor.status.name() != "anchored")
                    .count();
            })
        }),
        500.0,
    );
    eprintln!("after the edits: {moved} highlights were not at their stored place");
    row(
        "extract dated phrases from 5 MB",
        &sample_times(7, || {
            time(|| {
                drop(storyline::timeline::extract_from_document(
                    &big.doc,
                    jiff::civil::date(2020, 1, 23),
                ));
            })
        }),
        300.0,
    );
    row(
        "extract dated phrases from the sample",
        &sample_times(21, || {
            time(|| {
                drop(storyline::timeline::extract_from_document(
                    &sample.doc,
                    jiff::civil::date(2020, 1, 23),
                ));
            })
        }),
        5.0,
    );
    let input = ExportInput {
        doc: &big.doc,
        annotations: &big.annotations,
        published: big.doc.meta.published,
    };
    for format in [Format::Html, Format::Svg, Format::Markdown] {
        row(
            &format!(
                "export {} (5 MB, 10 000 highlights, 500 events)",
                format.label()
            ),
            &sample_times(7, || time(|| drop(export(format, &input)))),
            300.0,
        );
    }
    dossier_rows();
}

/// The dossier figures: 300 articles (~10 MB), 10 000 highlights, 2 000
/// events.
fn dossier_rows() {
    use storyline::app::Command;
    use storyline::app::dossier::DossierAction;
    let dir = tempfile::tempdir().unwrap();
    let file = workloads::dossier_workload(dir.path(), 300, 33_000, 33, 2_000).unwrap();
    let saves = dir.path().join("saves");
    let d = storyline::store::dossier::read_dossier(&file).unwrap();
    eprintln!(
        "dossier: {} articles, {} events, {} highlights",
        d.articles.len(),
        d.events.len(),
        d.articles.iter().map(|a| a.highlights).sum::<usize>()
    );
    let app = || {
        storyline::app::StorylineApp::new(storyline::app::AppOptions {
            state_path: None,
            state: storyline::store::AppState::default(),
            initial: None,
            picker: Box::new(scenarios::picker::ScriptedPicker::new(vec![])),
            saves_dir: saves.clone(),
        })
    };
    row(
        "open a 300-article dossier → library, timeline and first article on screen",
        &sample_times(7, || {
            let mut f = Frames::new(app());
            f.app
                .send(Command::Window(WindowCommand::Open(file.clone())));
            let t = f.frame(Vec::new()) + f.frame(Vec::new());
            assert!(f.app.dossier().is_some() && f.app.article().is_some());
            t
        }),
        400.0,
    );
    let mut f = Frames::new(app());
    f.app
        .send(Command::Window(WindowCommand::Open(file.clone())));
    f.frame(Vec::new());
    f.frame(Vec::new());
    row(
        "switch article (Ctrl+PgDn) → the frame that shows it",
        &sample_times(20, || {
            f.app
                .send(Command::Dossier(DossierAction::Step(Direction::Forward)));
            f.frame(Vec::new())
        }),
        60.0,
    );
    f.size = egui::vec2(1920.0, 1080.0);
    f.app
        .send(Command::Workspace(WorkspaceCommand::ToggleMaximized(
            storyline::store::layout::Pane::Timeline,
        )));
    f.frame(Vec::new());
    f.frame(Vec::new());
    row(
        "dossier timeline frame, 2 000 events (maximised, 1920×1080)",
        &sample_times(40, || f.frame(Vec::new())),
        4.0,
    );
    let mut all = storyline::app::dossier::highlights::DossierHighlights::default();
    row(
        "read every article's highlights (300 saves, 10 000 highlights)",
        &sample_times(5, || {
            time(|| {
                all.load(&file, &d, &std::collections::BTreeSet::new(), &saves);
            })
        }),
        1000.0,
    );
    assert!(all.rows.len() >= 9_000, "{} rows", all.rows.len());
    let words = [
        "h", "hu", "hua", "huaw", "the", "the c", "the co", "comm", "zz",
    ];
    let mut k = 0;
    row(
        "filter 10 000 highlights across the dossier, per keystroke",
        &sample_times(27, || {
            k += 1;
            let q = words[k % words.len()];
            time(|| {
                std::hint::black_box(storyline::app::dossier::highlights::filter(
                    &all.rows,
                    &storyline::app::dossier::highlights::Filter {
                        query: q.to_owned(),
                        ..Default::default()
                    },
                ));
            })
        }),
        30.0,
    );
    let mut n = 0;
    row(
        "merge suggestions for the whole dossier (2 000 events; off the UI thread)",
        &sample_times(7, || {
            time(|| n = storyline::dossier::suggest_merges(&d).len())
        }),
        1000.0,
    );
    eprintln!("{n} merge suggestions");
    let cmd = storyline::cli::Cmd::Dossier {
        cmd: storyline::cli::DossierCmd::Events {
            file: file.clone(),
            json: true,
            accepted_only: false,
        },
    };
    row(
        "`dossier events --json` (every article's suggestions grouped; 2 cores)",
        &sample_times(3, || {
            time(|| {
                storyline::cli::run_command(&cmd, Some(&saves), None, &mut std::io::sink())
                    .unwrap();
            })
        }),
        2000.0,
    );
}

/// Git's merge driver (`storyline merge-driver`, without the process start):
/// a 10 000-highlight save and a 1,500-article dossier, both sides changed.
fn merge_rows() {
    use storyline::store::merge_driver::merge_files;
    let big = Workload::big();
    let save_path = std::fs::read_dir(&big.saves)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "ron"))
        .expect("the big save");
    let base = std::fs::read(&save_path).unwrap();
    let (_, save) = storyline::store::saves::read_save(&save_path)
        .unwrap()
        .unwrap();
    eprintln!(
        "save: {} highlights, {} bytes",
        save.highlights.len(),
        base.len()
    );
    let mut ours = save.clone();
    ours.highlights[0].note = "ours".into();
    ours.highlights.remove(5);
    let mut theirs = save;
    theirs.highlights[100].note = "theirs".into();
    theirs.highlights.remove(200);
    let name = std::path::Path::new("saves/big.ron");
    let o = storyline::store::to_ron(&ours, name).unwrap().into_bytes();
    let t = storyline::store::to_ron(&theirs, name)
        .unwrap()
        .into_bytes();
    row(
        "merge driver: 10 000-highlight save, both sides edited",
        &sample_times(7, || {
            time(|| drop(merge_files(name, (&base, &o, &t)).unwrap()))
        }),
        300.0,
    );
    let dir = tempfile::tempdir().unwrap();
    let file = workloads::dossier_workload(dir.path(), 1_500, 3_000, 10, 15_000).unwrap();
    let base = std::fs::read(&file).unwrap();
    let d = storyline::store::dossier::read_dossier(&file).unwrap();
    eprintln!(
        "dossier: {} articles, {} events, {} bytes",
        d.articles.len(),
        d.events.len(),
        base.len()
    );
    let mut ours = d.clone();
    ours.events[0].title = "ours".into();
    ours.kept_apart.clear();
    let mut theirs = d;
    let last = theirs.events.len() - 1;
    theirs.events[last].note = "theirs".into();
    theirs.articles.pop();
    let name = std::path::Path::new("story.dossier.ron");
    let o = storyline::store::to_ron(&ours, name).unwrap().into_bytes();
    let t = storyline::store::to_ron(&theirs, name)
        .unwrap()
        .into_bytes();
    row(
        "merge driver: 1,500-article dossier, both sides edited",
        &sample_times(5, || {
            time(|| drop(merge_files(name, (&base, &o, &t)).unwrap()))
        }),
        1000.0,
    );
}
