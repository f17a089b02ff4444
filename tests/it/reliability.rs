//! Reliability: annotations survive killed writers and concurrent writers;
//! bad input gives a clear message and overwrites nothing.

use crate::common::SAMPLE;
use crate::common::storyline_bare as storyline;
use crate::workloads;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use storyline::store::saves::read_save;

/// A copy of the sample in a temp folder, with an empty saves folder.
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("story.md");
    std::fs::copy(SAMPLE, &article).expect("copy");
    let saves = dir.path().join("saves");
    (dir, article, saves)
}

fn annotate(article: &Path, saves: &Path, occurrence: usize) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_storyline"));
    c.args(["annotate"])
        .arg(article)
        .arg("--saves")
        .arg(saves)
        .args([
            "--quote",
            "Huawei",
            "--occurrence",
            &occurrence.to_string(),
            "--tag",
            "kill-test",
        ])
        .env("STORYLINE_STATE", saves.with_file_name("state.ron"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    c
}

fn ids_in_save(saves: &Path) -> BTreeSet<String> {
    match read_save(&saves.join("story.ron")) {
        Ok(Some((_, save))) => save.highlights.into_iter().map(|h| h.id.0).collect(),
        Ok(None) => BTreeSet::new(),
        Err(e) => panic!("the save does not parse: {e}"),
    }
}

/// 200 rounds of starting a writer and killing it at a random moment: the
/// save always parses and holds every highlight whose id was printed.
#[test]
fn killed_writers_never_lose_a_reported_annotation() {
    let (_dir, article, saves) = setup();
    let mut reported = BTreeSet::new();
    let mut rng = workloads::Rng::new(2024);
    let (mut killed, mut finished) = (0, 0);
    for round in 0..200 {
        let mut child = annotate(&article, &saves, round % 40 + 1)
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.below(60_000) as u64));
        if child.try_wait().expect("wait").is_none() {
            let _ = child.kill();
            killed += 1;
        } else {
            finished += 1;
        }
        let out = child.wait_with_output().expect("output");
        let printed = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        if printed.starts_with("h-") {
            reported.insert(printed);
        }
        let on_disk = ids_in_save(&saves);
        let lost: Vec<&String> = reported.difference(&on_disk).collect();
        assert!(lost.is_empty(), "round {round}: lost {lost:?}");
    }
    eprintln!(
        "200 rounds: {killed} killed mid-run, {finished} finished, {} highlights reported and kept",
        reported.len()
    );
    assert!(killed > 20, "the test should kill many writers ({killed})");
    assert!(!reported.is_empty());
}

