//! Placing imported annotations: found, moved, fuzzy, orphaned, duplicates,
//! ids, and one undo step.

use proptest::prelude::*;

use super::{ImportSummary, WordPairs, plan};
use crate::annotate::import::{ImportFormat, Incoming, Parsed};
use crate::annotate::{
    AnchorStatus, Annotations, Command, HighlightColor, Selector, TextPosition, TextQuote,
};
use crate::document::{CharIdx, CharRange, TextIndex};

const TEXT: &str = "Britain is expected to decide on Huawei this month.\n\n\
    Canada's courts will hear the extradition case of Meng Wanzhou.\n\n\
    Germany's parliament will vote on the 5G rules in the spring.";

fn now() -> jiff::Timestamp {
    "2026-11-26T10:00:00Z".parse().expect("time")
}

fn incoming(id: Option<&str>, exact: &str, position: Option<(usize, usize)>) -> Incoming {
    let (start, end) = position.unwrap_or((0, 0));
    Incoming {
        credit: crate::credit::Credit::default(),
        id: id.map(str::to_owned),
        selector: Selector {
            quote: TextQuote {
                exact: exact.to_owned(),
                prefix: String::new(),
                suffix: String::new(),
            },
            position: TextPosition {
                start: CharIdx(start),
                end: CharIdx(end),
            },
        },
        has_position: position.is_some(),
        tags: vec!["uk".to_owned()],
        note: "<script>alert(1)</script>".to_owned(),
        color: Some(HighlightColor::Blue),
        evidence: false,
        created: None,
        modified: None,
        document: None,
    }
}

fn parsed(annotations: Vec<Incoming>) -> Parsed {
    Parsed {
        format: ImportFormat::W3c,
        annotations,
        without_quote: 0,
        timeline: None,
    }
}

fn position_of(exact: &str) -> (usize, usize) {
    let byte = TEXT.find(exact).expect("in text");
    let start = TEXT[..byte].chars().count();
    (start, start + exact.chars().count())
}

fn statuses(summary: &ImportSummary) -> Vec<&'static str> {
    summary.added.iter().map(|a| a.status.name()).collect()
}

#[test]
fn each_annotation_is_found_by_position_then_quote_then_approximately() {
    let p = plan(
        &parsed(vec![
            incoming(
                Some("h-1"),
                "decide on Huawei",
                Some(position_of("decide on Huawei")),
            ),
            incoming(Some("h-2"), "Meng Wanzhou", Some((3, 15))),
            incoming(Some("h-3"), "extradition   case\nof Meng", None),
            incoming(
                Some("h-4"),
                "Germanys parliament will vote",
                Some((140, 168)),
            ),
            incoming(Some("h-5"), "a quote from another article", Some((10, 38))),
            incoming(Some("h-6"), "the 5G rules", None),
        ]),
        TEXT,
        &Annotations::default(),
        now(),
    );
    let s = &p.summary;
    assert_eq!(
        statuses(s),
        [
            "anchored", "moved", "anchored", "fuzzy", "orphaned", "anchored"
        ]
    );
    assert_eq!((s.anchored, s.moved, s.fuzzy, s.orphaned), (3, 1, 1, 1));
    assert_eq!(s.counts(), "3 anchored, 1 moved, 1 fuzzy, 1 orphaned");
    let index = TextIndex::new(TEXT);
    let text_of = |i: usize| s.added[i].range.map(|r| index.slice(r).to_owned());
    assert_eq!(text_of(1).as_deref(), Some("Meng Wanzhou"));
    assert_eq!(text_of(2).as_deref(), Some("extradition case of Meng"));
    assert_eq!(
        text_of(3).as_deref(),
        Some("Germany's parliament will vote")
    );
    assert_eq!(text_of(4), None);

    // One undo step: applied, every one is there (the orphan among the
    // orphans, with its quote); undone, none is.
    let mut ann = Annotations::default();
    assert!(ann.apply(p.command, now()).expect("applies"));
    assert_eq!(ann.entries().len(), 6);
    let orphans: Vec<&str> = ann
        .orphans()
        .iter()
        .map(|e| e.highlight.selector.quote.exact.as_str())
        .collect();
    assert_eq!(orphans, ["a quote from another article"]);
    let moved = ann
        .get(&crate::annotate::HighlightId("h-2".into()))
        .expect("h-2");
    assert_eq!(moved.highlight.color, HighlightColor::Blue);
    assert_eq!(moved.highlight.tags, ["uk"]);
    assert_eq!(moved.highlight.note, "<script>alert(1)</script>");
    assert_eq!(moved.highlight.created, now());
    assert!(ann.apply(Command::Undo, now()).expect("undo"));
    assert!(ann.entries().is_empty());
}

#[test]
fn ids_already_there_or_repeated_are_skipped_as_duplicates() {
    let file = parsed(vec![
        incoming(Some("h-1"), "Huawei", None),
        incoming(Some("h-1"), "Huawei", None),
        incoming(Some("Vh1oZq5fEe-ABC_123"), "Canada", None),
        incoming(None, "Germany", None),
    ]);
    let mut ann = Annotations::default();
    let first = plan(&file, TEXT, &ann, now());
    assert_eq!(first.summary.duplicates, 1);
    assert_eq!(first.summary.added.len(), 3);
    // Another tool's id and a missing one become stable ids in our alphabet.
    for a in &first.summary.added {
        assert!(
            a.id.0
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}",
            a.id
        );
    }
    ann.apply(first.command, now()).expect("applies");
    let second = plan(&file, TEXT, &ann, now());
    assert_eq!(second.summary.duplicates, 4);
    assert!(second.summary.added.is_empty());
    assert_eq!(second.command, Command::Batch(Vec::new()));
    assert_eq!(second.summary.counts(), "nothing new; skipped 4 duplicates");
}

