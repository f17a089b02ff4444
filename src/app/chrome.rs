//! The window around the reader: menu bar, find bar, side panel, status bar,
//! messages and small prompts. Each `*_ui` only reads state and queues commands.

use egui::{Align, Key, Layout, RichText, Ui};

use super::{Command, Direction, PickPurpose, StorylineApp, Unmatched};
use crate::store::ThemeChoice;

pub(super) fn menu_bar_ui(ui: &mut Ui, app: &mut StorylineApp) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open…  (Ctrl+O)").clicked() {
                    app.send(Command::ShowOpenDialog);
                }
                if ui.button("Open Path…  (Ctrl+Shift+L)").clicked() {
                    app.send(Command::ShowPathPrompt);
                }
                ui.menu_button("Open Recent", |ui| {
                    if app.state.recent.is_empty() {
                        ui.label("No recent articles or dossiers");
                    }
                    for path in app.state.recent.clone() {
                        let name = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        if ui
                            .button(name)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            app.send(Command::Open(path));
                        }
                    }
                });
                ui.separator();
                dossier_menu_ui(ui, app);
                ui.separator();
                if ui
                    .add_enabled(
                        app.article.is_some(),
                        egui::Button::new("Export…  (Ctrl+E)"),
                    )
                    .clicked()
                {
                    app.send(Command::ShowExport);
                }
                if ui
                    .add_enabled(
                        app.article.is_some(),
                        egui::Button::new("Import Annotations…"),
                    )
                    .on_hover_text(
                        "Highlights, tags and notes from W3C Web Annotations (JSON) or a Hypothesis export",
                    )
                    .clicked()
                {
                    app.send(Command::ShowImportDialog);
                }
                if ui
                    .add_enabled(
                        app.article.is_some() || app.dossier.is_some(),
                        egui::Button::new("Restore a Previous Version…"),
                    )
                    .on_hover_text(
                        "The last five versions of the open dossier and of this article's highlights",
                    )
                    .clicked()
                {
                    app.send(Command::ShowRestore(None));
                }
                ui.separator();
                if ui.button("Quit  (Ctrl+Q)").clicked() {
                    app.send(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                let (can_undo, can_redo, has_selection) =
                    app.article.as_ref().map_or((false, false, false), |a| {
                        let ann = &a.notes.annotations;
                        (ann.can_undo(), ann.can_redo(), !a.view.selection.is_empty())
                    });
                // Or the dossier's last merge, split or keep-apart.
                let (d_undo, d_redo) = app
                    .dossier
                    .as_ref()
                    .filter(|_| app.dossier_changed_last)
                    .map_or((false, false), |d| (d.can_undo(), d.can_redo()));
                let (can_undo, can_redo) = (can_undo || d_undo, can_redo || d_redo);
                if ui
                    .add_enabled(can_undo, egui::Button::new("Undo  (Ctrl+Z)"))
                    .clicked()
                {
                    app.send(Command::Annotate(crate::annotate::Command::Undo));
                }
                if ui
                    .add_enabled(can_redo, egui::Button::new("Redo  (Ctrl+Shift+Z)"))
                    .clicked()
                {
                    app.send(Command::Annotate(crate::annotate::Command::Redo));
                }
                ui.separator();
                if ui
                    .add_enabled(has_selection, egui::Button::new("Highlight Selection  (H)"))
                    .clicked()
                {
                    app.send(Command::Highlight(crate::annotate::HighlightColor::Yellow));
                }
                if ui
                    .add_enabled(has_selection, egui::Button::new("Copy  (Ctrl+C)"))
                    .clicked()
                {
                    app.send(Command::CopySelection);
                }
                ui.separator();
                if ui.button("Find…  (Ctrl+F)").clicked() {
                    app.send(Command::OpenFind);
                }
            });
            ui.menu_button("View", |ui| {
                ui.label("Theme");
                for (choice, name) in [
                    (ThemeChoice::System, "Follow system"),
                    (ThemeChoice::Light, "Light"),
                    (ThemeChoice::Dark, "Dark"),
                ] {
                    if ui.radio(app.state.theme == choice, name).clicked() {
                        app.send(Command::SetTheme(choice));
                    }
                }
                ui.separator();
                for pane in crate::store::layout::Pane::ALL {
                    let open = app.workspace.as_ref().is_some_and(|w| w.is_open(pane));
                    let text = format!("{}  ({})", pane.title(), super::panes::shortcut(pane));
                    if pane == crate::store::layout::Pane::Reader {
                        if ui.button(text).clicked() {
                            app.send(Command::ShowPane(pane));
                        }
                    } else if ui.checkbox(&mut open.clone(), text).clicked() {
                        app.send(Command::TogglePane(pane));
                    }
                }
                let timeline = crate::store::layout::Pane::Timeline;
                let maximized = app.workspace.as_ref().and_then(|w| w.maximized);
                let label = if maximized.is_some() {
                    "Restore Layout"
                } else {
                    "Maximise Timeline"
                };
                if ui.button(label).clicked() {
                    app.send(Command::ToggleMaximized(maximized.unwrap_or(timeline)));
                }
                if ui.button("Reset Layout").clicked() {
                    app.send(Command::ResetLayout);
                }
                ui.separator();
                if ui.button("Zoom In  (Ctrl++)").clicked() {
                    app.send(Command::Zoom(1.1));
                }
                if ui.button("Zoom Out  (Ctrl+-)").clicked() {
                    app.send(Command::Zoom(1.0 / 1.1));
                }
                if ui.button("Actual Size  (Ctrl+0)").clicked() {
                    app.send(Command::ZoomReset);
                }
            });
            ui.menu_button("Article", |ui| {
                let enabled = app.article.is_some();
                if ui
                    .add_enabled(enabled, egui::Button::new("Set Publication Date…"))
                    .clicked()
                {
                    let current = app
                        .published()
                        .map(|(d, _)| d.to_string())
                        .unwrap_or_default();
                    app.date_prompt = Some(current);
                }
            });
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let dark = ui.visuals().dark_mode;
                let (icon, next, tip) = if dark {
                    ("Light", ThemeChoice::Light, "Switch to the light theme")
                } else {
                    ("Dark", ThemeChoice::Dark, "Switch to the dark theme")
                };
                if ui.button(icon).on_hover_text(tip).clicked() {
                    app.send(Command::SetTheme(next));
                }
            });
        });
    });
}

