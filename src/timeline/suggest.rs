//! Suggested events: each dated phrase of the article, with a title, the
//! lane it most likely belongs to, and a key that survives reloads.

use jiff::civil::Date;

use super::extract::{DatedPhrase, TimeKind, for_each_dated_phrase};
use super::lanes::{Event, Lane, LaneId, suggest_lane};
use crate::document::{Document, text_fingerprint};

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
    // Durations and recurrences too, typed (the CLI lists them; the window
    // offers only dates).
    let mut out = Vec::new();
    for_each_dated_phrase(doc, anchor, |found| {
        out.push(suggestion_for(doc, &found, lanes));
    });
    out
}

/// The dated phrases of `doc` that can be offered as events (dates, not
/// durations or recurrences), in text order,
/// without their text: `phrase` and `when.phrase` are left empty (the
/// ranges say where they are). A book has tens of thousands; keeping their
/// text, titles and keys cost 20 MB, so those are made only for the few
/// shown ([`suggestion_for`]) or when keys are compared ([`suggestion_key`]).
#[must_use]
pub fn found_phrases(doc: &Document, anchor: Date) -> Vec<DatedPhrase> {
    let mut out = Vec::new();
    for_each_dated_phrase(doc, anchor, |mut found| {
        if found.kind != TimeKind::Date {
            return;
        }
        found.phrase = String::new();
        found.when.phrase = String::new();
        out.push(found);
    });
    out.shrink_to_fit();
    out
}

/// The sentence of `found`, on one line.
fn sentence_of(doc: &Document, found: &DatedPhrase) -> String {
    doc.slice(found.sentence)
        .unwrap_or_default()
        .replace('\n', " ")
}

/// The stable key of the suggestion made from `found`: its sentence's
/// fingerprint and its phrase ([`Suggestion::key`]).
#[must_use]
pub fn suggestion_key(doc: &Document, found: &DatedPhrase) -> String {
    let phrase = doc.slice(found.range).unwrap_or_default();
    key_for(&sentence_of(doc, found), phrase)
}

/// A hash of a suggestion key, to tell many keys apart quickly (not
/// stored: stable within one run only).
#[must_use]
pub fn key_hash(key: &str) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::hash::DefaultHasher::new();
    key.hash(&mut hasher);
    hasher.finish()
}

fn key_for(sentence: &str, phrase: &str) -> String {
    format!(
        "{}:{}",
        &text_fingerprint(sentence)[..8],
        phrase.to_lowercase()
    )
}

