//! Painting highlights and mapping screen points to document chars, on the
//! blocks the reader has in view.

use std::sync::Arc;

use egui::{Galley, Painter, Pos2, Rect, Stroke, pos2, vec2};

use crate::annotate::{Annotations, HighlightId};
use crate::app::theme::Palette;
use crate::document::{CharIdx, CharRange};

/// A block on screen this frame.
pub struct VisibleBlock {
    /// Its chars.
    pub range: CharRange,
    /// Screen position of its galley.
    pub pos: Pos2,
    /// Its laid-out text.
    pub galley: Arc<Galley>,
}

/// Background rectangles covering chars `[start, end)` of a galley, one per row.
pub fn range_rects(galley: &Galley, start: usize, end: usize) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = 0;
    for row in &galley.rows {
        let count = row.row.char_count_excluding_newline().0;
        let (a, b) = (start.max(row_start), end.min(row_start + count));
        if a < b {
            let x0 = row.row.x_offset((a - row_start).into());
            let x1 = row.row.x_offset((b - row_start).into());
            rects.push(Rect::from_min_max(
                pos2(row.pos.x + x0, row.min_y()),
                pos2(row.pos.x + x1, row.max_y()),
            ));
        }
        row_start += row.char_count_including_newline().0;
        if row_start >= end {
            break;
        }
    }
    rects
}

/// Screen rectangles of the part of `range` inside a visible block.
pub fn block_rects(block: &VisibleBlock, range: CharRange) -> Vec<Rect> {
    if !range.overlaps(block.range) {
        return Vec::new();
    }
    let start = block.range.start.0;
    let a = range.start.0.saturating_sub(start);
    let b = (range.end.0.min(block.range.end.0)).saturating_sub(start);
    range_rects(&block.galley, a, b)
        .into_iter()
        .map(|r| r.translate(block.pos.to_vec2()))
        .collect()
}

/// The char under (or nearest to) screen point `p`: the block whose rows are
/// closest vertically, then the nearest cursor in it.
pub fn char_at(visible: &[VisibleBlock], p: Pos2) -> Option<CharIdx> {
    let block = visible.iter().min_by(|a, b| {
        let d = |v: &VisibleBlock| {
            let top = v.pos.y;
            let bottom = v.pos.y + v.galley.size().y;
            if p.y < top {
                top - p.y
            } else if p.y > bottom {
                p.y - bottom
            } else {
                0.0
            }
        };
        d(a).total_cmp(&d(b))
    })?;
    let local = p - block.pos;
    let local = vec2(
        local.x,
        local.y.clamp(0.0, (block.galley.size().y - 1.0).max(0.0)),
    );
    let cursor = block.galley.cursor_from_pos(local);
    Some(CharIdx(
        (block.range.start.0 + cursor.index.0).min(block.range.end.0),
    ))
}

/// Paints the highlights overlapping one block, behind its text: a
/// translucent fill (overlaps mix), an underline whose height differs for
/// overlapping highlights, an outline for the focused one, and a dot where a
/// highlight with a note ends. Returns the highlight under `hover`.
pub fn paint_highlights(
    painter: &Painter,
    block: &VisibleBlock,
    annotations: &Annotations,
    focused: Option<&HighlightId>,
    (palette, zoom, evidence): (&Palette, f32, crate::store::EvidenceStyle),
    hover: Option<Pos2>,
) -> Option<HighlightId> {
    let mut hovered = None;
    // Greedy layering: each highlight takes the lowest underline level not
    // used by an earlier one it overlaps.
    let mut active: Vec<(CharIdx, usize)> = Vec::new();
    for entry in annotations.overlapping(block.range) {
        let Some(range) = entry.range() else { continue };
        active.retain(|(end, _)| *end > range.start);
        let level = (0..=active.len())
            .find(|l| active.iter().all(|(_, a)| a != l))
            .unwrap_or(0);
        active.push((range.end, level));
        let h = &entry.highlight;
        let rects = block_rects(block, range);
        if h.evidence {
            // Evidence: quiet, never a colour.
            let left = block.pos.x;
            if paint_evidence(
                painter,
                (&rects, left),
                (palette, zoom, evidence),
                focused == Some(&h.id),
            ) && hover.is_some_and(|p| rects.iter().any(|r| r.contains(p)))
            {
                hovered = Some(h.id.clone());
            }
            continue;
        }
        let line = palette.mark_line(h.color);
        for r in &rects {
            painter.rect_filled(*r, 2.0, palette.mark(h.color));
            let y = r.max.y - 1.0 - 3.0 * zoom * level as f32;
            painter.line_segment(
                [pos2(r.min.x, y), pos2(r.max.x, y)],
                Stroke::new(1.5 * zoom, line),
            );
            if focused == Some(&h.id) {
                painter.rect_stroke(
                    r.expand(1.5),
                    3.0,
                    Stroke::new(1.5 * zoom, line),
                    egui::StrokeKind::Outside,
                );
            }
            if hover.is_some_and(|p| r.contains(p)) {
                hovered = Some(h.id.clone());
            }
        }
        if !h.note.is_empty()
            && range.end <= block.range.end
            && let Some(last) = rects.last()
        {
            painter.circle_filled(
                pos2(last.max.x + 2.0 * zoom, last.min.y + 2.0 * zoom),
                3.2 * zoom,
                line,
            );
        }
    }
    hovered
}

/// Paints evidence in its quiet style: a dotted underline, or a bar in the
/// margin beside its lines (with a faint outline when focused). Returns
/// true (it can be hovered like a highlight).
fn paint_evidence(
    painter: &Painter,
    (rects, left): (&[Rect], f32),
    (palette, zoom, style): (&Palette, f32, crate::store::EvidenceStyle),
    focused: bool,
) -> bool {
    let color = palette.muted;
    for r in rects {
        match style {
            crate::store::EvidenceStyle::Underline => {
                let y = r.max.y - 1.0;
                let step = 3.0 * zoom;
                let mut x = r.min.x;
                while x < r.max.x {
                    painter.circle_filled(pos2(x + step / 2.0, y), 0.9 * zoom, color);
                    x += step;
                }
            }
            crate::store::EvidenceStyle::Margin => {
                let x = left - 12.0 * zoom;
                painter.line_segment(
                    [pos2(x, r.min.y + 2.0), pos2(x, r.max.y - 2.0)],
                    Stroke::new(2.0 * zoom, color),
                );
            }
        }
        if focused {
            painter.rect_stroke(
                r.expand(1.5),
                3.0,
                Stroke::new(1.0 * zoom, color),
                egui::StrokeKind::Outside,
            );
        }
    }
    true
}
