//! The annotation model and its saves: commands and undo, RON round trips,
//! damaged and newer files, finding the save of a moved article, two writers.

use std::path::Path;

use storyline::annotate::{
    AnnotateError, Annotations, Command, Highlight, HighlightColor, HighlightId, Selector,
    merge_highlights,
};
use storyline::document::{CharRange, Document, SourceFormat, TextIndex, parse_source};
use storyline::store::StoreError;
use storyline::store::article::{identity_for, open_annotations, save_file};
use storyline::store::saves::{SAVE_VERSION, backup_path, save_stem};

const TEXT: &str = "A title\n\nThe UK is expected to decide next week. Canada began the extradition \
    hearing this week.\n\nGermany will vote later this year.";

fn doc(text: &str) -> Document {
    parse_source(text, SourceFormat::Text, "t")
}

/// A temporary folder with the article `story.txt` and a `saves` folder path.
struct Fixture {
    dir: tempfile::TempDir,
    article: std::path::PathBuf,
    d: Document,
    saves: std::path::PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("story.txt");
    std::fs::write(&article, TEXT).expect("article");
    let saves = dir.path().join("saves");
    Fixture {
        dir,
        article,
        d: doc(TEXT),
        saves,
    }
}

/// Opens the article's annotations, adds one highlight ("h-2") and saves.
fn saved_one(
    saves: &Path,
    article: &Path,
    d: &Document,
) -> (
    storyline::store::saves::SaveHandle,
    Annotations,
    storyline::store::saves::ArticleIdentity,
) {
    let (mut handle, mut a, identity) = open_annotations(saves, article, d).expect("open");
    a.apply(
        Command::Add(highlight(d, "Germany will vote", "h-2")),
        ts(1),
    )
    .expect("add");
    handle.write(&save_file(&identity, &a, d)).expect("write");
    (handle, a, identity)
}

fn ts(s: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_700_000_000 + s).expect("time")
}

fn highlight(doc: &Document, quote: &str, id: &str) -> Highlight {
    let index = TextIndex::new(&doc.text);
    let byte = doc.text.find(quote).expect("quote");
    let start = index.char_of(byte).0;
    let sel = Selector::from_range(&index, CharRange::new(start, start + quote.chars().count()));
    Highlight::new(HighlightId(id.into()), sel, HighlightColor::Yellow, ts(0))
}

#[test]
fn commands_undo_and_redo_every_change() {
    let d = doc(TEXT);
    let mut a = Annotations::new(Vec::new(), &d.text);
    let h = highlight(&d, "expected to decide", "h-1");
    let id = h.id.clone();
    assert!(a.apply(Command::Add(h.clone()), ts(1)).expect("add"));
    assert_eq!(
        a.apply(Command::Add(h), ts(1)),
        Err(AnnotateError::Duplicate(id.clone()))
    );
    a.apply(
        Command::SetTags(id.clone(), vec!["UK".into(), " Decision ".into()]),
        ts(2),
    )
    .expect("tags");
    a.apply(Command::SetNote(id.clone(), "key date".into()), ts(3))
        .expect("note");
    a.apply(Command::SetColor(id.clone(), HighlightColor::Blue), ts(4))
        .expect("colour");
    let e = a.get(&id).expect("entry");
    assert_eq!(e.highlight.tags, vec!["decision", "uk"]);
    assert_eq!(e.highlight.modified, ts(4));
    // Setting the same value again is not a change.
    assert!(
        !a.apply(Command::SetNote(id.clone(), "key date".into()), ts(5))
            .expect("same")
    );
    a.apply(Command::Delete(id.clone()), ts(6)).expect("delete");
    assert!(a.get(&id).is_none());
    a.apply(Command::Undo, ts(7)).expect("undo delete");
    assert_eq!(
        a.get(&id).expect("back").highlight.color,
        HighlightColor::Blue
    );
    a.apply(Command::Undo, ts(7)).expect("undo colour");
    assert_eq!(
        a.get(&id).expect("entry").highlight.color,
        HighlightColor::Yellow
    );
    a.apply(Command::Redo, ts(7)).expect("redo");
    assert_eq!(
        a.get(&id).expect("entry").highlight.color,
        HighlightColor::Blue
    );
    for _ in 0..10 {
        a.apply(Command::Undo, ts(8)).expect("undo");
    }
    assert!(a.entries().is_empty());
    assert!(!a.can_undo());
    assert_eq!(
        a.apply(Command::Delete(id.clone()), ts(9)),
        Err(AnnotateError::Unknown(id))
    );
    a.set_read_only(true);
    assert_eq!(a.apply(Command::Redo, ts(9)), Err(AnnotateError::ReadOnly));
}

