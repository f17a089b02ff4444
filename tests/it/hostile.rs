//! A dossier from someone else is untrusted input: paths that leave its
//! folder are not read until the user agrees; hostile saves and dossiers
//! (huge, deeply nested, colliding ids, mentions pointing anywhere) are
//! refused or contained with a message, never a panic; conflict-copy
//! merging never follows a link out of the folder.

use crate::common;

use std::path::Path;

use egui_kittest::kittest::Queryable as _;
use storyline::app::{Command, WindowCommand};

/// A dossier folder (a copy of the sample's) whose dossier also lists a
/// file beside the folder, by `..`, and one reached through a link.
fn dossier_reaching_out(dir: &Path) -> std::path::PathBuf {
    let file = common::sample_dossier(dir);
    let secret = dir.join("secret.md");
    std::fs::write(
        &secret,
        "# Private notes\n\nThe source's home address is 12 Elm Street. Published January 5, 2020.\n",
    )
    .expect("secret");
    let saves = dir.join("global");
    std::fs::create_dir_all(&saves).expect("saves");
    let out = common::storyline(
        &saves,
        &[
            "dossier",
            "add",
            file.to_str().expect("utf-8"),
            secret.to_str().expect("utf-8"),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&file).expect("dossier");
    // As a colleague's dossier would have it: `../secret.md`.
    let text = text.replace(secret.to_str().expect("utf-8"), "../secret.md");
    std::fs::write(&file, text).expect("write");
    file
}

#[test]
fn paths_leaving_the_folder_are_read_only_after_agreeing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dossier_reaching_out(dir.path());
    let saves = dir.path().join("global");
    let export = |saves: &Path| {
        let out = common::storyline(
            saves,
            &[
                "dossier",
                "export",
                file.to_str().expect("utf-8"),
                "--format",
                "md",
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8(out.stdout).expect("utf-8"),
            String::from_utf8(out.stderr).expect("utf-8"),
        )
    };
    let (md, warning) = export(&saves);
    assert!(!md.contains("Private notes"), "{md}");
    assert!(
        warning.contains("1 article of") && warning.contains("../secret.md"),
        "{warning}"
    );
    assert!(warning.contains("storyline dossier trust"), "{warning}");
    let listed = common::storyline(&saves, &["dossier", "list", file.to_str().expect("utf-8")]);
    assert!(
        String::from_utf8_lossy(&listed.stdout).contains("OUTSIDE THE FOLDER, NOT READ"),
        "dossier list says which are not read"
    );

    // The window: listed, not read, and a button to agree.
    let mut h = common::window(None, &saves, vec![]);
    h.state_mut()
        .send(Command::Window(WindowCommand::Open(file.clone())));
    h.run_steps(6);
    let open = h.state().dossier().expect("dossier");
    assert!(open.outside.contains("../secret.md"));
    assert!(open.missing.contains("../secret.md"), "never read");
    h.get_by_label("outside the folder — not read");
    assert!(
        h.state()
            .messages()
            .iter()
            .any(|m| m.text.contains("../secret.md") && m.action.is_some()),
        "said, with a button"
    );
    h.get_by_label("Read outside articles").click();
    h.run_steps(8);
    let open = h.state().dossier().expect("dossier");
    assert!(open.outside.is_empty() && open.missing.is_empty());

    // Agreed on the command line (the window above remembers nothing).
    let out = common::storyline(&saves, &["dossier", "trust", file.to_str().expect("utf-8")]);
    assert!(out.status.success());
    let (md, warning) = export(&saves);
    assert!(md.contains("Private notes"), "{md}");
    assert!(warning.is_empty(), "{warning}");
}

#[test]
fn the_cli_agreement_lists_what_it_reads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dossier_reaching_out(dir.path());
    let saves = dir.path().join("global");
    let out = common::storyline(&saves, &["dossier", "trust", file.to_str().expect("utf-8")]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("1 article outside the dossier's folder will be read")
            && text.contains("../secret.md"),
        "{text}"
    );
}

