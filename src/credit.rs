//! Who did what: the author stamped on every highlight, note, event, merge
//! and accepted key date, and the rules that merge two writers' notes and
//! tags without losing a word. A leaf like `ids`: pure, no IO; the name and
//! the time are passed in.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// One change's when and who, passed to the model with each command.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// When.
    pub at: jiff::Timestamp,
    /// Who (`None`: no name known; nothing is recorded then).
    pub by: Option<String>,
}

impl Stamp {
    /// A change at `at` by `by`.
    #[must_use]
    pub fn new(at: jiff::Timestamp, by: Option<&str>) -> Self {
        Self {
            at,
            by: by
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        }
    }
}

impl From<jiff::Timestamp> for Stamp {
    fn from(at: jiff::Timestamp) -> Self {
        Self { at, by: None }
    }
}

/// Who made an item and who changed it last.
///
/// Invariants: names are trimmed and non-empty; `edited_by` is never the
/// same as `author` (the author's own edits leave it `None`). Times are
/// kept here only for items that have no times of their own (a highlight
/// has `created`/`modified`; a dossier event does not). Old saves read as
/// authorless (`Credit::default()`), which is written as nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Credit {
    /// Who made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// When it was made (items without times of their own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<jiff::Timestamp>,
    /// Who changed it last, when not its author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_by: Option<String>,
    /// When it last changed (items without times of their own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<jiff::Timestamp>,
}

impl Credit {
    /// True when nothing is recorded (written as nothing).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The credit of an item made now; `timed` keeps the time here too.
    #[must_use]
    pub fn made(stamp: &Stamp, timed: bool) -> Self {
        Self {
            author: stamp.by.clone(),
            created: timed.then_some(stamp.at),
            edited_by: None,
            edited: None,
        }
    }

    /// Fills in the maker of an item that has none (a new item built by
    /// code that did not know who).
    pub fn fill(&mut self, stamp: &Stamp, timed: bool) {
        if self.author.is_none() && self.created.is_none() {
            *self = Self::made(stamp, timed);
        }
    }

    /// Records an edit; `timed` keeps the time here too.
    pub fn edit(&mut self, stamp: &Stamp, timed: bool) {
        if timed {
            self.edited = Some(stamp.at);
        }
        if stamp.by.is_some() {
            self.edited_by = stamp
                .by
                .clone()
                .filter(|by| Some(by) != self.author.as_ref());
        }
    }

    /// The last person to touch it: its editor, else its author.
    #[must_use]
    pub fn last_by(&self) -> Option<&str> {
        self.edited_by.as_deref().or(self.author.as_deref())
    }

    /// Whether `name` made or last changed it.
    #[must_use]
    pub fn involves(&self, name: &str) -> bool {
        self.author.as_deref() == Some(name) || self.edited_by.as_deref() == Some(name)
    }

    /// "Added by Ana, Dec 5, 2026 · edited by Ben, Dec 6, 2026" (UTC
    /// dates): its own times, else the item's `created` and `edited`.
    #[must_use]
    pub fn line(
        &self,
        created: Option<jiff::Timestamp>,
        edited: Option<jiff::Timestamp>,
    ) -> String {
        let day = |t: Option<jiff::Timestamp>| {
            t.map(|t| format!(", {}", t.strftime("%b %-d, %Y")))
                .unwrap_or_default()
        };
        let made = self
            .author
            .as_ref()
            .map(|a| format!("Added by {a}{}", day(self.created.or(created))));
        let edit = self
            .edited_by
            .as_ref()
            .map(|e| format!("edited by {e}{}", day(self.edited.or(edited))));
        match (made, edit) {
            (Some(m), Some(e)) => format!("{m} · {e}"),
            (Some(m), None) => m,
            (None, Some(e)) => {
                let mut e = e;
                e.replace_range(..1, "E");
                e
            }
            (None, None) => String::new(),
        }
    }

    /// "Ana", "Ana, edited by Ben", or empty.
    #[must_use]
    pub fn describe(&self) -> String {
        match (&self.author, &self.edited_by) {
            (Some(a), Some(e)) => format!("{a}, edited by {e}"),
            (Some(a), None) => a.clone(),
            (None, Some(e)) => format!("edited by {e}"),
            (None, None) => String::new(),
        }
    }
}

/// A name as stored: one line, single spaces, at most 80 chars; `None`
/// when empty.
#[must_use]
pub fn clean_name(name: Option<&str>) -> Option<String> {
    let name: String = name?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(80)
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The line that joins two writers' notes when both changed one.
pub const NOTE_JOIN: &str = "\n\n— also written, at the same time, by ";

/// One side's note in a three-way merge: its text, who wrote it and when.
#[derive(Clone, Copy, Debug)]
pub struct NoteSide<'a> {
    /// The note.
    pub text: &'a str,
    /// Who wrote it (its last editor), if known.
    pub by: Option<&'a str>,
    /// When it changed.
    pub at: jiff::Timestamp,
}

