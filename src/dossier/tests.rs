use jiff::civil::{Date, date};

use super::fixtures::*;
use super::*;
use crate::timeline::when::Precision;
use crate::timeline::{EventId, EventKind, LaneId, When};

#[test]
fn a_forecast_that_came_as_expected_and_one_that_came_late() {
    // Jan 23: "next week" (Jan 27 – Feb 2); Jan 28: decided that day.
    let uk = event(
        "e-uk",
        "UK government decides on Huawei",
        "l-uk",
        vec![
            mention(
                "a.md",
                date(2020, 1, 23),
                week(date(2020, 1, 27)),
                EventKind::Expected,
            ),
            mention(
                "b.md",
                date(2020, 1, 28),
                When::day(date(2020, 1, 28)),
                EventKind::Reported,
            ),
        ],
    );
    let r = resolve(&uk);
    assert_eq!((r.start, r.end), (date(2020, 1, 28), date(2020, 1, 28)));
    assert_eq!(r.expected, Some((date(2020, 1, 27), date(2020, 2, 2))));
    assert_eq!(r.forecast, Some(Forecast::AsExpected));
    assert!(!r.conflict);
    // "In the coming months" from Jan 23, 2020; the vote came in April 2021.
    let coming = When::span(date(2020, 2, 1), date(2020, 7, 31), Precision::Range).approx();
    let de = event(
        "e-de",
        "Bundestag vote on Huawei",
        "l-de",
        vec![
            mention("a.md", date(2020, 1, 23), coming, EventKind::Expected),
            mention(
                "f.md",
                date(2021, 4, 23),
                When::day(date(2021, 4, 23)),
                EventKind::Reported,
            ),
        ],
    );
    assert_eq!(resolve(&de).forecast, Some(Forecast::Late));
    // Reported before the window: early.
    let early = event(
        "e-x",
        "x",
        "l-uk",
        vec![
            mention(
                "a.md",
                date(2020, 1, 1),
                week(date(2020, 3, 2)),
                EventKind::Expected,
            ),
            mention(
                "b.md",
                date(2020, 2, 1),
                When::day(date(2020, 2, 1)),
                EventKind::Reported,
            ),
        ],
    );
    assert_eq!(resolve(&early).forecast, Some(Forecast::Early));
}

#[test]
fn mentions_narrow_the_date_and_disjoint_ones_are_a_conflict() {
    let narrowed = event(
        "e",
        "t",
        "l",
        vec![
            mention(
                "a.md",
                date(2020, 1, 23),
                When::month_of(date(2020, 1, 1)),
                EventKind::Reported,
            ),
            mention(
                "b.md",
                date(2020, 1, 30),
                week(date(2020, 1, 20)),
                EventKind::Reported,
            ),
        ],
    );
    let r = resolve(&narrowed);
    assert_eq!((r.start, r.end), (date(2020, 1, 20), date(2020, 1, 26)));
    assert!(!r.conflict);
    let disjoint = event(
        "e",
        "t",
        "l",
        vec![
            mention(
                "a.md",
                date(2020, 1, 23),
                When::day(date(2020, 1, 20)),
                EventKind::Reported,
            ),
            mention(
                "b.md",
                date(2020, 1, 30),
                When::day(date(2020, 1, 22)),
                EventKind::Reported,
            ),
        ],
    );
    let r = resolve(&disjoint);
    assert!(r.conflict);
    assert_eq!(r.start, r.end, "shown at the most precise mention's date");
}

