//! Per-article annotation saves: one RON file per article in the saves folder.
//!
//! Finding the save: by file name (`huawei-5g-2020-01-23.ron`), checked against
//! the article's identity; else any save in the folder with the same text
//! fingerprint (the article was moved or renamed); else a new, unused name.
//! Writing: under a folder lock, re-read the file, three-way merge with what
//! another process wrote since, keep the old file as `.bak`, write atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{StoreError, atomic_write, from_ron, to_ron};
use crate::annotate::{
    Highlight, HighlightId, merge_events, merge_highlights, merge_keys, merge_lanes,
};
use crate::timeline::{Event, Lane};

/// The save format version this build writes.
pub const SAVE_VERSION: u32 = 2;
/// The lock file in the saves folder.
const LOCK_NAME: &str = ".storyline.lock";

/// Which article a save belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleIdentity {
    /// The article's path: relative to the saves folder's parent when inside
    /// it (so a repository's saves name its articles portably), else absolute.
    pub path: String,
    /// The article's title.
    pub title: String,
    /// Its publication date (ISO `YYYY-MM-DD`), if known.
    pub published: Option<String>,
    /// Fingerprint of the plain text the highlights were anchored to.
    pub fingerprint: String,
}

/// The content of one save file.
///
/// Invariants: `highlights` sorted by position then id, `lanes` by order
/// then id, `events` by date then id, `dismissed` sorted; ids unique.
/// Version 1 files (highlights only) read as version 2 with no timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveFile {
    /// Format version ([`SAVE_VERSION`] when written by this build).
    pub version: u32,
    /// Which article.
    pub article: ArticleIdentity,
    /// The highlights, sorted by position.
    #[serde(default)]
    pub highlights: Vec<Highlight>,
    /// The timeline's lanes.
    #[serde(default)]
    pub lanes: Vec<Lane>,
    /// The timeline's events.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Keys of suggested events the user dismissed.
    #[serde(default)]
    pub dismissed: Vec<String>,
    /// Highlights deleted, with when, sorted by id: a merge with a copy
    /// made before the delete (a synced folder's conflict copy) does not
    /// bring them back, unless that copy changed them after.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<(HighlightId, jiff::Timestamp)>,
}

impl SaveFile {
    /// An empty save for an article.
    #[must_use]
    pub fn new(article: ArticleIdentity) -> Self {
        Self {
            version: SAVE_VERSION,
            article,
            highlights: Vec::new(),
            lanes: Vec::new(),
            events: Vec::new(),
            dismissed: Vec::new(),
            removed: Vec::new(),
        }
    }
}

/// Three-way merge of two saves that started from `base` (`None`: from
/// nothing). The identity is ours.
#[must_use]
pub fn merge_save(base: Option<&SaveFile>, ours: &SaveFile, theirs: &SaveFile) -> SaveFile {
    let empty = SaveFile::new(ours.article.clone());
    let base = base.unwrap_or(&empty);
    // Tombstones from both sides (the later time for an id).
    let mut removed: std::collections::BTreeMap<HighlightId, jiff::Timestamp> =
        std::collections::BTreeMap::new();
    for (id, at) in ours.removed.iter().chain(&theirs.removed) {
        let t = removed.entry(id.clone()).or_insert(*at);
        *t = (*t).max(*at);
    }
    let mut highlights = merge_highlights(&base.highlights, &ours.highlights, &theirs.highlights);
    // A highlight deleted on one side stays deleted, unless the other
    // changed it after the delete (an edit beats a delete).
    highlights.retain(|h| removed.get(&h.id).is_none_or(|at| h.modified > *at));
    // A tombstone of a highlight that lives on is dropped.
    let live: std::collections::HashSet<&HighlightId> = highlights.iter().map(|h| &h.id).collect();
    let removed = removed
        .into_iter()
        .filter(|(id, _)| !live.contains(id))
        .collect();
    SaveFile {
        version: ours.version,
        article: ours.article.clone(),
        highlights,
        lanes: merge_lanes(&base.lanes, &ours.lanes, &theirs.lanes),
        events: merge_events(&base.events, &ours.events, &theirs.events),
        dismissed: merge_keys(&base.dismissed, &ours.dismissed, &theirs.dismissed),
        removed,
    }
}

