//! The bundled sample reads as the article it is.

use std::path::Path;

use storyline::document::{BlockKind, SpanStyle, load_path};

fn sample() -> storyline::document::Document {
    load_path(Path::new("assets/articles/huawei-5g-2020-01-23.md"))
        .expect("sample loads")
        .document
}

#[test]
fn sample_metadata() {
    let doc = sample();
    assert_eq!(
        doc.meta.title,
        "Facing pushback from allies, U.S. is pressing its campaign to ban Huawei from 5G cellular networks"
    );
    assert_eq!(doc.meta.source.as_deref(), Some("Wall Street Journal"));
    assert_eq!(
        doc.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2020-01-23")
    );
    assert_eq!(doc.blocks[0].kind, BlockKind::Title);
    assert_eq!(doc.blocks[1].kind, BlockKind::Dateline);
    assert!(
        doc.meta.word_count > 1300 && doc.meta.word_count < 1450,
        "{}",
        doc.meta.word_count
    );
}

#[test]
fn sample_plain_text_is_clean() {
    let doc = sample();
    assert!(!doc.text.contains("(#)"));
    assert!(!doc.text.contains("\\$"));
    assert!(
        doc.text
            .contains("has a $60 billion cap and has already committed $1 billion")
    );
    assert!(
        doc.text
            .contains("that the U.S. considers a spying threat.")
    );
    assert!(
        doc.text.contains(
            "The latest setback came last week when UK officials stood their ground after"
        )
    );
    assert!(
        doc.text
            .contains("Sweden’s Ericsson AB, Finland’s Nokia Corp.")
    );
    assert!(!doc.text.contains("]("));
    assert_eq!(doc.char_len, doc.text.chars().count());
    // Placeholder links are not links.
    assert!(
        !doc.spans
            .iter()
            .any(|s| matches!(s.style, SpanStyle::Link { .. }))
    );
}

#[test]
fn sample_text_is_stable_and_blocks_are_consistent() {
    let a = sample();
    let b = sample();
    assert_eq!(a.text, b.text);
    assert_eq!(a.fingerprint(), b.fingerprint());
    for w in a.blocks.windows(2) {
        assert!(w[0].range.end < w[1].range.start);
        let gap = a.slice(storyline::document::CharRange {
            start: w[0].range.end,
            end: w[1].range.start,
        });
        assert_eq!(gap, Some("\n\n"));
    }
    for block in &a.blocks {
        assert_eq!(a.slice(block.range), Some(a.block_text(block)));
    }
}

#[test]
fn sample_block_structure_snapshot() {
    let doc = sample();
    let outline: Vec<String> = doc
        .blocks
        .iter()
        .map(|b| {
            let text = doc.block_text(b);
            let head: String = text.chars().take(48).collect();
            format!(
                "{:>5}..{:<5} {:?} {head}",
                b.range.start.0, b.range.end.0, b.kind
            )
        })
        .collect();
    insta::assert_snapshot!(outline.join("\n"));
}

#[test]
fn sample_timeline_layout_snapshot() {
    use std::fmt::Write as _;
    use storyline::timeline::layout::{LayoutParams, initial_view, layout};
    let (path, loaded) = storyline::store::sample::load_sample();
    let (_, ann, _) = storyline::store::article::open_annotations(
        std::path::Path::new("saves"),
        &path,
        &loaded.document,
    )
    .expect("shipped save");
    let published = loaded.document.meta.published;
    let params = LayoutParams {
        width: 900.0,
        row_height: 22.0,
        lane_gap: 4.0,
        char_width: 6.5,
        max_rows: 4,
        height: 0.0,
    };
    let view = initial_view(ann.events(), published);
    let l = layout(ann.lanes(), ann.events(), view, published, &params);
    let mut out = String::new();
    for lane in &l.lanes {
        let _ = writeln!(
            out,
            "lane {:<22} top {:>5.1} height {:>5.1}",
            lane.name, lane.top, lane.height
        );
    }
    for p in &l.items {
        let title = &ann.event(&p.event).expect("event").title;
        let _ = writeln!(
            out,
            "{:<22} {:>6.1}..{:<6.1} y {:>5.1} {}{} {:<45} {:?} {:?}",
            l.lanes[p.lane].name,
            p.x0,
            p.x1,
            p.y,
            if p.point { "point" } else { "bar  " },
            if p.expected { " expected" } else { " reported" },
            title,
            p.side,
            p.label
        );
    }
    let _ = writeln!(
        out,
        "published x {:?}",
        l.publication_x.map(|x| (x * 10.0).round() / 10.0)
    );
    let ticks: Vec<String> = l
        .ticks
        .iter()
        .filter(|t| !t.label.is_empty())
        .map(|t| format!("{}@{:.0}", t.label, t.x))
        .collect();
    let _ = writeln!(out, "ticks {}", ticks.join(" "));
    insta::assert_snapshot!(out);
}

