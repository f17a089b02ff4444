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
        // Evidence, in its quiet style: not one of the reader's highlights.
        h.evidence = true;
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
        credit: crate::credit::Credit::default(),
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
            modified: None,
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

#[cfg(test)]
mod evidence_tests {
    use super::*;
    use crate::document::{SourceFormat, parse_source};
    use crate::timeline::all_suggestions;

    #[test]
    fn accepted_text_is_evidence_until_the_reader_gives_it_a_colour() {
        let doc = parse_source(
            "The port will reopen next week, officials said.",
            SourceFormat::Text,
            "t",
        );
        let mut ann = Annotations::default();
        let s = all_suggestions(&doc, jiff::civil::date(2021, 3, 3), &[])
            .into_iter()
            .next()
            .expect("a suggestion");
        let t = jiff::Timestamp::UNIX_EPOCH;
        let cmd = accept_suggestion(
            &ann,
            &doc,
            &s,
            HighlightId("h-1".into()),
            EventId("e-1".into()),
            t,
        );
        ann.apply(cmd, t).expect("accept");
        let h = &ann.entries()[0].highlight;
        assert!(h.evidence, "accepted text is evidence");
        // Saved as such, read back as such.
        let ron = ron::to_string(h).expect("ron");
        assert!(ron.contains("evidence:true"), "{ron}");
        let back: Highlight = ron::from_str(&ron).expect("back");
        assert!(back.evidence);
        // A colour chosen: the reader's own highlight.
        ann.apply(Command::SetColor(h.id.clone(), HighlightColor::Green), t)
            .expect("colour");
        assert!(!ann.entries()[0].highlight.evidence);
        // An ordinary highlight writes no flag (older files stay the same).
        let ron = ron::to_string(&ann.entries()[0].highlight).expect("ron");
        assert!(!ron.contains("evidence"), "{ron}");
    }
}
