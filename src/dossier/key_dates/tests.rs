//! Key dates on small dossiers written for the tests.

use jiff::civil::{Date, date};

use super::*;
use crate::document::{SourceFormat, parse_source};

fn article(path: &str, outlet: &str, published: Date, text: &str) -> KdArticle {
    let doc = parse_source(text, SourceFormat::Markdown, path);
    KdArticle {
        path: path.to_owned(),
        outlet: outlet.to_owned(),
        published,
        title: path.to_owned(),
        sentences: sentences_of(&doc, published),
    }
}

/// A dam breaks on Monday 4 March 2024; an inquiry expected for 20 March
/// opens then. Page furniture names the day too.
fn flood() -> Vec<KdArticle> {
    vec![
        article(
            "courier-1.md",
            "Courier",
            date(2024, 3, 4),
            "# Dam breaks\n\nThe Kestrel dam broke on Monday morning, and water poured into the streets of Harlow, officials said.\n\nAn inquiry into the collapse is expected to open on March 20.\n",
        ),
        article(
            "wire-1.md",
            "Wire",
            date(2024, 3, 5),
            "# Harlow flooded\n\nThe Kestrel dam broke on Monday, flooding the town of Harlow and forcing 2,000 people from their homes.\n\nEngineers said the river had been rising for a week before the wall gave way.\n\nPage last updated at 11:24 GMT, Monday, 4 March 2024.\n",
        ),
        article(
            "herald-1.md",
            "Herald",
            date(2024, 3, 6),
            "# Search goes on\n\nTwo days after the Kestrel dam broke on March 4, rescuers in Harlow were still searching for 12 missing residents.\n\nThe regional governor, Anna Vale, toured the flooded streets of the town on Tuesday.\n",
        ),
        article(
            "wire-2.md",
            "Wire",
            date(2024, 3, 21),
            "# Inquiry opens\n\nThe inquiry into the collapse of the Kestrel dam opened on Wednesday in Harlow, with governor Anna Vale called as its first witness.\n\nHave you been affected by the flood in Harlow on March 4?\n",
        ),
    ]
}

fn opts(dates: Option<usize>) -> Options {
    Options {
        dates,
        sentences: 2,
        from: None,
        to: None,
    }
}

#[test]
fn the_day_most_articles_report_comes_first_and_says_why() {
    let kd = key_dates(&flood(), &[], &opts(None));
    let first = &kd.dates[0];
    assert_eq!(first.date, date(2024, 3, 4));
    assert!(
        first
            .why
            .starts_with("reported by 4 articles from 3 outlets"),
        "{}",
        first.why
    );
    assert!(
        first.sentences[0].contains("Kestrel dam broke"),
        "{:?}",
        first.sentences
    );
    assert!(first.title.contains("dam broke"), "{}", first.title);
    let opened = kd
        .dates
        .iter()
        .find(|k| k.date == date(2024, 3, 20))
        .expect("the inquiry, expected and then reported");
    assert!(
        opened.why.contains("expected by 1 earlier article"),
        "{}",
        opened.why
    );
    assert!(opened.sources.iter().any(|s| s.expected));
    assert!(opened.sources.iter().any(|s| !s.expected));
    assert!(kd.how.contains("named in the articles"), "{}", kd.how);
}

#[test]
fn page_furniture_and_questions_are_never_chosen() {
    let kd = key_dates(&flood(), &[], &opts(None));
    for k in &kd.dates {
        for s in &k.sentences {
            assert!(!is_furniture(s), "{s}");
            assert!(!s.contains("Page last updated") && !s.ends_with('?'), "{s}");
        }
    }
    // The furniture still counts as the article having named the day.
    assert!(kd.dates[0].sources.len() >= 3);
}

