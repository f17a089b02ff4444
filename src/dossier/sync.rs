//! Two writers of one dossier file: a three-way merge of what each changed
//! since the version both read, so neither's work is lost.

use super::model::Dossier;
use super::model::{DossierEvent, Mention};
use crate::annotate::merge::{merge_by_id, merge_by_id_with};
use crate::credit::{NoteSide, merge_note, merge_set};

/// One field both may have changed: theirs when only they changed it.
fn pick<T: PartialEq + Clone>(base: Option<&T>, ours: &T, theirs: &T) -> T {
    if base == Some(ours) && base != Some(theirs) {
        theirs.clone()
    } else {
        ours.clone()
    }
}

/// One event both writers changed, field by field: title and dates ours
/// unless only they changed them; lanes as sets; mentions by article and
/// place (what either added stays); both notes kept when both changed.
fn merge_event(base: Option<&DossierEvent>, o: &DossierEvent, t: &DossierEvent) -> DossierEvent {
    fn side(e: &DossierEvent) -> NoteSide<'_> {
        NoteSide {
            text: &e.note,
            by: e.credit.last_by(),
            at: e
                .credit
                .edited
                .or(e.credit.created)
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH),
        }
    }
    let mention_key = |m: &Mention| format!("{}\u{0}{}", m.article, m.offset);
    let mut out = o.clone();
    if base.is_none() && side(t).at > side(o).at {
        // No base to tell who changed what (a conflict copy): the later.
        out.title.clone_from(&t.title);
        out.when.clone_from(&t.when);
    } else {
        out.title = pick(base.map(|b| &b.title), &o.title, &t.title);
        out.when = pick(base.map(|b| &b.when), &o.when, &t.when);
    }
    let lanes = merge_set(base.map_or(&[][..], |b| &b.lanes), &o.lanes, &t.lanes);
    if !lanes.is_empty() {
        out.lanes = lanes;
    }
    out.note = merge_note(base.map_or("", |b| &b.note), side(o), side(t));
    out.mentions = merge_by_id(
        base.map_or(&[][..], |b| &b.mentions),
        &o.mentions,
        &t.mentions,
        mention_key,
        |_, _| false,
    );
    if out.mentions.is_empty() {
        out.mentions.clone_from(&o.mentions);
    }
    out.credit = pick(base.map(|b| &b.credit), &o.credit, &t.credit);
    out
}

/// Merges `ours` and `theirs`, both changed from `base`: per article, lane
/// and event, a side that did not change takes the other's version; when
/// both changed one, an edit beats a removal (nothing is lost) and ours wins
/// a clash. Pairs kept apart merge the same way. The name: ours if we
/// renamed it, else theirs.
#[must_use]
pub fn merge3(base: &Dossier, ours: &Dossier, theirs: &Dossier) -> Dossier {
    let mut out = Dossier {
        version: ours.version.max(theirs.version),
        name: if ours.name == base.name {
            theirs.name.clone()
        } else {
            ours.name.clone()
        },
        articles: merge_by_id(
            &base.articles,
            &ours.articles,
            &theirs.articles,
            |a| a.path.clone(),
            |_, _| false,
        ),
        lanes: crate::annotate::merge_lanes(&base.lanes, &ours.lanes, &theirs.lanes),
        events: merge_by_id_with(
            &base.events,
            &ours.events,
            &theirs.events,
            |e| e.id.0.clone(),
            merge_event,
        ),
        kept_apart: merge_by_id(
            &base.kept_apart,
            &ours.kept_apart,
            &theirs.kept_apart,
            |(a, b)| format!("{}\u{0}{}", a.0, b.0),
            |_, _| false,
        ),
        dismissed_key_dates: merge_by_id(
            &base.dismissed_key_dates,
            &ours.dismissed_key_dates,
            &theirs.dismissed_key_dates,
            ToString::to_string,
            |_, _| false,
        ),
        deleted: merge_by_id(
            &base.deleted,
            &ours.deleted,
            &theirs.deleted,
            |(a, e)| format!("{a}\u{0}{}", e.0),
            |_, _| false,
        ),
        dismissed_suggestions: merge_by_id(
            &base.dismissed_suggestions,
            &ours.dismissed_suggestions,
            &theirs.dismissed_suggestions,
            |(a, o)| format!("{a}\u{0}{o}"),
            |_, _| false,
        ),
        lane_aliases: merge_by_id(
            &base.lane_aliases,
            &ours.lane_aliases,
            &theirs.lane_aliases,
            |(n, l)| format!("{n}\u{0}{}", l.0),
            |_, _| false,
        ),
    };
    // A mention merged into another event by one writer while the other
    // edited its old event: keep it once, in the event with most sources.
    let mut home: std::collections::BTreeMap<(String, String), (usize, usize)> =
        std::collections::BTreeMap::new();
    for (i, e) in out.events.iter().enumerate() {
        for m in &e.mentions {
            if let Some(src) = &m.source_event {
                let best = home
                    .entry((m.article.clone(), src.0.clone()))
                    .or_insert((i, e.mentions.len()));
                if e.mentions.len() > best.1 {
                    *best = (i, e.mentions.len());
                }
            }
        }
    }
    for (i, e) in out.events.iter_mut().enumerate() {
        e.mentions.retain(|m| match &m.source_event {
            Some(src) => home
                .get(&(m.article.clone(), src.0.clone()))
                .is_none_or(|(at, _)| *at == i),
            None => true,
        });
    }
    // Articles gone: their mentions go (events left with none too).
    let paths: std::collections::BTreeSet<String> =
        out.articles.iter().map(|a| a.path.clone()).collect();
    for e in &mut out.events {
        e.mentions.retain(|m| paths.contains(&m.article));
    }
    out.events.retain(|e| !e.mentions.is_empty());
    out.normalize();
    out
}

/// What changed from `base` to `theirs`, in words: "2 new events, 1 event
/// edited, 1 new article — from Ana" (empty when nothing did).
#[must_use]
pub fn describe_change(base: &Dossier, theirs: &Dossier) -> String {
    use std::collections::{BTreeSet, HashMap};
    let before: HashMap<&str, &DossierEvent> =
        base.events.iter().map(|e| (e.id.0.as_str(), e)).collect();
    let after: BTreeSet<&str> = theirs.events.iter().map(|e| e.id.0.as_str()).collect();
    let (mut added, mut edited) = (0, 0);
    let mut names = BTreeSet::new();
    for e in &theirs.events {
        match before.get(e.id.0.as_str()) {
            None => added += 1,
            Some(b) if *b != e => edited += 1,
            Some(_) => continue,
        }
        names.extend(e.credit.last_by());
    }
    let removed = base
        .events
        .iter()
        .filter(|e| !after.contains(e.id.0.as_str()))
        .count();
    let paths: BTreeSet<&str> = base.articles.iter().map(|a| a.path.as_str()).collect();
    let articles = theirs
        .articles
        .iter()
        .filter(|a| !paths.contains(a.path.as_str()))
        .count();
    let lanes = theirs
        .lanes
        .iter()
        .filter(|l| !base.lanes.contains(l))
        .count();
    let names: Vec<&str> = names.into_iter().collect();
    crate::wording::change_summary(
        &[
            (added, "new event", "new events"),
            (edited, "event edited", "events edited"),
            (removed, "event removed", "events removed"),
            (articles, "new article", "new articles"),
            (lanes, "lane added or changed", "lanes added or changed"),
        ],
        &names,
    )
}
