//! Accepting a suggested event: the annotation commands that add its
//! evidence (an existing highlight, or a new one of its sentence) and the
//! event itself. Pure: ids and times are passed in.

use crate::annotate::{Annotations, Command, Highlight, HighlightColor, HighlightId, Selector};
use crate::document::{Document, TextIndex};
use crate::timeline::{Event, EventId, EventKind, Suggestion};

/// The commands that accept a suggestion: its evidence is the highlight
/// already covering the phrase (or lying in its sentence), else a new
/// highlight of the sentence; the event takes the suggested lane.
#[must_use]
pub fn accept_suggestion(
    annotations: &Annotations,
    doc: &Document,
    suggestion: &Suggestion,
    new_highlight: HighlightId,
    new_event: EventId,
    now: jiff::Timestamp,
) -> Command {
    let mut cmds = Vec::new();
    let phrase = suggestion.found.range;
    let sentence = suggestion.found.sentence;
    let existing = annotations
        .overlapping(phrase)
        .next()
        .or_else(|| {
            annotations.overlapping(sentence).find(|e| {
                e.range()
                    .is_some_and(|r| r.start >= sentence.start && r.end <= sentence.end)
            })
        })
        .map(|e| e.highlight.id.clone());
    let evidence = if let Some(id) = existing {
        id
    } else {
        let index = TextIndex::new(&doc.text);
        let mut h = Highlight::new(
            new_highlight.clone(),
            Selector::from_range(&index, sentence),
            HighlightColor::Yellow,
            now,
        );
        // Tagged with its lane (a word the reader chose), not a fixed tag.
        if let Some(lane) = suggestion.lane.as_ref().and_then(|id| annotations.lane(id)) {
            h.tags = crate::annotate::normalize_tag(&lane.name)
                .into_iter()
                .collect();
        }
        cmds.push(Command::Add(h));
        new_highlight
    };
    cmds.push(Command::AddEvent(Event {
        id: new_event,
        title: suggestion.title.clone(),
        when: suggestion.found.when.clone(),
        lanes: suggestion.lane.iter().cloned().collect(),
        evidence: vec![evidence],
        note: String::new(),
        kind: if suggestion.found.expected {
            EventKind::Expected
        } else {
            EventKind::Reported
        },
        modified: now,
        source: Some(suggestion.key.clone()),
    }));
    Command::Batch(cmds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{SourceFormat, parse_source};
    use crate::timeline::{Lane, LaneColor, LaneId, all_suggestions};

    #[test]
    fn accepted_evidence_is_tagged_with_its_lane_only() {
        let doc = parse_source(
            "The UK will decide next week on Huawei.\n\nTalks resume next month.",
            SourceFormat::Text,
            "t",
        );
        let lane = Lane {
            id: LaneId("l-uk".into()),
            name: "UK decision".into(),
            color: LaneColor::Blue,
            order: 0,
            keywords: vec!["uk".into()],
        };
        let mut ann = Annotations::default();
        ann.apply(Command::AddLane(lane.clone()), jiff::Timestamp::UNIX_EPOCH)
            .expect("lane");
        let found = all_suggestions(&doc, jiff::civil::date(2020, 1, 23), &[lane]);
        let tags: Vec<Vec<String>> = found
            .iter()
            .filter(|s| s.found.kind == crate::timeline::extract::TimeKind::Date)
            .map(|s| {
                let Command::Batch(cmds) = accept_suggestion(
                    &ann,
                    &doc,
                    s,
                    HighlightId("h-1".into()),
                    EventId("e-1".into()),
                    jiff::Timestamp::UNIX_EPOCH,
                ) else {
                    panic!("a batch");
                };
                match &cmds[0] {
                    Command::Add(h) => h.tags.clone(),
                    other => panic!("a new highlight first, got {other:?}"),
                }
            })
            .collect();
        assert_eq!(tags, vec![vec!["uk-decision".to_owned()], Vec::new()]);
    }
}
