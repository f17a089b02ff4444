//! The find bar over the reader: the query, the match count, previous and
//! next. The searching itself is `find.rs`.

use egui::{Align, Key, Layout, Ui};

use super::{Command, Direction, ReaderCommand, StorylineApp};

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
                app.send(Command::Reader(ReaderCommand::RefreshFind));
            }
            let (enter, shift, esc) = ui.input(|i| {
                (
                    i.key_pressed(Key::Enter),
                    i.modifiers.shift,
                    i.key_pressed(Key::Escape),
                )
            });
            if response.lost_focus() && enter {
                app.send(Command::Reader(ReaderCommand::FindStep(if shift {
                    Direction::Back
                } else {
                    Direction::Forward
                })));
                response.request_focus();
            }
            if esc && (response.has_focus() || response.lost_focus()) {
                app.send(Command::Reader(ReaderCommand::CloseFind));
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
                app.send(Command::Reader(ReaderCommand::FindStep(Direction::Back)));
            }
            if ui
                .button("Next")
                .on_hover_text("Next match (Enter)")
                .clicked()
            {
                app.send(Command::Reader(ReaderCommand::FindStep(Direction::Forward)));
            }
            ui.label(label);
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui.button("×").on_hover_text("Close (Esc)").clicked() {
                    app.send(Command::Reader(ReaderCommand::CloseFind));
                }
            });
        });
    });
}
