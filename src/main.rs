//! The `storyline` binary: parses the command line, then runs a headless
//! command or opens the window.

use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser as _;
use storyline::app::picker::NativePicker;
use storyline::app::{AppOptions, StorylineApp};
use storyline::cli::{Cli, load_article, run_command};
use storyline::store::sample::open_sample;
use storyline::store::{AppState, default_state_path};

fn main() -> ExitCode {
    storyline::trace::start();
    let cli = Cli::parse();
    let result = match (&cli.command, &cli.article) {
        (Some(_), Some(article)) => Err(anyhow::anyhow!(
            "{} and a command: give one or the other (the article goes after the command)",
            article.display()
        )),
        (Some(cmd), None) => {
            let author = storyline::store::author::resolve(cli.author.as_deref());
            run_command(
                cmd,
                cli.saves.as_deref(),
                author.as_deref(),
                &mut std::io::stdout().lock(),
            )
        }
        (None, _) => run_window(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`storyline list … | head`) is not an error.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("storyline: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_window(cli: &Cli) -> anyhow::Result<()> {
    let mut state_path = default_state_path();
    let mut startup_error = None;
    let state = match state_path.as_deref().map(AppState::load) {
        Some(Ok(state)) => state,
        Some(Err(e)) => {
            // Never overwrite a state file we could not read.
            startup_error = Some(format!(
                "{e}. Reading positions will not be saved this session."
            ));
            state_path = None;
            AppState::default()
        }
        None => AppState::default(),
    };
    let saves_dir = storyline::store::saves::saves_dir(cli.saves.as_deref());
    let mut errors: Vec<String> = startup_error.into_iter().collect();
    // A dossier opens once the window is up (its first article with it).
    let dossier = cli
        .article
        .clone()
        .filter(|p| storyline::store::dossier::is_dossier_path(p))
        .or_else(|| {
            (cli.article.is_none())
                .then(|| state.recent.first().cloned())
                .flatten()
                .filter(|p| storyline::store::dossier::is_dossier_path(p) && p.is_file())
        });
    // A large article (a long PDF, a book) is read on a thread of its own
    // from now, while the window starts, and shown when read (a long PDF
    // its first pages first).
    let mut later = None;
    let initial = if dossier.is_some() {
        None
    } else if let Some(path) = cli
        .article
        .as_ref()
        .filter(|p| storyline::app::reads_in_background(p))
    {
        later = Some(storyline::app::start_reading(path.clone()));
        None
    } else if let Some(path) = &cli.article {
        // The window was asked for: a bad path opens it with the error
        // shown there (and on stderr for a terminal), not nothing at all.
        match load_article(path) {
            Ok(loaded) => Some((path.clone(), loaded)),
            Err(e) => {
                eprintln!("storyline: error: {e:#}");
                errors.push(format!("{e:#}"));
                None
            }
        }
    } else if let Some(path) = state
        .recent
        .first()
        .filter(|p| storyline::app::reads_in_background(p))
    {
        later = Some(storyline::app::start_reading(path.clone()));
        None
    } else {
        Some(
            state
                .recent
                .first()
                .and_then(|p| load_article(p).ok().map(|l| (p.clone(), l)))
                .unwrap_or_else(|| open_sample(&saves_dir)),
        )
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Storyline")
            .with_app_id("storyline")
            .with_inner_size([1280.0, 840.0])
            .with_min_inner_size([560.0, 360.0])
            .with_drag_and_drop(true),
        renderer: renderer(),
        ..eframe::NativeOptions::default()
    };
    let (cli_author, state_author) = (cli.author.clone(), state.author.clone());
    eframe::run_native(
        "Storyline",
        options,
        Box::new(move |_cc| {
            let author = storyline::store::author::resolve(
                cli_author.as_deref().or(state_author.as_deref()),
            );
            let mut app = StorylineApp::new(AppOptions {
                state_path,
                state,
                initial,
                picker: Box::new(NativePicker::default()),
                saves_dir,
            });
            app.set_author(author);
            for e in errors {
                app.report_error(e);
            }
            if let Some(reading) = later {
                app.adopt_reading(reading);
            }
            if let Some(d) = dossier {
                app.send(storyline::app::Command::Window(
                    storyline::app::WindowCommand::Open(d),
                ));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .context("cannot open the window")
}

/// glow (OpenGL) unless built with the `wgpu` feature and asked for it with
/// `STORYLINE_RENDERER=wgpu` (for the renderer comparison in the README).
fn renderer() -> eframe::Renderer {
    #[cfg(feature = "wgpu")]
    if std::env::var("STORYLINE_RENDERER").is_ok_and(|r| r == "wgpu") {
        return eframe::Renderer::Wgpu;
    }
    eframe::Renderer::Glow
}
