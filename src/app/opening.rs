//! Opening an article: a small file at once; a large one (a long PDF, a
//! book) read on a background thread, so the window stays live and says
//! what it is opening.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::{Command, ReaderCommand, StorylineApp, WindowCommand, absolute};
use crate::document::{LoadedDocument, load_path};

/// Files up to this size are read at once (well under a frame's worth of
/// waiting for text, Markdown and web pages); larger ones in the background.
const READ_AT_ONCE_BYTES: u64 = 1024 * 1024;

/// An article being read in the background.
pub struct OpeningJob {
    /// The file.
    path: PathBuf,
    /// The text of the notice shown meanwhile (removed when done).
    notice: String,
    /// What was asked for the article meanwhile (where to scroll to),
    /// done once it is shown.
    then: Vec<Command>,
    rx: Receiver<Result<LoadedDocument, String>>,
}

impl StorylineApp {
    /// Opens the article at `path`: at once when small, else in the
    /// background (a later open replaces an unfinished one).
    pub(super) fn open_article(&mut self, path: PathBuf, now: f64) {
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        if size <= READ_AT_ONCE_BYTES {
            let result = load_path(&path).map_err(|e| e.to_string());
            self.finish_open(&path, result, now);
            return;
        }
        let (tx, rx) = channel();
        let ctx = self.egui_ctx.clone();
        let file = path.clone();
        std::thread::spawn(move || {
            let _ = tx.send(load_path(&file).map_err(|e| e.to_string()));
            ctx.request_repaint();
        });
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let notice = format!(
            "Opening {name} ({:.1} MB)…",
            size as f64 / (1024.0 * 1024.0)
        );
        if let Some(old) = self.opening.take() {
            self.messages.retain(|m| m.text != old.notice);
        }
        self.notice(notice.clone());
        self.opening = Some(OpeningJob {
            path,
            notice,
            then: Vec::new(),
            rx,
        });
    }

    /// Shows a finished background open.
    pub(super) fn poll_opening(&mut self, now: f64) {
        let Some(job) = &self.opening else { return };
        let result = match job.rx.try_recv() {
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Err("reading it stopped unexpectedly".to_owned()),
            Ok(r) => r,
        };
        let Some(job) = self.opening.take() else {
            return;
        };
        self.messages.retain(|m| m.text != job.notice);
        let opened = result.is_ok();
        self.finish_open(&job.path, result, now);
        if opened {
            self.commands.extend(job.then);
        }
    }

    /// Holds back a command meant for the article being opened (a dossier
    /// asks to open an article and scroll to a passage of it); gives back
    /// every other command.
    pub(super) fn defer_while_opening(&mut self, command: Command) -> Option<Command> {
        match (&mut self.opening, command) {
            (Some(job), c @ Command::Reader(ReaderCommand::Reveal(_))) => {
                job.then.push(c);
                None
            }
            (_, c) => Some(c),
        }
    }

    /// Whether an article is being read in the background.
    #[must_use]
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    fn finish_open(
        &mut self,
        path: &std::path::Path,
        result: Result<LoadedDocument, String>,
        now: f64,
    ) {
        match result {
            Ok(loaded) => {
                self.show_loaded(path, loaded);
                // Errors about the last article go; an offer to restore a
                // file that lost its work, or to read a dossier's outside
                // articles, stays until answered.
                self.messages.retain(|m| {
                    !m.error
                        || matches!(
                            m.action,
                            Some((
                                _,
                                Command::Window(WindowCommand::ShowRestore(_))
                                    | Command::Dossier(
                                        crate::app::dossier::DossierAction::TrustOutside
                                    )
                            ))
                        )
                });
                self.offer_bundle(&absolute(path));
                self.mark_state_dirty(now);
            }
            Err(e) => self.error(format!("Could not open the article: {e}")),
        }
    }
}
