//! The bundled sample article (a January 23, 2020 news story on Huawei
//! and 5G) and its annotated save: found in the repository when run there,
//! else built into the binary and installed once into the data folder, so
//! a first run shows a living timeline. The sample dossier (the article and
//! six briefs) is copied the first time it is asked for, from the
//! repository or from where a package installed it (`/usr/share/storyline`,
//! read-only), into the data folder, and opened from that copy. Never over
//! a reader's own files.

use std::path::{Path, PathBuf};

use crate::document::{LoadedDocument, SourceFormat, load_path, parse_source};

/// File name of the bundled sample article.
pub const SAMPLE_NAME: &str = "huawei-5g-2020-01-23.md";
/// The bundled sample, embedded so an installed binary can always show it.
const SAMPLE_TEXT: &str = include_str!("../../assets/articles/huawei-5g-2020-01-23.md");
/// Its annotated save (highlights, lanes, events), embedded likewise.
const SAMPLE_SAVE: &str = include_str!("../../saves/huawei-5g-2020-01-23.ron");
/// File name of the sample's save.
const SAMPLE_SAVE_NAME: &str = "huawei-5g-2020-01-23.ron";

/// The bundled sample: the file in `assets/articles/` when it is there (so
/// saves name it by its path), else the copy built into the binary.
#[must_use]
pub fn load_sample() -> (PathBuf, LoadedDocument) {
    // The repository's copy: where it is run from, and (a development
    // build) where it was built. A release build never looks back at its
    // build folder: installed, it uses its own copy in the data folder.
    let mut candidates = vec![PathBuf::from("assets/articles").join(SAMPLE_NAME)];
    if cfg!(debug_assertions) {
        candidates.push(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("assets/articles")
                .join(SAMPLE_NAME),
        );
    }
    for path in candidates {
        if let Ok(loaded) = load_path(&path) {
            return (path, loaded);
        }
    }
    let path = PathBuf::from(SAMPLE_NAME);
    let document = parse_source(SAMPLE_TEXT, SourceFormat::Markdown, "huawei-5g-2020-01-23");
    (
        path,
        LoadedDocument {
            document,
            format: crate::document::FileFormat::Markdown,
            warnings: Vec::new(),
        },
    )
}

/// The sample as the window opens it: from the repository when run there;
/// else installed once into the data folder with its annotated save, so an
/// installed binary shows its highlights and timeline too; else (no data
/// folder can be written) the embedded text alone.
#[must_use]
pub fn open_sample(saves_dir: &Path) -> (PathBuf, LoadedDocument) {
    let (path, loaded) = load_sample();
    if path.exists() {
        // Run from elsewhere than the repository, the saves folder is the
        // data folder's: give it the sample's save (if it has none yet).
        let _ = seed_sample_save(saves_dir);
        return (path, loaded);
    }
    let installed = directories::ProjectDirs::from("", "", "storyline")
        .and_then(|d| install_sample(d.data_dir(), saves_dir).ok())
        .and_then(|p| load_path(&p).ok().map(|l| (p, l)));
    installed.unwrap_or((path, loaded))
}

/// Writes the sample article to `data_dir/sample/` and its annotated save to
/// `saves_dir`, each only when it is not there yet (a reader's own changes
/// to either are never overwritten). Returns the article's path.
pub fn install_sample(data_dir: &Path, saves_dir: &Path) -> Result<PathBuf, super::StoreError> {
    let article = data_dir.join("sample").join(SAMPLE_NAME);
    if !article.exists() {
        create_dir(&data_dir.join("sample"))?;
        super::atomic_write(&article, SAMPLE_TEXT.as_bytes())?;
    }
    seed_sample_save(saves_dir)?;
    Ok(article)
}

/// Writes the sample's annotated save into `saves_dir` unless one is there
/// (a reader's own, even an emptied one, is never overwritten).
fn seed_sample_save(saves_dir: &Path) -> Result<(), super::StoreError> {
    let save = saves_dir.join(SAMPLE_SAVE_NAME);
    if save.exists() {
        return Ok(());
    }
    create_dir(saves_dir)?;
    super::atomic_write(&save, SAMPLE_SAVE.as_bytes())
}

/// Creates `dir` and its parents; the error names it.
fn create_dir(dir: &Path) -> Result<(), super::StoreError> {
    std::fs::create_dir_all(dir).map_err(|source| super::StoreError::Io {
        action: "cannot create the folder",
        path: dir.to_owned(),
        source,
    })
}

/// Where the sample dossier's folder may be: the repository's (run from
/// there), beside an installed binary (`<prefix>/share/storyline`), or
/// the system's.
fn sample_dossier_sources() -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("assets/dossiers/huawei-5g")];
    if let Some(prefix) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent()?.parent().map(Path::to_path_buf))
    {
        out.push(prefix.join("share/storyline/dossiers/huawei-5g"));
    }
    out.push(PathBuf::from("/usr/share/storyline/dossiers/huawei-5g"));
    out
}

