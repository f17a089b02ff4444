//! News-database exports (Factiva and `LexisNexis` TXT, Nexis Uni RTF): each
//! article becomes its own page beside the dossier, keeping its metadata;
//! the export itself is never written to; the window offers the import.

use crate::common;
use crate::common::{ok, storyline_in};

use std::path::Path;

use egui_kittest::kittest::Queryable as _;

fn fixture(dir: &Path, name: &str) -> Vec<u8> {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/formats")
            .join(name),
    )
    .expect("fixture");
    std::fs::write(dir.join(name), &bytes).expect("copy");
    bytes
}

/// The CLI's output in `dir` (failing the test when it fails).
fn storyline(dir: &Path, args: &[&str]) -> String {
    ok(&storyline_in(dir, args))
}

#[test]
fn each_export_becomes_articles_with_their_metadata_and_twice_adds_nothing() {
    for (name, n, first_title, first_source, first_date) in [
        (
            "factiva-export.txt",
            3,
            "Britain gives Huawei limited role in 5G networks",
            "The Harbour Post",
            "2020-01-28",
        ),
        (
            "lexis-export.txt",
            2,
            "Britain gives Huawei limited role in 5G networks",
            "The Harbour Post (London)",
            "2020-01-28",
        ),
        (
            "nexis-uni-export.rtf",
            2,
            "Britain gives Huawei limited role in 5G networks",
            "The Harbour Post (London)",
            "2020-01-28",
        ),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        let original = fixture(d, name);
        storyline(d, &["dossier", "new", "story.dossier.ron"]);
        let said = storyline(d, &["dossier", "add", "story.dossier.ron", name]);
        assert!(
            said.contains(&format!("{n} articles, each an article in")),
            "{name}: {said}"
        );
        let list: serde_json::Value = serde_json::from_str(&storyline(
            d,
            &["dossier", "list", "story.dossier.ron", "--json"],
        ))
        .expect("json");
        let articles = list["articles"]
            .as_array()
            .unwrap_or_else(|| list.as_array().expect("list"));
        assert_eq!(articles.len(), n, "{name}: {list}");
        // The folder beside the dossier, one page per article.
        let stem = name.split('.').next().expect("stem");
        let pages: Vec<_> = std::fs::read_dir(d.join(stem)).expect("folder").collect();
        assert_eq!(pages.len(), n, "{name}");
        let first = std::fs::read_dir(d.join(stem))
            .expect("folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .min()
            .expect("a page");
        let info: serde_json::Value = serde_json::from_str(&storyline(
            d,
            &["info", first.to_str().expect("path"), "--json"],
        ))
        .expect("json");
        assert_eq!(info["title"], first_title, "{name}: {info}");
        assert_eq!(info["source"], first_source, "{name}: {info}");
        assert_eq!(info["published"], first_date, "{name}: {info}");
        // Again: nothing new; the export untouched.
        storyline(d, &["dossier", "add", "story.dossier.ron", name]);
        assert_eq!(
            std::fs::read_dir(d.join(stem)).expect("folder").count(),
            n,
            "{name}"
        );
        assert_eq!(
            std::fs::read(d.join(name)).expect("export"),
            original,
            "{name}"
        );
    }
}

#[test]
fn opening_an_export_offers_to_import_its_articles_into_a_dossier() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    fixture(d, "factiva-export.txt");
    let export = d.join("factiva-export.txt");
    let mut h = common::window(Some(&export), &d.join("saves"), Vec::new());
    h.get_by_label("Import 3 articles into a dossier").click();
    h.run_steps(4);
    let dossier = h.state().dossier().expect("a dossier is open");
    assert_eq!(dossier.path, d.join("factiva-export.dossier.ron"));
    assert_eq!(dossier.dossier.articles.len(), 3);
    assert!(d.join("factiva-export.dossier.ron").exists());
    assert!(
        h.query_by_label("Import 3 articles into a dossier")
            .is_none()
    );
}
