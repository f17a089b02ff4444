//! A dossier's highlights for note-taking tools: one Readwise CSV over
//! every article, and an Obsidian index note with one note per article in
//! a folder beside it. Each article is read with its save; a missing one is
//! skipped with a warning.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::annotate::Annotations;
use crate::document::Document;
use crate::dossier::Dossier;
use crate::export::{ExportInput, Format, export};
use crate::store::article::open_annotations;
use crate::store::dossier::article_file;

/// An article of a dossier with its highlights.
pub(crate) struct LoadedArticle {
    /// Its path as the dossier stores it.
    pub stored: String,
    /// Its text.
    pub doc: Document,
    /// Its highlights, anchored.
    pub annotations: Annotations,
}

/// Every article of `d` (the dossier file `file`) that can be read, with
/// its highlights.
pub(crate) fn load_articles(
    file: &Path,
    d: &Dossier,
    saves_dir: &Path,
) -> anyhow::Result<Vec<LoadedArticle>> {
    let mut loaded = Vec::new();
    for a in &d.articles {
        let path = article_file(file, &a.path);
        let Ok(doc) = super::load_article(&path).map(|l| l.document) else {
            eprintln!(
                "storyline: warning: {} is missing; its highlights are not in the export",
                path.display()
            );
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
pub(crate) fn readwise(file: &Path, d: &Dossier, saves_dir: &Path) -> anyhow::Result<String> {
    let articles = load_articles(file, d, saves_dir)?;
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
pub(crate) fn notes_folder(index: &Path) -> PathBuf {
    index.with_extension("")
}

/// Writes one Obsidian note per article into [`notes_folder`] of `index`
/// and returns the index note's text (for the caller to write at `index`).
pub(crate) fn obsidian(
    file: &Path,
    d: &Dossier,
    saves_dir: &Path,
    index: &Path,
) -> anyhow::Result<String> {
    let articles = load_articles(file, d, saves_dir)?;
    let names = crate::dossier::notes::note_names(d);
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
        crate::store::atomic_write(&note, export(Format::Obsidian, &input).as_bytes())
            .with_context(|| format!("cannot write {}", note.display()))?;
    }
    Ok(crate::dossier::notes::obsidian_index(d, &names))
}