#[test]
fn save_round_trips_and_is_deterministic() {
    let Fixture {
        dir: _dir,
        article,
        d,
        saves,
    } = fixture();
    let (mut handle, mut a, identity) = open_annotations(&saves, &article, &d).expect("open");
    for (quote, id) in [("Germany will vote", "h-2"), ("expected to decide", "h-1")] {
        a.apply(Command::Add(highlight(&d, quote, id)), ts(1))
            .expect("add");
    }
    a.apply(
        Command::SetNote(HighlightId("h-2".into()), "a \"quoted\"\nnote".into()),
        ts(2),
    )
    .expect("note");
    handle.write(&save_file(&identity, &a, &d)).expect("write");
    let path = saves.join("story.ron");
    let first = std::fs::read_to_string(&path).expect("read");
    assert!(first.starts_with("(\n  version: 2,"), "{first}");
    assert!(!first.contains('\r'));
    // Sorted by position: h-1 comes before h-2.
    assert!(first.find("h-1").expect("h-1") < first.find("h-2").expect("h-2"));
    handle
        .write(&save_file(&identity, &a, &d))
        .expect("write again");
    assert_eq!(first, std::fs::read_to_string(&path).expect("read"));

    let (_, back, _) = open_annotations(&saves, &article, &d).expect("reopen");
    assert_eq!(back.to_highlights(&d.text), a.to_highlights(&d.text));
    assert_eq!(back.entries()[1].highlight.note, "a \"quoted\"\nnote");
}

#[test]
fn damaged_save_is_reported_with_line_and_left_untouched() {
    let Fixture {
        dir: _dir,
        article,
        d,
        saves,
    } = fixture();
    let (mut handle, a, identity) = saved_one(&saves, &article, &d);
    let path = saves.join("story.ron");
    let full = std::fs::read(&path).expect("read");
    let truncated = &full[..full.len() / 2];
    std::fs::write(&path, truncated).expect("truncate");
    let err = open_annotations(&saves, &article, &d).expect_err("damaged");
    let StoreError::Parse { line, .. } = &err else {
        panic!("expected a parse error, got {err}");
    };
    assert!(*line > 1);
    assert!(
        err.to_string().contains("story.ron is damaged at line"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), truncated);
    // The handle that wrote it refuses to overwrite a file it cannot read.
    assert!(handle.write(&save_file(&identity, &a, &d)).is_err());
    assert_eq!(std::fs::read(&path).expect("read"), truncated);
}

#[test]
fn newer_version_is_read_only_and_never_overwritten() {
    let Fixture {
        dir: _dir,
        article,
        d,
        saves,
    } = fixture();
    std::fs::create_dir_all(&saves).expect("dir");
    let identity = identity_for(&d, &article, &saves);
    let newer = format!(
        "(version: {}, article: (path: {:?}, fingerprint: {:?}), highlights: [], lanes: [])\n",
        SAVE_VERSION + 1,
        identity.path,
        identity.fingerprint
    );
    let path = saves.join("story.ron");
    std::fs::write(&path, &newer).expect("write");
    let (mut handle, mut a, identity) = open_annotations(&saves, &article, &d).expect("open");
    assert!(handle.read_only && a.is_read_only());
    assert_eq!(
        a.apply(Command::Add(highlight(&d, "Germany", "h-9")), ts(1)),
        Err(AnnotateError::ReadOnly)
    );
    assert!(matches!(
        handle.write(&save_file(&identity, &a, &d)),
        Err(StoreError::ReadOnly { .. })
    ));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), newer);
}

#[test]
fn atomic_write_keeps_a_backup_and_no_temp_files() {
    let Fixture {
        dir: _dir,
        article,
        d,
        saves,
    } = fixture();
    let (mut handle, mut a, identity) = saved_one(&saves, &article, &d);
    let v1 = std::fs::read(&handle.path).expect("v1");
    a.apply(
        Command::SetNote(HighlightId("h-2".into()), "n".into()),
        ts(2),
    )
    .expect("note");
    handle.write(&save_file(&identity, &a, &d)).expect("write");
    assert_eq!(std::fs::read(backup_path(&handle.path)).expect("bak"), v1);
    let names: Vec<String> = std::fs::read_dir(&saves)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != ".storyline.lock")
        .collect();
    // The save, its .bak, and the folder of kept versions.
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(
        names.iter().any(|n| n == ".storyline-versions"),
        "{names:?}"
    );
    let kept = storyline::store::versions::list(&handle.path);
    assert!(
        kept.iter()
            .any(|v| std::fs::read(&v.path).is_ok_and(|b| b == v1))
    );
}

