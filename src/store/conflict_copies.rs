//! Conflict copies a synced folder leaves beside a file when two people
//! changed it at once — Syncthing's `NAME.sync-conflict-YYYYMMDD-HHMMSS-
//! DEVICE.ron`, Nextcloud / ownCloud's `NAME (conflicted copy YYYY-MM-DD
//! HHMMSS).ron`, Dropbox's `NAME (USER's conflicted copy YYYY-MM-DD).ron` —
//! found, merged into the file (nothing lost: what either side holds is
//! kept), and moved into `.storyline-merged/` beside it (never deleted).

use std::path::{Path, PathBuf};

use super::StoreError;

/// Where merged conflict copies are kept.
pub const MERGED_FOLDER: &str = ".storyline-merged";

/// The day (and time, when the name gives one) a conflict copy of `file`
/// named `candidate` was made, as "2026-12-05 14:03" or "2026-12-05";
/// `None` when `candidate` is not a conflict copy of `file`. Both are file
/// names ending in `.ron`.
#[must_use]
pub fn conflict_copy_made(file: &str, candidate: &str) -> Option<String> {
    let stem = file.strip_suffix(".ron")?;
    let rest = candidate.strip_suffix(".ron")?.strip_prefix(stem)?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    // Syncthing: ".sync-conflict-20261205-140312-ABCDEFG".
    if let Some(tail) = rest.strip_prefix(".sync-conflict-") {
        let mut parts = tail.splitn(3, '-');
        let (d, t, device) = (parts.next()?, parts.next()?, parts.next()?);
        if digits(d, 8) && digits(t, 6) && !device.is_empty() {
            return Some(format!(
                "{}-{}-{} {}:{}",
                &d[..4],
                &d[4..6],
                &d[6..],
                &t[..2],
                &t[2..4]
            ));
        }
        return None;
    }
    let inner = rest.strip_prefix(" (")?.strip_suffix(')')?;
    // Nextcloud / ownCloud: " (conflicted copy 2026-12-05 140312)".
    if let Some(tail) = inner.strip_prefix("conflicted copy ") {
        let (d, t) = tail.split_once(' ')?;
        if is_iso_day(d) && digits(t, 6) {
            return Some(format!("{d} {}:{}", &t[..2], &t[2..4]));
        }
        return None;
    }
    // Dropbox: " (Ana's conflicted copy 2026-12-05)".
    let (_, d) = inner.rsplit_once("'s conflicted copy ")?;
    is_iso_day(d).then(|| d.to_owned())
}

fn is_iso_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The conflict copies of `file` beside it, with when each was made,
/// sorted by name.
#[must_use]
pub fn conflict_copies(file: &Path) -> Vec<(PathBuf, String)> {
    let (Some(dir), Some(name)) = (file.parent(), file.file_name().and_then(|n| n.to_str())) else {
        return Vec::new();
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, String)> = entries
        .filter_map(Result::ok)
        // Plain files only: a link named like a copy is never followed.
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let candidate = e.file_name().to_str()?.to_owned();
            let made = conflict_copy_made(name, &candidate)?;
            Some((e.path(), made))
        })
        .collect();
    out.sort();
    out
}

/// How a file merges a conflict copy in: (ours, theirs, the copy's path)
/// → the merged text.
pub type MergeFn<'a> = dyn Fn(Option<&[u8]>, &[u8], &Path) -> Result<String, StoreError> + 'a;

/// Merges each conflict copy of `file` into it with `merge` (ours: the
/// file's text, or `None` when it is missing; theirs: the copy's) and moves
/// the copy into [`MERGED_FOLDER`]. A copy that cannot be read or merged
/// is left where it is (and named in the error). Returns when each merged
/// copy was made.
pub fn absorb(file: &Path, merge: &MergeFn<'_>) -> Result<Vec<String>, StoreError> {
    let mut merged = Vec::new();
    for (copy, made) in conflict_copies(file) {
        let theirs = super::read_limited(&copy)?;
        let ours = match super::read_limited(file) {
            Ok(b) => Some(b),
            Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                None
            }
            Err(e) => return Err(e),
        };
        let text = merge(ours.as_deref(), &theirs, &copy)?;
        super::atomic_write(file, text.as_bytes())?;
        let keep = copy
            .parent()
            .map_or_else(|| PathBuf::from(MERGED_FOLDER), |p| p.join(MERGED_FOLDER));
        std::fs::create_dir_all(&keep).map_err(|source| StoreError::Io {
            action: "cannot create",
            path: keep.clone(),
            source,
        })?;
        let to = keep.join(copy.file_name().unwrap_or_default());
        std::fs::rename(&copy, &to).map_err(|source| StoreError::Io {
            action: "cannot move",
            path: copy.clone(),
            source,
        })?;
        merged.push(made);
    }
    Ok(merged)
}

/// [`absorb`] for an article's save: a union of both sides, three-way
/// with nothing as the base (nothing either holds is lost).
pub fn absorb_save(file: &Path) -> Result<Vec<String>, StoreError> {
    absorb(file, &|ours, theirs, copy| {
        let t = super::saves::parse_save(theirs, copy)?;
        let merged = match ours {
            Some(o) => {
                let o = super::saves::parse_save(o, file)?;
                super::saves::merge_save(None, &o, &t)
            }
            None => t,
        };
        super::to_ron(&merged, file)
    })
}

/// [`absorb`] for a dossier.
pub fn absorb_dossier(file: &Path) -> Result<Vec<String>, StoreError> {
    absorb(file, &|ours, theirs, copy| {
        let read = |b: &[u8], p: &Path| -> Result<crate::dossier::Dossier, StoreError> {
            let text = String::from_utf8_lossy(b);
            super::from_ron(&text, p)
        };
        let t = read(theirs, copy)?;
        let mut merged = match ours {
            Some(o) => {
                let o = read(o, file)?;
                let base = crate::dossier::Dossier::new(&o.name);
                crate::dossier::merge3(&base, &o, &t)
            }
            None => t,
        };
        merged.normalize();
        super::to_ron(&merged, file)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_synced_folders_conflict_name_is_recognised() {
        let f = "story.dossier.ron";
        assert_eq!(
            conflict_copy_made(f, "story.dossier.sync-conflict-20261205-140312-ABCDEFG.ron")
                .as_deref(),
            Some("2026-12-05 14:03")
        );
        assert_eq!(
            conflict_copy_made(f, "story.dossier (conflicted copy 2026-12-05 140312).ron")
                .as_deref(),
            Some("2026-12-05 14:03")
        );
        assert_eq!(
            conflict_copy_made(
                f,
                "story.dossier (Ana Lima's conflicted copy 2026-12-05).ron"
            )
            .as_deref(),
            Some("2026-12-05")
        );
        for not in [
            "story.dossier.ron",
            "story.dossier.ron.bak",
            "story.dossier (1).ron",
            "story.dossier.sync-conflict-2026-140312-X.ron",
            "story.dossier (conflicted copy yesterday).ron",
            "other.dossier (conflicted copy 2026-12-05 140312).ron",
            "story.dossier (Ana's conflicted copy 2026-12-5).ron",
        ] {
            assert_eq!(conflict_copy_made(f, not), None, "{not}");
        }
    }
}
