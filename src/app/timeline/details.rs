//! Beside the timeline: the selected event's editor, or the suggested
//! events; the lane editor; the question asked before deleting evidence.

use egui::{Id, RichText, Ui};

use crate::annotate;
use crate::app::theme::lane_color;
use crate::app::timeline::TimelineState;
use crate::app::timeline::suggestions::SHOWN_SUGGESTIONS;
use crate::app::{
    Command, Direction, HighlightsCommand, OpenArticle, ReaderCommand, Show, TimelineCommand,
};
use crate::timeline::{Event, EventKind, LaneColor, LaneId, parse_user_date};

/// The lane editor's fields.
#[derive(Clone, Debug, Default)]
pub struct LaneEdit {
    /// The lane.
    pub id: LaneId,
    /// Name as typed.
    pub name: String,
    /// Keywords as typed (comma-separated).
    pub keywords: String,
    /// Focus the name field on the next frame (a lane just added or opened).
    pub focus: bool,
    /// The lane as the fields were last read from the model.
    pub from: Option<crate::timeline::Lane>,
}

impl LaneEdit {
    /// Re-reads the fields the user is not typing in when the lane changed
    /// in the model (an undo, a reload), as [`EventEdit::follow`] does.
    fn follow(&mut self, lane: &crate::timeline::Lane, typing: impl Fn(&str) -> bool) {
        let Some(from) = self.from.clone() else {
            self.from = Some(lane.clone());
            return;
        };
        if &from == lane {
            return;
        }
        if !typing("name") || self.name == from.name {
            self.name.clone_from(&lane.name);
        }
        if !typing("keywords") || self.keywords == from.keywords.join(", ") {
            self.keywords = lane.keywords.join(", ");
        }
        self.from = Some(lane.clone());
    }
}

/// The event editor's fields.
#[derive(Clone, Debug, Default)]
pub struct EventEdit {
    /// The event being edited.
    pub id: Option<crate::timeline::EventId>,
    /// Title as typed.
    pub title: String,
    /// Date as typed (EDTF or words).
    pub date: String,
    /// Note as typed.
    pub note: String,
    /// Why the typed date was not accepted.
    pub date_error: Option<String>,
    /// The event as the fields were last read from the model.
    pub from: Option<Event>,
}

impl EventEdit {
    /// The fields for `event`.
    #[must_use]
    pub fn of(event: &Event) -> Self {
        Self {
            id: Some(event.id.clone()),
            title: event.title.clone(),
            date: event.when.edtf(),
            note: event.note.clone(),
            date_error: None,
            from: Some(event.clone()),
        }
    }

    /// Re-reads the fields from `event` when the model changed under them
    /// (an undo, a drag, a merge, a reload): every field the user is not
    /// typing in (an untouched field, or one without focus) takes the
    /// model's value, so a later focus change re-applies nothing stale.
    pub fn follow(&mut self, event: &Event, typing: impl Fn(&str) -> bool) {
        if self.id.as_ref() != Some(&event.id) {
            *self = Self::of(event);
            return;
        }
        let Some(from) = self.from.clone() else {
            *self = Self::of(event);
            return;
        };
        if &from == event {
            return;
        }
        if !typing("title") || self.title == from.title {
            self.title.clone_from(&event.title);
        }
        if !typing("date") || self.date == from.when.edtf() {
            self.date = event.when.edtf();
            self.date_error = None;
        }
        if !typing("note") || self.note == from.note {
            self.note.clone_from(&event.note);
        }
        self.from = Some(event.clone());
    }
}

/// The id of one of the event editor's fields.
fn event_field_id(event: &crate::timeline::EventId, field: &str) -> Id {
    Id::unique(("event-editor", event.0.as_str(), field))
}

