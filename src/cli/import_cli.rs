//! `storyline import`: annotations made elsewhere onto an article, through
//! the same model and store as the window.

use std::path::Path;

use anyhow::{Context as _, bail};

use super::load_article;
use crate::annotate::import::ImportFormat;
use crate::annotate::import_plan::{ImportSummary, plan};
use crate::store::annotation_file::read_annotations;
use crate::store::article::{now, save_file};

/// Imports the annotations in `file` onto `article` and reports what
/// happened. When none of their quotes is in the article, nothing is
/// written unless `keep_orphans`.
pub fn import(
    article: &Path,
    file: &Path,
    (saves, author): (Option<&Path>, Option<&str>),
    json: bool,
    keep_orphans: bool,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let parsed = read_annotations(file)?;
    let loaded = load_article(article)?;
    let doc = &loaded.document;
    let (mut handle, mut annotations, identity) =
        super::annotate_cli::open_for_writing(saves, article, doc)?;
    let time = now();
    let planned = plan(&parsed, &doc.text, &annotations, time);
    let summary = &planned.summary;
    if summary.none_found() && !keep_orphans {
        bail!(
            "none of the {} annotations in {} quotes {}: they are probably for another document. \
             Nothing was imported and its annotations are unchanged \
             (--keep-orphans imports them anyway, as orphans to reattach by hand)",
            summary.orphaned,
            file.display(),
            article.display()
        );
    }
    if summary.changes() {
        annotations.apply(planned.command, crate::credit::Stamp::new(time, author))?;
        handle
            .write(&save_file(&identity, &annotations, doc))
            .context("the imported annotations were not saved")?;
    }
    if json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json_report(file, summary))?
        )?;
    } else {
        text_report(file, article, summary, out)?;
    }
    out.flush().context("cannot write to standard output")?;
    Ok(())
}

fn json_report(file: &Path, s: &ImportSummary) -> serde_json::Value {
    let added: Vec<serde_json::Value> = s
        .added
        .iter()
        .map(|a| {
            serde_json::json!({
                "id": a.id.0,
                "status": a.status.name(),
                "quote": a.quote,
                "start": a.range.map(|r| r.start.0),
                "end": a.range.map(|r| r.end.0),
            })
        })
        .collect();
    serde_json::json!({
        "file": file.display().to_string(),
        "format": match s.format {
            ImportFormat::W3c => "w3c",
            ImportFormat::Hypothesis => "hypothesis",
        },
        "anchored": s.anchored,
        "moved": s.moved,
        "fuzzy": s.fuzzy,
        "orphaned": s.orphaned,
        "duplicates": s.duplicates,
        "without_quote": s.without_quote,
        "other_documents": s.other_documents,
        "lanes": s.timeline.lanes,
        "events": s.timeline.events,
        "events_already_there": s.timeline.duplicates,
        "added": added,
    })
}

fn text_report(
    file: &Path,
    article: &Path,
    s: &ImportSummary,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    writeln!(
        out,
        "{} ({}) onto {}: {}",
        file.display(),
        s.format.label(),
        article.display(),
        s.counts()
    )?;
    let orphans: Vec<_> = s.added.iter().filter(|a| a.range.is_none()).collect();
    if !orphans.is_empty() {
        writeln!(
            out,
            "not found in the article, kept as orphans to reattach by hand:"
        )?;
        for a in orphans {
            let quote: String = a.quote.split_whitespace().collect::<Vec<_>>().join(" ");
            let short: String = quote.chars().take(70).collect();
            let more = if short.len() < quote.len() { "…" } else { "" };
            writeln!(out, "  {}  \"{short}{more}\"", a.id)?;
        }
    }
    Ok(())
}
