//! Three people's random work on one dossier folder, and what must
//! survive it, for the git and synced-folder simulations. Each edit is
//! made as Storyline makes it (ids, times, who, tombstones) on the files
//! of one person's copy; the oracle says what every copy must hold once
//! all have synced.
//!
//! The edits: add a highlight (anyone); append to the note of one's own
//! highlight, or delete it (only even-numbered ones are ever deleted);
//! append to the note of, or tag, anyone's odd-numbered highlight (so two
//! people often change one note at once); add an event or rename one's
//! own; add a lane or rename one's own in the dossier. Notes only grow,
//! so "every edit survives" is "every token written is in the note".

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use storyline::annotate::{Highlight, HighlightColor, HighlightId, Selector};
use storyline::store::saves::{SaveFile, read_save};
use storyline::timeline::{Event, EventId, EventKind, Lane, LaneColor, LaneId, When};

/// A small deterministic generator (xorshift).
pub struct Rng(pub u64);

impl Rng {
    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// The people.
pub const NAMES: [&str; 3] = ["Ana", "Ben", "Cai"];

/// The save files of a copy of the folder, by name.
pub fn saves_of(copy: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(copy.join("saves"))
        .expect("saves")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    v.sort();
    v
}

/// The dossier file of a copy.
pub fn dossier_of(copy: &Path) -> PathBuf {
    copy.join("story.dossier.ron")
}

fn read(path: &Path) -> SaveFile {
    read_save(path).expect("reads").expect("exists").1
}

fn write(path: &Path, save: &SaveFile) {
    let text = storyline::store::to_ron(save, path).expect("ron");
    std::fs::write(path, text).expect("write");
}

/// What one highlight must hold at the end.
#[derive(Default)]
struct Expected {
    /// Tokens its note must contain.
    tokens: BTreeSet<String>,
    /// Tags it must have.
    tags: BTreeSet<String>,
    /// Who made it.
    author: String,
}

/// The random work and its oracle.
pub struct Sim {
    rng: Rng,
    next: usize,
    t0: jiff::Timestamp,
    highlights: BTreeMap<(usize, String), Expected>,
    deleted: BTreeSet<(usize, String)>,
    events: BTreeMap<(usize, String), String>,
    lanes: BTreeMap<String, String>,
}

impl Sim {
    /// A simulation with this seed.
    pub fn new(seed: u64) -> Self {
        Self {
            rng: Rng(seed),
            next: 0,
            t0: jiff::Timestamp::from_second(1_800_000_000).expect("time"),
            highlights: BTreeMap::new(),
            deleted: BTreeSet::new(),
            events: BTreeMap::new(),
            lanes: BTreeMap::new(),
        }
    }

    /// A number in `0..n` from the simulation's generator.
    pub fn below(&mut self, n: usize) -> usize {
        self.rng.below(n)
    }

