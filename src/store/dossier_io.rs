//! A dossier's articles read from disk with their saves, for what needs
//! them all (the W3C, Readwise and Obsidian exports) and for adding an
//! article: the same for the window and the command line. Problems that
//! do not stop the work (a missing article) come back as warnings for the
//! caller to show.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::article::open_annotations;
use super::dossier::{article_file, stored_path};
use crate::annotate::{Annotations, HighlightId};
use crate::document::Document;
use crate::dossier::{AddReport, ArticleImport, Dossier, DossierArticle, add_article};
use crate::export::{ExportInput, Format};

/// An article of a dossier with its highlights.
pub struct LoadedArticle {
    /// Its path as the dossier stores it.
    pub stored: String,
    /// Its text.
    pub doc: Document,
    /// Its highlights, anchored.
    pub annotations: Annotations,
}

/// Every article of `d` (the dossier file `file`) that can be read, with
/// its highlights.
pub fn load_articles(
    file: &Path,
    d: &Dossier,
    saves_dir: &Path,
    warnings: &mut Vec<String>,
) -> anyhow::Result<Vec<LoadedArticle>> {
    let mut loaded = Vec::new();
    for a in &d.articles {
        let path = article_file(file, &a.path);
        let Ok(doc) = crate::document::load_path(&path).map(|l| l.document) else {
            warnings.push(format!(
                "{} is missing; its highlights are not in the export",
                path.display()
            ));
            continue;
        };
        let (_, annotations, _) = open_annotations(saves_dir, &path, &doc)
            .with_context(|| format!("cannot read the highlights of {}", path.display()))?;
        loaded.push(LoadedArticle {
            stored: a.path.clone(),
            doc,
            annotations,
        });
    }
    Ok(loaded)
}

/// One Readwise CSV with the highlights of every article.
pub fn readwise(
    file: &Path,
    d: &Dossier,
    saves_dir: &Path,
    warnings: &mut Vec<String>,
) -> anyhow::Result<String> {
    let articles = load_articles(file, d, saves_dir, warnings)?;
    let mut w = crate::export::readwise::writer();
    let _ = w.write_record(crate::export::readwise::HEADER);
    for a in &articles {
        let input = ExportInput {
            doc: &a.doc,
            annotations: &a.annotations,
            published: a.doc.meta.published,
        };
        crate::export::readwise::rows(&input, &mut w);
    }
    Ok(crate::export::readwise::finish(w))
}

/// The folder an Obsidian index note's article notes go in: beside it,
/// named after it (`Huawei.md` → `Huawei/`).
#[must_use]
pub fn notes_folder(index: &Path) -> PathBuf {
    index.with_extension("")
}

/// Writes one Obsidian note per article into [`notes_folder`] of `index`
/// (notes already there only when `replace`) and returns the index note's
/// text (for the caller to write at `index`).
pub fn obsidian(
    file: &Path,
    d: &Dossier,
    saves_dir: &Path,
    index: &Path,
    replace: bool,
    warnings: &mut Vec<String>,
) -> anyhow::Result<String> {
    let articles = load_articles(file, d, saves_dir, warnings)?;
    let names = crate::export::dossier::notes::note_names(d);
    let folder = notes_folder(index);
    // The notes never replace an article of the dossier (an article saved
    // under its own title in that very folder).
    let canonical = |p: &Path| std::fs::canonicalize(p).ok();
    let sources: Vec<PathBuf> = d
        .articles
        .iter()
        .filter_map(|a| canonical(&article_file(file, &a.path)))
        .collect();
    for name in names.values() {
        let note = folder.join(format!("{name}.md"));
        if canonical(&note).is_some_and(|n| sources.contains(&n)) {
            anyhow::bail!(
                "not writing {}: it is an article of the dossier; choose another place for the index note",
                note.display()
            );
        }
    }
    if canonical(index).is_some_and(|n| sources.contains(&n)) {
        anyhow::bail!(
            "not writing {}: it is an article of the dossier",
            index.display()
        );
    }
    // Notes already there (the reader may have written in them) are
    // replaced only when the reader said so.
    if !replace {
        let there: Vec<String> = names
            .values()
            .filter(|name| folder.join(format!("{name}.md")).exists())
            .map(|name| format!("{name}.md"))
            .collect();
        if !there.is_empty() {
            anyhow::bail!(
                "{} in {} already exist{}: not replaced (add --force to replace them, or choose another place)",
                crate::wording::count(there.len(), "note", "notes"),
                folder.display(),
                if there.len() == 1 { "s" } else { "" }
            );
        }
    }
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("cannot create the folder {}", folder.display()))?;
    for a in &articles {
        let Some(name) = names.get(&a.stored) else {
            continue;
        };
        let input = ExportInput {
            doc: &a.doc,
            annotations: &a.annotations,
            published: a.doc.meta.published,
        };
        let note = folder.join(format!("{name}.md"));
        super::atomic_write(
            &note,
            crate::export::export(Format::Obsidian, &input).as_bytes(),
        )
        .with_context(|| format!("cannot write {}", note.display()))?;
    }
    let blocks: std::collections::BTreeSet<HighlightId> = articles
        .iter()
        .flat_map(|a| a.annotations.entries())
        .map(|e| e.highlight.id.clone())
        .collect();
    Ok(crate::export::dossier::notes::obsidian_index(
        d, &names, &blocks,
    ))
}

