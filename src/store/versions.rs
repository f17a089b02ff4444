//! Earlier versions of a dossier or a save, so that a bad session can be
//! undone after the fact: before a file is replaced, what it held is kept
//! in a hidden folder beside it (`.storyline-versions/NAME/`), timestamped;
//! the newest [`KEEP`] are kept, older ones pruned. A version is taken at
//! the first write of each run of Storyline and then at most every
//! [`INTERVAL_SECS`], so a long session of small edits does not push out
//! what the file held before it began. The folder tells git to ignore it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::StoreError;

/// How many versions of each file are kept.
pub const KEEP: usize = 5;
/// The hidden folder, beside the file, that holds its versions.
pub const FOLDER: &str = ".storyline-versions";
/// At most one version per file in this many seconds (after the first of
/// each run).
pub const INTERVAL_SECS: i64 = 600;

/// One kept version of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// Where it is kept.
    pub path: PathBuf,
    /// When it was taken (to the millisecond).
    pub taken: jiff::Timestamp,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The folder that keeps the versions of `file`.
#[must_use]
pub fn versions_dir(file: &Path) -> PathBuf {
    let name = file.file_name().unwrap_or_default();
    file.with_file_name(FOLDER).join(name)
}

/// The versions of `file`, newest first: those kept in its folder and
/// the `.bak` of its last save.
#[must_use]
pub fn list(file: &Path) -> Vec<Version> {
    let mut out = in_folder(file);
    let bak = super::saves::backup_path(file);
    // A .bak holding what a kept version holds is not listed twice.
    let same_as_kept = |meta: &std::fs::Metadata| {
        out.iter().filter(|v| v.bytes == meta.len()).any(
            |v| matches!((std::fs::read(&v.path), std::fs::read(&bak)), (Ok(a), Ok(b)) if a == b),
        )
    };
    if let Ok(meta) = std::fs::metadata(&bak)
        && !same_as_kept(&meta)
        && let Some(taken) = meta
            .modified()
            .ok()
            .and_then(|t| jiff::Timestamp::try_from(t).ok())
    {
        out.push(Version {
            path: bak,
            taken,
            bytes: meta.len(),
        });
    }
    out.sort_by(|a, b| b.taken.cmp(&a.taken).then_with(|| b.path.cmp(&a.path)));
    out
}

/// The versions kept in `file`'s folder, newest first.
fn in_folder(file: &Path) -> Vec<Version> {
    let Ok(entries) = std::fs::read_dir(versions_dir(file)) else {
        return Vec::new();
    };
    let mut out: Vec<Version> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let path = e.path();
            let taken = parse_name(path.file_name()?.to_str()?)?;
            let bytes = e.metadata().ok()?.len();
            Some(Version { path, taken, bytes })
        })
        .collect();
    out.sort_by(|a, b| b.taken.cmp(&a.taken).then_with(|| b.path.cmp(&a.path)));
    out
}

/// Files this run of Storyline has already kept a version of.
static KEPT_THIS_RUN: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

/// Keeps `old` (what `file` holds now, about to be replaced) as a version
/// when one is due: the first time this run writes `file`, or when its
/// newest version is older than [`INTERVAL_SECS`]. Prunes to [`KEEP`].
pub fn keep(file: &Path, old: &[u8]) -> Result<(), StoreError> {
    let first = KEPT_THIS_RUN
        .lock()
        .map_or(true, |mut kept| kept.insert(file.to_owned()));
    let now = jiff::Timestamp::now();
    let due = first
        || in_folder(file)
            .first()
            .is_none_or(|v| (now.as_second() - v.taken.as_second()) >= INTERVAL_SECS);
    if due {
        keep_now(file, old, now)?;
    }
    Ok(())
}

/// Keeps `old` as a version of `file` now, whatever the interval, and
/// prunes to [`KEEP`].
pub fn keep_now(file: &Path, old: &[u8], now: jiff::Timestamp) -> Result<(), StoreError> {
    let dir = versions_dir(file);
    std::fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
        action: "cannot create",
        path: dir.clone(),
        source,
    })?;
    let ignore = dir.with_file_name(".gitignore");
    if !ignore.exists() {
        // Versions are this machine's: git leaves them out.
        let _ = super::atomic_write(&ignore, b"*\n");
    }
    // The same bytes as the newest version need no second copy.
    if let Some(newest) = in_folder(file).first()
        && std::fs::read(&newest.path).is_ok_and(|b| b == old)
    {
        return Ok(());
    }
    let mut path = dir.join(name_for(now));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("{}-{n}.ron", stem_for(now)));
    }
    super::atomic_write(&path, old)?;
    for v in in_folder(file).into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(v.path);
    }
    Ok(())
}

/// Puts `version` back as `file`: what `file` holds now is kept as a
/// version first (so a restore can itself be undone), then replaced
/// atomically. Returns the bytes restored.
pub fn restore(file: &Path, version: &Path) -> Result<Vec<u8>, StoreError> {
    let bytes = std::fs::read(version).map_err(|source| StoreError::Io {
        action: "cannot read",
        path: version.to_owned(),
        source,
    })?;
    let _lock = super::saves::DirLock::for_file(file)?;
    if let Ok(current) = std::fs::read(file)
        && current != bytes
    {
        keep_now(file, &current, jiff::Timestamp::now())?;
    }
    super::atomic_write(file, &bytes)?;
    Ok(bytes)
}

