//! The dossier's timeline as HTML, SVG, CSV and W3C Web Annotation JSON:
//! every event with its sources (article title, source, date, quote).
//! Pure: the dossier (and, for JSON, each article's annotations) in, text
//! out; the same input gives the same bytes.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde_json::{Value, json};

use crate::annotate::Annotations;
use crate::document::{Document, SourceFormat, TextIndex, parse_source};
use crate::dossier::view;
use crate::dossier::{Dossier, DossierEvent, Mention, resolve};
use crate::export::{ExportInput, Format};
use crate::timeline::EventKind;

fn long(d: jiff::civil::Date) -> String {
    view::long_date(d)
}

fn dates(start: jiff::civil::Date, end: jiff::civil::Date) -> String {
    view::date_span(start, end, long)
}

/// The dossier as an article-like timeline, for the single-article SVG.
fn as_article(d: &Dossier) -> (Document, Annotations) {
    let mut doc = parse_source(
        &format!("# {}\n", d.name),
        SourceFormat::Markdown,
        "dossier",
    );
    let dated: Vec<jiff::civil::Date> = d.articles.iter().filter_map(|a| a.published).collect();
    let mut about = crate::wording::count(d.articles.len(), "article", "articles");
    if let (Some(first), Some(last)) = (dated.iter().min(), dated.iter().max()) {
        about = format!("{about}, {}", dates(*first, *last));
    }
    doc.meta.source = Some(about);
    let mut ann = Annotations::new(Vec::new(), "");
    let events = view::timeline(d).into_iter().map(|(e, _)| e).collect();
    ann.replace_timeline(d.lanes.clone(), events, Vec::new());
    (doc, ann)
}

/// The timeline picture (SVG) of every event, with its sources' count and
/// verdict in its title.
#[must_use]
pub fn svg(d: &Dossier) -> String {
    let (doc, ann) = as_article(d);
    crate::export::export(
        Format::Svg,
        &ExportInput {
            doc: &doc,
            annotations: &ann,
            published: None,
        },
    )
}

fn lane_names(d: &Dossier, e: &DossierEvent) -> Vec<String> {
    e.lanes
        .iter()
        .filter_map(|id| d.lanes.iter().find(|l| &l.id == id))
        .map(|l| l.name.clone())
        .collect()
}

fn kind(m: &Mention) -> &'static str {
    match m.kind {
        EventKind::Expected => "expected",
        EventKind::Reported => "reported",
    }
}

/// A self-contained page: the picture, then every event with its sources,
/// then the articles.
#[must_use]
pub fn html(d: &Dossier) -> String {
    let (doc, ann) = as_article(d);
    let picture = crate::export::svg::svg_element(&ExportInput {
        doc: &doc,
        annotations: &ann,
        published: None,
    });
    let page: Markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:";
                title { (d.name) " — timeline" }
                style { (PreEscaped(crate::export::html::CSS)) }
            }
            body {
                h1 { (d.name) }
                p.meta {
                    (crate::wording::count(d.articles.len(), "article", "articles")) " · "
                    (crate::wording::count(d.events.len(), "event", "events")) " · "
                    (crate::wording::count(d.lanes.len(), "lane", "lanes"))
                }
                figure.chart { (picture) }
                h2 { "Events" }
                @for e in &d.events {
                    @let r = resolve(e);
                    @let color = e.lanes.first().and_then(|id| d.lanes.iter().find(|l| &l.id == id))
                        .map_or("#999", |l| crate::export::svg::lane_rgb(l.color));
                    section.event style=(format!("--lane: {color}")) {
                        h3 { (e.title) }
                        p.meta {
                            (dates(r.start, r.end))
                            @for l in lane_names(d, e) { " · " (l) }
                            " · " (crate::wording::count(view::source_count(e), "source", "sources"))
                        }
                        @if let Some(v) = view::verdict(d, e) { p { strong { (v) } } }
                        @if r.conflict { p { strong { "Its sources give dates that cannot all be true." } } }
                        @if !e.note.is_empty() { p.note { (e.note) } }
                        ol {
                            @for m in &e.mentions {
                                @let a = d.article(&m.article);
                                li {
                                    cite { (a.map_or(m.article.as_str(), |a| a.title.as_str())) }
                                    @if let Some(s) = a.and_then(|a| a.source.as_deref()) { ", " (s) }
                                    @if let Some(p) = m.published { ", " (long(p)) }
                                    span.meta { " — " (kind(m)) " “" (m.when.phrase) "”: " (dates(m.when.start, m.when.end)) }
                                    @if !m.quote.is_empty() { blockquote { (m.quote) } }
                                }
                            }
                        }
                    }
                }
                h2 { "Articles" }
                ol {
                    @for a in &d.articles {
                        li {
                            cite { (a.title) }
                            @if let Some(s) = &a.source { ", " (s) }
                            @if let Some(p) = a.published { ", " (long(p)) }
                            span.meta { " · " (a.path) }
                        }
                    }
                }
                footer { "Made with Storyline." }
            }
        }
    };
    page.into_string() + "\n"
}

