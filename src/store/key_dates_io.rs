//! A dossier's articles read for key dates: every article's sentences and
//! the dates in them, read on all cores, for the command line and the
//! window alike. Articles that cannot be read come back as warnings.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::dossier::article_file;
use crate::dossier::key_dates::{KdArticle, sentences_of};
use crate::dossier::{Dossier, DossierArticle};

/// The articles of `d` (the dossier file `file`) published within
/// `from..=to` (either open), in library order; articles without a
/// publication date, or missing, are left out with a warning.
#[must_use]
pub fn read_corpus(
    file: &Path,
    d: &Dossier,
    from: Option<jiff::civil::Date>,
    to: Option<jiff::civil::Date>,
    warnings: &mut Vec<String>,
) -> Vec<KdArticle> {
    read_corpus_counted(file, d, (from, to), &AtomicUsize::new(0), warnings)
}

/// [`read_corpus`], counting the articles read in `read` as it goes (for a
/// progress bar).
#[must_use]
pub fn read_corpus_counted(
    file: &Path,
    d: &Dossier,
    (from, to): (Option<jiff::civil::Date>, Option<jiff::civil::Date>),
    read: &AtomicUsize,
    warnings: &mut Vec<String>,
) -> Vec<KdArticle> {
    let wanted: Vec<&DossierArticle> = d
        .articles
        .iter()
        .filter(|a| {
            a.published
                .is_none_or(|p| from.is_none_or(|f| p >= f) && to.is_none_or(|t| p <= t))
        })
        .collect();
    let threads = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let chunk = wanted.len().div_ceil(threads).max(1);
    let parts: Vec<Vec<Result<KdArticle, String>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = wanted
            .chunks(chunk)
            .map(|articles| {
                scope.spawn(move || {
                    articles
                        .iter()
                        .map(|a| {
                            let r = read_one(file, a);
                            read.fetch_add(1, Ordering::Relaxed);
                            r
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec![Err("a worker thread panicked".to_owned())])
            })
            .collect()
    });
    let mut out = Vec::new();
    for r in parts.into_iter().flatten() {
        match r {
            Ok(a) => out.push(a),
            Err(w) => warnings.push(w),
        }
    }
    out
}

fn read_one(file: &Path, a: &DossierArticle) -> Result<KdArticle, String> {
    let path = article_file(file, &a.path);
    let Some(published) = a.published else {
        return Err(format!(
            "{} has no publication date; its dates are not counted",
            path.display()
        ));
    };
    let doc = crate::document::load_path(&path)
        .map(|l| l.document)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(KdArticle {
        path: a.path.clone(),
        outlet: a.source.clone().unwrap_or_default(),
        published,
        title: a.title.clone(),
        sentences: sentences_of(&doc, published),
    })
}
