//! `storyline dossier …` on the sample story: the seed article (with its
//! save) and the six briefs that carry its storylines on.

use std::path::{Path, PathBuf};
use std::process::Command;

fn storyline(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .current_dir(dir)
        .args(args)
        .args(["--saves", "saves"])
        .env("STORYLINE_STATE", dir.join("state.ron"))
        .output()
        .expect("runs")
}

/// A folder with the seed article, its save and the six briefs.
fn story() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("saves")).expect("saves");
    std::fs::copy(
        "assets/articles/huawei-5g-2020-01-23.md",
        dir.path().join("huawei-5g-2020-01-23.md"),
    )
    .expect("seed");
    std::fs::copy(
        "saves/huawei-5g-2020-01-23.ron",
        dir.path().join("saves/huawei-5g-2020-01-23.ron"),
    )
    .expect("save");
    let mut names = vec!["huawei-5g-2020-01-23.md".to_owned()];
    for entry in std::fs::read_dir("assets/dossiers/huawei-5g").expect("briefs") {
        let path: PathBuf = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if path.extension().is_some_and(|e| e == "md") && name.starts_with("20") {
            std::fs::copy(&path, dir.path().join(&name)).expect("brief");
            names.push(name);
        }
    }
    names.sort();
    (dir, names)
}

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn a_dossier_of_the_sample_story_merges_the_uk_decision() {
    let (dir, names) = story();
    let d = dir.path();
    let mut args = vec!["dossier", "new", "huawei.dossier.ron"];
    args.extend(names.iter().map(String::as_str));
    let out = storyline(d, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Listed by publication date, none missing.
    let list = json(&storyline(
        d,
        &["dossier", "list", "huawei.dossier.ron", "--json"],
    ));
    let rows = list.as_array().expect("rows");
    assert_eq!(rows.len(), 7);
    let dates: Vec<&str> = rows
        .iter()
        .map(|r| r["published"].as_str().unwrap_or(""))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted);
    assert!(rows.iter().all(|r| r["missing"] == false));
    assert_eq!(rows[1]["highlights"], 19);
    // The seed's ten events are the dossier's.
    let accepted = json(&storyline(
        d,
        &[
            "dossier",
            "events",
            "huawei.dossier.ron",
            "--json",
            "--accepted-only",
        ],
    ));
    assert_eq!(accepted.as_array().expect("events").len(), 10);
    // With every article's suggestions: the UK decision the seed expected
    // "next week" is the one the Jan 28 brief reports, as expected.
    let all = json(&storyline(
        d,
        &["dossier", "events", "huawei.dossier.ron", "--json"],
    ));
    let uk = all
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["title"] == "UK government decides on Huawei")
        .expect("the UK decision");
    assert_eq!(uk["status"], "accepted");
    assert_eq!(uk["start"], "2020-01-28");
    assert_eq!(uk["forecast"], "as-expected");
    let sources: Vec<&str> = uk["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .map(|m| m["article"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        sources,
        ["huawei-5g-2020-01-23.md", "2020-01-28-uk-limits-huawei.md"]
    );
    // No group mixes conflicting dates.
    assert!(
        all.as_array()
            .expect("events")
            .iter()
            .all(|e| e["conflict"] == false)
    );
}

#[test]
fn adding_twice_removing_and_bad_files() {
    let (dir, names) = story();
    let d = dir.path();
    let seed = names
        .iter()
        .find(|n| n.starts_with("huawei"))
        .expect("seed")
        .as_str();
    assert!(
        storyline(d, &["dossier", "new", "s.dossier.ron", seed, seed])
            .status
            .success()
    );
    let again = storyline(d, &["dossier", "add", "s.dossier.ron", seed]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("already there"));
    let events = json(&storyline(
        d,
        &[
            "dossier",
            "events",
            "s.dossier.ron",
            "--json",
            "--accepted-only",
        ],
    ));
    assert_eq!(
        events.as_array().expect("events").len(),
        10,
        "nothing duplicated"
    );
    // Never over an existing file.
    let clash = storyline(d, &["dossier", "new", "s.dossier.ron"]);
    assert!(!clash.status.success());
    assert!(String::from_utf8_lossy(&clash.stderr).contains("already exists"));
    // Removing the article removes its events from the dossier (not its save).
    assert!(
        storyline(d, &["dossier", "remove", "s.dossier.ron", seed])
            .status
            .success()
    );
    let events = json(&storyline(
        d,
        &[
            "dossier",
            "events",
            "s.dossier.ron",
            "--json",
            "--accepted-only",
        ],
    ));
    assert_eq!(events.as_array().expect("events").len(), 0);
    assert!(d.join("saves/huawei-5g-2020-01-23.ron").is_file());
    // A deleted article is listed as missing, with its title.
    assert!(
        storyline(d, &["dossier", "add", "s.dossier.ron", &names[0]])
            .status
            .success()
    );
    std::fs::remove_file(d.join(&names[0])).expect("rm");
    let list = json(&storyline(
        d,
        &["dossier", "list", "s.dossier.ron", "--json"],
    ));
    assert_eq!(list[0]["missing"], true);
    assert!(!list[0]["title"].as_str().unwrap_or("").is_empty());
    // A folder as an article, and a damaged dossier: clear errors, file kept.
    let folder = storyline(d, &["dossier", "add", "s.dossier.ron", "saves"]);
    assert!(!folder.status.success());
    assert!(String::from_utf8_lossy(&folder.stderr).contains("saves"));
    std::fs::write(d.join("bad.dossier.ron"), "(version: 1, name: ").expect("write");
    let bad = storyline(d, &["dossier", "list", "bad.dossier.ron"]);
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("bad.dossier.ron") && err.contains("line"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("bad.dossier.ron")).expect("kept"),
        "(version: 1, name: "
    );
}

#[test]
fn a_dossier_exports_markdown_and_timelinejs() {
    let (dir, names) = story();
    let d = dir.path();
    let mut args = vec!["dossier", "new", "h.dossier.ron"];
    args.extend(names.iter().map(String::as_str));
    assert!(storyline(d, &args).status.success());
    let md = storyline(d, &["dossier", "export", "h.dossier.ron", "--format", "md"]);
    assert!(
        md.status.success(),
        "{}",
        String::from_utf8_lossy(&md.stderr)
    );
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("— UK government decides on Huawei"), "{md}");
    assert!(md.contains("*Facing pushback from allies"), "{md}");
    assert!(
        md.contains("Wall Street Journal, January 23, 2020 (expected, “next week”)"),
        "{md}"
    );
    assert!(md.contains("## Articles"), "{md}");
    let out = storyline(
        d,
        &[
            "dossier",
            "export",
            "h.dossier.ron",
            "--format",
            "timelinejs",
            "-o",
            "tl.json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tl: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("tl.json")).expect("written"))
            .expect("json");
    assert_eq!(tl["events"].as_array().expect("events").len(), 10);
    assert!(
        tl["events"]
            .as_array()
            .expect("events")
            .iter()
            .all(|e| e["start_date"]["year"].is_number())
    );
    let bad = storyline(
        d,
        &["dossier", "export", "h.dossier.ron", "--format", "pdf"],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("md or timelinejs"));
}
