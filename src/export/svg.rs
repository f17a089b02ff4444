//! The timeline picture as SVG: lanes, axis, events and labels, laid out by
//! the same pure function as the window. Text is escaped by maud.

use maud::{Markup, PreEscaped, html};

use super::ExportInput;
use crate::timeline::layout::{LayoutParams, Placed, fit_all, layout};
use crate::timeline::{EventKind, LaneColor, OpenEnd};

const WIDTH: f32 = 1100.0;
const LANE_LABELS: f32 = 180.0;
const TOP: f32 = 56.0;
const AXIS: f32 = 26.0;
/// The chart's dark colours, for viewers that follow the system theme.
const DARK_CSS: &str = "@media (prefers-color-scheme: dark) { .bg { fill: #25282d; } .ink { fill: #e4e0d8; } .muted { fill: #a09c94; } .grid { stroke: #ffffff; } }";

/// Lane colours for print and screen (the light theme's).
pub(crate) fn lane_rgb(c: LaneColor) -> &'static str {
    match c {
        LaneColor::Blue => "#2f6fb8",
        LaneColor::Orange => "#c86a10",
        LaneColor::Green => "#2f8a3a",
        LaneColor::Red => "#b8323a",
        LaneColor::Purple => "#7048b8",
        LaneColor::Teal => "#1f8080",
        LaneColor::Brown => "#8a5a30",
        LaneColor::Gray => "#666666",
    }
}

fn n(x: f32) -> String {
    format!("{x:.1}")
}

/// The `<svg>` element (no XML declaration), `WIDTH` wide.
pub(crate) fn svg_element(input: &ExportInput<'_>) -> Markup {
    let ann = input.annotations;
    let plot_w = WIDTH - LANE_LABELS - 20.0;
    let params = LayoutParams {
        width: plot_w,
        row_height: 24.0,
        lane_gap: 6.0,
        char_width: 6.6,
        max_rows: 8,
        height: 0.0,
    };
    let view = fit_all(ann.events(), input.published);
    let lay = layout(ann.lanes(), ann.events(), view, input.published, &params);
    let plot_top = TOP + AXIS;
    let height = plot_top + lay.height.max(40.0) + 24.0;
    let x0 = LANE_LABELS;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(n(WIDTH)) height=(n(height))
            viewBox=(format!("0 0 {} {}", n(WIDTH), n(height)))
            font-family="Helvetica, Arial, sans-serif" role="img" {
            title { "Timeline: " (input.doc.meta.title) }
            // Dark mode where the viewer supports it (a browser, or the
            // HTML export): classes override the light fills.
            style { (PreEscaped(DARK_CSS)) }
            rect.bg x="0" y="0" width=(n(WIDTH)) height=(n(height)) fill="#ffffff" {}
            text.ink x="16" y="26" font-size="17" font-weight="bold" fill="#1a1a1a" { (input.doc.meta.title) }
            text.muted x="16" y="44" font-size="12" fill="#555555" {
                @let source = input.doc.meta.source.as_deref().unwrap_or("");
                (source)
                @if input.published.is_some() || source.is_empty() {
                    " · published " (super::long_date(input.published))
                }
            }
            // Lanes.
            @for (i, lane) in lay.lanes.iter().enumerate() {
                @let top = plot_top + lane.top;
                @let color = lane_rgb(lane.color);
                rect x="0" y=(n(top)) width=(n(WIDTH)) height=(n(lane.height))
                    fill=(color) fill-opacity=(if i % 2 == 0 { "0.07" } else { "0.04" }) {}
                rect x="0" y=(n(top)) width="4" height=(n(lane.height)) fill=(color) {}
                text.ink x="12" y=(n(top + 17.0)) font-size="13" fill="#1a1a1a" { (lane.name) }
            }
            // Axis.
            line x1=(n(x0)) y1=(n(plot_top - 1.0)) x2=(n(x0 + plot_w)) y2=(n(plot_top - 1.0)) stroke="#888888" {}
            @for t in &lay.ticks {
                @let x = x0 + t.x;
                line.grid x1=(n(x)) y1=(n(plot_top)) x2=(n(x)) y2=(n(plot_top + lay.height)) stroke="#000000" stroke-opacity="0.08" {}
                line x1=(n(x)) y1=(n(plot_top - if t.major { 9.0 } else { 5.0 })) x2=(n(x)) y2=(n(plot_top - 1.0)) stroke="#888888" {}
                @if !t.label.is_empty() {
                    text.muted x=(n(x + 3.0)) y=(n(plot_top - 10.0)) font-size="11" fill="#555555" { (t.label) }
                }
            }
            @if let Some(px) = lay.publication_x {
                line x1=(n(x0 + px)) y1=(n(plot_top)) x2=(n(x0 + px)) y2=(n(plot_top + lay.height))
                    stroke="#d0730e" stroke-width="1.5" stroke-dasharray="5 4" {}
                text x=(n(x0 + px)) y=(n(plot_top + lay.height + 14.0)) font-size="10" fill="#d0730e" text-anchor="middle" { "published" }
            }
            // Events.
            @for p in &lay.items {
                @if let Some(event) = ann.event(&p.event) {
                    g {
                        title { (event.title) " — " (event.when.label()) " (" (super::kind_name(event)) ")" }
                        (item(p, x0, plot_top, lane_rgb(lay.lanes[p.lane].color), event.kind))
                        @if let Some(label) = &p.label {
                            text.ink x=(n(x0 + p.label_x)) y=(n(plot_top + p.label_y + 4.0)) font-size="12" fill="#1a1a1a" { (label) }
                        }
                    }
                }
            }
            @if lay.items.is_empty() {
                text.muted x=(n(x0 + 10.0)) y=(n(plot_top + 24.0)) font-size="13" fill="#777777" { "No events on the timeline yet." }
            }
        }
    }
}

