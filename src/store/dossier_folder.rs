//! A dossier as one folder that carries everything: the dossier file, its
//! articles, and their saves in `saves/` beside it. An article inside such
//! a folder keeps its highlights there however it is opened
//! (`saves::dossier_saves_of`); adopting brings the saves an existing
//! dossier's articles have in the global saves folder into it — copied,
//! never moved, so the global copies stay.

use std::path::{Path, PathBuf};

use super::StoreError;
use super::dossier::article_file;
use super::saves::saves_in_only;
use crate::dossier::Dossier;

/// What adopting did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Adopted {
    /// The folder's saves folder.
    pub saves: PathBuf,
    /// Saves copied in.
    pub copied: usize,
    /// Articles whose save was already in the folder.
    pub already: usize,
    /// Articles with no save yet (nothing to copy).
    pub without: usize,
    /// Articles outside the folder (their saves stay where they are),
    /// as stored.
    pub outside: Vec<String>,
}

/// Makes the folder of `file` a dossier folder: creates `saves/` beside it
/// and copies into it the save each of `d`'s articles inside the folder has
/// in `global` (the saves folder used before). Never overwrites a save the
/// folder has; never deletes one.
pub fn adopt(file: &Path, d: &Dossier, global: &Path) -> Result<Adopted, StoreError> {
    let folder = std::path::absolute(file)
        .map_err(|source| StoreError::Io {
            action: "cannot resolve",
            path: file.to_owned(),
            source,
        })?
        .parent()
        .map(Path::to_owned)
        .unwrap_or_default();
    let saves = folder.join("saves");
    std::fs::create_dir_all(&saves).map_err(|source| StoreError::Io {
        action: "cannot create",
        path: saves.clone(),
        source,
    })?;
    let mut out = Adopted {
        saves: saves.clone(),
        ..Adopted::default()
    };
    let global_abs = std::path::absolute(global).unwrap_or_else(|_| global.to_owned());
    for a in &d.articles {
        let article = std::path::absolute(article_file(file, &a.path))
            .unwrap_or_else(|_| article_file(file, &a.path));
        if !article.starts_with(&folder) {
            out.outside.push(a.path.clone());
            continue;
        }
        if saves_in_only(&saves, &article, &a.fingerprint).is_some() {
            out.already += 1;
            continue;
        }
        if global_abs == saves {
            out.without += 1;
            continue;
        }
        let Some(from) = saves_in_only(global, &article, &a.fingerprint) else {
            out.without += 1;
            continue;
        };
        let Some(name) = from.file_name() else {
            continue;
        };
        let to = saves.join(name);
        if to.exists() {
            out.already += 1;
            continue;
        }
        std::fs::copy(&from, &to).map_err(|source| StoreError::Io {
            action: "cannot copy",
            path: from.clone(),
            source,
        })?;
        out.copied += 1;
    }
    out.outside.sort();
    Ok(out)
}

/// Whether the folder of dossier `file` carries its saves (`saves/` beside
/// it).
#[must_use]
pub fn is_dossier_folder(file: &Path) -> bool {
    file.parent()
        .map_or_else(|| Path::new("saves").is_dir(), |p| p.join("saves").is_dir())
}
