//! Choosing a file to open. The app talks to a [`FilePicker`]; the window uses
//! rfd's native dialog on a background thread, tests inject paths.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// How a pick ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickOutcome {
    /// The user chose this file.
    Picked(PathBuf),
    /// Several files or folders were chosen.
    PickedMany(Vec<PathBuf>),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown; the message says why.
    Unavailable(String),
}

/// What to ask the user for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickRequest {
    /// Articles (several) to add to a dossier.
    OpenMany,
    /// An article to open.
    Open,
    /// A file of annotations (W3C JSON, a Hypothesis export) to import.
    OpenAnnotations,
    /// Where to save a file.
    Save {
        /// Dialog title.
        title: String,
        /// Suggested file name.
        file_name: String,
        /// Name of the file type ("HTML page").
        filter: String,
        /// Its extensions, without dots.
        extensions: Vec<String>,
    },
}

/// Something that can ask the user for a file to open or a place to save.
pub trait FilePicker {
    /// Starts asking; the answer comes later through [`FilePicker::poll`].
    fn start(&mut self, ctx: &egui::Context, request: PickRequest);
    /// The answer, once there is one.
    fn poll(&mut self) -> Option<PickOutcome>;
    /// True while a dialog is open.
    fn busy(&self) -> bool;
}

/// rfd's native dialog, run off the UI thread so a slow or missing desktop
/// portal never freezes the window.
#[derive(Default)]
pub struct NativePicker {
    rx: Option<Receiver<PickOutcome>>,
}

fn zenity_installed() -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()))
}

impl FilePicker for NativePicker {
    fn start(&mut self, ctx: &egui::Context, request: PickRequest) {
        if self.rx.is_some() {
            return;
        }
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let one = |h: Option<rfd::FileHandle>| h.map(|h| vec![h.path().to_owned()]);
                let picked: Option<Vec<PathBuf>> = match request {
                    PickRequest::Open => {
                        let dialog = rfd::AsyncFileDialog::new()
                            .set_title("Open an article or a dossier")
                            .add_filter("Articles and dossiers", &[&crate::document::ARTICLE_EXTENSIONS[..], &["ron"]].concat())
                            .add_filter("All files", &["*"]);
                        one(pollster::block_on(dialog.pick_file()))
                    }
                    PickRequest::OpenAnnotations => {
                        let dialog = rfd::AsyncFileDialog::new()
                            .set_title("Import annotations (W3C Web Annotations or a Hypothesis export)")
                            .add_filter("Annotations (JSON)", &["json", "jsonld"])
                            .add_filter("All files", &["*"]);
                        one(pollster::block_on(dialog.pick_file()))
                    }
                    PickRequest::OpenMany => {
                        let dialog = rfd::AsyncFileDialog::new()
                            .set_title("Add articles to the dossier")
                            .add_filter(
                                "Articles and mailboxes",
                                &[&crate::document::ARTICLE_EXTENSIONS[..], &["mbox"]].concat(),
                            )
                            .add_filter("All files", &["*"]);
                        pollster::block_on(dialog.pick_files())
                            .map(|hs| hs.iter().map(|h| h.path().to_owned()).collect())
                    }
                    PickRequest::Save { title, file_name, filter, extensions } => {
                        let dialog = rfd::AsyncFileDialog::new()
                            .set_title(title)
                            .set_file_name(file_name)
                            .add_filter(filter, &extensions);
                        one(pollster::block_on(dialog.save_file()))
                    }
                };
                let outcome = match picked {
                    Some(mut paths) if paths.len() == 1 => PickOutcome::Picked(paths.remove(0)),
                    Some(paths) if !paths.is_empty() => PickOutcome::PickedMany(paths),
                    // rfd says "no file" both when the user cancels and when no
                    // dialog could be shown; an instant "no" with no fallback
                    // dialog installed is the latter.
                    _ if started.elapsed() < Duration::from_millis(400) && !zenity_installed() => {
                        PickOutcome::Unavailable(
                            "No file dialog could be shown (no desktop portal, and zenity is not installed).".into(),
                        )
                    }
                    _ => PickOutcome::Cancelled,
                };
                // The app may have quit meanwhile; then nobody needs the answer.
                let _ = tx.send(outcome);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.rx = Some(rx),
            Err(e) => {
                let (tx, rx) = channel();
                let _ = tx.send(PickOutcome::Unavailable(format!(
                    "Cannot start the file dialog: {e}"
                )));
                self.rx = Some(rx);
            }
        }
    }

    fn poll(&mut self) -> Option<PickOutcome> {
        let rx = self.rx.as_ref()?;
        match rx.try_recv() {
            Ok(outcome) => {
                self.rx = None;
                Some(outcome)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.rx = None;
                Some(PickOutcome::Unavailable(
                    "The file dialog stopped unexpectedly.".into(),
                ))
            }
        }
    }

    fn busy(&self) -> bool {
        self.rx.is_some()
    }
}