#[test]
fn the_same_event_is_offered_as_one_and_same_day_different_events_are_not() {
    let mut events = uk_pair();
    events.extend([
        // Same day, same place, different things.
        event(
            "e-3",
            "Kabul bombing kills",
            "l-af",
            vec![mention(
                "b.md",
                date(2020, 1, 28),
                When::day(date(2020, 1, 28)),
                EventKind::Reported,
            )],
        ),
        event(
            "e-4",
            "Afghan government condemns the bombing in Kabul",
            "l-af",
            vec![mention(
                "c.md",
                date(2020, 1, 28),
                When::day(date(2020, 1, 28)),
                EventKind::Reported,
            )],
        ),
    ]);
    let d = dossier(events);
    let s = suggest_merges(&d);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!((s[0].a.0.as_str(), s[0].b.0.as_str()), ("e-1", "e-2"));
    assert!(
        s[0].shared.contains(&"decid".to_owned()),
        "{:?}",
        s[0].shared
    );
}

#[test]
fn merge_unmerge_keep_apart_and_undo() {
    let mut d = dossier(uk_pair());
    let original = d.clone();
    let mut h = History::default();
    let (one, two) = (EventId("e-1".into()), EventId("e-2".into()));
    h.apply(
        &mut d,
        &DossierCommand::Merge(one.clone(), two.clone()),
        &crate::credit::Stamp::default(),
    )
    .expect("merge");
    assert_eq!(d.events.len(), 1);
    assert_eq!(d.events[0].mentions.len(), 2);
    assert_eq!(resolve(&d.events[0]).forecast, Some(Forecast::AsExpected));
    assert!(suggest_merges(&d).is_empty());
    // Unmerge: the Jan 28 account splits out, and is not offered again.
    let split = EventId("e-5".into());
    h.apply(
        &mut d,
        &DossierCommand::Unmerge(one.clone(), "b.md".into(), split.clone()),
        &crate::credit::Stamp::default(),
    )
    .expect("unmerge");
    assert_eq!(d.events.len(), 2);
    assert!(d.kept_apart.contains(&(one.clone(), split)));
    assert!(suggest_merges(&d).is_empty(), "kept apart");
    assert!(h.undo(&mut d) && h.undo(&mut d));
    assert_eq!(d, original);
    assert!(h.redo(&mut d));
    assert_eq!(d.events.len(), 1);
    // Keep apart without merging.
    let mut d = original.clone();
    h.apply(
        &mut d,
        &DossierCommand::KeepApart(two, one),
        &crate::credit::Stamp::default(),
    )
    .expect("apart");
    assert!(suggest_merges(&d).is_empty());
    assert_eq!(
        h.apply(
            &mut d,
            &DossierCommand::Merge(EventId("e-9".into()), EventId("e-1".into())),
            &crate::credit::Stamp::default()
        ),
        Err(MergeError::NoEvent("e-9".into()))
    );
}

#[test]
fn undoing_a_merge_keeps_what_came_in_after_it() {
    let mut d = dossier(uk_pair());
    let mut h = History::default();
    let (one, two) = (EventId("e-1".into()), EventId("e-2".into()));
    h.apply(
        &mut d,
        &DossierCommand::Merge(one, two),
        &crate::credit::Stamp::default(),
    )
    .expect("merge");
    // An article's new event arrives after the merge.
    let mut late = mention(
        "b.md",
        date(2020, 1, 28),
        When::day(date(2020, 2, 3)),
        EventKind::Reported,
    );
    late.source_event = Some(EventId("b-9".into()));
    d.events
        .push(event("e-9", "Talks resume", "l-uk", vec![late]));
    d.normalize();
    assert!(h.undo(&mut d));
    assert_eq!(d.events.len(), 3, "the merge undone, the new event kept");
    assert!(d.events.iter().any(|e| e.id.0 == "e-9"));
    assert!(h.redo(&mut d));
    assert_eq!(d.events.len(), 2);
    assert!(d.events.iter().any(|e| e.id.0 == "e-9"));
}

#[test]
fn stems_join_a_verbs_forms() {
    let s = stems("decides decided decide Huawei's networks");
    assert!(s.contains("decid"), "{s:?}");
    assert_eq!(s.iter().filter(|w| w.starts_with("decid")).count(), 1);
    assert!(s.contains("huawei") && s.contains("network"), "{s:?}");
}