/// What a kept version holds, in a few words ("7 articles, 14 events, 19
/// mentions"; "19 highlights, 10 events"), or why it cannot be read.
#[must_use]
pub fn summary(path: &Path) -> String {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return "not written yet".to_owned(),
        Err(_) => return "unreadable".to_owned(),
    };
    let count = crate::wording::count;
    if let Ok(d) = super::from_ron::<crate::dossier::Dossier>(&text, path) {
        let mentions: usize = d.events.iter().map(|e| e.mentions.len()).sum();
        return format!(
            "{}, {}, {}",
            count(d.articles.len(), "article", "articles"),
            count(d.events.len(), "event", "events"),
            count(mentions, "mention", "mentions")
        );
    }
    match super::from_ron::<super::saves::SaveFile>(&text, path) {
        Ok(s) => format!(
            "{}, {}",
            count(s.highlights.len(), "highlight", "highlights"),
            count(s.events.len(), "event", "events")
        ),
        Err(_) => "damaged (does not parse)".to_owned(),
    }
}

/// How much a dossier or save holds, to compare versions by: a dossier's
/// mentions, a save's highlights and events. `None` when it does not parse.
#[must_use]
pub fn weight(text: &str, path: &Path) -> Option<usize> {
    if let Ok(d) = super::from_ron::<crate::dossier::Dossier>(text, path) {
        return Some(d.events.iter().map(|e| e.mentions.len()).sum());
    }
    super::from_ron::<super::saves::SaveFile>(text, path)
        .ok()
        .map(|s| s.highlights.len() + s.events.len())
}

/// Whether `file`, now holding `now` (its [`weight`]), lost more than half
/// of what its newest kept version held: a file to offer restoring.
#[must_use]
pub fn lost_half(file: &Path, now: usize) -> bool {
    let Some(newest) = list(file).into_iter().next() else {
        return false;
    };
    let Ok(text) = std::fs::read_to_string(&newest.path) else {
        return false;
    };
    weight(&text, &newest.path).is_some_and(|before| before >= 2 && now * 2 < before)
}

/// `20261205T101500.123Z`: sorts as it reads.
fn stem_for(t: jiff::Timestamp) -> String {
    let ms = t.as_millisecond().rem_euclid(1000);
    format!("{}.{ms:03}Z", t.strftime("%Y%m%dT%H%M%S"))
}

fn name_for(t: jiff::Timestamp) -> String {
    format!("{}.ron", stem_for(t))
}

/// The time in a version's file name (`…Z.ron` or `…Z-2.ron`).
fn parse_name(name: &str) -> Option<jiff::Timestamp> {
    let stem = name.strip_suffix(".ron")?;
    let stem = stem.split_once('-').map_or(stem, |(s, _)| s);
    let (secs, ms) = stem.strip_suffix('Z')?.split_once('.')?;
    let civil = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S", secs).ok()?;
    let t = civil
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .ok()?
        .timestamp();
    let ms: i64 = ms.parse().ok()?;
    t.checked_add(jiff::SignedDuration::from_millis(ms)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_their_times() {
        let t: jiff::Timestamp = "2026-12-05T10:15:00.123Z".parse().expect("time");
        assert_eq!(name_for(t), "20261205T101500.123Z.ron");
        assert_eq!(parse_name(&name_for(t)), Some(t));
        assert_eq!(parse_name("20261205T101500.123Z-2.ron"), Some(t));
        assert_eq!(parse_name("notes.txt"), None);
    }

    #[test]
    fn five_versions_are_kept_newest_first_and_a_restore_is_undoable() {
        let dir = tempfile::tempdir().expect("tmp");
        let file = dir.path().join("story.dossier.ron");
        std::fs::write(&file, "now").expect("write");
        let base: jiff::Timestamp = "2026-01-01T00:00:00Z".parse().expect("time");
        for i in 0..8 {
            let t = base + jiff::SignedDuration::from_secs(i * 60);
            keep_now(&file, format!("v{i}").as_bytes(), t).expect("keep");
        }
        let kept = list(&file);
        assert_eq!(kept.len(), KEEP);
        let read = |v: &Version| std::fs::read_to_string(&v.path).expect("read");
        assert_eq!(read(&kept[0]), "v7");
        assert_eq!(read(&kept[4]), "v3");
        // The same bytes twice: one version.
        keep_now(&file, b"v7", base + jiff::SignedDuration::from_secs(3600)).expect("keep");
        assert_eq!(list(&file).len(), KEEP);
        // Restore the oldest: the file holds it, and what it held is kept.
        restore(&file, &kept[4].path).expect("restore");
        assert_eq!(std::fs::read_to_string(&file).expect("file"), "v3");
        assert_eq!(read(&list(&file)[0]), "now");
        // git is told to leave the folder out.
        let ignore = dir.path().join(FOLDER).join(".gitignore");
        assert_eq!(std::fs::read_to_string(ignore).expect("ignore"), "*\n");
    }

    #[test]
    fn the_first_write_of_a_run_keeps_a_version_and_the_next_waits() {
        let dir = tempfile::tempdir().expect("tmp");
        let file = dir.path().join("a.ron");
        keep(&file, b"before the session").expect("keep");
        keep(&file, b"a minute in").expect("keep");
        let kept = list(&file);
        assert_eq!(kept.len(), 1);
        assert_eq!(
            std::fs::read(&kept[0].path).expect("read"),
            b"before the session"
        );
    }
}
