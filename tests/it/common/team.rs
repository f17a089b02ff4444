//! Helpers for the tests of a dossier shared by a team: git with a
//! throw-away identity, the CLI asserted to succeed, an article's notes.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `git -C dir ARGS` with its config and identity kept in `home`;
/// asserts it succeeds; returns what it printed (stdout, then stderr).
pub fn git(dir: &Path, home: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} in {}: {}{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The CLI with `saves`, asserted to succeed.
pub fn storyline_ok(saves: &Path, args: &[&str]) -> Output {
    let out = super::storyline(saves, args);
    assert!(
        out.status.success(),
        "storyline {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Highlights the first occurrence of `quote` in `article`, with `note`.
pub fn annotate(saves: &Path, article: &Path, quote: &str, note: &str) {
    storyline_ok(
        saves,
        &[
            "annotate",
            article.to_str().expect("utf-8"),
            "--quote",
            quote,
            "--note",
            note,
            "--occurrence",
            "1",
        ],
    );
}

/// The notes of `article`'s highlights, in text order.
pub fn notes(saves: &Path, article: &Path) -> Vec<String> {
    let v = super::json(&super::storyline(
        saves,
        &["list", article.to_str().expect("utf-8"), "--json"],
    ));
    v.as_array()
        .expect("list")
        .iter()
        .filter_map(|h| h["note"].as_str().map(str::to_owned))
        .collect()
}

/// [`notes`], sorted.
pub fn sorted_notes(saves: &Path, article: &Path) -> Vec<String> {
    let mut n = notes(saves, article);
    n.sort();
    n
}

/// A bare repository `remote.git` in `dir` (its branch `main`), with git's
/// config kept in `dir`; returns its path.
pub fn bare_remote(dir: &Path) -> std::path::PathBuf {
    let bare = dir.join("remote.git");
    std::fs::create_dir_all(&bare).expect("bare");
    git(
        &bare,
        dir,
        &["init", "--quiet", "--bare", "--initial-branch=main"],
    );
    bare
}
