//! Suggested events: each dated phrase of the article, with a title, the
//! lane it most likely belongs to, and a key that survives reloads.

use jiff::civil::Date;

use super::extract::{DatedPhrase, extract_from_document};
use super::lanes::{Event, Lane, LaneId, suggest_lane};
use crate::document::{Document, TextIndex, text_fingerprint};

/// A suggested event, not yet on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// Stable key: the sentence's fingerprint and the phrase.
    pub key: String,
    /// The dated phrase (with its sentence's range).
    pub found: DatedPhrase,
    /// A short title for the event.
    pub title: String,
    /// The lane that fits best, if any.
    pub lane: Option<LaneId>,
}

/// Every dated phrase of `doc` as a suggestion, in text order.
#[must_use]
pub fn all_suggestions(doc: &Document, anchor: Date, lanes: &[Lane]) -> Vec<Suggestion> {
    let index = TextIndex::new(&doc.text);
    extract_from_document(doc, anchor)
        .into_iter()
        .map(|found| {
            let sentence = index.slice(found.sentence).replace('\n', " ");
            let key = format!(
                "{}:{}",
                &text_fingerprint(&sentence)[..8],
                found.phrase.to_lowercase()
            );
            Suggestion {
                key,
                title: title_for(&sentence, &found.phrase),
                lane: suggest_lane(lanes, &sentence).map(|l| l.id.clone()),
                found,
            }
        })
        .collect()
}

/// The suggestions not yet accepted (no event came from them) or dismissed.
#[must_use]
pub fn open_suggestions(
    doc: &Document,
    anchor: Date,
    lanes: &[Lane],
    events: &[Event],
    dismissed: impl Fn(&str) -> bool,
) -> Vec<Suggestion> {
    all_suggestions(doc, anchor, lanes)
        .into_iter()
        .filter(|s| !dismissed(&s.key))
        .filter(|s| {
            !events
                .iter()
                .any(|e| e.source.as_deref() == Some(s.key.as_str()))
        })
        .collect()
}

/// A short title: the clause holding the phrase, without the phrase,
/// trimmed to about 70 chars at a word boundary.
#[must_use]
pub fn title_for(sentence: &str, phrase: &str) -> String {
    let clauses: Vec<&str> = sentence
        .split([',', ';', '“', '”', '"', '(', ')', '—'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let holder = clauses.iter().position(|c| c.contains(phrase)).unwrap_or(0);
    let mut text = clauses.get(holder).copied().unwrap_or(sentence).to_owned();
    // A very short clause reads better with the one before it.
    if text.chars().count() < 30 && holder > 0 {
        text = format!("{}, {}", clauses[holder - 1], text);
    }
    // "…the UK government, which is expected…": put the noun phrase back.
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    if ["which", "who", "that"].contains(&first.as_str()) && holder > 0 {
        let prev: Vec<&str> = clauses[holder - 1].split_whitespace().collect();
        let cut = prev
            .iter()
            .rposition(|w| {
                ["said", "says", "for", "of", "to", "by", "from", "with"]
                    .contains(&w.to_lowercase().as_str())
            })
            .map_or(0, |p| p + 1);
        let subject = prev[cut..].join(" ");
        let rest: Vec<&str> = text.split_whitespace().skip(1).collect();
        text = format!("{subject} {}", rest.join(" "));
    }
    let text = text.replacen(phrase, "", 1);
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.first().is_some_and(|w| {
        ["and", "but", "which", "that", "while", "as", "who"].contains(&w.to_lowercase().as_str())
    }) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| {
        ["on", "in", "by", "at", "since", "until", "the"].contains(&w.to_lowercase().as_str())
    }) {
        words.pop();
    }
    let mut out = String::new();
    for w in words {
        if out.chars().count() + w.chars().count() > 70 {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    let out = out.trim_end_matches(['.', ',', ';', ':', ' ']).to_owned();
    let mut chars = out.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => phrase.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_the_clause() {
        assert_eq!(
            title_for(
                "“We had already anticipated it,” said a spokesman for the UK government, which is expected to make a decision next week.",
                "next week"
            ),
            "The UK government is expected to make a decision"
        );
        assert_eq!(
            title_for(
                "Separately, a German decision on Huawei will come later this year.",
                "later this year"
            ),
            "A German decision on Huawei will come"
        );
    }
}
