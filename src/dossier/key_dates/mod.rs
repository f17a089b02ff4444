//! Key dates: the dates a dossier's coverage says matter, each with the
//! sentences that best say what happened then, a short title, a suggested
//! lane and every article that tells it.
//!
//! How (each step in its own file):
//! - **Evidence** ([`rank`]): every day-precise date found in the articles
//!   (as the rest of Storyline resolves them) gathers its mentions. A date
//!   counts the distinct articles that *report* it (published on or after
//!   it, not expecting it), plus a burst term for the articles published
//!   that day and the next; dates only expected weigh almost nothing until
//!   reported. Ties go to the earlier date. Without a requested count, the
//!   dates the evidence supports are kept (see [`rank::supported`]).
//! - **Sentences** ([`pick`]): a date's candidates are the sentences that
//!   name it and the opening sentences of the articles published that day;
//!   page furniture ([`furniture`]) is never a candidate. Candidates are
//!   ranked by TF-IDF cosine to their centroid (what most of them say),
//!   raised for articles published within a day of the date (they report
//!   it as news, not as background); near-duplicates across outlets are
//!   skipped.
//! - **Titles and lanes** ([`lanes`]): a headline-like clause of the best
//!   sentence; the dossier's own lanes when their words match, else lanes
//!   suggested from the names the key dates share.
//!
//! Pure: no file IO, no clock; the same articles give the same key dates.

mod accept;
mod furniture;
mod input;
mod lanes;
mod pick;
mod rank;
mod words;

use jiff::civil::Date;
use serde::Serialize;

pub use accept::{accept, event_id};
pub use furniture::is_furniture;
pub use input::{KdArticle, KdDate, KdSentence, sentences_of};
pub use lanes::{SuggestedLane, assign as assign_lanes, assign_except, names_in};
pub use words::tokens;

use crate::timeline::{Lane, Precision};

/// What to propose.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// How many dates; `None`: as many as the evidence supports.
    pub dates: Option<usize>,
    /// Sentences per date.
    pub sentences: usize,
    /// Only dates on or after this day.
    pub from: Option<Date>,
    /// Only dates on or before this day.
    pub to: Option<Date>,
}

/// One article's account of a key date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeySource {
    /// The article (its path as the dossier stores it).
    pub article: String,
    /// Its publication day.
    pub published: Date,
    /// The words that name the date ("on Tuesday"); empty when the article
    /// tells it on the day without naming the date.
    pub phrase: String,
    /// The sentence.
    pub quote: String,
    /// Char offset of the phrase (or the sentence) in the article's text.
    pub offset: usize,
    /// True when the article expects it rather than reports it.
    pub expected: bool,
}

/// A proposed key date.
///
/// Invariants: `sentences` are distinct and never page furniture; `sources`
/// are sorted by publication day, then article, then offset, one per
/// sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyDate {
    /// The day (a month's first day).
    pub date: Date,
    /// Its last day: `date` for a day, the month's last for a month.
    pub end: Date,
    /// Its precision: day, or month when the story names it only as a
    /// month.
    pub precision: Precision,
    /// The evidence score it was ranked by (higher is stronger).
    pub score: f64,
    /// Why it was chosen, in words.
    pub why: String,
    /// A short headline-like title.
    pub title: String,
    /// The lane it belongs in (a lane of the dossier, or one of
    /// [`KeyDates::lanes`]), if any.
    pub lane: Option<String>,
    /// The sentences that best say what happened, best first.
    pub sentences: Vec<String>,
    /// Every article that tells it.
    pub sources: Vec<KeySource>,
}

/// The key dates of a dossier, best first.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct KeyDates {
    /// Best first.
    pub dates: Vec<KeyDate>,
    /// How many were kept, and why that many.
    pub how: String,
    /// Lanes suggested for them that the dossier does not have yet.
    pub lanes: Vec<SuggestedLane>,
}

/// Proposes the key dates of `articles` (the dossier's `lanes` are used
/// where their words match).
#[must_use]
pub fn key_dates(articles: &[KdArticle], lanes: &[Lane], opts: &Options) -> KeyDates {
    let evidence = rank::Evidence::gather(articles, opts.from, opts.to);
    let (chosen, how) = evidence.choose(opts.dates);
    let picker = pick::Picker::new(articles);
    let mut dates: Vec<KeyDate> = chosen
        .iter()
        .map(|day| {
            let told = picker.pick(articles, day, opts.sentences);
            KeyDate {
                date: day.date,
                end: day.end,
                precision: day.precision,
                score: (day.score * 100.0).round() / 100.0,
                why: rank::why(articles, day, &told.sources),
                title: lanes::title(&told),
                lane: None,
                sentences: told.sentences,
                sources: told.sources,
            }
        })
        .collect();
    let outlets: std::collections::BTreeSet<String> = articles
        .iter()
        .flat_map(|a| words::tokens(&a.outlet).collect::<Vec<_>>())
        .collect();
    let suggested = lanes::assign(&mut dates, lanes, &outlets);
    KeyDates {
        dates,
        how,
        lanes: suggested,
    }
}

#[cfg(test)]
mod tests;
