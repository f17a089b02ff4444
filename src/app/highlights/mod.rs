//! the Highlights pane: filters, tag counts, the editor of the
//! selected highlight, the virtualised list, and orphans.

pub(crate) mod cmds;
mod editor;
pub(crate) mod header;
pub mod save;

use crate::app::actions::Action;
use editor::editor_ui;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, FontId, RichText, Sense, Stroke, Ui, vec2};

use crate::annotate::{
    self, AnchorStatus, Annotations, Entry, HighlightColor, HighlightId, parse_tag_list,
};
use crate::app::theme::Palette;
use crate::app::{Command, HighlightsCommand, OpenArticle, Show, StorylineApp};

/// Height of one row of the list.
const ROW_HEIGHT: f32 = 58.0;

/// What the filtered list was computed from.
#[derive(Clone, PartialEq, Eq)]
struct FilterKey {
    revision: u64,
    text: String,
    colors: BTreeSet<HighlightColor>,
    tags: BTreeSet<String>,
    author: Option<String>,
    evidence: bool,
    focused: Option<HighlightId>,
}

/// The text fields of the highlight being edited.
#[derive(Default)]
struct Editor {
    id: Option<HighlightId>,
    tags: String,
    note: String,
    focus_tags: bool,
}

/// The Highlights pane's own state (filters, selection, editor buffers).
#[derive(Default)]
pub struct HighlightsPaneState {
    /// The selected highlight.
    pub focused: Option<HighlightId>,
    /// True when the list has keyboard focus (arrows move, Enter jumps, Delete deletes).
    pub list_focus: bool,
    /// Free-text filter over quotes, notes and tags.
    pub filter_text: String,
    /// Show only these colours (empty: all).
    pub filter_colors: BTreeSet<HighlightColor>,
    /// Show only highlights with all of these tags.
    pub filter_tags: BTreeSet<String>,
    /// Show only highlights this person made or last changed.
    pub filter_author: Option<String>,
    /// List the evidence events rest on too (else only the reader's own
    /// highlights, and the selected one).
    pub show_evidence: bool,
    /// Scroll the list to this row next frame.
    pub scroll_to_row: Option<usize>,
    /// The highlight a context menu was opened on.
    pub context_target: Option<HighlightId>,
    editor: Editor,
    cache: Option<(FilterKey, Vec<usize>)>,
    tag_cache: Option<((u64, bool), Counts)>,
    /// App time of the current frame.
    pub now: f64,
    /// Rows marked briefly (an event's evidence), and since when.
    flash: (Vec<HighlightId>, f64),
    /// Scroll the list to the focused row next frame.
    reveal_focused: bool,
}

/// Tags and authors in use, with how many highlights each.
#[derive(Clone, Default)]
struct Counts {
    tags: std::collections::BTreeMap<String, usize>,
    authors: std::collections::BTreeMap<String, usize>,
}

fn matches(entry: &Entry, key: &FilterKey) -> bool {
    let h = &entry.highlight;
    let FilterKey {
        text, colors, tags, ..
    } = key;
    (colors.is_empty() || colors.contains(&h.color))
        && tags.iter().all(|t| h.tags.contains(t))
        && key.author.as_ref().is_none_or(|a| h.credit.involves(a))
        && (text.is_empty()
            || h.selector.quote.exact.to_lowercase().contains(text)
            || h.note.to_lowercase().contains(text)
            || h.tags.iter().any(|t| t.contains(text)))
}

impl HighlightsPaneState {
    /// Selects a highlight (or none). The editor follows.
    pub fn focus(&mut self, id: Option<HighlightId>) {
        self.focused = id;
        self.reveal_focused = true;
    }

    /// Marks these rows briefly (from time `now`) and scrolls to the first.
    pub fn flash(&mut self, ids: Vec<HighlightId>, now: f64) {
        self.flash = (ids, now);
        self.reveal_focused = true;
    }

