//! Formats beyond Markdown, text and HTML: each opens through the same
//! loader as the window and the CLI, reads well, and keeps its highlights.

use std::path::Path;
use std::process::Command;

fn storyline(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .arg("--saves")
        .arg(dir.join("saves"))
        .env("STORYLINE_STATE", dir.join("state.ron"))
        .output()
        .expect("runs")
}

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

fn info(dir: &Path, file: &str) -> serde_json::Value {
    serde_json::from_str(&ok(&storyline(dir, &["info", file, "--json"]))).expect("json")
}

#[test]
fn an_html_newsletter_reads_with_its_headers_as_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = "tests/formats/newsletter.eml";
    let v = info(dir.path(), file);
    assert_eq!(v["title"], "Britain decides on Huawei — what it means");
    assert_eq!(v["source"], "The Morning Brief");
    assert_eq!(v["published"], "2020-01-28");
    let text = ok(&storyline(dir.path(), &["text", file]));
    // The HTML part (not the plain one), decoded (quoted-printable, UTF-8).
    assert!(text.contains("LONDON—Britain decided on Tuesday"));
    assert!(!text.contains("plain version"));
    assert!(!text.contains("color:#333"), "no style text");
    // Its dated phrases resolve against the Date header.
    let events: serde_json::Value =
        serde_json::from_str(&ok(&storyline(dir.path(), &["events", file, "--json"])))
            .expect("json");
    assert!(
        events
            .as_array()
            .expect("events")
            .iter()
            .any(|e| e["phrase"] == "on Tuesday" && e["start"] == "2020-01-28")
    );
}

#[test]
fn a_plain_latin1_email_and_a_saved_web_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let v = info(dir.path(), "tests/formats/plain.eml");
    assert_eq!(v["title"], "Notes on the German vote");
    assert_eq!(v["source"], "Jane Analyst");
    assert_eq!(v["published"], "2021-04-23");
    let text = ok(&storyline(dir.path(), &["text", "tests/formats/plain.eml"]));
    assert!(text.contains("It stops short of naming Huawei; exclusion is decided case by case."));
    // The page's own title (site name dropped) and date, not the archive's.
    let v = info(dir.path(), "tests/formats/saved-page.mhtml");
    assert_eq!(v["title"], "Judge rules Meng Wanzhou's case can go ahead");
    assert_eq!(v["published"], "2020-05-27");
    let text = ok(&storyline(
        dir.path(),
        &["text", "tests/formats/saved-page.mhtml"],
    ));
    assert!(text.contains("VANCOUVER—A Canadian judge ruled on Wednesday"));
    assert!(!text.contains("font-size"), "inline resources ignored");
}

#[test]
fn highlights_in_an_email_survive_reopening() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("brief.eml");
    std::fs::copy("tests/formats/newsletter.eml", &file).expect("copy");
    let f = file.to_str().expect("path");
    let id = ok(&storyline(
        dir.path(),
        &["annotate", f, "--quote", "cap of 35% on the periphery"],
    ));
    let list: serde_json::Value =
        serde_json::from_str(&ok(&storyline(dir.path(), &["list", f, "--json"]))).expect("json");
    let h = &list.as_array().expect("list")[0];
    assert_eq!(h["id"], id.trim());
    assert_eq!(h["status"], "anchored");
    assert_eq!(h["quote"], "cap of 35% on the periphery");
}

#[test]
fn damaged_mime_files_are_clear_errors_never_panics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: [(&str, &[u8]); 4] = [
        ("empty-ish.eml", b"\r\n\r\n"),
        ("headers-only.eml", b"Subject: nothing here\r\n\r\n"),
        ("binary.mhtml", &[0, 159, 146, 150, 0, 1, 2, 3]),
        ("cut.eml", b"Content-Type: multipart/alternative; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/html\r\n\r\n<p>"),
    ];
    for (name, bytes) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        let out = storyline(dir.path(), &["text", p.to_str().expect("path")]);
        assert!(!out.status.success(), "{name} should be refused");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(name), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{name}: one line: {err}");
    }
}