fn article(path: &str) -> DossierArticle {
    DossierArticle {
        path: path.to_owned(),
        fingerprint: format!("fp-{path}"),
        title: path.to_owned(),
        source: None,
        published: Some(date(2020, 1, 23)),
        highlights: 0,
        orphans: 0,
    }
}

fn sourced(article: &str, src: &str, day: Date) -> Mention {
    let mut m = mention(article, day, When::day(day), EventKind::Reported);
    m.source_event = Some(EventId(src.to_owned()));
    m
}

#[test]
fn two_writers_keep_both_changes_and_a_merge_is_not_undone_by_an_edit() {
    let mut base = Dossier::new("d");
    base.articles = vec![article("a.md"), article("b.md")];
    base.events = vec![
        event(
            "e1",
            "UK decides",
            "l",
            vec![sourced("a.md", "x1", date(2020, 1, 28))],
        ),
        event(
            "e2",
            "UK decides",
            "l",
            vec![sourced("b.md", "x2", date(2020, 1, 28))],
        ),
        event(
            "e3",
            "Vote",
            "l",
            vec![sourced("a.md", "x3", date(2021, 4, 23))],
        ),
    ];
    base.normalize();
    // Ours: merged e2 into e1. Theirs: added an article, noted on e2 and e3.
    let mut ours = base.clone();
    History::default()
        .apply(
            &mut ours,
            &DossierCommand::Merge(EventId("e1".into()), EventId("e2".into())),
            &crate::credit::Stamp::default(),
        )
        .expect("merge");
    let mut theirs = base.clone();
    theirs.articles.push(article("c.md"));
    for e in &mut theirs.events {
        if e.id.0 != "e1" {
            e.note = "checked".into();
        }
    }
    let merged = merge3(&base, &ours, &theirs);
    assert!(merged.article("c.md").is_some(), "their article kept");
    let e1 = merged.event(&EventId("e1".into())).expect("e1");
    assert_eq!(e1.mentions.len(), 2, "our merge kept");
    assert_eq!(
        merged.event(&EventId("e3".into())).map(|e| e.note.as_str()),
        Some("checked"),
        "their note kept"
    );
    // e2 was edited by them and removed by us: its one mention lives on in
    // e1, not twice.
    let count = merged
        .events
        .iter()
        .flat_map(|e| &e.mentions)
        .filter(|m| m.source_event.as_ref().is_some_and(|s| s.0 == "x2"))
        .count();
    assert_eq!(count, 1);
    assert!(merged.event(&EventId("e2".into())).is_none());
    // Symmetric: deterministic whichever writer merges.
    let other = merge3(&base, &theirs, &ours);
    assert_eq!(other.events.len(), merged.events.len());
}

