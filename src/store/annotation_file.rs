//! Reading a file of annotations made elsewhere (W3C Web Annotations, a
//! Hypothesis export) for import: bounded in size, and every failure names
//! the file.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::annotate::import::{ImportError, Parsed, parse};

/// Annotation files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: u64 = 100 * 1024 * 1024;

/// Why a file of annotations could not be read.
#[derive(Debug, Error)]
pub enum AnnotationFileError {
    /// It could not be opened or read.
    #[error("cannot read {}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// It is larger than [`MAX_IMPORT_BYTES`].
    #[error("{} is larger than 100 MB; annotation files that large are not read", .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
    },
    /// It is not UTF-8 text.
    #[error("{} is not a text file (not UTF-8), so not JSON annotations", .path.display())]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// It is text, but not annotations.
    #[error("{} cannot be imported: {source}", .path.display())]
    NotAnnotations {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        source: ImportError,
    },
}

/// Reads and parses the annotations in `path`.
///
/// # Errors
/// [`AnnotationFileError`], naming the file, when it cannot be read, is too
/// large, is not text or holds no annotations.
pub fn read_annotations(path: &Path) -> Result<Parsed, AnnotationFileError> {
    let io = |source| AnnotationFileError::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    if file.metadata().map_err(io)?.len() > MAX_IMPORT_BYTES {
        return Err(AnnotationFileError::TooLarge {
            path: path.to_owned(),
        });
    }
    // A file that grows while read, or a device, stops at the limit too.
    let mut bytes = Vec::new();
    file.take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(AnnotationFileError::TooLarge {
            path: path.to_owned(),
        });
    }
    let text = String::from_utf8(bytes).map_err(|_| AnnotationFileError::NotText {
        path: path.to_owned(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    parse(text).map_err(|source| AnnotationFileError::NotAnnotations {
        path: path.to_owned(),
        source,
    })
}
