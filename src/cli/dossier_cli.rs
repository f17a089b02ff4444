//! `storyline dossier …`: build a dossier from articles and list its
//! articles and events, on the same model and files as the window.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use clap::Subcommand;
use serde_json::json;

use crate::dossier::{Dossier, remove_article};
use crate::store::dossier::{article_file, read_dossier, save_dossier, stored_path, write_dossier};
use crate::store::dossier_io;
use crate::timeline::EventId;

/// Dossier subcommands.
#[derive(Debug, Subcommand)]
pub enum DossierCmd {
    /// Create a dossier file (never over an existing one), with articles.
    New {
        /// The dossier file (`NAME.dossier.ron`).
        file: PathBuf,
        /// Articles to add.
        articles: Vec<PathBuf>,
        /// Its name (default: the file's name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Add articles (their lanes and events come along, never duplicated).
    Add {
        /// The dossier file.
        file: PathBuf,
        /// Articles to add.
        #[arg(required = true)]
        articles: Vec<PathBuf>,
    },
    /// Make the dossier's folder carry its articles' highlights: a `saves/`
    /// folder beside the dossier, with a copy of each article's save (the
    /// originals stay where they are). A dossier folder shows the same
    /// highlights wherever it is copied, zipped or cloned.
    Adopt {
        /// The dossier file.
        file: PathBuf,
    },
    /// Share the dossier's folder over git: it carries its saves, is a
    /// repository (made when it is in none), and merges Storyline's files
    /// with Storyline (`.gitattributes`, and this clone's git config). Each
    /// colleague runs it once after cloning.
    Share {
        /// The dossier file.
        file: PathBuf,
    },
    /// Agree to read the articles a dossier lists outside its own folder
    /// (an absolute path, a `..`, a link that leads out). Until then a
    /// dossier from someone else reads only what is in its folder.
    Trust {
        /// The dossier file.
        file: PathBuf,
    },
    /// Remove an article (its highlights and events stay in its own save).
    Remove {
        /// The dossier file.
        file: PathBuf,
        /// The article.
        article: PathBuf,
    },
    /// Merge events that are one event (their mentions become one event's
    /// sources; `dossier events` shows the ids).
    Merge {
        /// The dossier file.
        file: PathBuf,
        /// The event to keep, then the events merged into it.
        #[arg(required = true, num_args = 2..)]
        events: Vec<String>,
    },
    /// Split one article's mentions out of an event again.
    Unmerge {
        /// The dossier file.
        file: PathBuf,
        /// The event.
        event: String,
        /// The article whose mentions leave it (as `dossier list` shows it).
        article: String,
    },
    /// List the articles by publication date.
    List {
        /// The dossier file.
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Export the dossier's timeline, every event with its sources.
    Export {
        /// The dossier file.
        file: PathBuf,
        /// md, html, svg, json (one W3C annotation collection over all
        /// articles), csv (one row per source of each event), timelinejs
        /// (`TimelineJS` (version 3) JSON), readwise (every article's
        /// highlights as Readwise CSV) or obsidian (an index note at -o
        /// FILE.md and one note per article in the folder FILE/).
        #[arg(long, value_name = "FORMAT")]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the -o file when it exists (without it, an existing
        /// file is refused).
        #[arg(long)]
        force: bool,
    },
    /// The dossier's events and (unless --accepted-only) every article's
    /// suggested events, with likely merges grouped, by date.
    Events {
        /// The dossier file.
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Only the dossier's events, no suggestions.
        #[arg(long)]
        accepted_only: bool,
    },
    /// The story's key dates, best first: the dates its coverage says
    /// matter, each with why, a title, a suggested lane and the sentences
    /// that best say what happened.
    KeyDates {
        /// The dossier file.
        file: PathBuf,
        /// How many (default: as many as the evidence supports).
        #[arg(long, value_name = "N")]
        dates: Option<usize>,
        /// Sentences per date.
        #[arg(long, value_name = "K", default_value_t = 2)]
        sentences: usize,
        /// Only articles published on or after this day (YYYY-MM-DD), and
        /// only dates from it.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<jiff::civil::Date>,
        /// Only articles published on or before this day, and dates up to it.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<jiff::civil::Date>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Print what key dates read (every sentence and its dates) as JSON.
        #[arg(long, hide = true)]
        dump: bool,
    },
}

/// The dossier as far as it may be read: articles outside its folder the
/// user has not agreed to are left out, with a warning.
fn read_readable(file: &Path) -> anyhow::Result<Dossier> {
    let d = read(file)?;
    let blocked = agreements().blocked(file, &d);
    if blocked.is_empty() {
        return Ok(d);
    }
    eprintln!(
        "storyline: warning: {}. `storyline dossier trust {}` reads {}.",
        crate::store::trust::describe_blocked(file, &blocked),
        file.display(),
        if blocked.len() == 1 { "it" } else { "them" }
    );
    Ok(crate::store::trust::readable(&d, &blocked))
}

/// The user's agreements to read paths outside dossiers' folders.
fn agreements() -> crate::store::trust::Agreements {
    crate::store::default_state_path()
        .map(|s| crate::store::trust::Agreements::load(&crate::store::trust::agreements_path(&s)))
        .unwrap_or_default()
}

/// Reads the dossier file; a damaged one names where its kept versions are.
fn read(file: &Path) -> anyhow::Result<Dossier> {
    // A synced folder's conflict copies merge in first.
    match crate::store::conflict_copies::absorb_dossier(file) {
        Ok(made) => {
            for m in made {
                eprintln!(
                    "storyline: merged changes from a conflicting copy of {} made on {m}",
                    file.display()
                );
            }
        }
        Err(e) => eprintln!("storyline: a conflicting copy was left as it is: {e}"),
    }
    read_dossier(file).map_err(|e| {
        if file.is_file() && !crate::store::dossier::is_dossier_path(file) {
            return anyhow::anyhow!(
                "{} is not a dossier (a NAME{} file made by `storyline dossier new`)",
                file.display(),
                crate::store::dossier::DOSSIER_SUFFIX
            );
        }
        let hint = if crate::store::versions::list(file).is_empty() {
            String::new()
        } else {
            format!(
                " (earlier versions are kept: storyline restore {} --list)",
                file.display()
            )
        };
        anyhow::anyhow!("{e}{hint}")
    })
}

/// Runs a dossier subcommand.
pub fn run(
    cmd: &DossierCmd,
    saves: Option<&Path>,
    author: Option<&str>,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let saves_dir = crate::store::saves::saves_dir(saves);
    let stamp = crate::credit::Stamp::new(jiff::Timestamp::now(), author);
    match cmd {
        DossierCmd::New {
            file,
            articles,
            name,
        } => {
            if file.exists() {
                bail!(
                    "{} already exists: use `storyline dossier add`",
                    file.display()
                );
            }
            let stem = file
                .file_name()
                .and_then(|n| n.to_str())
                .map_or("Dossier", |n| {
                    n.trim_end_matches(crate::store::dossier::DOSSIER_SUFFIX)
                });
            let mut d = Dossier::new(name.as_deref().unwrap_or(stem));
            let added = add_all(file, &mut d, articles, &saves_dir, out)?;
            write_dossier(file, &d)?;
            agree_to_chosen(file, &d, &added)?;
            // A new dossier is a folder that carries its saves.
            let adopted = crate::store::dossier_folder::adopt(file, &d, &saves_dir)?;
            writeln!(
                out,
                "created {} with {} articles; highlights kept in {}",
                file.display(),
                d.articles.len(),
                adopted.saves.display()
            )?;
        }
        DossierCmd::Share { file } => super::share_cli::share(file, &saves_dir, out)?,
        DossierCmd::Trust { file } => {
            let d = read(file)?;
            let outside = crate::store::trust::outside_articles(file, &d);
            if outside.is_empty() {
                writeln!(
                    out,
                    "every article of {} is inside its folder: nothing to agree to",
                    file.display()
                )?;
            } else {
                let state = crate::store::default_state_path()
                    .context("no folder to keep your agreement in (set STORYLINE_STATE)")?;
                let mut agreed = agreements();
                agreed.agree(file, &outside);
                agreed.save(&crate::store::trust::agreements_path(&state))?;
                writeln!(
                    out,
                    "{} outside the dossier's folder will be read:",
                    crate::wording::count(outside.len(), "article", "articles")
                )?;
                for p in &outside {
                    writeln!(out, "  {p}")?;
                }
            }
        }
        DossierCmd::Adopt { file } => {
            let d = read(file)?;
            let a = crate::store::dossier_folder::adopt(file, &d, &saves_dir)?;
            writeln!(
                out,
                "{}: {} copied into {} ({} already there, {} with no highlights yet); \
                 the originals stay in {}",
                file.display(),
                crate::wording::count(a.copied, "save", "saves"),
                a.saves.display(),
                a.already,
                a.without,
                saves_dir.display()
            )?;
            if !a.outside.is_empty() {
                writeln!(
                    out,
                    "{} outside the dossier's folder keep their saves where they are \
                     (move them into the folder to carry them): {}",
                    crate::wording::count(a.outside.len(), "article", "articles"),
                    a.outside.join(", ")
                )?;
            }
        }
        DossierCmd::Add { file, articles } => {
            let mut d = read(file)?;
            let base = d.clone();
            let added = add_all(file, &mut d, articles, &saves_dir, out)?;
            save_dossier(file, Some(&base), &d)?;
            agree_to_chosen(file, &d, &added)?;
        }
        DossierCmd::Remove { file, article } => {
            let mut d = read(file)?;
            let base = d.clone();
            let stored = stored_path(file, article);
            let key = if d.article(&stored).is_some() {
                stored
            } else {
                article.display().to_string()
            };
            let Some(events) = remove_article(&mut d, &key) else {
                bail!("{} is not in {}", article.display(), file.display());
            };
            save_dossier(file, Some(&base), &d)?;
            writeln!(out, "removed {key} ({events} events with no other source)")?;
        }
        DossierCmd::Merge { file, events } => {
            let mut d = read(file)?;
            let base = d.clone();
            let mut history = crate::dossier::History::default();
            let keep = EventId(events[0].clone());
            for other in &events[1..] {
                history
                    .apply(
                        &mut d,
                        &crate::dossier::DossierCommand::Merge(
                            keep.clone(),
                            EventId(other.clone()),
                        ),
                        &stamp,
                    )
                    .with_context(|| format!("cannot merge in {}", file.display()))?;
            }
            save_dossier(file, Some(&base), &d)?;
            let sources = d.event(&keep).map_or(0, |e| e.mentions.len());
            writeln!(out, "merged into {}: {sources} sources", keep.0)?;
        }
        DossierCmd::Unmerge {
            file,
            event,
            article,
        } => {
            let mut d = read(file)?;
            let base = d.clone();
            // The first free "{event}-N" (each event takes at most one).
            let new_id = (2..d.events.len() + 3)
                .map(|n| EventId(format!("{event}-{n}")))
                .find(|id| d.event(id).is_none())
                .unwrap_or_else(|| EventId(format!("{event}-split")));
            crate::dossier::History::default()
                .apply(
                    &mut d,
                    &crate::dossier::DossierCommand::Unmerge(
                        EventId(event.clone()),
                        article.clone(),
                        new_id.clone(),
                    ),
                    &stamp,
                )
                .with_context(|| format!("cannot unmerge in {}", file.display()))?;
            save_dossier(file, Some(&base), &d)?;
            writeln!(out, "split {article} out of {event} as {}", new_id.0)?;
        }
        DossierCmd::List { file, json } => {
            let d = read(file)?;
            list(file, &d, *json, out)?;
        }
        DossierCmd::Export {
            file,
            format,
            output,
            force,
        } => {
            let d = read_readable(file)?;
            if let Some(path) = output
                && !(path.exists()
                    && std::fs::canonicalize(path).ok() == std::fs::canonicalize(file).ok())
            {
                super::refuse_existing(path, *force)?;
            }
            if let Some(path) = output
                && path.exists()
                && std::fs::canonicalize(path).ok() == std::fs::canonicalize(file).ok()
            {
                bail!(
                    "not exporting over the dossier itself ({}); choose another -o",
                    path.display()
                );
            }
            let mut warnings = Vec::new();
            let format = crate::export::Format::from_name(format).with_context(|| {
                format!(
                    "unknown dossier export format {format:?}: md, html, svg, json, csv, timelinejs, readwise or obsidian"
                )
            })?;
            if format == crate::export::Format::Obsidian && output.is_none() {
                bail!(
                    "--format obsidian writes one note per article beside the index note: give the index note's path with -o FILE.md"
                );
            }
            let text = dossier_io::export(
                format,
                file,
                &d,
                &saves_dir,
                output.as_deref(),
                *force,
                &mut warnings,
            )?;
            for w in &warnings {
                eprintln!("storyline: warning: {w}");
            }
            match output {
                Some(path) => {
                    crate::store::atomic_write(path, text.as_bytes())?;
                    writeln!(out, "wrote {}", path.display())?;
                }
                None => out.write_all(text.as_bytes())?,
            }
        }
        DossierCmd::Events {
            file,
            json,
            accepted_only,
        } => {
            let d = read_readable(file)?;
            super::dossier_events::events(file, &d, &saves_dir, *json, *accepted_only, out)?;
        }
        DossierCmd::KeyDates {
            file,
            dates,
            sentences,
            from,
            to,
            json,
            dump,
        } => {
            if *dates == Some(0) {
                bail!(
                    "--dates must be at least 1 (leave it out for as many as the evidence supports)"
                );
            }
            if let (Some(f), Some(t)) = (from, to)
                && f > t
            {
                bail!("--from {f} is after --to {t}: no day can be in between");
            }
            let d = read_readable(file)?;
            let mut warnings = Vec::new();
            let corpus =
                crate::store::key_dates_io::read_corpus(file, &d, *from, *to, &mut warnings);
            for w in &warnings {
                eprintln!("storyline: warning: {w}");
            }
            if *dump {
                serde_json::to_writer(&mut *out, &corpus)?;
                return Ok(());
            }
            let opts = crate::dossier::key_dates::Options {
                dates: *dates,
                sentences: *sentences,
                from: *from,
                to: *to,
            };
            let found = crate::dossier::key_dates::key_dates(&corpus, &d.lanes, &opts);
            if *json {
                // The text output ends with it; JSON is only the list.
                eprintln!("storyline: {}", found.how);
            }
            super::dossier_events::print_key_dates(&found, &d, *json, out)?;
        }
    }
    Ok(())
}

/// Files named on the command line are the user's choice: those outside
/// the dossier's folder are read from now on without asking.
fn agree_to_chosen(file: &Path, d: &Dossier, added: &[PathBuf]) -> anyhow::Result<()> {
    let chosen = crate::store::trust::chosen_outside(file, d, added);
    if chosen.is_empty() {
        return Ok(());
    }
    let state = crate::store::default_state_path()
        .context("no folder to keep your agreement to read the articles outside the dossier's folder in (set STORYLINE_STATE)")?;
    let mut agreed = agreements();
    agreed.agree(file, &chosen);
    agreed.save(&crate::store::trust::agreements_path(&state))?;
    Ok(())
}

/// Adds `articles` (a bundle split into its articles) to `d`; returns the
/// files added.
fn add_all(
    file: &Path,
    d: &mut Dossier,
    articles: &[PathBuf],
    saves_dir: &Path,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<Vec<PathBuf>> {
    // A bundle (an .mbox, a news-database export) becomes one article per
    // message or article, in a folder beside the dossier named after it.
    let mut expanded = Vec::new();
    for article in articles {
        if let Some(split) = crate::store::bundle::split_beside(article, file)? {
            writeln!(
                out,
                "{}: {} {}, each an article in {}",
                article.display(),
                split.files.len(),
                split.what,
                split.into.display()
            )?;
            expanded.extend(split.files);
        } else {
            expanded.push(article.clone());
        }
    }
    for article in &expanded {
        let r = dossier_io::import_from_disk(file, d, article, saves_dir)?;
        let what = if r.already {
            "already there, refreshed"
        } else {
            "added"
        };
        writeln!(
            out,
            "{}: {what}; {} events added, {} already in the dossier, {} lanes added",
            article.display(),
            r.events_added,
            r.events_kept,
            r.lanes_added
        )?;
    }
    Ok(expanded)
}

fn list(file: &Path, d: &Dossier, json: bool, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    let blocked = agreements().blocked(file, d);
    let rows: Vec<serde_json::Value> = d
        .articles
        .iter()
        .map(|a| {
            json!({
                "path": a.path,
                "title": a.title,
                "source": a.source,
                "published": a.published.map(|p| p.to_string()),
                "highlights": a.highlights,
                "orphans": a.orphans,
                "missing": !article_file(file, &a.path).is_file(),
                "outside_not_read": blocked.contains(&a.path),
            })
        })
        .collect();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        return Ok(());
    }
    if d.articles.is_empty() {
        writeln!(
            out,
            "{}: no articles yet (storyline dossier add)",
            file.display()
        )?;
    }
    for (a, row) in d.articles.iter().zip(&rows) {
        let date = a
            .published
            .map_or("(no date)".to_owned(), |p| p.to_string());
        let missing = if row["outside_not_read"] == true {
            "  OUTSIDE THE FOLDER, NOT READ (storyline dossier trust)"
        } else if row["missing"] == true {
            "  MISSING"
        } else {
            ""
        };
        writeln!(
            out,
            "{date}  {}  — {} · {}, {}  [{}]{missing}",
            a.title,
            a.source.as_deref().unwrap_or("—"),
            crate::wording::count(a.highlights, "highlight", "highlights"),
            crate::wording::count(a.orphans, "orphan", "orphans"),
            a.path
        )?;
    }
    Ok(())
}
