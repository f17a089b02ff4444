//! The Highlights pane's commands: highlighting, editing and deleting
//! annotations, the list's selection, importing annotations and the
//! publication date, handled by one exhaustive `match`.

use crate::annotate::{self, Highlight, HighlightColor, HighlightId, Selector};
use crate::app::{Command, HighlightsCommand, Message, Show, StorylineApp, Unmatched};
use crate::document::TextIndex;
use crate::store::article::{new_highlight_id, now};

/// How the Highlights list's selection moves.
#[derive(Clone, Copy)]
enum FocusMove {
    /// By this many rows (negative: up).
    Rows(i32),
    /// Not at all: the selected highlight is shown in the article.
    Reveal,
    /// To the next row, once the selected highlight is deleted.
    Delete,
}

impl StorylineApp {
    /// Highlights the reader's selection in `color`, focuses the new highlight
    /// in the Highlights pane and clears the selection.
    pub(crate) fn highlight_selection(&mut self, color: HighlightColor, time: f64) {
        let Some(article) = &mut self.article else {
            return;
        };
        let range = article.view.selection.range();
        if range.is_empty() {
            self.notice_once("Select some text first, then press H (or 1–5 for a colour).");
            return;
        }
        let index = TextIndex::new(&article.doc.text);
        let highlight = Highlight::new(
            new_highlight_id(),
            Selector::from_range(&index, range),
            color,
            now(),
        );
        let id = highlight.id.clone();
        match article.save.apply(annotate::Command::Add(highlight), time) {
            Ok(_) => {
                article.view.selection = crate::app::reader::selection::Selection::default();
                self.panel.focus(Some(id));
                // Its editor in front when the Highlights tab is behind
                // another (the Library); left closed if the reader closed it.
                if self
                    .workspace
                    .as_ref()
                    .is_some_and(|ws| ws.is_open(crate::store::layout::Pane::Highlights))
                {
                    self.show_pane(crate::store::layout::Pane::Highlights);
                }
            }
            Err(e) => self.error(format!("Could not highlight: {e}")),
        }
    }

    /// Attaches highlight `id` to the current selection.
    pub(crate) fn reattach(&mut self, id: HighlightId, time: f64) {
        let Some(article) = &mut self.article else {
            return;
        };
        let range = article.view.selection.range();
        if range.is_empty() {
            self.notice_once("Select the passage to attach it to first.");
            return;
        }
        let selector = Selector::from_range(&TextIndex::new(&article.doc.text), range);
        if let Err(e) = article
            .save
            .apply(annotate::Command::Reattach(id.clone(), selector), time)
        {
            self.error(format!("Could not re-attach: {e}"));
        } else {
            article.view.selection = crate::app::reader::selection::Selection::default();
            self.panel.focus(Some(id));
        }
    }

    /// Applies a highlights command.
    pub(crate) fn apply_highlights_command(&mut self, command: HighlightsCommand, time: f64) {
        match command {
            HighlightsCommand::Highlight(color) => self.highlight_selection(color, time),
            HighlightsCommand::Reattach(id) => self.reattach(id, time),
            HighlightsCommand::Annotate(cmd) => {
                self.panel.commit_editor_into(self.article.as_mut());
                let Some(article) = &mut self.article else {
                    return;
                };
                let deleted = if let annotate::Command::Delete(id) = &cmd {
                    Some(id.clone())
                } else {
                    None
                };
                match article.save.apply(cmd, time) {
                    Ok(_) => {
                        if deleted.is_some() && deleted == self.panel.focused {
                            self.panel.focus(None);
                        }
                        self.panel.reload_editor(article);
                    }
                    Err(e) => self.error(format!("Could not change the highlights: {e}")),
                }
            }
            HighlightsCommand::FocusHighlight(id, show) => {
                self.panel.commit_editor_into(self.article.as_mut());
                self.panel.focus(id.clone());
                if let Some(article) = &mut self.article {
                    self.panel.reload_editor(article);
                    if show == Show::InArticle
                        && let Some(range) = id
                            .and_then(|id| article.save.annotations.get(&id))
                            .and_then(annotate::Entry::range)
                    {
                        crate::app::reveal(article, range);
                        article.view.flash(range, time);
                    }
                }
            }
            HighlightsCommand::MoveFocus(rows) => self.move_focus(FocusMove::Rows(rows)),
            HighlightsCommand::RevealFocused => self.move_focus(FocusMove::Reveal),
            HighlightsCommand::DeleteFocused => self.move_focus(FocusMove::Delete),
            HighlightsCommand::AskDeleteHighlight(id) => {
                let Some(article) = &self.article else { return };
                if article.save.annotations.events_citing(&id).next().is_some() {
                    self.timeline.confirm_delete = Some(id);
                } else {
                    self.send(Command::Highlights(HighlightsCommand::Annotate(
                        annotate::Command::Delete(id),
                    )));
                }
            }
            HighlightsCommand::ShowImportDialog => self.show_import_dialog(),
            HighlightsCommand::ImportAnnotations(file, unmatched) => {
                self.start_import(file, unmatched == Unmatched::KeepAsOrphans);
            }
            HighlightsCommand::AskPublished => {
                let current = self.published().map(|(d, _)| d.to_string());
                self.date_prompt = Some(current.unwrap_or_default());
            }
            HighlightsCommand::SetPublished(date) => {
                if let Some(article) = &self.article {
                    let entry = self.state.articles.entry(article.path.clone()).or_default();
                    entry.published = date;
                    self.mark_state_dirty(time);
                }
            }
            HighlightsCommand::RestoreBackup => {
                let Some(article) = &mut self.article else {
                    return;
                };
                match article.save.restore_backup(&article.doc) {
                    Ok(n) => {
                        self.messages.retain(|m| m.action.is_none());
                        self.notice(format!("Restored {n} highlight(s) from the backup; the damaged file was kept beside it."));
                    }
                    Err(e) => self.error(format!("Could not restore the backup: {e}")),
                }
            }
        }
    }

    /// Moves the Highlights list's selection, shows the selected highlight
    /// in the article, or deletes it and selects the next row.
    fn move_focus(&mut self, step: FocusMove) {
        let Some(article) = &self.article else { return };
        let ids = self.panel.visible_ids(&article.save.annotations);
        let Some(current) = self.panel.focused.clone() else {
            return;
        };
        let pos = ids.iter().position(|i| *i == current);
        match step {
            FocusMove::Reveal => {
                self.send(Command::Highlights(HighlightsCommand::FocusHighlight(
                    Some(current),
                    Show::InArticle,
                )));
            }
            FocusMove::Delete => {
                // Delete, then focus the next row (or the previous at the end).
                let next =
                    pos.and_then(|p| ids.get(p + 1).or(p.checked_sub(1).and_then(|q| ids.get(q))));
                self.send(Command::Highlights(HighlightsCommand::AskDeleteHighlight(
                    current,
                )));
                self.send(Command::Highlights(HighlightsCommand::FocusHighlight(
                    next.cloned(),
                    Show::InList,
                )));
            }
            FocusMove::Rows(rows) => {
                if let Some(p) = pos {
                    let target = p.saturating_add_signed(rows as isize).min(ids.len() - 1);
                    self.panel.scroll_to_row = Some(target);
                    self.send(Command::Highlights(HighlightsCommand::FocusHighlight(
                        Some(ids[target].clone()),
                        Show::InArticle,
                    )));
                }
            }
        }
        self.panel.list_focus = true;
    }

    fn notice_once(&mut self, text: &str) {
        if !self.messages.iter().any(|m| m.text == text) {
            self.messages.push(Message::notice(text.to_owned()));
        }
    }
}
