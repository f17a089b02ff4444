//! A dossier from someone else is untrusted input: the articles it lists
//! outside its own folder (an absolute path, a `..` that climbs out, a
//! symbolic link that leads out) are not read — neither their text nor
//! their highlights — until this user agrees, once per dossier and path.
//! The agreements live with the user (beside the window's state file),
//! never in the dossier, so a dossier cannot vouch for itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::dossier::{article_file, folder_of};
use super::{StoreError, atomic_write, from_ron, to_ron};
use crate::dossier::Dossier;

/// `path` with `.` and `..` worked out by name alone (no file system).
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The stored paths of `d`'s articles whose files are outside the folder
/// of `dossier_file`, by name or through a symbolic link. Sorted.
#[must_use]
pub fn outside_articles(dossier_file: &Path, d: &Dossier) -> Vec<String> {
    let folder = std::path::absolute(folder_of(dossier_file))
        .map_or_else(|_| folder_of(dossier_file).to_owned(), |f| lexical(&f));
    let real_folder = std::fs::canonicalize(&folder).unwrap_or_else(|_| folder.clone());
    let mut out: Vec<String> = d
        .articles
        .iter()
        .filter(|a| {
            let file = article_file(dossier_file, &a.path);
            let named = std::path::absolute(&file)
                .map(|f| lexical(&f))
                .unwrap_or(file.clone());
            if !named.starts_with(&folder) {
                return true;
            }
            // A link inside that leads out (the file, or a folder on the way).
            std::fs::canonicalize(&file).is_ok_and(|real| !real.starts_with(&real_folder))
        })
        .map(|a| a.path.clone())
        .collect();
    out.sort();
    out
}

/// The user's agreements: per dossier (its real path), the outside paths
/// they agreed to read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreements {
    /// Dossier file → stored paths agreed to.
    pub dossiers: BTreeMap<PathBuf, BTreeSet<String>>,
}

/// Where the agreements are kept: beside the state file `state` (the
/// window's, or the default one for the CLI).
#[must_use]
pub fn agreements_path(state: &Path) -> PathBuf {
    state.with_file_name("trusted-paths.ron")
}

fn key(dossier_file: &Path) -> PathBuf {
    std::fs::canonicalize(dossier_file)
        .or_else(|_| std::path::absolute(dossier_file))
        .unwrap_or_else(|_| dossier_file.to_owned())
}

impl Agreements {
    /// Reads them from `file` (none yet, or unreadable: none, nothing
    /// trusted).
    #[must_use]
    pub fn load(file: &Path) -> Self {
        std::fs::read_to_string(file)
            .ok()
            .and_then(|t| from_ron(&t, file).ok())
            .unwrap_or_default()
    }

    /// Records that the user agreed to read `paths` of `dossier_file`.
    pub fn agree(&mut self, dossier_file: &Path, paths: &[String]) {
        self.dossiers
            .entry(key(dossier_file))
            .or_default()
            .extend(paths.iter().cloned());
    }

    /// Writes them to `file` (merged with what is there: another window or
    /// the CLI may have agreed meanwhile).
    pub fn save(&self, file: &Path) -> Result<(), StoreError> {
        let mut all = Self::load(file);
        for (d, paths) in &self.dossiers {
            all.dossiers
                .entry(d.clone())
                .or_default()
                .extend(paths.iter().cloned());
        }
        atomic_write(file, to_ron(&all, file)?.as_bytes())
    }

    /// Whether the user agreed to read `stored` of `dossier_file`.
    #[must_use]
    pub fn allows(&self, dossier_file: &Path, stored: &str) -> bool {
        self.dossiers
            .get(&key(dossier_file))
            .is_some_and(|s| s.contains(stored))
    }

    /// The outside articles of `d` not agreed to. Sorted.
    #[must_use]
    pub fn blocked(&self, dossier_file: &Path, d: &Dossier) -> Vec<String> {
        outside_articles(dossier_file, d)
            .into_iter()
            .filter(|p| !self.allows(dossier_file, p))
            .collect()
    }
}

/// The articles of `added` (files this user just chose to add to the
/// dossier at `dossier_file`) that lie outside its folder, as stored: the
/// user's own choice is their agreement to read them. Sorted.
#[must_use]
pub fn chosen_outside(dossier_file: &Path, d: &Dossier, added: &[PathBuf]) -> Vec<String> {
    let named: BTreeSet<String> = added
        .iter()
        .map(|a| super::dossier::stored_path(dossier_file, a))
        .collect();
    outside_articles(dossier_file, d)
        .into_iter()
        .filter(|p| named.contains(p))
        .collect()
}

/// `d` as far as it may be read: without the articles in `blocked` (for
/// exports and reports; never written back).
#[must_use]
pub fn readable(d: &Dossier, blocked: &[String]) -> Dossier {
    let mut out = d.clone();
    out.articles.retain(|a| !blocked.contains(&a.path));
    out
}

/// "2 articles listed outside the dossier's folder are not read: /etc/x,
/// ../../y.md. …" — what to say of them.
#[must_use]
pub fn describe_blocked(dossier_file: &Path, blocked: &[String]) -> String {
    let shown: Vec<&str> = blocked.iter().take(5).map(String::as_str).collect();
    let more = blocked.len().saturating_sub(shown.len());
    format!(
        "{} of {} {} outside its folder and {} not read: {}{}",
        crate::wording::count(blocked.len(), "article", "articles"),
        dossier_file.display(),
        if blocked.len() == 1 { "is" } else { "are" },
        if blocked.len() == 1 { "is" } else { "are" },
        shown.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::DossierArticle;

    fn with(paths: &[&str]) -> Dossier {
        let mut d = Dossier::new("t");
        for p in paths {
            d.articles.push(DossierArticle {
                path: (*p).to_owned(),
                fingerprint: String::new(),
                title: String::new(),
                source: None,
                published: None,
                highlights: 0,
                orphans: 0,
            });
        }
        d
    }

    #[test]
    fn paths_that_leave_the_folder_by_name_or_link_are_outside() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("story");
        std::fs::create_dir_all(folder.join("a")).expect("mkdir");
        std::fs::write(dir.path().join("secret.md"), "x").expect("write");
        std::fs::write(folder.join("a/in.md"), "x").expect("write");
        let file = folder.join("story.dossier.ron");
        let mut paths = vec![
            "a/in.md",
            "a/../a/in.md",
            "../secret.md",
            "a/../../secret.md",
            "/etc/hostname",
        ];
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.md"), folder.join("link.md"))
                .expect("link");
            std::os::unix::fs::symlink(dir.path(), folder.join("up")).expect("link");
            paths.extend(["link.md", "up/secret.md"]);
        }
        let out = outside_articles(&file, &with(&paths));
        let mut expected = vec!["../secret.md", "/etc/hostname", "a/../../secret.md"];
        #[cfg(unix)]
        expected.extend(["link.md", "up/secret.md"]);
        expected.sort_unstable();
        assert_eq!(out, expected);
        // Inside by absolute path: fine.
        let abs = folder.join("a/in.md").display().to_string();
        assert!(outside_articles(&file, &with(&[&abs])).is_empty());
        let d = with(&paths);
        assert_eq!(readable(&d, &out).articles.len(), 2);
    }
}
