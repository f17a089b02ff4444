//! `storyline dossier key-dates` on the sample dossier and on a dossier
//! made from scratch: the story's key dates, in its three storylines.

use crate::common;

use common::{json, sample_dossier, storyline};

#[test]
fn the_sample_dossiers_key_dates_fall_into_its_three_storylines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_dossier(dir.path());
    let saves = dir.path().join("saves");
    let out = storyline(
        &saves,
        &[
            "dossier",
            "key-dates",
            file.to_str().expect("utf-8"),
            "--json",
        ],
    );
    let v = json(&out);
    let dates = v.as_array().expect("a list");
    let lane_of = |day: &str| {
        dates
            .iter()
            .find(|k| k["date"] == day)
            .unwrap_or_else(|| panic!("{day} is a key date: {v:#}"))["lane"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(lane_of("2020-01-28"), "UK decision");
    assert_eq!(lane_of("2018-12-01"), "Canadian extradition");
    assert_eq!(lane_of("2021-04-23"), "German vote");
    for k in dates {
        for field in [
            "date",
            "precision",
            "score",
            "why",
            "title",
            "lane",
            "sentences",
            "sources",
        ] {
            assert!(k.get(field).is_some(), "{field} in {k:#}");
        }
        assert!(!k["sentences"].as_array().expect("sentences").is_empty());
        for s in k["sources"].as_array().expect("sources") {
            for field in ["article", "published", "phrase", "quote", "offset"] {
                assert!(s.get(field).is_some(), "{field} in {s:#}");
            }
        }
    }
    // The arrest is named by three briefs: it comes first, and says so.
    assert_eq!(dates[0]["date"], "2018-12-01");
    assert!(
        dates[0]["why"]
            .as_str()
            .is_some_and(|w| w.starts_with("reported by 3 articles")),
        "{:#}",
        dates[0]
    );
    // Same input, same output.
    let again = storyline(
        &saves,
        &[
            "dossier",
            "key-dates",
            file.to_str().expect("utf-8"),
            "--json",
        ],
    );
    assert_eq!(out.stdout, again.stdout);
}

#[test]
fn a_count_a_span_and_text_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = sample_dossier(dir.path());
    let saves = dir.path().join("saves");
    let f = file.to_str().expect("utf-8");
    let v = json(&storyline(
        &saves,
        &[
            "dossier",
            "key-dates",
            f,
            "--dates",
            "2",
            "--sentences",
            "1",
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--json",
        ],
    ));
    let dates = v.as_array().expect("a list");
    assert_eq!(dates.len(), 2);
    for k in dates {
        let d = k["date"].as_str().expect("date");
        assert!(d.starts_with("2020-"), "{d}");
        assert_eq!(k["sentences"].as_array().expect("sentences").len(), 1);
    }
    let text = storyline(&saves, &["dossier", "key-dates", f]);
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("1. 2018-12-01"), "{text}");
    assert!(text.contains("why: reported by"), "{text}");
    assert!(text.contains("named in the articles"), "{text}");
}

/// The field's way of measuring (a dossier made in one folder from
/// articles kept in another): the articles named on the command line are
/// the user's choice, read without a `dossier trust`, also by `add`; a
/// colleague's dossier reaching out is still not read (tests/it/hostile.rs).
#[test]
fn a_dossier_made_from_articles_elsewhere_reads_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus");
    let work = dir.path().join("work");
    std::fs::create_dir_all(&corpus).expect("corpus");
    std::fs::create_dir_all(&work).expect("work");
    let write = |name: &str, text: &str| {
        let p = corpus.join(name);
        std::fs::write(&p, text).expect("article");
        p.to_str().expect("utf-8").to_owned()
    };
    let first = write(
        "a.md",
        "# Dam talks\n\nPublished: 2021-03-02\n\nThe two governments signed the dam accord on Feb. 26, officials said.\n",
    );
    let second = write(
        "b.md",
        "# Dam accord\n\nPublished: 2021-03-05\n\nThe accord, signed Feb. 26, takes effect on April 1.\n",
    );
    let third = write(
        "c.md",
        "# Dam opens\n\nPublished: 2021-04-02\n\nThe accord signed on Feb. 26 took effect on Thursday.\n",
    );
    let saves = dir.path().join("saves");
    let file = work.join("dam.dossier.ron");
    let f = file.to_str().expect("utf-8");
    let made = storyline(&saves, &["dossier", "new", f, &first, &second]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let added = storyline(&saves, &["dossier", "add", f, &third]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let out = storyline(&saves, &["dossier", "key-dates", f, "--json"]);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("not read"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let dates: Vec<&str> = v
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|k| k["date"].as_str())
        .collect();
    assert_eq!(dates.first(), Some(&"2021-02-26"), "{v:#}");
}

#[test]
fn a_missing_dossier_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = storyline(
        dir.path(),
        &[
            "dossier",
            "key-dates",
            dir.path().join("none.dossier.ron").to_str().expect("utf-8"),
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("none.dossier.ron"));
}