pub(super) fn find_bar_ui(ui: &mut Ui, app: &mut StorylineApp) {
    egui::Panel::top("find").show(ui, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label("Find:");
            let edit = egui::TextEdit::singleline(&mut app.find.query)
                .hint_text("Search the article")
                .desired_width(260.0);
            let response = ui.add(edit).labelled_by(label.id);
            if std::mem::take(&mut app.find.focus) {
                response.request_focus();
            }
            if response.changed() {
                app.send(Command::RefreshFind);
            }
            let (enter, shift, esc) = ui.input(|i| {
                (
                    i.key_pressed(Key::Enter),
                    i.modifiers.shift,
                    i.key_pressed(Key::Escape),
                )
            });
            if response.lost_focus() && enter {
                app.send(Command::FindStep(if shift {
                    Direction::Back
                } else {
                    Direction::Forward
                }));
                response.request_focus();
            }
            if esc && (response.has_focus() || response.lost_focus()) {
                app.send(Command::CloseFind);
            }
            let n = app.find.matches.len();
            let label = match (n, app.find.current) {
                (0, _) if app.find.query.trim().is_empty() => String::new(),
                (0, _) => "No matches".to_owned(),
                (n, Some(i)) => format!("{} of {n}", i + 1),
                (n, None) => format!("{n} matches"),
            };
            if ui
                .button("Previous")
                .on_hover_text("Previous match (Shift+Enter)")
                .clicked()
            {
                app.send(Command::FindStep(Direction::Back));
            }
            if ui
                .button("Next")
                .on_hover_text("Next match (Enter)")
                .clicked()
            {
                app.send(Command::FindStep(Direction::Forward));
            }
            ui.label(label);
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui.button("×").on_hover_text("Close (Esc)").clicked() {
                    app.send(Command::CloseFind);
                }
            });
        });
    });
}