/// Merges a note both writers may have changed from `base`. One side that
/// did not change takes the other's; when both did, both texts are kept,
/// the earlier first, the later after a line naming its writer
/// ([`NOTE_JOIN`]) — symmetric, so both writers' merges agree. A note
/// that already holds the other (a merge merged again) is taken whole.
#[must_use]
pub fn merge_note(base: &str, ours: NoteSide<'_>, theirs: NoteSide<'_>) -> String {
    let (o, t) = (ours.text, theirs.text);
    if o == t || t == base {
        return o.to_owned();
    }
    if o == base {
        return t.to_owned();
    }
    if o.trim().is_empty() || holds(t, o) {
        return t.to_owned();
    }
    if t.trim().is_empty() || holds(o, t) {
        return o.to_owned();
    }
    let (first, second) = if (ours.at, o) <= (theirs.at, t) {
        (ours, theirs)
    } else {
        (theirs, ours)
    };
    format!(
        "{}{NOTE_JOIN}{}:\n{}",
        first.text,
        second.by.unwrap_or("another writer"),
        second.text
    )
}

/// Whether note `whole` already holds all of `part`: it goes on from it
/// (after a space or a line), or it is one of the parts a merge joined.
fn holds(whole: &str, part: &str) -> bool {
    let extends = whole
        .strip_prefix(part)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace));
    extends
        || whole.ends_with(&format!(":\n{part}"))
        || whole.contains(&format!(":\n{part}{NOTE_JOIN}"))
}

/// Three-way merge of a sorted set: what either side added stays, what
/// either side removed (and the other kept) goes. Sorted, unique.
#[must_use]
pub fn merge_set<T: Ord + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let b: BTreeSet<&T> = base.iter().collect();
    let o: BTreeSet<&T> = ours.iter().collect();
    let t: BTreeSet<&T> = theirs.iter().collect();
    o.union(&t)
        .filter(|x| !b.contains(*x) || (o.contains(*x) && t.contains(*x)))
        .map(|x| (*x).clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> jiff::Timestamp {
        jiff::Timestamp::from_second(s).expect("time")
    }

    fn side<'a>(text: &'a str, by: &'a str, s: i64) -> NoteSide<'a> {
        NoteSide {
            text,
            by: Some(by),
            at: at(s),
        }
    }

    #[test]
    fn a_note_changed_on_one_side_takes_that_side() {
        assert_eq!(
            merge_note("a", side("a", "Ana", 1), side("b", "Ben", 2)),
            "b"
        );
        assert_eq!(
            merge_note("a", side("c", "Ana", 1), side("a", "Ben", 2)),
            "c"
        );
    }

    #[test]
    fn both_changed_keeps_both_in_time_order_whoever_merges() {
        let one = merge_note("a", side("Ana's", "Ana", 1), side("Ben's", "Ben", 2));
        let two = merge_note("a", side("Ben's", "Ben", 2), side("Ana's", "Ana", 1));
        assert_eq!(one, two);
        assert_eq!(
            one,
            "Ana's\n\n— also written, at the same time, by Ben:\nBen's"
        );
        // Merged again with one side: nothing doubled.
        assert_eq!(
            merge_note("a", side(&one, "Ana", 3), side("Ben's", "Ben", 2)),
            one
        );
    }

    #[test]
    fn a_note_is_taken_whole_only_when_it_holds_the_other_word_for_word() {
        // "e1" is not held by "e12": both kept.
        let m = merge_note("", side("n5 e1", "Ana", 1), side("n5 e12", "Ben", 2));
        assert!(m.starts_with("n5 e1\n") && m.ends_with("n5 e12"), "{m}");
        // Went on from it: the longer.
        assert_eq!(
            merge_note("", side("n5 e1", "Ana", 1), side("n5 e1 e7", "Ben", 2)),
            "n5 e1 e7"
        );
    }

    #[test]
    fn an_emptied_note_loses_to_an_edit() {
        assert_eq!(
            merge_note("a", side("", "Ana", 5), side("b", "Ben", 2)),
            "b"
        );
    }

    #[test]
    fn sets_keep_additions_and_removals_of_both() {
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            merge_set(&s(&["a", "b"]), &s(&["a", "b", "c"]), &s(&["b", "d"])),
            s(&["b", "c", "d"])
        );
    }

    #[test]
    fn edits_by_the_author_leave_no_editor() {
        let mut c = Credit::made(&Stamp::new(at(1), Some("Ana")), true);
        c.edit(&Stamp::new(at(2), Some("Ben")), true);
        assert_eq!(c.describe(), "Ana, edited by Ben");
        assert_eq!(
            c.line(None, None),
            "Added by Ana, Jan 1, 1970 · edited by Ben, Jan 1, 1970"
        );
        c.edit(&Stamp::new(at(3), Some("Ana")), true);
        assert_eq!(c.describe(), "Ana");
        assert_eq!(c.edited, Some(at(3)));
        assert!(Credit::default().is_empty());
    }
}