#[test]
fn moved_article_keeps_its_save_and_namesakes_do_not_share() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saves = dir.path().join("saves");
    let a_dir = dir.path().join("a");
    let b_dir = dir.path().join("b");
    std::fs::create_dir_all(&a_dir).expect("a");
    std::fs::create_dir_all(&b_dir).expect("b");
    let first = a_dir.join("story.txt");
    std::fs::write(&first, TEXT).expect("write");
    let d = doc(TEXT);
    let (mut handle, mut a, identity) = open_annotations(&saves, &first, &d).expect("open");
    a.apply(
        Command::Add(highlight(&d, "Germany will vote", "h-2")),
        ts(1),
    )
    .expect("add");
    handle.write(&save_file(&identity, &a, &d)).expect("write");

    // Renamed and moved: found by the text's fingerprint.
    let moved = b_dir.join("renamed.txt");
    std::fs::rename(&first, &moved).expect("move");
    let (h2, a2, _) = open_annotations(&saves, &moved, &d).expect("open moved");
    assert_eq!(h2.path, saves.join("story.ron"));
    assert_eq!(a2.entries().len(), 1);

    // A different article that happens to be called story.txt gets its own save.
    let other_text = "Another title\n\nSomething else entirely.";
    let other = b_dir.join("story.txt");
    std::fs::write(&other, other_text).expect("write");
    let (h3, a3, _) = open_annotations(&saves, &other, &doc(other_text)).expect("open other");
    assert_ne!(h3.path, saves.join("story.ron"));
    assert!(a3.entries().is_empty());
}

#[test]
fn two_writers_do_not_lose_each_others_changes() {
    let Fixture {
        dir: _dir,
        article,
        d,
        saves,
    } = fixture();
    let (mut h1, mut a1, identity) = open_annotations(&saves, &article, &d).expect("open 1");
    let (mut h2, mut a2, _) = open_annotations(&saves, &article, &d).expect("open 2");
    a1.apply(
        Command::Add(highlight(&d, "Germany will vote", "h-a")),
        ts(1),
    )
    .expect("add");
    h1.write(&save_file(&identity, &a1, &d)).expect("write 1");
    a2.apply(Command::Add(highlight(&d, "Canada began", "h-b")), ts(2))
        .expect("add");
    let outcome = h2.write(&save_file(&identity, &a2, &d)).expect("write 2");
    assert!(outcome.merged);
    let (_, merged, _) = open_annotations(&saves, &article, &d).expect("reopen");
    let ids: Vec<&str> = merged
        .entries()
        .iter()
        .map(|e| e.highlight.id.0.as_str())
        .collect();
    assert_eq!(ids, vec!["h-b", "h-a"]);
}

#[test]
fn merge_prefers_edits_and_the_latest_change() {
    let d = doc(TEXT);
    let base = vec![highlight(&d, "Germany will vote", "h-1")];
    let mut ours = base.clone();
    ours[0].note = "ours".into();
    ours[0].modified = ts(5);
    let mut theirs = base.clone();
    theirs[0].note = "theirs".into();
    theirs[0].modified = ts(9);
    theirs[0].color = HighlightColor::Blue;
    ours[0].tags = vec!["uk".into()];
    theirs[0].tags = vec!["eu".into()];
    theirs[0].credit.author = Some("Ben".into());
    let merged = &merge_highlights(&base, &ours, &theirs)[0];
    // Both notes kept, the earlier first, the later named; the same
    // whichever side merges.
    assert_eq!(
        merged.note,
        "ours\n\n— also written, at the same time, by Ben:\ntheirs"
    );
    assert_eq!(merge_highlights(&base, &theirs, &ours)[0], *merged);
    // The later side's colour; both sides' tags.
    assert_eq!(merged.color, HighlightColor::Blue);
    assert_eq!(merged.tags, vec!["eu".to_owned(), "uk".to_owned()]);
    assert_eq!(merged.modified, ts(9));
    // Only one side changed the note: its note alone.
    let mut tagged = base.clone();
    tagged[0].tags = vec!["de".into()];
    assert_eq!(merge_highlights(&base, &ours, &tagged)[0].note, "ours");
    // A delete on one side loses to an edit on the other.
    assert_eq!(merge_highlights(&base, &ours, &[])[0].note, "ours");
    // A delete against an unchanged highlight wins.
    assert!(merge_highlights(&base, &base, &[]).is_empty());
}

