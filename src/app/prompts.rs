//! Small windows that ask for one thing: a path (when no file dialog can
//! be shown), the publication date; and the overlay shown while files are
//! dragged over the window.

use egui::{Key, RichText};

use super::{
    Command, ExportCommand, HighlightsCommand, PickPurpose, StorylineApp, Unmatched, WindowCommand,
};

pub(super) fn drop_overlay_ui(ctx: &egui::Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-overlay"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop to open the article",
        egui::FontId::proportional(28.0),
        egui::Color32::WHITE,
    );
}

/// Whether the open one-field dialog (publication date, your name) has
/// focused its field yet.
fn date_focus_id() -> egui::Id {
    egui::Id::unique("date-prompt-focused")
}

/// Focuses `field` when its dialog opens (not every frame, so the buttons
/// can take the focus); the dialog forgets [`date_focus_id`] when it closes.
fn focus_once(ui: &egui::Ui, field: &egui::Response) {
    let opened = ui.ctx().data_mut(|d| {
        let first = !d.get_temp::<bool>(date_focus_id()).unwrap_or(false);
        d.insert_temp(date_focus_id(), true);
        first
    });
    if opened {
        field.request_focus();
    }
}

pub(super) fn prompts_ui(ctx: &egui::Context, app: &mut StorylineApp) {
    if let Some(mut path) = app.path_prompt.take() {
        let mut keep = true;
        let purpose = app.prompt_for;
        let (title, what, button) = match purpose {
            PickPurpose::ImportAnnotations => (
                "Import annotations by path",
                "Path of W3C Web Annotations (JSON) or a Hypothesis export:",
                "Import",
            ),
            PickPurpose::NewDossier => (
                "New dossier",
                "Path of the new dossier file (NAME.dossier.ron):",
                "Create",
            ),
            PickPurpose::AddToDossier => (
                "Add to the dossier",
                "Path of an article, or of a folder of articles:",
                "Add",
            ),
            PickPurpose::Export(_) => ("Export to a path", "Path of the file to write:", "Export"),
            PickPurpose::Open => (
                "Open an article by path",
                "Path of an article (Markdown, text, web page, e-mail, EPUB, Word, RTF, PDF) or a dossier:",
                "Open",
            ),
        };
        // Above the messages at the bottom of the window, never under them.
        egui::Window::new(title)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 110.0])
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                let label = ui.label(what);
                let r = ui
                    .add(egui::TextEdit::singleline(&mut path).desired_width(420.0))
                    .labelled_by(label.id);
                r.request_focus();
                let enter = ui.input(|i| i.key_pressed(Key::Enter));
                ui.horizontal(|ui| {
                    if ui.button(button).clicked() || (enter && !path.trim().is_empty()) {
                        let path = std::path::PathBuf::from(path.trim());
                        app.send(match purpose {
                            PickPurpose::ImportAnnotations => Command::Highlights(
                                HighlightsCommand::ImportAnnotations(path, Unmatched::Refuse),
                            ),
                            PickPurpose::NewDossier => {
                                Command::Dossier(super::dossier::DossierAction::New(path))
                            }
                            PickPurpose::AddToDossier => {
                                Command::Dossier(super::dossier::DossierAction::Add(vec![path]))
                            }
                            PickPurpose::Export(format) => {
                                Command::Export(ExportCommand::ExportTo(path, format))
                            }
                            PickPurpose::Open => Command::Window(WindowCommand::Open(path)),
                        });
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                        keep = false;
                    }
                });
            });
        if keep {
            app.path_prompt = Some(path);
        }
    }
    author_prompt_ui(ctx, app);
    if let Some(mut date) = app.date_prompt.take() {
        let mut keep = true;
        egui::Window::new("Publication date")
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label("The date the article was published (YYYY-MM-DD).");
                ui.label(
                    RichText::new("Relative dates such as “next week” resolve against it.").weak(),
                );
                let field = ui.add(egui::TextEdit::singleline(&mut date).hint_text("2020-01-23"));
                focus_once(ui, &field);
                let parsed = date.trim().parse::<jiff::civil::Date>();
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                if !date.trim().is_empty() && parsed.is_err() {
                    ui.colored_label(ui.visuals().error_fg_color, "Not a date: use YYYY-MM-DD");
                }
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(parsed.is_ok(), egui::Button::new("Save"))
                        .clicked()
                        || (enter && parsed.is_ok())
                    {
                        app.send(Command::Highlights(HighlightsCommand::SetPublished(
                            parsed.ok().map(|d| d.to_string()),
                        )));
                        keep = false;
                    }
                    // Offered only when the article states a date of its own.
                    if let Some(own) = app.article.as_ref().and_then(|a| a.doc.meta.published)
                        && ui
                            .button(format!("Use the article's date ({own})"))
                            .clicked()
                    {
                        app.send(Command::Highlights(HighlightsCommand::SetPublished(None)));
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep = false;
                    }
                });
            });
        if keep {
            app.date_prompt = Some(date);
        } else {
            ctx.data_mut(|d| d.remove::<bool>(date_focus_id()));
        }
    }
}

/// "Your name": asked once, remembered; recorded on this user's work.
fn author_prompt_ui(ctx: &egui::Context, app: &mut StorylineApp) {
    let Some(mut name) = app.author_prompt.take() else {
        return;
    };
    let mut keep = true;
    egui::Window::new("Your name")
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            let label = ui.label("The name shown on the highlights, notes and events you add or change:");
            ui.label(
                RichText::new("A team sharing a dossier sees who did what. Empty: git's user.name, else your login.")
                    .weak(),
            );
            let field = ui
                .add(egui::TextEdit::singleline(&mut name).hint_text("Ana Lima"))
                .labelled_by(label.id);
            focus_once(ui, &field);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() || enter {
                    let given = (!name.trim().is_empty()).then(|| name.trim().to_owned());
                    app.send(Command::Window(WindowCommand::SetAuthor(given)));
                    keep = false;
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    keep = false;
                }
            });
        });
    if keep {
        app.author_prompt = Some(name);
    } else {
        ctx.data_mut(|d| d.remove::<bool>(date_focus_id()));
    }
}
