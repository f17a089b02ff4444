//! Stacking one lane's marks into rows: each title beside its mark (right,
//! left, or above a bar too wide for either), shortened only when rows run
//! out, and what fits nowhere counted for the lane's "+N".

use super::{Event, GAP, LabelSide, LayoutParams, MIN_LABEL_CHARS, POINT_HALF};

/// `label` cut to `chars` chars with "…" (`None` below [`MIN_LABEL_CHARS`]).
pub(super) fn shorten(label: &str, chars: usize) -> Option<String> {
    let len = label.chars().count();
    if len <= chars {
        return Some(label.to_owned());
    }
    if chars < MIN_LABEL_CHARS.min(len) {
        return None;
    }
    Some(label.chars().take(chars - 1).chain(['…']).collect())
}

/// Taken stretches of one row, sorted and disjoint.
#[derive(Default)]
struct Row(Vec<(f32, f32)>);

impl Row {
    fn is_free(&self, a: f32, b: f32) -> bool {
        let i = self.0.partition_point(|&(_, end)| end <= a);
        self.0.get(i).is_none_or(|&(start, _)| start >= b)
    }

    /// Room after `x` before the next taken stretch (or `limit`).
    fn room_after(&self, x: f32, limit: f32) -> f32 {
        let i = self.0.partition_point(|&(_, end)| end <= x);
        match self.0.get(i) {
            Some(&(start, _)) if start <= x => 0.0,
            Some(&(start, _)) => start.min(limit) - x,
            None => limit - x,
        }
    }

    /// Room before `x` back to the previous taken stretch (or 0).
    fn room_before(&self, x: f32) -> f32 {
        let i = self.0.partition_point(|&(_, end)| end <= x);
        if self.0.get(i).is_some_and(|&(start, _)| start < x) {
            return 0.0;
        }
        x - i.checked_sub(1).map_or(0.0, |j| self.0[j].1)
    }

    fn take(&mut self, a: f32, b: f32) {
        let i = self.0.partition_point(|&(start, _)| start < a);
        self.0.insert(i, (a, b));
    }
}

/// One event's mark on the axis, before it is given a row.
pub(super) struct Mark<'a> {
    pub(super) event: &'a Event,
    /// Chars in its title.
    pub(super) chars: usize,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) point: bool,
    pub(super) clipped: (bool, bool),
    /// More of the row it takes (x from, to): a forecast's window.
    pub(super) reserve: Option<(f32, f32)>,
}

impl Mark<'_> {
    /// The mark's horizontal extent (with what it reserves), with room
    /// around it.
    fn extent(&self) -> (f32, f32) {
        let (a, b) = if self.point {
            (self.x0 - POINT_HALF - 2.0, self.x0 + POINT_HALF + 2.0)
        } else {
            (self.x0 - 2.0, self.x1.max(self.x0 + 2.0) + 2.0)
        };
        match self.reserve {
            Some((r0, r1)) => (a.min(r0 - 2.0), b.max(r1 + 2.0)),
            None => (a, b),
        }
    }
}

/// A title placed in a row: (side, label x, text, width).
pub(super) type Label = (LabelSide, f32, String, f32);

/// A lane stacked: each placed mark with its row and title, and the marks
/// that fit nowhere.
pub(super) type Stacked<'a> = (Vec<(&'a Mark<'a>, usize, Label)>, Vec<&'a Mark<'a>>);