/// What changed from `base` to `theirs`, in words: "2 new highlights, 1
/// edited, 1 new event — from Ana and Ben" (empty when nothing did). The
/// names are those on what came in (its last editor, else its maker).
#[must_use]
pub fn describe_change(base: Option<&SaveFile>, theirs: &SaveFile) -> String {
    use std::collections::{BTreeSet, HashMap};
    /// Added, edited and removed, and the names on what was added or edited.
    fn counts<'t, T: PartialEq>(
        base: &[T],
        theirs: &'t [T],
        id: impl Fn(&T) -> &str,
        who: impl Fn(&'t T) -> Option<&'t str>,
        names: &mut BTreeSet<&'t str>,
    ) -> (usize, usize, usize) {
        // By id, once: saves run to 10 000 highlights.
        let by_id = |list: &[T]| -> HashMap<String, usize> {
            list.iter()
                .enumerate()
                .map(|(i, x)| (id(x).to_owned(), i))
                .collect()
        };
        let (b, t) = (by_id(base), by_id(theirs));
        let (mut added, mut edited) = (0, 0);
        for x in theirs {
            let new = match b.get(id(x)) {
                None => {
                    added += 1;
                    true
                }
                Some(&i) if base[i] != *x => {
                    edited += 1;
                    true
                }
                Some(_) => false,
            };
            if new {
                names.extend(who(x));
            }
        }
        let removed = base.iter().filter(|x| !t.contains_key(id(x))).count();
        (added, edited, removed)
    }
    let (bh, be): (&[Highlight], &[Event]) =
        base.map_or((&[], &[]), |b| (&b.highlights, &b.events));
    let mut names = BTreeSet::new();
    let (ha, he, hr) = counts(
        bh,
        &theirs.highlights,
        |h: &Highlight| h.id.0.as_str(),
        |h| h.credit.last_by(),
        &mut names,
    );
    let (ea, ee, er) = counts(
        be,
        &theirs.events,
        |e: &Event| e.id.0.as_str(),
        |e| e.credit.last_by(),
        &mut names,
    );
    // (Highlights and events only: lanes and dismissals say little.)
    let names: Vec<&str> = names.into_iter().collect();
    crate::wording::change_summary(
        &[
            (ha, "new highlight", "new highlights"),
            (he, "highlight edited", "highlights edited"),
            (hr, "highlight removed", "highlights removed"),
            (ea, "new event", "new events"),
            (ee, "event edited", "events edited"),
            (er, "event removed", "events removed"),
        ],
        &names,
    )
}

/// Just enough of a save to tell its version and article.
#[derive(Deserialize)]
struct Probe {
    version: u32,
    #[serde(default)]
    article: ArticleIdentity,
}

/// The saves folder: `explicit` (from `--saves` or `STORYLINE_SAVES`), else
/// `./saves` when it exists, else the platform data folder.
#[must_use]
pub fn saves_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_owned();
    }
    let local = Path::new("saves");
    if local.is_dir() {
        return local.to_owned();
    }
    directories::ProjectDirs::from("", "", "storyline")
        .map_or_else(|| local.to_owned(), |d| d.data_dir().join("saves"))
}

/// The `saves/` folder of the dossier folder `article` is in, if any: the
/// nearest folder above it (as git looks for `.git`) that holds a
/// `*.dossier.ron` file and a `saves/` folder. An article inside a dossier
/// folder keeps its highlights there, however it is opened, so the folder
/// carries everything when copied, zipped or cloned.
#[must_use]
pub fn dossier_saves_of(article: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(article).ok()?;
    for dir in abs.ancestors().skip(1) {
        let saves = dir.join("saves");
        if !saves.is_dir() {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let has_dossier = entries.filter_map(Result::ok).any(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.ends_with(".dossier.ron"))
                && e.path().is_file()
        });
        if has_dossier {
            return Some(saves);
        }
    }
    None
}

