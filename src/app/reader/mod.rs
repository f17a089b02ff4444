//! The reading pane: a virtualised view of the document that lays out only
//! the blocks in view.
//!
//! Each block has its own galley, laid out on first sight and kept until the
//! width, zoom or theme changes; blocks never seen have estimated heights.
//! Positions are kept as char offsets (the first visible char), so resizing or
//! zooming keeps the reader on the same passage.

pub(crate) mod cmds;
pub mod layout;
pub(crate) mod marks;
pub mod selection;
pub(crate) mod toolbar;

use std::sync::Arc;

use egui::text::CCursor;
use egui::{
    Align2, CursorIcon, Galley, Pos2, Rect, Response, ScrollArea, Sense, Stroke, Ui, pos2, vec2,
};

use crate::annotate::{Annotations, HighlightId};
use crate::app::reader::selection::{Granularity, Selection, drag_selection, extend};
use crate::app::theme::Palette;
use crate::document::{CharIdx, CharRange, Document, SpanStyle};
use layout::BODY_SIZE;
use marks::VisibleBlock;

/// Reading measure: the widest the text column gets, in body-size ems (~70 characters).
const MEASURE_EMS: f32 = 34.0;
/// How long a flashed passage stays marked, in seconds.
const FLASH_SECONDS: f64 = 1.6;

/// What the galleys were laid out for; any change invalidates them.
#[derive(Clone, Copy, PartialEq)]
struct LayoutKey {
    width: f32,
    zoom: f32,
    palette: Palette,
    pixels_per_point: f32,
}

/// Per-document reader state: galley cache, heights, scroll requests.
///
/// Invariant: `galleys.len() == heights.len() == doc.blocks.len()`.
pub struct ReaderView {
    /// Tells this view's scroll state from another document's (each file
    /// opens at its own position, never the last file's).
    id: u64,
    key: Option<LayoutKey>,
    galleys: Vec<Option<Arc<Galley>>>,
    /// Measured height of each laid-out block, an estimate for the others.
    heights: Vec<f32>,
    scroll_to: Option<CharIdx>,
    /// Points of context kept above `scroll_to`.
    scroll_margin: f32,
    scroll_attempts: u8,
    scroll_by: f32,
    offset: f32,
    viewport_height: f32,
    /// The first char visible at the top of the view.
    top_char: CharIdx,
    /// The end of the last block in view.
    bottom_char: CharIdx,
    flash: Option<(CharRange, f64)>,
    /// The text selection (empty: none).
    pub selection: Selection,
    /// While the primary button is down: where the press was and what it selects.
    drag: Option<(CharIdx, Granularity, bool)>,
    /// Time, place and count of the last press, for double and triple clicks.
    last_press: Option<(f64, Pos2, u8)>,
}

/// What the page shows besides the text.
pub struct ReaderInput<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Text zoom.
    pub zoom: f32,
    /// Colours.
    pub palette: Palette,
    /// Find matches, sorted.
    pub matches: &'a [CharRange],
    /// Index of the current find match.
    pub current_match: Option<usize>,
    /// The article's highlights.
    pub annotations: Option<&'a Annotations>,
    /// The highlight selected in the Highlights pane (outlined).
    pub focused: Option<&'a HighlightId>,
    /// How evidence is marked.
    pub evidence: crate::store::EvidenceStyle,
}

/// What happened in the reader this frame.
#[derive(Default)]
pub struct ReaderOutput {
    /// A link the user clicked.
    pub clicked_link: Option<String>,
    /// A plain click (no drag) on the text, at this char.
    pub clicked_char: Option<CharIdx>,
    /// The highlight under the pointer.
    pub hovered_highlight: Option<HighlightId>,
    /// Screen rectangle of the end of the selection, when it is in view.
    pub selection_rect: Option<Rect>,
    /// Screen rectangle of the selection's first line, when it is in view.
    pub selection_start_rect: Option<Rect>,
    /// The text area's response (for its context menu).
    pub response: Option<Response>,
    /// True while the user is dragging out a selection.
    pub selecting: bool,
}

