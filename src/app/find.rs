//! The find bar's searching: matches of the query, the current one
//! brought into view.

use super::{OpenArticle, StorylineApp};
use crate::document::CharRange;
use crate::document::find::find_all;

impl StorylineApp {
    pub(super) fn refresh_find(&mut self) {
        let Some(article) = &mut self.article else {
            return;
        };
        self.find.matches = find_all(&article.doc.text, &self.find.query);
        // Start at the first match at or after what the reader is looking at.
        let top = article.view.top_char();
        self.find.current = if self.find.matches.is_empty() {
            None
        } else {
            Some(self.find.matches.partition_point(|m| m.start < top) % self.find.matches.len())
        };
        if let Some(m) = self.find.current.map(|i| self.find.matches[i]) {
            reveal(article, m);
        }
    }

    pub(super) fn find_step(&mut self, forward: bool, now: f64) {
        let n = self.find.matches.len();
        if n == 0 {
            return;
        }
        let next = match self.find.current {
            None => 0,
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
        };
        self.find.current = Some(next);
        if let Some(article) = &mut self.article {
            let m = self.find.matches[next];
            reveal(article, m);
            article.view.flash(m, now);
        }
    }
}

/// Scrolls so that `range` is in view a quarter of the way down, with the
/// text before it above for context.
pub(crate) fn reveal(article: &mut OpenArticle, range: CharRange) {
    article.view.reveal(range.start);
}
