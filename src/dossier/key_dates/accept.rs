//! Accepting key dates: each becomes a dossier event with every source as
//! a mention, in its suggested lane (made when the dossier lacks it) or
//! the lane the reader picked.

use super::{KeyDate, SuggestedLane};
use crate::dossier::{DossierEvent, Mention};
use crate::timeline::{EventId, EventKind, Lane, LaneColor, LaneId, Precision, When};

/// The id of the event a key date becomes (one per day or month, so a key
/// date is accepted once, and two writers accepting it make one event).
#[must_use]
pub fn event_id(k: &KeyDate) -> EventId {
    if k.precision == Precision::Month {
        EventId(format!("k-{}", k.date.strftime("%Y-%m")))
    } else {
        EventId(format!("k-{}", k.date))
    }
}

/// The events `keys` become in a dossier with `lanes`, and the lanes to
/// add for them. `lane`:
/// the lane the reader picked for all of them; `None`: each key date's
/// own (a lane of `d` by name, else one of `suggested`, made here).
#[must_use]
pub fn accept(
    keys: &[&KeyDate],
    lanes: &[Lane],
    lane: Option<&LaneId>,
    suggested: &[SuggestedLane],
) -> (Vec<DossierEvent>, Vec<Lane>) {
    let mut new_lanes: Vec<Lane> = Vec::new();
    let mut events = Vec::new();
    for k in keys {
        let lane_id = match lane {
            Some(l) => Some(l.clone()),
            None => k.lane.as_deref().and_then(|name| {
                lane_named(lanes, &mut new_lanes, name, suggested).map(|l| l.id.clone())
            }),
        };
        events.push(DossierEvent {
            credit: crate::credit::Credit::default(),
            when: None,
            id: event_id(k),
            title: k.title.clone(),
            lanes: lane_id.into_iter().collect(),
            mentions: k
                .sources
                .iter()
                .map(|s| Mention {
                    article: s.article.clone(),
                    published: Some(s.published),
                    when: When {
                        phrase: s.phrase.clone(),
                        resolved_against: Some(s.published),
                        ..When::span(k.date, k.end, k.precision)
                    },
                    kind: if s.expected {
                        EventKind::Expected
                    } else {
                        EventKind::Reported
                    },
                    evidence: Vec::new(),
                    quote: s.quote.clone(),
                    offset: s.offset,
                    source_event: None,
                })
                .collect(),
            note: String::new(),
        });
    }
    (events, new_lanes)
}

/// The lane of `lanes` named `name`, or the suggested one made (once).
fn lane_named<'a>(
    lanes: &'a [Lane],
    made: &'a mut Vec<Lane>,
    name: &str,
    suggested: &[SuggestedLane],
) -> Option<&'a Lane> {
    if let Some(i) = lanes.iter().position(|l| l.name.eq_ignore_ascii_case(name)) {
        return lanes.get(i);
    }
    if let Some(i) = made.iter().position(|l| l.name == name) {
        return made.get(i);
    }
    let s = suggested.iter().find(|s| s.name == name)?;
    let taken = lanes.len() + made.len();
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let mut id = LaneId(format!("l-{}", slug.trim_matches('-')));
    let mut n = 2;
    while lanes.iter().chain(made.iter()).any(|l| l.id == id) {
        id = LaneId(format!("l-{}-{n}", slug.trim_matches('-')));
        n += 1;
    }
    let order = lanes
        .iter()
        .chain(made.iter())
        .map(|l| l.order + 1)
        .max()
        .unwrap_or(0);
    made.push(Lane {
        modified: None,
        id,
        name: name.to_owned(),
        color: LaneColor::ALL[taken % LaneColor::ALL.len()],
        order,
        keywords: s.keywords.clone(),
    });
    made.last()
}
