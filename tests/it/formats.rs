//! Formats beyond Markdown, text and HTML: each opens through the same
//! loader as the window and the CLI, reads well, and keeps its highlights.

use crate::common::{ok, storyline_at as storyline};
use std::path::Path;

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

/// An EPUB of three chapters, written with rbook's builder.
fn book(path: &Path) {
    use rbook::Epub;
    use rbook::epub::EpubChapter;
    Epub::builder()
        .identifier("urn:isbn:9780000000002")
        .title("The Long Campaign")
        .author("Jane Doe")
        .language("en")
        .chapter(EpubChapter::new("One").href("c1.xhtml").xhtml_body(
            "<h1>Chapter One: London</h1><p>Britain decided on January 28, 2020 to let Huawei in, with limits.</p><p>The cap was 35% of the periphery.</p>",
        ))
        .chapter(EpubChapter::new("Two").href("c2.xhtml").xhtml_body(
            "<h1>Chapter Two: Vancouver</h1><p>The extradition hearing opened on January 20, 2020.</p><blockquote><p>A quoted passage.</p></blockquote>",
        ))
        .chapter(EpubChapter::new("Three").href("c3.xhtml").xhtml_body(
            "<h1>Chapter Three: Berlin</h1><ul><li>The Bundestag voted on April 23, 2021.</li><li>The law names no company.</li></ul>",
        ))
        .write()
        .save(path)
        .expect("write the epub");
}

#[test]
fn an_epub_reads_its_spine_in_order_with_headings_and_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("campaign.epub");
    book(&file);
    let f = file.to_str().expect("path");
    let v = info(dir.path(), f);
    assert_eq!(v["title"], "The Long Campaign");
    let text = ok(&storyline(dir.path(), &["text", f]));
    let one = text.find("Chapter One: London").expect("one");
    let two = text.find("Chapter Two: Vancouver").expect("two");
    let three = text.find("Chapter Three: Berlin").expect("three");
    assert!(one < two && two < three, "spine order");
    assert!(text.contains("Jane Doe"), "the creator in the dateline");
    let blocks: serde_json::Value =
        serde_json::from_str(&ok(&storyline(dir.path(), &["text", f, "--json"]))).expect("json");
    let kinds: Vec<&str> = blocks["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .map(|b| b["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "heading").count(),
        3,
        "{kinds:?}"
    );
    // Highlights survive reopening.
    let id = ok(&storyline(
        dir.path(),
        &[
            "annotate",
            f,
            "--quote",
            "The cap was 35% of the periphery.",
        ],
    ));
    let list: serde_json::Value =
        serde_json::from_str(&ok(&storyline(dir.path(), &["list", f, "--json"]))).expect("json");
    assert_eq!(list[0]["id"], id.trim());
    assert_eq!(list[0]["status"], "anchored");
}

#[test]
fn zip_bombs_encrypted_and_damaged_epubs_are_refused_by_name() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().expect("tempdir");
    // A zip whose one entry unpacks to 600 MB of zeros (stored as ~600 KB).
    let bomb = dir.path().join("bomb.epub");
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(&bomb).expect("create"));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        z.start_file("OEBPS/big.xhtml", opts).expect("entry");
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..600 {
            z.write_all(&zeros).expect("write");
        }
        z.finish().expect("finish");
    }
    // DRM: content listed as encrypted.
    let drm = dir.path().join("drm.epub");
    book(&drm);
    {
        let mut z = zip::ZipWriter::new_append(
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(&drm)
                .expect("open"),
        )
        .expect("append");
        z.start_file(
            "META-INF/encryption.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .expect("entry");
        z.write_all(b"<encryption><EncryptedData><EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#aes128-cbc\"/><CipherData><CipherReference URI=\"OEBPS/c1.xhtml\"/></CipherData></EncryptedData></encryption>")
            .expect("write");
        z.finish().expect("finish");
    }
    let junk = dir.path().join("junk.epub");
    std::fs::write(&junk, b"PK\x03\x04 not really a zip").expect("write");
    for (file, says) in [(&bomb, "unpacks to"), (&drm, "DRM"), (&junk, "zip")] {
        let out = storyline(dir.path(), &["text", file.to_str().expect("path")]);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        assert!(err.contains(name) && err.contains(says), "{name}: {err}");
    }
}

