//! Annotations in and out: `storyline import` of our own W3C export (the
//! round trip) and of a Hypothesis export written by hand; bad files named
//! in one-line errors with the save untouched; the Readwise and Obsidian
//! exports read back as their tools read them; the window's File ▸ Import
//! Annotations… as one undo step.

use crate::common;
use crate::common::SAMPLE;

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use storyline::app::picker::PickOutcome;
use storyline::app::{ExportCommand, StorylineApp};

const HYPOTHESIS: &str = "tests/import/hypothesis-huawei.json";

fn run(saves: &Path, args: &[&str]) -> Output {
    Process::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .arg("--saves")
        .arg(saves)
        .env("STORYLINE_STATE", saves.join("state.ron"))
        .env("STORYLINE_AUTHOR", "Ana Lima")
        .output()
        .expect("runs")
}

fn ok(saves: &Path, args: &[&str]) -> String {
    let out = run(saves, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The one-line error of a failing run.
fn fails(saves: &Path, args: &[&str]) -> String {
    let out = run(saves, args);
    assert!(!out.status.success(), "{args:?} should fail");
    String::from_utf8(out.stderr).expect("utf-8")
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("JSON")
}

/// The annotations of a W3C export, without the export's own times.
fn annotations_of(export: &serde_json::Value) -> Vec<serde_json::Value> {
    export["first"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|a| {
            let mut a = a.clone();
            let o = a.as_object_mut().expect("object");
            o.remove("created");
            o.remove("modified");
            o.remove("creator");
            a
        })
        .collect()
}

/// The window on the sample, saving in `saves`, its file dialog answering
/// `picks` in turn.
fn window(picks: Vec<PathBuf>, saves: &Path) -> Harness<'static, StorylineApp> {
    window_on(Path::new(SAMPLE), picks, saves)
}

/// The window on `article`.
fn window_on(article: &Path, picks: Vec<PathBuf>, saves: &Path) -> Harness<'static, StorylineApp> {
    common::window(
        Some(article),
        saves,
        picks.into_iter().map(PickOutcome::Picked).collect(),
    )
}

fn sample_saves() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        "saves/huawei-5g-2020-01-23.ron",
        dir.path().join("huawei-5g-2020-01-23.ron"),
    )
    .expect("copy the shipped save");
    dir
}

