//! The date corpus: sentences written for Storyline (never copied from
//! published news), each with its publication date and every date a careful
//! reader would place on a calendar — or none. `tests/dates/corpus.tsv`,
//! one sentence a line:
//!
//! ```text
//! PUBLISHED <tab> CLASS <tab> SENTENCE <tab> EXPECTED
//! ```
//!
//! EXPECTED is `-` (no date) or items separated by ` | `, each
//! `PHRASE = WHEN`, where WHEN is a day `2020-01-24` or a span
//! `2020-01-01/2020-03-31` (inclusive days), maybe followed by `~`
//! (approximate); an open range is its one known day and `open-before`
//! (the last day it can be: "by 2027" is `2027-12-31 open-before`, "before
//! March" the last day of February) or `open-after` (the first day: "after
//! the end of this year" is `2021-01-01 open-after` in 2020); or WHEN is
//! `duration` / `set` for what is not a date (it must never be offered as
//! one). CLASS is the issue's class number (1–17) or `keep` for what
//! worked before.
//!
//! Scored as news date taggers are: a date is *found* when a phrase found
//! by Storyline overlaps its phrase; *exact* when that phrase resolves to
//! exactly its days (and open end); *invented* is a date Storyline offers
//! where the corpus has none (durations and sets included).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::Date;
use storyline::timeline::{DatedPhrase, OpenEnd, TimeKind, extract_dates};

/// One expected item of a row.
#[derive(Debug)]
struct Expected {
    phrase: String,
    /// `None` for a duration or a set.
    days: Option<(Date, Date)>,
    open: Option<OpenEnd>,
}

#[derive(Debug)]
struct Row {
    line: usize,
    published: Date,
    class: String,
    sentence: String,
    expected: Vec<Expected>,
}

fn parse_when(line: usize, text: &str) -> (Option<(Date, Date)>, Option<OpenEnd>) {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or_default();
    if first == "duration" || first == "set" {
        return (None, None);
    }
    let (a, b) = first.split_once('/').unwrap_or((first, first));
    let parse = |s: &str| -> Date {
        s.parse()
            .unwrap_or_else(|e| panic!("corpus line {line}: bad date {s:?}: {e}"))
    };
    let mut open = None;
    for flag in words {
        match flag {
            "~" => {}
            "open-after" => open = Some(OpenEnd::After),
            "open-before" => open = Some(OpenEnd::Before),
            other => panic!("corpus line {line}: unknown flag {other:?}"),
        }
    }
    (Some((parse(a), parse(b))), open)
}

fn corpus() -> Vec<Row> {
    let text = include_str!("../dates/corpus.tsv");
    let mut rows = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').collect();
        assert_eq!(cols.len(), 4, "corpus line {line}: 4 tab-separated columns");
        let published: Date = cols[0]
            .parse()
            .unwrap_or_else(|e| panic!("corpus line {line}: {e}"));
        let expected = if cols[3].trim() == "-" {
            Vec::new()
        } else {
            cols[3]
                .split(" | ")
                .map(|item| {
                    let (phrase, when) = item
                        .split_once(" = ")
                        .unwrap_or_else(|| panic!("corpus line {line}: `PHRASE = WHEN`"));
                    assert!(
                        cols[2].to_lowercase().contains(&phrase.to_lowercase()),
                        "corpus line {line}: {phrase:?} is not in the sentence"
                    );
                    let (days, open) = parse_when(line, when);
                    Expected {
                        phrase: phrase.to_owned(),
                        days,
                        open,
                    }
                })
                .collect()
        };
        rows.push(Row {
            line,
            published,
            class: cols[1].to_owned(),
            sentence: cols[2].to_owned(),
            expected,
        });
    }
    rows
}

/// Byte span of `phrase` in `sentence` (case-insensitive; first match).
fn span_of(sentence: &str, phrase: &str) -> (usize, usize) {
    let lower = sentence.to_lowercase();
    let at = lower.find(&phrase.to_lowercase()).unwrap_or(0);
    (at, at + phrase.len())
}

