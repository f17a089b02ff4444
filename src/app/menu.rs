//! The menu bar: File (with the dossier's items), Edit, View, Article.
//! Each item only queues a command.

use egui::{Align, Layout, Ui};

use super::{
    Command, ExportCommand, HighlightsCommand, ReaderCommand, StorylineApp, WindowCommand,
    WorkspaceCommand,
};
use crate::store::ThemeChoice;

pub(super) fn menu_bar_ui(ui: &mut Ui, app: &mut StorylineApp) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open…  (Ctrl+O)").clicked() {
                    app.send(Command::Window(WindowCommand::ShowOpenDialog));
                }
                if ui.button("Open Path…  (Ctrl+Shift+L)").clicked() {
                    app.send(Command::Window(WindowCommand::ShowPathPrompt));
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
                            app.send(Command::Window(WindowCommand::Open(path)));
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
                    app.send(Command::Export(ExportCommand::ShowExport));
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
                    app.send(Command::Highlights(HighlightsCommand::ShowImportDialog));
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
                    app.send(Command::Window(WindowCommand::ShowRestore(None)));
                }
                ui.separator();
                if ui.button("Quit  (Ctrl+Q)").clicked() {
                    app.send(Command::Window(WindowCommand::Quit));
                }
            });
            ui.menu_button("Edit", |ui| {
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
                if ui
                    .add_enabled(can_undo, egui::Button::new("Undo  (Ctrl+Z)"))
                    .clicked()
                {
                    app.send(Command::Window(WindowCommand::Undo));
                }
                if ui
                    .add_enabled(can_redo, egui::Button::new("Redo  (Ctrl+Shift+Z)"))
                    .clicked()
                {
                    app.send(Command::Window(WindowCommand::Redo));
                }
                ui.separator();
                if ui
                    .add_enabled(has_selection, egui::Button::new("Highlight Selection  (H)"))
                    .clicked()
                {
                    app.send(Command::Highlights(HighlightsCommand::Highlight(crate::annotate::HighlightColor::Yellow)));
                }
                if ui
                    .add_enabled(has_selection, egui::Button::new("Copy  (Ctrl+C)"))
                    .clicked()
                {
                    app.send(Command::Reader(ReaderCommand::CopySelection));
                }
                ui.separator();
                if ui.button("Find…  (Ctrl+F)").clicked() {
                    app.send(Command::Reader(ReaderCommand::OpenFind));
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
                        app.send(Command::Window(WindowCommand::SetTheme(choice)));
                    }
                }
                ui.separator();
                for pane in crate::store::layout::Pane::ALL {
                    let open = app.workspace.as_ref().is_some_and(|w| w.is_open(pane));
                    let text = format!("{}  ({})", pane.title(), super::panes::shortcut(pane));
                    if pane == crate::store::layout::Pane::Reader {
                        if ui.button(text).clicked() {
                            app.send(Command::Workspace(WorkspaceCommand::ShowPane(pane)));
                        }
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
                if ui.button("Zoom In  (Ctrl++)").clicked() {
                    app.send(Command::Reader(ReaderCommand::Zoom(1.1)));
                }
                if ui.button("Zoom Out  (Ctrl+-)").clicked() {
                    app.send(Command::Reader(ReaderCommand::Zoom(1.0 / 1.1)));
                }
                if ui.button("Actual Size  (Ctrl+0)").clicked() {
                    app.send(Command::Reader(ReaderCommand::ZoomReset));
                }
            });
            ui.menu_button("Article", |ui| {
                let enabled = app.article.is_some();
                if ui
                    .add_enabled(enabled, egui::Button::new("Set Publication Date…"))
                    .clicked()
                {
                    app.send(Command::Highlights(HighlightsCommand::AskPublished));
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
                    app.send(Command::Window(WindowCommand::SetTheme(next)));
                }
            });
        });
    });
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