impl ReaderView {
    /// A view of a document with `blocks` blocks, at the top.
    #[must_use]
    pub fn new(blocks: usize) -> Self {
        static VIEWS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Self {
            id: VIEWS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            key: None,
            galleys: vec![None; blocks],
            heights: vec![0.0; blocks],
            scroll_to: None,
            scroll_margin: 0.0,
            scroll_attempts: 0,
            scroll_by: 0.0,
            offset: 0.0,
            viewport_height: 600.0,
            top_char: CharIdx(0),
            bottom_char: CharIdx(0),
            flash: None,
            selection: Selection::default(),
            drag: None,
            last_press: None,
        }
    }

    /// The first visible char.
    #[must_use]
    pub fn top_char(&self) -> CharIdx {
        self.top_char
    }

    /// True when `idx` is roughly on screen (between the first and the last
    /// visible block).
    #[must_use]
    pub fn is_visible(&self, idx: CharIdx) -> bool {
        self.top_char <= idx && idx <= self.bottom_char
    }

    /// Scrolls so that `idx` is at the top of the view.
    pub fn scroll_to(&mut self, idx: CharIdx) {
        self.scroll_to = Some(idx);
        self.scroll_margin = 0.0;
        self.top_char = idx;
    }

    /// Scrolls so that `idx` is a quarter of the way down the view, with
    /// what comes before it above (a passage jumped to, in its context).
    pub fn reveal(&mut self, idx: CharIdx) {
        self.scroll_to = Some(idx);
        self.scroll_margin = self.viewport_height * 0.25;
        self.top_char = idx;
    }

    /// Marks `range` briefly, from time `now` (seconds).
    pub fn flash(&mut self, range: CharRange, now: f64) {
        self.flash = Some((range, now));
    }

    /// Scrolls by `pages` screens (negative: up), keeping two lines of context.
    pub fn page(&mut self, pages: f32) {
        let step = (self.viewport_height - 2.0 * BODY_SIZE * 1.6).max(BODY_SIZE);
        self.scroll_by += pages * step;
    }

    /// Scrolls by `points`.
    pub fn scroll_by(&mut self, points: f32) {
        self.scroll_by += points;
    }

    /// The end of the text on screen (as of the last frame drawn).
    #[must_use]
    pub fn bottom_char(&self) -> CharIdx {
        self.bottom_char
    }

    /// Number of blocks laid out so far (for tests and benchmarks).
    #[must_use]
    pub fn laid_out_blocks(&self) -> usize {
        self.galleys.iter().filter(|g| g.is_some()).count()
    }

    fn estimate(doc: &Document, i: usize, width: f32, zoom: f32) -> f32 {
        let block = &doc.blocks[i];
        let size = layout::block_font_size(&block.kind, zoom);
        let chars_per_line = (width / (size * 0.48)).max(1.0);
        let lines = doc
            .block_text(block)
            .split('\n')
            .map(|l| (l.chars().count() as f32 / chars_per_line).ceil().max(1.0))
            .sum::<f32>();
        lines * (size * 1.6).round()
    }

    fn ensure_key(&mut self, key: LayoutKey, doc: &Document) {
        if self.key == Some(key) {
            return;
        }
        if self.key.is_some() {
            // Keep the reader on the same passage through the relayout.
            self.scroll_to.get_or_insert(self.top_char);
        }
        self.key = Some(key);
        self.galleys.iter_mut().for_each(|g| *g = None);
        for i in 0..self.heights.len() {
            self.heights[i] = Self::estimate(doc, i, key.width, key.zoom);
        }
    }

    fn galley(&mut self, ui: &Ui, input: &ReaderInput<'_>, i: usize, width: f32) -> Arc<Galley> {
        if let Some(g) = &self.galleys[i] {
            return g.clone();
        }
        let indent = layout::indent(&input.doc.blocks[i], input.zoom);
        let job = layout::block_job(input.doc, i, width - indent, input.zoom, &input.palette);
        let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
        self.heights[i] = galley.size().y;
        self.galleys[i] = Some(galley.clone());
        galley
    }
}

/// Y of the top of each block's text, plus the total height at the end.
fn block_tops(doc: &Document, heights: &[f32], zoom: f32, top_pad: f32) -> Vec<f32> {
    let mut tops = Vec::with_capacity(heights.len() + 1);
    let mut y = top_pad;
    for (block, h) in doc.blocks.iter().zip(heights) {
        y += layout::space_before(&block.kind, zoom);
        tops.push(y);
        y += h;
    }
    tops.push(y);
    tops
}