/// A Word document in the shape Word writes it: styles by id, runs with
/// bold and italic, a list, a quote, entities, a tab.
fn word_document(path: &Path) {
    use std::io::Write as _;
    let document = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Briefing: the German vote</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>What happened</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The Bundestag passed the </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>IT Security Act 2.0</w:t></w:r><w:r><w:t xml:space="preserve"> on April 23, 2021 &amp; the Bundesrat followed.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>No company is named.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Exclusion is</w:t></w:r><w:r><w:tab/><w:t>case by case.</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="IntenseQuote"/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t>"Trust is the criterion."</w:t></w:r></w:p>
<w:p/>
</w:body></w:document>"#;
    let core = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title></dc:title><dc:creator>Jane Analyst</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2021-04-24T08:00:00Z</dcterms:created></cp:coreProperties>"#;
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).expect("create"));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in [
        (
            "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        ),
        ("word/document.xml", document),
        ("docProps/core.xml", core),
    ] {
        z.start_file(name, opts).expect("entry");
        z.write_all(body.as_bytes()).expect("write");
    }
    z.finish().expect("finish");
}

#[test]
fn a_word_document_reads_headings_lists_quotes_and_emphasis() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("briefing.docx");
    word_document(&file);
    let f = file.to_str().expect("path");
    let v = info(dir.path(), f);
    assert_eq!(
        v["title"], "Briefing: the German vote",
        "the Title paragraph"
    );
    assert_eq!(v["published"], "2021-04-24");
    let text = ok(&storyline(dir.path(), &["text", f]));
    assert!(text.contains("The Bundestag passed the IT Security Act 2.0 on April 23, 2021 & the Bundesrat followed."), "{text}");
    assert!(text.contains("Exclusion is case by case."));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&storyline(dir.path(), &["text", f, "--json"]))).expect("json");
    let blocks = json["blocks"].as_array().expect("blocks");
    let kinds: Vec<(&str, u64, u64)> = blocks
        .iter()
        .map(|b| {
            (
                b["kind"].as_str().unwrap_or(""),
                b["list_depth"].as_u64().unwrap_or(0),
                b["quote_depth"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("title", 0, 0),
            ("dateline", 0, 0),
            ("heading", 0, 0),
            ("paragraph", 0, 0),
            ("paragraph", 1, 0),
            ("paragraph", 1, 0),
            ("paragraph", 0, 1),
        ]
    );
    // Dated phrases resolve; highlights survive reopening.
    let id = ok(&storyline(
        dir.path(),
        &["annotate", f, "--quote", "No company is named."],
    ));
    let list: serde_json::Value =
        serde_json::from_str(&ok(&storyline(dir.path(), &["list", f, "--json"]))).expect("json");
    assert_eq!(list[0]["id"], id.trim());
    assert_eq!(list[0]["status"], "anchored");
    // Not a Word document: a clear error naming it.
    let bad = dir.path().join("bad.docx");
    std::fs::write(&bad, b"PK\x03\x04garbage").expect("write");
    let out = storyline(dir.path(), &["text", bad.to_str().expect("path")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.docx"));
}

#[test]
fn an_rtf_report_reads_in_paragraphs_with_its_dashes_and_dateline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = "tests/formats/report.rtf";
    let v = info(dir.path(), f);
    assert_eq!(v["title"], "Germany passes IT security law");
    assert_eq!(v["published"], "2021-04-23");
    let text = ok(&storyline(dir.path(), &["text", f]));
    assert!(
        text.contains("BERLIN— The Bundestag on Friday passed a new IT security law"),
        "{text}"
    );
    assert!(text.contains("\n\nThe law names no company; exclusion is decided case by case."));
    // Not RTF after all: a clear error, never a panic.
    let bad = dir.path().join("bad.rtf");
    std::fs::write(&bad, "{\\rtf1 {{{{ \\bin999999999 ").expect("write");
    let out = storyline(dir.path(), &["text", bad.to_str().expect("path")]);
    if !out.status.success() {
        assert!(String::from_utf8_lossy(&out.stderr).contains("bad.rtf"));
    }
    assert_ne!(out.status.code(), Some(101), "no panic");
}

#[test]
fn a_word_document_without_properties_takes_its_date_from_a_dateline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let v = info(dir.path(), "tests/formats/dateline.docx");
    assert_eq!(v["title"], "Germany's 5G law: what changes for operators");
    assert_eq!(v["published"], "2021-04-23");
    assert_eq!(v["source"], "Continental Daily");
    let text = ok(&storyline(
        dir.path(),
        &["text", "tests/formats/dateline.docx"],
    ));
    assert_eq!(
        text.matches("Continental Daily, April 23, 2021").count(),
        1,
        "{text}"
    );
}

#[test]
fn info_names_the_kind_of_file_each_article_was_read_from() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (file, format) in [
        ("tests/formats/newsletter.eml", "email"),
        ("tests/formats/saved-page.mhtml", "mhtml"),
        ("tests/formats/report.rtf", "rtf"),
        ("tests/formats/dateline.docx", "docx"),
        ("tests/formats/printed.pdf", "pdf"),
        ("assets/articles/huawei-5g-2020-01-23.md", "markdown"),
    ] {
        assert_eq!(info(dir.path(), file)["format"], format, "{file}");
    }
    let epub = dir.path().join("book.epub");
    book(&epub);
    assert_eq!(
        info(dir.path(), epub.to_str().expect("utf-8"))["format"],
        "epub"
    );
}

