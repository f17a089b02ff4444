//! The Highlights pane across the whole dossier: every article's
//! highlights, filtered by text, tag and colour, with tag counts; a click
//! opens the article at the passage.

use std::collections::BTreeMap;
use std::path::Path;

use egui::{RichText, Ui};

use super::{DossierAction, OpenDossier};
use crate::annotate::HighlightColor;
use crate::app::theme::Palette;
use crate::app::{Command, StorylineApp};
use crate::store::dossier::article_file;
use crate::store::saves::read_save_of;

/// Height of one row of the list.
const ROW: f32 = 42.0;

/// One highlight of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The highlight.
    pub id: crate::annotate::HighlightId,
    /// The article (its stored path).
    pub article: String,
    /// The article's title.
    pub title: String,
    /// The passage.
    pub quote: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Colour.
    pub color: HighlightColor,
    /// Note.
    pub note: String,
    /// Char offset in the article (as last saved).
    pub offset: usize,
    /// Who made it and changed it last.
    pub credit: crate::credit::Credit,
    /// Quote, note and tags in lower case, for the filter.
    haystack: String,
}

/// Every article's highlights, and the filter over them.
///
/// Invariant: `shown` indexes `rows` and matches `query`, `tag`, `color`.
#[derive(Default)]
pub struct DossierHighlights {
    loaded_for: Option<u64>,
    /// All rows, by article (library order) then position.
    pub rows: Vec<Row>,
    /// Tags and how many highlights carry each, most used first.
    pub tag_counts: Vec<(String, usize)>,
    /// The text filter.
    pub query: String,
    /// Only this tag.
    pub tag: Option<String>,
    /// Only this colour.
    pub color: Option<HighlightColor>,
    /// Only what this person made or last changed.
    pub by: Option<String>,
    /// Names on highlights, and how many each.
    pub authors: BTreeMap<String, usize>,
    /// Rows that pass the filter.
    pub shown: Vec<usize>,
    filtered_for: Option<Filter>,
    /// Saves that could not be read.
    pub errors: Vec<String>,
}

/// What the list is filtered by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words, each in the quote, note, tags or names.
    pub query: String,
    /// Only this tag.
    pub tag: Option<String>,
    /// Only this colour.
    pub color: Option<HighlightColor>,
    /// Only what this person made or last changed.
    pub by: Option<String>,
}

