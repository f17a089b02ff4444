//! Deterministic workloads for the benchmarks: a book-sized Markdown article,
//! thousands of highlights and hundreds of events, and scattered edits.
//! Pure and seeded, so every run measures the same thing.

#![allow(dead_code, clippy::unwrap_used, missing_docs)] // each user takes what it needs

use std::fmt::Write as _;

use storyline::annotate::{Annotations, Command, Highlight, HighlightColor, HighlightId, Selector};
use storyline::document::{CharRange, Document, TextIndex};
use storyline::timeline::{Event, EventId, EventKind, Lane, LaneColor, LaneId, When};

/// A small deterministic random number generator (xorshift64*).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// Seeded.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SUBJECTS: &[&str] = &[
    "The ministry",
    "A spokesman for the regulator",
    "The committee",
    "Officials in Berlin",
    "The British government",
    "Lawmakers in Ottawa",
    "The company's chief executive",
    "A senior administration official",
    "Analysts at the bank",
    "The court",
];
const VERBS: &[&str] = &[
    "said",
    "announced",
    "warned",
    "confirmed",
    "is expected to decide",
    "plans to review",
    "declined to comment",
    "will publish its findings",
    "reported",
    "argued",
];
const DATES: &[&str] = &[
    "last week",
    "next week",
    "on Monday",
    "on Jan. 31",
    "later this year",
    "last month",
    "in the coming months",
    "two weeks ago",
    "this week",
    "in March 2019",
    "earlier this month",
    "next month",
    "on Thursday",
    "in 2021",
];
const OBJECTS: &[&str] = &[
    "that the network rules would change",
    "the cost of replacing the equipment",
    "whether the vote should be delayed",
    "a plan to restrict suppliers",
    "the security review",
    "new guidance for wireless carriers",
    "the extradition hearing",
    "a report on trade ties",
];
const FILLER: &[&str] = &[
    "The decision has wide consequences for carriers and their customers.",
    "Critics say the process has been slow and opaque.",
    "Supporters argue that the measures are overdue.",
    "The details were not made public.",
    "Several people familiar with the matter described the talks as tense.",
    "Prices for the equipment have risen sharply over the period.",
];

/// A Markdown article of about `bytes` bytes: a title, a dateline, headings
/// every 25 paragraphs, paragraphs of news-like sentences with dated
/// phrases, links and emphasis.
#[must_use]
pub fn big_markdown(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 1024);
    out.push_str(
        "# A year of the 5G fight: the collected coverage\n\nWall Street Journal, Jan 23, 2020\n\n",
    );
    let mut para = 0;
    while out.len() < bytes {
        if para % 25 == 0 {
            let _ = write!(out, "## Part {}\n\n", para / 25 + 1);
        }
        for s in 0..4 + rng.below(3) {
            let sentence = format!(
                "{} {} {} {}. {} ",
                rng.pick(SUBJECTS),
                rng.pick(VERBS),
                rng.pick(OBJECTS),
                rng.pick(DATES),
                rng.pick(FILLER),
            );
            if s == 1 && rng.below(4) == 0 {
                out.push_str("[According to *one report*](https://example.com/report) ");
            }
            out.push_str(&sentence);
        }
        out.push_str("\n\n");
        para += 1;
    }
    out
}

/// `n` highlights spread evenly through `doc` (60–140 chars each, inside
/// one paragraph), with tags and some notes.
#[must_use]
pub fn highlights(doc: &Document, n: usize, seed: u64) -> Vec<Highlight> {
    let mut rng = Rng::new(seed);
    let index = TextIndex::new(&doc.text);
    let paras: Vec<CharRange> = doc
        .blocks
        .iter()
        .map(|b| b.range)
        .filter(|r| r.len() > 200)
        .collect();
    let tags = [
        "uk",
        "canada",
        "germany",
        "us-pressure",
        "security",
        "cost",
        "trade",
        "decision",
    ];
    let t = jiff::Timestamp::UNIX_EPOCH;
    (0..n)
        .map(|i| {
            let p = paras[(i * paras.len() / n.max(1)).min(paras.len() - 1)];
            let len = 60 + rng.below(80);
            let start = p.start.0 + rng.below(p.len().saturating_sub(len).max(1));
            let range = CharRange::new(start, (start + len).min(p.end.0));
            let mut h = Highlight::new(
                HighlightId(format!("h-{i:06}")),
                Selector::from_range(&index, range),
                HighlightColor::ALL[i % 5],
                t,
            );
            h.tags = vec![
                tags[i % tags.len()].to_owned(),
                tags[(i / 3) % tags.len()].to_owned(),
            ];
            h.tags.sort();
            h.tags.dedup();
            if i % 4 == 0 {
                h.note = format!("Note {i}: why this passage matters.");
            }
            h
        })
        .collect()
}

