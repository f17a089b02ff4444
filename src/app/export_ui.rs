//! File ▸ Export…: a small window to pick the format, the native save dialog
//! (off the UI thread), and the export itself on a background thread.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{Id, RichText};

use super::picker::PickRequest;
use super::{Command, ExportCommand, Message, PickPurpose, StorylineApp};
use crate::export::{ExportInput, Format, export};

/// A finished export: where it went, its size and what it could not
/// include (a missing article), or why it failed.
type ExportResult = Result<(PathBuf, usize, Vec<String>), String>;

/// The export window's state.
#[derive(Default)]
pub struct ExportState {
    /// The window is shown.
    pub open: bool,
    /// The chosen format.
    pub format: Option<Format>,
    /// A path typed by hand.
    pub typed: String,
    /// An export being written, and its format.
    running: Option<(Format, Receiver<ExportResult>)>,
    /// An export to a file that exists, waiting for "Replace".
    pub confirm: Option<(PathBuf, Format)>,
}

impl StorylineApp {
    /// Export commands.
    pub(super) fn apply_export_command(
        &mut self,
        command: ExportCommand,
        published: Option<jiff::civil::Date>,
    ) {
        match command {
            ExportCommand::ShowExport => {
                if self.article.is_some() || self.dossier.is_some() {
                    self.export.open = true;
                }
            }
            ExportCommand::ExportPick(format) => {
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
            ExportCommand::ExportTo(path, format) => {
                // A name typed without an extension gets the format's.
                let path = if path.extension().is_none() {
                    path.with_extension(format.extension())
                } else {
                    path
                };
                let abs = crate::app::absolute(&path);
                let is_source = self.article.as_ref().is_some_and(|a| a.path == abs)
                    || self
                        .dossier
                        .as_ref()
                        .is_some_and(|d| crate::app::absolute(&d.path) == abs);
                // A dossier's Obsidian export also writes a folder of notes.
                let notes = (format == Format::Obsidian
                    && self.dossier.as_ref().is_some_and(|d| d.show_all))
                .then(|| crate::store::dossier_io::notes_folder(&path))
                .filter(|f| f.exists());
                // (The article or dossier itself is refused below.)
                if (path.exists() || notes.is_some()) && !is_source {
                    // Asked in the export window: replace it, or not.
                    self.export.confirm = Some((path, format));
                    self.export.open = true;
                    return;
                }
                self.apply_export_command(ExportCommand::ExportReplace(path, format), published);
            }
            ExportCommand::ExportReplace(path, format) => {
                self.export.confirm = None;
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
                let annotations = article.save.annotations.clone();
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
                        .map(|()| (path, text.len(), Vec::new()))
                        .map_err(|e| e.to_string());
                    let _ = tx.send(result);
                    ctx.request_repaint();
                });
                self.export.running = Some((format, rx));
                self.export.open = false;
            }
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
            let mut warnings = Vec::new();
            // Obsidian's notes were asked about first (ExportTo) when there.
            let text = crate::store::dossier_io::export(
                format,
                &file,
                &d,
                &saves_dir,
                Some(&path),
                true,
                &mut warnings,
            )
            .map_err(|e| format!("{e:#}"));
            let result = text.and_then(|text| {
                crate::store::atomic_write(&path, text.as_bytes())
                    .map(|()| (path, text.len(), warnings))
                    .map_err(|e| e.to_string())
            });
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        self.export.running = Some((format, rx));
        self.export.open = false;
    }