/// The W3C collection over every article's highlights (each read with
/// its save; a missing article is skipped with a warning on stderr).
pub fn json_export(
    file: &Path,
    d: &Dossier,
    saves_dir: &Path,
    warnings: &mut Vec<String>,
) -> anyhow::Result<String> {
    let loaded = load_articles(file, d, saves_dir, warnings)?;
    let articles: Vec<crate::export::dossier::publish::ArticleAnnotations<'_>> = loaded
        .iter()
        .map(|a| crate::export::dossier::publish::ArticleAnnotations {
            stored: &a.stored,
            doc: &a.doc,
            annotations: &a.annotations,
        })
        .collect();
    Ok(crate::export::dossier::publish::json(d, &articles))
}

/// Reads an article and its save and adds them to `d`.
pub fn import_from_disk(
    dossier_file: &Path,
    d: &mut Dossier,
    article: &Path,
    saves_dir: &Path,
) -> anyhow::Result<AddReport> {
    let doc = crate::document::load_path(article)?.document;
    let (handle, ann, _) = open_annotations(saves_dir, article, &doc)
        .with_context(|| format!("cannot read the highlights of {}", article.display()))?;
    let path = stored_path(dossier_file, article);
    // No save here: the dossier's own counts stay (absence is not deletion).
    let (highlights, orphans) = match d.article(&path) {
        Some(a) if !handle.has_base() => (a.highlights, a.orphans),
        _ => (ann.entries().len(), ann.orphans().len()),
    };
    let entry = DossierArticle {
        path,
        fingerprint: doc.fingerprint(),
        title: doc.meta.title.clone(),
        source: doc.meta.source.clone(),
        published: doc.meta.published,
        highlights,
        orphans,
    };
    let evidence = |id: &HighlightId| {
        let range = ann.get(id)?.range()?;
        Some((doc.slice(range)?.replace('\n', " "), range.start.0))
    };
    Ok(add_article(
        d,
        &ArticleImport {
            article: entry,
            lanes: ann.lanes(),
            events: ann.events(),
            evidence: &evidence,
        },
    ))
}

/// Exports the dossier at `file` in `format`: every format goes through
/// here, from the command line and from the window. The formats that list
/// highlights read each article's save from `saves_dir` (what cannot be
/// read becomes a warning); Obsidian also writes one note per article
/// beside `output` (its index note), replacing notes already there only
/// when `replace`.
///
/// # Errors
/// An Obsidian export without an output path, or articles or notes that
/// cannot be read or written.
pub fn export(
    format: crate::export::Format,
    file: &Path,
    d: &Dossier,
    saves_dir: &Path,
    output: Option<&Path>,
    replace: bool,
    warnings: &mut Vec<String>,
) -> anyhow::Result<String> {
    use crate::export::{Format, dossier};
    Ok(match format {
        Format::Markdown => dossier::markdown(d),
        Format::TimelineJs => dossier::timelinejs(d),
        Format::Html => dossier::html(d),
        Format::Svg => dossier::svg(d),
        Format::Csv => dossier::csv(d),
        Format::Json => json_export(file, d, saves_dir, warnings)?,
        Format::Readwise => readwise(file, d, saves_dir, warnings)?,
        Format::Obsidian => {
            let Some(index) = output else {
                anyhow::bail!(
                    "an Obsidian export writes one note per article beside the index note: give the index note's path"
                );
            };
            obsidian(file, d, saves_dir, index, replace, warnings)?
        }
    })
}
