//! A dossier is one folder that carries everything: a new dossier keeps
//! its articles' saves in `saves/` beside it (copies of what the global
//! saves folder had, which stays); a copy of the folder — a colleague's —
//! shows the same highlights from the CLI and in the window, whatever
//! saves folder they use; `dossier adopt` brings an older dossier's saves
//! in, never overwriting or deleting one.

use crate::common;

use std::path::Path;

use common::team::{annotate, notes};
use common::{copy_tree, storyline, window};

const BRIEFS: &str = "assets/dossiers/huawei-5g";
const UK: &str = "2020-01-28-uk-limits-huawei.md";
const MENG: &str = "2020-05-27-meng-ruling.md";

/// The saves (`.ron` files) in `dir`.
fn saves_in(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .expect("read")
        .filter(|e| {
            e.as_ref().is_ok_and(|e| {
                // (The CLI's state and agreements sit beside the saves here.)
                e.path().extension().is_some_and(|x| x == "ron")
                    && !e
                        .file_name()
                        .to_str()
                        .is_some_and(|n| n == "trusted-paths.ron" || n == "state.ron")
            })
        })
        .count()
}

#[test]
fn a_dossier_folder_carries_its_highlights_to_a_colleague() {
    let dir = tempfile::tempdir().expect("tempdir");
    let global = dir.path().join("global-saves");
    std::fs::create_dir_all(&global).expect("saves");
    let team = dir.path().join("team");
    std::fs::create_dir_all(&team).expect("team");
    for name in [UK, MENG] {
        std::fs::copy(format!("{BRIEFS}/{name}"), team.join(name)).expect("brief");
    }
    // Annotated before there was a dossier: the save is in the global folder.
    annotate(
        &global,
        &team.join(UK),
        "rejecting U.S. calls",
        "Before the dossier",
    );
    assert_eq!(saves_in(&global), 1);

    // A new dossier carries the saves in its folder (a copy: the global
    // one stays).
    let file = team.join("story.dossier.ron");
    let out = storyline(
        &global,
        &[
            "dossier",
            "new",
            file.to_str().expect("utf-8"),
            team.join(UK).to_str().expect("utf-8"),
            team.join(MENG).to_str().expect("utf-8"),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(team.join("saves").is_dir());
    assert_eq!(saves_in(&team.join("saves")), 1);
    assert_eq!(saves_in(&global), 1);

    // From now on the article's highlights go to the folder, whatever
    // saves folder the CLI is given.
    annotate(&global, &team.join(MENG), "can proceed", "In the folder");
    assert_eq!(saves_in(&team.join("saves")), 2);
    assert_eq!(saves_in(&global), 1);

    // A colleague's copy of the folder, with an empty saves folder of
    // their own: the same highlights, from the CLI…
    let theirs = dir.path().join("colleague");
    copy_tree(&team, &theirs);
    let empty = dir.path().join("their-saves");
    std::fs::create_dir_all(&empty).expect("empty");
    assert_eq!(notes(&empty, &theirs.join(UK)), ["Before the dossier"]);
    assert_eq!(notes(&empty, &theirs.join(MENG)), ["In the folder"]);

    // …and in the window, the article opened alone.
    let h = window(Some(&theirs.join(MENG)), &empty, vec![]);
    let open = h.state().article().expect("open");
    let shown: Vec<&str> = open
        .save
        .annotations
        .entries()
        .iter()
        .map(|e| e.highlight.note.as_str())
        .collect();
    assert_eq!(shown, ["In the folder"]);
}

#[test]
fn adopt_brings_an_older_dossiers_saves_in_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let global = dir.path().join("global-saves");
    std::fs::create_dir_all(&global).expect("saves");
    let old = dir.path().join("old");
    std::fs::create_dir_all(&old).expect("old");
    for name in [UK, MENG] {
        std::fs::copy(format!("{BRIEFS}/{name}"), old.join(name)).expect("brief");
    }
    let outside = dir.path().join("elsewhere.md");
    std::fs::copy(
        format!("{BRIEFS}/2021-04-23-bundestag-it-security-law.md"),
        &outside,
    )
    .expect("brief");
    let file = old.join("old.dossier.ron");
    let paths = [old.join(UK), old.join(MENG), outside.clone()];
    let mut args = vec!["dossier", "new", file.to_str().expect("utf-8")];
    args.extend(paths.iter().map(|p| p.to_str().expect("utf-8")));
    assert!(storyline(&global, &args).status.success());
    // As a dossier made before folders carried saves: none beside it.
    std::fs::remove_dir_all(old.join("saves")).expect("rm");
    for p in &paths {
        annotate(&global, p, "Huawei", "Global");
    }
    let out = storyline(
        &global,
        &["dossier", "adopt", file.to_str().expect("utf-8")],
    );
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{said}");
    assert!(said.contains("2 saves copied"), "{said}");
    assert!(said.contains("1 article outside"), "{said}");
    assert_eq!(saves_in(&old.join("saves")), 2);
    assert_eq!(saves_in(&global), 3, "originals stay");
    // Adopting again copies nothing and overwrites nothing.
    annotate(&global, &old.join(UK), "U.S.", "Folder only");
    let out = storyline(
        &global,
        &["dossier", "adopt", file.to_str().expect("utf-8")],
    );
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        said.contains("0 saves copied") && said.contains("2 already there"),
        "{said}"
    );
    assert_eq!(notes(&global, &old.join(UK)), ["Global", "Folder only"]);
}

#[test]
fn the_sample_dossier_ships_as_a_folder_that_carries_its_highlights() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("huawei-5g");
    copy_tree(Path::new("assets/dossiers/huawei-5g"), &copy);
    let empty = dir.path().join("empty-saves");
    std::fs::create_dir_all(&empty).expect("dir");
    let v = common::json(&storyline(
        &empty,
        &[
            "dossier",
            "list",
            copy.join("huawei-5g.dossier.ron").to_str().expect("utf-8"),
            "--json",
        ],
    ));
    let highlights: u64 = v
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["highlights"].as_u64())
        .sum();
    assert!(highlights >= 28, "{v}");
    assert_eq!(
        notes(&empty, &copy.join("huawei-5g-2020-01-23.md")).len(),
        19,
        "the seed's highlights come with the folder"
    );
}
