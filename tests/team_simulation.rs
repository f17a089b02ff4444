//! Three people share a dossier folder through one bare git repository and
//! work at random for 500 rounds: each round one of them adds, edits or
//! deletes highlights in an article's save, or adds and renames lanes in
//! the dossier; often someone commits, pulls (Storyline's merge driver
//! merging whatever both sides changed) and pushes. At the end everyone
//! syncs: no pull ever stops on a conflict, no file holds a conflict
//! marker, and every surviving edit is there — each highlight added and
//! not deleted, with its owner's last note; each lane with its owner's
//! last name. (Owners edit their own highlights and lanes; anyone adds.)

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::team::{git, storyline_ok};
use storyline::annotate::{Highlight, HighlightColor, HighlightId, Selector};
use storyline::store::saves::{SaveFile, read_save};
use storyline::timeline::{Lane, LaneColor, LaneId};

const BRIEFS: &str = "assets/dossiers/huawei-5g";
const ARTICLES: [&str; 2] = [
    "2020-01-28-uk-limits-huawei.md",
    "2020-05-27-meng-ruling.md",
];
const ROUNDS: usize = 500;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// The save files of a clone, by name.
fn saves_of(clone: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(clone.join("saves"))
        .expect("saves")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    v.sort();
    v
}

fn read(path: &Path) -> SaveFile {
    read_save(path).expect("reads").expect("exists").1
}

fn write(path: &Path, save: &SaveFile) {
    let text = storyline::store::to_ron(save, path).expect("ron");
    std::fs::write(path, text).expect("write");
}

/// What should survive: highlights (id → owner's last note) and lanes
/// (id → owner's last name).
#[derive(Default)]
struct Expected {
    highlights: BTreeMap<(usize, String), String>,
    lanes: BTreeMap<String, String>,
}

