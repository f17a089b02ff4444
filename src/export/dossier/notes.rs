//! A dossier for note-taking tools: the Obsidian index note (its articles,
//! and its timeline with each source linking to the highlight it rests on
//! in that article's note) and the names of the article notes. Pure.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::dossier::view::{long_date, short_date};
use crate::dossier::{Dossier, resolve};
use crate::timeline::EventKind;

/// The note name of each article (by its stored path): its title without
/// the characters Obsidian does not allow in a file name, unique (a second
/// article of the same title gets " (2)").
#[must_use]
pub fn note_names(d: &Dossier) -> BTreeMap<String, String> {
    let mut used = BTreeSet::new();
    let mut out = BTreeMap::new();
    for a in &d.articles {
        let clean: String = a
            .title
            .chars()
            .map(|c| {
                if matches!(
                    c,
                    '*' | '"' | '\\' | '/' | '<' | '>' | ':' | '|' | '?' | '#' | '^' | '[' | ']'
                ) || c.is_control()
                {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let joined = clean.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut base: String = joined.trim_start_matches('.').chars().take(100).collect();
        if base.is_empty() {
            "Article".clone_into(&mut base);
        }
        let mut name = base.clone();
        let mut n = 2;
        while !used.insert(name.to_lowercase()) {
            name = format!("{base} ({n})");
            n += 1;
        }
        out.insert(a.path.clone(), name);
    }
    out
}

/// Text for a wikilink's label or a list line: no markup, one line.
fn plain(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | '|' | '#' | '^') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The index note: the dossier's articles (linked) and its events by date,
/// each source linked to its evidence's block in the article's note —
/// when that block is there (`blocks`: the highlights the notes hold; a
/// save not on this machine gives none, and the source links to the note).
#[must_use]
pub fn obsidian_index(
    d: &Dossier,
    names: &BTreeMap<String, String>,
    blocks: &BTreeSet<crate::annotate::HighlightId>,
) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(
        out,
        "title: {}",
        serde_json::to_string(&d.name).unwrap_or_default()
    );
    let _ = writeln!(out, "articles: {}", d.articles.len());
    out.push_str("tags:\n  - storyline\n  - dossier\n---\n\n");
    let _ = writeln!(
        out,
        "# {}\n\n## Articles\n",
        crate::export::obsidian_text(&plain(&d.name))
    );
    let mut articles: Vec<_> = d.articles.iter().collect();
    articles.sort_by(|a, b| (a.published, &a.title).cmp(&(b.published, &b.title)));
    for a in articles {
        let name = names.get(&a.path).map_or(a.title.as_str(), String::as_str);
        let mut facts = Vec::new();
        if let Some(s) = &a.source {
            facts.push(format!("*{}*", plain(s)));
        }
        if let Some(p) = a.published {
            facts.push(long_date(p));
        }
        facts.push(crate::wording::count(
            a.highlights,
            "highlight",
            "highlights",
        ));
        let _ = writeln!(out, "- [[{name}]] — {}", facts.join(", "));
    }
    out.push_str("\n## Timeline\n\n");
    let mut events: Vec<_> = d.events.iter().map(|e| (resolve(e), e)).collect();
    events.sort_by(|(ra, a), (rb, b)| (ra.start, ra.end, &a.id).cmp(&(rb.start, rb.end, &b.id)));
    if events.is_empty() {
        out.push_str("No events yet.\n");
    }
    for (r, e) in events {
        let when = if r.start == r.end {
            long_date(r.start)
        } else {
            format!("{} – {}", long_date(r.start), long_date(r.end))
        };
        let _ = writeln!(
            out,
            "- **{when}** — {}",
            crate::export::obsidian_text(&plain(&e.title))
        );
        for m in &e.mentions {
            let article = d.article(&m.article);
            let who = article
                .and_then(|a| a.source.clone())
                .or_else(|| article.map(|a| a.title.clone()))
                .unwrap_or_else(|| m.article.clone());
            let who = match m.published {
                Some(p) => format!("{}, {}", plain(&who), short_date(p)),
                None => plain(&who),
            };
            let kind = match m.kind {
                EventKind::Expected => "expected by",
                EventKind::Reported => "reported by",
            };
            let block = m.evidence.iter().find(|h| blocks.contains(*h));
            let link = match (names.get(&m.article), block) {
                (Some(name), Some(h)) => format!("[[{name}#^{h}|{who}]]"),
                (Some(name), None) => format!("[[{name}|{who}]]"),
                _ => who,
            };
            let full = plain(&m.quote);
            let mut quote: String = full.chars().take(160).collect();
            if quote.len() < full.len() {
                quote = format!("{}…", quote.trim_end());
            }
            let quote = crate::export::obsidian_text(&quote);
            let _ = writeln!(out, "  - {kind} {link}: “{quote}”");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::DossierArticle;

    fn article(path: &str, title: &str) -> DossierArticle {
        DossierArticle {
            path: path.to_owned(),
            fingerprint: String::new(),
            title: title.to_owned(),
            source: None,
            published: None,
            highlights: 0,
            orphans: 0,
        }
    }

    #[test]
    fn note_names_are_file_names_and_unique() {
        let mut d = Dossier::new("D");
        d.articles = vec![
            article("a.md", "Huawei: the [UK] decision?"),
            article("b.md", "Huawei  the  UK decision"),
            article("c.md", "huawei the uk decision"),
            article("d.md", "..."),
            article("e.md", "Rates/Prices #2 | Q^3 <b>"),
        ];
        let names = note_names(&d);
        assert_eq!(names["a.md"], "Huawei the UK decision");
        assert_eq!(names["b.md"], "Huawei the UK decision (2)");
        assert_eq!(names["c.md"], "huawei the uk decision (3)");
        assert_eq!(names["d.md"], "Article");
        assert_eq!(names["e.md"], "Rates Prices 2 Q 3 b");
    }
}