#[test]
fn our_json_export_round_trips_through_a_fresh_saves_folder() {
    let shipped = sample_saves();
    let fresh = tempfile::tempdir().expect("tempdir");
    let first = ok(shipped.path(), &["export", SAMPLE, "--format", "json"]);
    let file = fresh.path().join("sample.json");
    std::fs::write(&file, &first).expect("write");
    let file = file.to_str().expect("utf-8 path");

    let report = json(&ok(fresh.path(), &["import", SAMPLE, file, "--json"]));
    assert_eq!(report["format"], "w3c");
    assert_eq!(report["anchored"], 19);
    for key in ["moved", "fuzzy", "orphaned", "duplicates", "without_quote"] {
        assert_eq!(report[key], 0, "{key}");
    }
    // Our export carries the timeline: its lanes and events come along.
    assert_eq!(
        (report["lanes"].as_u64(), report["events"].as_u64()),
        (Some(3), Some(10))
    );
    let again = json(&ok(fresh.path(), &["import", SAMPLE, file, "--json"]));
    assert_eq!(again["duplicates"], 19, "nothing added twice");
    assert_eq!(again["added"].as_array().map(Vec::len), Some(0));
    assert_eq!(again["events"], 0);
    assert_eq!(again["events_already_there"], 10);

    // Quotes, positions, tags, notes, colours, ids — and the times.
    let second = ok(fresh.path(), &["export", SAMPLE, "--format", "json"]);
    assert_eq!(
        annotations_of(&json(&first)),
        annotations_of(&json(&second))
    );
    // Nameless in the file: the one who imported them is their author;
    // a name in the file is kept (the next import round trip).
    let creators = |v: &serde_json::Value| -> Vec<String> {
        v["first"]["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|a| a["creator"]["name"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    assert!(creators(&json(&second)).iter().all(|c| c == "Ana Lima"));
    let times = |v: &serde_json::Value| -> Vec<(String, String)> {
        v["first"]["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|a| (a["created"].to_string(), a["modified"].to_string()))
            .collect()
    };
    assert_eq!(times(&json(&first)), times(&json(&second)));
    // The timeline too: lanes, events, their dates, evidence and notes
    // (the events now credited to the importer, as the highlights).
    let timeline = |v: &serde_json::Value| {
        let mut t = v["storyline:timeline"].clone();
        for e in t["events"].as_array_mut().into_iter().flatten() {
            e.as_object_mut().map(|o| o.remove("creator"));
        }
        t
    };
    assert_eq!(timeline(&json(&first)), timeline(&json(&second)));
    // Once named, a round trip is exact, whoever imports it.
    let again = tempfile::tempdir().expect("tempdir");
    let file2 = again.path().join("second.json");
    std::fs::write(&file2, &second).expect("write");
    let out = Process::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["import", SAMPLE, file2.to_str().expect("utf-8")])
        .arg("--saves")
        .arg(again.path())
        .env("STORYLINE_STATE", again.path().join("state.ron"))
        .env("STORYLINE_AUTHOR", "Ben Okafor")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let third = ok(again.path(), &["export", SAMPLE, "--format", "json"]);
    assert_eq!(second, third, "the whole export, byte for byte");
}

#[test]
fn a_hypothesis_export_lands_with_its_tags_and_notes_as_text() {
    let saves = tempfile::tempdir().expect("tempdir");
    let text = ok(saves.path(), &["import", SAMPLE, HYPOTHESIS]);
    assert!(
        text.contains("(a Hypothesis export)")
            && text.contains("2 moved, 1 fuzzy; skipped 2 without a quote"),
        "{text}"
    );
    let list = ok(saves.path(), &["list", SAMPLE, "--json"]);
    let list = json(&list);
    let rows = list.as_array().expect("rows");
    assert_eq!(rows.len(), 3);
    let by_quote = |start: &str| {
        rows.iter()
            .find(|r| r["quote"].as_str().is_some_and(|q| q.starts_with(start)))
            .unwrap_or_else(|| panic!("no highlight starting {start:?}: {rows:?}"))
    };
    let uk = by_quote("UK officials have indicated");
    assert_eq!(uk["tags"], serde_json::json!(["decision", "uk"]));
    assert_eq!(
        uk["note"],
        "Restrict, not forbid: the **core** question. <script>alert(\"x\")</script>"
    );
    // The web page's line break inside the quote is the article's space.
    let canada = by_quote("Canada, meanwhile");
    assert_eq!(
        canada["quote"],
        "Canada, meanwhile, is chipping in by trying to convince Canadian courts to extradite Huawei CFO Meng Wanzhou"
    );
    // "U.K." in the annotation, "UK" in the article: found approximately.
    let spokesman = by_quote("a spokesman for the UK government");
    assert_eq!(spokesman["tags"], serde_json::json!(["uk"]));

    // The hostile note is text in every export: escaped in HTML and
    // Obsidian, a plain cell in Readwise's CSV.
    let html = ok(saves.path(), &["export", SAMPLE, "--format", "html"]);
    assert!(!html.contains("<script>"), "no live script");
    assert!(html.contains("&lt;script&gt;alert"), "shown as text");
    let page = dom_query::Document::from(html.as_str());
    assert_eq!(page.select("script").length(), 0);
    let note = ok(saves.path(), &["export", SAMPLE, "--format", "obsidian"]);
    assert!(
        note.contains("\\<script\\>alert(\"x\")\\</script\\>"),
        "{note}"
    );
    assert!(note.contains("the \\*\\*core\\*\\* question"));

    // Ids are kept: the same export again adds nothing.
    let again = json(&ok(saves.path(), &["import", SAMPLE, HYPOTHESIS, "--json"]));
    assert_eq!(again["duplicates"], 3);
    assert_eq!(again["without_quote"], 2);
}

#[test]
fn bad_files_are_named_and_the_save_is_untouched() {
    let saves = sample_saves();
    let save = saves.path().join("huawei-5g-2020-01-23.ron");
    let before = std::fs::read(&save).expect("save");
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &str| -> PathBuf {
        let p = dir.path().join(name);
        std::fs::write(&p, text).expect("write");
        p
    };
    let not_json = write("notes.json", "these are my notes, not JSON");
    let other_json = write("package.json", r#"{"name": "x", "version": "1.0.0"}"#);
    let deep = write("deep.json", &"[".repeat(200_000));
    let other_doc = write(
        "other.json",
        r#"[{"type": "Annotation", "id": "urn:x:1", "target": {"source": "urn:y",
             "selector": {"type": "TextQuoteSelector", "exact": "The central bank raised its policy rate"}}},
            {"type": "Annotation", "id": "urn:x:2", "target": {"source": "urn:y",
             "selector": {"type": "TextQuoteSelector", "exact": "by a quarter of a percentage point"}}}]"#,
    );
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(101 * 1024 * 1024))
        .expect("a sparse 101 MB file");
    let binary = dir.path().join("binary.json");
    std::fs::write(&binary, [0xff_u8, 0xfe, 0x00, 0x7b]).expect("write");
    for (file, says) in [
        (&not_json, "not JSON"),
        (
            &other_json,
            "not W3C Web Annotations or a Hypothesis export",
        ),
        (&deep, "not JSON"),
        (&other_doc, "probably for another document"),
        (&huge, "larger than 100 MB"),
        (&binary, "not a text file"),
        (&dir.path().join("missing.json"), "cannot read"),
    ] {
        let err = fails(
            saves.path(),
            &["import", SAMPLE, file.to_str().expect("path")],
        );
        let name = file.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(
            err.contains(name) && err.contains(says),
            "{name}: {err:?} should say {says:?}"
        );
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(std::fs::read(&save).expect("save"), before, "{name}");
    }
    // Asked to, annotations of another document are kept as orphans.
    let report = json(&ok(
        saves.path(),
        &[
            "import",
            SAMPLE,
            other_doc.to_str().expect("path"),
            "--keep-orphans",
            "--json",
        ],
    ));
    assert_eq!(report["orphaned"], 2);
    let list = json(&ok(saves.path(), &["list", SAMPLE, "--json"]));
    let orphans = list
        .as_array()
        .expect("rows")
        .iter()
        .filter(|r| r["status"] == "orphaned")
        .count();
    assert_eq!(orphans, 2);
}

