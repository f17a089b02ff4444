//! Files Storyline writes: atomic writes, and the small per-user state file
//! (recent articles, reading positions, theme, zoom).
//!
//! Annotation saves build on [`atomic_write`] in their own module.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::document::CharIdx;

pub mod annotation_file;
pub mod article;
pub mod author;
pub mod bundle;
pub mod conflict_copies;
pub mod dossier;
pub mod dossier_folder;
pub mod dossier_io;
pub mod key_dates_io;
pub mod layout;
pub mod merge_driver;
pub mod sample;
pub mod saves;
pub mod trust;
pub mod versions;
pub mod watch;

/// How many recent articles are remembered.
pub const MAX_RECENT: usize = 10;

/// A failure to read or write one of Storyline's own files.
#[derive(Debug, Error)]
pub enum StoreError {
    /// Reading or writing failed.
    #[error("{action} {}: {source}", .path.display())]
    Io {
        /// What was being done ("cannot write").
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The file is not valid RON of the expected shape.
    #[error("{} is damaged at line {line}, column {col}: {message}", .path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        col: usize,
        /// What is wrong.
        message: String,
    },
    /// The save comes from a newer Storyline and is only read, never written.
    #[error("{} was written by a newer Storyline; it is opened read-only and will not be changed", .path.display())]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// The file is far larger than any save or dossier Storyline writes
    /// (a hostile or mistaken file): not read.
    #[error("{} is {} MB, larger than any save or dossier ({} MB at most): not read", .path.display(), .size / 1_000_000, MAX_RON_BYTES / 1_000_000)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
    /// Serialising failed (a bug, not a user error).
    #[error("cannot serialise {}: {message}", .path.display())]
    Serialise {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// The largest save or dossier read, in bytes: ten times the largest one
/// measured (a 1,500-article dossier, a 10 000-highlight save are a few MB).
pub const MAX_RON_BYTES: u64 = 64 * 1_000_000;

/// A save's or dossier's bytes, refused past [`MAX_RON_BYTES`] without
/// reading the rest.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, StoreError> {
    use std::io::Read as _;
    let io = |source| StoreError::Io {
        action: "cannot read",
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_RON_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_RON_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            size,
        });
    }
    Ok(bytes)
}

/// Writes `bytes` to `path` atomically: a temp file in the same folder,
/// flushed to disk, then renamed over the target. Readers see the old file
/// or the new one, never a torn one.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let io = |action, source| StoreError::Io {
        action,
        path: path.to_owned(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| io("cannot create the folder for", e))?;
    // Keep an existing file's permissions; new files get the usual rw-r--r--
    // (tempfile's default is owner-only).
    let mut builder = tempfile::Builder::new();
    builder.prefix(".storyline-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(
        std::fs::metadata(path).map_or_else(|_| default_permissions(), |m| m.permissions()),
    );
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| io("cannot create a temporary file for", e))?;
    tmp.write_all(bytes).map_err(|e| io("cannot write", e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| io("cannot flush", e))?;
    tmp.persist(path)
        .map_err(|e| io("cannot replace", e.error))?;
    // Make the rename itself durable (a crash right after must not bring the
    // old file back). Not possible on every platform; best effort.
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::Permissions::from_mode(0o644)
}

/// Pretty RON with `\n` line endings, the same bytes for the same value.
pub fn to_ron<T: Serialize>(value: &T, path: &Path) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n".to_owned())
        .indentor("  ".to_owned())
        .struct_names(false);
    // Into one pre-sized buffer: saves run to megabytes.
    let mut out = String::with_capacity(1 << 16);
    let err = |e: ron::Error| StoreError::Serialise {
        path: path.to_owned(),
        message: e.to_string(),
    };
    let mut ser = ron::Serializer::new(&mut out, Some(config)).map_err(err)?;
    value.serialize(&mut ser).map_err(err)?;
    out.push('\n');
    Ok(out)
}

