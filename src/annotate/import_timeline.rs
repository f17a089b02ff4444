//! The timeline in Storyline's own JSON export (`storyline:timeline`: lanes
//! and events with their dates and evidence), read back and planned onto an
//! article next to its own lanes and events.
//!
//! Pure, like the rest of the import: JSON in, lanes, events and commands
//! out.

use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Annotations, Command, HighlightId};
use crate::timeline::{Event, EventId, Lane, LaneId, When};

/// Lanes and events as Storyline exported them.
///
/// Invariant: every event's lanes are ids of `lanes`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IncomingTimeline {
    /// The lanes, in their order.
    pub lanes: Vec<Lane>,
    /// The events, with their evidence's highlight ids.
    pub events: Vec<Event>,
}

/// What planning the timeline did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineCounts {
    /// Lanes added (a lane of the same name already there is used instead).
    pub lanes: usize,
    /// Events added.
    pub events: usize,
    /// Events skipped: one with the same id is already there.
    pub duplicates: usize,
}

fn strip<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

fn named<T: DeserializeOwned>(v: Option<&Value>) -> Option<T> {
    serde_json::from_value(v?.clone()).ok()
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_owned()
}

fn strings(v: &Value, key: &str, prefix: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .filter_map(Value::as_str)
                .map(|s| strip(s, prefix).to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The timeline of a Storyline article's JSON export (its
/// `storyline:timeline`), if it is one; lanes or events it cannot read are
/// left out.
#[must_use]
pub fn read(root: &Value, now: jiff::Timestamp) -> Option<IncomingTimeline> {
    // An article's export (a dossier's has a timeline of another shape,
    // across its articles).
    root.get("storyline:article")?;
    let t = root.get("storyline:timeline")?;
    let list = |k: &str| {
        t.get(k)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let lanes: Vec<Lane> = list("lanes")
        .iter()
        .filter_map(|l| {
            let id = strip(l.get("id")?.as_str()?, "urn:storyline:lane:").to_owned();
            let mut keywords = strings(l, "keywords", "");
            keywords.sort();
            keywords.dedup();
            Some(Lane {
                modified: None,
                id: LaneId(id),
                name: text(l, "name"),
                color: named(l.get("color")).unwrap_or_default(),
                order: l
                    .get("order")
                    .and_then(Value::as_u64)
                    .and_then(|o| u32::try_from(o).ok())
                    .unwrap_or(0),
                keywords,
            })
        })
        .collect();
    let mut lanes = lanes;
    lanes.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    let lane_ids: BTreeSet<&LaneId> = lanes.iter().map(|l| &l.id).collect();
    let events: Vec<Event> = list("events")
        .iter()
        .filter_map(|e| {
            let id = strip(e.get("id")?.as_str()?, "urn:storyline:event:").to_owned();
            let date = |k: &str| e.get(k)?.as_str()?.parse::<jiff::civil::Date>().ok();
            let mut when = When::span(date("start")?, date("end")?, named(e.get("precision"))?);
            when.approximate = e
                .get("approximate")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            when.open = named(e.get("open"));
            when.phrase = text(e, "phrase");
            when.resolved_against = date("resolvedAgainst");
            let mut event = Event {
                credit: super::import::credit_of(e),
                id: EventId(id),
                title: text(e, "title"),
                when,
                lanes: strings(e, "lanes", "urn:storyline:lane:")
                    .into_iter()
                    .map(LaneId)
                    .filter(|l| lane_ids.contains(l))
                    .collect(),
                evidence: strings(e, "evidence", super::import::OUR_ID_PREFIX)
                    .into_iter()
                    .map(HighlightId)
                    .collect(),
                note: text(e, "note"),
                kind: named(e.get("kind")).unwrap_or_default(),
                modified: now,
                source: None,
            };
            event.normalize();
            Some(event)
        })
        .collect();
    (!lanes.is_empty() || !events.is_empty()).then_some(IncomingTimeline { lanes, events })
}

/// The commands adding `t` next to `existing`: a lane whose name is
/// already there is that lane (its events go into it), others are added
/// after the article's own lanes; events already there (by id) are
/// skipped; evidence is kept only where the highlight will be there
/// (`highlights`).
#[must_use]
pub fn plan(
    t: &IncomingTimeline,
    existing: &Annotations,
    highlights: &BTreeSet<HighlightId>,
) -> (Vec<Command>, TimelineCounts) {
    let mut commands = Vec::new();
    let mut counts = TimelineCounts::default();
    let mut lane_map: BTreeMap<&LaneId, LaneId> = BTreeMap::new();
    let base = existing
        .lanes()
        .iter()
        .map(|l| l.order.saturating_add(1))
        .max()
        .unwrap_or(0);
    let mut taken: BTreeSet<LaneId> = existing.lanes().iter().map(|l| l.id.clone()).collect();
    for lane in &t.lanes {
        let same_name = existing
            .lanes()
            .iter()
            .find(|l| l.name.trim().eq_ignore_ascii_case(lane.name.trim()));
        if let Some(same) = same_name {
            lane_map.insert(&lane.id, same.id.clone());
            continue;
        }
        let mut new = lane.clone();
        new.order = base.saturating_add(u32::try_from(counts.lanes).unwrap_or(u32::MAX));
        // Another lane of this id (by another name): the import's gets a new id.
        let mut n = 2;
        while taken.contains(&new.id) {
            new.id = LaneId(format!("{}-{n}", lane.id.0));
            n += 1;
        }
        taken.insert(new.id.clone());
        lane_map.insert(&lane.id, new.id.clone());
        commands.push(Command::AddLane(new));
        counts.lanes += 1;
    }
    for event in &t.events {
        if existing.event(&event.id).is_some() {
            counts.duplicates += 1;
            continue;
        }
        let mut new = event.clone();
        new.lanes = event
            .lanes
            .iter()
            .filter_map(|l| lane_map.get(l).cloned())
            .collect();
        new.evidence.retain(|h| highlights.contains(h));
        commands.push(Command::AddEvent(new));
        counts.events += 1;
    }
    (commands, counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::LaneColor;

    fn t() -> jiff::Timestamp {
        jiff::Timestamp::UNIX_EPOCH
    }

    const EXPORT: &str = r#"{"storyline:article": {}, "storyline:timeline": {
      "lanes": [
        {"id": "urn:storyline:lane:l-uk", "name": "UK decision", "color": "blue", "order": 0, "keywords": ["uk", "britain"]},
        {"id": "urn:storyline:lane:l-de", "name": "German vote", "color": "teal", "order": 1, "keywords": []}
      ],
      "events": [
        {"id": "urn:storyline:event:e-1", "title": "UK decides", "start": "2020-01-27", "end": "2020-02-02",
         "precision": "week", "approximate": false, "phrase": "next week", "kind": "expected",
         "lanes": ["urn:storyline:lane:l-uk"], "evidence": ["urn:storyline:annotation:h-1", "urn:storyline:annotation:h-gone"],
         "note": "key date", "resolvedAgainst": "2020-01-23"},
        {"id": "urn:storyline:event:e-2", "title": "Vote", "start": "2020-01-24", "end": "2020-12-31",
         "precision": "range", "approximate": true, "open": "before", "phrase": "by the end of the year",
         "kind": "expected", "lanes": ["urn:storyline:lane:l-de"], "evidence": [], "note": ""},
        {"id": "urn:storyline:event:e-bad", "title": "No dates", "precision": "day"}
      ]}}"#;

    #[test]
    fn lanes_and_events_read_back_and_land_beside_the_articles_own() {
        let root: Value = serde_json::from_str(EXPORT).expect("json");
        let timeline = read(&root, t()).expect("a timeline");
        assert_eq!(timeline.lanes.len(), 2);
        assert_eq!(timeline.lanes[0].keywords, ["britain", "uk"]);
        assert_eq!(timeline.lanes[1].color, LaneColor::Teal);
        assert_eq!(timeline.events.len(), 2, "the undated one is left out");
        let e2 = &timeline.events[1];
        assert_eq!(e2.when.open, Some(crate::timeline::OpenEnd::Before));
        assert!(e2.when.approximate);

        // The article already has a "uk decision" lane (by another id) and
        // a lane with the id l-de (by another name).
        let mut ann = Annotations::default();
        let own = |id: &str, name: &str| Lane {
            modified: None,
            id: LaneId(id.into()),
            name: name.into(),
            color: LaneColor::Red,
            order: 0,
            keywords: Vec::new(),
        };
        ann.apply(
            Command::Batch(vec![
                Command::AddLane(own("mine", "uk decision")),
                Command::AddLane(own("l-de", "Something else")),
            ]),
            t(),
        )
        .expect("lanes");
        let known: BTreeSet<HighlightId> = [HighlightId("h-1".into())].into();
        let (cmds, counts) = plan(&timeline, &ann, &known);
        assert_eq!(
            counts,
            TimelineCounts {
                lanes: 1,
                events: 2,
                duplicates: 0
            }
        );
        ann.apply(Command::Batch(cmds), t()).expect("applies");
        let e1 = ann.event(&EventId("e-1".into())).expect("e-1");
        assert_eq!(
            e1.lanes,
            [LaneId("mine".into())],
            "into the lane of that name"
        );
        assert_eq!(
            e1.evidence,
            [HighlightId("h-1".into())],
            "only evidence that is there"
        );
        let e2 = ann.event(&EventId("e-2".into())).expect("e-2");
        assert_eq!(e2.lanes, [LaneId("l-de-2".into())]);
        assert_eq!(ann.lane(&LaneId("l-de-2".into())).map(|l| l.order), Some(1));
        // Again: nothing new.
        let (cmds, counts) = plan(&timeline, &ann, &known);
        assert_eq!(counts.duplicates, 2);
        assert_eq!(counts.events, 0);
        assert!(cmds.is_empty());
    }
}
