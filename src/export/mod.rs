//! Exports of the annotated timeline — an article's, and a dossier's
//! (`dossier/`) — behind one [`Format`]: Markdown, HTML, SVG, W3C Web
//! Annotation JSON, CSV, Readwise, Obsidian and `TimelineJS`. Each is a pure function of the document, its
//! annotations and timeline, and the publication date: the same input gives
//! the same bytes (no clocks, no absolute paths).

mod csv_out;
pub(crate) use csv_out::cell as csv_cell;
pub(crate) mod html;
pub(crate) mod json;
mod markdown;
mod obsidian;
pub(crate) use obsidian::text as obsidian_text;
pub mod dossier;
pub(crate) mod readwise;
pub(crate) mod svg;

use std::path::Path;

use jiff::civil::Date;

use crate::annotate::{Annotations, Entry};
use crate::document::{Document, TextIndex};
use crate::timeline::{Event, Lane};

/// What an export is made from.
#[derive(Clone, Copy)]
pub struct ExportInput<'a> {
    /// The article.
    pub doc: &'a Document,
    /// Its highlights, lanes and events.
    pub annotations: &'a Annotations,
    /// The publication date in force (the article's or the user's).
    pub published: Option<Date>,
}

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown with a side-by-side table.
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// The timeline picture.
    Svg,
    /// W3C Web Annotation collection (JSON-LD) plus the timeline.
    Json,
    /// One row per event.
    Csv,
    /// Readwise's CSV import: one row per highlight.
    Readwise,
    /// An Obsidian note: each highlight a quote block with its tags, note
    /// and id.
    Obsidian,
    /// `TimelineJS` (version 3) JSON: one slide per event.
    TimelineJs,
}

impl Format {
    /// Every format.
    pub const ALL: [Self; 8] = [
        Self::Html,
        Self::Markdown,
        Self::Svg,
        Self::Json,
        Self::Csv,
        Self::Readwise,
        Self::Obsidian,
        Self::TimelineJs,
    ];

    /// The name used on the command line (`md`, `html`, …).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Svg => "svg",
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Readwise => "readwise",
            Self::Obsidian => "obsidian",
            Self::TimelineJs => "timelinejs",
        }
    }

    /// What users call it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown",
            Self::Html => "HTML page",
            Self::Svg => "SVG picture",
            Self::Json => "W3C annotations (JSON-LD)",
            Self::Csv => "CSV table",
            Self::Readwise => "Readwise highlights (CSV)",
            Self::Obsidian => "Obsidian note (Markdown)",
            Self::TimelineJs => "TimelineJS (JSON)",
        }
    }

    /// The file extension (without the dot).
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Readwise => "csv",
            Self::Obsidian => "md",
            Self::TimelineJs => "json",
            other => other.name(),
        }
    }

    /// The file name an export of `stem` (an article's file stem, a
    /// dossier's name) is offered under.
    #[must_use]
    pub fn file_name(self, stem: &str) -> String {
        match self {
            Self::Readwise => format!("{stem}-readwise.csv"),
            // Never the article's own name (`stem.md` beside `stem.md`).
            Self::Obsidian => format!("{stem}-notes.md"),
            Self::TimelineJs => format!("{stem}-timelinejs.json"),
            other => format!("{stem}-timeline.{}", other.extension()),
        }
    }

    /// A path chosen for another format, made this one's: the format's own
    /// name when it was another format's default name (`x-readwise.csv` →
    /// `x-notes.md`), else its extension swapped (`out/rw.csv` → `out/rw.md`).
    #[must_use]
    pub fn path_for(self, path: &Path) -> std::path::PathBuf {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for f in Self::ALL {
            let probe = f.file_name("\u{0}");
            let suffix = probe.trim_start_matches('\u{0}');
            if let Some(stem) = name.strip_suffix(suffix)
                && !stem.is_empty()
            {
                return path.with_file_name(self.file_name(stem));
            }
        }
        if name.is_empty() {
            return path.to_owned();
        }
        path.with_extension(self.extension())
    }

    /// The format to write to `path`: `self`, unless the path's extension
    /// asks for another kind of file (`.html` typed while Markdown is
    /// chosen); `.csv` keeps Readwise, `.md` keeps Obsidian.
    #[must_use]
    pub fn for_path(self, path: &Path) -> Self {
        match Self::from_path(path) {
            Some(f) if f.extension() != self.extension() => f,
            _ => self,
        }
    }

    /// Parses a format name (`md`, `markdown`, `html`, `svg`, `json`, `csv`,
    /// `readwise`, `obsidian`, `timelinejs`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" => Some(Self::Html),
            "svg" => Some(Self::Svg),
            "json" | "jsonld" => Some(Self::Json),
            "csv" => Some(Self::Csv),
            "readwise" => Some(Self::Readwise),
            "obsidian" => Some(Self::Obsidian),
            "timelinejs" => Some(Self::TimelineJs),
            _ => None,
        }
    }

    /// The format a file name asks for by its extension.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        Self::from_name(&path.extension()?.to_string_lossy())
    }
}

