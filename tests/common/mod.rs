//! Helpers the integration tests share: a window on an article (or on
//! nothing) in a given saves folder, stepping until something holds, and
//! the CLI with its own saves and state.

#![allow(dead_code)] // each test binary uses some of these

pub mod picker;
pub mod sim;
pub mod team;

use std::path::Path;
use std::process::{Command as Process, Output};

use egui_kittest::Harness;
pub use picker::ScriptedPicker;
use storyline::app::picker::PickOutcome;
use storyline::app::{AppOptions, StorylineApp};
use storyline::document::load_path;
use storyline::store::AppState;

/// The window at 1366×768 on `article` (or none), its highlights in
/// `saves`, a scripted file dialog answering `picks`; after its first frames.
pub fn window(
    article: Option<&Path>,
    saves: &Path,
    picks: Vec<PickOutcome>,
) -> Harness<'static, StorylineApp> {
    let app = StorylineApp::new(AppOptions {
        state_path: None,
        state: AppState::default(),
        initial: article.map(|a| (a.to_owned(), load_path(a).expect("article loads"))),
        picker: Box::new(ScriptedPicker::new(picks)),
        saves_dir: saves.to_owned(),
    });
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_step_dt(1.0 / 30.0)
        .build_ui_state(|ui, app: &mut StorylineApp| app.ui(ui), app);
    h.run_steps(4);
    h
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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}