fn overlap(a: [f32; 4], b: [f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// At every width from 400 to 2000 points and at a laptop's and a big
/// screen's timeline height, every one of the sample's events is titled
/// (or counted in a "+N"), and no title overlaps a title or a mark.
#[test]
fn the_sample_timeline_is_readable_at_every_width() {
    use storyline::timeline::layout::{LayoutParams, fit_all, initial_view, layout};
    let (path, loaded) = storyline::store::sample::load_sample();
    let (_, ann, _) = storyline::store::article::open_annotations(
        std::path::Path::new("saves"),
        &path,
        &loaded.document,
    )
    .expect("shipped save");
    let published = loaded.document.meta.published;
    for width in (400..=2000).step_by(50) {
        for height in [0.0, 190.0, 330.0] {
            let p = LayoutParams {
                width: width as f32,
                row_height: 21.0,
                lane_gap: 3.0,
                char_width: 6.5,
                max_rows: 4,
                height,
            };
            for view in [
                initial_view(ann.events(), published),
                fit_all(ann.events(), published),
            ] {
                let l = layout(ann.lanes(), ann.events(), view, published, &p);
                let counted: usize = l.lanes.iter().map(|lane| lane.hidden.len()).sum();
                let in_view = ann
                    .events()
                    .iter()
                    .filter(|e| {
                        let d = storyline::timeline::layout::day_number;
                        d(e.when.end) + 1.0 > view.start && d(e.when.start) < view.end
                    })
                    .count();
                assert_eq!(l.items.len() + counted, in_view, "{width}x{height}");
                if width >= 900 && height > 300.0 {
                    assert_eq!(counted, 0, "{width}x{height}: all ten titled");
                }
                for (i, a) in l.items.iter().enumerate() {
                    let la = a.label_box().expect("titled");
                    assert!(la[0] >= 0.0 && la[2] <= p.width + 0.01, "{width}: {a:?}");
                    for (j, b) in l.items.iter().enumerate() {
                        assert!(
                            !overlap(la, b.mark_box()),
                            "{width}: title over a mark {a:?} {b:?}"
                        );
                        if j > i {
                            let lb = b.label_box().expect("titled");
                            assert!(!overlap(la, lb), "{width}: titles overlap {a:?} {b:?}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn an_installed_binary_gets_the_sample_with_its_highlights_and_timeline() {
    use storyline::store::article::open_annotations;
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, saves) = (dir.path().join("data"), dir.path().join("saves"));
    let article = storyline::store::sample::install_sample(&data, &saves).expect("installed");
    let doc = load_path(&article).expect("sample loads").document;
    let (_, ann, _) = open_annotations(&saves, &article, &doc).expect("save opens");
    assert_eq!(ann.entries().len(), 19);
    assert_eq!(ann.lanes().len(), 3);
    assert_eq!(ann.events().len(), 10);
    assert!(ann.orphans().is_empty());
    // A reader's own save is never overwritten by a second start.
    let save = saves.join("huawei-5g-2020-01-23.ron");
    std::fs::write(&save, "the reader's own").expect("write");
    storyline::store::sample::install_sample(&data, &saves).expect("installed again");
    assert_eq!(
        std::fs::read_to_string(&save).expect("read"),
        "the reader's own"
    );
}
