//! File ▸ Export…: a small window to pick the format, the native save dialog
//! (off the UI thread), and the export itself on a background thread.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{Id, RichText};

use super::picker::PickRequest;
use super::{Command, Message, PickPurpose, StorylineApp};
use crate::export::{ExportInput, Format, export};

/// The export window's state.
#[derive(Default)]
pub struct ExportState {
    /// The window is shown.
    pub open: bool,
    /// The chosen format.
    pub format: Option<Format>,
    /// A path typed by hand.
    pub typed: String,
    /// An export being written.
    running: Option<Receiver<Result<(PathBuf, usize), String>>>,
}

impl StorylineApp {
    /// Export commands.
    pub(super) fn apply_export_command(
        &mut self,
        command: Command,
        published: Option<jiff::civil::Date>,
    ) {
        match command {
            Command::ShowExport if self.article.is_some() || self.dossier.is_some() => {
                self.export.open = true;
            }
            Command::ExportPick(format) => {
                if self.picker.busy() {
                    return;
                }
                let stem = match (&self.dossier, &self.article) {
                    (Some(d), _) if d.show_all => d.dossier.name.clone(),
                    (_, Some(a)) => a
                        .path
                        .file_stem()
                        .map_or("article".into(), |s| s.to_string_lossy().into_owned()),
                    _ => return,
                };
                self.export.format = Some(format);
                self.pick_purpose = PickPurpose::Export(format);
                self.picker.start(
                    &self.egui_ctx,
                    PickRequest::Save {
                        title: format!("Export {}", format.label()),
                        file_name: format.file_name(&stem),
                        filter: format.label().to_owned(),
                        extensions: vec![format.extension().to_owned()],
                    },
                );
            }
            Command::ExportTo(path, format) => {
                // A name typed without an extension gets the format's.
                let path = if path.extension().is_none() {
                    path.with_extension(format.extension())
                } else {
                    path
                };
                let format = format.for_path(&path);
                if self
                    .article
                    .as_ref()
                    .is_some_and(|a| a.path == crate::app::absolute(&path))
                {
                    self.messages.push(Message::error(format!(
                        "Not exported: {} is the article itself; choose another name.",
                        path.display()
                    )));
                    return;
                }
                if let Some(d) = self.dossier.as_ref().filter(|d| d.show_all) {
                    if crate::app::absolute(&d.path) == crate::app::absolute(&path) {
                        self.messages.push(Message::error(format!(
                            "Not exported: {} is the dossier itself; choose another name.",
                            path.display()
                        )));
                        return;
                    }
                    self.export_dossier(path, format, d.path.clone(), d.dossier.clone());
                    return;
                }
                let Some(article) = &self.article else { return };
                let doc = article.doc.clone();
                let annotations = article.notes.annotations.clone();
                let (tx, rx) = channel();
                let ctx = self.egui_ctx.clone();
                std::thread::spawn(move || {
                    let input = ExportInput {
                        doc: &doc,
                        annotations: &annotations,
                        published,
                    };
                    let text = export(format, &input);
                    let result = crate::store::atomic_write(&path, text.as_bytes())
                        .map(|()| (path, text.len()))
                        .map_err(|e| e.to_string());
                    let _ = tx.send(result);
                    ctx.request_repaint();
                });
                self.export.running = Some(rx);
                self.export.open = false;
            }
            _ => {}
        }
    }

