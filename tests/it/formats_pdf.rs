//! PDF: pages Chromium printed (running heads, a page break mid-sentence,
//! two CSS columns), a scan, a password-protected file and damaged ones,
//! through the same loader as the window and the CLI.

use crate::common::{ok, storyline_at as storyline};

fn alnum(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[test]
fn a_printed_article_reads_as_the_article_without_the_browsers_furniture() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = "tests/formats/printed.pdf";
    let info: serde_json::Value =
        serde_json::from_str(&ok(&storyline(dir.path(), &["info", file, "--json"]))).expect("json");
    assert_eq!(
        info["title"],
        "Facing pushback from allies, U.S. is pressing its campaign to ban Huawei from 5G cellular networks"
    );
    assert_eq!(info["published"], "2020-01-23");
    let text = ok(&storyline(dir.path(), &["text", file]));
    // The date, title, address and page numbers Chromium prints on every
    // page are gone; the title wrapped over two lines is one.
    assert!(!text.contains("file://"), "{text}");
    assert!(!text.contains("PM\n"), "{text}");
    assert!(!text.contains("1/3"), "{text}");
    assert!(!text.lines().any(|l| l == "Huawei 5G"), "{text}");
    // A sentence cut by a page break is one paragraph again.
    assert!(
        text.contains("cooperate with Five Eyes intelligence partners,"),
        "{text}"
    );
    // Paragraphs are the article's paragraphs.
    assert!(text.contains("\n\nBEIJING—The U.S. is preparing for a longer and broader campaign"));
    // Against the article it was printed from: every word, in order.
    let source =
        std::fs::read_to_string("assets/articles/huawei-5g-2020-01-23.md").expect("sample");
    assert_eq!(alnum(&text), alnum(&source), "same words in the same order");
}

#[test]
fn two_columns_are_read_column_by_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let one = ok(&storyline(
        dir.path(),
        &["text", "tests/formats/printed.pdf"],
    ));
    let two = ok(&storyline(
        dir.path(),
        &["text", "tests/formats/two-columns.pdf"],
    ));
    // The same article set in two justified, hyphenated columns reads the
    // same (letters and digits: a line-end hyphen may differ).
    assert_eq!(alnum(&one), alnum(&two));
    assert!(two.contains("\n\nBEIJING—The U.S. is preparing"), "{two}");
}

#[test]
fn highlights_in_a_pdf_survive_reopening() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("printed.pdf");
    std::fs::copy("tests/formats/printed.pdf", &file).expect("copy");
    let f = file.to_str().expect("path");
    let quote = "cooperate with Five Eyes intelligence partners";
    let id = ok(&storyline(dir.path(), &["annotate", f, "--quote", quote]));
    let list: serde_json::Value =
        serde_json::from_str(&ok(&storyline(dir.path(), &["list", f, "--json"]))).expect("json");
    let h = &list.as_array().expect("list")[0];
    assert_eq!(h["id"], id.trim());
    assert_eq!(h["status"], "anchored");
    assert_eq!(h["quote"], quote);
}

#[test]
fn scans_locked_and_damaged_pdfs_are_clear_one_line_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let printed = std::fs::read("tests/formats/printed.pdf").expect("read");
    let mut flipped = printed.clone();
    for i in (2_000..flipped.len()).step_by(97) {
        flipped[i] ^= 0x5a;
    }
    let cases: Vec<(String, Vec<u8>, &str)> = vec![
        (
            "scan.pdf".into(),
            std::fs::read("tests/formats/scan.pdf").expect("scan"),
            "no text layer",
        ),
        (
            "locked.pdf".into(),
            std::fs::read("tests/formats/locked.pdf").expect("locked"),
            "encrypted with a password",
        ),
        ("cut.pdf".into(), printed[..1_500].to_vec(), ""),
        (
            "noise.pdf".into(),
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".to_vec(),
            "",
        ),
        ("flipped.pdf".into(), flipped, ""),
    ];
    for (name, bytes, why) in cases {
        let p = dir.path().join(&name);
        std::fs::write(&p, &bytes).expect("write");
        let out = storyline(dir.path(), &["text", p.to_str().expect("path")]);
        let err = String::from_utf8_lossy(&out.stderr);
        if name == "flipped.pdf" && out.status.success() {
            continue; // some damage still leaves readable text
        }
        assert!(!out.status.success(), "{name} should be refused");
        assert!(err.contains(&name), "{name}: {err}");
        assert!(err.contains(why), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{name}: one line: {err}");
    }
}
