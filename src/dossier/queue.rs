//! Suggested events from every article of a dossier, reviewed in one
//! queue: each dated sentence no event of the dossier rests on yet, with
//! a title from the clause that governs its date and the lane its words
//! suggest. Accepting makes a dossier event (the sentence is its quote);
//! dismissing is remembered in the dossier.

use jiff::civil::Date;

use super::history::DossierCommand;
use super::key_dates::KdArticle;
use super::model::{Dossier, DossierEvent, Mention};
use crate::timeline::{EventId, EventKind, LaneId, When, suggest_lane, title_for};

/// One suggested event of the queue.
///
/// Invariant: `offset` is the char offset of `when.phrase` in `article`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggested {
    /// The article (its stored path).
    pub article: String,
    /// Its publication day.
    pub published: Date,
    /// A title from the clause that governs the date.
    pub title: String,
    /// The date, with its phrase.
    pub when: When,
    /// Expected or reported.
    pub kind: EventKind,
    /// The sentence.
    pub sentence: String,
    /// Char offset of the phrase in the article.
    pub offset: usize,
    /// The dossier lane its words suggest.
    pub lane: Option<LaneId>,
}

impl Suggested {
    /// The id its event gets: the article's file stem and the offset
    /// ("s-2020-01-28-uk-limits-huawei-412").
    #[must_use]
    pub fn event_id(&self) -> EventId {
        let stem = self
            .article
            .rsplit('/')
            .next()
            .unwrap_or(&self.article)
            .split('.')
            .next()
            .unwrap_or("article");
        let stem: String = stem
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        EventId(format!("s-{stem}-{}", self.offset))
    }

    /// As a dossier event in `lane` (else its suggested lane).
    #[must_use]
    pub fn event(&self, lane: Option<&LaneId>) -> DossierEvent {
        DossierEvent {
            credit: crate::credit::Credit::default(),
            when: None,
            id: self.event_id(),
            title: self.title.clone(),
            lanes: lane.or(self.lane.as_ref()).cloned().into_iter().collect(),
            mentions: vec![Mention {
                article: self.article.clone(),
                published: Some(self.published),
                when: self.when.clone(),
                kind: self.kind,
                evidence: Vec::new(),
                quote: self.sentence.clone(),
                offset: self.offset,
                source_event: None,
            }],
            note: String::new(),
        }
    }
}

/// Every dated sentence of `corpus` (the dossier's articles, read) that
/// no mention of its article rests on and the reader has not dismissed,
/// article by article in library order, in text order.
#[must_use]
pub fn suggested(d: &Dossier, corpus: &[KdArticle]) -> Vec<Suggested> {
    let mut out = Vec::new();
    for a in corpus {
        let mentions: Vec<&Mention> = d
            .events
            .iter()
            .flat_map(|e| &e.mentions)
            .filter(|m| m.article == a.path)
            .collect();
        for s in &a.sentences {
            let end = s.offset + s.text.chars().count();
            // One event per sentence: its first date the reader has not
            // dismissed.
            if mentions.iter().any(|m| (s.offset..end).contains(&m.offset)) {
                continue;
            }
            let Some(date) = s.dates.iter().find(|k| {
                !d.dismissed_suggestions
                    .iter()
                    .any(|(p, o)| p == &a.path && *o == k.offset)
            }) else {
                continue;
            };
            let mut when = When::span(date.start, date.end, date.precision);
            when.phrase.clone_from(&date.phrase);
            when.approximate = date.approximate;
            when.resolved_against = Some(a.published);
            out.push(Suggested {
                article: a.path.clone(),
                published: a.published,
                title: title_for(&s.text, &date.phrase),
                when,
                kind: if date.expected {
                    EventKind::Expected
                } else {
                    EventKind::Reported
                },
                sentence: s.text.clone(),
                offset: date.offset,
                lane: suggest_lane(&d.lanes, &s.text).map(|l| l.id.clone()),
            });
        }
    }
    out
}

/// The command that accepts `items` (each in `lane`, else its own).
#[must_use]
pub fn accept(items: &[&Suggested], lane: Option<&LaneId>) -> DossierCommand {
    DossierCommand::AddEvents(items.iter().map(|s| s.event(lane)).collect(), Vec::new())
}

/// The command that dismisses `items`.
#[must_use]
pub fn dismiss(items: &[&Suggested]) -> DossierCommand {
    DossierCommand::DismissSuggestions(
        items
            .iter()
            .map(|s| (s.article.clone(), s.offset))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::DossierCommand::AddEvents;
    use crate::dossier::History;
    use crate::dossier::key_dates::{KdDate, KdSentence};
    use crate::timeline::Precision;

    fn corpus() -> Vec<KdArticle> {
        let day = jiff::civil::date(2021, 3, 2);
        let s = |text: &str, offset: usize, phrase: &str| KdSentence {
            text: text.into(),
            offset,
            dates: vec![KdDate {
                phrase: phrase.into(),
                offset: offset + text.find(phrase).expect("phrase"),
                start: day,
                end: day,
                precision: Precision::Day,
                expected: false,
                approximate: false,
            }],
        };
        vec![KdArticle {
            path: "docks/strike.md".into(),
            outlet: "Gazette".into(),
            published: jiff::civil::date(2021, 3, 3),
            title: "Strike".into(),
            sentences: vec![
                s(
                    "Dockers walked out on Tuesday, the union said.",
                    0,
                    "on Tuesday",
                ),
                s(
                    "The minister called talks on Tuesday in Brussels.",
                    50,
                    "on Tuesday",
                ),
            ],
        }]
    }

    #[test]
    fn sentences_become_events_once_and_dismissed_ones_stay_away() {
        let mut d = Dossier::new("Docks");
        d.articles.push(crate::dossier::DossierArticle {
            path: "docks/strike.md".into(),
            fingerprint: String::new(),
            title: "Strike".into(),
            source: Some("Gazette".into()),
            published: Some(jiff::civil::date(2021, 3, 3)),
            highlights: 0,
            orphans: 0,
        });
        let corpus = corpus();
        let list = suggested(&d, &corpus);
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].title, "Dockers walked out");
        assert_eq!(list[0].event_id().0, "s-strike-19");
        // Into a lane of the reader's choosing, else the one suggested.
        let chosen = LaneId("l-docks".into());
        let AddEvents(into, _) = accept(&[&list[0]], Some(&chosen)) else {
            panic!("adds events")
        };
        assert_eq!(into[0].lanes, vec![chosen]);
        let mut h = History::default();
        h.apply(
            &mut d,
            &accept(&[&list[0]], None),
            &crate::credit::Stamp::default(),
        )
        .expect("accept");
        h.apply(
            &mut d,
            &dismiss(&[&list[1]]),
            &crate::credit::Stamp::default(),
        )
        .expect("dismiss");
        assert!(suggested(&d, &corpus).is_empty());
        assert_eq!(d.events[0].mentions[0].quote, list[0].sentence);
        // Undone: both are suggested again; deleted: not again.
        assert!(h.undo(&mut d) && h.undo(&mut d));
        assert_eq!(suggested(&d, &corpus).len(), 2);
        h.apply(
            &mut d,
            &accept(&[&list[0]], None),
            &crate::credit::Stamp::default(),
        )
        .expect("accept");
        let id = d.events[0].id.clone();
        h.apply(
            &mut d,
            &DossierCommand::DeleteEvent(id),
            &crate::credit::Stamp::default(),
        )
        .expect("delete");
        assert_eq!(suggested(&d, &corpus).len(), 1);
    }
}
