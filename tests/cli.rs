//! The binary's command line: help, version, and one-line errors naming the file.

use std::process::Command;

fn storyline(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .env(
            "STORYLINE_STATE",
            std::env::temp_dir().join("storyline-cli-test-state.ron"),
        )
        .output()
        .expect("runs")
}

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
    for args in [
        &["no/such/article.md"][..],
        &["info", "no/such/article.md"][..],
    ] {
        let out = storyline(args);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains("no/such/article.md"), "{err}");
        assert!(err.contains("no such file"), "{err}");
    }
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
