//! Readwise's CSV import: one row per highlight with the columns Readwise
//! reads (Highlight, Title, Author, URL, Note, Location, Date). Tags go into
//! the note as Readwise's inline tags (`.uk .decision`), on its first line.

use super::{ExportInput, quote_of};
use crate::annotate::Entry;
use crate::document::TextIndex;

/// The header Readwise's bulk CSV import expects.
pub(crate) const HEADER: [&str; 7] = [
    "Highlight",
    "Title",
    "Author",
    "URL",
    "Note",
    "Location",
    "Date",
];

/// The article's highlights as Readwise CSV, header included.
pub(super) fn readwise(input: &ExportInput<'_>) -> String {
    let mut w = writer();
    let _ = w.write_record(HEADER);
    rows(input, &mut w);
    finish(w)
}

/// A CSV writer with Unix line ends, into memory.
pub(crate) fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new())
}

/// The written CSV as text.
pub(crate) fn finish(w: csv::Writer<Vec<u8>>) -> String {
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// One row per highlight of `input`, in reading order (orphans last).
pub(crate) fn rows(input: &ExportInput<'_>, w: &mut csv::Writer<Vec<u8>>) {
    let doc = input.doc;
    let index = TextIndex::new(&doc.text);
    let author = doc
        .meta
        .byline
        .as_deref()
        .or(doc.meta.source.as_deref())
        .unwrap_or("");
    let url = doc
        .meta
        .source
        .as_deref()
        .filter(|s| s.starts_with("https://") || s.starts_with("http://"))
        .unwrap_or("");
    for entry in input.annotations.entries() {
        let location = entry
            .range()
            .map_or(entry.highlight.selector.position.start.0, |r| r.start.0);
        let row = [
            super::csv_cell(&quote_of(&index, entry)),
            super::csv_cell(&doc.meta.title),
            super::csv_cell(author),
            url.to_owned(),
            super::csv_cell(&note(entry)),
            (location + 1).to_string(),
            entry
                .highlight
                .created
                .strftime("%Y-%m-%d %H:%M:%S")
                .to_string(),
        ];
        // Writing to a Vec cannot fail; a failure would only lose this row.
        let _ = w.write_record(&row);
    }
}

/// The note Readwise gets: inline tags (`.tag`) on the first line, then
/// the note.
fn note(entry: &Entry) -> String {
    let h = &entry.highlight;
    // Evidence is told apart by a tag of its own.
    let tags: Vec<String> = h
        .tags
        .iter()
        .map(|t| format!(".{t}"))
        .chain(h.evidence.then(|| ".evidence".to_owned()))
        .collect();
    match (tags.is_empty(), h.note.trim().is_empty()) {
        (true, _) => h.note.trim().to_owned(),
        (false, true) => tags.join(" "),
        (false, false) => format!("{}\n{}", tags.join(" "), h.note.trim()),
    }
}
