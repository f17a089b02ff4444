//! `storyline dossier …`: build a dossier from articles and list its
//! articles and events, on the same model and files as the window.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use clap::Subcommand;
use serde_json::json;

use crate::annotate::HighlightId;
use crate::dossier::{
    AddReport, ArticleImport, Dossier, DossierArticle, DossierEvent, Mention, add_article,
    remove_article, resolve,
};
use crate::store::article::open_annotations;
use crate::store::dossier::{article_file, read_dossier, save_dossier, stored_path, write_dossier};
use crate::timeline::{EventId, EventKind, LaneId};

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
        /// articles), csv (one row per source of each event) or timelinejs
        /// (`TimelineJS` (version 3) JSON).
        #[arg(long, value_name = "FORMAT")]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
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
}

/// Runs a dossier subcommand.
pub fn run(
    cmd: &DossierCmd,
    saves: Option<&Path>,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let saves_dir = crate::store::saves::saves_dir(saves);
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
            add_all(file, &mut d, articles, &saves_dir, out)?;
            write_dossier(file, &d)?;
            writeln!(
                out,
                "created {} with {} articles",
                file.display(),
                d.articles.len()
            )?;
        }
        DossierCmd::Add { file, articles } => {
            let mut d = read_dossier(file)?;
            let base = d.clone();
            add_all(file, &mut d, articles, &saves_dir, out)?;
            save_dossier(file, Some(&base), &d)?;
        }
        DossierCmd::Remove { file, article } => {
            let mut d = read_dossier(file)?;
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
            let mut d = read_dossier(file)?;
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
            let mut d = read_dossier(file)?;
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
                )
                .with_context(|| format!("cannot unmerge in {}", file.display()))?;
            save_dossier(file, Some(&base), &d)?;
            writeln!(out, "split {article} out of {event} as {}", new_id.0)?;
        }
        DossierCmd::List { file, json } => {
            let d = read_dossier(file)?;
            list(file, &d, *json, out)?;
        }
        DossierCmd::Export {
            file,
            format,
            output,
        } => {
            let d = read_dossier(file)?;
            let text = match format.as_str() {
                "md" | "markdown" => crate::dossier::export::markdown(&d),
                "timelinejs" => crate::dossier::export::timelinejs(&d),
                "html" => crate::dossier::publish::html(&d),
                "svg" => crate::dossier::publish::svg(&d),
                "csv" => crate::dossier::publish::csv(&d),
                "json" => json_export(file, &d, &saves_dir)?,
                other => bail!(
                    "unknown dossier export format {other:?}: md, html, svg, json, csv or timelinejs"
                ),
            };
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
            let d = read_dossier(file)?;
            events(file, &d, &saves_dir, *json, *accepted_only, out)?;
        }
    }
    Ok(())
}

/// The W3C collection over every article's highlights (each read with
/// its save; a missing article is skipped with a warning on stderr).
pub(crate) fn json_export(file: &Path, d: &Dossier, saves_dir: &Path) -> anyhow::Result<String> {
    let mut loaded = Vec::new();
    for a in &d.articles {
        let path = article_file(file, &a.path);
        let Ok(doc) = super::load_article(&path).map(|l| l.document) else {
            eprintln!(
                "storyline: warning: {} is missing; its highlights are not in the export",
                path.display()
            );
            continue;
        };
        let (_, ann, _) = open_annotations(saves_dir, &path, &doc)
            .with_context(|| format!("cannot read the highlights of {}", path.display()))?;
        loaded.push((a.path.clone(), doc, ann));
    }
    let articles: Vec<crate::dossier::publish::ArticleAnnotations<'_>> = loaded
        .iter()
        .map(
            |(stored, doc, ann)| crate::dossier::publish::ArticleAnnotations {
                stored,
                doc,
                annotations: ann,
            },
        )
        .collect();
    Ok(crate::dossier::publish::json(d, &articles))
}

