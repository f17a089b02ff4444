//! The menu bar: File (with the dossier's items), Edit, View, Article.
//! Each item only queues a command; the named actions' labels, shortcuts
//! and commands come from the table in `actions.rs`.

use egui::{Align, Layout, Ui};

use super::actions::{Action, Menu};
use super::{Command, StorylineApp, WindowCommand, WorkspaceCommand};
use crate::store::ThemeChoice;

pub(super) fn menu_bar_ui(ui: &mut Ui, app: &mut StorylineApp) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(Menu::File.title(), |ui| {
                action_ui(ui, app, Action::Open, true);
                action_ui(ui, app, Action::OpenPath, true);
                ui.menu_button("Open Recent", |ui| {
                    if app.state.recent.is_empty() {
                        ui.label("No recent articles or dossiers");
                    }
                    for path in app.state.recent.clone() {
                        let name = crate::wording::file_name(&path);
                        if ui
                            .button(name)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            app.send(Command::Window(WindowCommand::Open(path)));
                        }
                    }
                });
                action_ui(ui, app, Action::OpenSampleDossier, true).on_hover_text(
                    "The sample story told across seven articles: a copy of your own, made the first time",
                );
                ui.separator();
                dossier_menu_ui(ui, app);
                ui.separator();
                let article = app.article.is_some();
                action_ui(ui, app, Action::Export, article);
                action_ui(ui, app, Action::ImportAnnotations, article).on_hover_text(
                    "Highlights, tags and notes from W3C Web Annotations (JSON) or a Hypothesis export",
                );
                let either = article || app.dossier.is_some();
                action_ui(ui, app, Action::RestoreVersion, either).on_hover_text(
                    "The last five versions of the open dossier and of this article's highlights",
                );
                ui.separator();
                let who = app.author().map_or_else(
                    || "No name yet: your highlights and events are not marked as yours".to_owned(),
                    |n| format!("Your highlights, notes and events are marked as {n}'s"),
                );
                if ui.button("Your Name…").on_hover_text(who).clicked() {
                    app.send(Command::Window(WindowCommand::AskAuthor));
                }
                ui.separator();
                action_ui(ui, app, Action::Quit, true);
            });
            ui.menu_button(Menu::Edit.title(), |ui| {
                let (can_undo, can_redo, has_selection) =
                    app.article.as_ref().map_or((false, false, false), |a| {
                        let ann = &a.save.annotations;
                        (ann.can_undo(), ann.can_redo(), !a.view.selection.is_empty())
                    });
                // Or the dossier's last merge, split, keep-apart or removal.
                let (d_undo, d_redo) = app
                    .dossier
                    .as_ref()
                    .map_or((false, false), |d| (d.can_undo(), d.can_redo()));
                let (can_undo, can_redo) = (can_undo || d_undo, can_redo || d_redo);
                action_ui(ui, app, Action::Undo, can_undo);
                action_ui(ui, app, Action::Redo, can_redo);
                ui.separator();
                action_ui(ui, app, Action::HighlightSelection, has_selection);
                action_ui(ui, app, Action::Copy, has_selection);
                ui.separator();
                action_ui(ui, app, Action::Find, true);
            });
            ui.menu_button(Menu::View.title(), |ui| {
                ui.label("Theme");
                for (choice, name) in [
                    (ThemeChoice::System, "Follow system"),
                    (ThemeChoice::Light, "Light"),
                    (ThemeChoice::Dark, "Dark"),
                ] {
                    if ui.radio(app.state.theme == choice, name).clicked() {
                        app.send(Command::Window(WindowCommand::SetTheme(choice)));
                    }
                }
                ui.separator();
                ui.label("Evidence of events");
                for (style, name) in [
                    (crate::store::EvidenceStyle::Underline, "Dotted underline"),
                    (crate::store::EvidenceStyle::Margin, "Bar in the margin"),
                ] {
                    if ui.radio(app.state.evidence == style, name).clicked() {
                        app.send(Command::Window(WindowCommand::SetEvidenceStyle(style)));
                    }
                }
                ui.separator();
                for pane in crate::store::layout::Pane::ALL {
                    let open = app.workspace.as_ref().is_some_and(|w| w.is_open(pane));
                    let text = Action::ShowPane(pane).menu_text();
                    if pane == crate::store::layout::Pane::Reader {
                        action_ui(ui, app, Action::ShowPane(pane), true);
                    } else if ui.checkbox(&mut open.clone(), text).clicked() {
                        app.send(Command::Workspace(WorkspaceCommand::TogglePane(pane)));
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
                    app.send(Command::Workspace(WorkspaceCommand::ToggleMaximized(maximized.unwrap_or(timeline))));
                }
                if ui.button("Reset Layout").clicked() {
                    app.send(Command::Workspace(WorkspaceCommand::ResetLayout));
                }
                ui.separator();
                action_ui(ui, app, Action::ZoomIn, true);
                action_ui(ui, app, Action::ZoomOut, true);
                action_ui(ui, app, Action::ActualSize, true);
            });
            ui.menu_button(Menu::Article.title(), |ui| {
                let article = app.article.is_some();
                action_ui(ui, app, Action::SetPublished, article);
                ui.separator();
                // In a dossier: its articles by publication date.
                let dossier = app.dossier.is_some();
                action_ui(ui, app, Action::PreviousArticle, dossier);
                action_ui(ui, app, Action::NextArticle, dossier);
            });
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let dark = ui.visuals().dark_mode;
                let (icon, next, tip) = if dark {
                    ("Light", ThemeChoice::Light, "Switch to the light theme")
                } else {
                    ("Dark", ThemeChoice::Dark, "Switch to the dark theme")
                };
                if ui.button(icon).on_hover_text(tip).clicked() {
                    app.send(Command::Window(WindowCommand::SetTheme(next)));
                }
            });
        });
    });
}

/// A menu item for a named action: its label and shortcut from the table,
/// queuing its command when clicked.
fn action_ui(ui: &mut Ui, app: &mut StorylineApp, action: Action, enabled: bool) -> egui::Response {
    debug_assert!(action.menu().is_some(), "{action:?} is in no menu");
    let response = ui.add_enabled(enabled, egui::Button::new(action.menu_text()));
    if response.clicked() {
        app.send(action.command());
    }
    response
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