/// The annotations of the big workload: `highlights` highlights and `events`
/// events in `lanes` lanes, each event resting on one or two highlights.
#[must_use]
pub fn annotations(
    doc: &Document,
    n_highlights: usize,
    n_events: usize,
    n_lanes: usize,
) -> Annotations {
    let hs = highlights(doc, n_highlights, 7);
    let ids: Vec<HighlightId> = hs.iter().map(|h| h.id.clone()).collect();
    let mut ann = Annotations::new(hs, &doc.text);
    let t = jiff::Timestamp::UNIX_EPOCH;
    let mut rng = Rng::new(11);
    let mut cmds = Vec::new();
    for l in 0..n_lanes {
        cmds.push(Command::AddLane(Lane {
            modified: None,
            id: LaneId(format!("l-{l}")),
            name: format!("Storyline {}", l + 1),
            color: LaneColor::ALL[l % LaneColor::ALL.len()],
            order: u32::try_from(l).unwrap_or(0),
            keywords: Vec::new(),
        }));
    }
    let base = jiff::civil::date(2019, 1, 1);
    for e in 0..n_events {
        let day =
            storyline::timeline::when::add_days(base, i64::try_from(rng.below(900)).unwrap_or(0));
        let when = match e % 4 {
            0 => When::day(day),
            1 => When::week_of(day),
            2 => When::month_of(day),
            _ => When::span(
                day,
                storyline::timeline::when::add_days(day, 20),
                storyline::timeline::Precision::Range,
            )
            .approx(),
        };
        let evidence = vec![
            ids[rng.below(ids.len())].clone(),
            ids[rng.below(ids.len())].clone(),
        ];
        cmds.push(Command::AddEvent(Event {
            credit: storyline::credit::Credit::default(),
            id: EventId(format!("e-{e:04}")),
            title: format!("Event {e}: {}", OBJECTS[e % OBJECTS.len()]),
            when,
            lanes: vec![LaneId(format!("l-{}", e % n_lanes.max(1)))],
            evidence,
            note: String::new(),
            kind: if e % 3 == 0 {
                EventKind::Expected
            } else {
                EventKind::Reported
            },
            modified: t,
            source: None,
        }));
    }
    // Building the workload cannot fail: ids are unique.
    let _ = ann.apply(Command::Batch(cmds), t);
    ann
}

/// `edits` scattered edits to Markdown source: insertions of sentences,
/// deletions of a few words, rewordings.
#[must_use]
pub fn scatter_edits(source: &str, edits: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = source.to_owned();
    for k in 0..edits {
        // Edit near evenly spaced points (jittered), at a word boundary.
        let jitter = rng.below(out.len() / (edits * 4).max(1));
        let target = ((k * 2 + 1) * out.len() / (edits * 2).max(1) + jitter).min(out.len() - 1);
        let target = (0..=target)
            .rev()
            .find(|&i| out.is_char_boundary(i))
            .unwrap_or(0);
        let Some(at) = out[target..].find(' ').map(|i| target + i + 1) else {
            continue;
        };
        match k % 3 {
            0 => out.insert_str(at, "Editors added this sentence later. "),
            1 => {
                let end = out[at..]
                    .match_indices(' ')
                    .nth(2)
                    .map_or(at, |(i, _)| at + i + 1);
                if !out[at..end].contains('\n') {
                    out.replace_range(at..end, "");
                }
            }
            _ => {
                if let Some(len) = out[at..].find(' ')
                    && !out[at..at + len].contains('\n')
                {
                    out.replace_range(at..at + len, "reportedly");
                }
            }
        }
    }
    out
}