    pub(super) fn poll_export(&mut self) {
        let Some((format, rx)) = &self.export.running else {
            return;
        };
        let format = *format;
        match rx.try_recv() {
            Ok(Ok((path, bytes, warnings))) => {
                self.export.running = None;
                for w in warnings {
                    self.messages.push(Message::notice(w));
                }
                self.messages.push(Message::notice(format!(
                    "Exported as {} to {} ({} KB).",
                    format.label(),
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

/// The export window: the format, then where (a dialog or a typed path
/// that follows the format), then what the format holds — below the
/// buttons, so choosing a format never moves them under the pointer.
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
            if let Some((path, format)) = app.export.confirm.clone() {
                let notes = crate::store::dossier_io::notes_folder(&path);
                let with_notes = format == Format::Obsidian
                    && app.dossier.as_ref().is_some_and(|d| d.show_all)
                    && notes.exists();
                if path.exists() {
                    ui.label(format!("{} already exists.", path.display()));
                }
                if with_notes {
                    ui.label(format!(
                        "The folder {} holds notes of an earlier export: their notes will be replaced too.",
                        notes.display()
                    ));
                }
                ui.label(format!("Replace it with the {} export?", format.label()));
                ui.horizontal(|ui| {
                    if ui.button("Replace").clicked() {
                        commands.push(Command::Export(ExportCommand::ExportReplace(path, format)));
                    }
                    if ui.button("Cancel").clicked() {
                        app.export.confirm = None;
                    }
                });
                return;
            }
            let dossier = app.dossier.as_ref().filter(|d| d.show_all);
            match dossier {
                Some(d) => ui.label(format!(
                    "Export the dossier “{}” ({}), every event with its sources, as:",
                    d.dossier.name,
                    crate::wording::count(d.dossier.articles.len(), "article", "articles")
                )),
                None => ui.label("Export the annotated timeline as:"),
            };
            let dossier = dossier.is_some();
            let chosen = app.export.format.unwrap_or(Format::Html);
            for f in Format::ALL {
                if ui
                    .radio(chosen == f, format!("{} (.{})", f.label(), f.extension()))
                    .clicked()
                    && f != chosen
                {
                    app.export.format = Some(f);
                    // The typed path follows the format.
                    let typed = app.export.typed.trim();
                    if !typed.is_empty() {
                        app.export.typed = f.path_for(Path::new(typed)).display().to_string();
                    }
                }
            }
            let chosen = app.export.format.unwrap_or(Format::Html);
            ui.add_space(6.0);
            if ui.button("Choose file…").clicked() {
                commands.push(Command::Export(ExportCommand::ExportPick(chosen)));
            }
            ui.label(RichText::new("or type a path:").weak());
            ui.horizontal(|ui| {
                let label = ui.label("Path");
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut app.export.typed)
                            .hint_text(format!("~/{}", chosen.file_name("storyline")))
                            .desired_width(260.0),
                    )
                    .labelled_by(label.id);
                // A typed extension of another kind picks that format.
                if r.changed() {
                    let f = chosen.for_path(Path::new(app.export.typed.trim()));
                    if f != chosen {
                        app.export.format = Some(f);
                    }
                }
                let typed = app.export.typed.trim();
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui
                    .add_enabled(!typed.is_empty(), egui::Button::new("Export"))
                    .clicked()
                    || (enter && !typed.is_empty())
                {
                    commands.push(Command::Export(ExportCommand::ExportTo(expand_home(typed), chosen)));
                }
            });
            ui.add_space(4.0);
            ui.label(RichText::new(hint(chosen, dossier)).weak());
        });
    if !open {
        app.export.open = false;
        app.export.confirm = None;
    }
    for c in commands {
        app.send(c);
    }
}

/// What an export in `format` holds, in a line.
fn hint(format: Format, dossier: bool) -> &'static str {
    match (format, dossier) {
        (Format::Html, _) => "A page to open in any browser: the timeline and every quote.",
        (Format::Markdown, _) => "Text with the timeline as a table.",
        (Format::Svg, _) => "The timeline as a picture.",
        (Format::Json, _) => "W3C Web Annotations: every highlight with its quote, tags and note.",
        (Format::Csv, true) => "One row per source of each event.",
        (Format::Csv, false) => "One row per event.",
        (Format::Readwise, _) => {
            "One row per highlight; tags become Readwise's inline .tags in the note."
        }
        (Format::Obsidian, true) => {
            "An index note with the timeline, and one note per article in a folder beside it."
        }
        (Format::Obsidian, false) => {
            "Each highlight a quote block with its tags and note; its id is the block id (^h-…)."
        }
        (Format::TimelineJs, _) => "For TimelineJS: one slide per event, with its sources.",
    }
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}
