//! Property tests: re-anchoring after random edits never marks the wrong
//! text; loaders, the save parser, date extraction and anchoring never panic
//! on arbitrary input.

use proptest::prelude::*;
use storyline::annotate::{
    AnchorStatus, Annotations, Highlight, HighlightColor, HighlightId, Selector,
};
use storyline::document::{CharRange, SourceFormat, TextIndex, parse_source};

/// Words of random letters, so unrelated passages do not look alike.
fn word() -> impl Strategy<Value = String> {
    "[a-z]{3,9}"
}

fn paragraphs() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(word(), 12..30), 3..9)
}

#[derive(Clone, Debug)]
enum Edit {
    Insert {
        para: usize,
        at: usize,
        words: Vec<String>,
    },
    Delete {
        para: usize,
        at: usize,
        len: usize,
    },
    Reword {
        para: usize,
        at: usize,
        word: String,
    },
    Move {
        from: usize,
        to: usize,
    },
    Join {
        para: usize,
    },
    Cut {
        para: usize,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (
            any::<usize>(),
            any::<usize>(),
            prop::collection::vec(word(), 1..5)
        )
            .prop_map(|(para, at, words)| Edit::Insert { para, at, words }),
        (any::<usize>(), any::<usize>(), 1usize..6).prop_map(|(para, at, len)| Edit::Delete {
            para,
            at,
            len
        }),
        (any::<usize>(), any::<usize>(), word()).prop_map(|(para, at, word)| Edit::Reword {
            para,
            at,
            word
        }),
        (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Edit::Move { from, to }),
        any::<usize>().prop_map(|para| Edit::Join { para }),
        any::<usize>().prop_map(|para| Edit::Cut { para }),
    ]
}

fn apply(paras: &mut Vec<Vec<String>>, e: &Edit) {
    if paras.len() < 2 {
        return;
    }
    let n = paras.len();
    match e {
        Edit::Insert { para, at, words } => {
            let p = &mut paras[para % n];
            let at = at % (p.len() + 1);
            for (i, w) in words.iter().enumerate() {
                p.insert(at + i, w.clone());
            }
        }
        Edit::Delete { para, at, len } => {
            let p = &mut paras[para % n];
            if p.len() > *len + 1 {
                let at = at % (p.len() - len);
                p.drain(at..at + len);
            }
        }
        Edit::Reword { para, at, word } => {
            let p = &mut paras[para % n];
            let at = at % p.len();
            p[at].clone_from(word);
        }
        Edit::Move { from, to } => {
            let p = paras.remove(from % n);
            paras.insert(to % n, p);
        }
        Edit::Join { para } => {
            let i = para % (n - 1);
            let next = paras.remove(i + 1);
            paras[i].extend(next);
        }
        Edit::Cut { para } => {
            paras.remove(para % n);
        }
    }
}

fn text_of(paras: &[Vec<String>]) -> String {
    paras
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn reanchoring_never_marks_the_wrong_text(
        paras in paragraphs(),
        picks in prop::collection::vec((any::<usize>(), any::<usize>(), 2usize..8), 1..6),
        edits in prop::collection::vec(edit(), 1..7),
    ) {
        let before = text_of(&paras);
        let index = TextIndex::new(&before);
        // Highlights of whole words.
        let mut highlights = Vec::new();
        for (k, (p, w, len)) in picks.iter().enumerate() {
            let para = &paras[p % paras.len()];
            let w = w % para.len();
            let len = (*len).min(para.len() - w);
            let phrase = para[w..w + len].join(" ");
            let para_start: usize = paras[..p % paras.len()].iter().map(|x| x.join(" ").chars().count() + 2).sum();
            let start = para_start + para[..w].iter().map(|x| x.chars().count() + 1).sum::<usize>();
            let range = CharRange::new(start, start + phrase.chars().count());
            prop_assert_eq!(index.slice(range), phrase.as_str());
            highlights.push(Highlight::new(
                HighlightId(format!("h-{k}")),
                Selector::from_range(&index, range),
                HighlightColor::Yellow,
                jiff::Timestamp::UNIX_EPOCH,
            ));
        }
        let mut edited = paras.clone();
        for e in &edits {
            apply(&mut edited, e);
        }
        let after = text_of(&edited);
        let after_index = TextIndex::new(&after);
        let ann = Annotations::new(highlights.clone(), &after);
        for entry in ann.entries() {
            let exact = &entry.highlight.selector.quote.exact;
            let occurrences = after.matches(exact.as_str()).count();
            match entry.anchor.status {
                AnchorStatus::Anchored | AnchorStatus::Moved => {
                    let r = entry.range().expect("anchored");
                    prop_assert_eq!(after_index.slice(r), exact.as_str(), "anchored to other text");
                }
                AnchorStatus::Fuzzy { score } => {
                    prop_assert!(score >= 0.6);
                    prop_assert_eq!(occurrences, 0, "an exact match existed");
                    // Its text is close to the quote, and shares a word with it.
                    let r = entry.range().expect("fuzzy");
                    let found = after_index.slice(r);
                    let distance = triple_accel::levenshtein::levenshtein_exp(exact.as_bytes(), found.as_bytes());
                    prop_assert!(distance as f32 <= exact.len() as f32 * 0.36, "fuzzy match {found:?} for {exact:?}");
                    prop_assert!(exact.split(' ').any(|w| found.split(' ').any(|f| f == w)), "fuzzy match {found:?} for {exact:?}");
                }
                AnchorStatus::Orphaned => {
                    prop_assert_eq!(occurrences, 0, "text {:?} survived but was orphaned", exact);
                }
            }
            // Text that survived intact is found.
            if occurrences > 0 {
                prop_assert!(matches!(entry.anchor.status, AnchorStatus::Anchored | AnchorStatus::Moved));
            }
            // Text of which no word survived is an orphan.
            if exact.split(' ').all(|w| !after.contains(w)) {
                prop_assert_eq!(entry.anchor.status, AnchorStatus::Orphaned);
            }
        }
    }

}