#[test]
fn readwise_csv_has_the_columns_readwise_reads() {
    let saves = sample_saves();
    let csv_text = ok(saves.path(), &["export", SAMPLE, "--format", "readwise"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "Highlight",
            "Title",
            "Author",
            "URL",
            "Note",
            "Location",
            "Date"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 19);
    let mut last = 0;
    for row in &rows {
        assert!(!row[0].is_empty(), "every row has its highlight");
        assert!(row[1].starts_with("Facing pushback from allies"));
        assert_eq!(&row[2], "Wall Street Journal");
        let location: usize = row[5].parse().expect("an integer location");
        assert!(location >= last, "in reading order");
        last = location;
        jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M:%S", &row[6]).expect("a date and time");
    }
    let uk = rows
        .iter()
        .find(|r| r[0].starts_with("UK officials have indicated"))
        .expect("the UK highlight");
    // Tags as Readwise's inline tags, then the note.
    assert_eq!(
        &uk[4],
        ".security .uk\nLikely UK outcome before the decision: restrict, not ban."
    );
}

#[test]
fn the_obsidian_note_has_one_quote_block_per_highlight_with_its_id() {
    let saves = sample_saves();
    let note = ok(saves.path(), &["export", SAMPLE, "--format", "obsidian"]);
    let list = json(&ok(saves.path(), &["list", SAMPLE, "--json"]));
    let rows = list.as_array().expect("rows");
    assert!(note.starts_with("---\ntitle: \"Facing pushback"));
    let front = note.split("\n---\n").next().expect("front matter");
    assert!(front.contains("published: 2020-01-23"));
    assert!(front.contains("  - uk"));
    // Each highlight: its block id on its own line, after its quote block.
    for row in rows {
        let id = row["id"].as_str().expect("id");
        let at = note
            .find(&format!("\n\n^{id}\n"))
            .unwrap_or_else(|| panic!("no block id for {id}"));
        let block = note[..at].rsplit("\n\n").next().expect("block");
        assert!(block.starts_with("> "), "{block}");
        for tag in row["tags"].as_array().expect("tags") {
            assert!(block.contains(&format!("#{}", tag.as_str().expect("tag"))));
        }
    }
    // Ordinary text stays as written (only markup characters are escaped).
    assert!(note.contains("> UK officials have indicated they would restrict but not forbid the use of Huawei equipment.\n"));
}

#[test]
fn the_window_imports_as_one_undo_step_and_offers_orphans() {
    let shipped = sample_saves();
    let dir = tempfile::tempdir().expect("tempdir");
    let export = dir.path().join("sample.json");
    std::fs::write(
        &export,
        ok(shipped.path(), &["export", SAMPLE, "--format", "json"]),
    )
    .expect("write");
    let other = dir.path().join("other.json");
    std::fs::write(
        &other,
        r#"{"type": "Annotation", "id": "urn:x:1", "target": {"source": "urn:y",
            "selector": {"type": "TextQuoteSelector", "exact": "a sentence of another article"}}}"#,
    )
    .expect("write");
    let mut h = window(
        vec![export.clone(), other.clone()],
        &dir.path().join("saves"),
    );
    let count = |h: &Harness<'_, StorylineApp>| {
        h.state()
            .article()
            .map_or(0, |a| a.save.annotations.entries().len())
    };
    assert_eq!(count(&h), 0);
    let settle = |h: &mut Harness<'_, StorylineApp>, done: &dyn Fn(&StorylineApp) -> bool| {
        common::until(h, done);
    };

    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Import Annotations…").click();
    settle(&mut h, &|app| {
        app.article()
            .is_some_and(|a| a.save.annotations.entries().len() == 19)
    });
    h.run_steps(2);
    let notice = h
        .state()
        .messages()
        .iter()
        .map(|m| m.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        notice.contains(
            "Imported 19 annotations from sample.json (W3C Web Annotations): 19 anchored"
        ),
        "{notice}"
    );
    // One undo step takes them all back, one redo brings them back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(count(&h), 0);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(count(&h), 19);

    // Annotations of another document: nothing imported, a button offers
    // to keep them as orphans.
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Import Annotations…").click();
    settle(&mut h, &|app| {
        app.messages()
            .iter()
            .any(|m| m.text.contains("probably for another document"))
    });
    h.run_steps(2);
    assert_eq!(count(&h), 19);
    h.get_by_label("Import 1 as orphans").click();
    settle(&mut h, &|app| {
        app.article()
            .is_some_and(|a| a.save.annotations.orphans().len() == 1)
    });
    assert_eq!(count(&h), 20);

    // A Hypothesis export dropped on the window is imported too.
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(PathBuf::from(HYPOTHESIS))));
    settle(&mut h, &|app| {
        app.article()
            .is_some_and(|a| a.save.annotations.entries().len() == 23)
    });
    assert!(
        h.state().messages().iter().any(|m| m
            .text
            .contains("hypothesis-huawei.json (a Hypothesis export)")),
        "{:?}",
        h.state().messages()
    );
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn file_export_writes_readwise_and_obsidian_under_their_extensions() {
    let saves = sample_saves();
    let out = tempfile::tempdir().expect("tempdir");
    let csv_path = out.path().join("highlights.csv");
    let note_path = out.path().join("Huawei note.md");
    let mut h = window(vec![csv_path.clone(), note_path.clone()], saves.path());
    for (label, path) in [
        ("Readwise highlights (CSV)", &csv_path),
        ("Obsidian note (Markdown)", &note_path),
    ] {
        h.key_press_modifiers(Modifiers::COMMAND, Key::E);
        h.run_steps(4);
        h.get_by_label_contains(label).click();
        h.run_steps(2);
        h.get_by_label("Choose file…").click();
        common::until(&mut h, |_| path.exists());
        h.run_steps(2);
    }
    // A .csv chosen for Readwise stays Readwise (not the events table), a
    // .md for Obsidian stays Obsidian (not the Markdown timeline).
    let csv_text = std::fs::read_to_string(&csv_path).expect("the Readwise export");
    assert!(
        csv_text.starts_with("Highlight,Title,Author,URL,Note,Location,Date\n"),
        "{csv_text}"
    );
    let note = std::fs::read_to_string(&note_path).expect("the Obsidian note");
    assert!(note.starts_with("---\ntitle: "), "{note}");
    assert!(note.contains("\n^h-"));
}

#[test]
fn an_export_never_overwrites_the_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("story.md");
    std::fs::copy(SAMPLE, &article).expect("copy");
    let before = std::fs::read(&article).expect("article");
    let path = article.to_str().expect("path");
    let err = fails(
        dir.path(),
        &["export", path, "--format", "obsidian", "-o", path],
    );
    assert!(err.contains("the article itself"), "{err}");
    assert_eq!(std::fs::read(&article).expect("article"), before);

    // The window: the suggested note name is not the article's, and a
    // path that is the article is refused.
    assert_eq!(
        storyline::export::Format::Obsidian.file_name("story"),
        "story-notes.md"
    );
    let mut h = window_on(&article, Vec::new(), &dir.path().join("saves"));
    let open = h.state().article().expect("article").path.clone();
    assert!(open.ends_with("story.md"));
    h.state_mut()
        .send(storyline::app::Command::Export(ExportCommand::ExportTo(
            open.clone(),
            storyline::export::Format::Obsidian,
        )));
    h.run_steps(4);
    assert!(
        h.state()
            .messages()
            .iter()
            .any(|m| m.error && m.text.contains("the article itself")),
        "{:?}",
        h.state().messages()
    );
    assert_eq!(std::fs::read(&article).expect("article"), before);
}
