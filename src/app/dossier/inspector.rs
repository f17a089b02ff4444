//! The Inspector when the timeline shows the dossier: the selected event's
//! sources, and the merge suggestions ("the same event?").

use egui::{RichText, Ui};

use super::{DossierAction, OpenDossier};
use crate::app::{Command, StorylineApp};
use crate::dossier::{Dossier, DossierEvent, resolve};
use crate::timeline::EventKind;

/// Most merge suggestions listed at once.
const SHOWN: usize = 30;

fn act(commands: &mut Vec<Command>, a: DossierAction) {
    commands.push(Command::Dossier(a));
}

fn dates(e: &DossierEvent) -> String {
    let r = resolve(e);
    span(r.start, r.end)
}

fn span(start: jiff::civil::Date, end: jiff::civil::Date) -> String {
    crate::dossier::view::date_span(start, end, crate::dossier::view::short_date)
}

/// The Inspector for the dossier's timeline.
pub(crate) fn dossier_inspector_ui(ui: &mut Ui, app: &mut StorylineApp) {
    // Which of the selected event's mentions have their evidence here.
    let here: Vec<bool> = app
        .dossier
        .as_ref()
        .and_then(|open| {
            let id = open.timeline.selected.as_ref()?;
            Some(open.dossier.event(id)?.mentions.clone())
        })
        .unwrap_or_default()
        .iter()
        .map(|m| app.evidence_here(m))
        .collect();
    let StorylineApp {
        dossier, commands, ..
    } = app;
    let Some(open) = dossier.as_ref() else {
        return;
    };
    ui.horizontal(|ui| {
        if ui
            .add_enabled(open.can_undo(), egui::Button::new("Undo").small())
            .clicked()
        {
            act(commands, DossierAction::Undo);
        }
        if ui
            .add_enabled(open.can_redo(), egui::Button::new("Redo").small())
            .clicked()
        {
            act(commands, DossierAction::Redo);
        }
    });
    if open.key_dates.shown {
        super::key_dates_ui::key_dates_ui(ui, open, commands);
        ui.separator();
    }
    let selected = open
        .timeline
        .selected
        .as_ref()
        .and_then(|id| open.dossier.event(id));
    if let Some(e) = selected {
        event_ui(ui, &open.dossier, e, &here, commands);
        ui.separator();
    } else if !open.dossier.events.is_empty() {
        ui.label(RichText::new("Click an event to see its sources.").weak());
        ui.separator();
    }
    super::queue_ui::lanes_ui(ui, open, commands);
    super::queue_ui::queue_ui(ui, open, commands);
    ui.separator();
    suggestions_ui(ui, open, commands);
}

fn event_ui(
    ui: &mut Ui,
    d: &Dossier,
    e: &DossierEvent,
    here: &[bool],
    commands: &mut Vec<Command>,
) {
    ui.heading(&e.title);
    let r = resolve(e);
    ui.label(dates(e));
    super::event_edit_ui::event_edit_ui(ui, d, e, commands);
    if let Some(v) = crate::dossier::view::verdict(d, e) {
        ui.label(RichText::new(v).strong());
    }
    if r.conflict {
        ui.colored_label(
            ui.visuals().error_fg_color,
            "Its sources give dates that cannot all be true: check them.",
        );
    }
    let articles: std::collections::BTreeSet<&str> =
        e.mentions.iter().map(|m| m.article.as_str()).collect();
    ui.label(RichText::new(crate::wording::count(articles.len(), "source", "sources")).weak());
    for (i, m) in e.mentions.iter().enumerate() {
        ui.add_space(4.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let article = d.article(&m.article);
            let title = article.map_or(m.article.as_str(), |a| a.title.as_str());
            if ui
                .link(RichText::new(title).strong())
                .on_hover_text("Open the article at this passage")
                .clicked()
            {
                act(
                    commands,
                    DossierAction::OpenArticle(m.article.clone(), Some(m.offset)),
                );
            }
            let mut line = Vec::new();
            if let Some(s) = article.and_then(|a| a.source.clone()) {
                line.push(s);
            }
            if let Some(p) = m.published {
                line.push(crate::dossier::view::short_date(p));
            }
            ui.label(RichText::new(line.join(" · ")).weak().small());
            let kind = if m.kind == EventKind::Expected {
                "expects"
            } else {
                "reports"
            };
            let when = span(m.when.start, m.when.end);
            ui.label(format!("{kind} “{}”: {when}", m.when.phrase));
            if !m.quote.is_empty() {
                ui.label(RichText::new(format!("“{}”", m.quote)).italics());
            }
            if !here.get(i).copied().unwrap_or(true) {
                ui.label(RichText::new("Evidence not on this machine: its highlight is in a save this computer does not have; the dossier keeps the quote.").weak().small());
            }
            if articles.len() > 1
                && ui
                    .small_button("Not the same event: split out")
                    .on_hover_text("Make this article's mention its own event again")
                    .clicked()
            {
                act(
                    commands,
                    DossierAction::Unmerge(e.id.clone(), m.article.clone()),
                );
            }
        });
    }
}

fn suggestions_ui(ui: &mut Ui, open: &OpenDossier, commands: &mut Vec<Command>) {
    let list = &open.merges.list;
    ui.horizontal(|ui| {
        ui.strong("The same event?");
        if open.merges.busy() {
            ui.spinner();
        } else {
            ui.label(RichText::new(format!("{}", list.len())).weak());
        }
    });
    if list.is_empty() && !open.merges.busy() {
        ui.label(
            RichText::new(
                "No events of different articles look alike (compatible dates, the same lane, shared words).",
            )
            .weak(),
        );
        return;
    }
    let d = &open.dossier;
    for s in list.iter().take(SHOWN) {
        let (Some(a), Some(b)) = (d.event(&s.a), d.event(&s.b)) else {
            continue;
        };
        ui.add_space(4.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.columns(2, |cols| {
                for (col, e) in cols.iter_mut().zip([a, b]) {
                    col.with_layout(egui::Layout::top_down(egui::Align::Min), |col| {
                        col.label(RichText::new(&e.title).strong());
                        col.label(RichText::new(dates(e)).small());
                        for m in e.mentions.iter().take(2) {
                            let name = d
                                .article(&m.article)
                                .and_then(|x| x.source.clone())
                                .unwrap_or_else(|| m.article.clone());
                            col.label(RichText::new(name).weak().small());
                            let q: String = m.quote.chars().take(160).collect();
                            col.label(RichText::new(format!("“{q}”")).italics().small());
                        }
                    });
                }
            });
            ui.horizontal(|ui| {
                if ui
                    .button("Merge")
                    .on_hover_text("One event with both sources")
                    .clicked()
                {
                    act(commands, DossierAction::Merge(s.a.clone(), s.b.clone()));
                }
                if ui
                    .button("Keep apart")
                    .on_hover_text("Different events: not offered again")
                    .clicked()
                {
                    act(commands, DossierAction::KeepApart(s.a.clone(), s.b.clone()));
                }
            });
        });
    }
    if list.len() > SHOWN {
        ui.label(RichText::new(format!("… and {} more", list.len() - SHOWN)).weak());
    }
}