#[test]
fn the_same_articles_give_the_same_key_dates_in_any_order() {
    let a = key_dates(&flood(), &[], &opts(None));
    let b = key_dates(&flood(), &[], &opts(None));
    assert_eq!(a, b);
    let mut reversed = flood();
    reversed.reverse();
    let c = key_dates(&reversed, &[], &opts(None));
    let days = |k: &KeyDates| k.dates.iter().map(|d| d.date).collect::<Vec<_>>();
    assert_eq!(days(&a), days(&c));
    let sources = |k: &KeyDates| k.dates[0].sources.clone();
    assert_eq!(
        sources(&a),
        sources(&c),
        "sources are sorted, not in input order"
    );
}

#[test]
fn a_requested_count_and_span_are_kept() {
    let kd = key_dates(&flood(), &[], &opts(Some(1)));
    assert_eq!(kd.dates.len(), 1);
    assert!(kd.how.contains("as asked"));
    let later = key_dates(
        &flood(),
        &[],
        &Options {
            from: Some(date(2024, 3, 10)),
            ..opts(None)
        },
    );
    assert!(later.dates.iter().all(|k| k.date >= date(2024, 3, 10)));
    assert_eq!(later.dates[0].date, date(2024, 3, 20));
    assert!(key_dates(&[], &[], &opts(None)).dates.is_empty());
}

#[test]
fn the_dossiers_lanes_are_used_where_their_words_match() {
    let lanes = vec![
        crate::timeline::Lane {
            modified: None,
            id: crate::timeline::LaneId("l-inquiry".into()),
            name: "Inquiry".into(),
            color: crate::timeline::LaneColor::default(),
            order: 0,
            keywords: vec!["inquiry".into(), "witness".into()],
        },
        crate::timeline::Lane {
            modified: None,
            id: crate::timeline::LaneId("l-flood".into()),
            name: "Flood".into(),
            color: crate::timeline::LaneColor::default(),
            order: 1,
            keywords: vec!["flooding".into(), "rescuers".into(), "dam".into()],
        },
    ];
    let kd = key_dates(&flood(), &lanes, &opts(None));
    let lane_of = |d: Date| {
        kd.dates
            .iter()
            .find(|k| k.date == d)
            .and_then(|k| k.lane.clone())
    };
    assert_eq!(lane_of(date(2024, 3, 20)).as_deref(), Some("Inquiry"));
    assert!(kd.lanes.is_empty() || kd.dates.iter().all(|k| k.lane.is_some()));
}

fn key(day: u8, sentence: &str) -> KeyDate {
    KeyDate {
        date: date(2024, 1, i8::try_from(day).expect("day")),
        end: date(2024, 1, i8::try_from(day).expect("day")),
        precision: crate::timeline::Precision::Day,
        score: 1.0,
        why: String::new(),
        title: String::new(),
        lane: None,
        sentences: vec![sentence.to_owned()],
        sources: Vec::new(),
    }
}

#[test]
fn key_dates_sharing_names_are_suggested_one_lane() {
    let mut dates = vec![
        key(
            1,
            "On the coast, the Senate of Ostland voted to close the port.",
        ),
        key(
            2,
            "Later the Senate of Ostland reopened it for fishing boats.",
        ),
        key(
            3,
            "In the north, Governor Brandt ordered an evacuation of the valley.",
        ),
        key(
            4,
            "Then Governor Brandt lifted the order after the rain stopped.",
        ),
        key(5, "Nobody named here at all, a quiet day."),
    ];
    let lanes = lanes::assign(&mut dates, &[], &std::collections::BTreeSet::new());
    let names: Vec<&str> = lanes.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(lanes.len(), 2, "{names:?}");
    assert_eq!(dates[0].lane, dates[1].lane);
    assert_eq!(dates[2].lane, dates[3].lane);
    assert_ne!(dates[0].lane, dates[2].lane);
    assert_eq!(dates[4].lane, None);
    assert!(names.iter().any(|n| n.contains("Brandt")), "{names:?}");
    assert!(
        names
            .iter()
            .any(|n| n.contains("Ostland") || n.contains("Senate")),
        "{names:?}"
    );
}

