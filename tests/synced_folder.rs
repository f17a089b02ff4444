//! A dossier folder in a synced folder (Syncthing, Nextcloud, Dropbox):
//! when two people change a save or the dossier at once, the sync leaves a
//! conflict copy beside it; Storyline merges it in when the file is next
//! opened — nothing lost — and moves the copy into `.storyline-merged/`,
//! never deleting it. A copy that cannot be read stays where it is.

mod common;

use std::path::{Path, PathBuf};

use common::team::{annotate, sorted_notes, storyline_ok};

const BRIEFS: &str = "assets/dossiers/huawei-5g";
const UK: &str = "2020-01-28-uk-limits-huawei.md";

/// A dossier folder with one brief, made by the CLI; returns the folder.
fn folder(at: &Path, global: &Path) -> PathBuf {
    std::fs::create_dir_all(at).expect("dir");
    std::fs::copy(format!("{BRIEFS}/{UK}"), at.join(UK)).expect("brief");
    storyline_ok(
        global,
        &[
            "dossier",
            "new",
            at.join("story.dossier.ron").to_str().expect("utf-8"),
            at.join(UK).to_str().expect("utf-8"),
        ],
    );
    at.to_owned()
}

#[test]
fn conflict_copies_of_a_save_and_a_dossier_merge_in_and_are_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let global = dir.path().join("global");
    std::fs::create_dir_all(&global).expect("global");
    let mine = folder(&dir.path().join("mine"), &global);
    // The other laptop's copy of the folder, changed at the same time.
    let theirs = dir.path().join("theirs");
    std::fs::create_dir_all(theirs.join("saves")).expect("dir");
    for name in [UK, "story.dossier.ron"] {
        std::fs::copy(mine.join(name), theirs.join(name)).expect("copy");
    }
    annotate(&global, &mine.join(UK), "rejecting U.S. calls", "Mine");
    annotate(&global, &theirs.join(UK), "strict limits", "Theirs");
    std::fs::copy(
        format!("{BRIEFS}/2020-05-27-meng-ruling.md"),
        theirs.join("meng.md"),
    )
    .expect("brief");
    std::fs::copy(
        format!("{BRIEFS}/2020-05-27-meng-ruling.md"),
        mine.join("meng.md"),
    )
    .expect("brief");
    storyline_ok(
        &global,
        &[
            "dossier",
            "add",
            theirs.join("story.dossier.ron").to_str().expect("utf-8"),
            theirs.join("meng.md").to_str().expect("utf-8"),
        ],
    );
    // The sync keeps mine and leaves theirs as conflict copies
    // (Syncthing's name for the save, Nextcloud's for the dossier).
    let save = std::fs::read_dir(theirs.join("saves"))
        .expect("saves")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "ron"))
        .expect("their save");
    let stem = save
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("stem")
        .to_owned();
    let save_copy = mine
        .join("saves")
        .join(format!("{stem}.sync-conflict-20261205-140312-LAPTOP2.ron"));
    std::fs::copy(&save, &save_copy).expect("conflict copy");
    let dossier_copy = mine.join("story.dossier (conflicted copy 2026-12-05 140312).ron");
    std::fs::copy(theirs.join("story.dossier.ron"), &dossier_copy).expect("conflict copy");

    // Opened again: both sides' work, the copies kept aside.
    assert_eq!(sorted_notes(&global, &mine.join(UK)), ["Mine", "Theirs"]);
    assert!(!save_copy.exists());
    assert!(
        mine.join("saves/.storyline-merged")
            .join(save_copy.file_name().expect("name"))
            .exists()
    );
    let out = storyline_ok(
        &global,
        &[
            "dossier",
            "list",
            mine.join("story.dossier.ron").to_str().expect("utf-8"),
            "--json",
        ],
    );
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        said.contains("conflicting copy") && said.contains("2026-12-05 14:03"),
        "{said}"
    );
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        listed.as_array().map_or(0, Vec::len),
        2,
        "their article too"
    );
    assert!(!dossier_copy.exists());
    assert!(
        mine.join(".storyline-merged")
            .join(dossier_copy.file_name().expect("n"))
            .exists()
    );
}

#[test]
fn a_damaged_conflict_copy_stays_and_the_save_still_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let global = dir.path().join("global");
    std::fs::create_dir_all(&global).expect("global");
    let mine = folder(&dir.path().join("mine"), &global);
    annotate(&global, &mine.join(UK), "rejecting U.S. calls", "Mine");
    let save = std::fs::read_dir(mine.join("saves"))
        .expect("saves")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "ron"))
        .expect("save");
    let stem = save
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("stem")
        .to_owned();
    let bad = mine
        .join("saves")
        .join(format!("{stem} (Ana's conflicted copy 2026-12-05).ron"));
    std::fs::write(&bad, "(version: 2, highlights: [").expect("write");
    assert_eq!(sorted_notes(&global, &mine.join(UK)), ["Mine"]);
    assert!(bad.exists(), "left for the user to look at");
}
