//! Key dates in the Inspector: the count control, "Accept all shown", and
//! the ranked proposals with their why, sentences, sources, lane, Accept
//! and Dismiss.

use egui::{RichText, Ui};

use super::key_dates::{KeyDatesAction, LanePick};
use super::{DossierAction, OpenDossier};
use crate::app::Command;
use crate::dossier::key_dates::KeyDate;

/// The counts offered ("how many"), besides "as the evidence supports".
const COUNTS: [usize; 5] = [5, 10, 15, 20, 30];
/// Sources listed per proposal before "… and N more".
const SOURCES_SHOWN: usize = 8;

fn act(commands: &mut Vec<Command>, a: KeyDatesAction) {
    commands.push(Command::Dossier(DossierAction::KeyDates(a)));
}

/// The "Key dates" switch of the dossier timeline's toolbar.
pub(crate) fn key_dates_toggle_ui(ui: &mut Ui, open: &OpenDossier, commands: &mut Vec<Command>) {
    let shown = open.key_dates.shown;
    let label = match (shown, open.key_dates.found.as_ref()) {
        (true, Some(_)) => format!("Key dates ({})", open.open_key_dates().len()),
        _ => "Key dates".to_owned(),
    };
    if ui
        .selectable_label(shown, label)
        .on_hover_text(
            "Propose the story's key dates from its articles: on the timeline, and ranked in the Inspector",
        )
        .clicked()
    {
        act(commands, KeyDatesAction::Show(!shown));
    }
}

/// The key dates section of the dossier Inspector.
pub(crate) fn key_dates_ui(ui: &mut Ui, open: &OpenDossier, commands: &mut Vec<Command>) {
    let k = &open.key_dates;
    ui.horizontal_wrapped(|ui| {
        ui.strong("Key dates");
        let how = k
            .how_many
            .map_or("as supported".to_owned(), |n| n.to_string());
        egui::ComboBox::from_id_salt("key-dates-count")
            .selected_text(how)
            .width(100.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(k.how_many.is_none(), "as supported")
                    .on_hover_text("As many as the evidence supports")
                    .clicked()
                {
                    act(commands, KeyDatesAction::HowMany(None));
                }
                for n in COUNTS {
                    if ui
                        .selectable_label(k.how_many == Some(n), n.to_string())
                        .clicked()
                    {
                        act(commands, KeyDatesAction::HowMany(Some(n)));
                    }
                }
            })
            .response
            .on_hover_text("How many key dates to propose");
        if ui.small_button("Hide").clicked() {
            act(commands, KeyDatesAction::Show(false));
        }
    });
    if let Some((read, of)) = k.progress() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!("Reading the articles… {read} of {of}"));
        });
        #[allow(clippy::cast_precision_loss)]
        ui.add(egui::ProgressBar::new(read as f32 / of.max(1) as f32).desired_height(6.0));
    }
    let Some(found) = &k.found else {
        return;
    };
    let shown = open.open_key_dates();
    let dismissed = open.dismissed_key_dates();
    let on_timeline = found.dates.len() - shown.len() - dismissed.len();
    // What the list holds, in the list's own numbers (how they were chosen
    // on hover).
    let mut parts = vec![crate::wording::count(
        found.dates.len(),
        "key date",
        "key dates",
    )];
    if on_timeline > 0 {
        parts.push(format!("{on_timeline} already on the timeline"));
    }
    if !dismissed.is_empty() {
        parts.push(format!("{} dismissed", dismissed.len()));
    }
    ui.label(RichText::new(parts.join(" · ")))
        .on_hover_text(&found.how);
    dismissed_ui(ui, &dismissed, commands);
    if shown.is_empty() {
        let msg = if found.dates.is_empty() {
            "No key dates: no day is named by an article that reports it. Add more of the story's coverage."
        } else {
            "Every proposed key date is on the timeline or dismissed."
        };
        ui.label(RichText::new(msg).weak());
        return;
    }
    ui.horizontal(|ui| {
        if ui
            .button(format!("Accept all {}", shown.len()))
            .on_hover_text("Put every proposal shown on the timeline, each in its lane (Ctrl+Z takes them back)")
            .clicked()
        {
            act(
                commands,
                KeyDatesAction::Accept(shown.iter().map(|k| k.date).collect()),
            );
        }
    });
    for (rank, key) in shown.iter().enumerate() {
        ui.add_space(4.0);
        proposal_ui(ui, open, rank + 1, key, commands);
    }
}

/// The dismissed key dates, each with Restore.
fn dismissed_ui(ui: &mut Ui, dismissed: &[&KeyDate], commands: &mut Vec<Command>) {
    if dismissed.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("Dismissed ({})", dismissed.len()))
        .id_salt("key-dates-dismissed")
        .show(ui, |ui| {
            for k in dismissed {
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .small_button("Restore")
                        .on_hover_text("Propose it again")
                        .clicked()
                    {
                        act(commands, KeyDatesAction::Restore(vec![k.date]));
                    }
                    ui.label(format!(
                        "{} — {}",
                        crate::dossier::view::short_date(k.date),
                        k.title
                    ));
                });
            }
        });
}