#[test]
fn save_names_are_safe() {
    assert_eq!(
        save_stem(Path::new("/x/huawei-5g-2020-01-23.md")),
        "huawei-5g-2020-01-23"
    );
    assert_eq!(save_stem(Path::new("../../etc/passwd")), "passwd");
    assert_eq!(save_stem(Path::new("/x/..md")), "article");
    assert_eq!(save_stem(Path::new("/x/CON.md")), "CON-article");
    assert_eq!(save_stem(Path::new("/x/com1.txt")), "com1-article");
    assert_eq!(save_stem(Path::new("/x/Ünïcode story?.md")), "n-code-story");
    let long = format!("/x/{}.md", "a".repeat(300));
    assert_eq!(save_stem(Path::new(&long)).len(), 80);
}

#[test]
fn the_shipped_sample_save_anchors_exactly() {
    let (_, loaded) = storyline::store::sample::load_sample();
    let (handle, a, _) = open_annotations(
        Path::new("saves"),
        Path::new("assets/articles/huawei-5g-2020-01-23.md"),
        &loaded.document,
    )
    .expect("shipped save");
    assert!(!handle.read_only);
    assert!(a.entries().len() >= 12);
    let tags = a.tag_counts();
    for tag in ["uk", "canada", "germany", "us-pressure", "security", "cost"] {
        assert!(tags.contains_key(tag), "missing tag {tag}");
    }
    for e in a.entries() {
        assert_eq!(e.anchor.status.name(), "anchored", "{:?}", e.highlight.id);
        assert!(!e.highlight.tags.is_empty());
    }
}

mod timeline {
    use super::*;
    use storyline::timeline::{Event, EventId, EventKind, Lane, LaneColor, LaneId, When};

    fn lane(id: &str) -> Lane {
        Lane {
            modified: None,
            id: LaneId(id.into()),
            name: id.into(),
            color: LaneColor::Blue,
            order: 0,
            keywords: Vec::new(),
        }
    }

    fn event(id: &str, lanes: &[&str], evidence: &[&str]) -> Event {
        Event {
            credit: storyline::credit::Credit::default(),
            id: EventId(id.into()),
            title: id.into(),
            when: When::day(jiff::civil::date(2020, 1, 31)),
            lanes: lanes.iter().map(|l| LaneId((*l).into())).collect(),
            evidence: evidence.iter().map(|h| HighlightId((*h).into())).collect(),
            note: String::new(),
            kind: EventKind::Expected,
            modified: ts(0),
            source: None,
        }
    }

    fn setup() -> Annotations {
        let d = doc(TEXT);
        let mut a = Annotations::new(Vec::new(), &d.text);
        a.apply(
            Command::Batch(vec![
                Command::Add(highlight(&d, "expected to decide", "h-1")),
                Command::AddLane(lane("uk")),
                Command::AddLane(lane("eu")),
                Command::AddEvent(event("e-1", &["uk"], &["h-1"])),
                Command::AddEvent(event("e-2", &["uk", "eu"], &["h-1"])),
            ]),
            ts(1),
        )
        .expect("batch");
        a
    }

    #[test]
    fn a_batch_is_one_undo_step_and_fails_as_a_whole() {
        let mut a = setup();
        assert_eq!(
            (a.entries().len(), a.lanes().len(), a.events().len()),
            (1, 2, 2)
        );
        a.apply(Command::Undo, ts(2)).expect("undo");
        assert_eq!(
            (a.entries().len(), a.lanes().len(), a.events().len()),
            (0, 0, 0)
        );
        a.apply(Command::Redo, ts(2)).expect("redo");
        assert_eq!(a.events().len(), 2);
        // A batch with a bad step changes nothing.
        let err = a.apply(
            Command::Batch(vec![
                Command::AddLane(lane("de")),
                Command::DeleteEvent(EventId("nope".into())),
            ]),
            ts(3),
        );
        assert!(err.is_err());
        assert_eq!(a.lanes().len(), 2);
    }

