//! The layout rules on pages made by hand: a run is placed where a PDF
//! would place it (points, y up, 12 pt text on 14 pt lines).

use super::{Page, ParaKind, Run, paragraphs};

fn run(text: &str, x0: f32, y0: f32, size: f32) -> Run {
    // About half an em per character.
    let width = text.chars().count() as f32 * size * 0.5;
    Run {
        text: text.to_owned(),
        x0,
        x1: x0 + width,
        y0,
        y1: y0 + size,
        size,
        bold: false,
    }
}

fn page(runs: Vec<Run>) -> Page {
    Page {
        height: 792.0,
        runs,
    }
}

fn texts(pages: &[Page]) -> Vec<String> {
    paragraphs(pages).into_iter().map(|p| p.text).collect()
}

/// A column of lines from `top`, 14 pt apart, a blank line between
/// paragraphs (`""`).
fn column(lines: &[&str], x: f32, top: f32) -> Vec<Run> {
    let mut y = top;
    let mut out = Vec::new();
    for l in lines {
        if !l.is_empty() {
            out.push(run(l, x, y, 12.0));
        }
        y -= 14.0;
    }
    out
}

#[test]
fn lines_join_into_paragraphs_and_blank_space_separates_them() {
    let p = page(column(
        &[
            "The government said on Tuesday that it",
            "would limit the role of the company.",
            "",
            "Officials in Washington disagreed with",
            "the decision.",
        ],
        72.0,
        700.0,
    ));
    assert_eq!(
        texts(&[p]),
        [
            "The government said on Tuesday that it would limit the role of the company.",
            "Officials in Washington disagreed with the decision."
        ]
    );
}

#[test]
fn hyphenated_words_are_joined_unless_the_text_spells_them_with_a_hyphen() {
    let p = page(column(
        &[
            "The network relies on equip-",
            "ment bought before the next-generation",
            "rollout began, and on next-",
            "generation radios for a U.S.-",
            "UK deal.",
        ],
        72.0,
        700.0,
    ));
    assert_eq!(
        texts(&[p]),
        [
            "The network relies on equipment bought before the next-generation rollout began, and on next-generation radios for a U.S.-UK deal."
        ]
    );
}

#[test]
fn running_heads_and_page_numbers_are_dropped_and_paragraphs_run_across_pages() {
    let mut pages = Vec::new();
    for n in 1..=3 {
        let mut runs = vec![
            run("The Daily Report", 72.0, 760.0, 9.0),
            run(&format!("{n}"), 300.0, 30.0, 9.0),
        ];
        runs.extend(column(
            &[
                &format!("Page {n} text starts here and the"),
                "sentence goes on across the page",
            ],
            72.0,
            700.0,
        ));
        pages.push(page(runs));
    }
    let got = texts(&pages);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(!got[0].contains("Daily Report"), "{got:?}");
    assert!(
        got[0].starts_with("Page 1 text starts here and the sentence goes on"),
        "{got:?}"
    );
    assert!(got[0].contains("page Page 2 text"), "{got:?}");
}

#[test]
fn two_columns_are_read_one_after_the_other_under_a_headline() {
    let mut runs = vec![run(
        "A headline across both columns of the page",
        72.0,
        740.0,
        20.0,
    )];
    runs.extend(column(
        &[
            "Left column first line of",
            "text goes on and ends.",
            "",
            "Left again it says.",
        ],
        72.0,
        700.0,
    ));
    runs.extend(column(
        &[
            "Right column starts with",
            "its own words and ends.",
            "",
            "Right again it says.",
        ],
        330.0,
        700.0,
    ));
    let got = paragraphs(&[page(runs)]);
    let texts: Vec<&str> = got.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "A headline across both columns of the page",
            "Left column first line of text goes on and ends.",
            "Left again it says.",
            "Right column starts with its own words and ends.",
            "Right again it says."
        ]
    );
    assert_eq!(got[0].kind, ParaKind::Heading(1));
}

#[test]
fn bullets_become_items_and_their_next_lines_continue_them() {
    let mut runs = column(&["The main features are:"], 72.0, 700.0);
    runs.push(run("•", 80.0, 686.0, 12.0));
    runs.push(run("It is free software that anyone", 92.0, 686.0, 12.0));
    runs.push(run("can use.", 92.0, 672.0, 12.0));
    runs.push(run("•", 80.0, 658.0, 12.0));
    runs.push(run("It is fast.", 92.0, 658.0, 12.0));
    let got = paragraphs(&[page(runs)]);
    let kinds: Vec<ParaKind> = got.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [ParaKind::Paragraph, ParaKind::Item, ParaKind::Item]);
    assert_eq!(got[1].text, "It is free software that anyone can use.");
}

#[test]
fn kerned_runs_join_without_a_space_and_spaced_runs_with_one() {
    // "[W" + "all Street", overlapping: one word; "network." + "A": two.
    let a = Run {
        x1: 81.3,
        ..run("[W", 66.0, 700.0, 12.0)
    };
    let b = run("all Street Journal", 80.4, 700.0, 12.0);
    let c = run("A ban", 80.4 + 18.0 * 6.0 + 4.0, 700.0, 12.0);
    assert_eq!(
        texts(&[page(vec![a, b, c])]),
        ["[Wall Street Journal A ban"]
    );
}

#[test]
fn an_empty_page_gives_nothing() {
    assert!(paragraphs(&[page(Vec::new())]).is_empty());
    assert!(paragraphs(&[]).is_empty());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any runs anywhere (overlapping, zero-sized, off the page) give
    /// paragraphs, never a panic, and never a word twice.
    #[test]
    fn any_geometry_is_read_without_panic_or_loss(
        runs in proptest::collection::vec(
            ("[a-z]{1,8}( [a-z]{1,8}){0,3}", -50.0f32..700.0, -50.0f32..850.0, 1.0f32..30.0, proptest::bool::ANY),
            0..80,
        ),
        pages in 1usize..4,
    ) {
        let mut out = vec![Page { height: 792.0, runs: Vec::new() }; pages];
        for (i, (text, x, y, size, bold)) in runs.iter().enumerate() {
            let mut r = run(text, *x, *y, *size);
            r.bold = *bold;
            out[i % pages].runs.push(r);
        }
        let paras = paragraphs(&out);
        let words = |s: &str| s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
        let got: usize = paras.iter().map(|p| words(&p.text)).sum();
        proptest::prop_assert!(got <= runs.iter().map(|r| words(&r.0)).sum::<usize>());
    }
}

#[test]
fn dot_leaders_become_one_ellipsis_and_each_entry_its_own_line() {
    let p = page(column(
        &[
            "1 Introduction . . . . . . . . . . . . 1",
            "2 Structure handling.............. 2",
            "It ends... here.",
        ],
        72.0,
        700.0,
    ));
    assert_eq!(
        texts(&[p]),
        [
            "1 Introduction … 1",
            "2 Structure handling … 2",
            "It ends... here."
        ]
    );
}