/// The column right of the timeline.
pub(crate) fn details_ui(
    ui: &mut Ui,
    article: &mut OpenArticle,
    timeline: &mut TimelineState,
    commands: &mut Vec<Command>,
    publication: Option<jiff::civil::Date>,
) {
    if let Some((id, phrases)) = timeline.date_choice.clone() {
        date_choice_ui(ui, timeline, commands, &id, &phrases);
        return;
    }
    if timeline.lane_edit.is_some() {
        lane_editor_ui(ui, article, timeline, commands);
        return;
    }
    let ann = &article.save.annotations;
    if let Some(event) = timeline
        .selected
        .as_ref()
        .and_then(|id| ann.event(id))
        .cloned()
    {
        event_editor_ui(ui, article, timeline, commands, &event, publication);
        return;
    }
    let Some(publication) = publication else {
        ui.label(
            RichText::new(
                "Storyline finds dated phrases (“next week”, “in March”) once it knows when the article was published.",
            )
            .weak(),
        );
        if ui.button("Set the publication date…").clicked() {
            commands.push(Command::Highlights(HighlightsCommand::AskPublished));
        }
        return;
    };
    let Some(open) = timeline.suggestions.open(ui.ctx(), article, publication) else {
        ui.label(RichText::new("Finding dated phrases…").weak());
        return;
    };
    // Only the listed ones are made in full (a long article has tens of
    // thousands); all keys only when "Accept all" / "Dismiss all" is pressed.
    let open_count = open.count;
    let shown = open.shown;
    let all_keys = || timeline.suggestions.open_keys(&article.doc);
    ui.horizontal(|ui| {
        ui.strong(format!("Suggested events ({open_count})"));
    });
    if shown.is_empty() {
        ui.label(RichText::new("No more dated phrases to add. Select a highlight and choose “Add to timeline” for others.").weak());
        return;
    }
    let read_only = article.save.annotations.is_read_only();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!read_only, egui::Button::new("Accept all").small())
            .clicked()
        {
            commands.push(Command::Timeline(TimelineCommand::AcceptSuggestions(
                all_keys(),
            )));
        }
        if ui
            .add_enabled(!read_only, egui::Button::new("Dismiss all").small())
            .clicked()
        {
            commands.push(Command::Highlights(HighlightsCommand::Annotate(
                annotate::Command::Batch(
                    all_keys()
                        .into_iter()
                        .map(annotate::Command::Dismiss)
                        .collect(),
                ),
            )));
        }
    });
    for s in &shown {
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("“{}”", s.found.phrase));
            ui.label(format!("= {}", s.found.when.label()));
        });
        ui.label(&s.title);
        let lane = s
            .lane
            .as_ref()
            .and_then(|id| article.save.annotations.lane(id))
            .map_or("no lane".to_owned(), |l| l.name.clone());
        let kind = if s.found.expected {
            "expected"
        } else {
            "reported"
        };
        ui.label(RichText::new(format!("{lane} · {kind}")).weak().small());
        ui.horizontal(|ui| {
            if ui
                .add_enabled(!read_only, egui::Button::new("Accept").small())
                .clicked()
            {
                commands.push(Command::Timeline(TimelineCommand::AcceptSuggestions(vec![
                    s.key.clone(),
                ])));
            }
            if ui
                .add_enabled(!read_only, egui::Button::new("Dismiss").small())
                .clicked()
            {
                commands.push(Command::Highlights(HighlightsCommand::Annotate(
                    annotate::Command::Dismiss(s.key.clone()),
                )));
            }
            if ui
                .small_button("Show")
                .on_hover_text("Show the sentence in the article")
                .clicked()
            {
                commands.push(Command::Reader(ReaderCommand::Reveal(s.found.range)));
            }
        });
    }
    if open_count > SHOWN_SUGGESTIONS {
        ui.separator();
        ui.label(
            RichText::new(format!(
                "… and {} more: accept or dismiss these to see the next.",
                open_count - SHOWN_SUGGESTIONS
            ))
            .weak(),
        );
    }
}