/// The reading pane. Lays out and paints only the visible blocks.
pub fn reader_ui(ui: &mut Ui, view: &mut ReaderView, input: &ReaderInput<'_>) -> ReaderOutput {
    let doc = input.doc;
    let zoom = input.zoom;
    let avail = ui.available_width();
    let side_margin = (24.0 * zoom).min(avail * 0.08);
    let width = (avail - 2.0 * side_margin - 16.0).clamp(60.0, MEASURE_EMS * BODY_SIZE * zoom);
    view.ensure_key(
        LayoutKey {
            width,
            zoom,
            palette: input.palette,
            pixels_per_point: ui.ctx().pixels_per_point(),
        },
        doc,
    );
    let top_pad = 36.0 * zoom;
    let now = ui.input(|i| i.time);

    let mut area = ScrollArea::vertical()
        .id_salt(("reader", view.id))
        .auto_shrink(false)
        .scroll_source(
            egui::scroll_area::ScrollSource::SCROLL_BAR
                | egui::scroll_area::ScrollSource::MOUSE_WHEEL,
        )
        .animated(false);
    let mut wanted_offset = None;
    if let Some(target) = view.scroll_to
        && let Some(b) = doc.block_at(target)
    {
        let galley = view.galley(ui, input, b, width);
        let tops = block_tops(doc, &view.heights, zoom, top_pad);
        let within = target.0.saturating_sub(doc.blocks[b].range.start.0);
        let row_y = galley
            .pos_from_cursor(CCursor {
                index: within.into(),
                prefer_next_row: true,
            })
            .min
            .y;
        let y = if b == 0 && within == 0 {
            0.0
        } else {
            (tops[b] + row_y - view.scroll_margin).max(0.0)
        };
        area = area.vertical_scroll_offset(y);
        wanted_offset = Some(y);
        view.scroll_by = 0.0;
    } else if view.scroll_by != 0.0 {
        area = area.vertical_scroll_offset((view.offset + view.scroll_by).max(0.0));
        view.scroll_by = 0.0;
    }

    let mut output = ReaderOutput::default();
    let scroll = area.show_viewport(ui, |ui, viewport| {
        // Measure what is in view until the visible set is stable.
        let mut tops = block_tops(doc, &view.heights, zoom, top_pad);
        let mut correction = 0.0;
        for _ in 0..4 {
            let first = tops[..doc.blocks.len()]
                .partition_point(|&t| t < viewport.min.y)
                .saturating_sub(1);
            let mut changed = false;
            let mut i = first;
            while i < doc.blocks.len() && tops[i] - correction < viewport.max.y {
                if view.galleys[i].is_none() {
                    let before = view.heights[i];
                    let h = view.galley(ui, input, i, width).size().y;
                    if tops[i] < viewport.min.y {
                        correction += h - before;
                    }
                    changed |= (h - before).abs() > 0.01;
                }
                i += 1;
            }
            if !changed {
                break;
            }
            tops = block_tops(doc, &view.heights, zoom, top_pad);
        }
        if correction.abs() > 0.01 {
            // A block above the top changed height: keep the visible text still.
            view.scroll_by += correction;
            ui.ctx().request_repaint();
        }
        let total = tops[doc.blocks.len()] + view.viewport_height * 0.4;
        let full_width = ui.available_width();
        let (rect, response) = ui.allocate_exact_size(
            vec2(full_width, total.max(viewport.height())),
            Sense::click_and_drag(),
        );
        let origin = rect.min + vec2(((full_width - width) / 2.0).max(side_margin), -correction);
        let painter = ui.painter_at(ui.clip_rect());
        let palette = &input.palette;

        let first = tops[..doc.blocks.len()]
            .partition_point(|&t| t - correction < viewport.min.y)
            .saturating_sub(1);
        let mut top_char_set = false;
        let hover = response.hover_pos();
        let mut hovered_link: Option<String> = None;
        let flash = view.flash.filter(|(_, t0)| now - t0 < FLASH_SECONDS);
        let mut visible: Vec<VisibleBlock> = Vec::new();
        for (i, block) in doc.blocks.iter().enumerate().skip(first) {
            if tops[i] - correction > viewport.max.y {
                break;
            }
            let galley = view.galley(ui, input, i, width);
            let indent = layout::indent(block, zoom);
            let pos = origin + vec2(indent, tops[i]);
            let block_rect = Rect::from_min_size(pos, galley.size());
            if !top_char_set
                && view.scroll_to.is_none()
                && tops[i] + galley.size().y - correction > viewport.min.y
            {
                let local = (viewport.min.y + correction - tops[i] + 1.0).max(0.0);
                let c = galley.cursor_from_pos(vec2(0.0, local));
                view.top_char = CharIdx(block.range.start.0 + c.index.0);
                top_char_set = true;
            }
            // Quote bars and list markers sit in the indent.
            for depth in 0..block.quote_depth {
                let x = origin.x + 26.0 * zoom * f32::from(depth) + 4.0;
                painter.line_segment(
                    [pos2(x, pos.y), pos2(x, pos.y + galley.size().y)],
                    Stroke::new(3.0 * zoom, palette.quote_bar),
                );
            }
            if let Some(marker) = &block.marker {
                let size = layout::block_font_size(&block.kind, zoom);
                let first_row_h = galley.rows.first().map_or(size, |r| r.max_y() - r.min_y());
                painter.text(
                    pos2(pos.x - 8.0 * zoom, pos.y + first_row_h / 2.0),
                    Align2::RIGHT_CENTER,
                    marker,
                    crate::app::theme::serif(size),
                    palette.muted,
                );
            }
            // Backgrounds behind the text: highlights, find matches, the
            // selection, the flashed passage.
            let start = block.range.start.0;
            let vb = VisibleBlock {
                range: block.range,
                pos,
                galley: galley.clone(),
            };
            if let Some(annotations) = input.annotations {
                let hovered = marks::paint_highlights(
                    &painter,
                    &vb,
                    annotations,
                    input.focused,
                    (palette, zoom, input.evidence),
                    hover,
                );
                if hovered.is_some() {
                    output.hovered_highlight = hovered;
                }
            }
            let first_match = input
                .matches
                .partition_point(|m| m.end <= block.range.start);
            for (k, m) in input.matches[first_match..].iter().enumerate() {
                if m.start >= block.range.end {
                    break;
                }
                let color = if input.current_match == Some(first_match + k) {
                    palette.find_current
                } else {
                    palette.find_match
                };
                let (a, b) = (m.start.0.saturating_sub(start), m.end.0 - start);
                for r in marks::range_rects(&galley, a, b.min(block.range.len())) {
                    painter.rect_filled(r.translate(pos.to_vec2()).expand(1.0), 2.0, color);
                }
            }
            if !view.selection.is_empty() {
                let rects = marks::block_rects(&vb, view.selection.range());
                for r in &rects {
                    painter.rect_filled(*r, 0.0, palette.selection);
                }
                if view.selection.range().end <= block.range.end
                    && view.selection.range().end > block.range.start
                {
                    output.selection_rect = rects.last().copied();
                }
                let sel_start = view.selection.range().start.0;
                if sel_start >= block.range.start.0
                    && sel_start < block.range.end.0.max(block.range.start.0 + 1)
                {
                    output.selection_start_rect = rects.first().copied();
                }
            }
            if let Some((range, t0)) = flash
                && range.overlaps(block.range)
            {
                let fade = (1.0 - ((now - t0) / FLASH_SECONDS) as f32).clamp(0.0, 1.0);
                let (a, b) = (
                    range.start.0.saturating_sub(start),
                    (range.end.0 - start.min(range.end.0)).min(block.range.len()),
                );
                for r in marks::range_rects(&galley, a, b) {
                    painter.rect_filled(
                        r.translate(pos.to_vec2()).expand(2.0),
                        3.0,
                        palette.flash.gamma_multiply(fade),
                    );
                }
                ui.ctx().request_repaint();
            }
            painter.galley(pos, galley.clone(), palette.text);
            view.bottom_char = block.range.end;
            visible.push(vb);
            // Expose the visible text to screen readers (and UI tests).
            let text_response =
                ui.interact(block_rect, ui.scope_id().with(("block", i)), Sense::hover());
            text_response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Label, true, doc.block_text(block))
            });
            if let Some(p) = hover
                && block_rect.contains(p)
            {
                let c = galley.cursor_from_pos(p - pos);
                let at = CharIdx(start + c.index.0);
                hovered_link = doc
                    .spans_in(CharRange::new(at.0, at.0 + 1))
                    .iter()
                    .find_map(|s| match &s.style {
                        SpanStyle::Link { url } if s.range.contains(at) => Some(url.clone()),
                        _ => None,
                    });
            }
        }
        let (select, scroll_by) =
            pointer_selection(ui, view, doc, &response, &visible, viewport, correction);
        view.scroll_by += scroll_by;
        output.selecting = view.drag.is_some();
        if let Some(c) = select {
            output.clicked_char = Some(c);
        }
        if let Some(url) = hovered_link {
            ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
            let response = response.clone().on_hover_text_at_pointer(&url);
            if response.clicked() {
                output.clicked_link = Some(url);
                output.clicked_char = None;
            }
        } else if response.hovered() {
            ui.ctx().set_cursor_icon(CursorIcon::Text);
        }
        output.response = Some(response);
    });
    view.offset = scroll.state.unclamped_offset().y;
    // A scroll target can be clamped away while the content size is still
    // unknown (the first frames of a window): keep asking until it sticks.
    match wanted_offset {
        Some(y) if (view.offset - y).abs() > 1.0 && view.scroll_attempts < 10 => {
            view.scroll_attempts += 1;
            ui.ctx().request_repaint();
        }
        _ => {
            view.scroll_to = None;
            view.scroll_attempts = 0;
        }
    }
    view.viewport_height = scroll.inner_rect.height();
    output
}

