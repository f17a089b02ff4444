//! The suggested events of the open article, as the timeline's column
//! shows them: found once per publication date (on a background thread for
//! long articles, which wakes the window when done), filtered against what
//! was accepted or dismissed each time the annotations change.
//!
//! A book has tens of thousands of dated phrases, so they are kept without
//! their text ([`crate::timeline::found_phrases`]); titles, keys and lanes
//! are made for the few listed, and keys for all only when they are needed.

use std::collections::HashSet;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::app::OpenArticle;
use crate::document::Document;
use crate::timeline::{
    DatedPhrase, Lane, Suggestion, found_phrases, key_hash, suggestion_for, suggestion_key,
};

/// The dated phrases of `doc` and the hashes of their suggestions' keys.
fn find(doc: &Document, publication: jiff::civil::Date) -> (Vec<DatedPhrase>, Vec<u64>) {
    let found = found_phrases(doc, publication);
    let hashes = found
        .iter()
        .map(|f| key_hash(&suggestion_key(doc, f)))
        .collect();
    (found, hashes)
}

/// Articles up to this size get their suggestions on the UI thread; longer
/// ones on a background thread (the column says "Finding dated phrases…").
const SYNC_SUGGESTIONS_BYTES: usize = 200_000;
/// Most suggestions listed at once (accept or dismiss to see more).
pub const SHOWN_SUGGESTIONS: usize = 40;

/// The suggestions still open (not accepted, not dismissed).
#[derive(Clone, Debug, Default)]
pub struct OpenSuggestions {
    /// How many there are.
    pub count: usize,
    /// The first [`SHOWN_SUGGESTIONS`] of them, in full, in text order.
    pub shown: Vec<Suggestion>,
}

/// Every dated phrase of the article and which are still open.
///
/// Invariant: `open`, when set, was computed from `found` at annotation
/// revision `open.0`; `found` belongs to `key` (publication date and lanes).
#[derive(Default)]
pub struct SuggestionCache {
    key: Option<jiff::civil::Date>,
    found: Vec<DatedPhrase>,
    /// [`key_hash`] of each suggestion's key, in the order of `found`: the
    /// open ones are picked by these (a book's keys take 30 ms to make).
    key_hashes: Vec<u64>,
    pending: Option<Receiver<(Vec<DatedPhrase>, Vec<u64>)>>,
    /// Annotation revision and lanes it was computed for, indices into
    /// `found` of the open ones, and the first of them in full.
    open: Option<(u64, Vec<Lane>, Vec<usize>, OpenSuggestions)>,
}

impl SuggestionCache {
    /// Every dated phrase of the article (accepted and dismissed included),
    /// without text; `None` while they are being found.
    fn found(
        &mut self,
        ctx: &egui::Context,
        article: &OpenArticle,
        publication: jiff::civil::Date,
    ) -> Option<&[DatedPhrase]> {
        if self.key != Some(publication) {
            self.open = None;
            if article.doc.text.len() <= SYNC_SUGGESTIONS_BYTES {
                (self.found, self.key_hashes) = find(&article.doc, publication);
                self.pending = None;
            } else {
                let (tx, rx) = channel();
                let doc = article.doc.clone();
                let ctx = ctx.clone();
                std::thread::spawn(move || {
                    let _ = tx.send(find(&doc, publication));
                    // Wake the window to show them (it does not poll).
                    ctx.request_repaint();
                });
                self.found = Vec::new();
                self.key_hashes = Vec::new();
                self.pending = Some(rx);
            }
            self.key = Some(publication);
        }
        if let Some(rx) = &self.pending {
            match rx.try_recv() {
                Ok((found, hashes)) => {
                    self.found = found;
                    self.key_hashes = hashes;
                    self.pending = None;
                    self.open = None;
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => self.pending = None,
            }
        }
        Some(&self.found)
    }

    /// The suggestions still open; `None` while they are being found.
    /// Recomputed only when the annotations (or their lanes) change.
    pub fn open(
        &mut self,
        ctx: &egui::Context,
        article: &OpenArticle,
        publication: jiff::civil::Date,
    ) -> Option<OpenSuggestions> {
        let ann = &article.save.annotations;
        let revision = ann.revision();
        if let Some((rev, lanes, _, open)) = &self.open
            && *rev == revision
            && lanes == ann.lanes()
            && self.pending.is_none()
        {
            return Some(open.clone());
        }
        // What was accepted (an event came from it) or dismissed, by key hash.
        let dismissed = ann.dismissed();
        let closed: HashSet<u64> = ann
            .events()
            .iter()
            .filter_map(|e| e.source.as_deref())
            .chain(dismissed.iter().map(String::as_str))
            .map(key_hash)
            .collect();
        let doc = &article.doc;
        self.found(ctx, article, publication)?;
        let found = &self.found;
        let ids: Vec<usize> = self
            .key_hashes
            .iter()
            .enumerate()
            .filter(|(_, h)| !closed.contains(h))
            .map(|(i, _)| i)
            .collect();
        let open = OpenSuggestions {
            count: ids.len(),
            shown: ids
                .iter()
                .take(SHOWN_SUGGESTIONS)
                .map(|&i| suggestion_for(doc, &found[i], ann.lanes()))
                .collect(),
        };
        self.open = Some((revision, ann.lanes().to_vec(), ids, open.clone()));
        Some(open)
    }

    /// The keys of every open suggestion (for "Accept all", "Dismiss all").
    #[must_use]
    pub fn open_keys(&self, doc: &Document) -> Vec<String> {
        let Some((_, _, ids, _)) = &self.open else {
            return Vec::new();
        };
        ids.iter()
            .filter_map(|&i| self.found.get(i))
            .map(|f| suggestion_key(doc, f))
            .collect()
    }

    /// The suggestions with these keys, in full, in text order.
    pub fn with_keys(
        &mut self,
        ctx: &egui::Context,
        article: &OpenArticle,
        publication: jiff::civil::Date,
        keys: &[String],
    ) -> Vec<Suggestion> {
        let wanted: HashSet<&str> = keys.iter().map(String::as_str).collect();
        let doc = &article.doc;
        let lanes = article.save.annotations.lanes();
        self.found(ctx, article, publication)
            .unwrap_or_default()
            .iter()
            .filter(|f| wanted.contains(suggestion_key(doc, f).as_str()))
            .map(|f| suggestion_for(doc, f, lanes))
            .collect()
    }
}