#[test]
fn accepted_key_dates_are_events_with_every_source_and_undo_takes_them_back() {
    use crate::dossier::{Dossier, DossierCommand, History};
    let kd = key_dates(&flood(), &[], &opts(None));
    let mut d = Dossier::new("Flood");
    let keys: Vec<&KeyDate> = kd.dates.iter().collect();
    let suggested = vec![SuggestedLane {
        name: "Kestrel".into(),
        keywords: vec!["kestrel".into()],
    }];
    let mut first = kd.dates[0].clone();
    first.lane = Some("Kestrel".into());
    let (events, lanes) = accept(&[&first], &d.lanes, None, &suggested);
    assert_eq!(lanes.len(), 1, "the suggested lane is made");
    assert_eq!(events[0].lanes, vec![lanes[0].id.clone()]);
    assert_eq!(events[0].mentions.len(), first.sources.len());
    assert_eq!(events[0].id, event_id(&first));
    let mut h = History::default();
    h.apply(
        &mut d,
        &DossierCommand::AddEvents(events, lanes),
        &crate::credit::Stamp::default(),
    )
    .expect("added");
    assert_eq!((d.events.len(), d.lanes.len()), (1, 1));
    let r = crate::dossier::resolve(&d.events[0]);
    assert_eq!((r.start, r.end), (first.date, first.date));
    // All the others at once, each in its own (here: no) lane.
    let (more, lanes) = accept(&keys, &d.lanes, None, &[]);
    h.apply(
        &mut d,
        &DossierCommand::AddEvents(more, lanes),
        &crate::credit::Stamp::default(),
    )
    .expect("added");
    assert_eq!(
        d.events.len(),
        kd.dates.len(),
        "the first is not added twice"
    );
    h.apply(
        &mut d,
        &DossierCommand::DismissKeyDates(vec![date(2024, 3, 5)]),
        &crate::credit::Stamp::default(),
    )
    .expect("dismissed");
    assert_eq!(d.dismissed_key_dates, vec![date(2024, 3, 5)]);
    assert!(h.undo(&mut d));
    assert!(d.dismissed_key_dates.is_empty());
    assert!(h.undo(&mut d));
    assert!(h.undo(&mut d));
    assert!(d.events.is_empty() && d.lanes.is_empty(), "{d:?}");
}

/// Ten reports of one bombing (Tuesday 5 March 2024) from five outlets over
/// five days, in their own words; some name the day, some do not.
fn bombing() -> Vec<KdArticle> {
    let reports = [
        (
            "a1",
            "Wire",
            5,
            "A car bomb exploded in the central market of Dalmar on Tuesday, killing at least 12 people, police said.",
        ),
        (
            "b1",
            "Courier",
            5,
            "At least 12 people were killed when a car bomb went off in the crowded central market of Dalmar, officials said.",
        ),
        (
            "c1",
            "Herald",
            5,
            "A bomb hidden in a parked car killed 12 people at the central market in Dalmar, witnesses told reporters.",
        ),
        (
            "d1",
            "Post",
            5,
            "Twelve people were killed by a car bomb at the Dalmar central market, the interior ministry said.",
        ),
        (
            "e1",
            "Globe",
            6,
            "The death toll from Tuesday's car bombing at the Dalmar market rose to 15, hospital officials said.",
        ),
        (
            "a2",
            "Wire",
            6,
            "Funerals were held for the victims of the car bomb that struck the central market of Dalmar on Tuesday.",
        ),
        (
            "b2",
            "Courier",
            6,
            "A car bomb killed at least 14 people at the central market in Dalmar, the city's police chief said.",
        ),
        (
            "c2",
            "Herald",
            7,
            "Police arrested two men over Tuesday's car bombing at the central market in Dalmar.",
        ),
        (
            "d2",
            "Post",
            8,
            "Traders at the Dalmar market, where a car bomb killed 15 people on March 5, said they were afraid to return.",
        ),
        (
            "e2",
            "Globe",
            12,
            "A week after the car bomb at the Dalmar market on March 5, the stalls opened again under guard.",
        ),
    ];
    reports
        .iter()
        .map(|(id, outlet, day, text)| {
            article(
                &format!("{id}.md"),
                outlet,
                date(2024, 3, *day),
                &format!("# Report {id}\n\n{text}\n\nThe city has seen several attacks in recent months.\n"),
            )
        })
        .collect()
}

