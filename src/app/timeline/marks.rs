//! Painting the timeline's event marks cheaply.
//!
//! Under software OpenGL a frame costs roughly what its triangles cost, and
//! egui's anti-aliased strokes are expensive: a stroked circle of radius 5
//! is ~190 triangles, a dashed edge ~8 per dash, a rounded rect ~50. A
//! crowded timeline (500 events) drew 28 000 triangles, 12 ms of every
//! frame in llvmpipe. Here bars, outlines, dashes and soft edges are
//! pixel-aligned quads in one mesh (2 triangles each, crisp without
//! anti-aliasing), and circles are filled discs, which egui draws as one
//! textured quad (a ring is a disc on a disc).

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Rect, Shape, Stroke, pos2};

use crate::timeline::OpenEnd;
use crate::timeline::layout::Placed;

/// Radius of a point's mark.
const POINT_RADIUS: f32 = 5.5;
/// Radius of the halo of an approximate point.
const HALO_RADIUS: f32 = 10.0;

/// The marks of one frame: quads in one mesh, then discs above them.
#[derive(Default)]
pub(crate) struct Marks {
    mesh: Mesh,
    discs: Vec<Shape>,
}

impl Marks {
    /// A solid, pixel-aligned rectangle.
    fn rect(&mut self, rect: Rect, color: Color32) {
        let rect = round(rect);
        if rect.width() > 0.0 && rect.height() > 0.0 {
            self.mesh.add_colored_rect(rect, color);
        }
    }

    /// A rectangle fading horizontally from `left` to `right`.
    fn gradient(&mut self, rect: Rect, left: Color32, right: Color32) {
        let rect = round(rect);
        let base = self.mesh.vertices.len() as u32;
        for (pos, color) in [
            (rect.left_top(), left),
            (rect.right_top(), right),
            (rect.right_bottom(), right),
            (rect.left_bottom(), left),
        ] {
            self.mesh.vertices.push(Vertex {
                pos,
                uv: WHITE_UV,
                color,
            });
        }
        self.mesh.add_triangle(base, base + 1, base + 2);
        self.mesh.add_triangle(base, base + 2, base + 3);
    }

    /// The outline of `rect`, `width` thick, inside it.
    fn outline(&mut self, rect: Rect, width: f32, color: Color32) {
        let r = round(rect);
        self.rect(
            Rect::from_min_max(r.min, pos2(r.max.x, r.min.y + width)),
            color,
        );
        self.rect(
            Rect::from_min_max(pos2(r.min.x, r.max.y - width), r.max),
            color,
        );
        self.rect(
            Rect::from_min_max(r.min, pos2(r.min.x + width, r.max.y)),
            color,
        );
        self.rect(
            Rect::from_min_max(pos2(r.max.x - width, r.min.y), r.max),
            color,
        );
    }

    /// A dashed horizontal line from `x0` to `x1` whose top is `y`.
    fn dashes(&mut self, x0: f32, x1: f32, y: f32, width: f32, color: Color32) {
        let (dash, gap) = (4.0, 3.0);
        let mut x = x0;
        while x < x1 {
            let end = (x + dash).min(x1);
            self.rect(Rect::from_min_max(pos2(x, y), pos2(end, y + width)), color);
            x += dash + gap;
        }
    }

    /// A filled disc (one textured quad when egui has a prepared disc).
    fn disc(&mut self, center: Pos2, radius: f32, color: Color32) {
        self.discs.push(Shape::circle_filled(center, radius, color));
    }

    /// Hands the marks to `painter`: quads first, discs above them.
    pub(crate) fn paint(self, painter: &egui::Painter) {
        if !self.mesh.is_empty() {
            painter.add(Shape::mesh(self.mesh));
        }
        painter.extend(self.discs);
    }

    /// A filled rectangle that is not a mark (a label's halo).
    pub(crate) fn fill(&mut self, rect: Rect, color: Color32) {
        self.rect(rect, color);
    }

    /// Triangles in the mesh so far (for tests).
    #[cfg(test)]
    fn triangles(&self) -> usize {
        self.mesh.indices.len() / 3
    }
}

/// Rounds a rectangle to whole points, so quads without anti-aliasing stay
/// crisp (a point is a pixel at 100 %; at other scales edges stay even).
fn round(rect: Rect) -> Rect {
    Rect::from_min_max(rect.min.round(), rect.max.round())
}

