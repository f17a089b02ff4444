//! `storyline annotate` and `storyline list`: the same model and store as the window.

use std::path::Path;

use anyhow::{Context as _, bail};

use super::load_article;
use crate::annotate::{Command, Highlight, HighlightColor, Selector, find_quote};
use crate::credit::Stamp;
use crate::document::TextIndex;
use crate::store::article::{new_highlight_id, now, open_annotations, save_file};
use crate::store::saves::saves_dir;

/// What `annotate` was asked to do.
pub struct Request<'a> {
    /// Who adds it.
    pub author: Option<&'a str>,
    /// The passage as typed.
    pub quote: &'a str,
    /// Which match (1-based).
    pub occurrence: Option<usize>,
    /// Colour name.
    pub color: &'a str,
    /// Tags.
    pub tags: &'a [String],
    /// Note.
    pub note: &'a str,
    /// Also put it on the timeline as an event (dated by its phrase).
    pub event: Option<EventRequest<'a>>,
}

/// The event `annotate --event` adds for the new highlight.
pub struct EventRequest<'a> {
    /// Its lane, by name (made when the save has none of that name).
    pub lane: Option<&'a str>,
    /// Its title (default: from its sentence).
    pub title: Option<&'a str>,
    /// Which dated phrase of the passage dates it (its text), when it has several.
    pub date_phrase: Option<&'a str>,
}

/// Adds a highlight and returns its id, once it is safely on disk.
pub fn annotate(article: &Path, saves: Option<&Path>, req: &Request<'_>) -> anyhow::Result<String> {
    let color = HighlightColor::from_name(req.color).with_context(|| {
        format!(
            "unknown colour {:?}; use one of: {}",
            req.color,
            HighlightColor::ALL.map(HighlightColor::name).join(", ")
        )
    })?;
    let loaded = load_article(article)?;
    let doc = &loaded.document;
    let index = TextIndex::new(&doc.text);
    let matches = find_quote(&index, req.quote);
    let describe = |limit: usize| {
        matches
            .iter()
            .take(limit)
            .enumerate()
            .map(|(i, r)| {
                let before = index.before(r.start, 25).replace('\n', " ");
                let after = index.after(r.end, 25).replace('\n', " ");
                format!(
                    "  {}: chars {}..{}: …{before}[{}]{after}…",
                    i + 1,
                    r.start.0,
                    r.end.0,
                    index.slice(*r).replace('\n', " ")
                )
            })
            .chain(
                (matches.len() > limit).then(|| format!("  … and {} more", matches.len() - limit)),
            )
            .collect::<Vec<_>>()
            .join("\n")
    };
    let range = match (req.occurrence, matches.len()) {
        (_, 0) => bail!(
            "the quote {:?} is not in {} (whitespace is flexible, case is not)",
            req.quote,
            article.display()
        ),
        (Some(n), count) if n == 0 || n > count => bail!(
            "--occurrence {n} is out of range: the quote occurs {count} time(s) in {}:\n{}",
            article.display(),
            describe(20)
        ),
        (Some(n), _) => matches[n - 1],
        (None, 1) => matches[0],
        (None, count) => bail!(
            "the quote occurs {count} times in {}; choose one with --occurrence N:\n{}",
            article.display(),
            describe(20)
        ),
    };
    let (mut handle, mut annotations, identity) = open_for_writing(saves, article, doc)?;
    let time = now();
    let id = new_highlight_id();
    let mut highlight =
        Highlight::new(id.clone(), Selector::from_range(&index, range), color, time);
    highlight.tags = req.tags.to_vec();
    req.note.clone_into(&mut highlight.note);
    let mut cmds = vec![Command::Add(highlight)];
    if let Some(ev) = &req.event {
        cmds.extend(event_commands(
            doc,
            &annotations,
            ev,
            (&id, range),
            article,
        )?);
    }
    annotations.apply(Command::Batch(cmds), Stamp::new(time, req.author))?;
    handle
        .write(&save_file(&identity, &annotations, doc))
        .context("the highlight was not saved")?;
    Ok(id.0)
}

