//! PDF → [`Document`]: the text layer read with `pdf_oxide` (each span with
//! its box, size and weight), put back into reading order by
//! `pdf_layout`; title and date from the first page, else from the
//! document's information dictionary.
//!
//! Why `pdf_oxide`: tried against `pdf-extract` (on lopdf) on the PDFs
//! Debian ships (`libtasn1.pdf`, pdfTeX, 36 pages; `shared-mime-info-spec.pdf`,
//! `DocBook`, 17 pages) and on pages Chromium printed (an article, the same in
//! two CSS columns, a 402-page report): both read all five, but only
//! `pdf_oxide` gives each span's box, font size and weight (what headings,
//! columns and running heads are found from; `pdf-extract` gives a string,
//! or characters with no font weight), it opens files encrypted with an
//! empty password, and it has no `unwrap`-on-input habit (`pdf-extract` has
//! ~100 panicking sites in its one file). `pdf-extract` builds faster (23 s
//! against 115 s, debug, 2 cores); `pdf_oxide` reads faster (0.34 s against
//! 0.56 s for 402 pages, one thread), and pages are read on every core.
//!
//! A panic inside the reader is contained and reported as damage.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use pdf_oxide::PdfDocument;
use pdf_oxide::extractors::SpanMergingConfig;
use pdf_oxide::layout::FontWeight;

use crate::document::builder::Builder;
use crate::document::load::LoadError;
use crate::document::pdf_layout::{Page, ParaKind, Run, paragraphs};
use crate::document::{BlockKind, Document, dates::parse_loose_date};

/// Most pages read from one PDF.
const MAX_PAGES: usize = 5_000;

/// What the document's information dictionary says.
#[derive(Default)]
struct Info {
    title: Option<String>,
    author: Option<String>,
    created: Option<jiff::civil::Date>,
}

/// Reads a PDF's text.
///
/// # Errors
/// [`LoadError::Damaged`] naming the file when it is not a PDF, is damaged,
/// is encrypted with a password, has more pages than Storyline reads, or
/// has no text layer (a scan).
pub fn parse_pdf(bytes: &[u8], path: &Path) -> Result<Document, LoadError> {
    parse_pdf_with_preview(bytes, path, &mut |_| {})
}

/// Pages read first for a preview of a long PDF.
pub const PREVIEW_PAGES: usize = 3;

/// A long PDF's first pages, shown while the rest is read.
#[derive(Debug)]
pub struct Preview {
    /// The first pages as a document (its offsets are not the whole
    /// file's: nothing is anchored to it).
    pub document: Document,
    /// How many pages it holds.
    pub pages: usize,
    /// How many the file has.
    pub of: usize,
}

/// Reads a PDF's text as [`parse_pdf`] does; a file of more than twice
/// [`PREVIEW_PAGES`] pages hands its first pages to `preview` before the
/// rest are read, so a reader shows text at once whatever the length.
///
/// # Errors
/// As [`parse_pdf`].
pub fn parse_pdf_with_preview(
    bytes: &[u8],
    path: &Path,
    preview: &mut dyn FnMut(Preview),
) -> Result<Document, LoadError> {
    let damaged = |why: String| LoadError::Damaged {
        path: path.to_owned(),
        why,
    };
    let read = crate::document::contain::contained(std::panic::AssertUnwindSafe(|| {
        let (doc, count) = open(bytes)?;
        let info = info(&doc);
        if count > PREVIEW_PAGES * 2 {
            let first = read_pages(&doc, PREVIEW_PAGES);
            if let Ok(document) = build(&first, &info, path) {
                preview(Preview {
                    document,
                    pages: PREVIEW_PAGES,
                    of: count,
                });
            }
        }
        Ok::<_, String>((read_pages(&doc, count), info))
    }));
    let (pages, info) = match read {
        Some(r) => r.map_err(damaged)?,
        None => {
            return Err(damaged(
                "the PDF reader failed on it (a damaged file?)".into(),
            ));
        }
    };
    build(&pages, &info, path)
}