/// Exports in `format`.
#[must_use]
pub fn export(format: Format, input: &ExportInput<'_>) -> String {
    match format {
        Format::Markdown => markdown::markdown(input),
        Format::Html => html::html(input),
        Format::Svg => svg::svg(input),
        Format::Json => json::json(input),
        Format::Csv => csv_out::csv(input),
        Format::Readwise => readwise::readwise(input),
        Format::Obsidian => obsidian::obsidian(input),
        Format::TimelineJs => timelinejs(input),
    }
}

/// The article's timeline as `TimelineJS` JSON: the dossier's exporter
/// over a dossier of this one article.
fn timelinejs(input: &ExportInput<'_>) -> String {
    let ann = input.annotations;
    let doc = input.doc;
    let mut d = crate::dossier::Dossier::new(&doc.meta.title);
    let index = TextIndex::new(&doc.text);
    let evidence = |id: &crate::annotate::HighlightId| {
        let e = ann.get(id)?;
        let range = e.range()?;
        Some((quote_of(&index, e), range.start.0))
    };
    crate::dossier::add_article(
        &mut d,
        &crate::dossier::ArticleImport {
            article: crate::dossier::DossierArticle {
                path: String::new(),
                fingerprint: String::new(),
                title: doc.meta.title.clone(),
                source: doc.meta.source.clone(),
                published: input.published,
                highlights: ann.entries().len(),
                orphans: ann.orphans().len(),
            },
            lanes: ann.lanes(),
            events: ann.events(),
            evidence: &evidence,
        },
    );
    dossier::timelinejs(&d)
}

/// The text a highlight covers now (its last known quote when orphaned),
/// on one line.
fn quote_of(index: &TextIndex<'_>, entry: &Entry) -> String {
    let text = match entry.range() {
        Some(r) => index.slice(r).to_owned(),
        None => entry.highlight.selector.quote.exact.clone(),
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lanes of an event, in lane order.
fn lanes_of<'a>(input: &ExportInput<'a>, event: &Event) -> Vec<&'a Lane> {
    input
        .annotations
        .lanes()
        .iter()
        .filter(|l| event.lanes.contains(&l.id))
        .collect()
}

/// The highlights an event rests on, in document order.
fn evidence_of<'a>(input: &ExportInput<'a>, event: &Event) -> Vec<&'a Entry> {
    input
        .annotations
        .entries()
        .iter()
        .filter(|e| event.evidence.contains(&e.highlight.id))
        .collect()
}

fn kind_name(event: &Event) -> &'static str {
    match event.kind {
        crate::timeline::EventKind::Reported => "reported",
        crate::timeline::EventKind::Expected => "expected",
    }
}

/// "January 23, 2020", or "unknown".
fn long_date(d: Option<Date>) -> String {
    d.map_or_else(
        || "unknown".to_owned(),
        |d| d.strftime("%B %-d, %Y").to_string(),
    )
}

/// The reader's own highlights (not the evidence accepted events rest on,
/// which the exports list under their events).
pub(crate) fn own_highlights(ann: &crate::annotate::Annotations) -> Vec<&crate::annotate::Entry> {
    ann.entries()
        .iter()
        .filter(|e| !e.highlight.evidence)
        .collect()
}

/// "19 highlights", with " · 3 passages of evidence" when there are any.
pub(crate) fn highlights_said(ann: &crate::annotate::Annotations) -> String {
    let own = own_highlights(ann).len();
    let evidence = ann.entries().len() - own;
    let mut s = crate::wording::count(own, "highlight", "highlights");
    if evidence > 0 {
        s.push_str(" · ");
        s.push_str(&crate::wording::count(
            evidence,
            "passage of evidence",
            "passages of evidence",
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_extension() {
        assert_eq!(Format::from_name("MD"), Some(Format::Markdown));
        assert_eq!(
            Format::from_path(Path::new("/x/t.HTML")),
            Some(Format::Html)
        );
        assert_eq!(Format::from_path(Path::new("t.jsonld")), Some(Format::Json));
        assert_eq!(Format::from_path(Path::new("t.pdf")), None);
        assert_eq!(Format::from_path(Path::new("t")), None);
        assert_eq!(Format::from_name("Readwise"), Some(Format::Readwise));
        // A Readwise export is a .csv, an Obsidian note a .md: the path's
        // extension keeps them, and only another kind of file changes them.
        assert_eq!(
            Format::Readwise.for_path(Path::new("h.csv")),
            Format::Readwise
        );
        assert_eq!(
            Format::Obsidian.for_path(Path::new("n.md")),
            Format::Obsidian
        );
        assert_eq!(Format::Obsidian.for_path(Path::new("n.html")), Format::Html);
        assert_eq!(Format::Csv.for_path(Path::new("n")), Format::Csv);
    }
}