/// The saves folder `article`'s save is in: its dossier folder's `saves/`
/// ([`dossier_saves_of`]), else `dir`.
#[must_use]
pub fn saves_for(article: &Path, dir: &Path) -> PathBuf {
    dossier_saves_of(article).unwrap_or_else(|| dir.to_owned())
}

/// A safe file stem for an article's save: ASCII letters, digits, `-`, `_`
/// and `.` only, no leading dot, no device names, at most 80 chars.
#[must_use]
pub fn save_stem(article: &Path) -> String {
    let raw = article
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem = String::new();
    for c in raw.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
            c
        } else {
            '-'
        };
        if !(c == '-' && stem.ends_with('-')) {
            stem.push(c);
        }
    }
    let stem: String = stem
        .trim_start_matches(['.', '-'])
        .trim_end_matches(['.', '-'])
        .chars()
        .take(80)
        .collect();
    let upper = stem.split('.').next().unwrap_or("").to_ascii_uppercase();
    let device = matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.ends_with(|c: char| c.is_ascii_digit()));
    match (stem.is_empty(), device) {
        (true, _) => "article".to_owned(),
        (false, true) => format!("{stem}-article"),
        (false, false) => stem,
    }
}

/// How the article's path is written in its save.
#[must_use]
pub fn identity_path(article: &Path, dir: &Path) -> String {
    let abs = std::fs::canonicalize(article).unwrap_or_else(|_| article.to_owned());
    // The saves folder may not exist yet: its parent decides.
    let dir_abs = std::fs::canonicalize(dir).ok().or_else(|| {
        let parent = dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Some(std::fs::canonicalize(parent).ok()?.join(dir.file_name()?))
    });
    let root = dir_abs.and_then(|d| d.parent().map(Path::to_owned));
    match root.and_then(|r| abs.strip_prefix(r).ok().map(Path::to_owned)) {
        Some(rel) => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        None => abs.to_string_lossy().into_owned(),
    }
}

/// An open save: where it is, what was last read from or written to disk
/// (the merge base), and whether it may be written.
#[derive(Debug)]
pub struct SaveHandle {
    /// The save file.
    pub path: PathBuf,
    /// The bytes last read or written (the merge base, parsed only to merge).
    base: Option<Vec<u8>>,
    /// Modification time and length of the file when `base` was taken.
    stamp: super::watch::Stamp,
    /// Set for a save from a newer Storyline: never written.
    pub read_only: bool,
    /// When the synced folder's conflict copies merged in on opening were
    /// made ("2026-12-05 14:03").
    pub absorbed: Vec<String>,
}

/// What [`SaveHandle::write`] did.
#[derive(Debug, PartialEq, Eq)]
pub struct WriteOutcome {
    /// What is now on disk, when it differs from what was asked (a merge).
    pub written: Option<SaveFile>,
    /// True when another writer's changes were merged in.
    pub merged: bool,
}

impl SaveHandle {
    /// Finds (or names) the save of the article at `article` whose text has
    /// `identity.fingerprint`, and reads it. A damaged save is an error naming
    /// the file, line and column, and the file is left as it is.
    pub fn open(
        dir: &Path,
        article: &Path,
        identity: &ArticleIdentity,
    ) -> Result<(Self, Option<SaveFile>), StoreError> {
        let path = locate(&saves_for(article, dir), article, identity);
        // A synced folder's conflict copies are merged in first (one that
        // cannot be read stays where it is, for the user to look at).
        let absorbed = super::conflict_copies::absorb_save(&path).unwrap_or_default();
        let mut handle = Self::at(path);
        handle.absorbed = absorbed;
        // The stamp is taken before reading: if another writer replaces the
        // file meanwhile, the stamps differ and the next write re-reads it.
        let stamp = handle.file_stamp();
        let save = handle.read_disk()?;
        if let Some((bytes, save)) = &save {
            handle.read_only = save.version > SAVE_VERSION;
            handle.base = Some(bytes.clone());
            handle.stamp = stamp;
        }
        Ok((handle, save.map(|(_, s)| s)))
    }