pub(super) fn status_bar_ui(ui: &mut Ui, app: &StorylineApp) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            let Some(article) = &app.article else {
                ui.label("No article open");
                return;
            };
            ui.label(article.path.display().to_string())
                .on_hover_text("The article's file (Storyline never changes it)");
            ui.separator();
            let meta = &article.doc.meta;
            ui.label(format!(
                "{} words · {} min read",
                meta.word_count, meta.reading_minutes
            ));
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                // How far the reader has got: the end of what is on screen
                // (100 % at the end of the article, not the last page's top).
                let percent = (article.view.bottom_char().0.min(article.doc.char_len) * 100)
                    .checked_div(article.doc.char_len)
                    .unwrap_or(0);
                ui.label(format!("{percent} %"));
                ui.separator();
                ui.label(format!("Zoom {:.0} %", app.state.zoom * 100.0));
            });
        });
    });
}

/// The Highlights pane: the article's details, then its highlights.
pub(super) fn article_info_ui(ui: &mut Ui, app: &mut StorylineApp) {
    ui.add_space(6.0);
    ui.heading("Article");
    let published = app.published();
    if let Some(article) = &app.article {
        let meta = &article.doc.meta;
        egui::Grid::new("meta")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Source").weak());
                ui.label(meta.source.as_deref().unwrap_or("—"));
                ui.end_row();
                ui.label(RichText::new("Published").weak());
                match published {
                    Some((date, by_user)) => {
                        let text = date.strftime("%B %-d, %Y").to_string();
                        let r = ui.label(if by_user {
                            format!("{text} (set by you)")
                        } else {
                            text
                        });
                        if by_user {
                            r.on_hover_text("You set this date (Article > Set Publication Date…)");
                        }
                    }
                    None => {
                        if ui
                            .link("not found — set it")
                            .on_hover_text("Relative dates such as “next week” resolve against it")
                            .clicked()
                        {
                            app.date_prompt = Some(String::new());
                        }
                    }
                }
                ui.end_row();
                ui.label(RichText::new("Length").weak());
                ui.label(format!(
                    "{} words, {} min",
                    meta.word_count, meta.reading_minutes
                ));
                ui.end_row();
            });
    } else {
        ui.label(RichText::new("No article open").weak());
    }
    ui.separator();
    crate::app::highlights::highlights_ui(ui, app);
}

/// Seconds a notice stays before it fades (errors stay until dismissed).
const NOTICE_SECONDS: f64 = 8.0;
/// Most messages shown at once; older ones are counted.
const SHOWN_MESSAGES: usize = 3;

/// Messages over the bottom of `area` (the reader), newest last: they never
/// push the text down. Notices go after [`NOTICE_SECONDS`]; errors and
/// messages with a button stay until dismissed.
pub(super) fn messages_ui(ui: &mut Ui, app: &mut StorylineApp, area: egui::Rect) {
    let now = ui.input(|i| i.time);
    let fades = |m: &super::Message| !m.error && m.action.is_none();
    for m in &mut app.messages {
        m.shown_at.get_or_insert(now);
    }
    app.messages
        .retain(|m| !fades(m) || now - m.shown_at.unwrap_or(now) < NOTICE_SECONDS);
    if let Some(wait) = app
        .messages
        .iter()
        .filter(|m| fades(m))
        .map(|m| m.shown_at.unwrap_or(now) + NOTICE_SECONDS - now)
        .reduce(f64::min)
    {
        ui.ctx()
            .request_repaint_after_secs(wait.max(0.0) as f32 + 0.05);
    }
    if app.messages.is_empty() {
        return;
    }
    let mut dismiss = None;
    let mut dismiss_all = false;
    let mut action = None;
    let width = (area.width() - 32.0).clamp(120.0, 620.0);
    let hidden = app.messages.len().saturating_sub(SHOWN_MESSAGES);
    egui::Area::new(ui.scope_id().with("messages"))
        .order(egui::Order::Foreground)
        .pivot(egui::Align2::CENTER_BOTTOM)
        .fixed_pos(egui::pos2(area.center().x, area.max.y - 14.0))
        .constrain_to(area)
        .show(ui.ctx(), |ui| {
            ui.set_width(width);
            if hidden > 0 {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{hidden} earlier messages")).weak());
                    if ui.small_button("Dismiss all").clicked() {
                        dismiss_all = true;
                    }
                });
            }
            for (i, message) in app.messages.iter().enumerate().skip(hidden) {
                let visuals = ui.visuals();
                let (accent, text) = if message.error {
                    (visuals.error_fg_color, visuals.error_fg_color)
                } else {
                    (visuals.warn_fg_color, visuals.text_color())
                };
                egui::Frame::popup(ui.style())
                    .stroke(egui::Stroke::new(1.0, accent.gamma_multiply(0.6)))
                    .inner_margin(8.0)
                    .show(ui, |ui| {
                        ui.set_width(width - 16.0);
                        ui.horizontal_wrapped(|ui| {
                            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                                dismiss = Some(i);
                            }
                            ui.add(
                                egui::Label::new(RichText::new(&message.text).color(text)).wrap(),
                            );
                            if let Some((label, command)) = &message.action
                                && ui.button(label).clicked()
                            {
                                action = Some(command.clone());
                            }
                        });
                    });
                ui.add_space(4.0);
            }
        });
    if dismiss_all {
        app.messages.clear();
    }
    if let Some(i) = dismiss {
        app.send(Command::DismissMessage(i));
    }
    if let Some(command) = action {
        app.send(command);
    }
}