/// The annotations of `article` from its save, to change: refused when the
/// save is from a newer Storyline.
pub(super) fn open_for_writing(
    saves: Option<&Path>,
    article: &Path,
    doc: &crate::document::Document,
) -> anyhow::Result<(
    crate::store::saves::SaveHandle,
    crate::annotate::Annotations,
    crate::store::saves::ArticleIdentity,
)> {
    let (handle, annotations, identity) = open_annotations(&saves_dir(saves), article, doc)?;
    super::say_absorbed(&handle);
    if handle.read_only {
        bail!(
            "{} was written by a newer Storyline; not changing it",
            handle.path.display()
        );
    }
    Ok((handle, annotations, identity))
}

/// The commands adding `ev` for the highlight `id` at `range`: its lane
/// when new, and the event.
fn event_commands(
    doc: &crate::document::Document,
    annotations: &crate::annotate::Annotations,
    ev: &EventRequest<'_>,
    (id, range): (&crate::annotate::HighlightId, crate::document::CharRange),
    article: &Path,
) -> anyhow::Result<Vec<Command>> {
    use crate::timeline::{EventId, Lane, LaneColor, LaneId};
    let Some(anchor) = doc.meta.published else {
        bail!(
            "{} has no publication date, so its dates cannot be resolved; give it one in the window first",
            article.display()
        );
    };
    let mut cmds = Vec::new();
    let mut lanes = annotations.lanes().to_vec();
    let lane = match ev.lane {
        None => None,
        Some(name) => {
            if let Some(l) = lanes
                .iter()
                .find(|l| l.name.trim().eq_ignore_ascii_case(name.trim()))
            {
                Some(l.id.clone())
            } else {
                let used: Vec<LaneColor> = lanes.iter().map(|l| l.color).collect();
                let lane = Lane {
                    modified: None,
                    id: LaneId(format!("l-{}", &new_highlight_id().0[2..])),
                    name: name.trim().to_owned(),
                    color: LaneColor::ALL
                        .into_iter()
                        .find(|c| !used.contains(c))
                        .unwrap_or_default(),
                    order: lanes.iter().map(|l| l.order + 1).max().unwrap_or(0),
                    keywords: Vec::new(),
                };
                lanes.push(lane.clone());
                cmds.push(Command::AddLane(lane.clone()));
                Some(lane.id)
            }
        }
    };
    let phrases = crate::timeline::phrases_for_range(doc, anchor, range);
    let phrase = match ev.date_phrase {
        Some(want) => Some(
            phrases
                .iter()
                .find(|p| p.phrase.eq_ignore_ascii_case(want.trim()))
                .with_context(|| {
                    format!(
                        "no dated phrase {want:?} near the passage; it has: {}",
                        phrases
                            .iter()
                            .map(|p| format!("{:?}", p.phrase))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })?,
        ),
        None => phrases.first(),
    };
    let mut event = crate::timeline::event_for_highlight_dated(
        doc,
        anchor,
        &lanes,
        (id, range),
        phrase,
        EventId(format!("e-{}", &new_highlight_id().0[2..])),
        now(),
    );
    if let Some(lane) = lane {
        event.lanes = vec![lane];
    }
    if let Some(title) = ev.title {
        title.trim().clone_into(&mut event.title);
    }
    cmds.push(Command::AddEvent(event));
    Ok(cmds)
}

/// Prints the highlights of `article`, re-anchored, in document order.
pub fn list(
    article: &Path,
    saves: Option<&Path>,
    json: bool,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let loaded = load_article(article)?;
    let doc = &loaded.document;
    let dir = saves_dir(saves);
    let (handle, annotations, _) = open_annotations(&dir, article, doc)?;
    super::say_absorbed(&handle);
    let index = TextIndex::new(&doc.text);
    let rows: Vec<serde_json::Value> = annotations
        .entries()
        .iter()
        .map(|e| {
            let h = &e.highlight;
            let (quote, start, end) = match e.range() {
                Some(r) => (index.slice(r).to_owned(), r.start.0, r.end.0),
                None => (
                    h.selector.quote.exact.clone(),
                    h.selector.position.start.0,
                    h.selector.position.end.0,
                ),
            };
            let mut row = serde_json::json!({
                "id": h.id.0,
                "quote": quote,
                "start": start,
                "end": end,
                "status": e.anchor.status.name(),
                "color": h.color.name(),
                "tags": h.tags,
                "note": h.note,
            });
            if let crate::annotate::AnchorStatus::Fuzzy { score } = e.anchor.status {
                row["score"] = serde_json::json!((f64::from(score) * 1000.0).round() / 1000.0);
            }
            if let Some(a) = &h.credit.author {
                row["author"] = serde_json::json!(a);
            }
            if let Some(e) = &h.credit.edited_by {
                row["edited_by"] = serde_json::json!(e);
            }
            row
        })
        .collect();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
    } else if rows.is_empty() {
        writeln!(out, "no highlights in {}", article.display())?;
    } else {
        for row in &rows {
            let quote: String = row["quote"].as_str().unwrap_or("").replace('\n', " ");
            let short: String = if quote.chars().count() > 70 {
                quote.chars().take(69).chain(['…']).collect()
            } else {
                quote
            };
            writeln!(
                out,
                "{} {:>6}..{:<6} {:<8} {:<6} {}",
                row["id"].as_str().unwrap_or(""),
                row["start"],
                row["end"],
                row["status"].as_str().unwrap_or(""),
                row["color"].as_str().unwrap_or(""),
                short
            )?;
            let tags: Vec<&str> = row["tags"]
                .as_array()
                .map(|a| a.iter().filter_map(|t| t.as_str()).collect())
                .unwrap_or_default();
            if !tags.is_empty() {
                writeln!(out, "    tags: {}", tags.join(", "))?;
            }
            if let Some(note) = row["note"].as_str().filter(|n| !n.is_empty()) {
                writeln!(out, "    note: {}", note.replace('\n', "\n          "))?;
            }
            let by = crate::credit::Credit {
                author: row["author"].as_str().map(str::to_owned),
                edited_by: row["edited_by"].as_str().map(str::to_owned),
                ..crate::credit::Credit::default()
            };
            if !by.is_empty() {
                writeln!(out, "    by: {}", by.describe())?;
            }
        }
    }
    out.flush().context("cannot write to standard output")?;
    Ok(())
}