/// The suggestion made from `found` (from [`found_phrases`] or
/// [`crate::timeline::extract_from_document`]), its text filled in.
#[must_use]
pub fn suggestion_for(doc: &Document, found: &DatedPhrase, lanes: &[Lane]) -> Suggestion {
    let sentence = sentence_of(doc, found);
    let phrase = doc.slice(found.range).unwrap_or_default().to_owned();
    let mut found = found.clone();
    found.when.phrase.clone_from(&phrase);
    found.phrase = phrase;
    Suggestion {
        key: key_for(&sentence, &found.phrase),
        title: title_for(&sentence, &found.phrase),
        lane: suggest_lane(lanes, &sentence).map(|l| l.id.clone()),
        found,
    }
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

/// The sentence without a leading news dateline ("VANCOUVER—",
/// "LONDON (Reuters) -").
#[must_use]
pub fn without_dateline(sentence: &str) -> &str {
    let Some((head, rest)) = sentence
        .split_once('—')
        .or_else(|| sentence.split_once(" - "))
        .or_else(|| sentence.split_once(" – "))
    else {
        return sentence;
    };
    let place: String = head.split('(').next().unwrap_or(head).trim().to_owned();
    let is_dateline = !place.is_empty()
        && place.chars().count() <= 40
        && place.chars().any(char::is_alphabetic)
        && place
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    if is_dateline {
        rest.trim_start()
    } else {
        sentence
    }
}

/// A short title: the clause holding the phrase, without the phrase,
/// trimmed to about 70 chars at a word boundary.
#[must_use]
pub fn title_for(sentence: &str, phrase: &str) -> String {
    let sentence = without_dateline(sentence);
    // Clauses with their byte offsets: the one holding the phrase's start
    // holds it, even when the phrase has a comma in it ("Dec. 1, 2018").
    let at = sentence.find(phrase);
    let mut clauses: Vec<&str> = Vec::new();
    let mut holder = None;
    let mut start = 0;
    for (i, c) in sentence
        .char_indices()
        .filter(|(_, c)| [',', ';', '“', '”', '"', '(', ')', '—'].contains(c))
        .map(|(i, c)| (i, c.len_utf8()))
        .chain(std::iter::once((sentence.len(), 0)))
    {
        let clause = sentence[start..i].trim();
        if at.is_some_and(|a| a < i.max(start + 1)) && holder.is_none() && !clause.is_empty() {
            holder = Some(clauses.len());
        }
        if !clause.is_empty() {
            clauses.push(clause);
        }
        start = i + c;
    }
    let holder = holder.unwrap_or(0).min(clauses.len().saturating_sub(1));
    let mut text = clauses.get(holder).copied().unwrap_or(sentence).to_owned();
    // A clause that is only the phrase ("on Monday,") introduces the next;
    // another very short one reads better with the one before it.
    let only_phrase = tidy(&text.replacen(phrase.trim(), "", 1))
        .split_whitespace()
        .count()
        <= 1;
    if only_phrase && holder + 1 < clauses.len() {
        clauses[holder + 1].clone_into(&mut text);
    } else if text.chars().count() < 30 && holder > 0 {
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
    // A phrase cut by the clause ("Dec. 1" of "Dec. 1, 2018") goes too.
    let cut = if text.contains(phrase) {
        phrase
    } else {
        phrase.split([',', ';']).next().unwrap_or(phrase).trim()
    };
    let text = match text.find(cut) {
        Some(at) if !cut.is_empty() => {
            let (left, right) = (tidy(&text[..at]), text[at + cut.len()..].trim());
            let next = right.split_whitespace().next().unwrap_or("").to_lowercase();
            // "…hearings set for the fall that Canadian and U.S. …": what
            // follows the date belongs to another clause; stop before it
            // when what came before stands alone ("A judge ruled" does not).
            if left.split_whitespace().count() >= 6 && SUBORDINATE.contains(&next.as_str()) {
                left
            } else {
                format!("{left} {right}")
            }
        }
        _ => text,
    };
    // "…, is expected to take up the law": the clause's subject is the
    // sentence's first clause ("The upper house").
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    let text = match clauses.first() {
        Some(subject)
            if holder > 0
                && AUXILIARY.contains(&first.as_str())
                && (1..=6).contains(&subject.split_whitespace().count()) =>
        {
            format!("{subject} {text}")
        }
        _ => text,
    };
    let out = tidy(&text);
    if !poor(&out) {
        return capitalised(&out).unwrap_or_else(|| phrase.to_owned());
    }
    // A fragment ("the same day", "Said spokesman Geng Shuang"): the clause
    // beside it says what happened — the quote a speech tag belongs to
    // (with its speaker), or the clause the phrase only introduces.
    let speech = SPEECH.contains(
        &out.split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase()
            .as_str(),
    );
    let speaker = if speech { speaker_of(&out) } else { None };
    let neighbours = [holder.checked_sub(1), Some(holder + 1)];
    let order = if speech {
        neighbours
    } else {
        [neighbours[1], neighbours[0]]
    };
    for i in order.into_iter().flatten() {
        let Some(clause) = clauses.get(i) else {
            continue;
        };
        let other = tidy(clause);
        if !poor(&other) {
            let other = match &speaker {
                Some(who) => format!("{who}: {other}"),
                None => other,
            };
            return capitalised(&tidy(&other)).unwrap_or_else(|| phrase.to_owned());
        }
    }
    capitalised(&out).unwrap_or_else(|| phrase.to_owned())
}

/// Words that open a clause of their own after a date ("that", "which").
const SUBORDINATE: &[&str] = &[
    "that", "which", "who", "when", "where", "because", "if", "while", "whether", "so",
];

/// Verbs that need a subject before them ("is expected to…").
const AUXILIARY: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "has", "have", "had", "could", "can", "may",
    "might", "should", "must",
];

/// Verbs of saying that start a speech tag ("said spokesman Geng Shuang").
const SPEECH: &[&str] = &["said", "says", "told", "according", "added", "adds"];

/// A clause's words without leading joiners and trailing prepositions, cut
/// to about 70 chars at a word — a title, so no "…": the words up to the
/// cut, without the function words it would leave dangling.
fn tidy(text: &str) -> String {
    let cut = tidy_words(text);
    match cut.strip_suffix('…') {
        Some(shorter) => tidy_words(shorter),
        None => cut,
    }
}

fn tidy_words(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.first().is_some_and(|w| {
        ["and", "but", "which", "that", "while", "as", "who"].contains(&w.to_lowercase().as_str())
    }) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| {
        [
            "on",
            "in",
            "by",
            "at",
            "since",
            "until",
            "till",
            "the",
            "for",
            "of",
            "to",
            "from",
            "during",
            "before",
            "after",
            "a",
            "an",
            "into",
            "through",
            "throughout",
            "within",
            "around",
            "over",
            "toward",
            "towards",
            "early",
            "late",
            "mid",
            "and",
            "or",
        ]
        .contains(&w.to_lowercase().as_str())
    }) {
        words.pop();
    }
    cut_at_word(words.into_iter(), 70)
}

