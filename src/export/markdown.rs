//! Markdown: header, the timeline as a table with one column per lane, each
//! event with its evidence, then every highlight grouped by tag.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{ExportInput, evidence_of, kind_name, lanes_of, long_date, quote_of};
use crate::document::TextIndex;
use crate::wording::count;

/// Text for a table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// A block quote of (possibly multi-line) text.
fn block_quote(out: &mut String, text: &str) {
    for line in text.lines() {
        let _ = writeln!(out, "> {line}");
    }
}

pub(super) fn markdown(input: &ExportInput<'_>) -> String {
    let doc = input.doc;
    let ann = input.annotations;
    let index = TextIndex::new(&doc.text);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", cell(&doc.meta.title));
    let source = doc.meta.source.as_deref().unwrap_or("Unknown source");
    let _ = writeln!(
        out,
        "*{}* · Published {}\n",
        cell(source),
        long_date(input.published)
    );
    let _ = writeln!(
        out,
        "{} · {} in {}\n",
        super::highlights_said(ann),
        count(ann.events().len(), "event", "events"),
        count(ann.lanes().len(), "lane", "lanes")
    );

    out.push_str("## Timeline\n\n");
    if ann.events().is_empty() {
        out.push_str("No events yet.\n\n");
    } else {
        let lanes = ann.lanes();
        let no_lane = ann.events().iter().any(|e| lanes_of(input, e).is_empty());
        let mut header = vec!["Date".to_owned()];
        header.extend(lanes.iter().map(|l| cell(&l.name)));
        if no_lane {
            header.push("No lane".to_owned());
        }
        let _ = writeln!(out, "| {} |", header.join(" | "));
        let _ = writeln!(out, "|{}|", vec![" --- "; header.len()].join("|"));
        for e in ann.events() {
            let mut row = vec![cell(&e.when.label())];
            let title = if e.kind == crate::timeline::EventKind::Expected {
                format!("{} *(expected)*", cell(&e.title))
            } else {
                cell(&e.title)
            };
            for l in lanes {
                row.push(if e.lanes.contains(&l.id) {
                    title.clone()
                } else {
                    String::new()
                });
            }
            if no_lane {
                row.push(if lanes_of(input, e).is_empty() {
                    title.clone()
                } else {
                    String::new()
                });
            }
            let _ = writeln!(out, "| {} |", row.join(" | "));
        }
        out.push('\n');

        out.push_str("## Events\n\n");
        for e in ann.events() {
            let _ = writeln!(out, "### {} — {}\n", e.when.label(), cell(&e.title));
            let lanes: Vec<&str> = lanes_of(input, e).iter().map(|l| l.name.as_str()).collect();
            let lanes = if lanes.is_empty() {
                "no lane".to_owned()
            } else {
                lanes.join(", ")
            };
            let phrase = if e.when.phrase.is_empty() {
                String::new()
            } else {
                format!(" · from “{}”", e.when.phrase)
            };
            let by = if e.credit.is_empty() {
                String::new()
            } else {
                format!(" · {}", e.credit.describe())
            };
            let _ = writeln!(
                out,
                "*{lanes} · {} · `{}`{phrase}{by}*\n",
                kind_name(e),
                e.when.edtf()
            );
            if !e.note.is_empty() {
                let _ = writeln!(out, "{}\n", e.note);
            }
            for entry in evidence_of(input, e) {
                block_quote(&mut out, &quote_of(&index, entry));
                let h = &entry.highlight;
                if !h.tags.is_empty() {
                    out.push_str(">\n");
                    let tags: Vec<String> = h.tags.iter().map(|t| format!("#{t}")).collect();
                    let _ = writeln!(out, "> Tags: {}", tags.join(" "));
                }
                if !h.note.is_empty() {
                    out.push_str(">\n");
                    block_quote(&mut out, &format!("Note: {}", h.note));
                }
                by_line(&mut out, &h.credit);
                out.push('\n');
            }
        }
    }

    out.push_str("## Highlights by tag\n\n");
    let mut by_tag: BTreeMap<&str, Vec<&crate::annotate::Entry>> = BTreeMap::new();
    for e in super::own_highlights(ann) {
        if e.highlight.tags.is_empty() {
            by_tag.entry("").or_default().push(e);
        }
        for t in &e.highlight.tags {
            by_tag.entry(t.as_str()).or_default().push(e);
        }
    }
    if by_tag.is_empty() {
        out.push_str("No highlights yet.\n");
    }
    // Untagged last.
    let mut groups: Vec<(&str, Vec<&crate::annotate::Entry>)> = by_tag.into_iter().collect();
    groups.sort_by_key(|(t, _)| (t.is_empty(), *t));
    for (tag, entries) in groups {
        let name = if tag.is_empty() {
            "Untagged".to_owned()
        } else {
            format!("#{tag}")
        };
        let _ = writeln!(out, "### {name} ({})\n", entries.len());
        for e in entries {
            block_quote(&mut out, &quote_of(&index, e));
            if !e.highlight.note.is_empty() {
                out.push_str(">\n");
                block_quote(&mut out, &format!("Note: {}", e.highlight.note));
            }
            by_line(&mut out, &e.highlight.credit);
            out.push('\n');
        }
    }
    out
}

/// "> — Ana, edited by Ben" under a quote, when anyone's name is on it.
fn by_line(out: &mut String, credit: &crate::credit::Credit) {
    if !credit.is_empty() {
        out.push_str(">\n");
        block_quote(out, &format!("— {}", credit.describe()));
    }
}