/// Byte span of a found phrase (its char range, in the sentence).
fn found_span(sentence: &str, found: &DatedPhrase) -> (usize, usize) {
    let byte = |c: usize| {
        sentence
            .char_indices()
            .nth(c)
            .map_or(sentence.len(), |(b, _)| b)
    };
    (byte(found.range.start.0), byte(found.range.end.0))
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Counts of one class (or of all).
#[derive(Default, Debug)]
struct Score {
    dates: usize,
    found: usize,
    exact: usize,
    invented: usize,
    rows: usize,
}

impl Score {
    fn add(&mut self, other: &Score) {
        self.dates += other.dates;
        self.found += other.found;
        self.exact += other.exact;
        self.invented += other.invented;
        self.rows += other.rows;
    }

    fn percent(part: usize, whole: usize) -> f64 {
        if whole == 0 {
            100.0
        } else {
            100.0 * part as f64 / whole as f64
        }
    }
}

/// Scores one row; failures are described in `notes`.
fn score(row: &Row, notes: &mut Vec<String>) -> Score {
    // Only dates count: durations and recurrences are typed as such and
    // never offered as events.
    let found: Vec<DatedPhrase> = extract_dates(&row.sentence, row.published)
        .into_iter()
        .filter(|f| f.kind == TimeKind::Date)
        .collect();
    let mut s = Score {
        rows: 1,
        ..Score::default()
    };
    let mut used = vec![false; found.len()];
    for e in &row.expected {
        let span = span_of(&row.sentence, &e.phrase);
        let hits: Vec<usize> = (0..found.len())
            .filter(|&k| overlaps(found_span(&row.sentence, &found[k]), span))
            .collect();
        for &k in &hits {
            used[k] = true;
        }
        let Some((start, end)) = e.days else {
            // A duration or a set: offering it as a date invents one.
            if !hits.is_empty() {
                s.invented += hits.len();
                notes.push(format!(
                    "line {}: {:?} is a duration or set, offered as {}",
                    row.line,
                    e.phrase,
                    found[hits[0]].when.edtf()
                ));
            }
            continue;
        };
        s.dates += 1;
        if hits.is_empty() {
            notes.push(format!("line {}: missed {:?}", row.line, e.phrase));
            continue;
        }
        s.found += 1;
        let good = hits.iter().any(|&k| {
            let w = &found[k].when;
            w.open == e.open
                && match e.open {
                    Some(OpenEnd::Before) => w.end == end,
                    Some(OpenEnd::After) => w.start == start,
                    None => w.start == start && w.end == end,
                }
        });
        if good {
            s.exact += 1;
        } else {
            let w = &found[hits[0]].when;
            notes.push(format!(
                "line {}: {:?} → {:?} = {}..{} {:?}, expected {start}..{end} {:?}",
                row.line, e.phrase, found[hits[0]].phrase, w.start, w.end, w.open, e.open
            ));
        }
    }
    for (k, f) in found.iter().enumerate() {
        if !used[k] {
            s.invented += 1;
            notes.push(format!(
                "line {}: invented {:?} = {}",
                row.line,
                f.phrase,
                f.when.edtf()
            ));
        }
    }
    s
}

#[test]
fn the_corpus_is_resolved_as_a_careful_reader_would() {
    let rows = corpus();
    let mut by_class: BTreeMap<String, Score> = BTreeMap::new();
    let mut total = Score::default();
    let mut notes = Vec::new();
    for row in &rows {
        let s = score(row, &mut notes);
        // Numbered classes in number order, then the named groups.
        let key = match row.class.parse::<u8>() {
            Ok(n) => format!("{n:>5}"),
            Err(_) => row.class.clone(),
        };
        by_class.entry(key).or_default().add(&s);
        total.add(&s);
    }
    let mut report = String::from("class  rows  dates  found  exact  invented\n");
    for (class, s) in by_class.iter().chain([(&"all".to_owned(), &total)]) {
        let _ = writeln!(
            report,
            "{class:>5} {:>5} {:>6} {:>5.1}% {:>5.1}% {:>8}",
            s.rows,
            s.dates,
            Score::percent(s.found, s.dates),
            Score::percent(s.exact, s.found),
            s.invented
        );
    }
    eprintln!("{report}");
    for n in &notes {
        eprintln!("{n}");
    }
    assert!(rows.len() >= 250, "the corpus has {} sentences", rows.len());
    let found = Score::percent(total.found, total.dates);
    let exact = Score::percent(total.exact, total.found);
    // Ratchet: the figures reached so far, never to go down (the goal was
    // found ≥ 95 %, exact ≥ 95 % of those, nothing invented).
    assert!(found >= FOUND_AT_LEAST, "found {found:.1} %\n{report}");
    assert!(exact >= EXACT_AT_LEAST, "exact {exact:.1} %\n{report}");
    assert_eq!(total.invented, 0, "invented dates\n{report}");
}

/// Reached on 2026-11-25: found 100 %, exact 99.6 %, none invented (before
/// this work: 83.3 %, 73.8 %, 19); on 2026-12-05, with 244 sentences in the
/// shape of wire copy added (classes `wire-*`): 100 %, 99.8 %, none; on
/// 2026-12-06, with 37 more (deferrals, attributions, "last" as a verb,
/// money beside months, "July last year", halves, the future of a dated
/// saying, ranges across a new year): 100 %, 100 %, none.
const FOUND_AT_LEAST: f64 = 99.9;
const EXACT_AT_LEAST: f64 = 99.9;