/// An XHTML page with `body`.
fn xhtml(body: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>{body}</body></html>"#
    )
    .into_bytes()
}

/// An EPUB 3 written by hand: `manifest` items and `spine` itemrefs in
/// `OPS/package.opf`, and `files` under `OPS/`. A file name may hold a
/// stand-in (`raw.0`) whose bytes are then replaced by `raw.1` in the
/// finished archive: a name stored in a legacy code page, as zippers on
/// Japanese Windows write them.
fn write_epub(
    path: &Path,
    manifest: &str,
    spine: &str,
    files: &[(&str, Vec<u8>)],
    raw: Option<(&str, &[u8])>,
) {
    use std::io::Write as _;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut put = |name: &str, body: &[u8]| {
        z.start_file(name, stored).expect("entry");
        z.write_all(body).expect("write");
    };
    put("mimetype", b"application/epub+zip");
    put(
        "META-INF/container.xml",
        br#"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OPS/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#,
    );
    let opf = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:x:1</dc:identifier><dc:title>Pictures and words</dc:title><dc:language>en</dc:language><meta property="dcterms:modified">2026-01-01T00:00:00Z</meta></metadata>
<manifest>{manifest}</manifest>
<spine>{spine}</spine>
</package>"#
    );
    put("OPS/package.opf", opf.as_bytes());
    for (name, body) in files {
        put(&format!("OPS/{name}"), body);
    }
    let mut bytes = z.finish().expect("finish").into_inner();
    if let Some((stand_in, name)) = raw {
        assert_eq!(stand_in.len(), name.len(), "same length, so offsets hold");
        let from = stand_in.as_bytes();
        let mut k = 0;
        while k + from.len() <= bytes.len() {
            if &bytes[k..k + from.len()] == from {
                bytes[k..k + from.len()].copy_from_slice(name);
            }
            k += 1;
        }
    }
    std::fs::write(path, bytes).expect("write");
}

/// An image page first in the spine (its fallback a text page), then a
/// chapter — as picture books and fixed-layout books have.
fn book_with_an_image_page(path: &Path) {
    write_epub(
        path,
        r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="page1" href="page1.jpg" media-type="image/jpeg" fallback="alt"/>
<item id="alt" href="alt.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="c2.xhtml" media-type="application/xhtml+xml"/>"#,
        r#"<itemref idref="page1"/><itemref idref="c2"/>"#,
        &[
            ("nav.xhtml", xhtml(NAV)),
            ("page1.jpg", JPEG.to_vec()),
            (
                "alt.xhtml",
                xhtml("<p>The first page, described in words.</p>"),
            ),
            (
                "c2.xhtml",
                xhtml("<h1>Two</h1><p>The second chapter is text.</p>"),
            ),
        ],
        None,
    );
}

const NAV: &str = r#"<nav xmlns:epub="http://www.idpf.org/2007/ops" epub:type="toc"><ol><li><a href="c2.xhtml">Two</a></li></ol></nav>"#;
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0xFF, 0xFE];