#[test]
fn three_clones_at_random_for_500_rounds_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let global = dir.path().join("global");
    std::fs::create_dir_all(&global).expect("global");
    let bare = dir.path().join("remote.git");
    std::fs::create_dir_all(&bare).expect("bare");
    git(
        &bare,
        home,
        &["init", "--quiet", "--bare", "--initial-branch=main"],
    );

    // The first clone makes the dossier folder, a highlight in each save.
    let clones: Vec<PathBuf> = ["ana", "ben", "cai"]
        .iter()
        .map(|n| dir.path().join(n))
        .collect();
    let first = &clones[0];
    git(
        dir.path(),
        home,
        &["clone", "--quiet", bare.to_str().expect("utf-8"), "ana"],
    );
    let mut args = vec!["dossier".to_owned(), "new".into()];
    args.push(first.join("story.dossier.ron").display().to_string());
    for a in ARTICLES {
        std::fs::copy(format!("{BRIEFS}/{a}"), first.join(a)).expect("brief");
        args.push(first.join(a).display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    storyline_ok(&global, &args);
    for a in ARTICLES {
        storyline_ok(
            &global,
            &[
                "annotate",
                first.join(a).to_str().expect("utf-8"),
                "--quote",
                "Huawei",
                "--occurrence",
                "1",
            ],
        );
    }
    let dossier_file = |c: &Path| c.join("story.dossier.ron");
    storyline_ok(
        &global,
        &[
            "dossier",
            "share",
            dossier_file(first).to_str().expect("utf-8"),
        ],
    );
    git(first, home, &["add", "-A"]);
    git(first, home, &["commit", "--quiet", "-m", "start"]);
    git(first, home, &["push", "--quiet", "origin", "HEAD:main"]);
    for name in ["ben", "cai"] {
        git(
            dir.path(),
            home,
            &["clone", "--quiet", bare.to_str().expect("utf-8"), name],
        );
        let c = dir.path().join(name);
        storyline_ok(
            &global,
            &[
                "dossier",
                "share",
                dossier_file(&c).to_str().expect("utf-8"),
            ],
        );
    }

    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let mut expected = Expected::default();
    let mut next = 0usize;
    let t0 = jiff::Timestamp::from_second(1_800_000_000).expect("time");
    let sync = |c: &Path| {
        git(c, home, &["add", "-A"]);
        let status = git(c, home, &["status", "--porcelain"]);
        if !status.trim().is_empty() {
            git(c, home, &["commit", "--quiet", "-m", "work"]);
        }
        git(
            c,
            home,
            &[
                "pull",
                "--quiet",
                "--no-rebase",
                "--no-edit",
                "origin",
                "main",
            ],
        );
        git(c, home, &["push", "--quiet", "origin", "HEAD:main"]);
    };
    for round in 0..ROUNDS {
        let who = rng.below(3);
        let clone = &clones[who];
        let saves = saves_of(clone);
        let s = rng.below(saves.len());
        let when = t0
            .checked_add(jiff::SignedDuration::from_secs(
                i64::try_from(round).expect("small"),
            ))
            .expect("time");
        match rng.below(5) {
            // Add a highlight (anyone).
            0 | 1 => {
                next += 1;
                let id = format!("h-{who}-{next}");
                let note = format!("note {next} by {who}");
                let mut save = read(&saves[s]);
                let mut h = Highlight::new(
                    HighlightId(id.clone()),
                    Selector::default(),
                    HighlightColor::Yellow,
                    when,
                );
                h.note.clone_from(&note);
                save.highlights.push(h);
                write(&saves[s], &save);
                expected.highlights.insert((s, id), note);
            }
            // Edit or delete one of one's own highlights.
            2 => {
                let mut save = read(&saves[s]);
                let own: Vec<usize> = (0..save.highlights.len())
                    .filter(|&i| save.highlights[i].id.0.starts_with(&format!("h-{who}-")))
                    .collect();
                if own.is_empty() {
                    continue;
                }
                let i = own[rng.below(own.len())];
                let id = save.highlights[i].id.0.clone();
                if rng.below(3) == 0 {
                    save.highlights.remove(i);
                    expected.highlights.remove(&(s, id));
                } else {
                    let note = format!("edited in round {round} by {who}");
                    save.highlights[i].note.clone_from(&note);
                    save.highlights[i].modified = when;
                    expected.highlights.insert((s, id), note);
                }
                write(&saves[s], &save);
            }
            // Add a lane, or rename one's own, in the dossier.
            _ => {
                let file = dossier_file(clone);
                let mut d = storyline::store::dossier::read_dossier(&file).expect("dossier");
                let own: Vec<usize> = (0..d.lanes.len())
                    .filter(|&i| d.lanes[i].id.0.starts_with(&format!("l-{who}-")))
                    .collect();
                if own.is_empty() || rng.below(2) == 0 {
                    next += 1;
                    let id = format!("l-{who}-{next}");
                    let name = format!("Lane {next}");
                    d.lanes.push(Lane {
                        modified: None,
                        id: LaneId(id.clone()),
                        name: name.clone(),
                        color: LaneColor::Blue,
                        order: u32::try_from(next).expect("small"),
                        keywords: Vec::new(),
                    });
                    expected.lanes.insert(id, name);
                } else {
                    let i = own[rng.below(own.len())];
                    let name = format!("Lane renamed in round {round}");
                    d.lanes[i].name.clone_from(&name);
                    expected.lanes.insert(d.lanes[i].id.0.clone(), name);
                }
                storyline::store::dossier::write_dossier(&file, &d).expect("write");
            }
        }
        // Someone syncs, more often than not.
        if rng.below(3) > 0 {
            sync(&clones[rng.below(3)]);
        }
    }
    // Everyone syncs, twice round, and all clones end the same.
    for _ in 0..2 {
        for c in &clones {
            sync(c);
        }
    }
    let head = git(&clones[0], home, &["rev-parse", "HEAD"]);
    for c in &clones {
        assert_eq!(
            git(c, home, &["rev-parse", "HEAD"]),
            head,
            "{}",
            c.display()
        );
        for p in saves_of(c).iter().chain([&dossier_file(c)]) {
            let text = std::fs::read_to_string(p).expect("read");
            assert!(
                !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
                "marker in {}",
                p.display()
            );
        }
    }
    // Every surviving edit, as its owner left it.
    let saves = saves_of(&clones[2]);
    let mut got: BTreeMap<(usize, String), String> = BTreeMap::new();
    for (s, path) in saves.iter().enumerate() {
        for h in read(path).highlights {
            if h.id.0.starts_with("h-") && h.id.0.matches('-').count() == 2 {
                got.insert((s, h.id.0.clone()), h.note.clone());
            }
        }
    }
    assert_eq!(got, expected.highlights);
    let d = storyline::store::dossier::read_dossier(&dossier_file(&clones[1])).expect("dossier");
    let lanes: BTreeMap<String, String> = d
        .lanes
        .iter()
        .filter(|l| l.id.0.starts_with("l-") && l.id.0.matches('-').count() == 2)
        .map(|l| (l.id.0.clone(), l.name.clone()))
        .collect();
    assert_eq!(lanes, expected.lanes);
    assert!(expected.highlights.len() > 50 && expected.lanes.len() > 20);
}
