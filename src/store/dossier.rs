//! Dossier files (`NAME.dossier.ron`): readable RON, deterministic,
//! versioned; written under the folder lock, atomically, with the previous
//! file kept as `.bak`. A damaged file is an error naming its line and
//! column and is left untouched; one from a newer Storyline is refused.

use std::path::{Component, Path, PathBuf};

use super::StoreError;
use super::saves::{DirLock, backup_path, keep_backup};
use crate::dossier::{DOSSIER_VERSION, Dossier};

/// The extension of dossier files.
pub const DOSSIER_SUFFIX: &str = ".dossier.ron";

/// Whether `path` names a dossier file.
#[must_use]
pub fn is_dossier_path(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(DOSSIER_SUFFIX))
}

/// Reads a dossier file.
pub fn read_dossier(path: &Path) -> Result<Dossier, StoreError> {
    let bytes = super::read_limited(path)?;
    let text = String::from_utf8(bytes).map_err(|e| StoreError::Parse {
        path: path.to_owned(),
        line: 1,
        col: 1,
        message: format!("not UTF-8 text ({e})"),
    })?;
    let mut dossier: Dossier = super::from_ron(&text, path)?;
    if dossier.version > DOSSIER_VERSION {
        return Err(StoreError::ReadOnly {
            path: path.to_owned(),
        });
    }
    // Anyone may have written it: within the invariants before use.
    let _repaired = dossier.repair();
    Ok(dossier)
}

/// Whether the dossier at `path` is not to be written here: its file or
/// its folder is marked read-only, or the system refuses to open it for
/// writing (a package's folder under `/usr/share`, a read-only mount).
/// Such a dossier is shown but never written to.
#[must_use]
pub fn is_read_only(path: &Path) -> bool {
    let marked = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.permissions().readonly());
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let refused = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .is_err_and(|e| {
            matches!(
                e.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            )
        });
    marked(path) || marked(folder) || refused
}

/// The first line of every dossier file Storyline writes: what the file
/// is, for a reader who opens it in an editor, and the magic the desktop's
/// file types match (`packaging/*.mime.xml`). Files without it read too.
pub const DOSSIER_HEADER: &str =
    "// Storyline dossier: one story's articles, lanes and events (RON)\n";

/// A dossier as the text of its file: the header line, then RON.
///
/// # Errors
/// As [`super::to_ron`].
pub fn dossier_ron(dossier: &Dossier, path: &Path) -> Result<String, StoreError> {
    Ok(format!("{DOSSIER_HEADER}{}", super::to_ron(dossier, path)?))
}

/// Writes `dossier` (normalised) to `path`: under the folder's lock, the
/// old file kept as `.bak`, then an atomic replace.
pub fn write_dossier(path: &Path, dossier: &Dossier) -> Result<(), StoreError> {
    save_dossier(path, None, dossier).map(|_| ())
}

/// Writes `ours` to `path`, merged with what another writer saved there
/// since `base` (the version `ours` was made from) — three-way, so neither
/// loses anything (`dossier::merge3`). Under the folder's lock; the old file
/// kept as `.bak`; atomic. Returns what is now in the file (the next base).
/// A file that became unreadable or newer meanwhile is left alone (error).
pub fn save_dossier(
    path: &Path,
    base: Option<&Dossier>,
    ours: &Dossier,
) -> Result<Dossier, StoreError> {
    let _lock = DirLock::for_file(path)?;
    let old = match std::fs::read(path) {
        Ok(old) => Some(old),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(StoreError::Io {
                action: "cannot read",
                path: path.to_owned(),
                source,
            });
        }
    };
    let mut d = match (&old, base) {
        (Some(bytes), Some(base)) => {
            let text = String::from_utf8_lossy(bytes);
            let theirs: Dossier = super::from_ron(&text, path)?;
            if theirs.version > DOSSIER_VERSION {
                return Err(StoreError::ReadOnly {
                    path: path.to_owned(),
                });
            }
            let mut base = base.clone();
            base.normalize();
            let mut theirs_n = theirs.clone();
            theirs_n.normalize();
            if theirs_n == base {
                ours.clone()
            } else {
                crate::dossier::merge3(&base, ours, &theirs)
            }
        }
        _ => ours.clone(),
    };
    d.version = DOSSIER_VERSION;
    d.normalize();
    let bytes = dossier_ron(&d, path)?.into_bytes();
    match old {
        Some(old) if old == bytes => return Ok(d),
        Some(old) => {
            keep_backup(path, &backup_path(path), &old)?;
            // Best effort: the `.bak` above is the guaranteed copy.
            let _ = super::versions::keep(path, &old);
        }
        None => {}
    }
    super::atomic_write(path, &bytes)?;
    Ok(d)
}

