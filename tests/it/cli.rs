//! The binary's command line: help, version, and one-line errors naming the file.

use crate::common::SAMPLE;
use crate::common::storyline_bare as storyline;
use std::process::Command;

#[test]
fn help_and_version() {
    let help = storyline(&["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("Usage: storyline"), "{text}");
    assert!(text.contains("--saves"), "{text}");
    let version = storyline(&["--version"]);
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("storyline "));
}

#[test]
fn missing_article_is_a_one_line_error_naming_it() {
    let out = storyline(&["info", "no/such/article.md"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no/such/article.md"), "{err}");
    assert!(err.contains("no such file"), "{err}");
}

/// The window was asked for: a bad path does not stop it opening (it shows
/// the error inside). With no display here it cannot open, so the output
/// has the article's error first, then the window's.
#[test]
fn a_bad_path_for_the_window_still_opens_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .arg("no/such/article.md")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env(
            "STORYLINE_STATE",
            std::env::temp_dir().join("storyline-cli-test-state.ron"),
        )
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    let first = err.lines().next().unwrap_or_default();
    assert!(
        first.contains("no/such/article.md") && first.contains("no such file"),
        "{err}"
    );
    assert!(
        err.contains("cannot open the window"),
        "it tried to open it: {err}"
    );
}

#[test]
fn folder_and_binary_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = dir.path().join("photo.txt");
    std::fs::write(&bin, [0u8, 1, 2, 3, 0, 255]).expect("write");
    for (path, want) in [(dir.path().to_path_buf(), "is a folder"), (bin, "binary")] {
        let out = storyline(&["info", path.to_str().expect("utf8")]);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(want) && err.contains(path.to_str().expect("utf8")),
            "{err}"
        );
    }
}

