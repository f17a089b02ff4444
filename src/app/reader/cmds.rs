//! The reading pane's commands: zoom, find, scrolling, the selection and
//! links, handled by one exhaustive `match`.

use crate::app::find::reveal;
use crate::app::{Direction, ReaderCommand, StorylineApp, ZOOM_RANGE};
use crate::document::CharRange;

impl StorylineApp {
    /// Applies a reader command.
    pub(crate) fn apply_reader_command(
        &mut self,
        ctx: &egui::Context,
        command: ReaderCommand,
        now: f64,
    ) {
        match command {
            ReaderCommand::Zoom(factor) => {
                self.state.zoom = (self.state.zoom * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
                self.mark_state_dirty(now);
            }
            ReaderCommand::ZoomReset => {
                self.state.zoom = 1.0;
                self.mark_state_dirty(now);
            }
            ReaderCommand::OpenFind => {
                self.find.open = true;
                self.find.focus = true;
            }
            ReaderCommand::CloseFind => {
                self.find.open = false;
                self.find.matches.clear();
                self.find.current = None;
            }
            ReaderCommand::RefreshFind => self.refresh_find(),
            ReaderCommand::FindStep(direction) => {
                self.find_step(direction == Direction::Forward, now);
            }
            ReaderCommand::OpenLink(url) => {
                let lower = url.to_ascii_lowercase();
                if ["http://", "https://", "mailto:"]
                    .iter()
                    .any(|p| lower.starts_with(p))
                {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                } else {
                    self.notice(format!(
                        "Storyline only opens web and mail links, not: {url}"
                    ));
                }
            }
            ReaderCommand::Page(pages) => {
                // A long PDF's first pages, shown while the rest is read,
                // are what the reader sees: they scroll.
                if let Some(p) = self.opening_preview() {
                    p.view.page(pages);
                } else if let Some(a) = &mut self.article {
                    a.view.page(pages);
                    if crate::trace::enabled() {
                        self.trace.1 = Some(self.frame_started);
                    }
                }
            }
            ReaderCommand::JumpTo(idx) => {
                if let Some(p) = self.opening_preview() {
                    p.view.scroll_to(idx);
                } else if let Some(a) = &mut self.article {
                    a.view.scroll_to(idx);
                }
            }
            ReaderCommand::Reveal(range) => {
                if let Some(article) = &mut self.article {
                    reveal(article, range);
                    article.view.flash(range, now);
                }
            }
            ReaderCommand::CopySelection => {
                if let Some(article) = &self.article
                    && let Some(text) = article.doc.slice(article.view.selection.range())
                {
                    ctx.copy_text(text.to_owned());
                }
            }
            ReaderCommand::ClearSelection => {
                if let Some(article) = &mut self.article {
                    article.view.selection = crate::app::reader::selection::Selection::default();
                }
            }
            ReaderCommand::ExtendSelection {
                forward,
                word,
                block,
            } => {
                let Some(article) = &mut self.article else {
                    return;
                };
                if article.view.selection.is_empty() {
                    // Start where the reader is looking.
                    let start = article.view.top_char();
                    article.view.selection.anchor = start;
                    article.view.selection.head = start;
                }
                let sel = article.view.selection;
                let head = crate::app::reader::selection::step(
                    &article.doc,
                    sel.head,
                    forward,
                    word,
                    block,
                );
                article.view.selection.head = head;
                let range = CharRange::new(head.0, head.0);
                if !article.view.is_visible(range.start) {
                    article.view.scroll_to(head);
                }
            }
        }
    }
}
