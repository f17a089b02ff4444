//! A dossier folder in a synced folder (Syncthing, Nextcloud, Dropbox):
//! when two people change a save or the dossier at once, the sync leaves a
//! conflict copy beside it; Storyline merges it in when the file is next
//! opened — nothing lost — and moves the copy into `.storyline-merged/`,
//! never deleting it. A copy that cannot be read stays where it is. Three
//! machines working at random for 500 rounds through a simulated sync
//! tool end with the same files and every edit (`common::sim`).

use crate::common;

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

/// The files a sync tool carries between machines: the dossier and the
/// saves (not Storyline's hidden folders, backups or locks).
fn synced_files(m: &Path, server: &Path) -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("story.dossier.ron")];
    for root in [m, server] {
        for p in common::sim::saves_of(root) {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            if !name.contains("conflict") {
                out.push(Path::new("saves").join(name));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The conflict copy's name a sync tool of kind `style` gives `rel` at `round`.
fn conflict_name(rel: &Path, style: usize, round: usize, who: &str) -> PathBuf {
    let stem = rel
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".ron"))
        .expect("ron");
    let day = jiff::civil::date(2026, 1, 1)
        .checked_add(jiff::Span::new().days(i64::try_from(round).expect("small")))
        .expect("day");
    let (h, m, s) = (round / 3600 % 24, round / 60 % 60, round % 60);
    let name = match style {
        0 => format!(
            "{stem}.sync-conflict-{}-{h:02}{m:02}{s:02}-{}.ron",
            day.strftime("%Y%m%d"),
            who.to_uppercase()
        ),
        1 => format!("{stem} (conflicted copy {day} {h:02}{m:02}{s:02}).ron"),
        _ => format!("{stem} ({who}'s conflicted copy {day}).ron"),
    };
    rel.with_file_name(name)
}

#[test]
fn three_machines_through_a_synced_folder_for_500_rounds_lose_nothing() {
    use common::sim::{NAMES, Sim};
    use std::collections::BTreeMap;
    let dir = tempfile::tempdir().expect("tempdir");
    let global = dir.path().join("global");
    std::fs::create_dir_all(&global).expect("global");
    // The server's copy: a dossier of two briefs, a highlight in each.
    let server = dir.path().join("server");
    std::fs::create_dir_all(&server).expect("server");
    let briefs = [UK, "2020-05-27-meng-ruling.md"];
    let mut args = vec!["dossier".to_owned(), "new".into()];
    args.push(server.join("story.dossier.ron").display().to_string());
    for b in briefs {
        std::fs::copy(format!("{BRIEFS}/{b}"), server.join(b)).expect("brief");
        args.push(server.join(b).display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    storyline_ok(&global, &args);
    for b in briefs {
        annotate(&global, &server.join(b), "Huawei", "first");
    }
    let machines: Vec<PathBuf> = NAMES.iter().map(|n| dir.path().join(n)).collect();
    let mut bases: Vec<BTreeMap<PathBuf, Vec<u8>>> = Vec::new();
    for m in &machines {
        common::copy_tree(&server, m);
        let mut base = BTreeMap::new();
        for rel in synced_files(m, &server) {
            base.insert(rel.clone(), std::fs::read(m.join(&rel)).expect("read"));
        }
        bases.push(base);
    }
    let mut sim = Sim::new(0x5eed_0000_5717_c0de);
    let mut conflicts = 0;
    // One machine meets the server: unchanged sides take the other's; both
    // changed: the server's stays, ours becomes a conflict copy; then
    // Storyline on that machine merges the copies in.
    let mut sync = |i: usize, round: usize, sim: &mut Sim, conflicts: &mut usize| {
        let m = &machines[i];
        for rel in synced_files(m, &server) {
            let local = std::fs::read(m.join(&rel)).ok();
            let srv = std::fs::read(server.join(&rel)).ok();
            let base = bases[i].get(&rel).cloned();
            if local == srv {
            } else if local.is_none() || local == base {
                let srv = srv.clone().expect("server side");
                std::fs::write(m.join(&rel), &srv).expect("download");
            } else if srv.is_none() || srv == base {
                let local = local.clone().expect("local side");
                std::fs::write(server.join(&rel), &local).expect("upload");
            } else {
                let copy = conflict_name(&rel, sim.below(3), round, NAMES[i]);
                std::fs::write(m.join(copy), local.clone().expect("local")).expect("copy");
                std::fs::write(m.join(&rel), srv.clone().expect("srv")).expect("download");
                *conflicts += 1;
            }
            let now = std::fs::read(m.join(&rel)).expect("read");
            bases[i].insert(rel, now);
        }
        // Storyline opens the folder: conflict copies merge in.
        for save in common::sim::saves_of(m) {
            if !save.to_string_lossy().contains("conflict") {
                storyline::store::conflict_copies::absorb_save(&save).expect("absorb save");
            }
        }
        storyline::store::conflict_copies::absorb_dossier(&m.join("story.dossier.ron"))
            .expect("absorb dossier");
    };
    for round in 0..500 {
        let who = sim.below(3);
        sim.edit(who, &machines[who], round);
        if sim.below(3) > 0 {
            let i = sim.below(3);
            sync(i, round, &mut sim, &mut conflicts);
        }
    }
    for _ in 0..3 {
        for i in 0..3 {
            sync(i, 500, &mut sim, &mut conflicts);
        }
    }
    assert!(
        conflicts > 20,
        "the simulation made conflicts ({conflicts})"
    );
    for m in &machines {
        for rel in synced_files(m, &server) {
            let same = std::fs::read(m.join(&rel)).ok() == std::fs::read(server.join(&rel)).ok();
            assert!(same, "{} differs on {}", rel.display(), m.display());
        }
        assert!(sim.check(m) > 40);
        // Every conflict copy merged and kept, none left beside the files.
        let left: Vec<String> = std::fs::read_dir(m.join("saves"))
            .expect("saves")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("conflict"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}

#[test]
fn the_window_merges_conflict_copies_that_arrive_while_it_is_open() {
    use storyline::annotate::{Highlight, HighlightColor, HighlightId, Selector};
    let dir = tempfile::tempdir().expect("tempdir");
    let global = dir.path().join("global");
    let f = folder(&dir.path().join("story"), &global);
    let article = f.join(UK);
    annotate(&global, &article, "Huawei", "mine");
    let save = common::sim::saves_of(&f).pop().expect("save");
    let mut h = common::window(Some(&article), &global, vec![]);
    h.run_steps(4);
    // Ben's machine made the same save, with a highlight of his, at once:
    // the sync tool leaves his version beside ours.
    let (_, mut theirs) = storyline::store::saves::read_save(&save)
        .expect("read")
        .expect("save");
    let mut ben = Highlight::new(
        HighlightId("h-ben-1".into()),
        Selector::default(),
        HighlightColor::Blue,
        jiff::Timestamp::now(),
    );
    ben.note = "Ben's".into();
    ben.credit.author = Some("Ben".into());
    theirs.highlights.push(ben);
    let copy = save.with_file_name(format!(
        "{} (conflicted copy 2026-12-05 101010).ron",
        save.file_stem().expect("stem").to_string_lossy()
    ));
    std::fs::write(
        &copy,
        storyline::store::to_ron(&theirs, &copy).expect("ron"),
    )
    .expect("copy");
    common::until(&mut h, |app| {
        app.article().is_some_and(|a| {
            a.save
                .annotations
                .get(&HighlightId("h-ben-1".into()))
                .is_some()
        })
    });
    assert!(!copy.exists(), "moved into .storyline-merged");
    let whats = common::message_texts(&h);
    assert!(
        whats
            .iter()
            .any(|t| t.contains("conflicting copy of the highlights made on 2026-12-05")),
        "said: {whats:?}"
    );
    assert!(
        whats.iter().any(|t| t.contains("from Ben")),
        "what came in, and from whom: {whats:?}"
    );
}

#[test]
fn the_window_follows_the_dossier_through_a_pull_and_a_conflict_copy() {
    use storyline::app::{Command, WindowCommand};
    use storyline::timeline::{Lane, LaneColor, LaneId};
    let dir = tempfile::tempdir().expect("tempdir");
    let global = dir.path().join("global");
    let f = folder(&dir.path().join("story"), &global);
    let file = f.join("story.dossier.ron");
    let mut h = common::window(None, &global, vec![]);
    h.state_mut()
        .send(Command::Window(WindowCommand::Open(file.clone())));
    h.run_steps(6);
    let lane = |id: &str, name: &str| Lane {
        id: LaneId(id.into()),
        name: name.into(),
        color: LaneColor::Green,
        order: 9,
        keywords: Vec::new(),
        modified: Some(jiff::Timestamp::now()),
    };
    // A pull: the file itself changes.
    let mut d = storyline::store::dossier::read_dossier(&file).expect("dossier");
    d.lanes.push(lane("l-pulled", "Pulled lane"));
    storyline::store::dossier::write_dossier(&file, &d).expect("write");
    let has = |app: &storyline::app::StorylineApp, id: &str| {
        app.dossier()
            .is_some_and(|o| o.dossier.lanes.iter().any(|l| l.id.0 == id))
    };
    common::until(&mut h, |app| has(app, "l-pulled"));
    // A sync: a conflict copy beside it.
    d.lanes.push(lane("l-copied", "Copied lane"));
    let copy = f.join("story.dossier.sync-conflict-20261205-101010-BENLAPTOP.ron");
    std::fs::write(&copy, storyline::store::to_ron(&d, &copy).expect("ron")).expect("copy");
    common::until(&mut h, |app| has(app, "l-copied"));
    let texts = common::message_texts(&h);
    assert!(
        texts
            .iter()
            .any(|t| t.contains("The dossier changed on disk: 1 lane added or changed")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("conflicting copy of the dossier made on 2026-12-05 10:10")),
        "{texts:?}"
    );
}

#[test]
fn the_cli_says_what_it_merged_and_lists_who_made_what() {
    let dir = tempfile::tempdir().expect("tempdir");
    let global = dir.path().join("global");
    let f = folder(&dir.path().join("story"), &global);
    let article = f.join(UK);
    let out = common::storyline_as(
        &global,
        "Ana",
        &[
            "annotate",
            article.to_str().expect("utf-8"),
            "--quote",
            "Huawei",
            "--occurrence",
            "1",
        ],
    );
    assert!(out.status.success());
    let save = common::sim::saves_of(&f).pop().expect("save");
    let copy = save.with_file_name(format!(
        "{} (Ben's conflicted copy 2026-12-05).ron",
        save.file_stem().expect("stem").to_string_lossy()
    ));
    std::fs::copy(&save, &copy).expect("copy");
    let out = common::storyline(&global, &["list", article.to_str().expect("utf-8")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("merged changes from a conflicting copy") && err.contains("2026-12-05"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("    by: Ana"));
    let rows = common::json(&common::storyline(
        &global,
        &["list", article.to_str().expect("utf-8"), "--json"],
    ));
    assert_eq!(rows[0]["author"], "Ana");
}
