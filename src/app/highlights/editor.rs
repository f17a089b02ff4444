//! The editor of the highlight selected in the list: its quote and where
//! it was found, colour, tags (with suggestions) and note.

use std::collections::BTreeSet;

use egui::{Id, RichText, Ui};

use super::{HighlightsPaneState, shorten, swatch};
use crate::annotate::{self, AnchorStatus, Entry, HighlightColor, parse_tag_list};
use crate::app::theme::Palette;
use crate::app::{Command, HighlightsCommand, Show, TimelineCommand};

/// The editor of the selected highlight.
pub(super) fn editor_ui(
    ui: &mut Ui,
    panel: &mut HighlightsPaneState,
    entry: &Entry,
    tag_counts: &std::collections::BTreeMap<String, usize>,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let h = &entry.highlight;
    let id = h.id.clone();
    ui.label(RichText::new(format!("“{}”", shorten(&h.selector.quote.exact, 300))).italics());
    match entry.anchor.status {
        AnchorStatus::Moved => {
            ui.label(
                RichText::new("Found at a new place in the edited article.")
                    .weak()
                    .small(),
            );
        }
        AnchorStatus::Fuzzy { score } => {
            ui.label(
                RichText::new(format!(
                    "The article changed: matched approximately ({:.0} %).",
                    score * 100.0
                ))
                .weak()
                .small(),
            );
        }
        _ => {}
    }
    if !h.credit.is_empty() {
        ui.label(
            RichText::new(h.credit.line(Some(h.created), Some(h.modified)))
                .weak()
                .small(),
        );
    }
    ui.horizontal(|ui| {
        ui.label("Colour");
        for color in HighlightColor::ALL {
            let ring = (color == h.color).then(|| ui.visuals().strong_text_color());
            if swatch(ui, palette.mark_line(color), ring, color.name()) && color != h.color {
                commands.push(Command::Highlights(HighlightsCommand::Annotate(
                    annotate::Command::SetColor(id.clone(), color),
                )));
            }
        }
    });
    let label = ui.label("Tags");
    let tags_response = ui
        .add(
            egui::TextEdit::singleline(&mut panel.editor.tags)
                .hint_text("uk, security, …")
                .desired_width(f32::INFINITY)
                .id(Id::unique(("tags-edit", &id.0))),
        )
        .labelled_by(label.id);
    if std::mem::take(&mut panel.editor.focus_tags) {
        tags_response.request_focus();
    }
    // Completion from the tags already in use.
    let partial = panel
        .editor
        .tags
        .rsplit(',')
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    if tags_response.has_focus() || tags_response.lost_focus() {
        let present: BTreeSet<String> = parse_tag_list(&panel.editor.tags).into_iter().collect();
        let suggestions: Vec<&String> = tag_counts
            .keys()
            .filter(|t| {
                t.starts_with(&partial) && !present.contains(*t)
                    || (!partial.is_empty() && t.starts_with(&partial) && **t != partial)
            })
            .take(8)
            .collect();
        if !suggestions.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for tag in suggestions {
                    if ui.small_button(format!("+ {tag}")).clicked() {
                        let keep = panel
                            .editor
                            .tags
                            .rfind(',')
                            .map_or("", |i| &panel.editor.tags[..=i]);
                        let sep = if keep.is_empty() { "" } else { " " };
                        panel.editor.tags = format!("{keep}{sep}{tag}, ");
                        panel.editor.focus_tags = true;
                    }
                }
            });
        }
    }
    let label = ui.label("Note");
    ui.add(
        egui::TextEdit::multiline(&mut panel.editor.note)
            .hint_text("What this passage shows, why it matters…")
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .id(Id::unique(("note-edit", &id.0))),
    )
    .labelled_by(label.id);
    ui.horizontal(|ui| {
        if ui.button("Go to passage").clicked() {
            commands.push(Command::Highlights(HighlightsCommand::FocusHighlight(
                Some(id.clone()),
                Show::InArticle,
            )));
        }
        if ui
            .button("Add to timeline")
            .on_hover_text("Make an event from this highlight, dated by the phrase in or near it")
            .clicked()
        {
            commands.push(Command::Timeline(TimelineCommand::AddToTimeline(
                id.clone(),
                None,
            )));
        }
        if ui
            .button("Delete")
            .on_hover_text("Delete this highlight (Ctrl+Z undoes)")
            .clicked()
        {
            commands.push(Command::Highlights(HighlightsCommand::AskDeleteHighlight(
                id.clone(),
            )));
        }
    });
    // Typed text is applied when the field loses focus (or on Enter for tags).
    if !ui.ctx().egui_wants_keyboard_input() && panel.editor.id.as_ref() == Some(&id) {
        let tags = parse_tag_list(&panel.editor.tags);
        let note = panel.editor.note.trim_end();
        if tags != h.tags {
            commands.push(Command::Highlights(HighlightsCommand::Annotate(
                annotate::Command::SetTags(id.clone(), tags),
            )));
        }
        if note != h.note {
            commands.push(Command::Highlights(HighlightsCommand::Annotate(
                annotate::Command::SetNote(id, note.to_owned()),
            )));
        }
    }
}