/// The document `pages` make, with the file's information as fallback.
fn build(pages: &[Page], info: &Info, path: &Path) -> Result<Document, LoadError> {
    let paras = paragraphs(pages);
    if paras.iter().all(|p| p.text.trim().is_empty()) {
        let pages = match pages.len() {
            1 => "its page has".to_owned(),
            n => format!("its {n} pages have"),
        };
        return Err(LoadError::Damaged {
            path: path.to_owned(),
            why: format!("{pages} no text layer — a scan or images of text; run OCR on it first"),
        });
    }
    let fallback = info
        .title
        .clone()
        .filter(|t| meaningful_title(t))
        .or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let mut b = Builder::default();
    for para in &paras {
        match para.kind {
            ParaKind::Heading(level) => b.start_block(BlockKind::Heading { level }, 0, 0),
            ParaKind::Paragraph => b.start_block(BlockKind::Paragraph, 0, 0),
            ParaKind::Item => {
                b.start_block(BlockKind::Paragraph, 0, 1);
                b.set_marker("•".to_owned());
            }
        }
        b.text(&para.text);
        b.end_block();
    }
    let mut doc = b.into_detected_document(&fallback);
    if doc.meta.published.is_none() {
        doc.meta.published = info.created;
    }
    if doc.meta.byline.is_none() {
        doc.meta.byline = info.author.clone().filter(|a| !a.trim().is_empty());
    }
    Ok(doc)
}

/// A title worth showing: not empty, not a file name or a word processor's
/// placeholder.
fn meaningful_title(title: &str) -> bool {
    let t = title.trim().to_lowercase();
    !t.is_empty()
        && t != "untitled"
        && !t.starts_with("microsoft word - ")
        && ![
            ".doc", ".docx", ".pdf", ".html", ".htm", ".txt", ".tex", ".dvi",
        ]
        .iter()
        .any(|ext| t.ends_with(ext))
}

/// The PDF opened (with an empty password when it has one) and its page
/// count.
fn open(bytes: &[u8]) -> Result<(PdfDocument, usize), String> {
    let doc =
        PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| format!("not a readable PDF ({e})"))?;
    if doc.is_encrypted() && !doc.authenticate(b"").unwrap_or(false) {
        return Err(
            "it is encrypted with a password; open it in a PDF viewer and save a copy without one"
                .into(),
        );
    }
    let count = doc
        .page_count()
        .map_err(|e| format!("its page tree is damaged ({e})"))?;
    if count > MAX_PAGES {
        return Err(format!(
            "it has {count} pages; Storyline reads PDFs of up to {MAX_PAGES}"
        ));
    }
    Ok((doc, count))
}

/// The runs of the first `count` pages, read on every core.
fn read_pages(doc: &PdfDocument, count: usize) -> Vec<Page> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 8)
        .min(count.max(1));
    let mut pages: Vec<Option<Page>> = vec![None; count];
    let next = AtomicUsize::new(0);
    let results: Vec<Vec<(usize, Page)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let p = next.fetch_add(1, Ordering::Relaxed);
                        if p >= count {
                            break;
                        }
                        // A reader's panic on one page leaves it empty,
                        // quietly (each worker contains its own).
                        let one = crate::document::contain::contained(
                            std::panic::AssertUnwindSafe(|| page(doc, p)),
                        );
                        done.push((p, one.unwrap_or_default()));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_default())
            .collect()
    });
    for (p, page) in results.into_iter().flatten() {
        if let Some(slot) = pages.get_mut(p) {
            *slot = Some(page);
        }
    }
    pages.into_iter().map(Option::unwrap_or_default).collect()
}

