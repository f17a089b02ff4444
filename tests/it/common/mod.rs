//! Helpers the integration tests share: a window on an article (or on
//! nothing) in a given saves folder, stepping until something holds, and
//! the CLI with its own saves and state.

#![allow(dead_code)] // each test module uses some of these

pub mod picker;
pub mod sim;
pub mod team;

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

use egui_kittest::Harness;
pub use picker::ScriptedPicker;
use storyline::app::picker::PickOutcome;
use storyline::app::{AppOptions, StorylineApp};
use storyline::document::load_path;
use storyline::store::AppState;

/// The sample article, as every test opens it.
pub const SAMPLE: &str = "assets/articles/huawei-5g-2020-01-23.md";
/// The sample's shipped save (its highlights and timeline).
pub const SAMPLE_SAVE: &str = "saves/huawei-5g-2020-01-23.ron";

/// The app on `article` (or none), its highlights in `saves`, a scripted
/// file dialog answering `picks`, no state file.
pub fn app(article: Option<&Path>, saves: &Path, picks: Vec<PickOutcome>) -> StorylineApp {
    app_with_state(article, saves, AppState::default(), None, picks)
}

/// The app as [`app`], with the remembered `state` (written to
/// `state_path` when given).
pub fn app_with_state(
    article: Option<&Path>,
    saves: &Path,
    state: AppState,
    state_path: Option<PathBuf>,
    picks: Vec<PickOutcome>,
) -> StorylineApp {
    StorylineApp::new(AppOptions {
        state_path,
        state,
        initial: article.map(|a| (a.to_owned(), load_path(a).expect("article loads"))),
        picker: Box::new(ScriptedPicker::new(picks)),
        saves_dir: saves.to_owned(),
    })
}

/// `app` in a headless window of `size`, each step `dt` seconds, after
/// `warm_up` frames.
pub fn harness_of(
    app: StorylineApp,
    size: egui::Vec2,
    dt: f32,
    warm_up: usize,
) -> Harness<'static, StorylineApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(dt)
        .build_ui_state(|ui, app: &mut StorylineApp| app.ui(ui), app);
    h.run_steps(warm_up);
    h
}

/// `app` in a 1366×768 window at 30 frames a second, after its first frames.
pub fn harness(app: StorylineApp) -> Harness<'static, StorylineApp> {
    harness_of(app, egui::vec2(1366.0, 768.0), 1.0 / 30.0, 4)
}

/// The window at 1366×768 on `article` (or none), its highlights in
/// `saves`, a scripted file dialog answering `picks`; after its first frames.
pub fn window(
    article: Option<&Path>,
    saves: &Path,
    picks: Vec<PickOutcome>,
) -> Harness<'static, StorylineApp> {
    harness(app(article, saves, picks))
}

/// Steps until `done` holds (work done on threads), at most about 10 s.
pub fn until(h: &mut Harness<'_, StorylineApp>, done: impl Fn(&StorylineApp) -> bool) {
    for _ in 0..500 {
        if done(h.state()) {
            return;
        }
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("timed out");
}

/// The `storyline` binary with its saves in `dir/saves` and its state in
/// `dir/state.ron`; arguments and working folder are the caller's.
pub fn cli(dir: &Path) -> Process {
    let mut c = Process::new(env!("CARGO_BIN_EXE_storyline"));
    c.env("STORYLINE_SAVES", dir.join("saves"))
        .env("STORYLINE_STATE", dir.join("state.ron"));
    c
}

/// Runs the CLI as [`cli`] with `args` (paths relative to the crate).
pub fn storyline_at(dir: &Path, args: &[&str]) -> Output {
    cli(dir).args(args).output().expect("runs")
}

/// Runs the CLI as [`cli`] with `args`, in the folder `dir`.
pub fn storyline_in(dir: &Path, args: &[&str]) -> Output {
    cli(dir).current_dir(dir).args(args).output().expect("runs")
}

/// Runs the CLI with a state file of its own and no saves given: for
/// commands that only read.
pub fn storyline_bare(args: &[&str]) -> Output {
    Process::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .env(
            "STORYLINE_STATE",
            std::env::temp_dir().join("storyline-tests-state.ron"),
        )
        .output()
        .expect("runs")
}

/// The standard output of a successful run (its error shown when it failed).
pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

/// Runs the `storyline` binary with `saves` as its saves folder (and a
/// state file in it).
pub fn storyline(saves: &Path, args: &[&str]) -> Output {
    Process::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .env("STORYLINE_SAVES", saves)
        .env("STORYLINE_STATE", saves.join("state.ron"))
        .output()
        .expect("runs")
}

/// The CLI as person `who` (`STORYLINE_AUTHOR`), with `saves`.
pub fn storyline_as(saves: &Path, who: &str, args: &[&str]) -> Output {
    Process::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .env("STORYLINE_SAVES", saves)
        .env("STORYLINE_STATE", saves.join("state.ron"))
        .env("STORYLINE_AUTHOR", who)
        .output()
        .expect("runs")
}

/// The open article's annotations in the window.
pub fn annotations<'h>(h: &'h Harness<'_, StorylineApp>) -> &'h storyline::annotate::Annotations {
    &h.state()
        .article()
        .expect("an article is open")
        .save
        .annotations
}

/// The texts of the window's messages.
pub fn message_texts(h: &Harness<'_, StorylineApp>) -> Vec<String> {
    h.state()
        .messages()
        .iter()
        .map(|m| m.text.clone())
        .collect()
}

/// A copy of the sample dossier (its seven articles and the dossier file,
/// not the saves its folder carries) in `dir/d/`; returns the dossier
/// file. Saves are the caller's to give.
pub fn sample_dossier(dir: &Path) -> std::path::PathBuf {
    let copy = dir.join("d");
    std::fs::create_dir_all(&copy).expect("dir");
    for entry in std::fs::read_dir("assets/dossiers/huawei-5g").expect("sample") {
        let p = entry.expect("entry").path();
        if p.is_file() {
            std::fs::copy(&p, copy.join(p.file_name().expect("name"))).expect("copy");
        }
    }
    copy.join("huawei-5g.dossier.ron")
}

/// A copy of the whole folder `from` (subfolders too) at `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dir");
    for e in std::fs::read_dir(from).expect("read") {
        let p = e.expect("entry").path();
        let name = p.file_name().expect("name");
        if p.is_dir() {
            copy_tree(&p, &to.join(name));
        } else {
            std::fs::copy(&p, to.join(name)).expect("copy");
        }
    }
}

/// A new dossier `dir/story.dossier.ron` made by the CLI from copies of
/// the sample's briefs `names` (in `dir`), with `saves` as its saves.
pub fn dossier_of_briefs(dir: &Path, saves: &Path, names: &[&str]) -> std::path::PathBuf {
    std::fs::create_dir_all(saves).expect("saves");
    let mut articles = Vec::new();
    for name in names {
        let to = dir.join(name);
        std::fs::copy(format!("assets/dossiers/huawei-5g/{name}"), &to).expect("brief");
        articles.push(to.to_str().expect("utf-8").to_owned());
    }
    let file = dir.join("story.dossier.ron");
    let mut args = vec!["dossier", "new", file.to_str().expect("utf-8")];
    args.extend(articles.iter().map(String::as_str));
    assert!(storyline(saves, &args).status.success());
    file
}

/// The JSON a successful CLI run printed (its error shown when it failed).
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).expect("json")
}
