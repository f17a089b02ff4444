//! Grouping many events into the events they tell: the merge suggestions
//! joined one pair at a time, never into a group whose mentions conflict
//! (so a broad window does not chain unrelated events together) and never
//! two accepted events in one group.

use jiff::civil::Date;

use super::merge::suggest_merges;
use super::model::{Dossier, DossierEvent};
use crate::timeline::{EventId, EventKind};

/// What one kind of a group's mentions say together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Span {
    /// No mention of this kind.
    Unsaid,
    /// Their dates cannot all be true.
    Disjoint,
    /// The days all of them allow.
    Within(Date, Date),
}

impl Span {
    fn meet(self, other: Self) -> Self {
        match (self, other) {
            (Span::Unsaid, x) | (x, Span::Unsaid) => x,
            (Span::Within(a0, a1), Span::Within(b0, b1)) => {
                let (s, e) = (a0.max(b0), a1.min(b1));
                if s <= e {
                    Span::Within(s, e)
                } else {
                    Span::Disjoint
                }
            }
            _ => Span::Disjoint,
        }
    }
}

/// A group's dates, kept as groups join (so the conflict test does not
/// re-read every mention).
#[derive(Clone, Copy)]
struct Dates {
    reported: Span,
    expected: Span,
}

impl Dates {
    fn of(e: &DossierEvent) -> Self {
        let mut out = Dates {
            reported: Span::Unsaid,
            expected: Span::Unsaid,
        };
        for m in &e.mentions {
            let one = Span::Within(m.when.start, m.when.end);
            if m.kind == EventKind::Expected {
                out.expected = out.expected.meet(one);
            } else {
                out.reported = out.reported.meet(one);
            }
        }
        out
    }

    fn join(self, o: Self) -> Self {
        Dates {
            reported: self.reported.meet(o.reported),
            expected: self.expected.meet(o.expected),
        }
    }

    /// As `resolve` judges: the reported mentions if any, else the
    /// expected ones, cannot all be true.
    fn conflict(self) -> bool {
        let basis = if self.reported == Span::Unsaid {
            self.expected
        } else {
            self.reported
        };
        basis == Span::Disjoint
    }
}

/// The events of `d` in groups that tell one event (indices into
/// `d.events`, each group in joining order), at most one `accepted` event
/// per group.
#[must_use]
pub fn group_events(d: &Dossier, accepted: impl Fn(&DossierEvent) -> bool) -> Vec<Vec<usize>> {
    let n = d.events.len();
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut dates: Vec<Dates> = d.events.iter().map(Dates::of).collect();
    let mut accepted: Vec<usize> = d.events.iter().map(|e| usize::from(accepted(e))).collect();
    let positions: std::collections::HashMap<&EventId, usize> = d
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (&e.id, i))
        .collect();
    for s in suggest_merges(d) {
        let (Some(&a), Some(&b)) = (positions.get(&s.a), positions.get(&s.b)) else {
            continue;
        };
        let (ga, gb) = (group_of[a], group_of[b]);
        if ga == gb {
            continue;
        }
        let joined = dates[ga].join(dates[gb]);
        if accepted[ga] + accepted[gb] > 1 || joined.conflict() {
            continue;
        }
        let moved = std::mem::take(&mut members[gb]);
        for &i in &moved {
            group_of[i] = ga;
        }
        members[ga].extend(moved);
        dates[ga] = joined;
        accepted[ga] += accepted[gb];
    }
    members.into_iter().filter(|m| !m.is_empty()).collect()
}