/// Two processes annotating the same article at once: no lost update.
#[test]
fn two_writers_keep_each_others_highlights() {
    let (_dir, article, saves) = setup();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let (article, saves) = (article.clone(), saves.clone());
            std::thread::spawn(move || {
                (0..20)
                    .map(|i| {
                        let out = annotate(&article, &saves, (w * 20 + i) % 40 + 1)
                            .output()
                            .expect("run");
                        assert!(out.status.success());
                        String::from_utf8_lossy(&out.stdout).trim().to_owned()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut all = BTreeSet::new();
    for w in writers {
        all.extend(w.join().expect("writer"));
    }
    let on_disk = ids_in_save(&saves);
    let lost: Vec<&String> = all.difference(&on_disk).collect();
    let extra: Vec<&String> = on_disk.difference(&all).collect();
    assert!(
        lost.is_empty() && extra.is_empty(),
        "lost {lost:?}, unexpected {extra:?}, printed {}",
        all.len()
    );
    assert_eq!(all.len(), 40);
}

fn one_line_error_naming(out: &std::process::Output, path: &str) -> String {
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.starts_with("storyline: error: "), "{err}");
    assert!(err.contains(path), "{err} should name {path}");
    err
}

#[test]
fn a_200_mb_article_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("huge.txt");
    std::fs::File::create(&big)
        .expect("create")
        .set_len(200 * 1024 * 1024)
        .expect("sparse");
    let path = big.to_str().expect("utf-8");
    let err = one_line_error_naming(&storyline(&["info", path]), path);
    assert!(err.contains("64 MB"), "{err}");
}

/// Damaged, hostile or newer saves: a clear message naming the file, and the
/// file is never overwritten by a later write.
#[test]
fn bad_saves_are_reported_and_never_overwritten() {
    let cases: Vec<(&str, String)> = vec![
        (
            "nested 10 000 deep",
            format!("{}{}", "(".repeat(10_000), ")".repeat(10_000)),
        ),
        (
            "wrong shape",
            "(version: 2, article: 5, highlights: \"no\")\n".to_owned(),
        ),
        (
            "truncated",
            "(\n  version: 2,\n  article: (\n    path: \"story.md\",".to_owned(),
        ),
        (
            "binary",
            String::from_utf8_lossy(&[0u8, 159, 146, 150, 1, 2]).into_owned(),
        ),
        ("empty", String::new()),
    ];
    for (what, content) in cases {
        let (_dir, article, saves) = setup();
        std::fs::create_dir_all(&saves).expect("saves");
        let save = saves.join("story.ron");
        std::fs::write(&save, &content).expect("write");
        let a = article.to_str().expect("utf-8");
        let s = saves.to_str().expect("utf-8");
        let out = storyline(&[
            "annotate",
            a,
            "--saves",
            s,
            "--quote",
            "Five Eyes",
            "--occurrence",
            "1",
        ]);
        let err = one_line_error_naming(&out, "story.ron");
        assert!(
            err.contains("line") || err.contains("damaged"),
            "{what}: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(&save).expect("read"),
            content,
            "{what}: the file was changed"
        );
        let out = storyline(&["list", a, "--saves", s]);
        one_line_error_naming(&out, "story.ron");
    }
}

#[test]
fn an_unwritable_saves_folder_is_a_clear_error() {
    let (_dir, article, _) = setup();
    // /proc is read-only for everyone, root included.
    let out = storyline(&[
        "annotate",
        article.to_str().expect("utf-8"),
        "--saves",
        "/proc/storyline-saves",
        "--quote",
        "Five Eyes",
        "--occurrence",
        "1",
    ]);
    let err = one_line_error_naming(&out, "/proc/storyline-saves");
    assert!(err.contains("not saved") || err.contains("cannot"), "{err}");
}

/// A full disk (a 64 KiB tmpfs): the write fails with a clear message and the
/// previous save is intact. Needs root to mount: `.ci/run` runs it as root
/// (`cargo test --test it reliability:: -- --ignored`).
#[test]
#[ignore = "needs root to mount a tmpfs; .ci/run runs it as root"]
fn a_full_disk_keeps_the_previous_save() {
    let (_dir, article, _) = setup();
    let mnt = tempfile::tempdir().expect("tempdir");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(mnt.path())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(mounted, "cannot mount a tmpfs here: run this test as root");
    let saves = mnt.path().join("saves");
    let a = article.to_str().expect("utf-8");
    let s = saves.to_str().expect("utf-8");
    let first = storyline(&[
        "annotate",
        a,
        "--saves",
        s,
        "--quote",
        "Five Eyes",
        "--occurrence",
        "1",
    ]);
    assert!(first.status.success());
    let before = std::fs::read(saves.join("story.ron")).expect("saved");
    // Fill the disk, then try to save more.
    let _ = std::fs::write(mnt.path().join("filler"), vec![0u8; 200 * 1024]);
    let out = storyline(&[
        "annotate",
        a,
        "--saves",
        s,
        "--quote",
        "Five Eyes",
        "--occurrence",
        "2",
        "--note",
        &"x".repeat(50_000),
    ]);
    let after = std::fs::read(saves.join("story.ron"));
    let _ = Command::new("umount").arg(mnt.path()).status();
    assert!(!out.status.success(), "the disk was full");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    eprintln!("full disk: {err}");
    assert!(err.contains("not saved") && err.contains("saves"), "{err}");
    assert_eq!(
        after.expect("still there"),
        before,
        "the previous save is intact"
    );
}

#[test]
fn benchmark_workloads_are_deterministic_and_sized() {
    use storyline::document::{SourceFormat, parse_source};
    let a = workloads::big_markdown(200_000, 1);
    assert_eq!(a, workloads::big_markdown(200_000, 1));
    assert!(a.len() >= 200_000 && a.len() < 210_000);
    let doc = parse_source(&a, SourceFormat::Markdown, "big");
    let ann = workloads::annotations(&doc, 500, 50, 5);
    assert_eq!(
        (ann.entries().len(), ann.events().len(), ann.lanes().len()),
        (500, 50, 5)
    );
    let edited = workloads::scatter_edits(&a, 30, 3);
    assert_ne!(edited, a);
    assert_eq!(edited, workloads::scatter_edits(&a, 30, 3));
}