proptest! {
    // Readability extraction of deep HTML is the slow part: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn loaders_never_panic(input in ".{0,2000}", depth in 0usize..1200) {
        for format in [SourceFormat::Markdown, SourceFormat::Text, SourceFormat::Html] {
            let doc = parse_source(&input, format, "fuzz");
            prop_assert_eq!(doc.char_len, doc.text.chars().count());
        }
        let nested = format!("{}{input}{}", "<div><blockquote>".repeat(depth), "</blockquote></div>".repeat(depth));
        let _ = parse_source(&nested, SourceFormat::Html, "nested");
        let md = format!("{}{input}", "> - ".repeat(depth / 10));
        let _ = parse_source(&md, SourceFormat::Markdown, "nested");
    }

    /// EPUB: a real book cut short anywhere and with bytes changed never
    /// panics (an error or a document).
    #[test]
    fn the_epub_loader_never_panics(cut in any::<usize>(), flips in prop::collection::vec((any::<usize>(), any::<u8>()), 0..8)) {
        use rbook::epub::EpubChapter;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("book.epub");
        rbook::Epub::builder()
            .identifier("urn:x")
            .title("T")
            .language("en")
            .chapter(EpubChapter::new("One").href("c1.xhtml").xhtml_body("<h1>One</h1><p>Some text on Monday.</p>"))
            .write()
            .save(&path)
            .expect("write");
        let mut bytes = std::fs::read(&path).expect("read");
        for (at, b) in flips {
            let n = bytes.len();
            bytes[at % n] ^= b;
        }
        bytes.truncate(cut % (bytes.len() + 1));
        let _ = storyline::document::epub::parse_epub(&bytes, &path);
    }

    /// Word: random XML-ish bodies in a real zip, and random bytes, never
    /// panic.
    #[test]
    fn the_docx_loader_never_panics(body in ".{0,600}", tags in prop::collection::vec(0usize..8, 0..30), junk in prop::collection::vec(any::<u8>(), 0..300)) {
        use std::io::Write as _;
        let parts = ["<w:p>", "</w:p>", "<w:r>", "<w:t>", "</w:t>", "<w:pStyle w:val=\"Heading9\"/>", "<w:numPr><w:ilvl w:val=\"x\"/>", "&amp;"];
        let mut xml = String::from("<w:document><w:body>");
        for t in tags {
            xml.push_str(parts[t]);
            xml.push_str(&body);
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("x.docx");
        let mut z = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
        z.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).expect("entry");
        z.write_all(xml.as_bytes()).expect("write");
        z.finish().expect("finish");
        let bytes = std::fs::read(&path).expect("read");
        let _ = storyline::document::docx::parse_docx(&bytes, &path);
        let _ = storyline::document::docx::parse_docx(&junk, &path);
    }

    /// RTF: random control words, groups and text never panic the loader.
    #[test]
    fn the_rtf_loader_never_panics(pieces in prop::collection::vec(prop::sample::select(vec![
        "{", "}", "\\par ", "\\pard", "\\b ", "\\i0 ", "\\u8212?", "\\u-5?", "\\'97", "\\line", "text ", "\\*\\fonttbl", "\\bin5 ", "\\", "\\uc2", "\\fs24",
    ]), 0..60)) {
        let src = format!("{{\\rtf1\\ansi {}}}", pieces.concat());
        let _ = storyline::document::rtf::parse_rtf(&src, std::path::Path::new("fuzz.rtf"));
    }

    /// E-mail and saved pages: MIME built from random parts (headers,
    /// boundaries, encodings, cut anywhere) and random bytes never panic.
    #[test]
    fn mime_loaders_never_panic(
        body in ".{0,800}",
        junk in prop::collection::vec(any::<u8>(), 0..400),
        cut in any::<usize>(),
        qp in any::<bool>(),
        nested in 0usize..40,
    ) {
        use storyline::document::mail::{MimeKind, parse_mime};
        let enc = if qp { "quoted-printable" } else { "base64" };
        let mut msg = format!(
            "Subject: =?UTF-8?B?{body}?=\r\nDate: {body}\r\nFrom: {body}\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        );
        for _ in 0..nested {
            msg.push_str("--b\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n");
        }
        msg = format!("{msg}--b\r\nContent-Type: text/html; charset=koi8-r\r\nContent-Transfer-Encoding: {enc}\r\n\r\n<p>{body}</p>\r\n--b--\r\n");
        let mut bytes = msg.into_bytes();
        bytes.truncate(cut % (bytes.len() + 1));
        bytes.extend(&junk);
        for kind in [MimeKind::Email, MimeKind::WebArchive] {
            let _ = parse_mime(&bytes, std::path::Path::new("fuzz.eml"), kind);
            let _ = parse_mime(&junk, std::path::Path::new("fuzz.mhtml"), kind);
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_save_parser_never_panics(input in ".{0,3000}", cut in any::<usize>()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("x.ron");
        std::fs::write(&path, &input).expect("write");
        let _ = storyline::store::saves::read_save(&path);
        // A real save cut anywhere is an error, not a panic.
        let real = std::fs::read_to_string("saves/huawei-5g-2020-01-23.ron").expect("save");
        let mut at = cut % real.len();
        while !real.is_char_boundary(at) { at -= 1; }
        std::fs::write(&path, &real[..at]).expect("write");
        prop_assert!(storyline::store::saves::read_save(&path).is_err() || at == 0 || real[at..].trim().is_empty());
    }

    #[test]
    fn date_extraction_never_panics(words in prop::collection::vec(
        prop_oneof![
            Just("next".to_owned()), Just("last".to_owned()), Just("week".to_owned()), Just("May".to_owned()),
            Just("Jan.".to_owned()), Just("31".to_owned()), Just("2020".to_owned()), Just("on".to_owned()),
            Just("Monday".to_owned()), Just("in".to_owned()), Just("the".to_owned()), Just("coming".to_owned()),
            Just("months".to_owned()), Just("ago".to_owned()), Just("-".to_owned()), Just(".".to_owned()),
            Just("since".to_owned()), Just("early".to_owned()), Just("quarter".to_owned()), Just("third".to_owned()),
            "[A-Za-z0-9.,-]{1,8}",
        ], 0..60),
        y in 1i16..9999, m in 1i8..13, d in 1i8..29,
    ) {
        let text = words.join(" ");
        let anchor = jiff::civil::Date::new(y, m, d).expect("date");
        for p in storyline::timeline::extract_dates(&text, anchor) {
            prop_assert!(p.when.start <= p.when.end);
            prop_assert!(!p.phrase.is_empty());
        }
    }

    #[test]
    fn anchoring_never_panics(text in ".{0,500}", exact in ".{0,40}", prefix in ".{0,32}", start in 0usize..600, len in 0usize..60) {
        let index = TextIndex::new(&text);
        let mut sel = Selector::from_range(&index, CharRange::new(start.min(index.char_len()), (start + len).min(index.char_len())));
        sel.quote.exact = exact;
        sel.quote.prefix = prefix;
        let _ = storyline::annotate::anchor(&index, &sel);
    }
}

proptest! {
    // Every case reads a real PDF: few cases, bounded time.
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// PDF: a printed article cut short anywhere and with bytes changed
    /// gives a document or an error naming the file, never a panic out of
    /// the loader.
    #[test]
    fn the_pdf_loader_never_panics(cut in any::<usize>(), flips in prop::collection::vec((any::<usize>(), any::<u8>()), 0..16)) {
        let path = std::path::Path::new("tests/formats/printed.pdf");
        let mut bytes = std::fs::read(path).expect("read");
        for (at, b) in flips {
            let n = bytes.len();
            bytes[at % n] ^= b;
        }
        bytes.truncate(cut % (bytes.len() + 1));
        if let Err(e) = storyline::document::pdf::parse_pdf(&bytes, path) {
            prop_assert!(e.to_string().contains("printed.pdf"), "{e}");
        }
    }
}
