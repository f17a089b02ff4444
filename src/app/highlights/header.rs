//! The top of the Highlights pane: the open article's source, date,
//! length, and its publication date (which relative dates resolve against).

use egui::{RichText, Ui};

use crate::app::{Command, HighlightsCommand, StorylineApp};

/// The Highlights pane: the article's details, then its highlights.
pub(crate) fn article_info_ui(ui: &mut Ui, app: &mut StorylineApp) {
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
                            app.commands
                                .push(Command::Highlights(HighlightsCommand::AskPublished));
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
        let label = app
            .opening_label()
            .unwrap_or_else(|| "No article open".to_owned());
        ui.label(RichText::new(label).weak());
    }
    ui.separator();
    crate::app::highlights::highlights_ui(ui, app);
}