    /// Indices into `annotations.entries()` of the anchored highlights that
    /// pass the filters, cached until the annotations or filters change.
    fn filtered(&mut self, annotations: &Annotations) -> &[usize] {
        let key = FilterKey {
            revision: annotations.revision(),
            text: self.filter_text.trim().to_lowercase(),
            colors: self.filter_colors.clone(),
            tags: self.filter_tags.clone(),
            author: self.filter_author.clone(),
            evidence: self.show_evidence,
            focused: self.focused.clone(),
        };
        if self.cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let rows = annotations.entries()[..annotations.anchored_len()]
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    (key.evidence
                        || !e.highlight.evidence
                        || key.focused.as_ref() == Some(&e.highlight.id))
                        && matches(e, &key)
                })
                .map(|(i, _)| i)
                .collect();
            self.cache = Some((key, rows));
        }
        self.cache.as_ref().map_or(&[], |(_, rows)| rows)
    }

    /// Tags and authors in use with their counts among the highlights
    /// the list can show (evidence only when asked for), cached per
    /// annotation revision.
    fn counts(&mut self, annotations: &Annotations) -> Counts {
        let key = (annotations.revision(), self.show_evidence);
        if self.tag_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let mut counts = Counts::default();
            for e in annotations.entries() {
                let h = &e.highlight;
                if h.evidence && !self.show_evidence {
                    continue;
                }
                for t in &h.tags {
                    *counts.tags.entry(t.clone()).or_insert(0) += 1;
                }
                for a in [&h.credit.author, &h.credit.edited_by]
                    .into_iter()
                    .flatten()
                {
                    *counts.authors.entry(a.clone()).or_insert(0) += 1;
                }
            }
            self.tag_cache = Some((key, counts));
        }
        self.tag_cache
            .as_ref()
            .map(|(_, c)| c.clone())
            .unwrap_or_default()
    }

    /// The ids of the listed highlights, in order.
    pub fn visible_ids(&mut self, annotations: &Annotations) -> Vec<HighlightId> {
        let rows = self.filtered(annotations).to_vec();
        rows.into_iter()
            .map(|i| annotations.entries()[i].highlight.id.clone())
            .collect()
    }

    /// Loads the editor fields from the focused highlight when it changed.
    pub fn reload_editor(&mut self, article: &OpenArticle) {
        let entry = self
            .focused
            .as_ref()
            .and_then(|id| article.save.annotations.get(id));
        self.editor = match entry {
            Some(e) => Editor {
                id: Some(e.highlight.id.clone()),
                tags: e.highlight.tags.join(", "),
                note: e.highlight.note.clone(),
                focus_tags: self.editor.focus_tags
                    && self.editor.id.as_ref() == Some(&e.highlight.id),
            },
            None => Editor::default(),
        };
    }

    /// Applies what was typed in the editor to the model (tags and note).
    pub fn commit_editor_into(&mut self, article: Option<&mut OpenArticle>) {
        let (Some(article), Some(id)) = (article, self.editor.id.clone()) else {
            return;
        };
        let Some(entry) = article.save.annotations.get(&id) else {
            return;
        };
        let tags = parse_tag_list(&self.editor.tags);
        let note = self.editor.note.trim_end().to_owned();
        let mut cmds = Vec::new();
        if tags != entry.highlight.tags {
            cmds.push(annotate::Command::SetTags(id.clone(), tags));
        }
        if note != entry.highlight.note {
            cmds.push(annotate::Command::SetNote(id, note));
        }
        for cmd in cmds {
            // Read-only saves refuse; the message is shown elsewhere.
            let _ = article.save.apply(cmd, self.now);
        }
    }
}

/// A small colour swatch button; returns true when clicked.
pub(crate) fn swatch(ui: &mut Ui, fill: Color32, ring: Option<Color32>, tip: &str) -> bool {
    let (rect, response) = ui.allocate_exact_size(vec2(18.0, 18.0), Sense::click());
    ui.painter().circle_filled(rect.center(), 7.0, fill);
    if let Some(ring) = ring {
        ui.painter()
            .circle_stroke(rect.center(), 8.5, Stroke::new(2.0, ring));
    }
    let response = response.on_hover_text(tip);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, tip));
    response.clicked()
}