    /// A handle on an explicit file (e.g. a `.bak` restored by the user).
    #[must_use]
    pub fn at(path: PathBuf) -> Self {
        Self {
            path,
            base: None,
            stamp: None,
            read_only: false,
            absorbed: Vec::new(),
        }
    }

    /// Time, size and (on Unix) inode: every atomic write makes a new inode,
    /// so a replaced file is noticed even within one clock tick.
    fn file_stamp(&self) -> super::watch::Stamp {
        super::watch::stamp(&self.path)
    }

    /// After a write under the lock (nobody else can have changed it since).
    fn set_base(&mut self, bytes: Vec<u8>) {
        self.base = Some(bytes);
        self.stamp = self.file_stamp();
    }

    /// Whether there was a file when this handle last read or wrote it.
    #[must_use]
    pub fn has_base(&self) -> bool {
        self.base.is_some()
    }

    /// The save as this handle last read or wrote it, if there was one.
    #[must_use]
    pub fn base(&self) -> Option<SaveFile> {
        let text = std::str::from_utf8(self.base.as_deref()?).ok()?;
        from_ron(text, &self.path).ok()
    }

    /// A cheap check (file time and size) of whether the file may have been
    /// changed by someone else since this handle last read or wrote it.
    #[must_use]
    pub fn may_have_changed(&self) -> bool {
        let now = self.file_stamp();
        now.is_some() && now != self.stamp
    }

    /// The backup kept next to the save.
    #[must_use]
    pub fn backup_path(&self) -> PathBuf {
        backup_path(&self.path)
    }

    /// Reads the save from disk (`None` when it does not exist).
    fn read_disk(&self) -> Result<Option<(Vec<u8>, SaveFile)>, StoreError> {
        read_save(&self.path)
    }

    /// The save on disk when it differs from what this handle last read or
    /// wrote (another process or `git pull` changed it). The handle takes it
    /// as its new base; the caller merges it into its model.
    pub fn take_disk_change(&mut self) -> Result<Option<SaveFile>, StoreError> {
        let stamp = self.file_stamp();
        let disk = self.read_disk().inspect_err(|_| {
            // Report a damaged file once, not on every check.
            self.stamp = stamp;
        })?;
        let base = self.base.as_ref();
        Ok(match disk {
            Some((bytes, save)) if Some(&bytes) != base => {
                if save.version > SAVE_VERSION {
                    self.read_only = true;
                }
                self.base = Some(bytes);
                self.stamp = stamp;
                Some(save)
            }
            _ => {
                self.stamp = stamp;
                None
            }
        })
    }