    #[test]
    fn deleting_evidence_unlinks_or_deletes_events_undoably() {
        let mut a = setup();
        a.apply(Command::Delete(HighlightId("h-1".into())), ts(2))
            .expect("delete");
        assert_eq!(a.events().len(), 2);
        assert!(a.events().iter().all(|e| e.evidence.is_empty()));
        a.apply(Command::Undo, ts(3)).expect("undo");
        assert!(a.events().iter().all(|e| e.evidence.len() == 1));
        a.apply(Command::DeleteWithEvents(HighlightId("h-1".into())), ts(4))
            .expect("delete all");
        assert!(a.events().is_empty() && a.entries().is_empty());
        a.apply(Command::Undo, ts(5)).expect("undo");
        assert_eq!((a.entries().len(), a.events().len()), (1, 2));
    }

    #[test]
    fn deleting_a_lane_keeps_events_in_other_lanes() {
        let mut a = setup();
        a.apply(Command::DeleteLane(LaneId("uk".into())), ts(2))
            .expect("delete lane");
        let ids: Vec<&str> = a.events().iter().map(|e| e.id.0.as_str()).collect();
        assert_eq!(ids, vec!["e-2"]);
        assert_eq!(a.events()[0].lanes, vec![LaneId("eu".into())]);
        a.apply(Command::Undo, ts(3)).expect("undo");
        assert_eq!(a.events().len(), 2);
    }

    #[test]
    fn timeline_round_trips_through_the_save() {
        let Fixture {
            dir: _dir,
            article,
            d,
            saves,
        } = fixture();
        let (mut handle, mut a, identity) = open_annotations(&saves, &article, &d).expect("open");
        let setup = setup();
        a.apply(
            Command::Add(highlight(&d, "expected to decide", "h-1")),
            ts(1),
        )
        .expect("add");
        for l in setup.lanes() {
            a.apply(Command::AddLane(l.clone()), ts(1)).expect("lane");
        }
        for e in setup.events() {
            a.apply(Command::AddEvent(e.clone()), ts(1)).expect("event");
        }
        a.apply(Command::Dismiss("abc:next week".into()), ts(1))
            .expect("dismiss");
        handle.write(&save_file(&identity, &a, &d)).expect("write");
        let text = std::fs::read_to_string(&handle.path).expect("read");
        assert!(
            text.contains("version: 2,") && text.contains("lanes: [") && text.contains("events: [")
        );
        let (_, back, _) = open_annotations(&saves, &article, &d).expect("reopen");
        assert_eq!(back.lanes(), a.lanes());
        assert_eq!(back.events(), a.events());
        assert!(back.is_dismissed("abc:next week"));
    }
}

#[test]
fn each_change_carries_its_writer() {
    use storyline::credit::Stamp;
    let d = doc(TEXT);
    let mut a = Annotations::new(Vec::new(), &d.text);
    let ana = |s| Stamp::new(ts(s), Some("Ana"));
    let ben = |s| Stamp::new(ts(s), Some("Ben"));
    a.apply(
        Command::Add(highlight(&d, "Germany will vote", "h-1")),
        ana(1),
    )
    .expect("add");
    let get = |a: &Annotations| a.entries()[0].highlight.credit.clone();
    assert_eq!(get(&a).author.as_deref(), Some("Ana"));
    a.apply(
        Command::SetNote(HighlightId("h-1".into()), "why".into()),
        ben(2),
    )
    .expect("note");
    assert_eq!(get(&a).describe(), "Ana, edited by Ben");
    // The author's own edit: no other editor.
    a.apply(
        Command::SetTags(HighlightId("h-1".into()), vec!["de".into()]),
        ana(3),
    )
    .expect("tags");
    assert_eq!(get(&a).describe(), "Ana");
    // Undo gives back the credit with the rest.
    a.apply(Command::Undo, ana(4)).expect("undo");
    assert_eq!(get(&a).describe(), "Ana, edited by Ben");
    // A delete leaves a tombstone; its undo takes it back, and the
    // highlight is newer than the delete (a merge elsewhere keeps it).
    a.apply(Command::Delete(HighlightId("h-1".into())), ana(10))
        .expect("delete");
    assert_eq!(a.removed(), vec![(HighlightId("h-1".into()), ts(10))]);
    a.apply(Command::Undo, ana(11)).expect("undo");
    assert!(a.removed().is_empty());
    assert_eq!(a.entries()[0].highlight.modified, ts(11));
    // No name known: nothing recorded, nothing written.
    let mut b = Annotations::new(Vec::new(), &d.text);
    b.apply(Command::Add(highlight(&d, "Canada began", "h-2")), ts(1))
        .expect("add");
    assert!(b.entries()[0].highlight.credit.is_empty());
}