fn shorten(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        flat.chars().take(max - 1).chain(['…']).collect()
    }
}

/// The Highlights pane's list.
pub(crate) fn highlights_ui(ui: &mut Ui, app: &mut StorylineApp) {
    let opening = app.is_opening();
    let StorylineApp {
        article,
        panel,
        commands,
        ..
    } = app;
    panel.now = ui.input(|i| i.time);
    let Some(article) = article.as_mut() else {
        let text = if opening {
            "Highlighting starts once the whole file is read.".to_owned()
        } else {
            "Open an article to highlight it.".to_owned()
        };
        ui.label(RichText::new(text).weak());
        return;
    };
    let palette = Palette::new(ui.visuals().dark_mode);
    let ann = &article.save.annotations;
    ui.horizontal(|ui| {
        ui.heading("Highlights");
        // The reader's own (evidence is counted by its toggle below).
        let own = ann
            .entries()
            .iter()
            .filter(|e| !e.highlight.evidence)
            .count();
        ui.label(RichText::new(format!("{own}")).weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add_enabled(ann.can_redo(), egui::Button::new("Redo").small())
                .on_hover_text(Action::Redo.hover_text())
                .clicked()
            {
                commands.push(Command::Highlights(HighlightsCommand::Annotate(
                    annotate::Command::Redo,
                )));
            }
            if ui
                .add_enabled(ann.can_undo(), egui::Button::new("Undo").small())
                .on_hover_text(Action::Undo.hover_text())
                .clicked()
            {
                commands.push(Command::Highlights(HighlightsCommand::Annotate(
                    annotate::Command::Undo,
                )));
            }
        });
    });
    let status = if let Some(reason) = &article.save.read_only_reason {
        RichText::new(shorten(reason, 160)).color(ui.visuals().warn_fg_color)
    } else if article.save.is_saving() || article.save.is_dirty() {
        RichText::new("Saving…").weak()
    } else {
        let name = article
            .save
            .save_path
            .as_ref()
            .map_or(String::new(), |p| p.display().to_string());
        RichText::new(format!("Saved in {name}")).weak().small()
    };
    ui.add(egui::Label::new(status).truncate());

    if ann.entries().is_empty() {
        ui.add_space(4.0);
        ui.label(
            RichText::new(
                "Select text in the article, then press H (or 1–5 for a colour) to highlight it.",
            )
            .weak(),
        );
        return;
    }

    // Filters.
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(&mut panel.filter_text)
                .hint_text("quotes, notes, tags")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        for color in HighlightColor::ALL {
            let on = panel.filter_colors.contains(&color);
            let ring = on.then(|| ui.visuals().strong_text_color());
            if swatch(
                ui,
                palette.mark_line(color),
                ring,
                &format!("Show only {}", color.name()),
            ) {
                if on {
                    panel.filter_colors.remove(&color);
                } else {
                    panel.filter_colors.insert(color);
                }
            }
        }
        let evidence = ann
            .entries()
            .iter()
            .filter(|e| e.highlight.evidence)
            .count();
        if evidence > 0 {
            ui.toggle_value(&mut panel.show_evidence, format!("Evidence {evidence}"))
                .on_hover_text("List the passages accepted events rest on too");
        }
        if !(panel.filter_colors.is_empty()
            && panel.filter_tags.is_empty()
            && panel.filter_author.is_none()
            && panel.filter_text.is_empty())
            && ui.small_button("Clear filters").clicked()
        {
            panel.filter_colors.clear();
            panel.filter_tags.clear();
            panel.filter_author = None;
            panel.filter_text.clear();
        }
    });
    let Counts {
        tags: tag_counts,
        authors,
    } = panel.counts(ann);
    author_filter_ui(ui, &mut panel.filter_author, &authors);
    if !tag_counts.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing = vec2(4.0, 4.0);
            for (tag, count) in &tag_counts {
                let on = panel.filter_tags.contains(tag);
                if ui
                    .selectable_label(on, format!("{tag} {count}"))
                    .on_hover_text(format!("Show only highlights tagged “{tag}”"))
                    .clicked()
                {
                    if on {
                        panel.filter_tags.remove(tag);
                    } else {
                        panel.filter_tags.insert(tag.clone());
                    }
                }
            }
        });
    }
    ui.separator();

    // A highlight the filters hide is not edited out of sight.
    let shown = panel.filtered(ann).to_vec();
    if let Some(focused) = panel.focused.clone()
        && !shown
            .iter()
            .any(|&i| ann.entries()[i].highlight.id == focused)
    {
        commands.push(Command::Highlights(HighlightsCommand::FocusHighlight(
            None,
            Show::InList,
        )));
    }
    let listable = if panel.show_evidence {
        ann.entries().len()
    } else {
        ann.entries()
            .iter()
            .filter(|e| !e.highlight.evidence)
            .count()
    };
    if shown.len() < listable {
        ui.label(
            RichText::new(format!(
                "Showing {} of {}",
                shown.len(),
                crate::wording::count(listable, "highlight", "highlights")
            ))
            .weak(),
        );
    }
    if let Some(entry) = panel.focused.as_ref().and_then(|id| ann.get(id)).cloned() {
        if panel.editor.id.as_ref() != Some(&entry.highlight.id) {
            panel.reload_editor(article);
        }
        editor_ui(ui, panel, &entry, &tag_counts, &palette, commands);
        ui.separator();
    }

    let ann = &article.save.annotations;
    let orphans = ann.orphans().len();
    let rows = panel.filtered(ann).to_vec();
    let list_height =
        (ui.available_height() - if orphans > 0 { 120.0 } else { 0.0 }).max(ROW_HEIGHT * 2.0);
    let mut area = egui::ScrollArea::vertical()
        .id_salt("highlight-list")
        .max_height(list_height)
        .auto_shrink([false, true]);
    if std::mem::take(&mut panel.reveal_focused)
        && let Some(focused) = &panel.focused
        && let Some(pos) = rows
            .iter()
            .position(|&i| &ann.entries()[i].highlight.id == focused)
    {
        // Only scroll when the row is not already in view (approximately).
        panel.scroll_to_row = Some(pos);
    }
    if let Some(row) = panel.scroll_to_row.take() {
        area = area.vertical_scroll_offset((row as f32 * ROW_HEIGHT - list_height / 2.0).max(0.0));
    }
    if rows.is_empty() {
        ui.label(RichText::new("No highlight matches the filters.").weak());
    }
    area.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
        for &i in &rows[range] {
            let entry = &ann.entries()[i];
            let selected = panel.focused.as_ref() == Some(&entry.highlight.id);
            let flashing =
                panel.now - panel.flash.1 < 1.6 && panel.flash.0.contains(&entry.highlight.id);
            if flashing {
                ui.ctx().request_repaint();
            }
            if row_ui(ui, entry, selected || flashing, &palette).clicked() {
                panel.list_focus = true;
                commands.push(Command::Highlights(HighlightsCommand::FocusHighlight(
                    Some(entry.highlight.id.clone()),
                    Show::InArticle,
                )));
            }
        }
    });
    if orphans > 0 {
        egui::CollapsingHeader::new(format!("Orphaned ({orphans})"))
            .default_open(true)
            .show(ui, |ui| {
                ui.label(
                    RichText::new("Their text is no longer in the article. Select a passage and attach one to it, or delete it.")
                        .weak()
                        .small(),
                );
                let has_selection = !article.view.selection.is_empty();
                egui::ScrollArea::vertical().id_salt("orphans").max_height(160.0).show(ui, |ui| {
                    for entry in ann.orphans() {
                        let h = &entry.highlight;
                        ui.label(RichText::new(format!("“{}”", shorten(&h.selector.quote.exact, 140))).italics());
                        ui.horizontal(|ui| {
                            if ui
                                .add_enabled(has_selection, egui::Button::new("Attach to selection").small())
                                .clicked()
                            {
                                commands.push(Command::Highlights(HighlightsCommand::Reattach(h.id.clone())));
                            }
                            if ui.small_button("Delete").clicked() {
                                commands.push(Command::Highlights(HighlightsCommand::AskDeleteHighlight(h.id.clone())));
                            }
                        });
                        ui.add_space(4.0);
                    }
                });
            });
    }
}