/// Parses RON, naming the file, line and column on error.
pub fn from_ron<T: for<'de> Deserialize<'de>>(text: &str, path: &Path) -> Result<T, StoreError> {
    if text.len() as u64 > MAX_RON_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            size: text.len() as u64,
        });
    }
    // RON's own limit on nesting (128 deep) refuses a deeply nested file
    // before it can exhaust the stack.
    ron::from_str(text).map_err(|e| StoreError::Parse {
        path: path.to_owned(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    })
}

/// The light/dark choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// How the reader marks text an event rests on (evidence), apart from
/// the reader's own coloured highlights.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvidenceStyle {
    /// A dotted underline.
    #[default]
    Underline,
    /// A bar in the margin beside its lines.
    Margin,
}

/// Per-article reader state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleState {
    /// The first char visible at the top of the reader when last read.
    pub position: CharIdx,
    /// The publication date the user set, when the article has none (ISO `YYYY-MM-DD`).
    pub published: Option<String>,
}

/// What the app remembers between runs.
///
/// Invariants: `recent` holds at most [`MAX_RECENT`] distinct paths, most recent first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// Recently opened articles, most recent first.
    pub recent: Vec<PathBuf>,
    /// Reader state per article, keyed by absolute path.
    pub articles: BTreeMap<PathBuf, ArticleState>,
    /// Light, dark or follow the system.
    pub theme: ThemeChoice,
    /// Reading text zoom (1.0 = 100 %).
    pub zoom: f32,
    /// The workspace's tiles (`None`: the default for the screen).
    pub layout: Option<layout::SavedLayout>,
    /// How evidence is marked in the reader.
    pub evidence: EvidenceStyle,
    /// The user's name as set in the window (recorded on their work).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            articles: BTreeMap::new(),
            theme: ThemeChoice::System,
            zoom: 1.0,
            layout: None,
            evidence: EvidenceStyle::Underline,
            author: None,
        }
    }
}

impl AppState {
    /// Puts `path` first in the recent list.
    pub fn touch_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }

    /// Reads the state file; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Self, StoreError> {
        match std::fs::read_to_string(path) {
            Ok(text) => from_ron(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(source) => Err(StoreError::Io {
                action: "cannot read",
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// Writes the state file atomically.
    pub fn save(&self, path: &Path) -> Result<(), StoreError> {
        atomic_write(path, to_ron(self, path)?.as_bytes())
    }
}

/// Where the state file lives: `$STORYLINE_STATE` if set, else the platform
/// config folder (e.g. `~/.config/storyline/state.ron`).
#[must_use]
pub fn default_state_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("STORYLINE_STATE") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "storyline").map(|d| d.config_dir().join("state.ron"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_and_is_deterministic() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/state.ron");
        let mut state = AppState::default();
        for i in 0..12 {
            state.touch_recent(Path::new(&format!("/a/{i}.md")));
        }
        state.touch_recent(Path::new("/a/3.md"));
        state.articles.insert(
            "/a/3.md".into(),
            ArticleState {
                position: CharIdx(42),
                published: Some("2020-01-23".into()),
            },
        );
        state.save(&path).expect("save");
        let first = std::fs::read(&path).expect("read");
        state.save(&path).expect("save again");
        assert_eq!(first, std::fs::read(&path).expect("read"));
        let back = AppState::load(&path).expect("load");
        assert_eq!(back, state);
        assert_eq!(back.recent.len(), MAX_RECENT);
        assert_eq!(back.recent[0], PathBuf::from("/a/3.md"));
    }

    #[test]
    fn damaged_state_names_file_and_position() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.ron");
        std::fs::write(&path, "(\n  recent: [\"a\",\n").expect("write");
        let err = AppState::load(&path).expect_err("damaged").to_string();
        assert!(err.contains("state.ron is damaged at line"), "{err}");
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f.ron");
        atomic_write(&path, b"one").expect("write");
        atomic_write(&path, b"two").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    }
}
