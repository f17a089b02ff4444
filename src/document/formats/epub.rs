//! EPUB (with rbook): the spine in reading order as one document, chapter
//! headings kept; title, creators, publisher and date from the package.
//! The zip listing is checked first: an archive that unpacks to more than
//! Storyline opens, or whose entries are encrypted (DRM, a password), is
//! refused with a message naming the file.
//!
//! Books from the wild, read as readers read them:
//! - entry names stored percent-encoded or in a legacy code page (Japanese
//!   zippers write `Shift_JIS`) are decoded first, so the manifest's hrefs
//!   find their files whatever the zipper did;
//! - a spine item that is a picture is read through its fallback chain to
//!   a text page when there is one, else it stands as a one-line
//!   placeholder; an SVG page gives its `<text>` in reading order;
//! - a book whose pages are all pictures is refused as "images only", and
//!   one whose chapters are missing from the archive says so.

use std::io::Cursor;
use std::path::Path;

use crate::document::builder::Builder;
use crate::document::load::LoadError;
use crate::document::{Document, Meta};

/// Most bytes an EPUB may unpack to.
const MAX_UNPACKED: u64 = 512 * 1024 * 1024;

/// Reads an EPUB file.
pub fn parse_epub(bytes: &[u8], path: &Path) -> Result<Document, LoadError> {
    let damaged = |why: String| LoadError::Damaged {
        path: path.to_owned(),
        why,
    };
    check_archive(bytes).map_err(damaged)?;
    let plain = with_plain_names(bytes).map_err(damaged)?;
    let bytes = plain.as_deref().unwrap_or(bytes);
    let epub = rbook::Epub::read(Cursor::new(bytes.to_vec())).map_err(|e| {
        let e = e.to_string();
        damaged(if e.contains("not found in archive") {
            // rbook names the file as `…@Value("/EPUB/xhtml/目次.xhtml")`.
            let name = e
                .split_once("Value(\"")
                .and_then(|(_, rest)| rest.split_once('"'))
                .map(|(name, _)| name.trim_start_matches('/'));
            match name {
                Some(name) => format!("its file {name} is missing from the archive"),
                None => "a file its package lists is missing from the archive".to_owned(),
            }
        } else {
            format!("not a readable EPUB: {e}")
        })
    })?;
    let md = epub.metadata();
    let mut meta = Meta {
        title: md
            .title()
            .map(|t| t.value().trim().to_owned())
            .unwrap_or_default(),
        ..Meta::default()
    };
    if meta.title.is_empty() {
        meta.title = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    let creators: Vec<String> = md
        .creators()
        .map(|c| c.value().trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    if !creators.is_empty() {
        meta.byline = Some(creators.join(", "));
    }
    meta.source = md
        .publishers()
        .map(|p| p.value().trim().to_owned())
        .find(|p| !p.is_empty());
    meta.published = md.published().and_then(|p| {
        let d = p.date();
        jiff::civil::Date::new(
            d.year(),
            i8::try_from(d.month()).ok()?,
            i8::try_from(d.day()).ok()?,
        )
        .ok()
    });
    // The spine in reading order. An item that is not a text document (an
    // image page, as fixed-layout and picture books have) is read through
    // its fallback chain when that leads to one (each document once); an
    // SVG page gives its text; a picture stands as a placeholder. The book
    // fails only when no chapter at all can be read.
    let mut chapters = Vec::new();
    let mut read = std::collections::BTreeSet::new();
    let mut first_error = None;
    let (mut pictures, mut texts) = (0usize, 0usize);
    let is_text = |t: &str| t.contains("html") || (t.contains("xml") && !t.contains("svg"));
    for entry in epub.spine() {
        let Some(item) = entry.manifest_entry() else {
            continue;
        };
        let text_item = is_text(item.media_type());
        let doc = if text_item {
            Some(item)
        } else {
            // A fallback already read (picture books often point every
            // page at the table of contents) is not read again: the page
            // stands as its picture.
            item.fallbacks()
                .find(|f| is_text(f.media_type()))
                .filter(|f| !read.contains(f.id()))
        };
        let Some(doc) = doc else {
            if !read.insert(item.id().to_owned()) {
                continue;
            }
            let svg_text = item
                .media_type()
                .contains("svg")
                .then(|| item.read_str().ok().map(|svg| svg_texts(&svg)))
                .flatten()
                .filter(|t| !t.is_empty());
            let html = if let Some(lines) = svg_text {
                texts += 1;
                lines.iter().fold(String::new(), |mut html, l| {
                    html.push_str("<p>");
                    html.push_str(&super::mail::escape(l));
                    html.push_str("</p>");
                    html
                })
            } else {
                pictures += 1;
                format!(
                    "<p><em>[{}]</em></p>",
                    picture_label(item.href().decode().as_ref())
                )
            };
            chapters.push((String::new(), html));
            continue;
        };
        if !read.insert(doc.id().to_owned()) {
            continue;
        }
        match doc.read_str() {
            Ok(text) => {
                texts += 1;
                chapters.push((String::new(), text));
            }
            Err(e) => {
                first_error.get_or_insert_with(|| e.to_string());
            }
        }
    }
    if texts == 0 {
        if let Some(e) = first_error {
            return Err(damaged(format!("a chapter cannot be read: {e}")));
        }
        if pictures > 0 {
            return Err(damaged(format!(
                "its {pictures} page{} are images only, with no text to read",
                if pictures == 1 { "" } else { "s" }
            )));
        }
    }
    let mut b = Builder::default();
    super::html::build_chapters(&meta, &chapters, &mut b);
    Ok(b.into_document(meta))
}

/// The placeholder line for a picture page: "Picture: cover.jpg".
fn picture_label(href: &str) -> String {
    let name = href.rsplit('/').next().unwrap_or(href);
    format!("Picture: {name}")
}

/// The text of an SVG page, one line per `<text>` element in document
/// order (its `<tspan>`s joined), blank ones left out.
fn svg_texts(svg: &str) -> Vec<String> {
    let dom = dom_query::Document::from(svg);
    dom.select("text")
        .nodes()
        .iter()
        .map(|t| t.text().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The archive again with every entry under its plain UTF-8 name, when
/// some entry's stored name is percent-encoded or in a legacy code page;
/// `None` when every name is already plain. Entries are copied as they
/// are (no recompression), in their order (`mimetype` stays first).
fn with_plain_names(bytes: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let damaged = |e: zip::result::ZipError| format!("its zip is damaged: {e}");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut names = Vec::with_capacity(zip.len());
    let mut any = false;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(damaged)?;
        let zipped = f
            .name()
            .map(std::borrow::Cow::into_owned)
            .unwrap_or_default();
        let plain = plain_name(f.name_raw(), &zipped);
        any |= zipped != plain;
        names.push(plain);
    }
    if !any {
        return Ok(None);
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut seen = std::collections::BTreeSet::new();
    for (i, name) in names.into_iter().enumerate() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let f = zip.by_index_raw(i).map_err(damaged)?;
        out.raw_copy_file_rename(f, name).map_err(damaged)?;
    }
    let out = out.finish().map_err(damaged)?;
    Ok(Some(out.into_inner()))
}

/// An entry's name as the manifest would write it decoded: UTF-8, else
/// `Shift_JIS` when that reads cleanly as Japanese, else as the zip reads it
/// (`zipped`: code page 437, the format's default); then percent-decoded.
fn plain_name(raw: &[u8], zipped: &str) -> String {
    let text = std::str::from_utf8(raw).map_or_else(
        |_| {
            let (sjis, _, bad) = encoding_rs::SHIFT_JIS.decode(raw);
            let japanese = sjis
                .chars()
                .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'));
            if !bad && japanese {
                sjis.into_owned()
            } else {
                zipped.to_owned()
            }
        },
        str::to_owned,
    );
    percent_encoding::percent_decode_str(&text)
        .decode_utf8()
        .map_or(text.clone(), std::borrow::Cow::into_owned)
}

/// Refuses archives (EPUB, DOCX) that unpack too large or hold encrypted
/// content.
pub(crate) fn check_archive(bytes: &[u8]) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not an EPUB (its zip cannot be read: {e})"))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let f = zip
            .by_index_raw(i)
            .map_err(|e| format!("its zip is damaged: {e}"))?;
        if f.encrypted() {
            return Err("it is password-protected".to_owned());
        }
        total = total.saturating_add(f.size());
    }
    if total > MAX_UNPACKED {
        return Err(format!(
            "it unpacks to {} MB, more than Storyline opens ({} MB)",
            total / 1_000_000,
            MAX_UNPACKED / 1_000_000
        ));
    }
    // DRM: encrypted content (font obfuscation alone is harmless).
    if let Ok(mut f) = zip.by_name("META-INF/encryption.xml") {
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut std::io::Read::take(&mut f, 4 << 20), &mut xml)
            .map_err(|e| format!("its encryption list cannot be read: {e}"))?;
        let fonts_only = xml.matches("EncryptedData").count() / 2
            <= xml.matches("http://www.idpf.org/2008/embedding").count()
                + xml.matches("http://ns.adobe.com/pdf/enc#RC").count();
        if xml.contains("EncryptedData") && !fonts_only {
            return Err("it is DRM-protected (encrypted); Storyline cannot read it".to_owned());
        }
    }
    Ok(())
}
