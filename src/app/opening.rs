//! Opening an article: a small file at once; a large one (a long PDF, a
//! book) read on a background thread, so the window stays live and says
//! what it is opening. A long PDF shows its first pages while the rest is
//! read (a preview: read-only, nothing is anchored to it), and the reader
//! stays where it was when the whole file replaces it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};

use super::reader::ReaderView;
use super::{Command, ReaderCommand, StorylineApp, WindowCommand, absolute};
use crate::document::pdf::Preview;
use crate::document::{Document, LoadedDocument, load_path, load_path_with_preview};

/// Files up to this size are read at once (well under a frame's worth of
/// waiting for text, Markdown and web pages); larger ones in the background.
const READ_AT_ONCE_BYTES: u64 = 1024 * 1024;

/// Whether the article at `path` is read in the background (so a window
/// opening on it shows at once, and a long PDF its first pages).
#[must_use]
pub fn reads_in_background(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() > READ_AT_ONCE_BYTES)
}

/// An article being read on a thread of its own, not yet shown: begun by
/// [`start_reading`] (at launch, before the window is up, so reading and
/// the window's start overlap) and handed to
/// [`StorylineApp::adopt_reading`].
pub struct Reading {
    path: PathBuf,
    rx: Receiver<Opened>,
    /// The window to wake when there is news (none until it is up).
    wake: Arc<Mutex<Option<egui::Context>>>,
}

/// Starts reading the article at `path` on a thread of its own.
#[must_use]
pub fn start_reading(path: PathBuf) -> Reading {
    let (tx, rx) = channel();
    let wake: Arc<Mutex<Option<egui::Context>>> = Arc::default();
    let (file, waker) = (path.clone(), wake.clone());
    std::thread::spawn(move || {
        let ping = || {
            if let Ok(ctx) = waker.lock()
                && let Some(ctx) = ctx.as_ref()
            {
                ctx.request_repaint();
            }
        };
        let early = tx.clone();
        let result = load_path_with_preview(&file, &mut |p| {
            let _ = early.send(Opened::Preview(p));
            ping();
        });
        let _ = tx.send(Opened::Done(result.map_err(|e| e.to_string())));
        ping();
    });
    Reading { path, rx, wake }
}

/// What the background reader sends.
enum Opened {
    /// A long PDF's first pages.
    Preview(Preview),
    /// The whole article, or why it cannot be read.
    Done(Result<LoadedDocument, String>),
}

/// The first pages of a long PDF, shown while the rest is read.
pub struct ShownPreview {
    /// Those pages.
    pub doc: Document,
    /// The reader's place in them.
    pub view: ReaderView,
}

/// An article being read in the background.
pub struct OpeningJob {
    /// The file.
    path: PathBuf,
    /// The text of the notice shown meanwhile (removed when done).
    notice: String,
    /// What was asked for the article meanwhile (where to scroll to),
    /// done once it is shown.
    then: Vec<Command>,
    rx: Receiver<Opened>,
    /// A long PDF's first pages, once read.
    preview: Option<ShownPreview>,
}

impl StorylineApp {
    /// Opens the article at `path`: at once when small, else in the
    /// background (a later open replaces an unfinished one).
    pub(super) fn open_article(&mut self, path: PathBuf, now: f64) {
        if !reads_in_background(&path) {
            let result = load_path(&path).map_err(|e| e.to_string());
            self.finish_open(&path, result, now);
            return;
        }
        let reading = start_reading(path);
        self.adopt_reading(reading);
    }

    /// Shows, once read, an article whose reading began before the window
    /// was up ([`start_reading`]): its notice now, its first pages and
    /// then the whole file as they come.
    pub fn adopt_reading(&mut self, reading: Reading) {
        if let Ok(mut wake) = reading.wake.lock() {
            *wake = Some(self.egui_ctx.clone());
        }
        // What came before the window could be woken is read on the next
        // frame.
        self.egui_ctx.request_repaint();
        let path = reading.path;
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        let name = crate::wording::file_name(&path);
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
            rx: reading.rx,
            preview: None,
        });
    }

    /// Shows a long PDF's first pages as they come, and a finished
    /// background open.
    pub(super) fn poll_opening(&mut self, now: f64) {
        let mut done = None;
        let mut notices = Vec::new();
        let mut script = false;
        if let Some(job) = &mut self.opening {
            loop {
                match job.rx.try_recv() {
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        done = Some(Err("reading it stopped unexpectedly".to_owned()));
                        break;
                    }
                    Ok(Opened::Preview(p)) => {
                        let name = crate::wording::file_name(&job.path);
                        let notice = format!(
                            "Showing the first {} of {} pages of {name} while the rest is read…",
                            p.pages, p.of
                        );
                        notices.push((std::mem::replace(&mut job.notice, notice.clone()), notice));
                        script |= crate::app::theme::needs_script_font(&p.document.text);
                        job.preview = Some(ShownPreview {
                            view: ReaderView::new(p.document.blocks.len()),
                            doc: p.document,
                        });
                    }
                    Ok(Opened::Done(r)) => {
                        done = Some(r);
                        break;
                    }
                }
            }
        }
        if script {
            self.script_font_needed();
        }
        for (old, new) in notices {
            self.messages.retain(|m| m.text != old);
            self.notice(new);
        }
        let Some(result) = done else { return };
        let Some(job) = self.opening.take() else {
            return;
        };
        self.messages.retain(|m| m.text != job.notice);
        let opened = result.is_ok();
        self.finish_open(&job.path, result, now);
        if opened {
            // The reader stays on the passage it was reading in the preview.
            if let (Some(preview), Some(article)) = (&job.preview, &mut self.article) {
                let at = preview.view.top_char();
                if at.0 > 0 {
                    article.view.scroll_to(at);
                }
            }
            self.commands.extend(job.then);
        }
    }

    /// A long PDF's first pages while the rest is read, to show in the
    /// reader (read-only).
    pub(super) fn opening_preview(&mut self) -> Option<&mut ShownPreview> {
        self.opening.as_mut().and_then(|j| j.preview.as_mut())
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

    /// What the window says in place of an article while one is read in
    /// the background: "Reading NAME…".
    #[must_use]
    pub fn opening_label(&self) -> Option<String> {
        let job = self.opening.as_ref()?;
        Some(format!("Reading {}…", crate::wording::file_name(&job.path)))
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
                                Command::Window(
                                    WindowCommand::ShowRestore(_) | WindowCommand::WorkingCopy(_)
                                ) | Command::Dossier(
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