fn event_editor_ui(
    ui: &mut Ui,
    article: &OpenArticle,
    timeline: &mut TimelineState,
    commands: &mut Vec<Command>,
    event: &Event,
    publication: Option<jiff::civil::Date>,
) {
    let ann = &article.save.annotations;
    let edit = &mut timeline.event_edit;
    let focused = ui.memory(egui::Memory::focused);
    edit.follow(event, |field| {
        focused == Some(event_field_id(&event.id, field))
    });
    let update = |f: &dyn Fn(&mut Event)| {
        let mut e = event.clone();
        f(&mut e);
        Command::Highlights(HighlightsCommand::Annotate(annotate::Command::UpdateEvent(
            e,
        )))
    };
    ui.horizontal(|ui| {
        ui.strong("Event");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("Close")
                .on_hover_text("Back to the suggested events")
                .clicked()
            {
                commands.push(Command::Timeline(TimelineCommand::SelectEvent(None)));
            }
            if ui
                .add_enabled(
                    !ann.is_read_only(),
                    egui::Button::new("Delete event").small(),
                )
                .on_hover_text("Delete this event (its highlights stay; Ctrl+Z undoes)")
                .clicked()
            {
                commands.push(Command::Highlights(HighlightsCommand::Annotate(
                    annotate::Command::DeleteEvent(event.id.clone()),
                )));
                commands.push(Command::Timeline(TimelineCommand::SelectEvent(None)));
            }
        });
        if !event.credit.is_empty() {
            ui.label(
                RichText::new(event.credit.line(None, Some(event.modified)))
                    .weak()
                    .small(),
            );
        }
    });
    let label = ui.label("Title");
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut edit.title)
                .id(event_field_id(&event.id, "title"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if r.lost_focus() && edit.title.trim() != event.title && !edit.title.trim().is_empty() {
        let title = edit.title.trim().to_owned();
        commands.push(update(&|e| e.title.clone_from(&title)));
    }
    let label = ui.label("Date");
    let r = ui
        .add(egui::TextEdit::singleline(&mut edit.date).id(event_field_id(&event.id, "date")).hint_text("2020-01-31, 2019-12, next week…").desired_width(f32::INFINITY))
        .labelled_by(label.id)
        .on_hover_text("A day (2020-01-31), month (2019-12), year (2020), season (2020-21), range (2020-01-27/2020-02-02), ~ for approximate, or words such as “next week”");
    if r.lost_focus() && edit.date.trim() != event.when.edtf() {
        match parse_user_date(&edit.date, publication) {
            Some(mut when) => {
                edit.date_error = None;
                edit.date = when.edtf();
                when.resolved_against = publication;
                commands.push(update(&|e| e.when = when.clone()));
            }
            None => {
                edit.date_error = Some(format!(
                    "“{}” is not a date Storyline can read.",
                    edit.date.trim()
                ));
            }
        }
    }
    if let Some(err) = &edit.date_error {
        ui.label(RichText::new(err).color(ui.visuals().error_fg_color));
    } else {
        let from = if event.when.phrase.is_empty() {
            String::new()
        } else {
            format!(" — from “{}”", event.when.phrase)
        };
        let against = event
            .when
            .resolved_against
            .map_or(String::new(), |d| format!(", resolved against {d}"));
        ui.label(format!(
            "{} ({}){from}{against}",
            event.when.label(),
            event.when.precision.name()
        ));
        ui.label(
            RichText::new("Type a day (2020-01-31), a month (2019-12), a range (2020-01-27/2020-02-02), ~ for approximate, or words (“next week”).")
                .weak(),
        );
    }
    ui.horizontal(|ui| {
        for (kind, name) in [
            (EventKind::Reported, "Reported"),
            (EventKind::Expected, "Expected"),
        ] {
            if ui.radio(event.kind == kind, name).clicked() && event.kind != kind {
                commands.push(update(&|e| e.kind = kind));
            }
        }
    });
    ui.label("Lanes");
    ui.horizontal_wrapped(|ui| {
        for lane in ann.lanes() {
            let mut on = event.lanes.contains(&lane.id);
            if ui.checkbox(&mut on, &lane.name).changed() {
                let id = lane.id.clone();
                commands.push(update(&|e| {
                    if on {
                        e.lanes.push(id.clone());
                    } else {
                        e.lanes.retain(|l| l != &id);
                    }
                }));
            }
        }
    });
    let label = ui.label("Note");
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut edit.note)
                .id(event_field_id(&event.id, "note"))
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if r.lost_focus() && edit.note.trim_end() != event.note {
        let note = edit.note.trim_end().to_owned();
        commands.push(update(&|e| e.note.clone_from(&note)));
    }
    ui.label(format!("Evidence ({})", event.evidence.len()));
    for id in &event.evidence {
        let Some(entry) = ann.get(id) else { continue };
        let q = &entry.highlight.selector.quote.exact;
        let q = if q.chars().count() > 160 {
            format!("{}…", q.chars().take(159).collect::<String>().trim_end())
        } else {
            q.clone()
        };
        ui.horizontal_wrapped(|ui| {
            if ui
                .link(format!("“{q}”"))
                .on_hover_text("Show it in the article")
                .clicked()
            {
                commands.push(Command::Highlights(HighlightsCommand::FocusHighlight(
                    Some(id.clone()),
                    Show::InArticle,
                )));
            }
            if ui
                .small_button("×")
                .on_hover_text("Unlink this evidence")
                .clicked()
            {
                let id = id.clone();
                commands.push(update(&|e| e.evidence.retain(|h| h != &id)));
            }
        });
    }
}