#[test]
fn info_reads_the_sample() {
    let out = storyline(&["info", "assets/articles/huawei-5g-2020-01-23.md", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["source"], "Wall Street Journal");
    assert_eq!(v["published"], "2020-01-23");
    assert_eq!(v["format"], "markdown");
}

#[test]
fn annotate_then_list_as_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saves = dir.path().to_str().expect("utf-8 path");
    // Whitespace in the quote matches any whitespace, including a line break.
    let out = storyline(&[
        "annotate",
        SAMPLE,
        "--saves",
        saves,
        "--quote",
        "is expected to make   a\ndecision",
        "--tag",
        "UK",
        "--tag",
        "decision",
        "--note",
        "next week",
        "--color",
        "blue",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(id.starts_with("h-"), "{id}");
    let out = storyline(&[
        "annotate",
        SAMPLE,
        "--saves",
        saves,
        "--quote",
        "Huawei",
        "--occurrence",
        "3",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = storyline(&["list", SAMPLE, "--saves", saves, "--json"]);
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 2);
    // Document order: the third "Huawei" comes before the UK decision.
    assert_eq!(rows[0]["quote"], "Huawei");
    let uk = &rows[1];
    assert_eq!(uk["id"], id.as_str());
    assert_eq!(uk["quote"], "is expected to make a decision");
    assert_eq!(uk["status"], "anchored");
    assert_eq!(uk["color"], "blue");
    assert_eq!(uk["tags"], serde_json::json!(["decision", "uk"]));
    assert_eq!(uk["note"], "next week");
    assert!(uk["start"].as_u64().expect("start") < uk["end"].as_u64().expect("end"));
}

#[test]
fn annotate_refuses_missing_and_ambiguous_quotes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saves = dir.path().to_str().expect("utf-8 path");
    let out = storyline(&[
        "annotate",
        SAMPLE,
        "--saves",
        saves,
        "--quote",
        "no such words anywhere",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not in") && err.contains(SAMPLE), "{err}");

    let out = storyline(&["annotate", SAMPLE, "--saves", saves, "--quote", "Five Eyes"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("occurs 3 times") && err.contains("--occurrence"),
        "{err}"
    );
    assert!(
        err.contains("  1: chars") && err.contains("  3: chars"),
        "{err}"
    );

    let out = storyline(&[
        "annotate",
        SAMPLE,
        "--saves",
        saves,
        "--quote",
        "Five Eyes",
        "--occurrence",
        "4",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let out = storyline(&[
        "annotate",
        SAMPLE,
        "--saves",
        saves,
        "--quote",
        "Five Eyes",
        "--occurrence",
        "1",
        "--color",
        "teal",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown colour"));
    // Nothing was written by the refused commands.
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn list_reports_moved_fuzzy_and_orphaned_highlights_after_an_edit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saves = dir.path().join("saves");
    let saves = saves.to_str().expect("utf-8");
    let article = dir.path().join("story.md");
    let text = std::fs::read_to_string(SAMPLE).expect("sample");
    std::fs::write(&article, &text).expect("copy");
    let article = article.to_str().expect("utf-8");
    for quote in [
        "Germany is relevant as an EU leader",
        "Sen. Tom Cotton, (R., Ark.) earlier this month introduced a bill",
        "The DFC last year was overhauled from a predecessor agency",
    ] {
        let out = storyline(&["annotate", article, "--saves", saves, "--quote", quote]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let edited = format!("Editor's note: updated.\n\n{text}")
        .replace("earlier this month introduced a bill", "this month put forward a bill")
        .replace(
            "The DFC last year was overhauled from a predecessor agency to aid developing countries while advancing American foreign-policy and national-security goals.",
            "",
        );
    std::fs::write(dir.path().join("story.md"), edited).expect("edit");
    let out = storyline(&["list", article, "--saves", saves, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let status: Vec<&str> = rows
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["status"].as_str().expect("status"))
        .collect();
    assert_eq!(status, vec!["fuzzy", "moved", "orphaned"], "{rows:#}");
}

#[test]
fn events_json_lists_the_dated_phrases_with_lanes() {
    let out = storyline(&["events", SAMPLE, "--json", "--saves", "saves"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let rows = rows.as_array().expect("array");
    let find = |phrase: &str| {
        rows.iter()
            .find(|r| r["phrase"] == phrase)
            .unwrap_or_else(|| panic!("{phrase}"))
    };
    let next_week = find("next week");
    assert_eq!(next_week["start"], "2020-01-27");
    assert_eq!(next_week["end"], "2020-02-02");
    assert_eq!(next_week["precision"], "week");
    assert_eq!(next_week["approximate"], false);
    assert_eq!(next_week["lane"], "UK decision");
    assert!(
        next_week["sentence"]
            .as_str()
            .expect("sentence")
            .ends_with("make a decision next week.")
    );
    let later = find("later this year");
    assert_eq!(
        (later["start"].as_str(), later["end"].as_str()),
        (Some("2020-01-23"), Some("2020-12-31"))
    );
    assert_eq!(later["lane"], "German vote");
    assert_eq!(find("this week")["lane"], "Canadian extradition");
    assert_eq!(find("last month")["start"], "2019-12-01");
    assert_eq!(find("on Jan. 31")["precision"], "day");
    // In text order, offsets pointing at the phrase.
    let offsets: Vec<u64> = rows
        .iter()
        .map(|r| r["offset"].as_u64().expect("offset"))
        .collect();
    assert!(offsets.windows(2).all(|w| w[0] < w[1]));
    // An article with no date asks for one.
    let dir = tempfile::tempdir().expect("tempdir");
    let undated = dir.path().join("undated.txt");
    std::fs::write(&undated, "A title\n\nThe vote is next week.").expect("write");
    let undated = undated.to_str().expect("utf-8");
    let out = storyline(&["events", undated]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--published"));
    let out = storyline(&["events", undated, "--published", "2021-06-02", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rows[0]["start"], "2021-06-07");
    assert_eq!(rows[0]["lane"], serde_json::Value::Null);
}

#[test]
fn text_prints_the_reading_text_and_its_blocks() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
            .args(args)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let sample = "assets/articles/huawei-5g-2020-01-23.md";
    let text = run(&["text", sample]);
    assert!(text.starts_with("Facing pushback from allies"));
    assert!(text.contains("\n\nWall Street Journal, Jan 23, 2020\n\n"));
    let v: serde_json::Value =
        serde_json::from_str(&run(&["text", sample, "--json"])).expect("json");
    let full = v["text"].as_str().expect("text");
    assert_eq!(format!("{full}\n"), text, "the same text");
    let chars: Vec<char> = full.chars().collect();
    assert_eq!(v["chars"].as_u64(), Some(chars.len() as u64));
    let blocks = v["blocks"].as_array().expect("blocks");
    assert_eq!(blocks[0]["kind"], "title");
    assert_eq!(blocks[1]["kind"], "dateline");
    // Offsets are chars, half-open; blocks are separated by one blank line.
    for pair in blocks.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (end, next) = (
            a["end"].as_u64().unwrap_or(0) as usize,
            b["start"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(chars[end..next].iter().collect::<String>(), "\n\n");
    }
}

#[test]
fn the_saves_folder_may_come_before_the_command() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saves = dir.path().to_str().expect("utf-8");
    for args in [
        vec!["--saves", saves, "list", SAMPLE],
        vec!["list", SAMPLE, "--saves", saves],
    ] {
        let out = storyline(&args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = storyline(&[SAMPLE, "list", SAMPLE]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("give one or the other"));
}
