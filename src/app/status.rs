//! The status bar under the workspace, and what the reader shows with no
//! article open.

use egui::{Align, Layout, RichText, Ui};

use super::{Command, StorylineApp, WindowCommand};

pub(super) fn status_bar_ui(ui: &mut Ui, app: &StorylineApp) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            let Some(article) = &app.article else {
                ui.label(
                    app.opening_label()
                        .unwrap_or_else(|| "No article open".to_owned()),
                );
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

pub(super) fn empty_ui(ui: &mut Ui, app: &mut StorylineApp) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.label(RichText::new("No article open").heading());
        ui.label(
            "Open an article — Markdown, text, HTML or a saved web page, PDF, EPUB, Word, RTF, e-mail, a mailbox — or a dossier, or drop one on the window.",
        );
        if ui.button("Open…").clicked() {
            app.send(Command::Window(WindowCommand::ShowOpenDialog));
        }
    });
}