#[test]
fn hostile_files_are_refused_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saves = dir.path().join("saves");
    std::fs::create_dir_all(&saves).expect("saves");
    let base = dir.path().join("base.ron");
    let ours = dir.path().join("ours.ron");
    let theirs = dir.path().join("theirs.ron");
    let good = "(version: 1, name: \"x\")\n";
    std::fs::write(&base, good).expect("base");
    std::fs::write(&ours, good).expect("ours");
    let merge = |name: &str| {
        common::storyline(
            &saves,
            &[
                "merge-driver",
                base.to_str().expect("utf-8"),
                ours.to_str().expect("utf-8"),
                theirs.to_str().expect("utf-8"),
                name,
            ],
        )
    };
    // Deeply nested: refused, OURS untouched, no crash.
    let deep = format!(
        "(version: 1, name: \"x\", articles: {})",
        "[".repeat(200_000)
    );
    std::fs::write(&theirs, deep).expect("theirs");
    let out = merge("story.dossier.ron");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        err.contains("story.dossier.ron is damaged") && !err.contains("panicked"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&ours).expect("ours"), good);
    // Huge: refused without reading it all.
    let huge = std::fs::File::create(&theirs).expect("huge");
    huge.set_len(storyline::store::MAX_RON_BYTES + 10)
        .expect("sparse");
    let out = merge("saves/a.ron");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(err.contains("larger than any save or dossier"), "{err}");
    assert_eq!(std::fs::read_to_string(&ours).expect("ours"), good);
}

#[test]
fn colliding_ids_and_stray_mentions_are_contained() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = common::sample_dossier(dir.path());
    let saves = dir.path().join("global");
    std::fs::create_dir_all(&saves).expect("saves");
    let mut d = storyline::store::dossier::read_dossier(&file).expect("dossier");
    // Two events with one id; a mention of an article not in the dossier,
    // at an offset past any text; one citing another article's highlights;
    // the same article listed twice.
    let mut twin = d.events[0].clone();
    twin.title = "A twin".into();
    d.events.push(twin);
    let mut stray = d.events[1].clone();
    stray.id = storyline::ids::EventId("e-stray".into());
    stray.mentions[0].article = "../../elsewhere.md".into();
    stray.mentions[0].offset = usize::MAX / 2;
    stray.mentions[0].evidence = vec![storyline::ids::HighlightId("h-not-here".into())];
    d.events.push(stray);
    let mut other = d.events[2].clone();
    other.id = storyline::ids::EventId("e-other".into());
    other.mentions[0].article = d.articles[1].path.clone();
    other.mentions[0].offset = 10_000_000;
    d.events.push(other);
    d.articles.push(d.articles[0].clone());
    // Written as a colleague's file would be (not through Storyline).
    std::fs::write(&file, ron::ser::to_string(&d).expect("ron")).expect("write");

    for args in [
        vec!["dossier", "events", file.to_str().expect("utf-8"), "--json"],
        vec![
            "dossier",
            "export",
            file.to_str().expect("utf-8"),
            "--format",
            "json",
        ],
        vec!["dossier", "list", file.to_str().expect("utf-8")],
    ] {
        let out = common::storyline(&saves, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    // The window opens it, shows the timeline and jumps to the stray
    // mention without a panic.
    let mut h = common::window(None, &saves, vec![]);
    h.state_mut()
        .send(Command::Window(WindowCommand::Open(file.clone())));
    h.run_steps(8);
    let open = h.state().dossier().expect("dossier");
    let ids: Vec<&str> = open
        .dossier
        .events
        .iter()
        .map(|e| e.id.0.as_str())
        .collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "ids made unique: {ids:?}");
    assert!(
        !ids.contains(&"e-stray"),
        "a mention of an article not in the dossier goes"
    );
    // Selecting the event whose mention points past its article's text.
    h.state_mut().send(Command::Dossier(
        storyline::app::dossier::DossierAction::Select(Some(storyline::ids::EventId(
            "e-other".into(),
        ))),
    ));
    h.run_steps(4);
    let articles: Vec<&str> = h
        .state()
        .dossier()
        .expect("dossier")
        .dossier
        .articles
        .iter()
        .map(|a| a.path.as_str())
        .collect();
    let mut unique = articles.clone();
    unique.dedup();
    assert_eq!(articles, unique, "an article listed once");
}

