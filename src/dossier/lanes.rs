//! The dossier's lanes made by the reader: a new lane with a free id and
//! colour, and the lanes suggested for events that have none — the
//! dossier's own lanes where an event's words match, else lanes named
//! after the names (people, places, bodies) that two or more events share,
//! as key dates name theirs.

use std::collections::{BTreeMap, BTreeSet};

use super::key_dates::{KeyDate, assign_except, names_in, tokens};
use super::model::Dossier;
use crate::timeline::{EventId, Lane, LaneColor, LaneId, Precision, suggest_lane};

/// A new lane named `name` for `d`: an id no lane has ("l-uk-decision"),
/// the first colour no lane uses, at the bottom.
#[must_use]
pub fn new_lane(d: &Dossier, name: &str) -> Lane {
    new_lane_among(&d.lanes, name)
}

fn new_lane_among(lanes: &[Lane], name: &str) -> Lane {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if slug.is_empty() {
        "l-lane".to_owned()
    } else {
        format!("l-{slug}")
    };
    let taken = |id: &str| lanes.iter().any(|l| l.id.0 == id);
    let id = (1..=lanes.len() + 1)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| !taken(id))
        .unwrap_or(base);
    let used: Vec<LaneColor> = lanes.iter().map(|l| l.color).collect();
    let color = LaneColor::ALL
        .into_iter()
        .find(|c| !used.contains(c))
        .unwrap_or(LaneColor::ALL[lanes.len() % LaneColor::ALL.len()]);
    Lane {
        modified: None,
        id: LaneId(id),
        name: name.trim().to_owned(),
        color,
        order: lanes.iter().map(|l| l.order + 1).max().unwrap_or(0),
        keywords: Vec::new(),
    }
}

/// Lanes suggested for the events that have none.
///
/// Invariant: every lane in `placed` is one of `d`'s or of `new`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LaneProposal {
    /// Lanes to make.
    pub new: Vec<Lane>,
    /// Events without a lane, each with the lane it goes in.
    pub placed: Vec<(EventId, LaneId)>,
}

impl LaneProposal {
    /// Nothing to propose.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.placed.is_empty()
    }
}

