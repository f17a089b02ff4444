//! Reliability of dossier files: killed writers never leave a damaged file
//! or lose an article whose add was reported; two writers at once keep
//! each other's articles (three-way merge under the folder's lock).

use crate::common;
use crate::workloads;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use storyline::store::dossier::read_dossier;

/// A folder with `n` small articles and an empty dossier.
fn setup(n: usize) -> (tempfile::TempDir, PathBuf, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles: Vec<PathBuf> = (0..n)
        .map(|i| {
            let p = dir.path().join(format!("report-{i:02}.md"));
            std::fs::write(
                &p,
                format!(
                    "# Report {i}\n\n[Wire, Jan {d}, 2020](#)\n\nOn Monday the council of town {i} voted on the plan, officials said.\n",
                    d = i % 28 + 1
                ),
            )
            .expect("write");
            p
        })
        .collect();
    let file = dir.path().join("wire.dossier.ron");
    let out = storyline(dir.path(), &["dossier", "new"], &[&file])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, file, articles)
}

/// The CLI in `dir` on `paths`, its output piped.
fn storyline(dir: &Path, args: &[&str], paths: &[&Path]) -> Command {
    let mut c = common::cli(dir);
    c.current_dir(dir)
        .args(args)
        .args(paths)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn listed(file: &Path) -> Vec<String> {
    match read_dossier(file) {
        Ok(d) => d.articles.into_iter().map(|a| a.path).collect(),
        Err(e) => panic!("the dossier does not parse: {e}"),
    }
}

/// 120 rounds of adding an article and killing the writer at a random
/// moment: the file always parses and keeps every add that reported.
#[test]
fn killed_dossier_writers_never_damage_the_file_or_lose_an_add() {
    let (dir, file, articles) = setup(40);
    let mut reported = std::collections::BTreeSet::new();
    let mut rng = workloads::Rng::new(7);
    let mut killed = 0;
    for round in 0..120 {
        let article = &articles[round % articles.len()];
        let mut child = storyline(dir.path(), &["dossier", "add"], &[&file, article])
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.below(8_000) as u64));
        if child.try_wait().expect("wait").is_none() {
            let _ = child.kill();
            killed += 1;
        }
        let out = child.wait_with_output().expect("output");
        if out.status.success() {
            reported.insert(
                article
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
        }
        let on_disk: std::collections::BTreeSet<String> = listed(&file).into_iter().collect();
        let lost: Vec<&String> = reported.difference(&on_disk).collect();
        assert!(lost.is_empty(), "round {round}: lost {lost:?}");
    }
    eprintln!(
        "120 rounds: {killed} killed, {} adds reported and kept",
        reported.len()
    );
    assert!(killed > 10, "the test should kill many writers ({killed})");
}

/// Two processes adding different articles to one dossier at once.
#[test]
fn two_dossier_writers_keep_each_others_articles() {
    let (dir, file, articles) = setup(24);
    let halves: Vec<Vec<PathBuf>> = articles.chunks(12).map(<[PathBuf]>::to_vec).collect();
    let writers: Vec<_> = halves
        .into_iter()
        .map(|half| {
            let (dir, file) = (dir.path().to_owned(), file.clone());
            std::thread::spawn(move || {
                for a in &half {
                    let out = storyline(&dir, &["dossier", "add"], &[&file, a])
                        .output()
                        .expect("run");
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer");
    }
    let on_disk = listed(&file);
    assert_eq!(on_disk.len(), 24, "{on_disk:?}");
}