    /// Writes `ours` under the folder lock, first merging whatever another
    /// writer put there since this handle last read or wrote it. The previous
    /// file is kept as `.bak`. Refuses to write over a damaged or newer save.
    pub fn write(&mut self, ours: &SaveFile) -> Result<WriteOutcome, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let _lock = DirLock::for_file(&self.path)?;
        // Read under the lock and compared with what we last read or wrote:
        // unchanged bytes need no parse; anything else is merged. (A file's
        // time, size and inode can all repeat within one clock tick, so they
        // are not trusted here: a lost update is worse than a read.)
        let raw = read_bytes(&self.path)?;
        let unchanged = self.base.is_some() && raw.as_deref() == self.base.as_deref();
        let disk = match raw {
            Some(bytes) if !unchanged => {
                let save = parse_save(&bytes, &self.path)?;
                Some((bytes, save))
            }
            _ => None,
        };
        let base_bytes = self.base.as_ref();
        let mut merged: Option<SaveFile> = None;
        if let Some((bytes, theirs)) = &disk {
            if theirs.version > SAVE_VERSION {
                self.read_only = true;
                return Err(StoreError::ReadOnly {
                    path: self.path.clone(),
                });
            }
            if Some(bytes) != base_bytes {
                let m = merge_save(self.base().as_ref(), ours, theirs);
                if m != *ours {
                    merged = Some(m);
                }
            }
        }
        if ours.version != SAVE_VERSION && merged.is_none() {
            let mut m = ours.clone();
            m.version = SAVE_VERSION;
            merged = Some(m);
        }
        let out = merged.as_ref().unwrap_or(ours);
        let bytes = to_ron(out, &self.path)?.into_bytes();
        let merged_flag = merged.as_ref().is_some_and(|m| {
            m.highlights != ours.highlights
                || m.lanes != ours.lanes
                || m.events != ours.events
                || m.dismissed != ours.dismissed
        });
        let old: Option<&[u8]> = if unchanged {
            self.base.as_deref()
        } else {
            disk.as_ref().map(|(b, _)| &b[..])
        };
        if let Some(old) = old {
            if old == bytes.as_slice() {
                self.set_base(bytes);
                return Ok(WriteOutcome {
                    written: merged,
                    merged: merged_flag,
                });
            }
            keep_backup(&self.path, &self.backup_path(), old)?;
            // Best effort: the `.bak` above is the guaranteed copy.
            let _ = super::versions::keep(&self.path, old);
        }
        atomic_write(&self.path, &bytes)?;
        self.set_base(bytes);
        Ok(WriteOutcome {
            written: merged,
            merged: merged_flag,
        })
    }
}

/// Keeps the current file as the backup: a hard link (no copy) renamed over
/// the old backup, or a copy of `old` where links are not supported.
pub(crate) fn keep_backup(path: &Path, backup: &Path, old: &[u8]) -> Result<(), StoreError> {
    let mut tmp_name = backup.file_name().unwrap_or_default().to_owned();
    tmp_name.push(".tmp");
    let tmp = backup.with_file_name(tmp_name);
    let _ = std::fs::remove_file(&tmp);
    if std::fs::hard_link(path, &tmp).is_ok() && std::fs::rename(&tmp, backup).is_ok() {
        return Ok(());
    }
    let _ = std::fs::remove_file(&tmp);
    atomic_write(backup, old)
}

/// `name.ron` → `name.ron.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

/// Reads and parses one save file; `None` when it does not exist.
pub fn read_save(path: &Path) -> Result<Option<(Vec<u8>, SaveFile)>, StoreError> {
    match read_bytes(path)? {
        Some(bytes) => {
            let save = parse_save(&bytes, path)?;
            Ok(Some((bytes, save)))
        }
        None => Ok(None),
    }
}