    /// One random edit by person `who` in their `copy`, at `round`.
    pub fn edit(&mut self, who: usize, copy: &Path, round: usize) {
        let saves = saves_of(copy);
        let s = self.rng.below(saves.len());
        let when = self
            .t0
            .checked_add(jiff::SignedDuration::from_secs(
                i64::try_from(round).expect("small"),
            ))
            .expect("time");
        let by = NAMES[who];
        let own = |id: &str| id.starts_with(&format!("h-{who}-"));
        match self.rng.below(8) {
            // Add a highlight.
            0 | 1 => {
                self.next += 1;
                let id = format!("h-{who}-{}", self.next);
                let token = format!("n{}", self.next);
                let mut save = read(&saves[s]);
                let mut h = Highlight::new(
                    HighlightId(id.clone()),
                    Selector::default(),
                    HighlightColor::Yellow,
                    when,
                );
                h.note.clone_from(&token);
                h.credit.author = Some(by.to_owned());
                save.highlights.push(h);
                write(&saves[s], &save);
                let e = self.highlights.entry((s, id)).or_default();
                e.tokens.insert(token);
                by.clone_into(&mut e.author);
            }
            // One's own highlight: append to its note, or delete an even one.
            2 => {
                let mut save = read(&saves[s]);
                let mine: Vec<usize> = (0..save.highlights.len())
                    .filter(|&i| own(&save.highlights[i].id.0))
                    .collect();
                if mine.is_empty() {
                    return;
                }
                let i = mine[self.rng.below(mine.len())];
                let id = save.highlights[i].id.0.clone();
                let even = id
                    .rsplit('-')
                    .next()
                    .and_then(|n| n.parse::<usize>().ok())
                    .is_some_and(|n| n % 2 == 0);
                if even && self.rng.below(3) == 0 {
                    let h = save.highlights.remove(i);
                    save.removed.push((h.id, when));
                    save.removed.sort();
                    self.highlights.remove(&(s, id.clone()));
                    self.deleted.insert((s, id));
                } else {
                    self.append(&mut save.highlights[i], s, by, round, when);
                }
                write(&saves[s], &save);
            }
            // Anyone's odd highlight: append to its note, or tag it.
            3 | 4 => {
                let mut save = read(&saves[s]);
                let odd: Vec<usize> = (0..save.highlights.len())
                    .filter(|&i| {
                        let id = &save.highlights[i].id.0;
                        id.starts_with("h-")
                            && id.matches('-').count() == 2
                            && id
                                .rsplit('-')
                                .next()
                                .and_then(|n| n.parse::<usize>().ok())
                                .is_some_and(|n| n % 2 == 1)
                    })
                    .collect();
                if odd.is_empty() {
                    return;
                }
                let i = odd[self.rng.below(odd.len())];
                if self.rng.below(2) == 0 {
                    self.append(&mut save.highlights[i], s, by, round, when);
                } else {
                    let tag = format!("t{round}");
                    let h = &mut save.highlights[i];
                    h.tags.push(tag.clone());
                    h.tags.sort();
                    h.modified = when;
                    edited_by(h, by);
                    self.highlights
                        .entry((s, h.id.0.clone()))
                        .or_default()
                        .tags
                        .insert(tag);
                }
                write(&saves[s], &save);
            }
            // An event: add one, or rename one's own.
            5 => {
                let mut save = read(&saves[s]);
                let mine: Vec<usize> = (0..save.events.len())
                    .filter(|&i| save.events[i].id.0.starts_with(&format!("ev-{who}-")))
                    .collect();
                if mine.is_empty() || self.rng.below(2) == 0 {
                    self.next += 1;
                    let id = format!("ev-{who}-{}", self.next);
                    let title = format!("Event {}", self.next);
                    let credit = storyline::credit::Credit {
                        author: Some(by.to_owned()),
                        ..storyline::credit::Credit::default()
                    };
                    save.events.push(Event {
                        id: EventId(id.clone()),
                        title: title.clone(),
                        when: When::day(jiff::civil::date(2020, 1, 23)),
                        lanes: Vec::new(),
                        evidence: Vec::new(),
                        note: String::new(),
                        kind: EventKind::Reported,
                        modified: when,
                        source: None,
                        credit,
                    });
                    self.events.insert((s, id), title);
                } else {
                    let i = mine[self.rng.below(mine.len())];
                    let title = format!("Renamed in round {round}");
                    save.events[i].title.clone_from(&title);
                    save.events[i].modified = when;
                    self.events.insert((s, save.events[i].id.0.clone()), title);
                }
                write(&saves[s], &save);
            }
            // A lane of the dossier: add one, or rename one's own.
            _ => {
                let file = dossier_of(copy);
                let mut d = storyline::store::dossier::read_dossier(&file).expect("dossier");
                let mine: Vec<usize> = (0..d.lanes.len())
                    .filter(|&i| d.lanes[i].id.0.starts_with(&format!("l-{who}-")))
                    .collect();
                if mine.is_empty() || self.rng.below(2) == 0 {
                    self.next += 1;
                    let id = format!("l-{who}-{}", self.next);
                    let name = format!("Lane {}", self.next);
                    d.lanes.push(Lane {
                        id: LaneId(id.clone()),
                        name: name.clone(),
                        color: LaneColor::Blue,
                        order: u32::try_from(self.next).expect("small"),
                        keywords: Vec::new(),
                        modified: Some(when),
                    });
                    self.lanes.insert(id, name);
                } else {
                    let i = mine[self.rng.below(mine.len())];
                    let name = format!("Lane renamed in round {round}");
                    d.lanes[i].name.clone_from(&name);
                    d.lanes[i].modified = Some(when);
                    self.lanes.insert(d.lanes[i].id.0.clone(), name);
                }
                storyline::store::dossier::write_dossier(&file, &d).expect("write");
            }
        }
    }