/// Rows a stacking uses (at least one).
pub(super) fn rows_used(placed: &[(&Mark<'_>, usize, Label)]) -> usize {
    placed.iter().map(|(_, r, _)| r + 1).max().unwrap_or(1)
}

/// Where `m`'s title of `w` points goes in `row`, full length first, then
/// shortened (`shorten_ok`); `None` when it fits nowhere.
fn place_in_row(m: &Mark<'_>, row: &Row, p: &LayoutParams, shorten_ok: bool) -> Option<Label> {
    let (e0, e1) = m.extent();
    // Every placement needs the mark's own place free.
    if !row.is_free(e0, e1) {
        return None;
    }
    let title = &m.event.title;
    let w = m.chars as f32 * p.char_width;
    let gap = if m.point { 3.0 } else { 4.0 };
    // Right of the mark.
    let rx = e1 + gap;
    if rx + w <= p.width && row.is_free(e0, rx + w + GAP) {
        return Some((LabelSide::Right, rx, title.clone(), w));
    }
    // Left of the mark.
    let lx = e0 - gap - w;
    if lx >= 0.0 && row.is_free(lx - GAP, e1) {
        return Some((LabelSide::Left, lx, title.clone(), w));
    }
    // Above a wide bar, from its visible start.
    if !m.point {
        let ax = m.x0.max(0.0) + 2.0;
        let ax = ax.min(p.width - w).max(0.0);
        if ax + w <= p.width && row.is_free(e0.min(ax), e1.max(ax + w) + GAP) {
            return Some((LabelSide::Above, ax, title.clone(), w));
        }
    }
    if !shorten_ok {
        return None;
    }
    // Shortened, on whichever side has more room.
    let right = row.room_after(e1, p.width) - gap - GAP;
    let left = row.room_before(e0) - gap - GAP;
    let (side, room) = if right >= left {
        (LabelSide::Right, right)
    } else {
        (LabelSide::Left, left)
    };
    let chars = (room / p.char_width).floor().max(0.0) as usize;
    let text = shorten(title, chars)?;
    let w = text.chars().count() as f32 * p.char_width;
    let x = match side {
        LabelSide::Left => e0 - gap - w,
        _ => rx,
    };
    Some((side, x, text, w))
}

/// The footprint in a row of a mark and its label.
fn footprint(m: &Mark<'_>, label: &Label) -> (f32, f32) {
    let (e0, e1) = m.extent();
    (e0.min(label.1) - 1.0, e1.max(label.1 + label.3) + GAP)
}

/// Stacks one lane's marks into at most `cap` rows; returns each placed
/// mark with its row and label, and the marks that fit nowhere.
pub(super) fn stack<'a>(marks: &'a [Mark<'a>], cap: usize, p: &LayoutParams) -> Stacked<'a> {
    let mut rows: Vec<Row> = Vec::new();
    let mut placed = Vec::new();
    let mut hidden = Vec::new();
    for m in marks {
        let mut spot = rows
            .iter()
            .enumerate()
            .find_map(|(r, row)| place_in_row(m, row, p, false).map(|l| (r, l)));
        if spot.is_none() && rows.len() < cap.max(1) {
            rows.push(Row::default());
            let r = rows.len() - 1;
            spot = place_in_row(m, &rows[r], p, true).map(|l| (r, l));
        }
        if spot.is_none() {
            spot = rows
                .iter()
                .enumerate()
                .find_map(|(r, row)| place_in_row(m, row, p, true).map(|l| (r, l)));
        }
        match spot {
            Some((r, label)) => {
                let (a, b) = footprint(m, &label);
                rows[r].take(a, b);
                placed.push((m, r, label));
            }
            None => hidden.push(m),
        }
    }
    (placed, hidden)
}

/// Rows each lane may use: what it needs when everything fits in
/// `budget`, else a fair share (at least one row each).
pub(super) fn allot(needed: &[usize], budget: usize) -> Vec<usize> {
    let total: usize = needed.iter().sum();
    if total <= budget {
        return needed.to_vec();
    }
    let mut caps: Vec<usize> = needed.iter().map(|&n| n.min(1)).collect();
    let mut left = budget.saturating_sub(caps.iter().sum());
    // Water-filling: one more row at a time to lanes that still need rows.
    while left > 0 {
        let mut gave = false;
        for (cap, &need) in caps.iter_mut().zip(needed) {
            if left > 0 && *cap < need {
                *cap += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    caps
}
