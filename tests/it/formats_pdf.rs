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

/// A one-page PDF written by hand from its objects (numbered from 1; the
/// first is the catalog), with its cross-reference table.
fn tiny_pdf(objects: &[&str]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

/// A form: a heading drawn on the page (or nothing), a filled text
/// field, a ticked box and a text-box comment.
fn form_pdf(page_text: &str) -> Vec<u8> {
    let stream = if page_text.is_empty() {
        String::new()
    } else {
        format!("BT /F1 14 Tf 72 690 Td ({page_text}) Tj ET")
    };
    let content = format!(
        "<< /Length {} >>\nstream\n{stream}\nendstream",
        stream.len()
    );
    tiny_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R 8 0 R] >> >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 7 0 R >> >> /Annots [5 0 R 6 0 R 8 0 R] >>",
        &content,
        "<< /Type /Annot /Subtype /Widget /FT /Tx /T (insured) \
         /V (Harbour Freight Limited of Leith) /Rect [72 640 420 660] /P 3 0 R >>",
        "<< /Type /Annot /Subtype /FreeText /Contents (Checked against the policy by the claims desk) \
         /Rect [72 560 420 600] /DA (/Helv 10 Tf) /P 3 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Annot /Subtype /Widget /FT /Btn /T (agreed) /V /Yes /AS /Yes \
         /Rect [72 500 84 512] /P 3 0 R >>",
    ])
}

#[test]
fn form_fields_and_text_boxes_are_read_where_the_page_shows_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, heading) in [
        ("certificate.pdf", "Certificate of insurance"),
        ("form-only.pdf", ""),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, form_pdf(heading)).expect("write");
        let text = ok(&storyline(
            dir.path(),
            &["text", file.to_str().expect("path")],
        ));
        let value = text
            .find("Harbour Freight Limited of Leith")
            .expect("the field's value");
        let note = text
            .find("Checked against the policy by the claims desk")
            .expect("the text box");
        assert!(value < note, "top to bottom: {text}");
        if !heading.is_empty() {
            assert!(text.find(heading).is_some_and(|h| h < value), "{text}");
        }
        assert!(!text.contains("Yes"), "a ticked box is not text: {text}");
    }
}

/// A PDF of `n` pages, each with a heading line and a sentence naming its
/// page, the file padded with a comment to `pad` bytes.
fn long_pdf(n: usize, pad: usize) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        String::new(), // the page tree, once the kids are known
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut kids = Vec::new();
    for p in 1..=n {
        let stream = format!(
            "BT /F1 12 Tf 72 600 Td (This is the sentence printed on page number {p} of the report.) Tj \
             0 -16 Td (It goes on with a second line of words about the matter at hand.) Tj ET"
        );
        objects.push(format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ));
        let content = objects.len();
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content} 0 R \
             /Resources << /Font << /F1 3 0 R >> >> >>"
        ));
        kids.push(format!("{} 0 R", objects.len()));
    }
    objects[1] = format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" "));
    // Padding: an object nothing refers to (as embedded fonts and images
    // make real files large).
    let filler = "x".repeat(pad);
    objects.push(format!(
        "<< /Length {} >>\nstream\n{filler}\nendstream",
        filler.len()
    ));
    let refs: Vec<&str> = objects.iter().map(String::as_str).collect();
    tiny_pdf(&refs)
}

#[test]
fn a_long_pdf_shows_its_first_pages_before_the_rest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, long_pdf(40, 0)).expect("write");
    let mut previews = Vec::new();
    let whole = storyline::document::load_path_with_preview(&file, &mut |p| previews.push(p))
        .expect("reads");
    assert_eq!(previews.len(), 1);
    let first = &previews[0];
    assert_eq!((first.pages, first.of), (3, 40));
    assert!(first.document.text.contains("page number 3 of"));
    assert!(!first.document.text.contains("page number 4 of"));
    assert!(whole.document.text.contains("page number 40 of"));
    // The preview is the whole document's beginning.
    let shown = first.document.text.trim_end();
    assert!(whole.document.text.starts_with(shown), "{shown:?}");
    // A short file has no preview.
    let short = dir.path().join("short.pdf");
    std::fs::write(&short, long_pdf(5, 0)).expect("write");
    let mut none = 0;
    storyline::document::load_path_with_preview(&short, &mut |_| none += 1).expect("reads");
    assert_eq!(none, 0);
}

#[test]
fn the_window_opens_a_large_pdf_in_the_background_and_shows_it_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("big-report.pdf");
    std::fs::write(&file, long_pdf(30, 1_300_000)).expect("write");
    assert!(storyline::app::reads_in_background(&file));
    let mut h = crate::common::window(None, &dir.path().join("saves"), vec![]);
    h.state_mut().send(storyline::app::Command::Window(
        storyline::app::WindowCommand::Open(file.clone()),
    ));
    crate::common::until(&mut h, |app| !app.is_opening() && app.article().is_some());
    h.run_steps(2);
    let article = h.state().article().expect("open");
    assert!(article.doc.text.contains("page number 30 of"));
    assert!(
        !crate::common::message_texts(&h)
            .iter()
            .any(|m| m.starts_with("Showing the first") || m.starts_with("Opening")),
        "{:?}",
        crate::common::message_texts(&h)
    );
}

#[test]
fn a_page_drawn_upside_down_and_turned_reads_in_order() {
    // A page turned half a turn (`/Rotate 180`) whose text is drawn upside
    // down to match (as some scanners' and printers' PDFs are): on screen
    // it reads right way up, and so must its text.
    // A negative size draws each glyph turned, advancing leftwards.
    let stream = "BT /F1 -12 Tf 1 0 0 1 540 192 Tm \
                  (The first line of the turned page comes first.) Tj \
                  1 0 0 1 540 208 Tm (Then the second line of the turned page.) Tj ET";
    let content = format!(
        "<< /Length {} >>\nstream\n{stream}\nendstream",
        stream.len()
    );
    let pdf = tiny_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate 180 /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>",
        &content,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("turned.pdf");
    std::fs::write(&file, pdf).expect("write");
    let text = ok(&storyline(
        dir.path(),
        &["text", file.to_str().expect("path")],
    ));
    let first = text
        .find("The first line of the turned page")
        .expect("first");
    let second = text.find("Then the second line").expect("second");
    assert!(first < second, "{text}");
}