    /// Appends a token to a highlight's note, as `by`.
    fn append(
        &mut self,
        h: &mut Highlight,
        s: usize,
        by: &str,
        round: usize,
        when: jiff::Timestamp,
    ) {
        let token = format!("e{round}");
        h.note = format!("{} {token}", h.note);
        h.modified = when;
        edited_by(h, by);
        self.highlights
            .entry((s, h.id.0.clone()))
            .or_default()
            .tokens
            .insert(token);
    }

    /// Asserts `copy` holds every surviving edit, no deleted highlight, and
    /// no conflict marker; returns how many highlights it checked.
    pub fn check(&self, copy: &Path) -> usize {
        let saves = saves_of(copy);
        for p in saves.iter().chain([&dossier_of(copy)]) {
            let text = std::fs::read_to_string(p).expect("read");
            assert!(
                !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
                "marker in {}",
                p.display()
            );
        }
        let mut seen = 0;
        for (s, path) in saves.iter().enumerate() {
            let save = read(path);
            let by_id: BTreeMap<&str, &Highlight> = save
                .highlights
                .iter()
                .map(|h| (h.id.0.as_str(), h))
                .collect();
            for ((es, id), e) in &self.highlights {
                if *es != s {
                    continue;
                }
                let h = by_id
                    .get(id.as_str())
                    .unwrap_or_else(|| panic!("{id} lost from {}", path.display()));
                for t in &e.tokens {
                    let found = h.note.split_whitespace().any(|w| w == t);
                    assert!(found, "{id}: edit {t} lost from note {:?}", h.note);
                }
                let tags: BTreeSet<String> = h.tags.iter().cloned().collect();
                assert!(
                    tags.is_superset(&e.tags),
                    "{id}: tags {tags:?} lack {:?}",
                    e.tags
                );
                assert_eq!(h.credit.author.as_deref(), Some(e.author.as_str()), "{id}");
                seen += 1;
            }
            for (ds, id) in &self.deleted {
                assert!(
                    *ds != s || !by_id.contains_key(id.as_str()),
                    "{id} was deleted but came back in {}",
                    path.display()
                );
            }
            for ((es, id), title) in &self.events {
                if *es == s {
                    let e = save
                        .events
                        .iter()
                        .find(|e| &e.id.0 == id)
                        .unwrap_or_else(|| panic!("event {id} lost"));
                    assert_eq!(&e.title, title, "{id}");
                }
            }
        }
        let d = storyline::store::dossier::read_dossier(&dossier_of(copy)).expect("dossier");
        let lanes: BTreeMap<String, String> = d
            .lanes
            .iter()
            .filter(|l| l.id.0.starts_with("l-") && l.id.0.matches('-').count() == 2)
            .map(|l| (l.id.0.clone(), l.name.clone()))
            .collect();
        assert_eq!(lanes, self.lanes);
        assert!(
            self.highlights.len() > 40 && self.lanes.len() > 10 && !self.deleted.is_empty(),
            "the simulation did enough ({} highlights, {} lanes, {} deleted)",
            self.highlights.len(),
            self.lanes.len(),
            self.deleted.len()
        );
        seen
    }
}

/// Records `by` as the last editor of `h` (none when it is its author).
fn edited_by(h: &mut Highlight, by: &str) {
    h.credit.edited_by = (h.credit.author.as_deref() != Some(by)).then(|| by.to_owned());
}