/// How the dossier at `dossier_file` stores the path of `article`: relative
/// to the dossier's folder (with `/`) when the article is under it, else
/// absolute.
#[must_use]
pub fn stored_path(dossier_file: &Path, article: &Path) -> String {
    let abs = |p: &Path| {
        std::fs::canonicalize(p)
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_owned())
    };
    let article = abs(article);
    let folder = abs(folder_of(dossier_file));
    match article.strip_prefix(&folder) {
        Ok(rel) => rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/"),
        Err(_) => article.display().to_string(),
    }
}

/// The file a stored article path names.
#[must_use]
pub fn article_file(dossier_file: &Path, stored: &str) -> PathBuf {
    let p = Path::new(stored);
    if p.is_absolute() {
        p.to_owned()
    } else {
        folder_of(dossier_file).join(p)
    }
}

/// Most files looked at when searching for a moved article.
const MOVED_SEARCH_LIMIT: usize = 5000;

/// Finds an article that moved: a file under the dossier's folder (at most
/// four levels down) whose text has `fingerprint`, other than `taken`.
/// Only files Storyline opens are read, each once.
#[must_use]
pub fn find_moved(dossier_file: &Path, fingerprint: &str, taken: &[PathBuf]) -> Option<PathBuf> {
    let mut stack = vec![(folder_of(dossier_file).to_owned(), 0)];
    let mut seen = 0;
    while let Some((dir, depth)) = stack.pop() {
        let Ok(read) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut entries: Vec<PathBuf> = read.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                if depth < 4 {
                    stack.push((path, depth + 1));
                }
                continue;
            }
            let article = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                crate::document::ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
            });
            if !article || taken.contains(&path) {
                continue;
            }
            seen += 1;
            if seen > MOVED_SEARCH_LIMIT {
                return None;
            }
            if crate::document::load_path(&path)
                .is_ok_and(|l| l.document.fingerprint() == fingerprint)
            {
                return Some(path);
            }
        }
    }
    None
}

/// The folder a file is in (`.` for a bare file name).
pub(crate) fn folder_of(file: &Path) -> &Path {
    file.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dossiers_round_trip_deterministically_with_a_backup() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("story.dossier.ron");
        let mut d = Dossier::new("Story");
        d.articles.push(crate::dossier::DossierArticle {
            path: "a.md".into(),
            fingerprint: "f".into(),
            title: "A".into(),
            source: None,
            published: Some(jiff::civil::date(2020, 1, 23)),
            highlights: 2,
            orphans: 0,
        });
        write_dossier(&path, &d).expect("write");
        let first = std::fs::read_to_string(&path).expect("read");
        assert!(first.contains("name: \"Story\""), "{first}");
        assert!(first.starts_with(DOSSIER_HEADER), "the file type's magic");
        assert_eq!(read_dossier(&path).expect("read"), d);
        // A file written before the header reads the same.
        let bare = dir.path().join("bare.dossier.ron");
        std::fs::write(&bare, first.trim_start_matches(DOSSIER_HEADER)).expect("write");
        assert_eq!(read_dossier(&bare).expect("read"), d);
        write_dossier(&path, &d).expect("again");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            first,
            "deterministic"
        );
        d.name = "Story 2".into();
        write_dossier(&path, &d).expect("changed");
        assert_eq!(
            std::fs::read_to_string(backup_path(&path)).expect("bak"),
            first
        );
    }

    #[test]
    fn damaged_and_newer_files_are_refused_and_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("bad.dossier.ron");
        std::fs::write(&path, "(version: 1, name: \"x\", articles: [oops])").expect("write");
        let err = read_dossier(&path).expect_err("damaged").to_string();
        assert!(
            err.contains("bad.dossier.ron") && err.contains("line 1"),
            "{err}"
        );
        std::fs::write(&path, "(version: 99, name: \"x\")").expect("write");
        let err = read_dossier(&path).expect_err("newer").to_string();
        assert!(err.contains("newer Storyline"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "(version: 99, name: \"x\")"
        );
    }

    #[test]
    fn article_paths_are_stored_relative_to_the_dossier() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("briefs")).expect("mkdir");
        let article = dir.path().join("briefs/a.md");
        std::fs::write(&article, "x").expect("write");
        let file = dir.path().join("s.dossier.ron");
        let stored = stored_path(&file, &article);
        assert_eq!(stored, "briefs/a.md");
        assert_eq!(
            std::fs::canonicalize(article_file(&file, &stored)).expect("c"),
            std::fs::canonicalize(&article).expect("c")
        );
        assert!(is_dossier_path(&file) && !is_dossier_path(&article));
    }
}