/// File name of the sample dossier.
pub const SAMPLE_DOSSIER_NAME: &str = "huawei-5g.dossier.ron";

/// The user's copy of the sample dossier, made the first time from the
/// shipped one (see [`copy_sample_dossier`]) in the data folder.
///
/// # Errors
/// When there is no data folder, no shipped sample, or the copy fails.
pub fn sample_dossier_copy() -> Result<PathBuf, super::StoreError> {
    let data = directories::ProjectDirs::from("", "", "storyline")
        .map(|d| d.data_dir().to_owned())
        .ok_or_else(|| super::StoreError::Io {
            action: "cannot find the data folder for",
            path: PathBuf::from("the sample dossier"),
            source: std::io::Error::other("no home folder"),
        })?;
    let from = sample_dossier_sources()
        .into_iter()
        .find(|d| d.join(SAMPLE_DOSSIER_NAME).is_file())
        .ok_or_else(|| super::StoreError::Io {
            action: "cannot find",
            path: PathBuf::from("/usr/share/storyline/dossiers/huawei-5g"),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        })?;
    copy_sample_dossier(&from, &data.join("sample").join("huawei-5g"))
}

/// A working copy of the read-only dossier `file`: its folder (articles,
/// dossier file, `saves/`) copied into the data folder's `copies/`, under
/// the folder's name, the first time; afterwards the same copy. Returns
/// the copy's dossier file.
///
/// # Errors
/// When there is no data folder, or the copy fails (named).
pub fn working_copy(file: &Path) -> Result<PathBuf, super::StoreError> {
    let data = directories::ProjectDirs::from("", "", "storyline")
        .map(|d| d.data_dir().to_owned())
        .ok_or_else(|| super::StoreError::Io {
            action: "cannot find the data folder for a copy of",
            path: file.to_owned(),
            source: std::io::Error::other("no home folder"),
        })?;
    let from = file.parent().unwrap_or(Path::new("."));
    let name = from.file_name().map_or_else(
        || "dossier".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let to = data.join("copies").join(name);
    let file_name = file.file_name().map_or_else(
        || SAMPLE_DOSSIER_NAME.to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    copy_dossier_folder(from, &to)?;
    Ok(to.join(file_name))
}

/// Copies the dossier folder `from` (its articles, dossier file and
/// `saves/`) to `to`, file by file, each only when it is not there yet (a
/// reader's changes to the copy are never overwritten). Returns the copy's
/// dossier file.
///
/// # Errors
/// A folder or file that cannot be read or written, named.
pub fn copy_sample_dossier(from: &Path, to: &Path) -> Result<PathBuf, super::StoreError> {
    copy_dossier_folder(from, to)?;
    Ok(to.join(SAMPLE_DOSSIER_NAME))
}

/// Copies a dossier folder's files and its `saves/` from `from` to `to`,
/// each only when it is not there yet.
fn copy_dossier_folder(from: &Path, to: &Path) -> Result<(), super::StoreError> {
    for sub in ["", "saves"] {
        let (src, dst) = (from.join(sub), to.join(sub));
        let entries = match std::fs::read_dir(&src) {
            Ok(e) => e,
            Err(_) if !sub.is_empty() => continue,
            Err(source) => {
                return Err(super::StoreError::Io {
                    action: "cannot read the folder",
                    path: src,
                    source,
                });
            }
        };
        create_dir(&dst)?;
        for entry in entries.flatten() {
            let path = entry.path();
            let target = dst.join(entry.file_name());
            if !path.is_file() || target.exists() {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|source| super::StoreError::Io {
                action: "cannot read",
                path: path.clone(),
                source,
            })?;
            super::atomic_write(&target, &bytes)?;
            // A copy of a read-only file is the reader's to change.
            if let Ok(meta) = std::fs::metadata(&target) {
                let mut perms = meta.permissions();
                if perms.readonly() {
                    #[allow(clippy::permissions_set_readonly_false)] // the user's own copy
                    perms.set_readonly(false);
                    let _ = std::fs::set_permissions(&target, perms);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_dossier_is_copied_once_and_a_readers_changes_stay() {
        let dir = tempfile::tempdir().expect("tempdir");
        let to = dir.path().join("data/sample/huawei-5g");
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/dossiers/huawei-5g");
        let file = copy_sample_dossier(&from, &to).expect("copied");
        assert_eq!(file, to.join(SAMPLE_DOSSIER_NAME));
        assert!(to.join("huawei-5g-2020-01-23.md").is_file());
        assert!(to.join("saves/huawei-5g-2020-01-23.ron").is_file());
        let dossier = super::super::dossier::read_dossier(&file).expect("reads");
        assert_eq!(dossier.articles.len(), 7);
        // The reader's own change is kept when the copy is asked for again.
        std::fs::write(&file, "// changed by the reader\n").expect("write");
        copy_sample_dossier(&from, &to).expect("again");
        assert_eq!(
            std::fs::read_to_string(&file).expect("read"),
            "// changed by the reader\n"
        );
    }
}