    /// Collects a finished export (a notice saying where it went).
    /// Exports the whole dossier (every event with its sources), off the
    /// UI thread: the JSON reads every article's highlights there.
    fn export_dossier(
        &mut self,
        path: PathBuf,
        format: Format,
        file: PathBuf,
        d: crate::dossier::Dossier,
    ) {
        let saves_dir = self.saves_dir.clone();
        let (tx, rx) = channel();
        let ctx = self.egui_ctx.clone();
        std::thread::spawn(move || {
            let text = match format {
                Format::Markdown => Ok(crate::dossier::export::markdown(&d)),
                Format::Html => Ok(crate::dossier::publish::html(&d)),
                Format::Svg => Ok(crate::dossier::publish::svg(&d)),
                Format::Csv => Ok(crate::dossier::publish::csv(&d)),
                Format::Json => crate::cli::dossier_cli::json_export(&file, &d, &saves_dir)
                    .map_err(|e| format!("{e:#}")),
                Format::Readwise => crate::cli::dossier_notes::readwise(&file, &d, &saves_dir)
                    .map_err(|e| format!("{e:#}")),
                Format::Obsidian => {
                    crate::cli::dossier_notes::obsidian(&file, &d, &saves_dir, &path)
                        .map_err(|e| format!("{e:#}"))
                }
            };
            let result = text.and_then(|text| {
                crate::store::atomic_write(&path, text.as_bytes())
                    .map(|()| (path, text.len()))
                    .map_err(|e| e.to_string())
            });
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        self.export.running = Some(rx);
        self.export.open = false;
    }

    pub(super) fn poll_export(&mut self) {
        let Some(rx) = &self.export.running else {
            return;
        };
        match rx.try_recv() {
            Ok(Ok((path, bytes))) => {
                self.export.running = None;
                self.messages.push(Message::notice(format!(
                    "Exported the timeline to {} ({} KB).",
                    path.display(),
                    bytes.div_ceil(1024)
                )));
            }
            Ok(Err(e)) => {
                self.export.running = None;
                self.messages
                    .push(Message::error(format!("Could not export: {e}")));
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.export.running = None;
                self.messages.push(Message::error(
                    "The export stopped unexpectedly.".to_owned(),
                ));
            }
        }
    }
}

/// The export window.
pub(super) fn export_window_ui(ctx: &egui::Context, app: &mut StorylineApp) {
    if !app.export.open {
        return;
    }
    let mut open = true;
    let mut commands = Vec::new();
    egui::Window::new("Export")
        .id(Id::unique("export-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            match app.dossier.as_ref().filter(|d| d.show_all) {
                Some(d) => ui.label(format!(
                    "Export the dossier “{}” ({}), every event with its sources, as:",
                    d.dossier.name,
                    crate::words::count(d.dossier.articles.len(), "article", "articles")
                )),
                None => ui.label("Export the annotated timeline as:"),
            };
            let chosen = app.export.format.unwrap_or(Format::Html);
            for f in Format::ALL {
                if ui
                    .radio(chosen == f, format!("{} (.{})", f.label(), f.extension()))
                    .clicked()
                {
                    app.export.format = Some(f);
                }
            }
            let dossier = app.dossier.as_ref().is_some_and(|d| d.show_all);
            let hint = match chosen {
                Format::Readwise => {
                    Some("One row per highlight; tags become Readwise's inline .tags in the note.")
                }
                Format::Obsidian if dossier => Some(
                    "An index note with the timeline, and one note per article in a folder beside it.",
                ),
                Format::Obsidian => Some(
                    "Each highlight a quote block with its tags and note; its id is the block id (^h-…).",
                ),
                _ => None,
            };
            if let Some(hint) = hint {
                ui.label(RichText::new(hint).weak());
            }
            ui.add_space(6.0);
            if ui.button("Choose file…").clicked() {
                commands.push(Command::ExportPick(chosen));
            }
            ui.label(RichText::new("or type a path:").weak());
            ui.horizontal(|ui| {
                let label = ui.label("Path");
                ui.add(
                    egui::TextEdit::singleline(&mut app.export.typed)
                        .hint_text(format!("~/{}", chosen.file_name("storyline")))
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
                let typed = app.export.typed.trim();
                if ui
                    .add_enabled(!typed.is_empty(), egui::Button::new("Export"))
                    .clicked()
                {
                    let path = expand_home(typed);
                    let format = chosen.for_path(&path);
                    commands.push(Command::ExportTo(path, format));
                }
            });
        });
    if !open {
        app.export.open = false;
    }
    for c in commands {
        app.send(c);
    }
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}