/// One proposal's card.
fn proposal_ui(
    ui: &mut Ui,
    open: &OpenDossier,
    rank: usize,
    key: &KeyDate,
    commands: &mut Vec<Command>,
) {
    let selected = open.key_dates.selected == Some(key.date);
    let mut frame = egui::Frame::group(ui.style());
    if selected {
        frame = frame.stroke(egui::Stroke::new(2.0, ui.visuals().selection.stroke.color));
    }
    let r = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        let head = ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "{rank}. {} — {}",
                    crate::dossier::view::date_span(
                        key.date,
                        key.end,
                        crate::dossier::view::short_date
                    ),
                    key.title
                ))
                .strong(),
            )
            .sense(egui::Sense::click()),
        );
        if head.clicked() {
            act(commands, KeyDatesAction::Select(Some(key.date)));
        }
        ui.label(RichText::new(&key.why).small());
        for s in &key.sentences {
            ui.label(RichText::new(format!("“{s}”")).italics());
        }
        lane_ui(ui, open, key, commands);
        ui.horizontal(|ui| {
            if ui
                .button("Accept")
                .on_hover_text("An event with every source as a mention")
                .clicked()
            {
                act(commands, KeyDatesAction::Accept(vec![key.date]));
            }
            if ui
                .button("Dismiss")
                .on_hover_text("Not a key date: never proposed again (Ctrl+Z brings it back)")
                .clicked()
            {
                act(commands, KeyDatesAction::Dismiss(vec![key.date]));
            }
        });
        let articles: std::collections::BTreeSet<&str> =
            key.sources.iter().map(|s| s.article.as_str()).collect();
        egui::CollapsingHeader::new(crate::wording::count(articles.len(), "source", "sources"))
            .id_salt(("key-date-sources", key.date))
            .show(ui, |ui| {
                // One line per article (its first mention), with how it tells it.
                let mut seen = std::collections::BTreeSet::new();
                let firsts: Vec<&crate::dossier::key_dates::KeySource> = key
                    .sources
                    .iter()
                    .filter(|s| seen.insert(s.article.as_str()))
                    .collect();
                for s in firsts.iter().take(SOURCES_SHOWN) {
                    let title = open
                        .dossier
                        .article(&s.article)
                        .map_or(s.article.as_str(), |a| a.title.as_str());
                    if ui
                        .link(title)
                        .on_hover_text("Open the article at this passage")
                        .clicked()
                    {
                        commands.push(Command::Dossier(DossierAction::OpenArticle(
                            s.article.clone(),
                            Some(s.offset),
                        )));
                    }
                    let what = if !s.phrase.is_empty() && s.expected {
                        format!("expects “{}”", s.phrase)
                    } else if !s.phrase.is_empty() {
                        format!("reports “{}”", s.phrase)
                    } else if s.published == key.date {
                        "tells it that day".to_owned()
                    } else {
                        "tells it the day after".to_owned()
                    };
                    ui.label(
                        RichText::new(format!(
                            "{} · {what}",
                            crate::dossier::view::short_date(s.published)
                        ))
                        .small(),
                    );
                }
                if firsts.len() > SOURCES_SHOWN {
                    ui.label(
                        RichText::new(format!(
                            "… and {} more articles",
                            firsts.len() - SOURCES_SHOWN
                        ))
                        .weak(),
                    );
                }
            });
    });
    if selected {
        r.response.scroll_to_me(Some(egui::Align::Min));
    }
}

/// The lane a proposal goes to: its suggestion, or one the reader picks.
fn lane_ui(ui: &mut Ui, open: &OpenDossier, key: &KeyDate, commands: &mut Vec<Command>) {
    let pick = open.key_dates.lanes.get(&key.date);
    let suggested = key.lane.clone();
    let text = match pick {
        Some(LanePick::None) => "no lane".to_owned(),
        Some(LanePick::Lane(id)) => open
            .dossier
            .lanes
            .iter()
            .find(|l| &l.id == id)
            .map_or(id.0.clone(), |l| l.name.clone()),
        None => suggested.as_deref().map_or("no lane".to_owned(), |s| {
            if open
                .dossier
                .lanes
                .iter()
                .any(|l| l.name.eq_ignore_ascii_case(s))
            {
                s.to_owned()
            } else {
                format!("{s} (new lane)")
            }
        }),
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new("Lane").small());
        egui::ComboBox::from_id_salt(("key-date-lane", key.date))
            .selected_text(text)
            .width(160.0)
            .show_ui(ui, |ui| {
                if let Some(s) = &suggested
                    && ui
                        .selectable_label(pick.is_none(), format!("{s} (suggested)"))
                        .clicked()
                {
                    act(commands, KeyDatesAction::PickLane(key.date, None));
                }
                for l in &open.dossier.lanes {
                    let is_suggestion = suggested
                        .as_deref()
                        .is_some_and(|s| l.name.eq_ignore_ascii_case(s));
                    let on = pick == Some(&LanePick::Lane(l.id.clone()))
                        || (pick.is_none() && is_suggestion);
                    if ui.selectable_label(on, &l.name).clicked() {
                        act(
                            commands,
                            KeyDatesAction::PickLane(key.date, Some(LanePick::Lane(l.id.clone()))),
                        );
                    }
                }
                if ui
                    .selectable_label(pick == Some(&LanePick::None), "no lane")
                    .clicked()
                {
                    act(
                        commands,
                        KeyDatesAction::PickLane(key.date, Some(LanePick::None)),
                    );
                }
            });
    });
}
