//! Lanes (storylines) and events, and which lane a sentence belongs to.

use serde::{Deserialize, Serialize};

use super::when::When;
use crate::ids::HighlightId;
pub use crate::ids::{EventId, LaneId};

/// The named lane colours; RGB values live in the UI theme.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum LaneColor {
    /// Blue.
    #[default]
    Blue,
    /// Orange.
    Orange,
    /// Green.
    Green,
    /// Red.
    Red,
    /// Purple.
    Purple,
    /// Teal.
    Teal,
    /// Brown.
    Brown,
    /// Gray.
    Gray,
}

impl LaneColor {
    /// Every colour, in the order new lanes take them.
    pub const ALL: [Self; 8] = [
        Self::Blue,
        Self::Orange,
        Self::Green,
        Self::Red,
        Self::Purple,
        Self::Teal,
        Self::Brown,
        Self::Gray,
    ];

    /// The colour's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Blue => "blue",
            Self::Orange => "orange",
            Self::Green => "green",
            Self::Red => "red",
            Self::Purple => "purple",
            Self::Teal => "teal",
            Self::Brown => "brown",
            Self::Gray => "gray",
        }
    }
}

/// One storyline of the article.
///
/// Invariant: `keywords` are lower-case, sorted and unique.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lane {
    /// Stable id.
    pub id: LaneId,
    /// Its name ("UK decision").
    pub name: String,
    /// Its colour.
    #[serde(default)]
    pub color: LaneColor,
    /// Position from the top (lanes are shown sorted by it, then id).
    #[serde(default)]
    pub order: u32,
    /// Words that suggest this lane for a sentence (besides its name).
    #[serde(default)]
    pub keywords: Vec<String>,
    /// When it was last renamed or changed (`None`: before Storyline
    /// recorded it); the later change wins when two writers changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<jiff::Timestamp>,
}

/// Told apart on the timeline: what happened, and what is expected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Reported as having happened.
    #[default]
    Reported,
    /// Expected, planned or scheduled.
    Expected,
}

/// One event on the timeline.
///
/// Invariants: `lanes` and `evidence` are sorted and unique.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id.
    pub id: EventId,
    /// A short title.
    pub title: String,
    /// When it happened or is expected.
    pub when: When,
    /// The lanes it belongs to (one or more; none while being edited).
    #[serde(default)]
    pub lanes: Vec<LaneId>,
    /// The highlights it rests on.
    #[serde(default)]
    pub evidence: Vec<HighlightId>,
    /// The user's note.
    #[serde(default)]
    pub note: String,
    /// Reported or expected.
    #[serde(default)]
    pub kind: EventKind,
    /// When it last changed.
    pub modified: jiff::Timestamp,
    /// The key of the suggestion it was accepted from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Who made it and when, who changed it last (the time of that is
    /// `modified`).
    #[serde(default, skip_serializing_if = "crate::credit::Credit::is_empty")]
    pub credit: crate::credit::Credit,
}

impl Event {
    /// Sorts and de-duplicates `lanes` and `evidence`.
    pub fn normalize(&mut self) {
        self.lanes.sort();
        self.lanes.dedup();
        self.evidence.sort();
        self.evidence.dedup();
    }
}

/// Words too common to tell lanes apart.
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "in", "on", "to", "for", "with", "by", "at", "from", "s",
];

/// The words of `text`, lower-case.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Keywords for a lane from its name (its words minus the common ones).
#[must_use]
pub fn keywords_from_name(name: &str) -> Vec<String> {
    let mut out: Vec<String> = words(name)
        .into_iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The lane whose keywords (weight 1) and name words (weight ½) best match
/// `sentence`; a term matches a word it begins ("german" matches "Germany's").
/// `None` when nothing matches or the best two tie.
#[must_use]
pub fn suggest_lane<'l>(lanes: &'l [Lane], sentence: &str) -> Option<&'l Lane> {
    let sentence_words = words(sentence);
    let hit = |term: &str| {
        let term = term.to_lowercase();
        sentence_words
            .iter()
            .any(|w| w == &term || (term.len() >= 4 && w.starts_with(&term)))
    };
    let mut scored: Vec<(f32, &Lane)> = lanes
        .iter()
        .map(|lane| {
            let mut score = 0.0;
            for k in &lane.keywords {
                if hit(k) {
                    score += 1.0;
                }
            }
            for w in keywords_from_name(&lane.name) {
                if !lane.keywords.contains(&w) && hit(&w) {
                    score += 0.5;
                }
            }
            (score, lane)
        })
        .filter(|(s, _)| *s > 0.0)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.order.cmp(&b.1.order)));
    match scored.as_slice() {
        [] => None,
        [(_, only)] => Some(only),
        [(a, best), (b, _), ..] => (a > b).then_some(*best),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lane(name: &str, keywords: &[&str], order: u32) -> Lane {
        Lane {
            modified: None,
            id: LaneId(name.to_lowercase().replace(' ', "-")),
            name: name.into(),
            color: LaneColor::Blue,
            order,
            keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
        }
    }

    #[test]
    fn lanes_are_suggested_by_keywords_and_names() {
        let lanes = [
            lane("UK decision", &["uk", "britain", "british", "johnson"], 0),
            lane(
                "Canadian extradition",
                &["canada", "canadian", "extradition", "meng"],
                1,
            ),
            lane(
                "German vote",
                &["germany", "german", "merkel", "bundestag"],
                2,
            ),
        ];
        let name = |s: &str| suggest_lane(&lanes, s).map(|l| l.name.clone());
        assert_eq!(
            name("Separately, a German decision on Huawei will come later this year.").as_deref(),
            Some("German vote")
        );
        assert_eq!(
            name("The extradition case for Meng Wanzhou began this week.").as_deref(),
            Some("Canadian extradition")
        );
        assert_eq!(
            name("Britain's government is expected to decide next week.").as_deref(),
            Some("UK decision")
        );
        assert_eq!(name("Telecom equipment prices rose last month."), None);
        // A tie is no suggestion.
        assert_eq!(name("Merkel and Johnson met."), None);
    }

    #[test]
    fn keywords_from_names_drop_common_words() {
        assert_eq!(
            keywords_from_name("The UK decision"),
            vec!["decision", "uk"]
        );
    }
}