/// One event's mark: a point for a day, a bar for a span. Approximate dates
/// get soft edges (a halo for a point), open sides fade out, expected or
/// planned events are hollow (point) or dashed (bar), a selected one is
/// ringed.
// Short names (x0, x1, y, p, c) match the layout's fields.
#[allow(clippy::many_single_char_names)]
pub(crate) fn paint_item(
    marks: &mut Marks,
    painter: &egui::Painter,
    p: &Placed,
    origin: Pos2,
    color: Color32,
    page: Color32,
    selected: bool,
) {
    let y = origin.y + p.y;
    let (x0, x1) = (origin.x + p.x0, origin.x + p.x1);
    let line = if selected { 3.0 } else { 1.5 };
    if p.point {
        let c = pos2(x0, y);
        if p.approximate {
            marks.disc(c, HALO_RADIUS, color.gamma_multiply(0.18));
        }
        marks.disc(c, POINT_RADIUS + line / 2.0, color);
        if p.expected {
            marks.disc(c, POINT_RADIUS - line / 2.0, page);
        }
        if selected {
            // One event at most: egui's anti-aliased ring is fine here.
            painter.circle_stroke(c, 9.0, Stroke::new(2.0, color));
        }
        return;
    }
    let [_, y0, _, y1] = p.mark_box();
    let bar = Rect::from_min_max(
        pos2(x0, origin.y + y0),
        pos2(x1.max(x0 + 2.0), origin.y + y1),
    );
    let fill = if p.expected {
        color.gamma_multiply(0.18)
    } else {
        color.gamma_multiply(0.55)
    };
    let soft_left = p.approximate || p.open == Some(OpenEnd::Before) || p.clipped.0;
    let soft_right = p.approximate || p.open == Some(OpenEnd::After) || p.clipped.1;
    let fade = (bar.width() * 0.25).min(14.0);
    let core = Rect::from_min_max(
        pos2(bar.min.x + if soft_left { fade } else { 0.0 }, bar.min.y),
        pos2(bar.max.x - if soft_right { fade } else { 0.0 }, bar.max.y),
    );
    marks.rect(core, fill);
    if soft_left {
        let r = Rect::from_min_max(pos2(bar.min.x, bar.min.y), pos2(core.min.x, bar.max.y));
        marks.gradient(r, Color32::TRANSPARENT, fill);
    }
    if soft_right {
        let r = Rect::from_min_max(pos2(core.max.x, bar.min.y), pos2(bar.max.x, bar.max.y));
        marks.gradient(r, fill, Color32::TRANSPARENT);
    }
    if p.expected {
        // Dashed top and bottom edges for what is expected or planned.
        let r = round(core);
        marks.dashes(r.min.x, r.max.x, r.min.y, line, color);
        marks.dashes(r.min.x, r.max.x, r.max.y - line, line, color);
    } else {
        marks.outline(core, line, color);
    }
    if selected {
        marks.outline(bar.expand(3.0), 2.0, color);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::EventId;
    use egui::vec2;

    fn placed(point: bool, approximate: bool, expected: bool) -> Placed {
        Placed {
            event: EventId("e".into()),
            lane: 0,
            x0: 10.0,
            x1: if point { 10.0 } else { 110.0 },
            y: 20.0,
            point,
            approximate,
            expected,
            open: None,
            clipped: (false, false),
            label: None,
            label_x: 0.0,
            label_y: 20.0,
            label_w: 0.0,
            side: crate::timeline::layout::LabelSide::Right,
        }
    }

    #[test]
    fn a_mark_costs_a_handful_of_triangles() {
        let ctx = egui::Context::default();
        let painter = egui::Painter::new(
            ctx,
            egui::LayerId::background(),
            Rect::from_min_size(Pos2::ZERO, vec2(500.0, 100.0)),
        );
        let mut marks = Marks::default();
        let (c, page) = (Color32::LIGHT_BLUE, Color32::BLACK);
        // A reported bar: fill and four edges.
        paint_item(
            &mut marks,
            &painter,
            &placed(false, false, false),
            Pos2::ZERO,
            c,
            page,
            false,
        );
        assert_eq!(marks.triangles(), 10);
        // An approximate, expected bar: fill, two soft edges, dashed edges.
        let before = marks.triangles();
        paint_item(
            &mut marks,
            &painter,
            &placed(false, true, true),
            Pos2::ZERO,
            c,
            page,
            false,
        );
        let dashes = 2 * (100_f32 - 2.0 * 14.0).div_euclid(7.0).ceil() as usize + 2;
        assert!(
            marks.triangles() - before <= 2 + 4 + 2 * dashes,
            "{}",
            marks.triangles()
        );
        // Points are discs (one quad each when painted), never in the mesh.
        let before = marks.triangles();
        paint_item(
            &mut marks,
            &painter,
            &placed(true, true, true),
            Pos2::ZERO,
            c,
            page,
            false,
        );
        assert_eq!(marks.triangles(), before);
        assert_eq!(marks.discs.len(), 3, "halo, ring, hollow centre");
    }
}