#[test]
fn one_happening_gathers_nearly_every_report_of_it_across_wordings() {
    let kd = key_dates(&bombing(), &[], &opts(None));
    let first = &kd.dates[0];
    assert_eq!(first.date, date(2024, 3, 5), "{:#?}", kd.dates);
    let articles: std::collections::BTreeSet<&str> =
        first.sources.iter().map(|s| s.article.as_str()).collect();
    assert!(
        articles.len() >= 9,
        "{} of 10: {articles:?}",
        articles.len()
    );
    assert!(first.why.contains("from 5 outlets"), "{}", first.why);
}

#[test]
fn a_month_the_story_names_only_as_a_month_is_a_key_date() {
    let said = [
        (
            "m1",
            5,
            "The carmaker cut 500 jobs at its Harlow plant in March, union leaders said.",
        ),
        (
            "m2",
            9,
            "After the job cuts at the Harlow plant in March, workers staged a protest.",
        ),
        (
            "m3",
            14,
            "The Harlow plant, which cut 500 jobs in March, will close a second line.",
        ),
        (
            "m4",
            20,
            "Sales fell after the carmaker cut jobs at Harlow in March, analysts said.",
        ),
    ];
    let articles: Vec<KdArticle> = said
        .iter()
        .map(|(id, day, text)| {
            article(
                &format!("{id}.md"),
                "Wire",
                date(2023, 4, *day),
                &format!("# {id}\n\n{text}\n"),
            )
        })
        .collect();
    let kd = key_dates(&articles, &[], &opts(None));
    let march = kd
        .dates
        .iter()
        .find(|k| k.precision == crate::timeline::Precision::Month)
        .unwrap_or_else(|| panic!("{:#?} {}", kd.dates, kd.how));
    assert_eq!(
        (march.date, march.end),
        (date(2023, 3, 1), date(2023, 3, 31))
    );
    assert!(kd.how.contains("named as a month"), "{}", kd.how);
    assert_eq!(event_id(march).0, "k-2023-03");
    // Asked for a number of dates, only days are given.
    assert!(
        key_dates(&articles, &[], &opts(Some(5)))
            .dates
            .iter()
            .all(|k| k.precision == crate::timeline::Precision::Day)
    );
}

#[test]
fn titles_say_what_the_day_is_of_and_stay_whole() {
    let picked = |named: Option<(&str, &str)>, lines: &[&str], reports: bool| pick::Picked {
        sentences: lines.iter().map(|s| (*s).to_owned()).collect(),
        named: named.map(|(s, p)| (s.to_owned(), p.to_owned())),
        best_reports: reports,
        lede: None,
        sources: Vec::new(),
    };
    // Looking back: what the date governs.
    let t = lanes::title(&picked(
        Some((
            "VANCOUVER—Ms. Meng left Canada, ending an extradition fight that began with her arrest at Vancouver's airport on Dec. 1, 2018.",
            "on Dec. 1, 2018",
        )),
        &["Ms. Meng left Canada, ending an extradition fight."],
        false,
    ));
    assert_eq!(t, "Her arrest at Vancouver's airport");
    // A dateline with a dash of three bytes before the phrase.
    let t = lanes::title(&picked(
        Some((
            "LONDON—The British government decided on Tuesday to let the company supply parts of the networks.",
            "on Tuesday",
        )),
        &[],
        false,
    ));
    assert!(t.starts_with("The British government decided"), "{t}");
    // Reported that day: the line, whole when short, cut where a clause
    // ends when long, never in the middle of a word.
    let long = "A judge ruled that the extradition case against the finance chief of the company can proceed, rejecting her argument that the charges would not be a crime in Canada.";
    let t = lanes::title(&picked(None, &[long], true));
    assert_eq!(
        t,
        "A judge ruled that the extradition case against the finance chief of the company can proceed"
    );
}