#[cfg(unix)]
#[test]
fn a_link_named_like_a_conflict_copy_is_never_followed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("story");
    std::fs::create_dir_all(&folder).expect("dir");
    let file = folder.join("a.ron");
    std::fs::write(
        &file,
        "(version: 1, article: (fingerprint: \"x\"), highlights: [])\n",
    )
    .expect("save");
    let outside = dir.path().join("outside.ron");
    std::fs::write(&outside, "not yours").expect("outside");
    let link = folder.join("a.sync-conflict-20260101-101010-ABCDEFG.ron");
    std::os::unix::fs::symlink(&outside, &link).expect("link");
    let merged = storyline::store::conflict_copies::absorb_save(&file).expect("absorb");
    assert!(merged.is_empty());
    assert!(link.symlink_metadata().is_ok(), "left where it is");
    assert_eq!(
        std::fs::read_to_string(&outside).expect("outside"),
        "not yours"
    );
}

#[test]
fn a_save_with_repeated_ids_and_places_past_the_text_is_contained() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saves = dir.path().join("saves");
    std::fs::create_dir_all(&saves).expect("saves");
    let article = dir.path().join("a.md");
    std::fs::copy("assets/articles/huawei-5g-2020-01-23.md", &article).expect("copy");
    let ok = |args: &[&str]| {
        let out = common::storyline(&saves, args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let a = article.to_str().expect("utf-8");
    ok(&["annotate", a, "--quote", "Huawei", "--occurrence", "1"]);
    ok(&["annotate", a, "--quote", "Germany", "--occurrence", "1"]);
    let save = std::fs::read_dir(&saves)
        .expect("saves")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "ron") && !p.ends_with("state.ron"))
        .expect("save");
    let text = std::fs::read_to_string(&save).expect("save");
    // Every id the same; a place far past the end of the text.
    let ids: Vec<String> = text
        .match_indices("id: \"h-")
        .map(|(i, _)| text[i + 5..i + 19].to_owned())
        .collect();
    let mut hostile = text.replace(&ids[1], &ids[0]);
    hostile = hostile.replacen("start: ", "start: 9999999999", 1);
    std::fs::write(&save, hostile).expect("write");
    let out = common::storyline(&saves, &["list", a, "--json"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    let mut h = common::window(Some(&article), &saves, vec![]);
    h.run_steps(4);
    let n = common::annotations(&h).entries().len();
    assert_eq!(n, 1, "one highlight per id");
}

/// What the reader adds to a dossier from outside its folder is their own
/// choice: read at once and in every later window, never asked about.
#[test]
fn articles_the_reader_adds_from_outside_are_read_in_later_windows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let work = dir.path().join("work");
    std::fs::create_dir_all(&work).expect("work");
    let file = work.join("mine.dossier.ron");
    let saves = dir.path().join("saves");
    let made = common::storyline(&saves, &["dossier", "new", file.to_str().expect("utf-8")]);
    assert!(made.status.success());
    let elsewhere = dir.path().join("downloads");
    std::fs::create_dir_all(&elsewhere).expect("downloads");
    let article = elsewhere.join("report.md");
    std::fs::write(
        &article,
        "# Report\n\nPublished: 2021-03-02\n\nThe ministry approved the plan on Feb. 26.\n",
    )
    .expect("article");
    let state = dir.path().join("state").join("state.ron");
    let window = || {
        common::harness(common::app_with_state(
            None,
            &saves,
            storyline::store::AppState::default(),
            Some(state.clone()),
            vec![],
        ))
    };
    let mut h = window();
    h.state_mut()
        .send(Command::Window(WindowCommand::Open(file.clone())));
    h.run_steps(6);
    h.state_mut().send(Command::Dossier(
        storyline::app::dossier::DossierAction::Add(vec![article.clone()]),
    ));
    h.run_steps(6);
    assert_eq!(
        h.state().dossier().expect("dossier").dossier.articles.len(),
        1
    );
    // Written a moment after the change.
    common::until(&mut h, |_| {
        std::fs::read_to_string(&file).is_ok_and(|t| t.contains("report.md"))
    });
    drop(h);
    let mut h = window();
    h.state_mut()
        .send(Command::Window(WindowCommand::Open(file.clone())));
    h.run_steps(6);
    let open = h.state().dossier().expect("dossier");
    assert_eq!(open.dossier.articles.len(), 1);
    assert!(open.outside.is_empty(), "{:?}", open.outside);
    assert!(open.missing.is_empty(), "{:?}", open.missing);
}
