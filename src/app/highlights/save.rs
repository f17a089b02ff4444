//! The open article's annotations in the app: loading them, applying
//! commands, and saving them in the background shortly after each change.

use std::path::Path;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use crate::annotate::{self, Annotations};
use crate::app::{Command, HighlightsCommand, Message, WindowCommand};
use crate::document::Document;
use crate::store::StoreError;
use crate::store::article::{apply_save, now, open_annotations, save_file};
use crate::store::saves::{
    ArticleIdentity, SaveFile, SaveHandle, WriteOutcome, backup_path, merge_save,
};
use crate::store::watch::FileWatch;

/// Seconds after the last change before the save is written.
const SAVE_DELAY: f64 = 0.4;
/// Seconds before retrying a failed save.
const RETRY_DELAY: f64 = 5.0;
/// How often the save is looked at for changes made by someone else.
const DISK_CHECK_INTERVAL: Duration = Duration::from_secs(2);

/// A finished background write.
struct SaveReply {
    handle: SaveHandle,
    result: Result<WriteOutcome, StoreError>,
    sent: SaveFile,
    revision: u64,
}

/// One article's annotations and the state of their save file.
///
/// Invariant: `handle` is `None` exactly while a write is in flight
/// (`in_flight` is `Some`) or when the save could not be opened.
pub struct ArticleSave {
    /// The anchored highlights.
    pub annotations: Annotations,
    identity: ArticleIdentity,
    handle: Option<SaveHandle>,
    in_flight: Option<Receiver<SaveReply>>,
    /// Revision of `annotations` that is on disk.
    saved_revision: u64,
    /// When the first unsaved change was made (app time, seconds).
    dirty_since: Option<f64>,
    /// The save file, for messages.
    pub save_path: Option<std::path::PathBuf>,
    /// Why the annotations are read-only, if they are.
    pub read_only_reason: Option<String>,
    /// Watches the save file for outside changes (started at the first
    /// tick, which has the context to wake the window with).
    watch: Option<FileWatch>,
    /// Whether a save was there to read when the article was opened (none:
    /// a new article, or one whose highlights live on another machine).
    pub save_found: bool,
    /// Events the reader's own commands took out since last asked (a
    /// delete, a lane or highlight deleted with its events, an undo of an
    /// add): what a dossier may take out too. Never what a save merely
    /// lacks, nor what another writer removed.
    pub deleted_events: Vec<crate::timeline::EventId>,
    /// Whose name goes on the changes made through [`Self::apply`].
    pub author: Option<String>,
}

impl ArticleSave {
    /// Opens the annotations of `doc` (at `path`) from `saves_dir`. Problems
    /// come back as messages; a damaged save leaves read-only, empty
    /// annotations and the file untouched.
    #[must_use]
    pub fn open(saves_dir: &Path, path: &Path, doc: &Document) -> (Self, Vec<Message>) {
        let mut messages = Vec::new();
        let identity = crate::store::article::identity_for(doc, path, saves_dir);
        let notes = match open_annotations(saves_dir, path, doc) {
            Ok((handle, annotations, identity)) => {
                let read_only_reason = handle.read_only.then(|| {
                    format!(
                        "{} was written by a newer Storyline: shown read-only, never overwritten.",
                        handle.path.display()
                    )
                });
                if let Some(r) = &read_only_reason {
                    messages.push(Message::error(r.clone()));
                }
                let held = annotations.entries().len() + annotations.events().len();
                if crate::store::versions::lost_half(&handle.path, held) {
                    messages.push(Message {
                        action: Some((
                            "Restore a previous version…".to_owned(),
                            Command::Window(WindowCommand::ShowRestore(Some(handle.path.clone()))),
                        )),
                        ..Message::error(format!(
                            "{} holds less than half the highlights and events its last kept version had: if that was not you, restore a previous version.",
                            handle.path.display()
                        ))
                    });
                }
                for made in &handle.absorbed {
                    messages.push(Message::notice(format!(
                        "Merged changes from a conflicting copy made on {made} (kept in {}).",
                        crate::store::conflict_copies::MERGED_FOLDER
                    )));
                }
                let orphans = annotations.orphans().len();
                if orphans > 0 {
                    messages.push(Message::notice(format!(
                        "{orphans} highlight(s) no longer match the article's text; they are listed under Orphaned in the Highlights pane."
                    )));
                }
                Self {
                    saved_revision: annotations.revision(),
                    save_found: handle.has_base(),
                    annotations,
                    identity,
                    save_path: Some(handle.path.clone()),
                    handle: Some(handle),
                    in_flight: None,
                    dirty_since: None,
                    read_only_reason,
                    watch: None,
                    deleted_events: Vec::new(),
                    author: None,
                }
            }
            Err(e) => {
                let path = match &e {
                    StoreError::Parse { path, .. } | StoreError::Io { path, .. } => {
                        Some(path.clone())
                    }
                    _ => None,
                };
                let has_versions = path
                    .as_deref()
                    .is_some_and(|p| crate::store::versions::list(p).len() > 1);
                let has_backup = path.as_deref().is_some_and(|p| backup_path(p).exists());
                let mut text = format!(
                    "Could not read the highlights: {e}. The file was left untouched; highlights are read-only until this is fixed."
                );
                let mut message = Message::error(String::new());
                if has_versions {
                    text.push_str(" Earlier versions of it are kept.");
                    message.action = Some((
                        "Restore a previous version…".to_owned(),
                        Command::Window(WindowCommand::ShowRestore(path.clone())),
                    ));
                } else if has_backup {
                    text.push_str(" A backup (.bak) from the previous save exists.");
                    message.action = Some((
                        "Restore the backup".to_owned(),
                        Command::Highlights(HighlightsCommand::RestoreBackup),
                    ));
                }
                message.text.clone_from(&text);
                messages.push(message);
                let mut annotations = Annotations::default();
                annotations.set_read_only(true);
                Self {
                    saved_revision: annotations.revision(),
                    annotations,
                    identity,
                    handle: None,
                    in_flight: None,
                    dirty_since: None,
                    save_path: path,
                    read_only_reason: Some(text),
                    watch: None,
                    save_found: false,
                    deleted_events: Vec::new(),
                    author: None,
                }
            }
        };
        (notes, messages)
    }