/// One page's runs; a page that cannot be read is empty (the others are
/// still worth reading).
fn page(doc: &PdfDocument, p: usize) -> Page {
    let (width, height) = doc
        .get_page_media_box(p)
        .map_or((612.0, 792.0), |(x0, y0, x1, y1)| {
            ((x1 - x0).abs(), (y1 - y0).abs())
        });
    let spans: Vec<_> = doc
        // The spans as the page places them, without the reader's own
        // running-head pass (it reads every page once more before the
        // first: 0.45 s of 1.2 s on 402 pages; `pdf_layout` finds them).
        .extract_spans_with_config(p, SpanMergingConfig::default())
        .unwrap_or_default()
        .into_iter()
        .filter(|s| {
            s.font_size != 0.0
                && s.font_size.is_finite()
                && s.bbox.width.is_finite()
                && s.bbox.height.is_finite()
        })
        .collect();
    // Text drawn turned half a turn (a negative size: a page turned by its
    // `Rotate` and drawn upside down to match) reads right way up when the
    // page is turned back: its lines from the other end.
    let flipped = spans.iter().filter(|s| s.font_size < 0.0).count() * 2 > spans.len();
    let mut runs: Vec<Run> = spans
        .into_iter()
        .map(|s| {
            let (xa, xb) = (s.bbox.x, s.bbox.x + s.bbox.width);
            let (ya, yb) = (s.bbox.y, s.bbox.y + s.bbox.height);
            let (mut x0, mut x1, mut y0, mut y1) = (xa.min(xb), xa.max(xb), ya.min(yb), ya.max(yb));
            if flipped {
                (x0, x1, y0, y1) = (width - x1, width - x0, height - y1, height - y0);
            }
            Run {
                x0,
                x1,
                y0,
                y1,
                size: s.font_size.abs(),
                bold: matches!(
                    s.font_weight,
                    FontWeight::SemiBold
                        | FontWeight::Bold
                        | FontWeight::ExtraBold
                        | FontWeight::Black
                ),
                text: s.text,
            }
        })
        .collect();
    let annotations = annotation_runs(doc, p, &runs);
    runs.extend(annotations);
    Page { height, runs }
}

/// Text a page shows outside its content stream, as `pdftotext` reads
/// it: the values filled into its form's text and choice fields, and its
/// text-box (`FreeText`) annotations, each placed where the page draws it.
/// Hidden ones, and any already read from the page's own text (a
/// flattened form), are left out. Read from the page's own `/Annots`
/// (the reader's annotation list walks the page tree for every page,
/// which is quadratic on long files).
fn annotation_runs(doc: &PdfDocument, p: usize, page: &[Run]) -> Vec<Run> {
    use pdf_oxide::object::Object;
    let resolve = |o: &Object| match o.as_reference() {
        Some(r) => doc.load_object(r).ok(),
        None => Some(o.clone()),
    };
    let Some(annots) = doc.get_page(p).ok().and_then(|page| {
        page.as_dict()
            .and_then(|d| d.get("Annots"))
            .and_then(resolve)
    }) else {
        return Vec::new();
    };
    let Some(annots) = annots.as_array() else {
        return Vec::new();
    };
    let already: String = page
        .iter()
        .flat_map(|r| r.text.chars().filter(|c| c.is_alphanumeric()))
        .collect();
    let mut runs = Vec::new();
    for a in annots.iter().take(10_000).filter_map(resolve) {
        let Some(dict) = a.as_dict() else { continue };
        // A field's type and value may sit on its parent field.
        let parent = dict.get("Parent").and_then(resolve);
        let get = |key: &str| {
            dict.get(key)
                .and_then(resolve)
                .or_else(|| parent.as_ref()?.as_dict()?.get(key).and_then(resolve))
        };
        let hidden = dict
            .get("F")
            .and_then(Object::as_integer)
            .is_some_and(|f| f & 2 != 0);
        let string = |key: &str| get(key).and_then(|o| o.as_string().map(pdf_text_string));
        let text = match dict.get("Subtype").and_then(Object::as_name) {
            Some("FreeText") => string("Contents"),
            Some("Widget") => match get("FT").as_ref().and_then(Object::as_name) {
                Some("Tx" | "Ch") => string("V"),
                _ => None,
            },
            _ => None,
        };
        let rect: Option<Vec<f32>> = dict.get("Rect").and_then(resolve).and_then(|r| {
            #[allow(clippy::cast_possible_truncation)] // page coordinates are small
            r.as_array()?
                .iter()
                .map(|n| n.as_real().or_else(|| n.as_integer().map(|i| i as f64)))
                .map(|n| n.map(|n| n as f32))
                .collect()
        });
        let rect = rect.and_then(|r| <[f32; 4]>::try_from(r).ok());
        let (Some(text), Some([ax0, ay0, ax1, ay1])) = (text, rect) else {
            continue;
        };
        if hidden {
            continue;
        }
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let key: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
        if lines.is_empty() || key.is_empty() || already.contains(&key) {
            continue;
        }
        let (x0, x1, bottom, top) = (ax0.min(ax1), ax0.max(ax1), ay0.min(ay1), ay0.max(ay1));
        #[allow(clippy::cast_precision_loss)] // a handful of lines
        let step = ((top - bottom) / lines.len() as f32).clamp(6.0, 14.0);
        for (i, line) in lines.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let y1 = top - step * i as f32;
            runs.push(Run {
                x0,
                x1,
                y0: y1 - step,
                y1,
                size: (step * 0.8).max(4.0),
                bold: false,
                text: (*line).to_owned(),
            });
        }
    }
    runs
}