/// Prints the dated phrases of `article` as suggested events.
pub fn events(
    article: &Path,
    saves: Option<&Path>,
    json: bool,
    published: Option<&str>,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let loaded = load_article(article)?;
    let doc = &loaded.document;
    let Some(anchor) = publication_date(article, doc, published)? else {
        bail!(
            "{} has no publication date to resolve relative dates against; pass --published YYYY-MM-DD (or set it in the window: Article > Set Publication Date)",
            article.display()
        );
    };
    // Lanes come from the article's save, when it has one.
    let dir = saves_dir(saves);
    let lanes = open_annotations(&dir, article, doc)
        .map(|(_, a, _)| a.lanes().to_vec())
        .unwrap_or_default();
    let suggestions = crate::timeline::all_suggestions(doc, anchor, &lanes);
    let lane_name = |id: &Option<crate::timeline::LaneId>| {
        id.as_ref()
            .and_then(|id| lanes.iter().find(|l| &l.id == id))
            .map(|l| l.name.clone())
    };
    if json {
        let rows: Vec<serde_json::Value> = suggestions
            .iter()
            .map(|s| {
                let w = &s.found.when;
                let date = s.found.kind == crate::timeline::TimeKind::Date;
                let mut row = serde_json::json!({
                    "phrase": s.found.phrase,
                    "type": s.found.kind.name(),
                    "start": date.then(|| w.start.to_string()),
                    "end": date.then(|| w.end.to_string()),
                    "precision": date.then(|| w.precision.name()),
                    "approximate": w.approximate,
                    "resolved_against": w.resolved_against.map(|d| d.to_string()),
                    "offset": s.found.range.start.0,
                    "sentence": doc.slice(s.found.sentence).unwrap_or("").replace('\n', " "),
                    "lane": lane_name(&s.lane),
                    "edtf": date.then(|| w.edtf()),
                    "kind": if s.found.expected { "expected" } else { "reported" },
                    "title": s.title,
                });
                if let Some(open) = w.open {
                    row["open"] = serde_json::json!(match open {
                        crate::timeline::OpenEnd::Before => "before",
                        crate::timeline::OpenEnd::After => "after",
                    });
                }
                row
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
    } else if suggestions.is_empty() {
        writeln!(out, "no dated phrases in {}", article.display())?;
    } else {
        writeln!(out, "resolved against {anchor}")?;
        for s in &suggestions {
            let w = &s.found.when;
            let date = s.found.kind == crate::timeline::TimeKind::Date;
            writeln!(
                out,
                "{:>7}  {:<24} {:<23} {:<6}{} {}  [{}]",
                s.found.range.start.0,
                format!("{:?}", s.found.phrase),
                if date { w.edtf() } else { String::new() },
                if date {
                    w.precision.name()
                } else {
                    s.found.kind.name()
                },
                if w.approximate { " ~" } else { "  " },
                if s.found.expected {
                    "expected"
                } else {
                    "reported"
                },
                lane_name(&s.lane).unwrap_or_else(|| "no lane".to_owned()),
            )?;
        }
    }
    out.flush().context("cannot write to standard output")?;
    Ok(())
}

/// The publication date in force: `--published`, else the article's, else
/// the one the user set in the window.
fn publication_date(
    article: &Path,
    doc: &crate::document::Document,
    published: Option<&str>,
) -> anyhow::Result<Option<jiff::civil::Date>> {
    Ok(match published {
        Some(p) => Some(
            p.trim()
                .parse::<jiff::civil::Date>()
                .with_context(|| format!("--published {p:?} is not a date (YYYY-MM-DD)"))?,
        ),
        None => doc.meta.published.or_else(|| user_published(article)),
    })
}

/// Exports the article's annotated timeline.
pub fn export(
    article: &Path,
    saves: Option<&Path>,
    format: &str,
    output: Option<(&Path, bool)>,
    published: Option<&str>,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let force = output.is_some_and(|(_, f)| f);
    let output = output.map(|(p, _)| p);
    let format = crate::export::Format::from_name(format).with_context(|| {
        format!(
            "unknown format {format:?}; use one of: md, html, svg, json, csv, readwise, obsidian, timelinejs"
        )
    })?;
    let loaded = load_article(article)?;
    let doc = &loaded.document;
    let published = publication_date(article, doc, published)?;
    let dir = saves_dir(saves);
    let (_, annotations, _) = open_annotations(&dir, article, doc)?;
    let input = crate::export::ExportInput {
        doc,
        annotations: &annotations,
        published,
    };
    let text = crate::export::export(format, &input);
    if let Some(path) = output {
        if std::fs::canonicalize(path).ok() == std::fs::canonicalize(article).ok() && path.exists()
        {
            bail!(
                "not exporting over the article itself ({}); choose another -o",
                path.display()
            );
        }
        super::refuse_existing(path, force)?;
        crate::store::atomic_write(path, text.as_bytes())
            .with_context(|| format!("cannot write the export to {}", path.display()))?;
        eprintln!(
            "storyline: exported {} ({} bytes) to {}",
            format.label(),
            text.len(),
            path.display()
        );
    } else {
        out.write_all(text.as_bytes())?;
        out.flush().context("cannot write to standard output")?;
    }
    Ok(())
}

/// The publication date the user set for `article` in the window, if any.
fn user_published(article: &Path) -> Option<jiff::civil::Date> {
    let state = crate::store::AppState::load(&crate::store::default_state_path()?).ok()?;
    let abs = std::fs::canonicalize(article).ok()?;
    state.articles.get(&abs)?.published.as_deref()?.parse().ok()
}
