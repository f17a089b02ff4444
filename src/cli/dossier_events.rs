//! `storyline dossier events`: the dossier's events and every article's
//! suggested events, with likely merges grouped, sorted by date.

use std::path::Path;

use crate::dossier::{Dossier, DossierArticle, DossierEvent, Mention, resolve};
use crate::store::article::open_annotations;
use crate::store::dossier::article_file;
use crate::timeline::{EventId, EventKind, LaneId};

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
            credit: crate::credit::Credit::default(),
            when: None,
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

pub(super) fn events(
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
                when: None,
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
            crate::wording::count(v.mentions.len(), "source", "sources"),
            flags.join(", ")
        )?;
    }
    Ok(())
}

/// Prints key dates as `dossier key-dates` shows them: JSON (a list, best
/// first) or text.
pub(super) fn print_key_dates(
    found: &crate::dossier::key_dates::KeyDates,
    d: &Dossier,
    json: bool,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    // Whether the reader took each up in the window: accepted (an event
    // from it is on the timeline), dismissed, or still proposed.
    let status = |k: &crate::dossier::key_dates::KeyDate| {
        if d.event(&crate::dossier::key_dates::event_id(k)).is_some() {
            "accepted"
        } else if d.dismissed_key_dates.binary_search(&k.date).is_ok() {
            "dismissed"
        } else {
            "proposed"
        }
    };
    if json {
        let mut list = Vec::new();
        for k in &found.dates {
            let mut v = serde_json::to_value(k)?;
            if let Some(m) = v.as_object_mut() {
                m.insert("status".into(), status(k).into());
            }
            list.push(v);
        }
        let mut w = std::io::BufWriter::new(out);
        serde_json::to_writer_pretty(&mut w, &list)?;
        std::io::Write::write_all(&mut w, b"\n")?;
        std::io::Write::flush(&mut w)?;
        return Ok(());
    }
    if found.dates.is_empty() {
        writeln!(
            out,
            "No key dates: no article names a day that others report."
        )?;
        return Ok(());
    }
    for (i, k) in found.dates.iter().enumerate() {
        let lane = k
            .lane
            .as_deref()
            .map_or(String::new(), |l| format!("  [{l}]"));
        let when = if k.precision == crate::timeline::Precision::Month {
            k.date.strftime("%Y-%m").to_string()
        } else {
            k.date.to_string()
        };
        let mark = match status(k) {
            "proposed" => String::new(),
            other => format!("  ({other})"),
        };
        writeln!(out, "{}. {when}  {}{lane}{mark}", i + 1, k.title)?;
        writeln!(out, "   why: {}", k.why)?;
        for s in &k.sentences {
            writeln!(out, "   – {s}")?;
        }
    }
    writeln!(out, "\n{}", found.how)?;
    if !found.lanes.is_empty() {
        let names: Vec<&str> = found.lanes.iter().map(|l| l.name.as_str()).collect();
        writeln!(out, "Suggested lanes: {}", names.join(", "))?;
    }
    Ok(())
}
