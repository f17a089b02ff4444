//! A self-contained HTML page: inline CSS, no scripts (a Content Security
//! Policy forbids them), nothing fetched; readable in light and dark; prints
//! well. Every user string goes through maud, which escapes by default.

use std::collections::BTreeMap;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::svg::{lane_rgb, svg_element};
use super::{ExportInput, evidence_of, kind_name, lanes_of, long_date, quote_of};
use crate::annotate::Entry;
use crate::document::TextIndex;

pub(crate) const CSS: &str = r"
:root { --bg: #fbf8f1; --fg: #2b2824; --muted: #6f6960; --rule: #e2dccf; --card: #ffffff; --quote: #c9c1b2; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #1d1f23; --fg: #d8d4cc; --muted: #949088; --rule: #34373d; --card: #25282d; --quote: #5a5f6a; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1160px; padding: 2rem 1.5rem 4rem; background: var(--bg); color: var(--fg);
  font: 17px/1.55 Georgia, 'Noto Serif', 'Times New Roman', serif; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .3rem; }
h2 { font: 600 1.05rem/1.3 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
  border-bottom: 1px solid var(--rule); padding-bottom: .3rem; margin-top: 2.5rem; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .2rem; }
.meta, .tags, figcaption, th, .lane { font-family: system-ui, sans-serif; font-size: .85rem; color: var(--muted); }
figure.chart { margin: 1rem 0; padding: .5rem; background: var(--card); border-radius: 6px; overflow-x: auto; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-family: system-ui, sans-serif; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--rule); }
th.lane { border-top: 4px solid var(--lane); }
td.date { white-space: nowrap; color: var(--muted); }
.expected { font-style: italic; }
.event { background: var(--card); border-left: 4px solid var(--lane, var(--rule)); border-radius: 4px; padding: .4rem 1rem .8rem; margin: 1rem 0; }
blockquote { margin: .6rem 0; padding: .1rem 0 .1rem 1rem; border-left: 3px solid var(--quote); }
.note { white-space: pre-wrap; }
.tag { display: inline-block; padding: 0 .45rem; margin-right: .3rem; border-radius: .8rem; border: 1px solid var(--rule); }
footer { margin-top: 3rem; font: .8rem system-ui, sans-serif; color: var(--muted); }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --card: #fff; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  figure.chart { overflow: visible; }
  .event, blockquote, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
";

fn tags(entry: &Entry) -> Markup {
    html! {
        @if !entry.highlight.tags.is_empty() {
            p.tags { @for t in &entry.highlight.tags { span.tag { "#" (t) } } }
        }
        @if !entry.highlight.note.is_empty() {
            p.note { (entry.highlight.note) }
        }
    }
}

pub(super) fn html(input: &ExportInput<'_>) -> String {
    let doc = input.doc;
    let ann = input.annotations;
    let index = TextIndex::new(&doc.text);
    let lanes = ann.lanes();
    let no_lane = ann.events().iter().any(|e| lanes_of(input, e).is_empty());
    // The reader's own highlights (evidence is listed under its events).
    let own = super::own_highlights(ann);
    let mut by_tag: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    for e in &own {
        for t in &e.highlight.tags {
            by_tag.entry(t.as_str()).or_default().push(e);
        }
    }
    let untagged: Vec<&Entry> = own
        .iter()
        .copied()
        .filter(|e| e.highlight.tags.is_empty())
        .collect();
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:";
                meta name="generator" content="Storyline";
                title { "Timeline — " (doc.meta.title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    h1 { (doc.meta.title) }
                    p.meta {
                        (doc.meta.source.as_deref().unwrap_or("Unknown source")) " · Published " (long_date(input.published))
                        " · " (super::highlights_said(ann)) " · " (ann.events().len()) " events in " (lanes.len()) " lanes"
                    }
                }
                section {
                    h2 { "Timeline" }
                    figure.chart { (svg_element(input)) figcaption { "Lanes side by side on one date axis. Solid: reported; hollow or dashed: expected; soft edges: approximate." } }
                }
                @if !ann.events().is_empty() {
                    section {
                        h2 { "Side by side" }
                        table {
                            thead { tr {
                                th { "Date" }
                                @for l in lanes { th.lane style=(format!("--lane: {}", lane_rgb(l.color))) { (l.name) } }
                                @if no_lane { th { "No lane" } }
                            } }
                            tbody { @for e in ann.events() {
                                tr {
                                    td.date { (e.when.label()) }
                                    @for l in lanes {
                                        td { @if e.lanes.contains(&l.id) { span class=(kind_name(e)) { (e.title) } } }
                                    }
                                    @if no_lane { td { @if lanes_of(input, e).is_empty() { (e.title) } } }
                                }
                            } }
                        }
                    }
                    section {
                        h2 { "Events and their evidence" }
                        @for e in ann.events() {
                            @let lane_color = lanes_of(input, e).first().map_or("var(--rule)", |l| lane_rgb(l.color));
                            article.event style=(format!("--lane: {lane_color}")) {
                                h3 { (e.when.label()) " — " (e.title) }
                                p.meta {
                                    @let names: Vec<&str> = lanes_of(input, e).iter().map(|l| l.name.as_str()).collect();
                                    (if names.is_empty() { "no lane".to_owned() } else { names.join(", ") })
                                    " · " (kind_name(e)) " · " code { (e.when.edtf()) }
                                    @if !e.when.phrase.is_empty() { " · from “" (e.when.phrase) "”" }
                                }
                                @if !e.note.is_empty() { p.note { (e.note) } }
                                @for entry in evidence_of(input, e) {
                                    blockquote { (quote_of(&index, entry)) }
                                    (tags(entry))
                                }
                            }
                        }
                    }
                }
                section {
                    h2 { "Highlights by tag" }
                    @if own.is_empty() { p.meta { "No highlights yet." } }
                    @for (tag, entries) in &by_tag {
                        h3 { "#" (tag) " (" (entries.len()) ")" }
                        @for e in entries {
                            blockquote { (quote_of(&index, e)) }
                            @if !e.highlight.note.is_empty() { p.note { (e.highlight.note) } }
                        }
                    }
                    @if !untagged.is_empty() {
                        h3 { "Untagged (" (untagged.len()) ")" }
                        @for e in &untagged {
                            blockquote { (quote_of(&index, e)) }
                            @if !e.highlight.note.is_empty() { p.note { (e.highlight.note) } }
                        }
                    }
                }
                footer { "Exported from Storyline." }
            }
        }
    };
    page.into_string() + "\n"
}
