//! A dossier's timeline for others: Markdown (every event with its
//! sources, forecast verdicts and conflicts) and `TimelineJS` (version 3) JSON (what
//! newsrooms publish timelines with). Pure: dossier in, text out.

use std::fmt::Write as _;

use jiff::civil::Date;
use serde_json::json;

use crate::dossier::view::verdict;
use crate::dossier::{Dossier, DossierEvent, Mention, resolve};
use crate::timeline::EventKind;

fn long(d: Date) -> String {
    crate::dossier::view::long_date(d)
}

fn dates(start: Date, end: Date) -> String {
    crate::dossier::view::date_span(start, end, long)
}

/// What a mention's article is called: its title, source and date.
fn source_line(d: &Dossier, m: &Mention) -> String {
    let article = d.article(&m.article);
    let title = article.map_or(m.article.as_str(), |a| a.title.as_str());
    let mut line = format!("*{title}*");
    if let Some(source) = article.and_then(|a| a.source.as_deref()) {
        let _ = write!(line, ", {source}");
    }
    if let Some(p) = m.published {
        let _ = write!(line, ", {}", long(p));
    }
    line
}

fn kind(m: &Mention) -> &'static str {
    match m.kind {
        EventKind::Expected => "expected",
        EventKind::Reported => "reported",
    }
}

fn lanes(d: &Dossier, e: &DossierEvent) -> Vec<String> {
    e.lanes
        .iter()
        .map(|id| {
            d.lanes
                .iter()
                .find(|l| &l.id == id)
                .map_or(id.0.clone(), |l| l.name.clone())
        })
        .collect()
}

/// Escapes `&`, `<`, `>` and quotes for Markdown read as HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The dossier as Markdown: its events by date, each with every source.
#[must_use]
pub fn markdown(d: &Dossier) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&d.name));
    let _ = writeln!(
        out,
        "{} · {}\n",
        crate::wording::count(d.articles.len(), "article", "articles"),
        crate::wording::count(d.events.len(), "event", "events")
    );
    let _ = writeln!(out, "## Timeline\n");
    for e in &d.events {
        let r = resolve(e);
        let _ = writeln!(
            out,
            "### {} — {}\n",
            dates(r.start, r.end),
            escape(&e.title)
        );
        let mut facts = lanes(d, e);
        facts.push(crate::wording::count(e.mentions.len(), "source", "sources"));
        if let Some(v) = verdict(d, e) {
            facts.push(v);
        }
        if r.conflict {
            facts.push("**its sources disagree on the date**".to_owned());
        }
        if !e.credit.is_empty() {
            facts.push(escape(&e.credit.describe()));
        }
        let _ = writeln!(out, "{}\n", facts.join(" · "));
        for m in &e.mentions {
            let phrase = if m.when.phrase.is_empty() {
                String::new()
            } else {
                format!(", “{}”", escape(&m.when.phrase))
            };
            let _ = writeln!(
                out,
                "> “{}” — {} ({}{phrase})\n",
                escape(m.quote.trim()),
                source_line(d, m),
                kind(m)
            );
        }
        if !e.note.is_empty() {
            let _ = writeln!(out, "{}\n", escape(&e.note));
        }
    }
    let _ = writeln!(out, "## Articles\n");
    for a in &d.articles {
        let date = a.published.map_or("undated".to_owned(), long);
        let source = a
            .source
            .as_deref()
            .map_or(String::new(), |s| format!(", {s}"));
        let _ = writeln!(
            out,
            "- {date}: *{}*{source} (`{}`)",
            escape(&a.title),
            a.path
        );
    }
    out
}

fn tl_date(d: Date) -> serde_json::Value {
    json!({"year": d.year(), "month": d.month(), "day": d.day()})
}

/// The dossier as `TimelineJS` (version 3) JSON: one slide per event, its sources and
/// quotes as the slide's text (HTML, escaped), its lane as the group.
#[must_use]
pub fn timelinejs(d: &Dossier) -> String {
    let events: Vec<serde_json::Value> = d
        .events
        .iter()
        .map(|e| {
            let r = resolve(e);
            let mut text = String::new();
            if let Some(v) = verdict(d, e) {
                let _ = write!(text, "<p><strong>{}</strong></p>", escape(&v));
            }
            if r.conflict {
                text.push_str("<p><strong>Its sources disagree on the date.</strong></p>");
            }
            for m in &e.mentions {
                let _ = write!(
                    text,
                    "<blockquote>{}</blockquote><p>{} ({})</p>",
                    escape(m.quote.trim()),
                    escape(&source_line(d, m).replace('*', "")),
                    kind(m)
                );
            }
            let mut slide = json!({
                "start_date": tl_date(r.start),
                "text": {"headline": escape(&e.title), "text": text},
            });
            if r.end != r.start {
                slide["end_date"] = tl_date(r.end);
            }
            if let Some(lane) = lanes(d, e).first() {
                slide["group"] = json!(lane);
            }
            slide
        })
        .collect();
    let doc = json!({
        "title": {"text": {"headline": escape(&d.name), "text": format!("{} across {}", crate::wording::count(d.events.len(), "event", "events"), crate::wording::count(d.articles.len(), "article", "articles"))}},
        "events": events,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