/// The file's bytes (`None` when it does not exist).
fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match super::read_limited(path) {
        Ok(b) => Ok(Some(b)),
        Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// A save's bytes parsed (a newer format: what can be read, for display).
pub(crate) fn parse_save(bytes: &[u8], path: &Path) -> Result<SaveFile, StoreError> {
    let text = std::str::from_utf8(bytes).map_err(|e| StoreError::Parse {
        path: path.to_owned(),
        line: 1 + text_lines_before(bytes, e.valid_up_to()),
        col: 1,
        message: "not UTF-8 text".to_owned(),
    })?;
    let probe = header_probe(text, path)?;
    if probe.version > SAVE_VERSION {
        // A newer format: read what we can, for display only.
        let save = from_ron::<SaveFile>(text, path).unwrap_or_else(|_| {
            let mut s = SaveFile::new(probe.article);
            s.version = probe.version;
            s
        });
        return Ok(save);
    }
    from_ron(text, path)
}

/// The save of the article at `article` whose text has `fingerprint`,
/// without loading the article (for a dossier's highlights across its
/// articles): `None` when it has none yet.
pub fn read_save_of(
    dir: &Path,
    article: &Path,
    fingerprint: &str,
) -> Result<Option<SaveFile>, StoreError> {
    let dir = &saves_for(article, dir);
    let identity = ArticleIdentity {
        path: identity_path(article, dir),
        fingerprint: fingerprint.to_owned(),
        ..ArticleIdentity::default()
    };
    let path = locate(dir, article, &identity);
    Ok(read_save(&path)?.map(|(_, save)| save))
}

/// The save `article` (with text `fingerprint`) has in `dir` itself — not
/// its dossier folder's —, if any.
#[must_use]
pub fn saves_in_only(dir: &Path, article: &Path, fingerprint: &str) -> Option<PathBuf> {
    let identity = ArticleIdentity {
        path: identity_path(article, dir),
        fingerprint: fingerprint.to_owned(),
        ..ArticleIdentity::default()
    };
    let path = locate(dir, article, &identity);
    match probe(&path) {
        Some(Ok(p)) if p.article.path == identity.path || p.article.fingerprint == fingerprint => {
            Some(path)
        }
        _ => None,
    }
}

/// The save path for an article: an existing save that is this article's
/// (same path or same text), else a free name.
fn locate(dir: &Path, article: &Path, identity: &ArticleIdentity) -> PathBuf {
    let stem = save_stem(article);
    let named = dir.join(format!("{stem}.ron"));
    let mine = |probe: &Probe| {
        probe.article.path == identity.path || probe.article.fingerprint == identity.fingerprint
    };
    match probe(&named) {
        Some(Ok(p)) if mine(&p) => return named,
        // A damaged save under our name: open it so the user hears about it.
        Some(Err(_)) => return named,
        None | Some(Ok(_)) => {}
    }
    // Moved or renamed article: same text, other name.
    if let Ok(read) = std::fs::read_dir(dir) {
        let mut candidates: Vec<PathBuf> = read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            // A synced folder's conflict copy is merged in, never used.
            .filter(|p| {
                p.file_name().and_then(|n| n.to_str()).is_none_or(|n| {
                    !n.contains(".sync-conflict-") && !n.contains("conflicted copy")
                })
            })
            .collect();
        candidates.sort();
        for path in candidates {
            if let Some(Ok(p)) = probe(&path)
                && (p.article.fingerprint == identity.fingerprint
                    || p.article.path == identity.path)
            {
                return path;
            }
        }
    }
    // Another process may have created our save since we looked (two
    // writers starting together): look again before choosing another name,
    // or the two would write to two files and one's highlights be lost.
    match probe(&named) {
        None | Some(Err(_)) => return named,
        Some(Ok(p)) if mine(&p) => return named,
        Some(Ok(_)) => {}
    }
    let short: String = identity.fingerprint.chars().take(8).collect();
    let mut candidate = dir.join(format!("{stem}-{short}.ron"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{stem}-{short}-{n}.ron"));
        n += 1;
    }
    candidate
}

/// Number of `\n` in the first `end` bytes.
fn text_lines_before(bytes: &[u8], end: usize) -> usize {
    bytes[..end].split(|&b| b == b'\n').count() - 1
}

fn probe(path: &Path) -> Option<Result<Probe, StoreError>> {
    use std::io::Read as _;
    // The header is in the first few kilobytes; read the rest only if needed.
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .ok()?;
    if let Ok(text) = std::str::from_utf8(&head)
        && text.contains("\n  highlights:")
        && let Ok(p) = header_probe(text, path)
    {
        return Some(Ok(p));
    }
    let text = std::fs::read_to_string(path).ok()?;
    Some(header_probe(&text, path))
}

/// The version and article of a save, reading only its header when it is
/// laid out as Storyline writes it (the rest can be megabytes of highlights);
/// the whole file otherwise.
fn header_probe(text: &str, path: &Path) -> Result<Probe, StoreError> {
    // The header (version and article) is within the first few kilobytes.
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let cut = [
        "\n  highlights:",
        "\n  lanes:",
        "\n  events:",
        "\n  dismissed:",
    ]
    .iter()
    .filter_map(|k| head.find(k))
    .min();
    if let Some(cut) = cut
        && let Ok(p) = ron::from_str::<Probe>(&format!("{}\n)", &text[..cut]))
    {
        return Ok(p);
    }
    from_ron(text, path)
}

/// An exclusive lock on the saves folder, released on drop.
pub(crate) struct DirLock {
    _file: std::fs::File,
}

impl DirLock {
    /// The lock of the folder holding `file` (created if missing).
    pub(crate) fn for_file(file: &Path) -> Result<Self, StoreError> {
        let dir = file
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            action: "cannot create the folder",
            path: dir.to_owned(),
            source,
        })?;
        Self::acquire(dir)
    }

    pub(crate) fn acquire(dir: &Path) -> Result<Self, StoreError> {
        let path = dir.join(LOCK_NAME);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| StoreError::Io {
                action: "cannot create the lock file",
                path: path.clone(),
                source,
            })?;
        file.lock().map_err(|source| StoreError::Io {
            action: "cannot lock",
            path,
            source,
        })?;
        Ok(Self { _file: file })
    }
}