/// A PDF text string: UTF-16 with its byte-order mark, UTF-8 with its
/// mark or without, else `PDFDocEncoding` (read as Latin-1, which it is
/// for letters).
fn pdf_text_string(bytes: &[u8]) -> String {
    let utf16 = |le: bool, b: &[u8]| {
        let units: Vec<u16> = b
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    match bytes {
        [0xFE, 0xFF, rest @ ..] => utf16(false, rest),
        [0xFF, 0xFE, rest @ ..] => utf16(true, rest),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => std::str::from_utf8(bytes).map_or_else(
            |_| bytes.iter().map(|&b| char::from(b)).collect(),
            str::to_owned,
        ),
    }
}

/// Title, author and creation date from the trailer's `/Info`.
fn info(doc: &PdfDocument) -> Info {
    let Some(dict) = doc.trailer().as_dict() else {
        return Info::default();
    };
    let object = match dict.get("Info") {
        Some(o) => match o.as_reference() {
            Some(r) => doc.load_object(r).ok(),
            None => Some(o.clone()),
        },
        None => None,
    };
    let Some(object) = object else {
        return Info::default();
    };
    let info = pdf_oxide::editor::DocumentInfo::from_object(&object);
    let clean = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    Info {
        title: clean(info.title),
        author: clean(info.author),
        created: info.creation_date.as_deref().and_then(pdf_date),
    }
}

/// A PDF date (`D:20200123094500+01'00'`) as a civil date.
fn pdf_date(s: &str) -> Option<jiff::civil::Date> {
    let digits = s.trim().trim_start_matches("D:");
    let num = |r: std::ops::Range<usize>| digits.get(r)?.parse::<i16>().ok();
    let (y, m, d) = (num(0..4)?, num(4..6).unwrap_or(1), num(6..8).unwrap_or(1));
    jiff::civil::Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?)
        .ok()
        .or_else(|| parse_loose_date(s).map(|(d, _)| d))
}

#[cfg(test)]
mod tests {
    #[test]
    fn pdf_dates_and_titles() {
        assert_eq!(
            super::pdf_date("D:20200123094500+01'00'"),
            Some(jiff::civil::date(2020, 1, 23))
        );
        assert_eq!(
            super::pdf_date("D:2021"),
            Some(jiff::civil::date(2021, 1, 1))
        );
        assert_eq!(super::pdf_date("garbage"), None);
        assert!(super::meaningful_title("Huawei and 5G"));
        assert!(!super::meaningful_title("Microsoft Word - draft3.docx"));
        assert!(!super::meaningful_title("report.pdf"));
        assert_eq!(super::pdf_text_string(b"\xFE\xFF\x00H\x00i"), "Hi");
        assert_eq!(super::pdf_text_string(b"\xFF\xFE\xE9\x00"), "é");
        assert_eq!(super::pdf_text_string(b"caf\xE9"), "café");
        assert_eq!(super::pdf_text_string("café".as_bytes()), "café");
    }
}