/// "By: Everyone / Ana 12 / Ben 3": shown once anyone's name is on a
/// highlight (a shared dossier); a chosen name shows what they made or
/// last changed.
pub(crate) fn author_filter_ui(
    ui: &mut Ui,
    filter: &mut Option<String>,
    authors: &std::collections::BTreeMap<String, usize>,
) {
    if authors.is_empty() && filter.is_none() {
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label("By");
        egui::ComboBox::from_id_salt("author-filter")
            .selected_text(filter.as_deref().unwrap_or("Everyone"))
            .show_ui(ui, |ui| {
                ui.selectable_value(filter, None, "Everyone");
                for (name, n) in authors {
                    ui.selectable_value(filter, Some(name.clone()), format!("{name} ({n})"));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Show only what this person made or last changed");
    });
}

/// One row of the list: colour bar, quote (two lines), tags and note.
fn row_ui(ui: &mut Ui, entry: &Entry, selected: bool, palette: &Palette) -> egui::Response {
    let h = &entry.highlight;
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, ROW_HEIGHT), Sense::click());
    let visuals = ui.visuals();
    if selected {
        ui.painter()
            .rect_filled(rect, 4.0, visuals.selection.bg_fill.gamma_multiply(0.5));
    } else if response.hovered() {
        ui.painter()
            .rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let bar = egui::Rect::from_min_size(rect.min + vec2(2.0, 4.0), vec2(4.0, ROW_HEIGHT - 8.0));
    // Evidence has no colour of its own: a thin dotted bar.
    if h.evidence {
        for i in 0..6 {
            let y = bar.min.y + 2.0 + i as f32 * (bar.height() - 4.0) / 5.0;
            ui.painter()
                .circle_filled(egui::pos2(bar.center().x, y), 1.3, palette.muted);
        }
    } else {
        ui.painter()
            .rect_filled(bar, 2.0, palette.mark_line(h.color));
    }
    let text_x = rect.min.x + 12.0;
    let wrap = width - 16.0;
    let quote = shorten(&h.selector.quote.exact, 240);
    let mut job = LayoutJob::single_section(
        quote.clone(),
        TextFormat::simple(FontId::proportional(13.0), visuals.text_color()),
    );
    job.wrap = TextWrapping {
        max_width: wrap,
        max_rows: 2,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    ui.painter().galley(
        egui::pos2(text_x, rect.min.y + 4.0),
        galley,
        visuals.text_color(),
    );
    let mut meta = String::new();
    if !h.credit.is_empty() {
        let _ = write!(meta, "{} · ", h.credit.describe());
    }
    for t in &h.tags {
        let _ = write!(meta, "#{t}  ");
    }
    if let AnchorStatus::Fuzzy { score } = entry.anchor.status {
        let _ = write!(meta, "(approximate match {:.0} %)  ", score * 100.0);
    }
    if !h.note.is_empty() {
        meta.push_str("— ");
        meta.push_str(&shorten(&h.note, 120));
    }
    let mut job = LayoutJob::single_section(
        meta,
        TextFormat::simple(FontId::proportional(11.5), visuals.weak_text_color()),
    );
    job.wrap = TextWrapping::truncate_at_width(wrap);
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    ui.painter().galley(
        egui::pos2(text_x, rect.max.y - 18.0),
        galley,
        visuals.weak_text_color(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &quote));
    response
}
