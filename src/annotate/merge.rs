//! Three-way merges of what two writers changed since a common base.

use std::collections::{BTreeMap, BTreeSet};

use super::Highlight;
use crate::credit::{NoteSide, merge_note, merge_set};
use crate::timeline::{Event, Lane};

/// Merges lists of items with ids: per id, a side that did not change takes
/// the other's version; when both changed, an edit beats a delete (nothing
/// typed is lost) and otherwise `later(theirs, ours)` decides (ours on a tie).
pub(crate) fn merge_by_id<T: Clone + PartialEq>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> String,
    later: impl Fn(&T, &T) -> bool,
) -> Vec<T> {
    merge_by_id_with(base, ours, theirs, id, |_, o, t| {
        if later(t, o) { t.clone() } else { o.clone() }
    })
}

/// [`merge_by_id`], with `both(base, ours, theirs)` making the item when
/// both sides changed it (and both kept it).
pub(crate) fn merge_by_id_with<T: Clone + PartialEq>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> String,
    both: impl Fn(Option<&T>, &T, &T) -> T,
) -> Vec<T> {
    let by_id =
        |list: &[T]| -> BTreeMap<String, T> { list.iter().map(|x| (id(x), x.clone())).collect() };
    let (base, ours, theirs) = (by_id(base), by_id(ours), by_id(theirs));
    let ids: BTreeSet<&String> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    ids.into_iter()
        .filter_map(|k| {
            let (b, o, t) = (base.get(k), ours.get(k), theirs.get(k));
            if o == t || t == b {
                o.cloned()
            } else if o == b {
                t.cloned()
            } else {
                match (o, t) {
                    (Some(o), Some(t)) => Some(both(b, o, t)),
                    (o, t) => o.or(t).cloned(),
                }
            }
        })
        .collect()
}

/// One highlight both writers changed: the later one's colour, place and
/// flags; tags merged as sets; both notes kept when both changed
/// ([`merge_note`]). The same whichever side merges.
fn merge_highlight(base: Option<&Highlight>, o: &Highlight, t: &Highlight) -> Highlight {
    fn side(h: &Highlight) -> NoteSide<'_> {
        NoteSide {
            text: &h.note,
            by: h.credit.last_by(),
            at: h.modified,
        }
    }
    let later_is_t = (t.modified, &t.note) > (o.modified, &o.note);
    let mut out = if later_is_t { t.clone() } else { o.clone() };
    out.modified = o.modified.max(t.modified);
    out.note = merge_note(base.map_or("", |b| &b.note), side(o), side(t));
    out.tags = merge_set(base.map_or(&[][..], |b| &b.tags), &o.tags, &t.tags);
    out
}

/// One event both writers changed: the later one's title, date and kind;
/// lanes and evidence merged as sets; both notes kept.
fn merge_event(base: Option<&Event>, o: &Event, t: &Event) -> Event {
    fn side(e: &Event) -> NoteSide<'_> {
        NoteSide {
            text: &e.note,
            by: e.credit.last_by(),
            at: e.modified,
        }
    }
    let later_is_t = (t.modified, &t.title) > (o.modified, &o.title);
    let mut out = if later_is_t { t.clone() } else { o.clone() };
    out.modified = o.modified.max(t.modified);
    out.note = merge_note(base.map_or("", |b| &b.note), side(o), side(t));
    let empty: (&[crate::timeline::LaneId], &[super::HighlightId]) = (&[], &[]);
    let (bl, be) = base.map_or(empty, |b| (&b.lanes, &b.evidence));
    let lanes = merge_set(bl, &o.lanes, &t.lanes);
    // An event keeps a lane: when both sides moved it, the later's.
    if !lanes.is_empty() {
        out.lanes = lanes;
    }
    out.evidence = merge_set(be, &o.evidence, &t.evidence);
    out
}

/// Three-way merge of highlight lists (both changed one: `merge_highlight`).
/// Sorted by position, then id.
#[must_use]
pub fn merge_highlights(
    base: &[Highlight],
    ours: &[Highlight],
    theirs: &[Highlight],
) -> Vec<Highlight> {
    let mut out = merge_by_id_with(base, ours, theirs, |h| h.id.0.clone(), merge_highlight);
    out.sort_by(|a, b| (a.selector.position.start, &a.id).cmp(&(b.selector.position.start, &b.id)));
    out
}

/// Three-way merge of lanes (the later change wins a conflict; ours on a
/// tie). Sorted by order, then id.
#[must_use]
pub fn merge_lanes(base: &[Lane], ours: &[Lane], theirs: &[Lane]) -> Vec<Lane> {
    let mut out = merge_by_id(
        base,
        ours,
        theirs,
        |l| l.id.0.clone(),
        |t, o| t.modified > o.modified,
    );
    out.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    out
}

/// Three-way merge of events (both changed one: `merge_event`). Sorted by date, then id.
#[must_use]
pub fn merge_events(base: &[Event], ours: &[Event], theirs: &[Event]) -> Vec<Event> {
    let mut out = merge_by_id_with(base, ours, theirs, |e| e.id.0.clone(), merge_event);
    out.sort_by(|a, b| (a.when.start, a.when.end, &a.id).cmp(&(b.when.start, b.when.end, &b.id)));
    out
}

/// Three-way merge of dismissed-suggestion keys.
#[must_use]
pub fn merge_keys(base: &[String], ours: &[String], theirs: &[String]) -> Vec<String> {
    merge_by_id(base, ours, theirs, Clone::clone, |_, _| false)
}