    /// True when there are changes not yet on disk.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.annotations.revision() != self.saved_revision
    }

    /// True while a background write runs.
    #[must_use]
    pub fn is_saving(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Applies a model command; marks the save dirty when something changed.
    pub fn apply(
        &mut self,
        cmd: annotate::Command,
        time: f64,
    ) -> Result<bool, annotate::AnnotateError> {
        let before: Vec<crate::timeline::EventId> = self
            .annotations
            .events()
            .iter()
            .map(|e| e.id.clone())
            .collect();
        let stamp = crate::credit::Stamp::new(now(), self.author.as_deref());
        let changed = self.annotations.apply(cmd, stamp)?;
        if changed {
            self.dirty_since.get_or_insert(time);
            let events = self.annotations.events();
            self.deleted_events.extend(
                before
                    .into_iter()
                    .filter(|id| !events.iter().any(|e| &e.id == id)),
            );
        }
        Ok(changed)
    }

    /// Starts a background write when one is due; collects a finished one.
    /// Returns messages to show and how long until it wants another look.
    pub fn tick(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        time: f64,
    ) -> (Vec<Message>, Option<f64>) {
        let mut messages = Vec::new();
        if let Some(rx) = &self.in_flight {
            match rx.try_recv() {
                Ok(reply) => {
                    self.in_flight = None;
                    messages.extend(self.finish(reply, doc, time));
                    // Our own write is no news to the watch (a change by
                    // someone else meanwhile was merged by the write).
                    if let Some(watch) = &self.watch {
                        watch.rebase();
                    }
                }
                Err(TryRecvError::Empty) => return (messages, None),
                Err(TryRecvError::Disconnected) => {
                    self.in_flight = None;
                    messages.push(Message::error(
                        "The background save stopped unexpectedly; will retry.".to_owned(),
                    ));
                    self.dirty_since = Some(time + RETRY_DELAY);
                }
            }
        }
        // The first look compares with what was read at open; later ones
        // happen only when the watch saw the file change.
        let first_look = self.watch.is_none();
        if first_look && let Some(path) = &self.save_path {
            let ctx = ctx.clone();
            self.watch = Some(FileWatch::spawn(
                path.clone(),
                DISK_CHECK_INTERVAL,
                move || ctx.request_repaint(),
            ));
        }
        if first_look || self.watch.as_ref().is_some_and(FileWatch::take_changed) {
            // A synced folder's conflict copies merge into the file first.
            if let Some(path) = &self.save_path
                && !first_look
            {
                match crate::store::conflict_copies::absorb_save(path) {
                    Ok(made) => messages.extend(made.into_iter().map(|m| {
                        Message::notice(format!(
                            "Merged changes from a conflicting copy of the highlights made on {m}."
                        ))
                    })),
                    Err(e) => messages.push(Message::error(format!(
                        "A conflicting copy of the highlights was left as it is: {e}"
                    ))),
                }
            }
            messages.extend(self.merge_disk_change(doc, time));
        }
        if !self.is_dirty() {
            self.dirty_since = None;
            return (messages, None);
        }
        let since = *self.dirty_since.get_or_insert(time);
        if time - since < SAVE_DELAY {
            return (messages, Some(SAVE_DELAY - (time - since)));
        }
        if let Some(mut handle) = self.handle.take() {
            let save = save_file(&self.identity, &self.annotations, doc);
            let revision = self.annotations.revision();
            let (tx, rx) = channel();
            let ctx = ctx.clone();
            std::thread::spawn(move || {
                let result = handle.write(&save);
                let _ = tx.send(SaveReply {
                    handle,
                    result,
                    sent: save,
                    revision,
                });
                ctx.request_repaint();
            });
            self.in_flight = Some(rx);
        }
        (messages, None)
    }

    /// Merges changes another process (or `git pull`) made to the save file
    /// since we last read or wrote it; our unsaved changes are kept.
    fn merge_disk_change(&mut self, doc: &Document, time: f64) -> Vec<Message> {
        let unsaved = self.is_dirty();
        let Some(handle) = &mut self.handle else {
            return Vec::new();
        };
        if !handle.may_have_changed() {
            return Vec::new();
        }
        let base = handle.base();
        match handle.take_disk_change() {
            Ok(Some(theirs)) => {
                let ours = save_file(&self.identity, &self.annotations, doc);
                let came = crate::store::saves::describe_change(base.as_ref(), &theirs);
                let merged = merge_save(base.as_ref(), &ours, &theirs);
                apply_save(&mut self.annotations, merged.clone(), &doc.text);
                if handle.read_only {
                    self.annotations.set_read_only(true);
                }
                if unsaved
                    || merged.highlights != theirs.highlights
                    || merged.lanes != theirs.lanes
                    || merged.events != theirs.events
                    || merged.dismissed != theirs.dismissed
                {
                    self.dirty_since = Some(time);
                } else {
                    self.saved_revision = self.annotations.revision();
                }
                // What came in (a pull, a sync, another window).
                let what = if came.is_empty() {
                    "changes".to_owned()
                } else {
                    came
                };
                vec![Message::notice(format!(
                    "Merged in from outside this window: {what} ({}).",
                    handle.path.display()
                ))]
            }
            Ok(None) => Vec::new(),
            Err(e) => vec![Message::error(format!(
                "The highlights file changed on disk and cannot be read: {e}. It is left as it is; your highlights stay in this window."
            ))],
        }
    }

    /// Handles a finished write: merges what another process wrote.
    fn finish(&mut self, reply: SaveReply, doc: &Document, time: f64) -> Vec<Message> {
        let mut messages = Vec::new();
        let path = reply.handle.path.clone();
        self.handle = Some(reply.handle);
        match reply.result {
            Ok(outcome) => {
                if let Some(written) = outcome.written.filter(|_| outcome.merged) {
                    let ours = save_file(&self.identity, &self.annotations, doc);
                    let merged = merge_save(Some(&reply.sent), &ours, &written);
                    apply_save(&mut self.annotations, merged, &doc.text);
                    messages.push(Message::notice(format!(
                        "Merged highlights saved by another Storyline into {}.",
                        path.display()
                    )));
                    // What is on disk is `written`; ours may add to it.
                    let now_saved = save_file(&self.identity, &self.annotations, doc);
                    self.saved_revision = if now_saved == written {
                        self.annotations.revision()
                    } else {
                        reply.revision
                    };
                } else {
                    self.saved_revision = reply.revision;
                }
                self.dirty_since = None;
            }
            Err(e) => {
                if matches!(e, StoreError::ReadOnly { .. }) {
                    self.annotations.set_read_only(true);
                    self.read_only_reason = Some(e.to_string());
                }
                messages.push(Message::error(format!(
                    "Could not save the highlights: {e}. They are kept in memory; Storyline will try again."
                )));
                self.dirty_since = Some(time + RETRY_DELAY);
            }
        }
        messages
    }

    /// Waits for a write in flight, then writes what is left, on this thread
    /// (on exit or before switching articles).
    pub fn flush(&mut self, doc: &Document) -> Vec<Message> {
        let mut messages = Vec::new();
        if let Some(rx) = self.in_flight.take() {
            match rx.recv_timeout(Duration::from_secs(10)) {
                Ok(reply) => messages.extend(self.finish(reply, doc, 0.0)),
                Err(_) => messages.push(Message::error(
                    "A background save did not finish in 10 s.".to_owned(),
                )),
            }
        }
        if self.is_dirty()
            && let Some(handle) = &mut self.handle
        {
            let save = save_file(&self.identity, &self.annotations, doc);
            match handle.write(&save) {
                Ok(_) => self.saved_revision = self.annotations.revision(),
                Err(e) => messages.push(Message::error(format!(
                    "Could not save the highlights: {e}"
                ))),
            }
        }
        messages
    }

    /// Replaces a damaged save with its `.bak`: the damaged file is kept
    /// beside it as `.damaged`, never deleted.
    pub fn restore_backup(&mut self, doc: &Document) -> Result<usize, String> {
        let path = self.save_path.clone().ok_or("No save file is known.")?;
        let bak = backup_path(&path);
        let (_, save) = crate::store::saves::read_save(&bak)
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("{} does not exist.", bak.display()))?;
        let mut damaged = path.clone().into_os_string();
        damaged.push(format!(".damaged-{}", now().as_second()));
        if path.exists() {
            std::fs::rename(&path, &damaged)
                .map_err(|e| format!("Could not move {} aside: {e}", path.display()))?;
        }
        let count = save.highlights.len();
        self.annotations = Annotations::default();
        apply_save(&mut self.annotations, save, &doc.text);
        self.handle = Some(SaveHandle::at(path));
        self.read_only_reason = None;
        self.saved_revision = u64::MAX; // not on disk yet: write it
        self.dirty_since = None;
        Ok(count)
    }
}