/// Mouse selection: press, drag, release; double click selects words and
/// triple click paragraphs; Shift+click extends. Returns the char of a plain
/// click (no drag) and how far to auto-scroll while dragging past an edge.
fn pointer_selection(
    ui: &Ui,
    view: &mut ReaderView,
    doc: &Document,
    response: &Response,
    visible: &[VisibleBlock],
    viewport: Rect,
    correction: f32,
) -> (Option<CharIdx>, f32) {
    let (pressed, down, released, pos, shift, now) = ui.input(|i| {
        (
            i.pointer.primary_pressed(),
            i.pointer.primary_down(),
            i.pointer.primary_released(),
            i.pointer.interact_pos(),
            i.modifiers.shift,
            i.time,
        )
    });
    let mut clicked = None;
    let mut scroll = 0.0;
    if pressed
        && response.hovered()
        && let Some(p) = pos
        && let Some(c) = marks::char_at(visible, p)
    {
        let count = match view.last_press {
            Some((t, q, n)) if now - t < 0.45 && q.distance(p) < 6.0 => (n % 3) + 1,
            _ => 1,
        };
        view.last_press = Some((now, p, count));
        let unit = match count {
            1 => Granularity::Char,
            2 => Granularity::Word,
            _ => Granularity::Block,
        };
        if shift && count == 1 {
            let anchor = if view.selection.is_empty() {
                view.top_char.max(view.selection.anchor)
            } else {
                view.selection.anchor
            };
            view.selection = extend(doc, anchor, c, Granularity::Char);
            view.drag = Some((anchor, Granularity::Char, true));
        } else {
            view.selection = extend(doc, c, c, unit);
            view.drag = Some((c, unit, unit != Granularity::Char));
        }
    } else if let Some((origin, unit, _)) = view.drag
        && down
        && let Some(p) = pos
    {
        if let Some(c) = marks::char_at(visible, p) {
            let next = drag_selection(doc, origin, c, unit);
            let moved = view.selection.head != next.head;
            view.selection = next;
            if moved && let Some(d) = &mut view.drag {
                d.2 = true;
            }
        }
        let top = viewport.min.y + correction;
        let bottom = viewport.max.y + correction;
        let local_y = p.y - response.rect.min.y;
        if local_y < top + 20.0 {
            scroll = -12.0;
        } else if local_y > bottom - 20.0 {
            scroll = 12.0;
        }
        if scroll != 0.0 {
            ui.ctx().request_repaint();
        }
    }
    if released
        && let Some((origin, _, dragged)) = view.drag.take()
        && !dragged
    {
        view.selection = Selection::default();
        clicked = Some(origin);
    }
    (clicked, scroll)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_tops_add_spacing_and_heights() {
        let doc = crate::document::parse_source(
            "Title here\n\nBody one.\n\nBody two.",
            crate::document::SourceFormat::Text,
            "t",
        );
        let tops = block_tops(&doc, &[10.0, 20.0, 30.0], 1.0, 5.0);
        assert_eq!(tops, vec![5.0, 31.0, 67.0, 97.0]);
    }
}
