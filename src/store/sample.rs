//! The bundled sample article (a January 23, 2020 news story on Huawei
//! and 5G) and its annotated save: found in the repository when run there,
//! else built into the binary and installed once into the data folder, so
//! a first run shows a living timeline. Never over a reader's own files.

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
    let candidates = [
        PathBuf::from("assets/articles").join(SAMPLE_NAME),
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/articles")
            .join(SAMPLE_NAME),
    ];
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
