//! Small dossiers the dossier's tests and the dossier exports' tests
//! share: mentions, events and the UK decision told by two articles.

use jiff::civil::{Date, date};

use super::*;
use crate::timeline::{EventId, EventKind, LaneId, When};

pub(crate) fn mention(article: &str, published: Date, when: When, kind: EventKind) -> Mention {
    Mention {
        article: article.to_owned(),
        published: Some(published),
        when,
        kind,
        evidence: Vec::new(),
        quote: String::new(),
        offset: 0,
        source_event: None,
    }
}

pub(crate) fn event(id: &str, title: &str, lane: &str, mentions: Vec<Mention>) -> DossierEvent {
    DossierEvent {
        credit: crate::credit::Credit::default(),
        when: None,
        id: EventId(id.to_owned()),
        title: title.to_owned(),
        lanes: vec![LaneId(lane.to_owned())],
        mentions,
        note: String::new(),
    }
}

pub(crate) fn week(d: Date) -> When {
    When::week_of(d)
}

pub(crate) fn dossier(events: Vec<DossierEvent>) -> Dossier {
    let mut d = Dossier::new("test");
    for (path, day) in [("a.md", 23), ("b.md", 28), ("c.md", 28)] {
        d.articles.push(DossierArticle {
            path: path.to_owned(),
            fingerprint: String::new(),
            title: path.to_owned(),
            source: None,
            published: Some(date(2020, 1, day)),
            highlights: 0,
            orphans: 0,
        });
    }
    d.events = events;
    d.normalize();
    d
}

/// The UK decision as the Jan 23 article expects it and the Jan 28 brief
/// reports it.
pub(crate) fn uk_pair() -> Vec<DossierEvent> {
    vec![
        event(
            "e-1",
            "UK government decides on Huawei",
            "l-uk",
            vec![mention(
                "a.md",
                date(2020, 1, 23),
                week(date(2020, 1, 27)),
                EventKind::Expected,
            )],
        ),
        event(
            "e-2",
            "British government decided to let Huawei supply parts of 5G networks",
            "l-uk",
            vec![mention(
                "b.md",
                date(2020, 1, 28),
                When::day(date(2020, 1, 28)),
                EventKind::Reported,
            )],
        ),
    ]
}