/// Lanes for `d`'s events that have none: an event goes in one of the
/// dossier's lanes when its words match that lane's, else in a lane named
/// after what its article is about — a name two or more articles share,
/// or the name its article writes most — never the story's subject (a
/// name most articles share), never an outlet. An event naming another
/// suggested lane's name goes there (an article telling two storylines).
#[must_use]
pub fn propose_lanes(d: &Dossier) -> LaneProposal {
    let open: Vec<&super::DossierEvent> = d.events.iter().filter(|e| e.lanes.is_empty()).collect();
    if open.is_empty() {
        return LaneProposal::default();
    }
    let mut placed: Vec<(EventId, LaneId)> = Vec::new();
    // Each article with laneless events: its title and their quotes.
    let mut articles: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut rest: Vec<(&super::DossierEvent, String)> = Vec::new();
    for e in &open {
        let quotes: Vec<String> = e
            .mentions
            .iter()
            .map(|m| m.quote.clone())
            .filter(|q| !q.is_empty())
            .collect();
        let text = format!("{} {}", e.title, quotes.join(" "));
        if let Some(l) = suggest_lane(&d.lanes, &text) {
            placed.push((e.id.clone(), l.id.clone()));
            continue;
        }
        let Some(article) = e.mentions.first().map(|m| m.article.clone()) else {
            continue;
        };
        let sentences = articles.entry(article.clone()).or_insert_with(|| {
            d.article(&article)
                .map(|a| vec![a.title.clone()])
                .unwrap_or_default()
        });
        sentences.extend(quotes);
        rest.push((e, article));
    }
    let item = |sentences: Vec<String>| KeyDate {
        date: jiff::civil::Date::MIN,
        end: jiff::civil::Date::MIN,
        precision: Precision::Day,
        score: 0.0,
        why: String::new(),
        title: String::new(),
        lane: None,
        sentences,
        sources: Vec::new(),
    };
    let outlets: BTreeSet<String> = d
        .articles
        .iter()
        .filter_map(|a| a.source.as_deref())
        .flat_map(|s| tokens(s).collect::<Vec<_>>())
        .collect();
    // The story's subject: names more than half the articles write.
    let names: BTreeMap<&str, BTreeMap<String, String>> = articles
        .iter()
        .map(|(a, s)| (a.as_str(), names_in(&item(s.clone()))))
        .collect();
    let mut spread: BTreeMap<&str, usize> = BTreeMap::new();
    for n in names.values().flat_map(BTreeMap::keys) {
        *spread.entry(n.as_str()).or_insert(0) += 1;
    }
    let n_articles = articles.len();
    let mut subject: BTreeSet<String> = spread
        .iter()
        .filter(|&(_, &c)| c >= 2 && c * 2 > n_articles)
        .map(|(n, _)| (*n).to_owned())
        .collect();
    // …and, however few the articles, names most of the events write.
    let mut in_events: BTreeMap<String, usize> = BTreeMap::new();
    for (e, _) in &rest {
        let quotes: Vec<String> = e.mentions.iter().map(|m| m.quote.clone()).collect();
        for n in names_in(&item(quotes)).into_keys() {
            *in_events.entry(n).or_insert(0) += 1;
        }
    }
    if rest.len() >= 3 {
        subject.extend(
            in_events
                .into_iter()
                .filter(|&(_, c)| c * 10 >= rest.len() * 7)
                .map(|(n, _)| n),
        );
    }
    // Lanes that two or more articles share…
    let mut items: Vec<KeyDate> = articles.values().map(|s| item(s.clone())).collect();
    let shared = assign_except(&mut items, &[], &outlets, &subject);
    let mut lanes: Vec<(String, Vec<String>)> =
        shared.into_iter().map(|s| (s.name, s.keywords)).collect();
    let mut lane_of: BTreeMap<&str, String> = articles
        .keys()
        .zip(&items)
        .filter_map(|(a, k)| Some((a.as_str(), k.lane.clone()?)))
        .collect();
    // …then each other article's own: the name it writes most.
    for (a, sentences) in &articles {
        if lane_of.contains_key(a.as_str()) || lanes.len() >= MOST_LANES {
            continue;
        }
        let mut counts: BTreeMap<String, (usize, String)> = BTreeMap::new();
        for s in sentences {
            for (key, written) in names_in(&item(vec![s.clone()])) {
                if subject.contains(&key) || outlets.contains(&key) {
                    continue;
                }
                counts.entry(key).or_insert((0, written)).0 += 1;
            }
        }
        let best = counts
            .into_iter()
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(&a.0)));
        if let Some((key, (_, written))) = best {
            if !lanes.iter().any(|(n, _)| *n == written) {
                lanes.push((written.clone(), vec![key]));
            }
            lane_of.insert(a.as_str(), written);
        }
    }
    let mut all = d.lanes.clone();
    let mut new = Vec::new();
    for (name, keywords) in &lanes {
        let mut lane = new_lane_among(&all, name);
        lane.keywords.clone_from(keywords);
        all.push(lane.clone());
        new.push(lane);
    }
    for (e, article) in rest {
        let own = lane_of.get(article.as_str());
        let text = format!(
            "{} {}",
            e.title,
            e.mentions
                .iter()
                .map(|m| m.quote.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        let said = names_in(&item(vec![text]));
        // Its own article's lane, unless it names only another lane's.
        let names_lane = |l: &Lane| l.keywords.iter().any(|k| said.contains_key(k));
        let other = new.iter().find(|l| Some(&l.name) != own && names_lane(l));
        let own_lane = own.and_then(|n| new.iter().find(|l| &l.name == n));
        let lane = match (own_lane, other) {
            (Some(o), Some(x)) if !names_lane(o) => Some(x),
            (Some(o), _) => Some(o),
            (None, x) => x,
        };
        if let Some(l) = lane {
            placed.push((e.id.clone(), l.id.clone()));
        }
    }
    new.retain(|l| placed.iter().any(|(_, id)| id == &l.id));
    LaneProposal { new, placed }
}

/// The most lanes suggested at once.
const MOST_LANES: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::{DossierEvent, Mention};
    use crate::timeline::{EventKind, When};

    fn event(id: &str, title: &str, quote: &str) -> DossierEvent {
        DossierEvent {
            credit: crate::credit::Credit::default(),
            when: None,
            id: EventId(id.into()),
            title: title.into(),
            lanes: Vec::new(),
            mentions: vec![Mention {
                article: format!("{id}.md"),
                published: Some(jiff::civil::date(2021, 3, 1)),
                when: When::day(jiff::civil::date(2021, 3, 1)),
                kind: EventKind::Reported,
                evidence: Vec::new(),
                quote: quote.into(),
                offset: 0,
                source_event: None,
            }],
            note: String::new(),
        }
    }

    #[test]
    fn a_new_lane_takes_a_free_id_and_colour() {
        let mut d = Dossier::new("t");
        let a = new_lane(&d, "Port strike");
        assert_eq!(a.id.0, "l-port-strike");
        d.lanes.push(a.clone());
        let b = new_lane(&d, "Port  strike!");
        assert_eq!(b.id.0, "l-port-strike-2");
        assert_ne!(a.color, b.color);
        assert!(b.order > a.order);
    }

    #[test]
    fn events_without_lanes_get_lanes_named_after_what_they_share() {
        let mut d = Dossier::new("Port dispute");
        for (i, (t, q)) in [
            (
                "Dockers walk out",
                "Dockers at the Port of Antwerp walked out on Monday, the union said.",
            ),
            (
                "Union rejects offer",
                "The union at the Port of Antwerp rejected the employers' offer.",
            ),
            (
                "Minister Vandermeer calls talks",
                "Labour minister Pieter Vandermeer called both sides to talks in Brussels.",
            ),
            (
                "Talks collapse",
                "Talks chaired by Pieter Vandermeer collapsed late on Thursday in Brussels.",
            ),
        ]
        .into_iter()
        .enumerate()
        {
            d.events.push(event(&format!("e{i}"), t, q));
        }
        let p = propose_lanes(&d);
        let names: Vec<&str> = p.new.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names.iter().any(|n| n.contains("Antwerp")), "{names:?}");
        assert!(names.iter().any(|n| n.contains("Vandermeer")), "{names:?}");
        assert_eq!(p.placed.len(), 4);
        // An event whose words match a lane the dossier has goes there.
        let mut with_lane = d.clone();
        let mut lane = new_lane(&with_lane, "Antwerp docks");
        lane.keywords = vec!["antwerp".into()];
        with_lane.lanes.push(lane.clone());
        let p = propose_lanes(&with_lane);
        assert!(
            p.placed.contains(&(EventId("e0".into()), lane.id.clone())),
            "{p:?}"
        );
        assert!(p.new.iter().all(|l| !l.name.contains("Antwerp")), "{p:?}");
    }
}
