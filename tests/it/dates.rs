//! Date phrases: found, resolved against the publication date, and false
//! friends skipped; on the sample and on other kinds of text.

use jiff::civil::{Date, date};
use storyline::timeline::{DatedPhrase, TimeKind, extract_dates};

const ANCHOR: Date = date(2020, 1, 23); // a Thursday

/// The dates found (durations and recurrences are typed apart).
fn found(text: &str) -> Vec<DatedPhrase> {
    extract_dates(text, ANCHOR)
        .into_iter()
        .filter(|p| p.kind == TimeKind::Date)
        .collect()
}

/// (phrase, EDTF) of every dated phrase.
fn pairs(text: &str) -> Vec<(String, String)> {
    found(text)
        .into_iter()
        .map(|p| (p.phrase, p.when.edtf()))
        .collect()
}

fn one(text: &str) -> (String, String) {
    let all = pairs(text);
    assert_eq!(all.len(), 1, "{text:?} → {all:?}");
    all.into_iter().next().expect("one")
}

#[test]
fn relative_phrases() {
    let cases = [
        (
            "The UK is expected to make a decision next week.",
            "next week",
            "2020-01-27/2020-02-02",
        ),
        (
            "The extradition case began this week.",
            "this week",
            "2020-01-20/2020-01-26",
        ),
        (
            "Telefonica said last month that it planned to buy.",
            "last month",
            "2019-12",
        ),
        (
            "A German decision will come later this year.",
            "later this year",
            "2020-01-23/2020-12-31",
        ),
        (
            "The setback came last week.",
            "last week",
            "2020-01-13/2020-01-19",
        ),
        ("The DFC last year was overhauled.", "last year", "2019"),
        ("He spoke yesterday.", "yesterday", "2020-01-22"),
        ("They meet tomorrow.", "tomorrow", "2020-01-24"),
        (
            "The talks ended two weeks ago.",
            "two weeks ago",
            "2020-01-06/2020-01-12",
        ),
        (
            "Prices fell three days ago.",
            "three days ago",
            "2020-01-20",
        ),
        ("Officials will meet next month.", "next month", "2020-02"),
        (
            "A bill was introduced earlier this month.",
            "earlier this month",
            "2020-01-01/2020-01-23",
        ),
        (
            "The vote will happen this weekend.",
            "this weekend",
            "2020-01-25/2020-01-26",
        ),
        (
            "Results come in two weeks.",
            "in two weeks",
            "2020-02-03/2020-02-09",
        ),
    ];
    for (text, phrase, edtf) in cases {
        assert_eq!(one(text), (phrase.to_owned(), edtf.to_owned()), "{text}");
    }
    let vague = found("A vote will take place in the coming months.");
    assert_eq!(vague.len(), 1);
    assert_eq!(vague[0].phrase, "in the coming months");
    assert!(vague[0].when.approximate && vague[0].expected);
    assert_eq!(vague[0].when.start, date(2020, 1, 24));
}

#[test]
fn weekdays_follow_the_tense() {
    // Published on a Thursday.
    assert_eq!(
        one("The minister said on Monday that talks stalled."),
        ("on Monday".into(), "2020-01-20".into())
    );
    assert_eq!(
        one("The minister will speak on Monday."),
        ("on Monday".into(), "2020-01-27".into())
    );
    assert_eq!(
        one("He resigned last Friday."),
        ("last Friday".into(), "2020-01-17".into())
    );
    assert_eq!(
        one("They meet next Tuesday."),
        ("next Tuesday".into(), "2020-01-28".into())
    );
}

#[test]
fn absolute_dates_and_bare_months() {
    assert_eq!(
        one("The UK leaves the EU on Jan. 31."),
        ("on Jan. 31".into(), "2020-01-31".into())
    );
    assert_eq!(
        one("It was signed January 31, 2019, in Paris."),
        ("January 31, 2019".into(), "2019-01-31".into())
    );
    assert_eq!(
        one("The court sits on 3 March 2020 again."),
        ("on 3 March 2020".into(), "2020-03-03".into())
    );
    assert_eq!(
        one("Elections are set for March 30."),
        ("March 30".into(), "2020-03-30".into())
    );
    assert_eq!(
        one("Sales slowed in December 2019."),
        ("in December 2019".into(), "2019-12".into())
    );
    assert_eq!(
        one("The report is due 2020-02-14."),
        ("2020-02-14".into(), "2020-02-14".into())
    );
    // A bare month takes the year the tense points to.
    assert_eq!(
        one("He was director until November."),
        ("until November".into(), "../2019-11-30".into())
    );
    assert_eq!(
        one("The plant will open in November."),
        ("in November".into(), "2020-11".into())
    );
    assert_eq!(
        one("Talks resumed in December."),
        ("in December".into(), "2019-12".into())
    );
    assert_eq!(one("It grew in 2019."), ("in 2019".into(), "2019".into()));
    assert_eq!(
        one("The law will pass by 2021."),
        ("by 2021".into(), "../2021-12-31".into())
    );
}