/// Places for the dossier workload's event titles.
const PLACES: &[&str] = &[
    "Berlin",
    "London",
    "Ottawa",
    "Vancouver",
    "Brussels",
    "Paris",
    "Madrid",
    "Tokyo",
    "Seoul",
    "Canberra",
    "Rome",
    "Vienna",
    "Warsaw",
    "Oslo",
    "Lisbon",
    "Dublin",
];
/// Verbs (one per kind of event) for the dossier workload's titles.
const EVENT_VERBS: &[&str] = &[
    "votes on",
    "bans",
    "approves",
    "delays",
    "reviews",
    "announces",
    "rejects",
    "signs",
];

/// The dossier benchmark: `articles` generated articles of about `bytes`
/// each in `dir`, each with its save (`highlights` highlights, and
/// `events_total / articles` events in 5 lanes named alike across articles,
/// one in ten retelling an event of an earlier article), and a dossier file
/// listing them all. Returns the dossier file.
///
/// # Errors
/// When a file cannot be written.
pub fn dossier_workload(
    dir: &std::path::Path,
    articles: usize,
    bytes: usize,
    highlights_each: usize,
    events_total: usize,
) -> anyhow::Result<std::path::PathBuf> {
    use storyline::store::article::{open_annotations, save_file};
    let saves = dir.join("saves");
    let file = dir.join("bench.dossier.ron");
    let mut d = storyline::dossier::Dossier::new("Benchmark");
    let mut rng = Rng::new(99);
    for k in 0..articles {
        let mut source = big_markdown(bytes, 1000 + k as u64);
        // A dateline the loader reads as the publication date.
        let published = storyline::timeline::when::add_days(
            jiff::civil::date(2019, 1, 1),
            i64::try_from(k * 3).unwrap_or(0),
        );
        source = source.replacen(
            '\n',
            &format!(
                "\n\n[Wire report, {}](#)\n",
                published.strftime("%b %-d, %Y")
            ),
            1,
        );
        let path = dir.join(format!("article-{k:03}.md"));
        std::fs::write(&path, &source)?;
        let doc = storyline::document::load_path(&path)?.document;
        let mut ann = annotations(&doc, highlights_each, 0, 5);
        let ids: Vec<HighlightId> = ann
            .entries()
            .iter()
            .map(|e| e.highlight.id.clone())
            .collect();
        let mut cmds = Vec::new();
        // Spread `events_total` evenly over the articles.
        let per = (k + 1) * events_total / articles.max(1) - k * events_total / articles.max(1);
        for j in 0..per {
            // One in ten retells an earlier article's event (same title, a
            // date a few days on); the rest are their own.
            let base = k * events_total / articles.max(1);
            let n = if k > 0 && rng.below(10) == 0 {
                // An event of one of the five articles before.
                let back = (k - 1 - rng.below(k.min(5))) * events_total / articles.max(1);
                back + rng.below(per.max(1))
            } else {
                base + j
            };
            let day = storyline::timeline::when::add_days(
                jiff::civil::date(2019, 1, 1),
                i64::try_from(n * 900 / events_total.max(1)).unwrap_or(0),
            );
            let title = format!(
                "{} {} {} plan {n}",
                PLACES[n % PLACES.len()],
                EVENT_VERBS[n % EVENT_VERBS.len()],
                OBJECTS[n % OBJECTS.len()]
                    .split_whitespace()
                    .last()
                    .unwrap_or("the"),
            );
            cmds.push(Command::AddEvent(Event {
                credit: storyline::credit::Credit::default(),
                id: EventId(format!("e-{k:03}-{j:02}")),
                title,
                when: if n % 2 == 0 {
                    When::day(day)
                } else {
                    When::week_of(day)
                },
                lanes: vec![LaneId(format!("l-{}", n % 5))],
                evidence: ids
                    .get(rng.below(ids.len().max(1)))
                    .cloned()
                    .into_iter()
                    .collect(),
                note: String::new(),
                kind: EventKind::Reported,
                modified: jiff::Timestamp::UNIX_EPOCH,
                source: None,
            }));
        }
        let _ = ann.apply(Command::Batch(cmds), jiff::Timestamp::UNIX_EPOCH);
        let (mut handle, _, identity) = open_annotations(&saves, &path, &doc)?;
        handle.write(&save_file(&identity, &ann, &doc))?;
        storyline::store::dossier_io::import_from_disk(&file, &mut d, &path, &saves)?;
    }
    storyline::store::dossier::write_dossier(&file, &d)?;
    Ok(file)
}
