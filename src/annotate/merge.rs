//! Three-way merges of what two writers changed since a common base.

use std::collections::{BTreeMap, BTreeSet};

use super::Highlight;
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
            let pick = if o == t || t == b {
                o
            } else if o == b {
                t
            } else {
                match (o, t) {
                    (Some(o), Some(t)) => Some(if later(t, o) { t } else { o }),
                    (o, t) => o.or(t),
                }
            };
            pick.cloned()
        })
        .collect()
}

/// Three-way merge of highlight lists (later `modified` wins a conflict).
/// Sorted by position, then id.
#[must_use]
pub fn merge_highlights(
    base: &[Highlight],
    ours: &[Highlight],
    theirs: &[Highlight],
) -> Vec<Highlight> {
    let mut out = merge_by_id(
        base,
        ours,
        theirs,
        |h| h.id.0.clone(),
        |t, o| t.modified > o.modified,
    );
    out.sort_by(|a, b| (a.selector.position.start, &a.id).cmp(&(b.selector.position.start, &b.id)));
    out
}

/// Three-way merge of lanes (ours wins a conflict). Sorted by order, then id.
#[must_use]
pub fn merge_lanes(base: &[Lane], ours: &[Lane], theirs: &[Lane]) -> Vec<Lane> {
    let mut out = merge_by_id(base, ours, theirs, |l| l.id.0.clone(), |_, _| false);
    out.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    out
}

/// Three-way merge of events (later `modified` wins). Sorted by date, then id.
#[must_use]
pub fn merge_events(base: &[Event], ours: &[Event], theirs: &[Event]) -> Vec<Event> {
    let mut out = merge_by_id(
        base,
        ours,
        theirs,
        |e| e.id.0.clone(),
        |t, o| t.modified > o.modified,
    );
    out.sort_by(|a, b| (a.when.start, a.when.end, &a.id).cmp(&(b.when.start, b.when.end, &b.id)));
    out
}

/// Three-way merge of dismissed-suggestion keys.
#[must_use]
pub fn merge_keys(base: &[String], ours: &[String], theirs: &[String]) -> Vec<String> {
    merge_by_id(base, ours, theirs, Clone::clone, |_, _| false)
}
