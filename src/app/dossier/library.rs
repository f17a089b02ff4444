//! The Library pane: the dossier's articles by publication date.

use crate::app::actions::Action;
use egui::{RichText, Ui};

use super::DossierAction;
use crate::app::{Command, StorylineApp};

/// The Library pane.
pub(crate) fn library_pane_ui(ui: &mut Ui, app: &mut StorylineApp) {
    let StorylineApp {
        dossier, commands, ..
    } = app;
    let Some(open) = dossier.as_ref() else {
        ui.label(RichText::new("No dossier is open.").weak());
        ui.add_space(6.0);
        ui.label(
            RichText::new(
                "A dossier gathers the articles of one story on one timeline. \
                 File > New Dossier… starts one with the open article; \
                 File > Open… opens a .dossier.ron file.",
            )
            .weak(),
        );
        if ui.button("New Dossier…").clicked() {
            commands.push(Command::Dossier(DossierAction::AskNew));
        }
        return;
    };
    let d = &open.dossier;
    ui.horizontal_wrapped(|ui| {
        ui.heading(&d.name);
        ui.label(
            RichText::new(format!(
                "{} · {}",
                crate::wording::count(d.articles.len(), "article", "articles"),
                crate::wording::count(d.events.len(), "event", "events")
            ))
            .weak(),
        );
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Add Articles…")
            .on_hover_text("Or drop files or a folder on the window")
            .clicked()
        {
            commands.push(Command::Dossier(DossierAction::AskAdd));
        }
        if ui.button("Close Dossier").clicked() {
            commands.push(Command::Dossier(DossierAction::Close));
        }
    });
    ui.label(
        RichText::new(format!(
            "{} / {}: previous / next article",
            Action::PreviousArticle.shortcut_text().unwrap_or_default(),
            Action::NextArticle.shortcut_text().unwrap_or_default()
        ))
        .weak()
        .small(),
    );
    // A dossier made before folders carried saves: offer to make it so.
    if !crate::store::dossier_folder::is_dossier_folder(&open.path) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(
                    "Its highlights are kept in your own saves folder, so a copy of this \
                     dossier's folder would show none of them.",
                )
                .weak(),
            );
            if ui
                .button("Keep highlights with the dossier")
                .on_hover_text(
                    "Copy each article's save into a saves folder beside the dossier \
                     (the originals stay); the folder then carries everything",
                )
                .clicked()
            {
                commands.push(Command::Dossier(DossierAction::Adopt));
            }
        });
    }
    ui.separator();
    if d.articles.is_empty() {
        ui.label(
            RichText::new("No articles yet: add some with “Add Articles…”, or drop them here.")
                .weak(),
        );
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("library")
        .auto_shrink(false)
        .show(ui, |ui| {
            for a in &d.articles {
                let missing = open.missing.contains(&a.path);
                let current = open.current.as_deref() == Some(a.path.as_str());
                let title = if current {
                    RichText::new(&a.title).strong()
                } else {
                    RichText::new(&a.title)
                };
                let r = ui
                    .add_enabled(!missing, egui::Button::selectable(current, title).wrap())
                    .on_hover_text(&a.path);
                if r.clicked() {
                    commands.push(Command::Dossier(DossierAction::OpenArticle(
                        a.path.clone(),
                        None,
                    )));
                }
                r.context_menu(|ui| {
                    if ui.button("Remove from Dossier").clicked() {
                        commands.push(Command::Dossier(DossierAction::Remove(a.path.clone())));
                        ui.close();
                    }
                });
                let mut line = Vec::new();
                if let Some(s) = &a.source {
                    line.push(s.clone());
                }
                line.push(a.published.map_or("undated".to_owned(), |p| {
                    p.strftime("%b %-d, %Y").to_string()
                }));
                line.push(crate::wording::count(
                    a.highlights,
                    "highlight",
                    "highlights",
                ));
                if a.orphans > 0 {
                    line.push(crate::wording::count(a.orphans, "orphan", "orphans"));
                }
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(line.join(" · ")).weak().small());
                    if open.outside.contains(&a.path) {
                        ui.label(
                            RichText::new("outside the folder — not read")
                                .small()
                                .color(ui.visuals().warn_fg_color),
                        )
                        .on_hover_text(
                            "Listed by the dossier outside its own folder: read only once you agree (or `storyline dossier trust`).",
                        );
                        if ui
                            .small_button("Read outside articles")
                            .on_hover_text(
                                "Read every article this dossier lists outside its folder — only if you trust whoever made it",
                            )
                            .clicked()
                        {
                            commands.push(Command::Dossier(DossierAction::TrustOutside));
                        }
                    } else if missing {
                        ui.label(
                            RichText::new("missing")
                                .small()
                                .color(ui.visuals().error_fg_color),
                        )
                        .on_hover_text("Not found on disk: its highlights and events are kept.");
                        if ui.small_button("Remove").clicked() {
                            commands.push(Command::Dossier(DossierAction::Remove(a.path.clone())));
                        }
                    }
                });
                ui.add_space(4.0);
            }
        });
}
