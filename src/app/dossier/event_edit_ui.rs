//! Editing a dossier event where it is shown: its title (typed, or one of
//! the titles its sources suggest), its lane, its note, and deleting it —
//! each an undoable dossier command.

use egui::{RichText, Ui};

use super::DossierAction;
use crate::app::Command;
use crate::dossier::{Dossier, DossierEvent, EventEdit};

/// The editor for `e` (text being typed is kept in egui's memory until the
/// field loses focus).
pub(crate) fn event_edit_ui(
    ui: &mut Ui,
    d: &Dossier,
    e: &DossierEvent,
    commands: &mut Vec<Command>,
) {
    let edit_of = |e: &DossierEvent| EventEdit {
        title: e.title.clone(),
        lanes: e.lanes.clone(),
        note: e.note.clone(),
        when: e.when.clone(),
    };
    let send = |commands: &mut Vec<Command>, edit: EventEdit| {
        commands.push(Command::Dossier(DossierAction::Edit(e.id.clone(), edit)));
    };
    if !e.credit.is_empty() {
        ui.label(RichText::new(e.credit.line(None, None)).weak().small());
    }
    // Title: typed.
    let title_id = ui.scope_id().with(("dossier-event-title", &e.id.0));
    let mut title: String = ui
        .data_mut(|m| m.get_temp(title_id))
        .unwrap_or_else(|| e.title.clone());
    ui.horizontal(|ui| {
        ui.label(RichText::new("Title").small());
        let r = ui.add(egui::TextEdit::singleline(&mut title).desired_width(f32::INFINITY));
        if r.changed() {
            ui.data_mut(|m| m.insert_temp(title_id, title.clone()));
        }
        if r.lost_focus() {
            ui.data_mut(|m| m.remove::<String>(title_id));
            let typed = title.trim();
            if !typed.is_empty() && typed != e.title {
                send(
                    commands,
                    EventEdit {
                        title: typed.to_owned(),
                        ..edit_of(e)
                    },
                );
            }
        }
    });
    // …or one its sources suggest.
    let mut offered: Vec<String> = e
        .mentions
        .iter()
        .map(|m| crate::timeline::title_for(&m.quote, &m.when.phrase))
        .filter(|t| !t.is_empty() && *t != e.title)
        .collect();
    offered.sort();
    offered.dedup();
    if !offered.is_empty() {
        egui::ComboBox::from_id_salt(("dossier-event-titles", &e.id.0))
            .selected_text("Titles from its sources")
            .width(ui.available_width().min(260.0))
            .show_ui(ui, |ui| {
                for t in &offered {
                    if ui.selectable_label(false, t).clicked() {
                        send(
                            commands,
                            EventEdit {
                                title: t.clone(),
                                ..edit_of(e)
                            },
                        );
                    }
                }
            });
    }
    date_ui(ui, e, commands, &edit_of);
    // Lane.
    let lane_name = |id: &crate::timeline::LaneId| {
        d.lanes
            .iter()
            .find(|l| &l.id == id)
            .map_or(id.0.clone(), |l| l.name.clone())
    };
    let shown = e.lanes.first().map_or("no lane".to_owned(), lane_name);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Lane").small());
        egui::ComboBox::from_id_salt(("dossier-event-lane", &e.id.0))
            .selected_text(shown)
            .width(160.0)
            .show_ui(ui, |ui| {
                for l in &d.lanes {
                    if ui
                        .selectable_label(e.lanes.first() == Some(&l.id), &l.name)
                        .clicked()
                    {
                        send(
                            commands,
                            EventEdit {
                                lanes: vec![l.id.clone()],
                                ..edit_of(e)
                            },
                        );
                    }
                }
                if ui.selectable_label(e.lanes.is_empty(), "no lane").clicked() {
                    send(
                        commands,
                        EventEdit {
                            lanes: Vec::new(),
                            ..edit_of(e)
                        },
                    );
                }
            });
    });
    // Note.
    let note_id = ui.scope_id().with(("dossier-event-note", &e.id.0));
    let mut note: String = ui
        .data_mut(|m| m.get_temp(note_id))
        .unwrap_or_else(|| e.note.clone());
    let r = ui.add(
        egui::TextEdit::multiline(&mut note)
            .hint_text("Note")
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    if r.changed() {
        ui.data_mut(|m| m.insert_temp(note_id, note.clone()));
    }
    if r.lost_focus() {
        ui.data_mut(|m| m.remove::<String>(note_id));
        if note != e.note {
            send(
                commands,
                EventEdit {
                    note: note.clone(),
                    ..edit_of(e)
                },
            );
        }
    }
    if ui
        .button("Delete event")
        .on_hover_text("Take it off the dossier's timeline (Ctrl+Z brings it back); its articles keep their highlights")
        .clicked()
    {
        commands.push(Command::Dossier(DossierAction::Delete(e.id.clone())));
    }
}

/// The event's dates: typed ("2020-01-28", "Jan 2020", "2020-01-27/2020-02-02")
/// over what its sources say, or back to theirs.
fn date_ui(
    ui: &mut Ui,
    e: &DossierEvent,
    commands: &mut Vec<Command>,
    edit_of: &dyn Fn(&DossierEvent) -> EventEdit,
) {
    let shown = crate::dossier::view::as_event(e, &crate::dossier::resolve(e))
        .when
        .label();
    let id = ui.scope_id().with(("dossier-event-date", &e.id.0));
    let mut text: String = ui
        .data_mut(|m| m.get_temp(id))
        .unwrap_or_else(|| shown.clone());
    let anchor = e.mentions.iter().find_map(|m| m.published);
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Date").small());
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .desired_width((ui.available_width() - 120.0).clamp(120.0, 260.0)),
            )
            .labelled_by(label.id);
        if r.changed() {
            ui.data_mut(|m| m.insert_temp(id, text.clone()));
        }
        let parsed = crate::timeline::parse_user_date(text.trim(), anchor);
        if r.lost_focus() {
            ui.data_mut(|m| m.remove::<String>(id));
            if let Some(when) = parsed.clone()
                && text.trim() != shown
            {
                commands.push(Command::Dossier(DossierAction::Edit(
                    e.id.clone(),
                    EventEdit {
                        when: Some(when),
                        ..edit_of(e)
                    },
                )));
            }
        } else if parsed.is_none() && !text.trim().is_empty() && text.trim() != shown {
            ui.label(RichText::new("not a date yet").weak().small());
        }
        if e.when.is_some()
            && ui
                .small_button("Sources' dates")
                .on_hover_text("Go back to the dates its sources give")
                .clicked()
        {
            commands.push(Command::Dossier(DossierAction::Edit(
                e.id.clone(),
                EventEdit {
                    when: None,
                    ..edit_of(e)
                },
            )));
        }
    });
}