#[test]
fn annotations_of_another_document_are_all_orphans() {
    let p = plan(
        &parsed(vec![
            incoming(Some("a"), "The central bank raised rates", Some((0, 30))),
            incoming(Some("b"), "by a quarter of a point", None),
        ]),
        TEXT,
        &Annotations::default(),
        now(),
    );
    assert!(p.summary.none_found());
    assert_eq!(p.summary.orphaned, 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any quote cut from the text at its position anchors there exactly;
    /// anything else never panics, and the counts add up.
    #[test]
    fn cut_quotes_anchor_where_they_were_cut(
        cuts in proptest::collection::vec((0usize..170, 1usize..40, any::<bool>()), 0..12),
        junk in proptest::collection::vec("\\PC{1,30}", 0..4),
    ) {
        let chars: Vec<char> = TEXT.chars().collect();
        let mut list = Vec::new();
        let mut expected = Vec::new();
        for (i, (start, len, with_position)) in cuts.iter().enumerate() {
            let start = (*start).min(chars.len() - 1);
            let end = (start + len).min(chars.len());
            let exact: String = chars[start..end].iter().collect();
            if exact.trim().is_empty() {
                continue;
            }
            let position = with_position.then_some((start, end));
            list.push(incoming(Some(&format!("c-{i}")), &exact, position));
            expected.push(with_position.then_some(CharRange::new(start, end)));
        }
        let cut = list.len();
        for (i, j) in junk.iter().enumerate() {
            list.push(incoming(Some(&format!("j-{i}")), j, Some((i, i + 3))));
        }
        let p = plan(&parsed(list), TEXT, &Annotations::default(), now());
        let s = &p.summary;
        prop_assert_eq!(s.anchored + s.moved + s.fuzzy + s.orphaned, s.added.len());
        for (a, want) in s.added.iter().take(cut).zip(&expected) {
            if let Some(want) = want {
                prop_assert_eq!(a.range, Some(*want));
                prop_assert_eq!(a.status, AnchorStatus::Anchored);
            } else {
                prop_assert!(a.range.is_some());
            }
        }
        let mut ann = Annotations::default();
        ann.apply(p.command, now()).expect("applies");
        prop_assert_eq!(ann.entries().len(), s.added.len());
    }

    /// The word-pair filter never rules out text that is there, cut
    /// anywhere (mid-word too) and spaced any way.
    #[test]
    fn the_word_pair_filter_keeps_every_cut(start in 0usize..170, len in 1usize..120, spacing in "[ \n\t]{1,3}") {
        let chars: Vec<char> = TEXT.chars().collect();
        let start = start.min(chars.len() - 1);
        let end = (start + len).min(chars.len());
        let cut: String = chars[start..end].iter().collect();
        let respaced = cut.split_whitespace().collect::<Vec<_>>().join(&spacing);
        let pairs = WordPairs::of(TEXT);
        prop_assert!(pairs.may_contain(&cut));
        prop_assert!(pairs.may_contain(&respaced));
    }
}

#[test]
fn the_word_pair_filter_rules_out_another_documents_quotes() {
    let pairs = WordPairs::of(TEXT);
    assert!(!pairs.may_contain("The central bank raised its policy rate on Thursday"));
    assert!(pairs.may_contain("courts will hear the extradition"));
}

#[test]
fn a_file_of_several_documents_brings_only_this_ones() {
    let on = |doc: &str, mut a: Incoming| {
        a.document = Some(doc.to_owned());
        a
    };
    let p = plan(
        &parsed(vec![
            on(
                "https://news.example/huawei",
                incoming(Some("a"), "Meng Wanzhou", None),
            ),
            on(
                "https://news.example/huawei",
                incoming(Some("b"), "gone from the text", None),
            ),
            on(
                "https://news.example/rates",
                incoming(Some("c"), "The central bank raised rates", None),
            ),
            on(
                "https://news.example/rates",
                incoming(Some("d"), "by a quarter of a point", None),
            ),
        ]),
        TEXT,
        &Annotations::default(),
        now(),
    );
    let s = &p.summary;
    assert_eq!((s.anchored, s.orphaned, s.other_documents), (1, 1, 2));
    assert_eq!(
        s.counts(),
        "1 anchored, 1 orphaned; skipped 2 of other documents"
    );
}

#[test]
fn a_document_already_here_is_this_articles_even_with_nothing_new() {
    let on = |doc: &str, mut a: Incoming| {
        a.document = Some(doc.to_owned());
        a
    };
    let file = parsed(vec![
        on("urn:this", incoming(Some("h-1"), "Meng Wanzhou", None)),
        on(
            "urn:other",
            incoming(Some("c"), "The central bank raised rates", None),
        ),
        on(
            "urn:other",
            incoming(Some("d"), "by a quarter of a point", None),
        ),
    ]);
    let mut ann = Annotations::default();
    ann.apply(plan(&file, TEXT, &ann, now()).command, now())
        .expect("first import");
    assert_eq!(ann.entries().len(), 1, "only this article's");
    let again = plan(&file, TEXT, &ann, now()).summary;
    assert_eq!((again.duplicates, again.other_documents), (1, 2));
    assert!(!again.none_found(), "not refused as another document's");
    assert!(again.added.is_empty());
}
