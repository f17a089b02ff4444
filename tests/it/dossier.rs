//! `storyline dossier …` on the sample story: the seed article (with its
//! save) and the six briefs that carry its storylines on.

use crate::common::storyline_in as storyline;
use std::path::{Path, PathBuf};
use std::process::Command;

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
    assert!(String::from_utf8_lossy(&bad.stderr).contains("timelinejs, readwise or obsidian"));
}

/// Runs the binary in the repository (read-only commands only).
fn storyline_here(args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().expect("tempdir");
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .args(["--saves", "saves"])
        .env("STORYLINE_STATE", dir.path().join("state.ron"))
        .output()
        .expect("runs")
}

#[test]
fn the_shipped_sample_dossier_tells_the_three_storylines() {
    let file = "assets/dossiers/huawei-5g/huawei-5g.dossier.ron";
    let list = json(&storyline_here(&["dossier", "list", file, "--json"]));
    let rows = list.as_array().expect("rows");
    assert_eq!(rows.len(), 7);
    assert!(rows.iter().all(|r| r["missing"] == false));
    let events = json(&storyline_here(&[
        "dossier",
        "events",
        file,
        "--json",
        "--accepted-only",
    ]));
    let events = events.as_array().expect("events");
    let find = |title: &str| {
        events
            .iter()
            .find(|e| e["title"] == title)
            .unwrap_or_else(|| panic!("no event {title:?}"))
    };
    let articles = |e: &serde_json::Value| -> Vec<String> {
        e["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| m["article"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    // Expected Jan 23 → decided Jan 28 → "the decision it took in January".
    let uk = find("UK government decides on Huawei");
    assert_eq!(
        (uk["start"].as_str(), uk["forecast"].as_str()),
        (Some("2020-01-28"), Some("as-expected"))
    );
    assert_eq!(
        articles(uk),
        [
            "huawei-5g-2020-01-23.md",
            "2020-01-28-uk-limits-huawei.md",
            "2020-07-14-uk-bans-new-huawei-kit.md"
        ]
    );
    // "Began this week" is the hearing the Jan 20 brief reports.
    let hearing = find("Meng Wanzhou extradition case begins");
    assert_eq!(hearing["start"], "2020-01-20");
    assert!(articles(hearing).contains(&"2020-01-20-meng-hearing-opens.md".to_owned()));
    assert_eq!(hearing["conflict"], false);
    // The German vote expected "in the coming months" came in April 2021.
    let vote = find("Bundestag vote on legislation that could exclude Huawei");
    assert_eq!(
        (vote["start"].as_str(), vote["forecast"].as_str()),
        (Some("2021-04-23"), Some("late"))
    );
    // Every event's evidence is a highlight the article's save still has.
    for e in events {
        for m in e["mentions"].as_array().expect("mentions") {
            assert!(!m["quote"].as_str().unwrap_or("").is_empty(), "{m}");
        }
    }
}

#[test]
fn annotate_with_an_event_then_merge_and_unmerge() {
    let (dir, _) = story();
    let d = dir.path();
    let out = storyline(
        d,
        &[
            "annotate",
            "2020-01-28-uk-limits-huawei.md",
            "--quote",
            "The British government decided on Tuesday",
            "--event",
            "--lane",
            "UK decision",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = storyline(
        d,
        &[
            "dossier",
            "new",
            "uk.dossier.ron",
            "huawei-5g-2020-01-23.md",
            "2020-01-28-uk-limits-huawei.md",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = json(&storyline(
        d,
        &[
            "dossier",
            "events",
            "uk.dossier.ron",
            "--json",
            "--accepted-only",
        ],
    ));
    let events = events.as_array().expect("events");
    // The brief's event: dated by "on Tuesday" (Jan 28), in the seed's lane.
    let brief = events
        .iter()
        .find(|e| e["mentions"][0]["article"] == "2020-01-28-uk-limits-huawei.md")
        .expect("the brief's event");
    assert_eq!(brief["start"], "2020-01-28");
    let seed = events
        .iter()
        .find(|e| e["title"] == "UK government decides on Huawei")
        .expect("the seed's event");
    assert_eq!(brief["lanes"], seed["lanes"], "lanes matched by name");
    let (keep, other) = (
        seed["id"].as_str().expect("id"),
        brief["id"].as_str().expect("id"),
    );
    let out = storyline(d, &["dossier", "merge", "uk.dossier.ron", keep, other]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = json(&storyline(
        d,
        &[
            "dossier",
            "events",
            "uk.dossier.ron",
            "--json",
            "--accepted-only",
        ],
    ));
    let uk = merged
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["id"] == keep)
        .expect("kept");
    assert_eq!(uk["mentions"].as_array().map(Vec::len), Some(2));
    assert_eq!(uk["forecast"], "as-expected");
    let out = storyline(
        d,
        &[
            "dossier",
            "unmerge",
            "uk.dossier.ron",
            keep,
            "2020-01-28-uk-limits-huawei.md",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let split = json(&storyline(
        d,
        &[
            "dossier",
            "events",
            "uk.dossier.ron",
            "--json",
            "--accepted-only",
        ],
    ));
    assert_eq!(split.as_array().map(Vec::len), events.len().into());
    // Merging an unknown event is an error naming the file; nothing written.
    let before = std::fs::read(d.join("uk.dossier.ron")).expect("file");
    let out = storyline(d, &["dossier", "merge", "uk.dossier.ron", keep, "e-nope"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("uk.dossier.ron"));
    assert_eq!(
        std::fs::read(d.join("uk.dossier.ron")).expect("file"),
        before
    );
}

#[test]
fn the_sample_dossier_exports_every_format_with_its_sources() {
    let file = "assets/dossiers/huawei-5g/huawei-5g.dossier.ron";
    let export = |format: &str| {
        let out = storyline_here(&["dossier", "export", file, "--format", format]);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    // HTML: the UK decision with all three sources and its verdict.
    let html = export("html");
    let uk = html
        .split("<section")
        .find(|s| s.contains("<h3>UK government decides on Huawei</h3>"))
        .expect("the UK decision");
    for source in [
        "Facing pushback from allies",
        "U.K. lets Huawei into its 5G networks, with limits",
        "U.K. reverses course and bans new Huawei 5G equipment",
    ] {
        assert!(uk.contains(source), "{source} missing");
    }
    assert!(uk.contains(": as expected"));
    assert!(html.contains("<svg"), "the picture is in the page");
    // SVG: titles carry sources and verdicts.
    let svg = export("svg");
    assert!(svg.contains("UK government decides on Huawei · 3 sources · as expected"));
    assert!(svg.contains("· late"));
    // CSV: one row per mention (header + 18 mentions: 14 events, 3 merged
    // with 3, 3 and 2 sources).
    let csv = export("csv");
    assert_eq!(csv.lines().count(), 1 + 11 + 3 + 3 + 2);
    // JSON: one collection over all seven articles' highlights.
    let json: serde_json::Value = serde_json::from_str(&export("json")).expect("json");
    assert_eq!(json["type"], "AnnotationCollection");
    assert_eq!(json["storyline:articles"].as_array().map(Vec::len), Some(7));
    let items = json["first"]["items"].as_array().expect("items");
    assert_eq!(items.len(), 19 + 9);
    let sources: std::collections::BTreeSet<&str> = items
        .iter()
        .filter_map(|a| a["target"]["source"].as_str())
        .collect();
    assert_eq!(sources.len(), 7, "each annotation targets its own article");
}

#[test]
fn empty_newer_binary_and_shared_articles() {
    let (dir, names) = story();
    let d = dir.path();
    // Zero articles: every command works and says so.
    assert!(
        storyline(d, &["dossier", "new", "empty.dossier.ron"])
            .status
            .success()
    );
    let list = json(&storyline(
        d,
        &["dossier", "list", "empty.dossier.ron", "--json"],
    ));
    assert_eq!(list.as_array().map(Vec::len), Some(0));
    let events = json(&storyline(
        d,
        &["dossier", "events", "empty.dossier.ron", "--json"],
    ));
    assert_eq!(events.as_array().map(Vec::len), Some(0));
    for format in ["md", "html", "svg", "json", "csv", "timelinejs"] {
        let out = storyline(
            d,
            &["dossier", "export", "empty.dossier.ron", "--format", format],
        );
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // A binary file is refused by name; the dossier is unchanged.
    std::fs::write(d.join("photo.md"), [0u8, 159, 146, 150, 0, 0, 1, 2]).expect("write");
    let before = std::fs::read(d.join("empty.dossier.ron")).expect("file");
    let bin = storyline(d, &["dossier", "add", "empty.dossier.ron", "photo.md"]);
    assert!(!bin.status.success());
    assert!(String::from_utf8_lossy(&bin.stderr).contains("photo.md"));
    assert_eq!(
        std::fs::read(d.join("empty.dossier.ron")).expect("file"),
        before
    );
    // A dossier from a newer Storyline is refused and left alone.
    let newer = before.clone();
    let newer = String::from_utf8(newer)
        .expect("utf-8")
        .replace("version: 1", "version: 99");
    std::fs::write(d.join("newer.dossier.ron"), &newer).expect("write");
    let out = storyline(d, &["dossier", "add", "newer.dossier.ron", &names[0]]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer.dossier.ron"));
    assert_eq!(
        std::fs::read_to_string(d.join("newer.dossier.ron")).expect("kept"),
        newer
    );
    // One article in two dossiers: one save, shared (no copy made).
    let seed = names
        .iter()
        .find(|n| n.starts_with("huawei"))
        .expect("seed");
    let saves_before = std::fs::read_dir(d.join("saves")).expect("saves").count();
    assert!(
        storyline(d, &["dossier", "new", "a.dossier.ron", seed])
            .status
            .success()
    );
    assert!(
        storyline(d, &["dossier", "new", "b.dossier.ron", seed])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read_dir(d.join("saves")).expect("saves").count(),
        saves_before
    );
    let a = json(&storyline(
        d,
        &["dossier", "list", "a.dossier.ron", "--json"],
    ));
    let b = json(&storyline(
        d,
        &["dossier", "list", "b.dossier.ron", "--json"],
    ));
    assert_eq!(a[0]["highlights"], 19);
    assert_eq!(a[0]["highlights"], b[0]["highlights"]);
}

/// Ten wire reports of one earthquake, from ten cities over a week, in
/// their own words; three also report the government condemning looting
/// that same day, three the rescues the day after.
fn wire_reports(dir: &Path) -> Vec<String> {
    let cities = [
        "SANTIAGO",
        "LIMA",
        "BUENOS AIRES",
        "MADRID",
        "LONDON",
        "NEW YORK",
        "MEXICO CITY",
        "BOGOTA",
        "GENEVA",
        "SAO PAULO",
    ];
    let days = [3, 3, 4, 4, 5, 5, 6, 7, 8, 9];
    let when = [
        "on Tuesday",
        "on Tuesday",
        "on Tuesday",
        "on Tuesday",
        "on Tuesday",
        "on Tuesday",
        "on Tuesday",
        "on March 3",
        "on March 3",
        "last Tuesday",
    ];
    let quake = [
        "A powerful earthquake struck the Chilean port city of Valparaiso {r}, killing at least 40 people.",
        "The earthquake that struck Valparaiso {r} destroyed hundreds of homes, officials said.",
        "A magnitude 7.1 earthquake struck central Chile near Valparaiso {r}.",
        "Rescuers kept searching after the earthquake struck Valparaiso {r}.",
        "Aid groups appealed for funds after an earthquake struck Valparaiso {r}.",
        "Markets fell after the earthquake struck Chile's Valparaiso region {r}.",
        "The earthquake struck Valparaiso {r} as residents slept.",
        "Chile's president visited Valparaiso, where an earthquake struck {r}.",
        "Insurers estimated the losses from the earthquake that struck Valparaiso {r}.",
        "Scientists said the earthquake that struck Valparaiso {r} was the strongest in a decade.",
    ];
    let condemn = [
        Some("The government condemned looting in Valparaiso {r}."),
        None,
        Some("Chile's interior minister condemned the looting of shops in Valparaiso {r}."),
        None,
        None,
        Some("The government condemned looting of supermarkets {r}."),
        None,
        None,
        None,
        None,
    ];
    let rescue = [
        None,
        None,
        None,
        Some("Rescuers pulled 12 survivors from the rubble of a collapsed school on Wednesday."),
        None,
        None,
        Some("Rescuers pulled survivors from the rubble on Wednesday."),
        None,
        Some("Rescuers pulled two survivors from the rubble on Wednesday, officials said."),
        None,
    ];
    (0..10)
        .map(|i| {
            let mut text = format!(
                "# Report {} on the Valparaiso earthquake\n\n[Wire report, Mar {}, 2026](#)\n\n{}—{}\n",
                i + 1,
                days[i],
                cities[i],
                quake[i].replace("{r}", when[i])
            );
            for extra in [condemn[i], rescue[i]].into_iter().flatten() {
                text = format!("{text}\n{}\n", extra.replace("{r}", when[i]));
            }
            text.push_str("\nThe country sits on the Pacific Ring of Fire.\n");
            let name = format!("report-{:02}.md", i + 1);
            std::fs::write(dir.join(&name), text).expect("write");
            name
        })
        .collect()
}

#[test]
fn ten_wire_reports_group_their_shared_events_and_keep_same_day_ones_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("saves")).expect("saves");
    let names = wire_reports(d);
    let mut args = vec!["dossier", "new", "wire.dossier.ron"];
    args.extend(names.iter().map(String::as_str));
    assert!(storyline(d, &args).status.success());
    let events = json(&storyline(
        d,
        &["dossier", "events", "wire.dossier.ron", "--json"],
    ));
    let events = events.as_array().expect("events");
    let articles = |e: &serde_json::Value| -> std::collections::BTreeSet<String> {
        e["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| m["article"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    let quotes = |e: &serde_json::Value| -> Vec<String> {
        e["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| m["quote"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    // The earthquake: one event, all ten reports, on March 3.
    let quake: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| quotes(e).iter().any(|q| q.contains("earthquake struck")))
        .collect();
    assert_eq!(quake.len(), 1, "{quake:#?}");
    assert_eq!(articles(quake[0]).len(), 10);
    assert_eq!(quake[0]["start"], "2026-03-03");
    assert!(quotes(quake[0]).iter().all(|q| q.contains("earthquake")));
    // The government condemning the looting that day: its own event.
    let condemned: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| quotes(e).iter().any(|q| q.contains("condemned")))
        .collect();
    assert_eq!(condemned.len(), 1);
    assert_eq!(articles(condemned[0]).len(), 3);
    assert!(quotes(condemned[0]).iter().all(|q| q.contains("condemned")));
    // The rescues the day after: their own event too.
    let rescue: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| quotes(e).iter().any(|q| q.contains("rubble")))
        .collect();
    assert_eq!(rescue.len(), 1);
    assert_eq!(articles(rescue[0]).len(), 3);
    assert_eq!(rescue[0]["start"], "2026-03-04");
}

#[test]
fn two_thousand_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("saves")).expect("saves");
    let names: Vec<String> = (0..2000)
        .map(|i| {
            let name = format!("n{i:04}.md");
            std::fs::write(
                d.join(&name),
                format!(
                    "# Note {i}\n\n[Wire, Jan {}, 2020](#)\n\nThe council of district {i} met on Monday.\n",
                    i % 28 + 1
                ),
            )
            .expect("write");
            name
        })
        .collect();
    let mut args = vec!["dossier", "new", "big.dossier.ron"];
    args.extend(names.iter().map(String::as_str));
    let out = storyline(d, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = json(&storyline(
        d,
        &["dossier", "list", "big.dossier.ron", "--json"],
    ));
    let rows = list.as_array().expect("rows");
    assert_eq!(rows.len(), 2000);
    assert!(rows.iter().all(|r| r["missing"] == false));
    // By publication date, then path.
    assert_eq!(rows[0]["published"], "2020-01-01");
    let events = json(&storyline(
        d,
        &["dossier", "events", "big.dossier.ron", "--json"],
    ));
    // Every note's "on Monday" is a suggestion; none merged across
    // districts (each its own words).
    let events = events.as_array().expect("events");
    assert!(events.len() >= 1900, "{}", events.len());
}

#[test]
fn an_mbox_of_newsletters_becomes_one_article_per_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("saves")).expect("saves");
    let mbox = "From news@example.org Tue Jan 28 18:05:00 2020\nSubject: Britain decides on Huawei\nFrom: The Brief <news@example.org>\nDate: Tue, 28 Jan 2020 18:05:00 +0000\n\nBritain decided on Tuesday to let Huawei in, with limits.\n\nFrom news@example.org Fri Apr 23 09:00:00 2021\nSubject: The German vote\nFrom: The Brief <news@example.org>\nDate: Fri, 23 Apr 2021 09:00:00 +0200\n\nThe Bundestag passed the law on Friday.\n";
    std::fs::write(d.join("brief.mbox"), mbox).expect("write");
    let out = storyline(d, &["dossier", "new", "news.dossier.ron", "brief.mbox"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 messages"));
    let list = json(&storyline(
        d,
        &["dossier", "list", "news.dossier.ron", "--json"],
    ));
    let rows = list.as_array().expect("rows");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["title"], "Britain decides on Huawei");
    assert_eq!(rows[0]["source"], "The Brief");
    assert_eq!(rows[0]["published"], "2020-01-28");
    assert_eq!(rows[1]["path"], "brief/002-the-german-vote.eml");
    // Its dated phrases resolve against each message's date.
    let events = json(&storyline(
        d,
        &["dossier", "events", "news.dossier.ron", "--json"],
    ));
    assert!(
        events
            .as_array()
            .expect("events")
            .iter()
            .any(|e| e["start"] == "2021-04-23")
    );
    // Importing again adds nothing; the mbox is untouched.
    let again = storyline(d, &["dossier", "add", "news.dossier.ron", "brief.mbox"]);
    assert!(again.status.success());
    let list = json(&storyline(
        d,
        &["dossier", "list", "news.dossier.ron", "--json"],
    ));
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    assert_eq!(
        std::fs::read_to_string(d.join("brief.mbox")).expect("read"),
        mbox
    );
}

#[test]
fn a_dossier_exports_for_readwise_and_obsidian() {
    let (dir, names) = story();
    let d = dir.path();
    let mut args = vec!["dossier", "new", "huawei.dossier.ron"];
    args.extend(names.iter().map(String::as_str));
    assert!(storyline(d, &args).status.success());
    let brief = "2020-01-28-uk-limits-huawei.md";
    let out = storyline(
        d,
        &[
            "annotate",
            brief,
            "--quote",
            "rejecting U.S. calls for an outright ban",
            "--tag",
            "uk",
            "--note",
            "The decision, $ and all",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let brief_id = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(
        storyline(d, &["dossier", "add", "huawei.dossier.ron", brief])
            .status
            .success()
    );

    // Readwise: every article's highlights in one CSV, each with its title.
    let out = storyline(
        d,
        &[
            "dossier",
            "export",
            "huawei.dossier.ron",
            "--format",
            "readwise",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 20, "19 in the seed, 1 in the brief");
    assert_eq!(
        rows.iter()
            .filter(|r| r[1] == *"U.K. lets Huawei into its 5G networks, with limits")
            .count()
            + 19,
        20,
        "the brief's row carries its own title"
    );

    // Obsidian: an index note and one note per article beside it; each
    // source in the index links to a block id in its article's note.
    let out = storyline(
        d,
        &[
            "dossier",
            "export",
            "huawei.dossier.ron",
            "--format",
            "obsidian",
            "-o",
            "vault/Huawei.md",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let index = std::fs::read_to_string(d.join("vault/Huawei.md")).expect("index note");
    let notes: Vec<PathBuf> = std::fs::read_dir(d.join("vault/Huawei"))
        .expect("notes folder")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(notes.len(), names.len());
    let mut links = 0;
    for line in index.lines().filter(|l| l.contains("#^")) {
        let link = &line[line.find("[[").expect("link") + 2..line.find("]]").expect("end")];
        let (note, rest) = link.split_once("#^").expect("block link");
        let id = rest.split('|').next().expect("id");
        let text = std::fs::read_to_string(d.join("vault/Huawei").join(format!("{note}.md")))
            .unwrap_or_else(|_| panic!("{note}.md is there"));
        assert!(text.contains(&format!("\n^{id}\n")), "{note} has ^{id}");
        links += 1;
    }
    assert!(
        links >= 10,
        "the seed's events link to their evidence: {links}"
    );
    assert!(index.contains("## Articles") && index.contains("## Timeline"));
    let brief_note = notes
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("note"))
        .find(|t| t.contains(&brief_id))
        .expect("the brief's note");
    assert!(brief_note.contains("\\$ and all"), "{brief_note}");
    // The dossier's W3C export imported onto one of its articles brings
    // only that article's annotations (here already there), none of the
    // others', and not the dossier's lanes and events.
    let out = storyline(
        d,
        &[
            "dossier",
            "export",
            "huawei.dossier.ron",
            "--format",
            "json",
            "-o",
            "all.json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&storyline(d, &["import", brief, "all.json", "--json"]));
    assert_eq!(report["duplicates"], 1);
    assert_eq!(report["other_documents"], 19);
    assert_eq!(
        (report["lanes"].as_u64(), report["events"].as_u64()),
        (Some(0), Some(0))
    );

    // Never over the dossier or one of its articles.
    let seed = std::fs::read(d.join("huawei-5g-2020-01-23.md")).expect("seed");
    let dossier = std::fs::read(d.join("huawei.dossier.ron")).expect("dossier");
    for (format, to) in [
        ("md", "huawei.dossier.ron"),
        ("obsidian", "huawei-5g-2020-01-23.md"),
    ] {
        let out = storyline(
            d,
            &[
                "dossier",
                "export",
                "huawei.dossier.ron",
                "--format",
                format,
                "-o",
                to,
            ],
        );
        assert!(!out.status.success(), "{format} over {to}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("not "));
    }
    assert_eq!(
        std::fs::read(d.join("huawei-5g-2020-01-23.md")).expect("seed"),
        seed
    );
    assert_eq!(
        std::fs::read(d.join("huawei.dossier.ron")).expect("dossier"),
        dossier
    );

    // Without -o there is nowhere to put the article notes.
    let out = storyline(
        d,
        &[
            "dossier",
            "export",
            "huawei.dossier.ron",
            "--format",
            "obsidian",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o FILE.md"));
}