/// Rows of `rows` matching every word of the query (in quote, note, tags
/// or names), its tag, colour and person.
#[must_use]
pub fn filter(rows: &[Row], f: &Filter) -> Vec<usize> {
    let words: Vec<String> = f.query.split_whitespace().map(str::to_lowercase).collect();
    rows.iter()
        .enumerate()
        .filter(|(_, r)| {
            f.color.is_none_or(|c| r.color == c)
                && f.tag.as_ref().is_none_or(|t| r.tags.contains(t))
                && f.by.as_ref().is_none_or(|b| r.credit.involves(b))
                && words.iter().all(|w| r.haystack.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

impl DossierHighlights {
    /// Reads every present article's save (not its text).
    pub fn load(
        &mut self,
        open_path: &Path,
        d: &crate::dossier::Dossier,
        missing: &std::collections::BTreeSet<String>,
        saves_dir: &Path,
    ) {
        self.rows.clear();
        self.errors.clear();
        let mut tags: BTreeMap<String, usize> = BTreeMap::new();
        self.authors.clear();
        for a in d.articles.iter().filter(|a| !missing.contains(&a.path)) {
            let file = article_file(open_path, &a.path);
            match read_save_of(saves_dir, &file, &a.fingerprint) {
                Ok(Some(save)) => {
                    for h in save.highlights {
                        for t in &h.tags {
                            *tags.entry(t.clone()).or_default() += 1;
                        }
                        for n in [&h.credit.author, &h.credit.edited_by]
                            .into_iter()
                            .flatten()
                        {
                            *self.authors.entry(n.clone()).or_default() += 1;
                        }
                        let haystack = format!(
                            "{}\n{}\n{}\n{}",
                            h.selector.quote.exact.to_lowercase(),
                            h.note.to_lowercase(),
                            h.tags.join(" "),
                            h.credit.describe().to_lowercase()
                        );
                        self.rows.push(Row {
                            id: h.id.clone(),
                            article: a.path.clone(),
                            title: a.title.clone(),
                            quote: h.selector.quote.exact.replace('\n', " "),
                            tags: h.tags,
                            color: h.color,
                            note: h.note,
                            offset: h.selector.position.start.0,
                            credit: h.credit,
                            haystack,
                        });
                    }
                }
                Ok(None) => {}
                Err(e) => self.errors.push(e.to_string()),
            }
        }
        let mut counts: Vec<(String, usize)> = tags.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        self.tag_counts = counts;
        self.filtered_for = None;
    }

    /// Applies the filter when it changed.
    pub fn refilter(&mut self) {
        let key = Filter {
            query: self.query.clone(),
            tag: self.tag.clone(),
            color: self.color,
            by: self.by.clone(),
        };
        if self.filtered_for.as_ref() != Some(&key) {
            self.shown = filter(&self.rows, &key);
            self.filtered_for = Some(key);
        }
    }
}

impl OpenDossier {
    /// The dossier's highlights, read again when the dossier changed.
    pub(crate) fn highlights_fresh(&mut self, saves_dir: &Path) -> &mut DossierHighlights {
        if self.highlights.loaded_for != Some(self.revision) {
            self.highlights
                .load(&self.path, &self.dossier, &self.missing, saves_dir);
            self.highlights.loaded_for = Some(self.revision);
        }
        self.highlights.refilter();
        &mut self.highlights
    }
}

/// The switch between this article's highlights and the dossier's.
pub(crate) fn scope_ui(ui: &mut Ui, open: &OpenDossier, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Show").weak());
        if ui
            .selectable_label(!open.all_highlights, "This article")
            .clicked()
        {
            commands.push(Command::Dossier(DossierAction::AllHighlights(false)));
        }
        if ui
            .selectable_label(open.all_highlights, "Whole dossier")
            .clicked()
        {
            commands.push(Command::Dossier(DossierAction::AllHighlights(true)));
        }
    });
}

/// Every article's highlights, filtered.
pub(crate) fn dossier_highlights_ui(ui: &mut Ui, app: &mut StorylineApp) {
    let dark = ui.visuals().dark_mode;
    let StorylineApp {
        dossier,
        commands,
        saves_dir,
        ..
    } = app;
    let Some(open) = dossier.as_mut() else {
        return;
    };
    let n_articles = open.dossier.articles.len();
    let h = open.highlights_fresh(saves_dir);
    ui.add(
        egui::TextEdit::singleline(&mut h.query)
            .hint_text("Filter all highlights")
            .desired_width(f32::INFINITY),
    );
    ui.horizontal_wrapped(|ui| {
        for c in HighlightColor::ALL {
            let on = h.color == Some(c);
            let fill = Palette::new(dark).mark(c);
            if crate::app::highlights::swatch(
                ui,
                fill,
                on.then(|| ui.visuals().strong_text_color()),
                c.name(),
            ) {
                h.color = if on { None } else { Some(c) };
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        for (tag, n) in h.tag_counts.iter().take(14) {
            let on = h.tag.as_deref() == Some(tag.as_str());
            if ui.selectable_label(on, format!("{tag} {n}")).clicked() {
                h.tag = if on { None } else { Some(tag.clone()) };
            }
        }
    });
    crate::app::highlights::author_filter_ui(ui, &mut h.by, &h.authors);
    h.refilter();
    ui.label(
        RichText::new(format!(
            "Showing {} of {} from {}",
            h.shown.len(),
            crate::wording::count(h.rows.len(), "highlight", "highlights"),
            crate::wording::count(n_articles, "article", "articles")
        ))
        .weak()
        .small(),
    );
    for e in &h.errors {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    ui.separator();
    let palette = Palette::new(dark);
    egui::ScrollArea::vertical()
        .id_salt("dossier-highlights")
        .auto_shrink(false)
        .show_rows(ui, ROW, h.shown.len(), |ui, range| {
            for &i in &h.shown[range] {
                let r = &h.rows[i];
                let (rect, resp) = ui.allocate_exact_size(
                    egui::vec2(ui.available_width(), ROW - 2.0),
                    egui::Sense::click(),
                );
                let painter = ui.painter_at(rect);
                if resp.hovered() {
                    painter.rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
                }
                painter.rect_filled(
                    egui::Rect::from_min_size(rect.min, egui::vec2(4.0, rect.height())),
                    1.0,
                    palette.mark_line(r.color),
                );
                let text = ui.visuals().text_color();
                let weak = ui.visuals().weak_text_color();
                let width = rect.width() - 12.0;
                let line = |s: &str, size: f32, color| {
                    let mut job = egui::text::LayoutJob::single_section(
                        s.to_owned(),
                        egui::TextFormat::simple(egui::FontId::proportional(size), color),
                    );
                    job.wrap = egui::text::TextWrapping::truncate_at_width(width);
                    ui.fonts_mut(|f| f.layout_job(job))
                };
                painter.galley(
                    rect.min + egui::vec2(10.0, 3.0),
                    line(&r.quote, 13.0, text),
                    text,
                );
                let mut meta = r.title.clone();
                if !r.credit.is_empty() {
                    meta = format!("{meta} · {}", r.credit.describe());
                }
                if !r.tags.is_empty() {
                    meta = format!("{meta} · {}", r.tags.join(", "));
                }
                painter.galley(
                    rect.min + egui::vec2(10.0, 22.0),
                    line(&meta, 11.0, weak),
                    weak,
                );
                let resp = resp.on_hover_text(if r.note.is_empty() {
                    r.quote.clone()
                } else {
                    format!("{}\n\nNote: {}", r.quote, r.note)
                });
                resp.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        format!("Highlight {}", r.quote),
                    )
                });
                if resp.clicked() {
                    commands.push(Command::Dossier(DossierAction::OpenArticle(
                        r.article.clone(),
                        Some(r.offset),
                    )));
                }
            }
        });
}