fn add_all(
    file: &Path,
    d: &mut Dossier,
    articles: &[PathBuf],
    saves_dir: &Path,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    // A bundle (.mbox) becomes one article per message, in a folder beside
    // the dossier named after it.
    let mut expanded = Vec::new();
    for article in articles {
        if crate::store::bundle::is_bundle(article) {
            let stem = article
                .file_stem()
                .map_or("bundle".into(), |s| s.to_string_lossy().into_owned());
            let into = file.parent().unwrap_or(Path::new(".")).join(stem);
            let files = crate::store::bundle::split_mbox(article, &into)?;
            writeln!(
                out,
                "{}: {} messages, each an article in {}",
                article.display(),
                files.len(),
                into.display()
            )?;
            expanded.extend(files);
        } else {
            expanded.push(article.clone());
        }
    }
    for article in &expanded {
        let r = import_from_disk(file, d, article, saves_dir)?;
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
    Ok(())
}

/// Reads an article and its save and adds them to `d`.
pub fn import_from_disk(
    dossier_file: &Path,
    d: &mut Dossier,
    article: &Path,
    saves_dir: &Path,
) -> anyhow::Result<AddReport> {
    let doc = super::load_article(article)?.document;
    let (_, ann, _) = open_annotations(saves_dir, article, &doc)
        .with_context(|| format!("cannot read the highlights of {}", article.display()))?;
    let entry = DossierArticle {
        path: stored_path(dossier_file, article),
        fingerprint: doc.fingerprint(),
        title: doc.meta.title.clone(),
        source: doc.meta.source.clone(),
        published: doc.meta.published,
        highlights: ann.entries().len(),
        orphans: ann.orphans().len(),
    };
    let evidence = |id: &HighlightId| {
        let range = ann.get(id)?.range()?;
        Some((doc.slice(range)?.replace('\n', " "), range.start.0))
    };
    Ok(add_article(
        d,
        &ArticleImport {
            article: entry,
            lanes: ann.lanes(),
            events: ann.events(),
            evidence: &evidence,
        },
    ))
}

fn list(file: &Path, d: &Dossier, json: bool, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
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
        let missing = if row["missing"] == true {
            "  MISSING"
        } else {
            ""
        };
        writeln!(
            out,
            "{date}  {}  — {} · {} highlights, {} orphans  [{}]{missing}",
            a.title,
            a.source.as_deref().unwrap_or("—"),
            a.highlights,
            a.orphans,
            a.path
        )?;
    }
    Ok(())
}

/// Each article's open suggestions as single-mention events (ids `s-N`),
/// their lanes matched to the dossier's by name. Articles are read on all
/// cores (each is independent); the result is in library order.
fn suggested_events(
    file: &Path,
    d: &Dossier,
    saves_dir: &Path,
) -> anyhow::Result<Vec<DossierEvent>> {
    let threads = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let chunk = d.articles.len().div_ceil(threads).max(1);
    let parts: Vec<anyhow::Result<Vec<DossierEvent>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = d
            .articles
            .chunks(chunk)
            .map(|articles| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for a in articles {
                        out.extend(article_suggestions(file, d, a, saves_dir)?);
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("a worker thread panicked")))
            })
            .collect()
    });
    let mut out = Vec::new();
    for part in parts {
        out.extend(part?);
    }
    for (i, e) in out.iter_mut().enumerate() {
        e.id = EventId(format!("s-{i}"));
    }
    Ok(out)
}

/// One article's open suggestions (ids given by the caller).
fn article_suggestions(
    file: &Path,
    d: &Dossier,
    a: &DossierArticle,
    saves_dir: &Path,
) -> anyhow::Result<Vec<DossierEvent>> {
    let mut out = Vec::new();
    let path = article_file(file, &a.path);
    let (Some(published), true) = (a.published, path.is_file()) else {
        return Ok(out);
    };
    let doc = super::load_article(&path)?.document;
    let (_, ann, _) = open_annotations(saves_dir, &path, &doc)?;
    let closed: std::collections::HashSet<String> = ann
        .events()
        .iter()
        .filter_map(|e| e.source.clone())
        .chain(ann.dismissed())
        .collect();
    for s in crate::timeline::suggest::all_suggestions(&doc, published, ann.lanes()) {
        if s.found.kind != crate::timeline::extract::TimeKind::Date || closed.contains(&s.key) {
            continue;
        }
        let lane_name = s
            .lane
            .as_ref()
            .and_then(|l| ann.lane(l))
            .map(|l| l.name.clone());
        let lanes: Vec<LaneId> = lane_name
            .and_then(|n| d.lanes.iter().find(|l| l.name.eq_ignore_ascii_case(&n)))
            .map(|l| l.id.clone())
            .into_iter()
            .collect();
        out.push(DossierEvent {
            id: EventId(String::new()),
            title: s.title.clone(),
            lanes,
            mentions: vec![Mention {
                article: a.path.clone(),
                published: Some(published),
                when: s.found.when.clone(),
                kind: if s.found.expected {
                    EventKind::Expected
                } else {
                    EventKind::Reported
                },
                evidence: Vec::new(),
                quote: doc
                    .slice(s.found.sentence)
                    .unwrap_or_default()
                    .replace('\n', " "),
                offset: s.found.range.start.0,
                source_event: None,
            }],
            note: String::new(),
        });
    }
    Ok(out)
}

