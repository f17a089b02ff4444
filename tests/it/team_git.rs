//! A dossier shared over git, as a team works: two clones of one bare
//! repository edit the same article's highlights and the same dossier at
//! once, commit, pull and push; Storyline's merge driver merges both sides
//! — no conflict, no marker in any file, both clones identical, nothing
//! lost. A file the driver cannot read is left to git's own conflict.

use crate::common;

use common::storyline;
use common::team::{git, sorted_notes, storyline_ok};
use std::path::{Path, PathBuf};

const BRIEFS: &str = "assets/dossiers/huawei-5g";
const UK: &str = "2020-01-28-uk-limits-huawei.md";

/// Every file of the folder (but `.git`), relative path → bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read") {
            let p = e.expect("entry").path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let backup = p.extension().is_some_and(|x| x.eq_ignore_ascii_case("bak"));
            if name == ".git" || name.starts_with(".storyline") || backup {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((
                    p.strip_prefix(dir).expect("inside").to_owned(),
                    std::fs::read(&p).expect("read"),
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn two_clones_edit_at_once_and_git_merges_everything() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let global = dir.path().join("global");
    std::fs::create_dir_all(&global).expect("global");
    let bare = common::team::bare_remote(home);

    // Ana makes the dossier folder and shares it.
    let a = dir.path().join("ana");
    git(
        dir.path(),
        home,
        &["clone", "--quiet", bare.to_str().expect("utf-8"), "ana"],
    );
    for name in [UK, "2020-05-27-meng-ruling.md"] {
        std::fs::copy(format!("{BRIEFS}/{name}"), a.join(name)).expect("brief");
    }
    let file_a = a.join("story.dossier.ron");
    storyline_ok(
        &global,
        &[
            "dossier",
            "new",
            file_a.to_str().expect("utf-8"),
            a.join(UK).to_str().expect("utf-8"),
            a.join("2020-05-27-meng-ruling.md").to_str().expect("utf-8"),
        ],
    );
    let said = String::from_utf8_lossy(
        &storyline_ok(
            &global,
            &["dossier", "share", file_a.to_str().expect("utf-8")],
        )
        .stdout,
    )
    .into_owned();
    assert!(said.contains("sends *.ron to Storyline"), "{said}");
    storyline_ok(
        &global,
        &[
            "annotate",
            a.join(UK).to_str().expect("utf-8"),
            "--quote",
            "rejecting U.S. calls",
            "--note",
            "Ana's first",
        ],
    );
    git(&a, home, &["add", "-A"]);
    git(&a, home, &["commit", "--quiet", "-m", "dossier"]);
    git(&a, home, &["push", "--quiet", "origin", "HEAD:main"]);

    // Ben clones it and sets his clone up.
    let b = dir.path().join("ben");
    git(
        dir.path(),
        home,
        &["clone", "--quiet", bare.to_str().expect("utf-8"), "ben"],
    );
    let file_b = b.join("story.dossier.ron");
    storyline_ok(
        &global,
        &["dossier", "share", file_b.to_str().expect("utf-8")],
    );
    assert_eq!(
        sorted_notes(&global, &b.join(UK)),
        ["Ana's first"],
        "the clone shows Ana's work"
    );

    // Both highlight the same article and change the dossier at once.
    std::fs::copy(
        format!("{BRIEFS}/2021-04-23-bundestag-it-security-law.md"),
        b.join("bundestag.md"),
    )
    .expect("brief");
    storyline_ok(
        &global,
        &[
            "annotate",
            b.join(UK).to_str().expect("utf-8"),
            "--quote",
            "strict limits",
            "--note",
            "Ben's",
        ],
    );
    storyline_ok(
        &global,
        &[
            "dossier",
            "add",
            file_b.to_str().expect("utf-8"),
            b.join("bundestag.md").to_str().expect("utf-8"),
        ],
    );
    git(&b, home, &["add", "-A"]);
    git(&b, home, &["commit", "--quiet", "-m", "ben"]);
    git(&b, home, &["push", "--quiet", "origin", "HEAD:main"]);

    std::fs::copy(
        format!("{BRIEFS}/2021-09-25-meng-returns-to-china.md"),
        a.join("meng-home.md"),
    )
    .expect("brief");
    storyline_ok(
        &global,
        &[
            "annotate",
            a.join(UK).to_str().expect("utf-8"),
            "--quote",
            "Prime Minister Boris Johnson",
            "--note",
            "Ana's second",
        ],
    );
    storyline_ok(
        &global,
        &[
            "dossier",
            "add",
            file_a.to_str().expect("utf-8"),
            a.join("meng-home.md").to_str().expect("utf-8"),
        ],
    );
    git(&a, home, &["add", "-A"]);
    git(&a, home, &["commit", "--quiet", "-m", "ana"]);
    // The pull merges both sides' saves and dossier with Storyline.
    git(
        &a,
        home,
        &[
            "pull",
            "--quiet",
            "--no-rebase",
            "--no-edit",
            "origin",
            "main",
        ],
    );
    git(&a, home, &["push", "--quiet", "origin", "HEAD:main"]);
    git(
        &b,
        home,
        &[
            "pull",
            "--quiet",
            "--no-rebase",
            "--no-edit",
            "origin",
            "main",
        ],
    );

    for clone in [&a, &b] {
        assert_eq!(
            sorted_notes(&global, &clone.join(UK)),
            ["Ana's first", "Ana's second", "Ben's"],
            "{}",
            clone.display()
        );
        let d = common::json(&storyline(
            &global,
            &[
                "dossier",
                "list",
                clone.join("story.dossier.ron").to_str().expect("utf-8"),
                "--json",
            ],
        ));
        let n = d.as_array().map_or(0, Vec::len);
        assert_eq!(n, 4, "both added articles: {d}");
        for (path, bytes) in files(clone) {
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
                "conflict marker in {}",
                path.display()
            );
        }
    }
    assert_eq!(files(&a), files(&b), "both clones hold the same files");
}

#[test]
fn a_file_the_driver_cannot_read_is_left_to_git() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = dir.path().join("base");
    let ours = dir.path().join("ours");
    let theirs = dir.path().join("theirs");
    std::fs::write(&base, "").expect("write");
    std::fs::write(&ours, "(version: 2, article: (path: \"a.md\"").expect("write");
    std::fs::write(&theirs, "not ron at all {").expect("write");
    let out = storyline(
        dir.path(),
        &[
            "merge-driver",
            base.to_str().expect("utf-8"),
            ours.to_str().expect("utf-8"),
            theirs.to_str().expect("utf-8"),
            "saves/a.ron",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("saves/a.ron") && err.contains("conflict"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&ours).expect("read"),
        "(version: 2, article: (path: \"a.md\"",
        "nothing overwritten"
    );
}
