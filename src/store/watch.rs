//! Noticing when someone else changes a file (another Storyline, the CLI, a
//! `git pull`), without waking the window.
//!
//! A small thread looks at the file's metadata every `interval` and calls
//! `wake` only when it differs from what it saw last, so an idle window
//! draws no frame for it. A `stat` every two seconds costs nothing
//! measurable; the thread ends when its [`FileWatch`] is dropped. A
//! conflict copy a synced folder leaves beside the file counts as a change.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

/// What identifies one version of a file: modification time, length and
/// inode (a rename over it changes the inode even within one second).
pub type Stamp = Option<(SystemTime, u64, u64)>;

/// The stamp of `path`, `None` when it cannot be read (missing, say).
#[must_use]
pub fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some((meta.modified().ok()?, meta.len(), inode))
}

/// A watch on one file. Invariant: while it lives, a thread looks at the
/// file; dropping it ends the thread at its next look.
pub struct FileWatch {
    path: PathBuf,
    /// The version of the file last seen by the thread or written by us.
    last: Arc<Mutex<Stamp>>,
    changed: Arc<AtomicBool>,
    /// Dropped with the watch, which tells the thread to stop.
    _stop: Sender<()>,
}

impl FileWatch {
    /// Starts watching `path`; `wake` is called from the watching thread
    /// each time the file is seen to have changed.
    #[must_use]
    pub fn spawn(path: PathBuf, interval: Duration, wake: impl Fn() + Send + 'static) -> Self {
        let changed = Arc::new(AtomicBool::new(false));
        let (stop, stopped) = channel::<()>();
        let flag = changed.clone();
        let last = Arc::new(Mutex::new(stamp(&path)));
        let seen = last.clone();
        let watched = path.clone();
        // If the thread cannot start, outside changes are still merged at
        // the next save (which re-reads the file under its lock).
        let _ = std::thread::Builder::new()
            .name("save-watch".into())
            .spawn(move || {
                // A synced folder's conflict copy appears beside the file:
                // the folder changes, and only then is it listed.
                let folder_time = |p: &Path| {
                    let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
                    std::fs::metadata(dir.unwrap_or_else(|| Path::new(".")))
                        .and_then(|m| m.modified())
                        .ok()
                };
                let mut seen_folder = folder_time(&watched);
                while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(interval) {
                    let now = stamp(&watched);
                    let folder = folder_time(&watched);
                    let copies = folder != seen_folder && {
                        seen_folder = folder;
                        !super::conflict_copies::conflict_copies(&watched).is_empty()
                    };
                    let mut seen = seen.lock().unwrap_or_else(PoisonError::into_inner);
                    if now != *seen || copies {
                        *seen = now;
                        flag.store(true, Ordering::Release);
                        wake();
                    }
                }
            });
        Self {
            path,
            last,
            changed,
            _stop: stop,
        }
    }

    /// Takes the file as it is now as seen: call after writing it
    /// ourselves, so our own write does not wake the window.
    pub fn rebase(&self) {
        let now = stamp(&self.path);
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = now;
    }

    /// True once after each change seen since the last call.
    #[must_use]
    pub fn take_changed(&self) -> bool {
        self.changed.swap(false, Ordering::AcqRel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    fn wait_for(cond: impl Fn() -> bool) -> bool {
        let until = std::time::Instant::now() + Duration::from_secs(5);
        while std::time::Instant::now() < until {
            if cond() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        false
    }

    #[test]
    fn wakes_once_per_change_and_never_while_nothing_changes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.ron");
        std::fs::write(&path, "one").expect("write");
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = wakes.clone();
        let watch = FileWatch::spawn(path.clone(), Duration::from_millis(10), move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        std::thread::sleep(Duration::from_millis(80));
        assert_eq!(wakes.load(Ordering::SeqCst), 0, "nothing changed");
        assert!(!watch.take_changed());

        std::fs::write(&path, "two, longer").expect("write");
        assert!(wait_for(|| wakes.load(Ordering::SeqCst) == 1));
        assert!(watch.take_changed());
        assert!(!watch.take_changed(), "reported once");
        std::thread::sleep(Duration::from_millis(80));
        assert_eq!(wakes.load(Ordering::SeqCst), 1);

        // Our own write, once rebased, is not a change from then on (the
        // watcher may have looked between the write and the rebase: a
        // loaded machine; at most that one wake).
        std::fs::write(&path, "ours, and longer still").expect("write");
        watch.rebase();
        std::thread::sleep(Duration::from_millis(30));
        let after = wakes.load(Ordering::SeqCst);
        assert!(after <= 2, "{after}");
        let _ = watch.take_changed();
        std::thread::sleep(Duration::from_millis(80));
        assert_eq!(wakes.load(Ordering::SeqCst), after, "our own write");

        // A file that appears, and one that goes away, are changes too.
        std::fs::remove_file(&path).expect("remove");
        assert!(wait_for(|| wakes.load(Ordering::SeqCst) == after + 1));
        std::fs::write(&path, "three").expect("write");
        assert!(wait_for(|| wakes.load(Ordering::SeqCst) == after + 2));
    }

    #[test]
    fn dropping_the_watch_stops_the_thread() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.ron");
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = wakes.clone();
        let watch = FileWatch::spawn(path.clone(), Duration::from_millis(10), move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        drop(watch);
        std::thread::sleep(Duration::from_millis(40));
        std::fs::write(&path, "new").expect("write");
        std::thread::sleep(Duration::from_millis(80));
        assert_eq!(wakes.load(Ordering::SeqCst), 0);
    }
}