#[test]
fn adding_an_article_again_follows_its_edits_and_keeps_what_its_save_lacks() {
    use crate::timeline::Event;
    let ev = |id: &str, day: Date| Event {
        credit: crate::credit::Credit::default(),
        id: EventId(id.to_owned()),
        title: id.to_owned(),
        when: When::day(day),
        lanes: Vec::new(),
        evidence: Vec::new(),
        note: String::new(),
        kind: EventKind::Reported,
        modified: jiff::Timestamp::UNIX_EPOCH,
        source: None,
    };
    let events = vec![ev("x1", date(2020, 1, 1)), ev("x2", date(2020, 2, 1))];
    let none = |_: &crate::annotate::HighlightId| None;
    let import = |d: &Dossier, events: &[crate::timeline::Event]| {
        let mut d2 = d.clone();
        let r = add_article(
            &mut d2,
            &ArticleImport {
                article: article("a.md"),
                lanes: &[],
                events,
                evidence: &none,
            },
        );
        (d2, r)
    };
    let (d1, r) = import(&Dossier::new("d"), &events);
    assert_eq!(r.events_added, 2);
    // x1 moved to March; x2 not in the save (missing here, another
    // machine's, not read yet): absence is not deletion, its mention stays.
    let (d2, r) = import(&d1, &[ev("x1", date(2020, 3, 1))]);
    assert_eq!(
        (r.events_added, r.events_kept, r.mentions_not_in_save),
        (0, 1, 1)
    );
    assert_eq!(d2.events.len(), 2);
    let x1 = d2.events.iter().find(|e| e.title == "x1").expect("x1");
    assert_eq!(resolve(x1).start, date(2020, 3, 1));
    // An empty save takes nothing out either.
    let (d3, _) = import(&d1, &[]);
    assert_eq!(d3.events, d1.events);
    // Only an explicit delete does, and recall puts it back as it was.
    let mut d4 = d2.clone();
    let mut gone = forget_events(&mut d4, "a.md", &[EventId("x2".into())]);
    assert_eq!((gone.len(), d4.events.len()), (1, 1));
    assert_eq!(
        recall(&mut d4, &mut gone, "a.md", &[EventId("x1".into())]),
        0
    );
    assert_eq!(gone.len(), 1);
    assert_eq!(
        recall(&mut d4, &mut gone, "a.md", &[EventId("x2".into())]),
        1
    );
    assert!(gone.is_empty());
    assert_eq!(d4, d2);
    // Edited in the dossier: the edit stays when the article comes in again.
    let mut h = crate::dossier::History::default();
    let mut d5 = d2.clone();
    let x1 = d5
        .events
        .iter()
        .find(|e| e.title == "x1")
        .map(|e| e.id.clone())
        .expect("x1");
    h.apply(
        &mut d5,
        &crate::dossier::DossierCommand::EditEvent(
            x1.clone(),
            crate::dossier::EventEdit {
                title: "The vote".into(),
                lanes: Vec::new(),
                note: "checked".into(),
                when: None,
            },
        ),
        &crate::credit::Stamp::default(),
    )
    .expect("edited");
    let (d6, _) = import(&d5, &[ev("x1", date(2020, 3, 1))]);
    let e = d6.event(&x1).expect("kept");
    assert_eq!((e.title.as_str(), e.note.as_str()), ("The vote", "checked"));
    // Deleted in the dossier: not brought in again; undo brings it back.
    h.apply(
        &mut d5,
        &crate::dossier::DossierCommand::DeleteEvent(x1.clone()),
        &crate::credit::Stamp::default(),
    )
    .expect("deleted");
    assert!(d5.event(&x1).is_none());
    let (d7, r) = import(&d5, &[ev("x1", date(2020, 3, 1))]);
    assert_eq!((r.events_added, d7.events.len()), (0, 1));
    assert!(h.undo(&mut d5));
    assert!(d5.deleted.is_empty());
    assert_eq!(d5.event(&x1).map(|e| e.title.as_str()), Some("The vote"));
}

#[test]
fn a_forgotten_mention_of_a_merged_event_comes_back_into_it() {
    let a = mention(
        "a.md",
        date(2020, 1, 23),
        When::day(date(2020, 1, 28)),
        EventKind::Reported,
    );
    let mut b = mention(
        "b.md",
        date(2020, 1, 28),
        When::day(date(2020, 1, 28)),
        EventKind::Reported,
    );
    b.source_event = Some(EventId("b1".into()));
    let mut d = Dossier::new("d");
    d.articles = vec![article("a.md"), article("b.md")];
    d.events = vec![event("e", "UK decides", "l-uk", vec![a, b])];
    d.normalize();
    let before = d.clone();
    let mut gone = forget_events(&mut d, "b.md", &[EventId("b1".into())]);
    assert_eq!(d.events[0].mentions.len(), 1);
    recall(&mut d, &mut gone, "b.md", &[EventId("b1".into())]);
    assert_eq!(d, before);
}