/// One row per mention: the event, then the source that tells it.
#[must_use]
pub fn csv(d: &Dossier) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let header = [
        "event_id",
        "event",
        "start",
        "end",
        "lanes",
        "sources",
        "forecast",
        "conflict",
        "article",
        "article_title",
        "source",
        "published",
        "kind",
        "phrase",
        "mention_start",
        "mention_end",
        "quote",
        "author",
        "edited_by",
    ];
    let _ = w.write_record(header);
    for e in &d.events {
        let r = resolve(e);
        for m in &e.mentions {
            let a = d.article(&m.article);
            let row = [
                e.id.0.clone(),
                e.title.clone(),
                r.start.to_string(),
                r.end.to_string(),
                lane_names(d, e).join("; "),
                view::source_count(e).to_string(),
                r.forecast.map_or(String::new(), |f| f.name().to_owned()),
                r.conflict.to_string(),
                m.article.clone(),
                a.map_or(String::new(), |a| a.title.clone()),
                a.and_then(|a| a.source.clone()).unwrap_or_default(),
                m.published.map_or(String::new(), |p| p.to_string()),
                kind(m).to_owned(),
                m.when.phrase.clone(),
                m.when.start.to_string(),
                m.when.end.to_string(),
                m.quote.clone(),
                e.credit.author.clone().unwrap_or_default(),
                e.credit.edited_by.clone().unwrap_or_default(),
            ];
            let _ = w.write_record(row.iter().map(|c| crate::export::csv_cell(c)));
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// One article's annotations, for the JSON export.
pub struct ArticleAnnotations<'a> {
    /// Its path as the dossier stores it.
    pub stored: &'a str,
    /// Its text.
    pub doc: &'a Document,
    /// Its highlights.
    pub annotations: &'a Annotations,
}

/// One W3C `AnnotationCollection` over every article's highlights (each
/// annotation targets its own article's text), plus the dossier's lanes
/// and events, each mention naming its article and evidence.
#[must_use]
pub fn json(d: &Dossier, articles: &[ArticleAnnotations<'_>]) -> String {
    let mut items: Vec<Value> = Vec::new();
    let mut texts = Vec::new();
    for a in articles {
        let index = TextIndex::new(&a.doc.text);
        let source = format!("urn:storyline:text:{}", a.doc.fingerprint());
        texts.push(json!({
            "path": a.stored,
            "title": a.doc.meta.title,
            "text": source,
        }));
        items.extend(
            a.annotations
                .entries()
                .iter()
                .map(|e| crate::export::json::annotation(e, &source, &index)),
        );
    }
    let events: Vec<Value> = d
        .events
        .iter()
        .map(|e| {
            let r = resolve(e);
            let mut v = json!({
                "id": format!("urn:storyline:event:{}", e.id.0),
                "title": e.title,
                "start": r.start.to_string(),
                "end": r.end.to_string(),
                "lanes": e.lanes.iter().map(|l| format!("urn:storyline:lane:{}", l.0)).collect::<Vec<_>>(),
                "conflict": r.conflict,
                "forecast": r.forecast.map(crate::dossier::Forecast::name),
                "mentions": e.mentions.iter().map(|m| json!({
                    "article": m.article,
                    "published": m.published.map(|p| p.to_string()),
                    "phrase": m.when.phrase,
                    "date": m.when.edtf(),
                    "kind": kind(m),
                    "evidence": m.evidence.iter().map(|h| crate::export::json::annotation_id(&h.0)).collect::<Vec<_>>(),
                    "quote": m.quote,
                })).collect::<Vec<_>>(),
            });
            crate::export::json::credit_fields(&mut v, &e.credit);
            v
        })
        .collect();
    let lanes: Vec<Value> = d
        .lanes
        .iter()
        .map(|l| {
            json!({
                "id": format!("urn:storyline:lane:{}", l.id.0),
                "name": l.name,
                "color": l.color.name(),
            })
        })
        .collect();
    let v = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!(
            "urn:storyline:dossier:{}",
            d.name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
        ),
        "type": "AnnotationCollection",
        "label": d.name,
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
        "storyline:articles": texts,
        "storyline:timeline": { "lanes": lanes, "events": events },
    });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