#[cfg(test)]
mod change_tests {
    use super::*;
    use crate::annotate::{HighlightColor, Selector};

    #[test]
    fn a_delete_survives_a_merge_with_an_older_copy_and_loses_to_a_later_edit() {
        let at = |s| jiff::Timestamp::from_second(s).expect("time");
        let h = |id: &str, modified| {
            let mut h = Highlight::new(
                HighlightId(id.into()),
                Selector::default(),
                HighlightColor::Yellow,
                at(1),
            );
            h.modified = at(modified);
            h
        };
        let mut ours = SaveFile::new(ArticleIdentity::default());
        ours.highlights = vec![h("h-keep", 1)];
        ours.removed = vec![(HighlightId("h-gone".into()), at(5))];
        // A conflict copy made before the delete: no base to tell.
        let mut copy = SaveFile::new(ArticleIdentity::default());
        copy.highlights = vec![h("h-keep", 1), h("h-gone", 2)];
        let merged = merge_save(None, &ours, &copy);
        let ids: Vec<&str> = merged.highlights.iter().map(|h| h.id.0.as_str()).collect();
        assert_eq!(ids, ["h-keep"]);
        assert_eq!(merged.removed.len(), 1);
        assert_eq!(merge_save(None, &copy, &ours).highlights, merged.highlights);
        // Edited there after the delete here: the edit wins.
        copy.highlights[1].modified = at(9);
        let merged = merge_save(None, &ours, &copy);
        assert_eq!(merged.highlights.len(), 2);
        assert!(merged.removed.is_empty());
    }

    #[test]
    fn what_came_in_is_said_in_words() {
        let t = jiff::Timestamp::UNIX_EPOCH;
        let h = |id: &str, note: &str| {
            let mut h = Highlight::new(
                HighlightId(id.into()),
                Selector::default(),
                HighlightColor::Yellow,
                t,
            );
            note.clone_into(&mut h.note);
            h
        };
        let mut base = SaveFile::new(ArticleIdentity::default());
        base.highlights = vec![h("h-1", ""), h("h-2", "")];
        let mut theirs = base.clone();
        theirs.highlights = vec![h("h-1", "edited"), h("h-3", ""), h("h-4", "")];
        assert_eq!(
            describe_change(Some(&base), &theirs),
            "2 new highlights, 1 highlight edited, 1 highlight removed"
        );
        assert_eq!(describe_change(Some(&theirs), &theirs), "");
        assert_eq!(describe_change(None, &base), "2 new highlights");
        // The names on what came in.
        theirs.highlights[1].credit.author = Some("Ana".into());
        theirs.highlights[0].credit.edited_by = Some("Ben".into());
        assert_eq!(
            describe_change(Some(&base), &theirs),
            "2 new highlights, 1 highlight edited, 1 highlight removed — from Ana and Ben"
        );
    }
}