/// One event's marker: a point or a bar, hollow/dashed when expected, with
/// fading ends when approximate or open.
// Short names (p, x0, y, a, b) follow the layout's fields.
#[allow(clippy::many_single_char_names)]
fn item(p: &Placed, x0: f32, top: f32, color: &str, kind: EventKind) -> Markup {
    let y = top + p.y;
    let expected = kind == EventKind::Expected;
    if p.point {
        let cx = x0 + p.x0;
        return html! {
            @if p.approximate {
                circle cx=(n(cx)) cy=(n(y)) r="10" fill=(color) fill-opacity="0.18" {}
            }
            @if expected {
                circle.bg cx=(n(cx)) cy=(n(y)) r="5.5" fill="#ffffff" stroke=(color) stroke-width="2" {}
            } @else {
                circle cx=(n(cx)) cy=(n(y)) r="5.5" fill=(color) {}
            }
        };
    }
    let (a, b) = (x0 + p.x0, x0 + p.x1.max(p.x0 + 2.0));
    let soft_left = p.approximate || p.open == Some(OpenEnd::Before) || p.clipped.0;
    let soft_right = p.approximate || p.open == Some(OpenEnd::After) || p.clipped.1;
    let fade = ((b - a) * 0.25).min(14.0);
    let (ca, cb) = (
        a + if soft_left { fade } else { 0.0 },
        b - if soft_right { fade } else { 0.0 },
    );
    let opacity = if expected { 0.2 } else { 0.6 };
    let [_, y0, _, y1] = p.mark_box();
    let (top, h) = (top + y0, y1 - y0);
    html! {
        rect x=(n(ca)) y=(n(top)) width=(n((cb - ca).max(1.0))) height=(n(h)) rx="2"
            fill=(color) fill-opacity=(format!("{opacity}"))
            stroke=(color) stroke-width="1.5"
            stroke-dasharray=(if expected { "4 3" } else { "none" }) {}
        @for k in 0..4u8 {
            @let w = fade / 4.0;
            @let alpha = opacity * (1.0 - (f32::from(k) + 1.0) / 5.0);
            @if soft_left {
                rect x=(n(ca - w * (f32::from(k) + 1.0))) y=(n(top)) width=(n(w)) height=(n(h)) fill=(color) fill-opacity=(format!("{alpha:.2}")) {}
            }
            @if soft_right {
                rect x=(n(cb + w * f32::from(k))) y=(n(top)) width=(n(w)) height=(n(h)) fill=(color) fill-opacity=(format!("{alpha:.2}")) {}
            }
        }
    }
}

pub(super) fn svg(input: &ExportInput<'_>) -> String {
    let body = svg_element(input).into_string();
    let doc: Markup =
        html! { (PreEscaped("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")) (PreEscaped(body)) };
    doc.into_string() + "\n"
}
