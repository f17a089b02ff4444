//! CSV: one row per event, written with the csv crate (quoting, escaping).

use super::{ExportInput, evidence_of, kind_name, lanes_of, quote_of};
use crate::document::TextIndex;

/// Spreadsheets run cells that start with these as formulas; such cells get a
/// leading `'` (the OWASP advice), everything else is written as is.
pub(crate) fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

pub(super) fn csv(input: &ExportInput<'_>) -> String {
    let index = TextIndex::new(&input.doc.text);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let header = [
        "start",
        "end",
        "precision",
        "approximate",
        "edtf",
        "lanes",
        "title",
        "kind",
        "date_phrase",
        "evidence_quotes",
        "tags",
        "notes",
        "author",
        "edited_by",
    ];
    // Writing to a Vec cannot fail; a failure would only lose this row.
    let _ = w.write_record(header);
    for e in input.annotations.events() {
        let evidence = evidence_of(input, e);
        let quotes: Vec<String> = evidence.iter().map(|h| quote_of(&index, h)).collect();
        let mut tags: Vec<&str> = evidence
            .iter()
            .flat_map(|h| h.highlight.tags.iter().map(String::as_str))
            .collect();
        tags.sort_unstable();
        tags.dedup();
        let mut notes: Vec<&str> = Vec::new();
        if !e.note.is_empty() {
            notes.push(&e.note);
        }
        notes.extend(
            evidence
                .iter()
                .map(|h| h.highlight.note.as_str())
                .filter(|n| !n.is_empty()),
        );
        let lanes: Vec<&str> = lanes_of(input, e).iter().map(|l| l.name.as_str()).collect();
        let row = [
            e.when.start.to_string(),
            e.when.end.to_string(),
            e.when.precision.name().to_owned(),
            e.when.approximate.to_string(),
            e.when.edtf(),
            cell(&lanes.join("; ")),
            cell(&e.title),
            kind_name(e).to_owned(),
            cell(&e.when.phrase),
            cell(&quotes.join(" | ")),
            cell(&tags.join("; ")),
            cell(&notes.join(" | ")),
            cell(e.credit.author.as_deref().unwrap_or_default()),
            cell(e.credit.edited_by.as_deref().unwrap_or_default()),
        ];
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
