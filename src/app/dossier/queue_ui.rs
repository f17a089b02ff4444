//! The Inspector's sections for building the dossier's timeline: its
//! lanes (rename, add, make the suggested ones) and the suggested events
//! of every article in one queue, article by article.

use egui::{RichText, Ui};

use super::queue::QueueAction;
use super::{DossierAction, OpenDossier};
use crate::app::Command;
use crate::dossier::queue::Suggested;

fn act(commands: &mut Vec<Command>, a: QueueAction) {
    commands.push(Command::Dossier(DossierAction::Queue(a)));
}

/// The dossier's lanes: each renamed in place; a new one by name; and,
/// when events have no lane, the lanes suggested for them.
pub(crate) fn lanes_ui(ui: &mut Ui, open: &OpenDossier, commands: &mut Vec<Command>) {
    let d = &open.dossier;
    let proposal = open.queue.lanes();
    let laneless = d.events.iter().filter(|e| e.lanes.is_empty()).count();
    if !proposal.is_empty() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!(
                "{} no lane.",
                crate::wording::count(laneless, "event has", "events have")
            )));
            let mut names: Vec<String> = proposal
                .new
                .iter()
                .map(|l| {
                    let n = proposal.placed.iter().filter(|(_, id)| id == &l.id).count();
                    format!("{} ({n})", l.name)
                })
                .collect();
            let into_own = proposal
                .placed
                .iter()
                .filter(|(_, id)| d.lanes.iter().any(|l| &l.id == id))
                .count();
            if into_own > 0 {
                names.push(format!(
                    "{} into lanes the dossier has",
                    crate::wording::count(into_own, "event", "events")
                ));
            }
            ui.label(RichText::new(format!("Suggested: {}", names.join(", "))).weak());
            let label = if proposal.new.is_empty() {
                "Put them in lanes"
            } else {
                "Make the suggested lanes"
            };
            if ui
                .button(label)
                .on_hover_text("Undoable: Ctrl+Z takes it back")
                .clicked()
            {
                act(commands, QueueAction::MakeLanes);
            }
        });
    }
    egui::CollapsingHeader::new(format!("Lanes ({})", d.lanes.len()))
        .id_salt("dossier-lanes")
        .default_open(d.lanes.is_empty() && !d.events.is_empty())
        .show(ui, |ui| {
            for lane in &d.lanes {
                let id = ui.make_persistent_id(("dossier-lane-name", &lane.id.0));
                let mut name: String = ui
                    .data_mut(|m| m.get_temp(id))
                    .unwrap_or_else(|| lane.name.clone());
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(6.0, 16.0), egui::Sense::hover());
                    ui.painter().rect_filled(
                        rect,
                        2.0,
                        crate::app::theme::lane_color(lane.color, ui.visuals().dark_mode),
                    );
                    let count = d
                        .events
                        .iter()
                        .filter(|e| e.lanes.contains(&lane.id))
                        .count();
                    let r = ui.add(
                        egui::TextEdit::singleline(&mut name)
                            .desired_width((ui.available_width() - 60.0).max(60.0)),
                    );
                    if r.changed() {
                        ui.data_mut(|m| m.insert_temp(id, name.clone()));
                    }
                    if r.lost_focus() {
                        ui.data_mut(|m| m.remove::<String>(id));
                        if name.trim() != lane.name && !name.trim().is_empty() {
                            act(
                                commands,
                                QueueAction::RenameLane(lane.id.clone(), name.clone()),
                            );
                        }
                    }
                    ui.label(RichText::new(crate::wording::count(count, "event", "events")).weak());
                });
            }
            let id = ui.make_persistent_id("dossier-new-lane");
            let mut name: String = ui.data_mut(|m| m.get_temp(id)).unwrap_or_default();
            ui.horizontal(|ui| {
                let r = ui.add(
                    egui::TextEdit::singleline(&mut name)
                        .hint_text("New lane name")
                        .desired_width((ui.available_width() - 80.0).max(80.0)),
                );
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let add = ui
                    .add_enabled(!name.trim().is_empty(), egui::Button::new("Add lane"))
                    .clicked();
                if add || (enter && !name.trim().is_empty()) {
                    act(commands, QueueAction::AddLane(name.trim().to_owned()));
                    name.clear();
                }
                ui.data_mut(|m| m.insert_temp(id, name));
            });
        });
}

