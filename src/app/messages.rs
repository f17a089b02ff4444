//! The messages over the bottom of the reader: errors and notices, each
//! naming its file, some with a button.

use egui::{RichText, Ui};

use super::{Command, StorylineApp, WindowCommand};

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
                    ui.label(
                        RichText::new(crate::wording::count(
                            hidden,
                            "earlier message",
                            "earlier messages",
                        ))
                        .weak(),
                    );
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
        app.send(Command::Window(WindowCommand::DismissAllMessages));
    }
    if let Some(i) = dismiss {
        app.send(Command::Window(WindowCommand::DismissMessage(i)));
    }
    if let Some(command) = action {
        app.send(command);
    }
}

/// Seconds a notice stays before it fades (errors stay until dismissed).
const NOTICE_SECONDS: f64 = 8.0;
/// Most messages shown at once; older ones are counted.
const SHOWN_MESSAGES: usize = 3;