#[test]
fn the_timeline_filter_keeps_by_lane_article_tag_and_dates() {
    use crate::dossier::view::EventFilter;
    let mut m = mention(
        "a.md",
        date(2020, 1, 23),
        When::day(date(2020, 1, 28)),
        EventKind::Reported,
    );
    m.evidence = vec![crate::annotate::HighlightId("h-1".into())];
    let e = event("e", "UK decides", "l-uk", vec![m]);
    let r = resolve(&e);
    let tags = |m: &Mention| {
        if m.evidence.iter().any(|h| h.0 == "h-1") {
            vec!["decision".to_owned()]
        } else {
            Vec::new()
        }
    };
    let keeps = |f: EventFilter| f.keeps(&e, &r, &tags);
    assert!(keeps(EventFilter::default()));
    assert!(keeps(EventFilter {
        lane: Some(LaneId("l-uk".into())),
        ..EventFilter::default()
    }));
    assert!(!keeps(EventFilter {
        lane: Some(LaneId("l-de".into())),
        ..EventFilter::default()
    }));
    assert!(!keeps(EventFilter {
        article: Some("b.md".into()),
        ..EventFilter::default()
    }));
    assert!(keeps(EventFilter {
        tag: Some("decision".into()),
        ..EventFilter::default()
    }));
    assert!(!keeps(EventFilter {
        tag: Some("cost".into()),
        ..EventFilter::default()
    }));
    assert!(keeps(EventFilter {
        from: Some(date(2020, 1, 28)),
        to: Some(date(2020, 1, 28)),
        ..EventFilter::default()
    }));
    assert!(!keeps(EventFilter {
        from: Some(date(2020, 2, 1)),
        ..EventFilter::default()
    }));
    assert!(!keeps(EventFilter {
        to: Some(date(2020, 1, 27)),
        ..EventFilter::default()
    }));
}

#[test]
fn merges_and_new_events_are_credited() {
    use crate::credit::Stamp;
    let mut d = dossier(uk_pair());
    let mut h = History::default();
    let at = jiff::Timestamp::from_second(1_800_000_000).expect("time");
    let ben = Stamp::new(at, Some("Ben"));
    h.apply(
        &mut d,
        &DossierCommand::Merge(EventId("e-1".into()), EventId("e-2".into())),
        &ben,
    )
    .expect("merge");
    assert_eq!(d.events[0].credit.edited_by.as_deref(), Some("Ben"));
    assert_eq!(d.events[0].credit.edited, Some(at));
    let mut new = event("e-9", "New", "l-uk", d.events[0].mentions.clone());
    new.mentions.truncate(1);
    h.apply(
        &mut d,
        &DossierCommand::AddEvents(vec![new], Vec::new()),
        &Stamp::new(at, Some("Ana")),
    )
    .expect("add");
    let added = d.event(&EventId("e-9".into())).expect("added");
    assert_eq!(added.credit.author.as_deref(), Some("Ana"));
    assert_eq!(added.credit.created, Some(at));
}

#[test]
fn an_event_both_changed_keeps_both_changes() {
    let base = dossier(uk_pair());
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.events[0].title = "Renamed by us".into();
    ours.events[0].note = "our note".into();
    theirs.events[0].lanes.push(LaneId("l-de".into()));
    theirs.events[0].note = "their note".into();
    let mut extra = theirs.events[1].mentions[0].clone();
    extra.offset = 999;
    extra.article = theirs.events[0].mentions[0].article.clone();
    theirs.events[0].mentions.push(extra);
    let merged = merge3(&base, &ours, &theirs);
    let e = &merged.events[0];
    assert_eq!(e.title, "Renamed by us");
    assert!(e.lanes.contains(&LaneId("l-de".into())));
    assert!(e.note.contains("our note") && e.note.contains("their note"));
    assert!(e.mentions.iter().any(|m| m.offset == 999));
    let other_way = merge3(&base, &theirs, &ours);
    assert_eq!(other_way.events[0].note, e.note);
}
