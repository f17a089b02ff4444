//! Dossiers: one story across many articles, on one timeline.
//!
//! A dossier lists its articles (each keeps its highlights in its own save)
//! and holds the events of the story, each with its **mentions**: one per
//! article that reports or expects it, with that article's phrase, dates
//! and evidence. The event's dates are the most precise consistent with its
//! mentions; disjoint mentions are a conflict, shown and never silently
//! resolved; an event expected by an earlier article and reported by a
//! later one gets a verdict (as expected, early, late). Pure: no egui, no
//! file IO (the file is `store::dossier`).

mod group;
mod history;
mod import;
pub mod key_dates;
pub mod lanes;
mod merge;
mod model;
pub mod queue;
mod sync;
pub mod view;

pub use group::group_events;
pub use history::{DossierCommand, EventEdit, History, MergeError};
pub use import::{
    AddReport, ArticleImport, Forgotten, add_article, forget_events, recall, remove_article,
};
pub use merge::{MergeSuggestion, stems, suggest_merges};
pub use model::{
    DOSSIER_VERSION, Dossier, DossierArticle, DossierEvent, Forecast, Mention, Resolved, resolve,
};
pub use sync::{describe_change, merge3};

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod tests;