/// A title that cannot stand alone: under three words, or a speech tag.
fn poor(title: &str) -> bool {
    let first = title.split_whitespace().next().unwrap_or("").to_lowercase();
    title.split_whitespace().count() < 3 || SPEECH.contains(&first.as_str())
}

/// The speaker of a speech tag: its last run of capitalised words ("said
/// spokesman Geng Shuang" → "Geng Shuang").
fn speaker_of(tag: &str) -> Option<String> {
    let words: Vec<&str> = tag.split_whitespace().skip(1).collect();
    let end = words
        .iter()
        .rposition(|w| w.chars().next().is_some_and(char::is_uppercase))?;
    let start = words[..=end]
        .iter()
        .rposition(|w| !w.chars().next().is_some_and(char::is_uppercase))
        .map_or(0, |p| p + 1);
    let who = words[start..=end].join(" ");
    (!who.is_empty()).then_some(who)
}

/// `text` with its first letter in capitals; `None` when empty.
fn capitalised(text: &str) -> Option<String> {
    let text = text.trim_matches(|c: char| c == '"' || c == '“' || c == '”' || c.is_whitespace());
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
}

/// `words` joined by spaces up to about `max` chars, cut at a word ("…"),
/// without trailing punctuation.
#[must_use]
pub fn cut_at_word<'w>(words: impl Iterator<Item = &'w str>, max: usize) -> String {
    let mut out = String::new();
    for w in words {
        if out.chars().count() + w.chars().count() > max {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.trim_end_matches(['.', ',', ';', ':', ' ']).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_never_fragments_speech_tags_or_datelines() {
        for (sentence, phrase, title) in [
            (
                "On the same day, China released two Canadians who had been detained since 2018.",
                "the same day",
                "China released two Canadians who had been detained since 2018",
            ),
            (
                "\"We will respond firmly to any ban,\" said spokesman Geng Shuang on Tuesday.",
                "on Tuesday",
                "Geng Shuang: We will respond firmly to any ban",
            ),
            (
                "Further hearings are set for the spring, when lawyers will argue that the arrest was unlawful.",
                "the spring",
                "Further hearings are set",
            ),
            (
                "BERLIN—Germany's Bundestag on Friday passed a new IT security law.",
                "on Friday",
                "Germany's Bundestag passed a new IT security law",
            ),
            (
                "In the end, on Monday, the ministry said it would review the rules.",
                "on Monday",
                "The ministry said it would review the rules",
            ),
            (
                "Her appeal will be heard in talks set for the autumn that the two capitals \
                 agreed last month.",
                "the autumn",
                "Her appeal will be heard in talks set",
            ),
            (
                "The port authority, the city's largest landlord, is expected to vote on the \
                 plan in March.",
                "in March",
                "The port authority is expected to vote on the plan",
            ),
            (
                "Those talks are expected to run into next year.",
                "next year",
                "Those talks are expected to run",
            ),
        ] {
            assert_eq!(title_for(sentence, phrase), title, "{sentence}");
        }
        // A long clause is cut at a word, not with "…", and no function
        // word is left dangling.
        let long = title_for(
            "The regional transport authority decided on Monday to extend the \
             overnight tram service on the northern line to the airport and the \
             new exhibition grounds for the whole of the summer season.",
            "on Monday",
        );
        assert!(!long.ends_with('…') && long.chars().count() <= 70, "{long}");
        assert!(!long.ends_with(" the") && !long.ends_with(" to"), "{long}");
    }

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

    #[test]
    fn datelines_are_not_titles_and_a_phrase_with_a_comma_finds_its_clause() {
        let sentence = "VANCOUVER—The hearing opened on Monday, more than a year after she was detained at the airport on Dec. 1, 2018, at the request of the U.S.";
        assert_eq!(
            title_for(sentence, "Dec. 1, 2018"),
            "More than a year after she was detained at the airport"
        );
        assert_eq!(title_for(sentence, "on Monday"), "The hearing opened");
        assert_eq!(
            title_for(
                "LONDON (Reuters) - Britain on Tuesday banned it.",
                "on Tuesday"
            ),
            "Britain banned it"
        );
    }
}
