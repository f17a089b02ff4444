//! The app's timeline commands: lanes, selecting events, accepting
//! suggestions, adding a highlight to the timeline.

use crate::annotate::{self, HighlightId, accept_suggestion};
use crate::app::timeline::details::{EventEdit, LaneEdit};
use crate::app::{Command, Direction, HighlightsCommand, StorylineApp, TimelineCommand};
use crate::store::article::{new_highlight_id, now};
use crate::timeline::{
    EventId, Lane, LaneColor, LaneId, event_for_highlight_dated, phrases_for_range,
};

fn new_id(prefix: &str) -> String {
    format!("{prefix}-{}", &new_highlight_id().0[2..])
}

impl StorylineApp {
    /// Applies a timeline command.
    pub(crate) fn apply_timeline_command(&mut self, command: TimelineCommand, time: f64) {
        // Editing an event or a lane happens in the inspector.
        if matches!(
            command,
            TimelineCommand::EditLane(_) | TimelineCommand::AddLane
        ) {
            self.show_pane(crate::store::layout::Pane::Inspector);
        }
        // A selection keeps a maximised timeline so.
        if matches!(command, TimelineCommand::SelectEvent(Some(_))) {
            self.offer_pane(crate::store::layout::Pane::Inspector);
        }
        let publication = self.published().map(|(d, _)| d);
        let ctx = self.egui_ctx.clone();
        let Some(article) = &mut self.article else {
            return;
        };
        let ann = &article.save.annotations;
        let mut model = Vec::new();
        match command {
            TimelineCommand::AddLane => {
                let used: Vec<LaneColor> = ann.lanes().iter().map(|l| l.color).collect();
                let color = LaneColor::ALL
                    .into_iter()
                    .find(|c| !used.contains(c))
                    .unwrap_or_default();
                let lane = Lane {
                    modified: None,
                    id: LaneId(new_id("l")),
                    name: format!("Lane {}", ann.lanes().len() + 1),
                    color,
                    order: ann.lanes().iter().map(|l| l.order + 1).max().unwrap_or(0),
                    keywords: Vec::new(),
                };
                self.timeline.lane_edit = Some(LaneEdit {
                    id: lane.id.clone(),
                    name: lane.name.clone(),
                    keywords: String::new(),
                    focus: true,
                    from: None,
                });
                model.push(annotate::Command::AddLane(lane));
            }
            TimelineCommand::EditLane(id) => {
                if let Some(l) = ann.lane(&id) {
                    self.timeline.lane_edit = Some(LaneEdit {
                        id,
                        name: l.name.clone(),
                        keywords: l.keywords.join(", "),
                        focus: true,
                        from: None,
                    });
                }
            }
            TimelineCommand::MoveLane(id, direction) => {
                let step: isize = match direction {
                    Direction::Back => -1,
                    Direction::Forward => 1,
                };
                // Renumber orders so the swap is one clean step.
                let mut lanes = ann.lanes().to_vec();
                if let Some(pos) = lanes.iter().position(|l| l.id == id) {
                    let to = pos.saturating_add_signed(step).min(lanes.len() - 1);
                    let lane = lanes.remove(pos);
                    lanes.insert(to, lane);
                    let batch = lanes
                        .into_iter()
                        .enumerate()
                        .filter_map(|(i, mut l)| {
                            let order = u32::try_from(i).unwrap_or(u32::MAX);
                            (l.order != order).then(|| {
                                l.order = order;
                                annotate::Command::UpdateLane(l)
                            })
                        })
                        .collect();
                    model.push(annotate::Command::Batch(batch));
                }
            }
            TimelineCommand::SetTimelineView(view) => self.timeline.view = Some(view),
            TimelineCommand::SelectEvent(id) => {
                if id.is_some() {
                    self.timeline.lane_edit = None;
                    self.timeline.date_choice = None;
                }
                self.timeline.selected.clone_from(&id);
                self.timeline.event_edit = EventEdit::default();
                let evidence: Vec<HighlightId> = id
                    .and_then(|id| ann.event(&id).map(|e| e.evidence.clone()))
                    .unwrap_or_default();
                let ranges: Vec<_> = evidence
                    .iter()
                    .filter_map(|h| ann.get(h))
                    .filter_map(annotate::Entry::range)
                    .collect();
                if let Some(first) = ranges.first() {
                    crate::app::reveal(article, *first);
                }
                for r in &ranges {
                    article.view.flash(*r, time);
                }
                if let Some(first) = evidence.first() {
                    self.panel.focus(Some(first.clone()));
                    self.panel.flash(evidence.clone(), time);
                }
            }
            TimelineCommand::AddToTimeline(id, chosen) => {
                let Some(range) = ann.get(&id).and_then(annotate::Entry::range) else {
                    return;
                };
                let Some(anchor) = publication else {
                    self.error("Set the article's publication date first (Article > Set Publication Date): relative dates need it.".to_owned());
                    return;
                };
                let phrases = phrases_for_range(&article.doc, anchor, range);
                let phrase = match chosen {
                    Some(at) => phrases.iter().find(|p| p.range == at),
                    // Several dates in the passage: the reader chooses.
                    None if phrases.len() > 1 => {
                        self.timeline.date_choice = Some((id, phrases));
                        self.show_pane(crate::store::layout::Pane::Inspector);
                        return;
                    }
                    None => phrases.first(),
                };
                let event = event_for_highlight_dated(
                    &article.doc,
                    anchor,
                    ann.lanes(),
                    (&id, range),
                    phrase,
                    EventId(new_id("e")),
                    now(),
                );
                self.timeline.date_choice = None;
                self.timeline.selected = Some(event.id.clone());
                self.timeline.reveal = vec![event.id.clone()];
                model.push(annotate::Command::AddEvent(event));
                self.show_pane(crate::store::layout::Pane::Timeline);
            }
            TimelineCommand::AcceptSuggestions(keys) => {
                let Some(anchor) = publication else { return };
                let all = self
                    .timeline
                    .suggestions
                    .with_keys(&ctx, article, anchor, &keys);
                // Accept one by one, so later ones reuse evidence made by earlier ones.
                let mut scratch = article.save.annotations.clone();
                let mut batch = Vec::new();
                for s in &all {
                    let cmd = accept_suggestion(
                        &scratch,
                        &article.doc,
                        s,
                        new_highlight_id(),
                        EventId(new_id("e")),
                        now(),
                    );
                    if scratch.apply(cmd.clone(), now()).is_ok() {
                        batch.push(cmd);
                    }
                }
                // The new events are brought into view and flash.
                self.timeline.reveal = scratch
                    .events()
                    .iter()
                    .filter(|e| ann.event(&e.id).is_none())
                    .map(|e| e.id.clone())
                    .collect();
                model.push(annotate::Command::Batch(batch));
            }
        }
        for cmd in model {
            self.send(Command::Highlights(HighlightsCommand::Annotate(cmd)));
        }
    }
}
