//! Git's merge driver for Storyline's RON files (`storyline merge-driver
//! %O %A %B %P`): an article's save or a dossier merged three-way with the
//! same rules as two writers on one machine (`store::saves::merge_save`,
//! `dossier::merge3`) — highlights, lanes, events, mentions, merges and
//! articles by id, nothing lost — and written over OURS. A file that does
//! not read as either is an error: git then reports an ordinary conflict
//! and nothing is overwritten.

use std::path::Path;

use super::saves::{SaveFile, merge_save, parse_save};
use super::{StoreError, from_ron, to_ron};
use crate::dossier::{DOSSIER_VERSION, Dossier, merge3};

/// Which kind of file was merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merged {
    /// An article's save.
    Save,
    /// A dossier.
    Dossier,
}

/// Merges `theirs` into `ours` over `base` (each a file's bytes; `base`
/// empty when the file is new on both sides); `name` is the file's path in
/// the repository (git's `%P`), which tells a dossier (`*.dossier.ron`).
/// Returns the merged file's text.
pub fn merge_files(
    name: &Path,
    (base, ours, theirs): (&[u8], &[u8], &[u8]),
) -> Result<(Merged, String), StoreError> {
    if super::dossier::is_dossier_path(name) {
        let read = |bytes: &[u8]| -> Result<Dossier, StoreError> {
            let text = std::str::from_utf8(bytes).map_err(|e| StoreError::Parse {
                path: name.to_owned(),
                line: 1,
                col: 1,
                message: e.to_string(),
            })?;
            let d: Dossier = from_ron(text, name)?;
            if d.version > DOSSIER_VERSION {
                return Err(StoreError::ReadOnly {
                    path: name.to_owned(),
                });
            }
            Ok(d)
        };
        let (o, t, b) = parse_three(&read, (ours, theirs, base));
        let (o, t) = (o?, t?);
        let b = match b {
            Some(b) => b?,
            None => Dossier::new(&o.name),
        };
        let mut merged = merge3(&b, &o, &t);
        merged.normalize();
        return Ok((Merged::Dossier, super::dossier::dossier_ron(&merged, name)?));
    }
    let read = |bytes: &[u8]| -> Result<SaveFile, StoreError> {
        let save = parse_save(bytes, name)?;
        if save.version > super::saves::SAVE_VERSION {
            return Err(StoreError::ReadOnly {
                path: name.to_owned(),
            });
        }
        Ok(save)
    };
    let (o, t, b) = parse_three(&read, (ours, theirs, base));
    let (o, t, b) = (o?, t?, b.transpose()?);
    let merged = merge_save(b.as_ref(), &o, &t);
    Ok((Merged::Save, to_ron(&merged, name)?))
}

/// One side read.
type Parsed<T> = Result<T, StoreError>;

/// Parses ours, theirs and the base (`None` when the base is empty: the
/// file is new on both sides) at once, one thread each: parsing is most of
/// a merge's time.
fn parse_three<T: Send>(
    read: &(dyn Fn(&[u8]) -> Parsed<T> + Sync),
    (ours, theirs, base): (&[u8], &[u8], &[u8]),
) -> (Parsed<T>, Parsed<T>, Option<Parsed<T>>) {
    std::thread::scope(|s| {
        let t = s.spawn(|| read(theirs));
        let b = (!base.iter().all(u8::is_ascii_whitespace)).then(|| s.spawn(|| read(base)));
        let o = read(ours);
        let join = |h: std::thread::ScopedJoinHandle<'_, Parsed<T>>| {
            h.join().unwrap_or_else(|_| {
                Err(StoreError::Serialise {
                    path: std::path::PathBuf::new(),
                    message: "a file could not be parsed".to_owned(),
                })
            })
        };
        (o, join(t), b.map(join))
    })
}
