//! `storyline annotate` and `storyline list`: the same model and store as the window.

use std::path::Path;

use anyhow::{Context as _, bail};

use super::load_article;
use crate::annotate::{Command, Highlight, HighlightColor, Selector, find_quote};
use crate::document::TextIndex;
use crate::store::article::{new_highlight_id, now, open_annotations, save_file};
use crate::store::saves::saves_dir;

/// What `annotate` was asked to do.
pub struct Request<'a> {
    /// The passage as typed.
    pub quote: &'a str,
    /// Which match (1-based).
    pub occurrence: Option<usize>,
    /// Colour name.
    pub color: &'a str,
    /// Tags.
    pub tags: &'a [String],
    /// Note.
    pub note: &'a str,
}

/// Adds a highlight and returns its id, once it is safely on disk.
pub fn annotate(article: &Path, saves: Option<&Path>, req: &Request<'_>) -> anyhow::Result<String> {
    let color = HighlightColor::from_name(req.color).with_context(|| {
        format!(
            "unknown colour {:?}; use one of: {}",
            req.color,
            HighlightColor::ALL.map(HighlightColor::name).join(", ")
        )
    })?;
    let loaded = load_article(article)?;
    let doc = &loaded.document;
    let index = TextIndex::new(&doc.text);
    let matches = find_quote(&index, req.quote);
    let describe = |limit: usize| {
        matches
            .iter()
            .take(limit)
            .enumerate()
            .map(|(i, r)| {
                let before = index.before(r.start, 25).replace('\n', " ");
                let after = index.after(r.end, 25).replace('\n', " ");
                format!(
                    "  {}: chars {}..{}: …{before}[{}]{after}…",
                    i + 1,
                    r.start.0,
                    r.end.0,
                    index.slice(*r).replace('\n', " ")
                )
            })
            .chain(
                (matches.len() > limit).then(|| format!("  … and {} more", matches.len() - limit)),
            )
            .collect::<Vec<_>>()
            .join("\n")
    };
    let range = match (req.occurrence, matches.len()) {
        (_, 0) => bail!(
            "the quote {:?} is not in {} (whitespace is flexible, case is not)",
            req.quote,
            article.display()
        ),
        (Some(n), count) if n == 0 || n > count => bail!(
            "--occurrence {n} is out of range: the quote occurs {count} time(s) in {}:\n{}",
            article.display(),
            describe(20)
        ),
        (Some(n), _) => matches[n - 1],
        (None, 1) => matches[0],
        (None, count) => bail!(
            "the quote occurs {count} times in {}; choose one with --occurrence N:\n{}",
            article.display(),
            describe(20)
        ),
    };
    let dir = saves_dir(saves);
    let (mut handle, mut annotations, identity) = open_annotations(&dir, article, doc)?;
    if handle.read_only {
        bail!(
            "{} was written by a newer Storyline; not changing it",
            handle.path.display()
        );
    }
    let time = now();
    let id = new_highlight_id();
    let mut highlight =
        Highlight::new(id.clone(), Selector::from_range(&index, range), color, time);
    highlight.tags = req.tags.to_vec();
    req.note.clone_into(&mut highlight.note);
    annotations.apply(Command::Add(highlight), time)?;
    handle
        .write(&save_file(&identity, &annotations, doc))
        .context("the highlight was not saved")?;
    Ok(id.0)
}

/// Prints the highlights of `article`, re-anchored, in document order.
pub fn list(
    article: &Path,
    saves: Option<&Path>,
    json: bool,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let loaded = load_article(article)?;
    let doc = &loaded.document;
    let dir = saves_dir(saves);
    let (_, annotations, _) = open_annotations(&dir, article, doc)?;
    let index = TextIndex::new(&doc.text);
    let rows: Vec<serde_json::Value> = annotations
        .entries()
        .iter()
        .map(|e| {
            let h = &e.highlight;
            let (quote, start, end) = match e.range() {
                Some(r) => (index.slice(r).to_owned(), r.start.0, r.end.0),
                None => (
                    h.selector.quote.exact.clone(),
                    h.selector.position.start.0,
                    h.selector.position.end.0,
                ),
            };
            let mut row = serde_json::json!({
                "id": h.id.0,
                "quote": quote,
                "start": start,
                "end": end,
                "status": e.anchor.status.name(),
                "color": h.color.name(),
                "tags": h.tags,
                "note": h.note,
            });
            if let crate::annotate::AnchorStatus::Fuzzy { score } = e.anchor.status {
                row["score"] = serde_json::json!((f64::from(score) * 1000.0).round() / 1000.0);
            }
            row
        })
        .collect();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
    } else if rows.is_empty() {
        writeln!(out, "no highlights in {}", article.display())?;
    } else {
        for row in &rows {
            let quote: String = row["quote"].as_str().unwrap_or("").replace('\n', " ");
            let short: String = if quote.chars().count() > 70 {
                quote.chars().take(69).chain(['…']).collect()
            } else {
                quote
            };
            writeln!(
                out,
                "{} {:>6}..{:<6} {:<8} {:<6} {}",
                row["id"].as_str().unwrap_or(""),
                row["start"],
                row["end"],
                row["status"].as_str().unwrap_or(""),
                row["color"].as_str().unwrap_or(""),
                short
            )?;
            let tags: Vec<&str> = row["tags"]
                .as_array()
                .map(|a| a.iter().filter_map(|t| t.as_str()).collect())
                .unwrap_or_default();
            if !tags.is_empty() {
                writeln!(out, "    tags: {}", tags.join(", "))?;
            }
            if let Some(note) = row["note"].as_str().filter(|n| !n.is_empty()) {
                writeln!(out, "    note: {}", note.replace('\n', "\n          "))?;
            }
        }
    }
    out.flush().context("cannot write to standard output")?;
    Ok(())
}