/// Several dates in a passage added to the timeline: which dates the event?
fn date_choice_ui(
    ui: &mut Ui,
    timeline: &mut TimelineState,
    commands: &mut Vec<Command>,
    id: &annotate::HighlightId,
    phrases: &[crate::timeline::extract::DatedPhrase],
) {
    ui.strong("Which date is the event’s?");
    ui.label(format!(
        "This passage has {} dates. Choose the one the event happened (or is expected) on:",
        phrases.len()
    ));
    ui.add_space(4.0);
    for p in phrases {
        let kind = if p.expected { "expected" } else { "reported" };
        let text = format!("“{}” — {} ({kind})", p.phrase, p.when.label());
        if ui.button(text).clicked() {
            commands.push(Command::Timeline(TimelineCommand::AddToTimeline(
                id.clone(),
                Some(p.range),
            )));
        }
    }
    ui.add_space(4.0);
    if ui.button("Cancel").clicked() {
        timeline.date_choice = None;
    }
}

/// The lane editor, in the inspector: name, colour, keywords, order.
fn lane_editor_ui(
    ui: &mut Ui,
    article: &OpenArticle,
    timeline: &mut TimelineState,
    commands: &mut Vec<Command>,
) {
    let ann = &article.save.annotations;
    let Some(edit) = &mut timeline.lane_edit else {
        return;
    };
    // A lane just added is in the model from the next frame on.
    let Some(lane) = ann.lane(&edit.id).cloned() else {
        ui.label(RichText::new("Adding the lane…").weak());
        return;
    };
    let field = |name: &str| Id::unique(("lane-editor", lane.id.0.as_str(), name));
    let focused = ui.memory(egui::Memory::focused);
    edit.follow(&lane, |name| focused == Some(field(name)));
    let mut close = false;
    ui.horizontal(|ui| {
        ui.strong("Lane");
        if ui.small_button("Close").clicked() {
            close = true;
        }
    });
    let update = |f: &dyn Fn(&mut crate::timeline::Lane)| {
        let mut l = lane.clone();
        f(&mut l);
        Command::Highlights(HighlightsCommand::Annotate(annotate::Command::UpdateLane(
            l,
        )))
    };
    let label = ui.label("Name");
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut edit.name)
                .id(field("name"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if std::mem::take(&mut edit.focus) {
        r.request_focus();
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(edit.name.chars().count()),
        );
        if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), r.id) {
            state.cursor.set_char_range(Some(all));
            state.store(ui.ctx(), r.id);
        }
    }
    if r.lost_focus() && !edit.name.trim().is_empty() && edit.name.trim() != lane.name {
        let name = edit.name.trim().to_owned();
        commands.push(update(&|l| l.name.clone_from(&name)));
    }
    ui.horizontal(|ui| {
        ui.label("Colour");
        for c in LaneColor::ALL {
            let fill = lane_color(c, ui.visuals().dark_mode);
            let ring = (c == lane.color).then(|| ui.visuals().strong_text_color());
            if crate::app::highlights::swatch(ui, fill, ring, c.name()) && c != lane.color {
                commands.push(update(&|l| l.color = c));
            }
        }
    });
    let label = ui.label("Keywords (suggest this lane for sentences that mention them)");
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut edit.keywords)
                .id(field("keywords"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if r.lost_focus() {
        let mut kw: Vec<String> = edit
            .keywords
            .split([',', ' '])
            .map(|k| k.trim().to_lowercase())
            .filter(|k| !k.is_empty())
            .collect();
        kw.sort();
        kw.dedup();
        if kw != lane.keywords {
            commands.push(update(&|l| l.keywords.clone_from(&kw)));
        }
    }
    ui.horizontal_wrapped(|ui| {
        let lanes = ann.lanes();
        let pos = lanes.iter().position(|l| l.id == lane.id).unwrap_or(0);
        if ui
            .add_enabled(pos > 0, egui::Button::new("Move up"))
            .clicked()
        {
            commands.push(Command::Timeline(TimelineCommand::MoveLane(
                lane.id.clone(),
                Direction::Back,
            )));
        }
        if ui
            .add_enabled(pos + 1 < lanes.len(), egui::Button::new("Move down"))
            .clicked()
        {
            commands.push(Command::Timeline(TimelineCommand::MoveLane(
                lane.id.clone(),
                Direction::Forward,
            )));
        }
        let only_here = ann
            .events()
            .iter()
            .filter(|e| e.lanes == vec![lane.id.clone()])
            .count();
        let tip = format!(
            "Deletes the lane and {} only in it (Ctrl+Z undoes)",
            crate::wording::count(only_here, "event", "events")
        );
        if ui.button("Delete lane").on_hover_text(tip).clicked() {
            commands.push(Command::Highlights(HighlightsCommand::Annotate(
                annotate::Command::DeleteLane(lane.id.clone()),
            )));
            close = true;
        }
    });
    if close {
        timeline.lane_edit = None;
    }
}

/// The question asked before deleting a highlight that events rest on.
pub(crate) fn timeline_windows_ui(
    ctx: &egui::Context,
    article: &OpenArticle,
    timeline: &mut TimelineState,
    commands: &mut Vec<Command>,
) {
    let ann = &article.save.annotations;
    if let Some(id) = timeline.confirm_delete.clone() {
        let n = ann.events_citing(&id).count();
        let modal = egui::Modal::new(Id::unique("confirm-delete-evidence")).show(ctx, |ui| {
            ui.set_max_width(380.0);
            ui.heading("Delete this highlight?");
            ui.label(format!("It is evidence for {n} event(s) on the timeline."));
            ui.horizontal(|ui| {
                if ui.button("Delete highlight, keep events").clicked() {
                    commands.push(Command::Highlights(HighlightsCommand::Annotate(
                        annotate::Command::Delete(id.clone()),
                    )));
                    timeline.confirm_delete = None;
                }
                if ui.button("Delete highlight and its events").clicked() {
                    commands.push(Command::Highlights(HighlightsCommand::Annotate(
                        annotate::Command::DeleteWithEvents(id.clone()),
                    )));
                    timeline.confirm_delete = None;
                }
                if ui.button("Cancel").clicked() {
                    timeline.confirm_delete = None;
                }
            });
        });
        if modal.should_close() {
            timeline.confirm_delete = None;
        }
    }
}