pub(super) fn empty_ui(ui: &mut Ui, app: &mut StorylineApp) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.label(RichText::new("No article open").heading());
        ui.label("Open a Markdown, text or HTML article, or drop one on the window.");
        if ui.button("Open…").clicked() {
            app.send(Command::ShowOpenDialog);
        }
    });
}

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

/// Whether the publication-date dialog has focused its field yet.
fn date_focus_id() -> egui::Id {
    egui::Id::unique("date-prompt-focused")
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
                            PickPurpose::ImportAnnotations => {
                                Command::ImportAnnotations(path, Unmatched::Refuse)
                            }
                            PickPurpose::NewDossier => {
                                Command::Dossier(super::dossier::DossierAction::New(path))
                            }
                            PickPurpose::AddToDossier => {
                                Command::Dossier(super::dossier::DossierAction::Add(vec![path]))
                            }
                            PickPurpose::Export(format) => Command::ExportTo(path, format),
                            PickPurpose::Open => Command::Open(path),
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
                // Focus the field when the dialog opens (not every frame, so
                // the buttons can take the focus).
                let opened = ui.ctx().data_mut(|d| {
                    let first = !d.get_temp::<bool>(date_focus_id()).unwrap_or(false);
                    d.insert_temp(date_focus_id(), true);
                    first
                });
                if opened {
                    field.request_focus();
                }
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
                        app.send(Command::SetPublished(parsed.ok().map(|d| d.to_string())));
                        keep = false;
                    }
                    // Offered only when the article states a date of its own.
                    if let Some(own) = app.article.as_ref().and_then(|a| a.doc.meta.published)
                        && ui
                            .button(format!("Use the article's date ({own})"))
                            .clicked()
                    {
                        app.send(Command::SetPublished(None));
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

/// File ▸ the dossier's items.
fn dossier_menu_ui(ui: &mut Ui, app: &mut StorylineApp) {
    use super::dossier::DossierAction;
    let (open, current) = app
        .dossier
        .as_ref()
        .map_or((false, None), |d| (true, d.current.clone()));
    if ui
        .button("New Dossier…")
        .on_hover_text(
            "One story across many articles, on one timeline (starts with the open article)",
        )
        .clicked()
    {
        app.send(Command::Dossier(DossierAction::AskNew));
    }
    if ui
        .add_enabled(open, egui::Button::new("Add Articles to Dossier…"))
        .on_hover_text("Or drop files or a folder on the window")
        .clicked()
    {
        app.send(Command::Dossier(DossierAction::AskAdd));
    }
    if ui
        .add_enabled(
            current.is_some(),
            egui::Button::new("Remove Article from Dossier"),
        )
        .clicked()
        && let Some(c) = current
    {
        app.send(Command::Dossier(DossierAction::Remove(c)));
    }
    if ui
        .add_enabled(open, egui::Button::new("Close Dossier"))
        .clicked()
    {
        app.send(Command::Dossier(DossierAction::Close));
    }
}
