//! PDF → [`Document`]: the text layer read with `pdf_oxide` (each span with
//! its box, size and weight), put back into reading order by
//! [`super::pdf_layout`]; title and date from the first page, else from the
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
    let damaged = |why: String| LoadError::Damaged {
        path: path.to_owned(),
        why,
    };
    let read = crate::document::contain::contained(|| read_pages(bytes));
    let (pages, info) = match read {
        Some(r) => r.map_err(damaged)?,
        None => {
            return Err(damaged(
                "the PDF reader failed on it (a damaged file?)".into(),
            ));
        }
    };
    let paras = paragraphs(&pages);
    if paras.iter().all(|p| p.text.trim().is_empty()) {
        let pages = match pages.len() {
            1 => "its page has".to_owned(),
            n => format!("its {n} pages have"),
        };
        return Err(damaged(format!(
            "{pages} no text layer — a scan or images of text; run OCR on it first"
        )));
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
        doc.meta.byline = info.author.filter(|a| !a.trim().is_empty());
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

/// Every page's runs, read on every core, and the information dictionary.
fn read_pages(bytes: &[u8]) -> Result<(Vec<Page>, Info), String> {
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
    let info = info(&doc);
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
                        done.push((p, page(&doc, p)));
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
    Ok((
        pages.into_iter().map(Option::unwrap_or_default).collect(),
        info,
    ))
}

/// One page's runs; a page that cannot be read is empty (the others are
/// still worth reading).
fn page(doc: &PdfDocument, p: usize) -> Page {
    let height = doc
        .get_page_media_box(p)
        .map_or(792.0, |(_, y0, _, y1)| (y1 - y0).abs());
    let runs = doc
        // The spans as the page places them, without the reader's own
        // running-head pass (it reads every page once more before the
        // first: 0.45 s of 1.2 s on 402 pages; `pdf_layout` finds them).
        .extract_spans_with_config(p, SpanMergingConfig::default())
        .unwrap_or_default()
        .into_iter()
        .filter(|s| s.font_size > 0.0 && s.bbox.width.is_finite() && s.bbox.height.is_finite())
        .map(|s| Run {
            x0: s.bbox.x,
            x1: s.bbox.x + s.bbox.width.max(0.0),
            y0: s.bbox.y,
            y1: s.bbox.y + s.bbox.height.max(0.0),
            size: s.font_size,
            bold: matches!(
                s.font_weight,
                FontWeight::SemiBold | FontWeight::Bold | FontWeight::ExtraBold | FontWeight::Black
            ),
            text: s.text,
        })
        .collect();
    Page { height, runs }
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
    }
}
