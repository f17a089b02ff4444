//! Three people share a dossier folder through one bare git repository and
//! work at random for 500 rounds (`common::sim`: highlights added, notes
//! appended to by two people at once, tags, deletes, events, lanes); often
//! someone commits, pulls (Storyline's merge driver merging whatever both
//! sides changed) and pushes. At the end everyone syncs: no pull ever
//! stops on a conflict, every clone is the same, no file holds a conflict
//! marker, and every edit is there — each note with every word anyone
//! appended, each tag, each rename — and no deleted highlight came back.

use crate::common;

use std::path::{Path, PathBuf};

use common::sim::{Sim, dossier_of};
use common::team::{git, storyline_ok};

const BRIEFS: &str = "assets/dossiers/huawei-5g";
const ARTICLES: [&str; 2] = [
    "2020-01-28-uk-limits-huawei.md",
    "2020-05-27-meng-ruling.md",
];
const ROUNDS: usize = 500;

#[test]
fn three_clones_at_random_for_500_rounds_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let global = dir.path().join("global");
    std::fs::create_dir_all(&global).expect("global");
    let bare = common::team::bare_remote(home);

    // The first clone makes the dossier folder, a highlight in each save.
    let clones: Vec<PathBuf> = ["ana", "ben", "cai"]
        .iter()
        .map(|n| dir.path().join(n))
        .collect();
    let first = &clones[0];
    git(
        dir.path(),
        home,
        &["clone", "--quiet", bare.to_str().expect("utf-8"), "ana"],
    );
    let mut args = vec!["dossier".to_owned(), "new".into()];
    args.push(first.join("story.dossier.ron").display().to_string());
    for a in ARTICLES {
        std::fs::copy(format!("{BRIEFS}/{a}"), first.join(a)).expect("brief");
        args.push(first.join(a).display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    storyline_ok(&global, &args);
    for a in ARTICLES {
        storyline_ok(
            &global,
            &[
                "annotate",
                first.join(a).to_str().expect("utf-8"),
                "--quote",
                "Huawei",
                "--occurrence",
                "1",
            ],
        );
    }
    let dossier_file = |c: &Path| dossier_of(c);
    storyline_ok(
        &global,
        &[
            "dossier",
            "share",
            dossier_file(first).to_str().expect("utf-8"),
        ],
    );
    git(first, home, &["add", "-A"]);
    git(first, home, &["commit", "--quiet", "-m", "start"]);
    git(first, home, &["push", "--quiet", "origin", "HEAD:main"]);
    for name in ["ben", "cai"] {
        git(
            dir.path(),
            home,
            &["clone", "--quiet", bare.to_str().expect("utf-8"), name],
        );
        let c = dir.path().join(name);
        storyline_ok(
            &global,
            &[
                "dossier",
                "share",
                dossier_file(&c).to_str().expect("utf-8"),
            ],
        );
    }

    let mut sim = Sim::new(0x5eed_1234_abcd_0042);
    let sync = |c: &Path| {
        git(c, home, &["add", "-A"]);
        let status = git(c, home, &["status", "--porcelain"]);
        if !status.trim().is_empty() {
            git(c, home, &["commit", "--quiet", "-m", "work"]);
        }
        git(
            c,
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
        git(c, home, &["push", "--quiet", "origin", "HEAD:main"]);
    };
    for round in 0..ROUNDS {
        let who = sim.below(3);
        sim.edit(who, &clones[who], round);
        // Someone syncs, more often than not.
        if sim.below(3) > 0 {
            let c = sim.below(3);
            sync(&clones[c]);
        }
    }
    // Everyone syncs, twice round, and all clones end the same.
    for _ in 0..2 {
        for c in &clones {
            sync(c);
        }
    }
    let head = git(&clones[0], home, &["rev-parse", "HEAD"]);
    for c in &clones {
        assert_eq!(
            git(c, home, &["rev-parse", "HEAD"]),
            head,
            "{}",
            c.display()
        );
        assert!(sim.check(c) > 40);
    }
}