/// The suggested events of every article, article by article: accept or
/// dismiss one, or all of an article's.
pub(crate) fn queue_ui(ui: &mut Ui, open: &OpenDossier, commands: &mut Vec<Command>) {
    let q = &open.queue;
    let header = if q.shown && !q.busy() {
        format!("Suggested from the articles ({})", q.list().len())
    } else {
        "Suggested from the articles".to_owned()
    };
    let response = egui::CollapsingHeader::new(header)
        .id_salt("dossier-queue")
        .open(Some(q.shown))
        .show(ui, |ui| {
            if q.busy() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(RichText::new("Reading the articles…").weak());
                });
                return;
            }
            if q.list().is_empty() {
                ui.label(
                    RichText::new(
                        "Every dated sentence of the articles is on the timeline or dismissed.",
                    )
                    .weak(),
                );
                return;
            }
            let d = &open.dossier;
            let shown: Vec<&Suggested> = q.list().iter().take(q.listed).collect();
            let mut at = 0;
            while at < shown.len() {
                let article = &shown[at].article;
                let of_article: Vec<&Suggested> =
                    q.list().iter().filter(|s| &s.article == article).collect();
                let end = shown[at..]
                    .iter()
                    .position(|s| &s.article != article)
                    .map_or(shown.len(), |n| at + n);
                article_ui(ui, d, &of_article, &shown[at..end], commands);
                at = end;
            }
            if q.list().len() > q.listed {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{} more", q.list().len() - q.listed)).weak());
                    if ui.small_button("Show more").clicked() {
                        act(commands, QueueAction::More);
                    }
                });
            }
        });
    if response.header_response.clicked() {
        act(commands, QueueAction::Show(!q.shown));
    }
}

fn keys(items: &[&Suggested]) -> Vec<(String, usize)> {
    items
        .iter()
        .map(|s| (s.article.clone(), s.offset))
        .collect()
}

/// One article's suggestions: its title with "Accept all" and "Dismiss
/// all", then each suggestion.
fn article_ui(
    ui: &mut Ui,
    d: &crate::dossier::Dossier,
    all: &[&Suggested],
    shown: &[&Suggested],
    commands: &mut Vec<Command>,
) {
    let Some(first) = shown.first() else {
        return;
    };
    ui.add_space(4.0);
    let title = d
        .article(&first.article)
        .map_or(first.article.as_str(), |a| a.title.as_str());
    ui.label(RichText::new(title).strong());
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(crate::wording::count(
                all.len(),
                "suggestion",
                "suggestions",
            ))
            .weak(),
        );
        if ui
            .small_button("Accept all")
            .on_hover_text("Each into the lane its words suggest")
            .clicked()
        {
            act(commands, QueueAction::Accept(keys(all), None));
        }
        if ui.small_button("Dismiss all").clicked() {
            act(commands, QueueAction::Dismiss(keys(all)));
        }
    });
    for s in shown {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&s.title).strong());
            let lane = s
                .lane
                .as_ref()
                .and_then(|id| d.lanes.iter().find(|l| &l.id == id))
                .map_or(String::new(), |l| format!(" · {}", l.name));
            let kind = if s.kind == crate::timeline::EventKind::Expected {
                "expects"
            } else {
                "reports"
            };
            ui.label(
                RichText::new(format!(
                    "{kind} “{}”: {}{lane}",
                    s.when.phrase,
                    s.when.label()
                ))
                .weak(),
            );
            let quote: String = s.sentence.chars().take(220).collect();
            ui.label(RichText::new(format!("“{quote}”")).italics());
            ui.horizontal(|ui| {
                if ui.small_button("Accept").clicked() {
                    act(commands, QueueAction::Accept(keys(&[s]), None));
                }
                // …or into a lane of the reader's choosing.
                if !d.lanes.is_empty() {
                    ui.menu_button("Accept into…", |ui| {
                        for l in &d.lanes {
                            if ui.button(&l.name).clicked() {
                                act(
                                    commands,
                                    QueueAction::Accept(keys(&[s]), Some(l.id.clone())),
                                );
                                ui.close();
                            }
                        }
                    });
                }
                if ui.small_button("Dismiss").clicked() {
                    act(commands, QueueAction::Dismiss(keys(&[s])));
                }
            });
        });
    }
}
