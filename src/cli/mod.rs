//! Command-line interface: the window by default, headless subcommands otherwise.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::{Parser, Subcommand};

mod annotate_cli;
mod dossier_cli;
mod dossier_events;
mod import_cli;
mod restore_cli;
mod share_cli;

pub use dossier_cli::DossierCmd;

use crate::document::{LoadedDocument, load_path};

/// Read news closely: highlight, annotate, and build a timeline of the story.
#[derive(Debug, Parser)]
#[command(name = "storyline", version, about, subcommand_negates_reqs = true)]
pub struct Cli {
    /// Article or dossier to open in the window (any format `storyline
    /// info` reads). Without it, the last article is
    /// reopened at the last reading position, or the bundled sample on first run.
    pub article: Option<PathBuf>,

    /// Folder for annotation saves.
    #[arg(long, env = "STORYLINE_SAVES", global = true, value_name = "DIR")]
    pub saves: Option<PathBuf>,

    /// Your name, recorded on the highlights, notes and events you add or
    /// change (default: git's user.name, else your login name).
    #[arg(long, env = "STORYLINE_AUTHOR", global = true, value_name = "NAME")]
    pub author: Option<String>,

    /// A headless command instead of the window.
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

/// Headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Print an article's metadata as Storyline reads it.
    Info {
        /// The article.
        article: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the reading text exactly as Storyline anchors highlights to it
    /// (blocks separated by blank lines); `--json` adds each block's char
    /// offsets and kind.
    Text {
        /// The article.
        article: PathBuf,
        /// Print JSON: the text, and each block's `start`, `end` (char
        /// offsets, half-open), `kind`, `level`, `quote_depth`, `list_depth`.
        #[arg(long)]
        json: bool,
    },
    /// Highlight a passage from the command line and print the new id.
    Annotate {
        /// The article.
        article: PathBuf,
        /// The passage, as plain text; any run of whitespace matches any whitespace.
        #[arg(long)]
        quote: String,
        /// Which match to use (1-based) when the quote occurs more than once.
        #[arg(long, value_name = "N")]
        occurrence: Option<usize>,
        /// Highlight colour: yellow, green, blue, pink or purple.
        #[arg(long, value_name = "NAME", default_value = "yellow")]
        color: String,
        /// A tag (repeat for several).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// A note.
        #[arg(long, default_value = "")]
        note: String,
        /// Also put the passage on the timeline as an event, dated by its
        /// dated phrase (relative ones against the publication date).
        #[arg(long)]
        event: bool,
        /// The event's lane, by name (made when the save has none).
        #[arg(long, value_name = "NAME", requires = "event")]
        lane: Option<String>,
        /// The event's title (default: from its sentence).
        #[arg(long, value_name = "TITLE", requires = "event")]
        title: Option<String>,
        /// Which dated phrase dates the event when the passage has several.
        #[arg(long, value_name = "PHRASE", requires = "event")]
        date_phrase: Option<String>,
    },
    /// Print the dated phrases of an article as suggested timeline events, in text order.
    Events {
        /// The article.
        article: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Resolve relative dates against this day (YYYY-MM-DD) instead of the
        /// article's publication date.
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
    },
    /// Export the annotated timeline (to standard output without -o).
    Export {
        /// The article.
        article: PathBuf,
        /// md, html, svg, json (W3C Web Annotations), csv (one row per
        /// event), readwise (Readwise's CSV import: one row per highlight),
        /// obsidian (a Markdown note: each highlight a quote block with its
        /// tags, note and id) or timelinejs (`TimelineJS` JSON).
        #[arg(long, value_name = "FORMAT")]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Resolve relative dates against this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
        /// Replace the -o file when it exists (without it, an existing
        /// file is refused).
        #[arg(long)]
        force: bool,
    },
    /// Build a dossier (one story across many articles) and list its events.
    Dossier {
        /// What to do.
        #[command(subcommand)]
        cmd: DossierCmd,
    },
    /// Import annotations made elsewhere (W3C Web Annotations — Storyline's
    /// own JSON export included — or a Hypothesis export) onto an article.
    /// Importing the same file again adds nothing.
    Import {
        /// The article.
        article: PathBuf,
        /// The annotations file (.json).
        file: PathBuf,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
        /// Import even when none of the quotes is in the article (as
        /// orphans, to reattach by hand).
        #[arg(long)]
        keep_orphans: bool,
    },
    /// Earlier versions of a dossier or an article's save (the last five,
    /// kept beside it in `.storyline-versions/`): list them, or put one
    /// back (what the file holds now is kept as a version first).
    Restore {
        /// A dossier file, a save file, or an article (its save).
        file: PathBuf,
        /// List the versions (newest first, numbered from 1) and restore
        /// nothing.
        #[arg(long)]
        list: bool,
        /// Which version to restore (1 = the newest).
        #[arg(long, value_name = "N", default_value_t = 1)]
        version: usize,
    },
    /// Git's merge driver for Storyline's files (set up by `storyline
    /// dossier share`): merges an article's save or a dossier three-way,
    /// nothing lost, and writes the result over OURS; exits 1, leaving git's
    /// own conflict, when a side cannot be read.
    MergeDriver {
        /// The common ancestor (git's %O).
        base: PathBuf,
        /// Ours, replaced by the merge (git's %A).
        ours: PathBuf,
        /// Theirs (git's %B).
        theirs: PathBuf,
        /// The file's path in the repository (git's %P).
        path: Option<PathBuf>,
    },
    /// Print an article's highlights, re-anchored to its current text, in order.
    List {
        /// The article.
        article: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Loads an article for the CLI, with the path in any error.
pub fn load_article(path: &Path) -> anyhow::Result<LoadedDocument> {
    Ok(load_path(path)?)
}

/// Refuses to replace an existing file unless `force` (`--force`).
fn refuse_existing(path: &Path, force: bool) -> anyhow::Result<()> {
    if path.exists() && !force {
        anyhow::bail!(
            "{} already exists: not replaced (add --force to replace it, or choose another -o)",
            path.display()
        );
    }
    Ok(())
}

/// Says on stderr which conflict copies of a save opening it merged in.
pub(crate) fn say_absorbed(handle: &crate::store::saves::SaveHandle) {
    for made in &handle.absorbed {
        eprintln!(
            "storyline: merged changes from a conflicting copy of {} made on {made} (kept in {})",
            handle.path.display(),
            crate::store::conflict_copies::MERGED_FOLDER
        );
    }
}

/// Runs a headless subcommand, writing to `out`; `saves` is `--saves`,
/// `author` the name to record on what it adds or changes.
pub fn run_command(
    cmd: &Cmd,
    saves: Option<&Path>,
    author: Option<&str>,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    match cmd {
        Cmd::Annotate {
            article,
            quote,
            occurrence,
            color,
            tags,
            note,
            event,
            lane,
            title,
            date_phrase,
        } => {
            let request = annotate_cli::Request {
                author,
                quote,
                occurrence: *occurrence,
                color,
                tags,
                note,
                event: event.then(|| annotate_cli::EventRequest {
                    lane: lane.as_deref(),
                    title: title.as_deref(),
                    date_phrase: date_phrase.as_deref(),
                }),
            };
            let id = annotate_cli::annotate(article, saves, &request)?;
            writeln!(out, "{id}")?;
        }
        Cmd::List { article, json } => annotate_cli::list(article, saves, *json, out)?,
        Cmd::MergeDriver {
            base,
            ours,
            theirs,
            path,
        } => share_cli::merge_driver(
            (base, ours, theirs),
            path.as_deref(),
            &mut std::io::stderr(),
        )?,
        Cmd::Import {
            article,
            file,
            json,
            keep_orphans,
        } => import_cli::import(article, file, (saves, author), *json, *keep_orphans, out)?,
        Cmd::Dossier { cmd } => dossier_cli::run(cmd, saves, author, out)?,
        Cmd::Export {
            article,
            format,
            output,
            published,
            force,
        } => annotate_cli::export(
            article,
            saves,
            format,
            output.as_deref().map(|o| (o, *force)),
            published.as_deref(),
            out,
        )?,
        Cmd::Restore {
            file,
            list,
            version,
        } => restore_cli::restore(file, saves, *list, *version, out)?,
        Cmd::Events {
            article,
            json,
            published,
        } => annotate_cli::events(article, saves, *json, published.as_deref(), out)?,
        Cmd::Text { article, json } => {
            let doc = load_article(article)?.document;
            if *json {
                let blocks: Vec<serde_json::Value> = doc
                    .blocks
                    .iter()
                    .map(|b| {
                        let (kind, level) = match b.kind {
                            crate::document::BlockKind::Title => ("title", None),
                            crate::document::BlockKind::Dateline => ("dateline", None),
                            crate::document::BlockKind::Heading { level } => {
                                ("heading", Some(level))
                            }
                            crate::document::BlockKind::Paragraph => ("paragraph", None),
                            crate::document::BlockKind::Code => ("code", None),
                        };
                        serde_json::json!({
                            "start": b.range.start.0,
                            "end": b.range.end.0,
                            "kind": kind,
                            "level": level,
                            "quote_depth": b.quote_depth,
                            "list_depth": b.list_depth,
                            "marker": b.marker,
                        })
                    })
                    .collect();
                let v = serde_json::json!({
                    "path": article.display().to_string(),
                    "title": doc.meta.title,
                    "chars": doc.char_len,
                    "fingerprint": doc.fingerprint(),
                    "text": doc.text,
                    "blocks": blocks,
                });
                writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
            } else {
                writeln!(out, "{}", doc.text)?;
            }
        }
        Cmd::Info { article, json } => {
            let loaded = load_article(article)?;
            let doc = &loaded.document;
            let meta = &doc.meta;
            for w in &loaded.warnings {
                eprintln!("storyline: warning: {w}");
            }
            if *json {
                let value = serde_json::json!({
                    "path": article.display().to_string(),
                    "format": loaded.format.name(),
                    "title": meta.title,
                    "source": meta.source,
                    "byline": meta.byline,
                    "published": meta.published.map(|d| d.to_string()),
                    "words": meta.word_count,
                    "reading_minutes": meta.reading_minutes,
                    "blocks": doc.blocks.len(),
                    "chars": doc.char_len,
                    "fingerprint": doc.fingerprint(),
                });
                writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            } else {
                writeln!(out, "title:     {}", meta.title)?;
                writeln!(out, "source:    {}", meta.source.as_deref().unwrap_or("-"))?;
                let published = meta.published.map_or("-".to_owned(), |d| d.to_string());
                writeln!(out, "published: {published}")?;
                writeln!(
                    out,
                    "words:     {} ({} min)",
                    meta.word_count, meta.reading_minutes
                )?;
                writeln!(out, "blocks:    {}", doc.blocks.len())?;
            }
            out.flush().context("cannot write to standard output")?;
        }
    }
    Ok(())
}
