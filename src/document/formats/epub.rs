//! EPUB (with rbook): the spine in reading order as one document, chapter
//! headings kept; title, creators, publisher and date from the package.
//! The zip listing is checked first: an archive that unpacks to more than
//! Storyline opens, or whose entries are encrypted (DRM, a password), is
//! refused with a message naming the file.

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
    let epub = rbook::Epub::read(Cursor::new(bytes.to_vec()))
        .map_err(|e| damaged(format!("not a readable EPUB: {e}")))?;
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
    // its fallback chain when that leads to one (each document once), and
    // otherwise passed over, as readers do; the book fails only when no
    // chapter at all can be read.
    let mut chapters = Vec::new();
    let mut read = std::collections::BTreeSet::new();
    let mut first_error = None;
    let is_text = |t: &str| t.contains("html") || (t.contains("xml") && !t.contains("svg"));
    for entry in epub.spine() {
        let Some(item) = entry.manifest_entry() else {
            continue;
        };
        let doc = if is_text(item.media_type()) {
            Some(item)
        } else {
            item.fallbacks().find(|f| is_text(f.media_type()))
        };
        let Some(doc) = doc else {
            continue;
        };
        if !read.insert(doc.id().to_owned()) {
            continue;
        }
        match doc.read_str() {
            Ok(text) => chapters.push((String::new(), text)),
            Err(e) => {
                first_error.get_or_insert_with(|| e.to_string());
            }
        }
    }
    if chapters.is_empty()
        && let Some(e) = first_error
    {
        return Err(damaged(format!("a chapter cannot be read: {e}")));
    }
    let mut b = Builder::default();
    super::html::build_chapters(&meta, &chapters, &mut b);
    Ok(b.into_document(meta))
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