/// `storyline text` on `file`: its output, or its error.
fn text_of(dir: &Path, file: &Path) -> Result<String, String> {
    let out = storyline(dir, &["text", file.to_str().expect("path")]);
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

#[test]
fn non_ascii_names_are_found_however_the_zip_stores_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    // "目次" (contents) and "一" (one): the manifest writes them plain or
    // percent-encoded, the zip stores them percent-encoded or in Shift_JIS.
    let manifest = |contents: &str, one: &str| {
        format!(
            r#"<item id="nav" href="{contents}" media-type="application/xhtml+xml" properties="nav"/>
<item id="one" href="{one}" media-type="application/xhtml+xml"/>"#
        )
    };
    let nav = xhtml(
        r#"<nav xmlns:epub="http://www.idpf.org/2007/ops" epub:type="toc"><ol><li><a href="%E4%B8%80.xhtml">一</a></li></ol></nav>"#,
    );
    let chapter = xhtml("<h1>一</h1><p>山路を登りながら、こう考えた。</p>");
    let (contents_pct, one_pct) = ("%E7%9B%AE%E6%AC%A1.xhtml", "%E4%B8%80.xhtml");
    let spine = r#"<itemref idref="one"/>"#;
    // Stored percent-encoded, listed plain.
    let a = dir.path().join("percent-in-zip.epub");
    write_epub(
        &a,
        &manifest("目次.xhtml", "一.xhtml"),
        spine,
        &[(contents_pct, nav.clone()), (one_pct, chapter.clone())],
        None,
    );
    // Stored in Shift_JIS (目次 = 96 DA 8E 9F), listed percent-encoded.
    let b = dir.path().join("shift-jis-in-zip.epub");
    write_epub(
        &b,
        &manifest(contents_pct, one_pct),
        spine,
        &[("QQQQ.xhtml", nav), (one_pct, chapter)],
        Some(("QQQQ", &[0x96, 0xDA, 0x8E, 0x9F])),
    );
    for book in [a, b] {
        let text = text_of(dir.path(), &book).expect("reads");
        assert!(text.contains("山路を登りながら"), "{text}");
    }
}

#[test]
fn picture_pages_stand_as_placeholders_and_svg_pages_give_their_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 800"><rect width="600" height="800"/><text x="10" y="40">The crane folds</text><text x="10" y="80"><tspan>its wings</tspan> <tspan>at dusk.</tspan></text></svg>"#;
    let book = dir.path().join("mixed.epub");
    write_epub(
        &book,
        r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="cover" href="cover.jpg" media-type="image/jpeg"/>
<item id="p1" href="p1.svg" media-type="image/svg+xml"/>
<item id="c2" href="c2.xhtml" media-type="application/xhtml+xml"/>"#,
        r#"<itemref idref="cover"/><itemref idref="p1"/><itemref idref="c2"/>"#,
        &[
            ("nav.xhtml", xhtml(NAV)),
            ("cover.jpg", JPEG.to_vec()),
            ("p1.svg", svg.to_vec()),
            ("c2.xhtml", xhtml("<p>The second chapter is text.</p>")),
        ],
        None,
    );
    let text = text_of(dir.path(), &book).expect("reads");
    let picture = text.find("[Picture: cover.jpg]").expect("placeholder");
    let crane = text.find("The crane folds").expect("svg text");
    let wings = text.find("its wings at dusk.").expect("tspans joined");
    let chapter = text.find("The second chapter").expect("chapter");
    assert!(
        picture < crane && crane < wings && wings < chapter,
        "{text}"
    );
}

#[test]
fn a_book_of_pictures_only_or_with_its_chapters_missing_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pictures = dir.path().join("pictures-only.epub");
    write_epub(
        &pictures,
        r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="a" href="a.jpg" media-type="image/jpeg"/>
<item id="b" href="b.svg" media-type="image/svg+xml"/>"#,
        r#"<itemref idref="a"/><itemref idref="b"/>"#,
        &[
            ("nav.xhtml", xhtml(NAV)),
            ("a.jpg", JPEG.to_vec()),
            (
                "b.svg",
                br#"<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0L9 9"/></svg>"#.to_vec(),
            ),
        ],
        None,
    );
    let err = text_of(dir.path(), &pictures).expect_err("refused");
    assert!(err.contains("pictures-only.epub"), "{err}");
    assert!(err.contains("images only"), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let missing = dir.path().join("missing.epub");
    write_epub(
        &missing,
        r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>"#,
        r#"<itemref idref="c1"/>"#,
        &[],
        None,
    );
    let err = text_of(dir.path(), &missing).expect_err("refused");
    assert!(
        err.contains("missing.epub") && err.contains("missing from the archive"),
        "{err}"
    );
}

#[test]
fn an_image_page_in_the_spine_does_not_fail_the_book() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("pictures.epub");
    book_with_an_image_page(&file);
    let text = ok(&storyline(
        dir.path(),
        &["text", file.to_str().expect("path")],
    ));
    let first = text
        .find("described in words")
        .expect("the image page's fallback");
    let second = text
        .find("The second chapter is text.")
        .expect("the chapter");
    assert!(first < second, "{text}");
}