#[test]
fn seasons_quarters_parts_and_ranges() {
    assert_eq!(
        one("Trials begin in spring 2021."),
        ("in spring 2021".into(), "2021-21".into())
    );
    assert_eq!(
        one("Profits rose in the third quarter of 2019."),
        ("in the third quarter of 2019".into(), "2019-35".into())
    );
    assert_eq!(
        one("Sales doubled in Q4 2019."),
        ("in Q4 2019".into(), "2019-36".into())
    );
    let early = found("Work starts in early March.");
    assert_eq!(early.len(), 1);
    assert_eq!(early[0].phrase, "in early March");
    assert!(early[0].when.approximate);
    assert_eq!(early[0].when.start, date(2020, 3, 1));
    assert!(early[0].when.end < date(2020, 3, 15));
    assert_eq!(
        one("The review runs from March to May."),
        ("from March to May".into(), "2020-03-01/2020-05-31".into())
    );
    assert_eq!(
        one("Hearings are set for Jan. 27-31."),
        ("Jan. 27-31".into(), "2020-01-27/2020-01-31".into())
    );
    assert_eq!(
        one("Prices have risen since 2018."),
        ("since 2018".into(), "2018-01-01/2020-01-23".into())
    );
}

#[test]
fn false_friends_are_not_dates() {
    for text in [
        "Regulators may decide to act.",
        "The company may face a ban.",
        "Theresa May said the plan was sound.",
        "Protesters march on the capital.",
        "Next-generation networks need new towers.",
        "The last-minute deal collapsed.",
        "The Sunday Times reported the story.",
        "About 2000 people work there.",
        "He said it was a matter of weeks.",
        "It will take a year or more.",
        "The 5G rollout costs billions.",
        "August institutions took part.",
    ] {
        assert!(pairs(text).is_empty(), "{text:?} → {:?}", pairs(text));
    }
}

#[test]
fn expected_and_reported() {
    let p = found("The UK is expected to make a decision next week.");
    assert!(p[0].expected);
    let p = found("The setback came last week.");
    assert!(!p[0].expected);
    let p = found("Officials said on Jan. 31 they would act.");
    assert!(p[0].expected, "a date after publication is expected");
}

#[test]
fn the_sample_reads_as_the_issue_says() {
    let (_, loaded) = storyline::store::sample::load_sample();
    let found = storyline::timeline::extract_from_document(&loaded.document, ANCHOR);
    let get = |phrase: &str| {
        found
            .iter()
            .find(|p| p.phrase == phrase)
            .unwrap_or_else(|| panic!("{phrase} not found in {found:#?}"))
    };
    assert_eq!(get("next week").when.edtf(), "2020-01-27/2020-02-02");
    assert_eq!(get("on Jan. 31").when.edtf(), "2020-01-31");
    assert_eq!(get("this week").when.edtf(), "2020-01-20/2020-01-26");
    assert_eq!(get("last month").when.edtf(), "2019-12");
    assert_eq!(get("later this year").when.edtf(), "2020-01-23/2020-12-31");
    assert!(get("next week").expected && get("later this year").expected);
    // "next-generation" is not "next …"; the dateline is not an event.
    assert!(found.iter().all(|p| !p.phrase.contains("generation")));
    assert!(found.iter().all(|p| p.phrase != "Jan 23, 2020"));
    // Sentences are whole sentences of plain text.
    let s = &get("later this year").sentence;
    assert_eq!(
        loaded.document.slice(*s),
        Some("Separately, a German decision on Huawei will come later this year.")
    );
}