/// One item of `dossier events`: an event or a group of suggestions.
#[derive(serde::Serialize)]
struct Item<'a> {
    id: Option<&'a str>,
    title: &'a str,
    start: jiff::civil::Date,
    end: jiff::civil::Date,
    precision: &'static str,
    approximate: bool,
    lanes: Vec<String>,
    status: &'static str,
    conflict: bool,
    forecast: Option<&'static str>,
    mentions: Vec<MentionOut<'a>>,
}

/// One mention of an [`Item`].
#[derive(serde::Serialize)]
struct MentionOut<'a> {
    article: &'a str,
    published: Option<jiff::civil::Date>,
    phrase: &'a str,
    offset: usize,
    start: jiff::civil::Date,
    end: jiff::civil::Date,
    kind: &'static str,
    quote: &'a str,
}

fn events(
    file: &Path,
    d: &Dossier,
    saves_dir: &Path,
    json: bool,
    accepted_only: bool,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let mut all = d.clone();
    if !accepted_only {
        all.events.extend(suggested_events(file, d, saves_dir)?);
    }
    let lane_name = |id: &LaneId| {
        d.lanes
            .iter()
            .find(|l| &l.id == id)
            .map_or(id.0.clone(), |l| l.name.clone())
    };
    let mut items: Vec<Item<'_>> = Vec::new();
    for group in crate::dossier::group_events(&all, |e| !e.id.0.starts_with("s-")) {
        let events: Vec<&DossierEvent> = group.iter().map(|&i| &all.events[i]).collect();
        let accepted = events.iter().find(|e| !e.id.0.starts_with("s-")).copied();
        let lead = accepted.unwrap_or(events[0]);
        let mentions: Vec<&Mention> = events.iter().flat_map(|e| &e.mentions).collect();
        let mut lanes: Vec<&LaneId> = events.iter().flat_map(|e| &e.lanes).collect();
        lanes.sort();
        lanes.dedup();
        let r = if events.len() == 1 {
            resolve(lead)
        } else {
            resolve(&DossierEvent {
                mentions: mentions.iter().map(|m| (*m).clone()).collect(),
                ..lead.clone()
            })
        };
        items.push(Item {
            id: accepted.map(|e| e.id.0.as_str()),
            title: &lead.title,
            start: r.start,
            end: r.end,
            precision: if r.start == r.end { "day" } else { "range" },
            approximate: mentions.iter().all(|m| m.when.approximate),
            lanes: lanes.into_iter().map(lane_name).collect(),
            status: if accepted.is_some() {
                "accepted"
            } else {
                "suggested"
            },
            conflict: r.conflict,
            forecast: r.forecast.map(crate::dossier::Forecast::name),
            mentions: mentions
                .into_iter()
                .map(|m| MentionOut {
                    article: &m.article,
                    published: m.published,
                    phrase: &m.when.phrase,
                    offset: m.offset,
                    start: m.when.start,
                    end: m.when.end,
                    kind: if m.kind == EventKind::Expected {
                        "expected"
                    } else {
                        "reported"
                    },
                    quote: &m.quote,
                })
                .collect(),
        });
    }
    items.sort_by(|a, b| (a.start, a.end, a.title).cmp(&(b.start, b.end, b.title)));
    if json {
        let mut w = std::io::BufWriter::new(out);
        serde_json::to_writer_pretty(&mut w, &items)?;
        std::io::Write::write_all(&mut w, b"\n")?;
        std::io::Write::flush(&mut w)?;
        return Ok(());
    }
    for v in &items {
        let dates = if v.start == v.end {
            v.start.to_string()
        } else {
            format!("{}..{}", v.start, v.end)
        };
        let mut flags = vec![v.status.to_owned()];
        if let Some(f) = v.forecast {
            flags.push(f.to_owned());
        }
        if v.conflict {
            flags.push("CONFLICT".to_owned());
        }
        writeln!(
            out,
            "{dates}  {}  — {} [{}]",
            v.title,
            crate::words::count(v.mentions.len(), "source", "sources"),
            flags.join(", ")
        )?;
    }
    Ok(())
}