#[test]
fn durations_and_recurrences_are_typed_and_never_dates() {
    let cases = [
        (
            "He served as mayor for three years.",
            "for three years",
            TimeKind::Duration,
        ),
        ("The talks lasted two days.", "two days", TimeKind::Duration),
        (
            "The strike could last for weeks.",
            "for weeks",
            TimeKind::Duration,
        ),
        (
            "The index posted the smallest gain in a year.",
            "in a year",
            TimeKind::Duration,
        ),
        (
            "The committee meets each Thursday.",
            "each Thursday",
            TimeKind::Set,
        ),
        (
            "Prices are reviewed every month.",
            "every month",
            TimeKind::Set,
        ),
        (
            "The newsletter is published weekly.",
            "weekly",
            TimeKind::Set,
        ),
        ("The board meets on Mondays.", "on Mondays", TimeKind::Set),
        (
            "The bank cut rates twice a year.",
            "twice a year",
            TimeKind::Set,
        ),
    ];
    for (text, phrase, kind) in cases {
        let all = extract_dates(text, ANCHOR);
        assert!(
            all.iter().any(|p| p.phrase == phrase && p.kind == kind),
            "{text:?} → {all:?}"
        );
        assert!(
            found(text).is_empty(),
            "{text:?} offers a date: {:?}",
            found(text)
        );
    }
    // Relative phrases that own a count stay dates.
    assert_eq!(one("The talks ended two weeks ago.").0, "two weeks ago");
    assert_eq!(one("The ban would start in two weeks.").0, "in two weeks");
}

/// The six briefs of the sample dossier (written for Storyline, outside the
/// date corpus): every date Storyline finds in them, checked by hand
/// against their text.
#[test]
fn the_sample_briefs_resolve_as_checked_by_hand() {
    let briefs: &[(&str, &[(&str, &str)])] = &[
        (
            "2020-01-20-meng-hearing-opens.md",
            &[
                ("on Monday", "2020-01-20"),
                ("on Dec. 1, 2018", "2018-12-01"),
                ("this week", "2020-01-20/2020-01-26"),
                ("until later this year", "../2020-12-31"),
                ("the coming months", "2020-01-21~/2020-04-20~"),
                ("years", "duration"),
            ],
        ),
        (
            "2020-01-28-uk-limits-huawei.md",
            &[
                ("on Tuesday", "2020-01-28"),
                ("months", "duration"),
                ("last week", "2020-01-20/2020-01-26"),
                ("over the next few years", "2020-01-29~/2023-01-28~"),
            ],
        ),
        (
            "2020-05-27-meng-ruling.md",
            &[
                ("on Wednesday", "2020-05-27"),
                ("in January", "2020-01"),
                ("on Dec. 1, 2018", "2018-12-01"),
                ("fall", "2020-23"),
                ("next year", "2021"),
            ],
        ),
        (
            "2020-07-14-uk-bans-new-huawei-kit.md",
            &[
                ("on Tuesday", "2020-07-14"),
                ("after the end of this year", "2021-01-01/.."),
                ("by 2027", "../2027-12-31"),
                ("in January", "2020-01"),
                ("in May", "2020-05"),
                ("January", "2020-01"),
                ("from Dec. 31", "2020-12-31/.."),
                ("over the next seven years", "2020-07-15/2027-07-14"),
                ("three years", "duration"),
                ("in the autumn", "2020-23"),
            ],
        ),
        (
            "2021-04-23-bundestag-it-security-law.md",
            &[
                ("on Friday", "2021-04-23"),
                ("in December", "2020-12"),
                ("next month", "2021-05"),
            ],
        ),
        (
            "2021-09-25-meng-returns-to-china.md",
            &[
                ("on Friday", "2021-09-24"),
                ("on Dec. 1, 2018", "2018-12-01"),
                ("on Saturday", "2021-09-25"),
                ("on Friday", "2021-09-24"),
                ("in December 2022", "2022-12"),
                ("since January of last year", "2020-01-01/2021-09-25"),
                ("the same day", "2021-09-24"),
                ("since December 2018", "2018-12-01/2021-09-25"),
                ("on Saturday", "2021-09-25"),
            ],
        ),
    ];
    for (name, expected) in briefs {
        let path = std::path::Path::new("assets/dossiers/huawei-5g").join(name);
        let doc = storyline::document::load_path(&path)
            .expect("brief loads")
            .document;
        let published = doc.meta.published.expect("a brief has its date");
        let got: Vec<(String, String)> =
            storyline::timeline::extract_from_document(&doc, published)
                .into_iter()
                .map(|p| {
                    let when = if p.kind == TimeKind::Date {
                        p.when.edtf()
                    } else {
                        p.kind.name().to_owned()
                    };
                    (p.phrase, when)
                })
                .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn a_page_s_update_line_is_not_an_event() {
    assert!(found("Updated Jan. 24, 2020 9:14 am ET").is_empty());
    assert!(found("Published Jan. 23, 2020 at 5:30 pm").is_empty());
    assert_eq!(one("The report was published on Jan. 24.").0, "on Jan. 24");
}
