//! Turns one document block into an egui [`LayoutJob`]: fonts, sizes and
//! colours by block kind and inline span. Pure: no `Ui`, no painting.

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{FontFamily, FontId, Stroke};

use crate::app::theme::{self, Palette};
use crate::document::{Block, BlockKind, Document, SpanStyle};

/// Body text size at zoom 1.0, in points.
pub const BODY_SIZE: f32 = 18.0;
/// Line height as a multiple of the body size: generous, for reading.
const LINE_HEIGHT: f32 = 1.62;

/// The base font size of a block kind at `zoom`.
#[must_use]
pub fn block_font_size(kind: &BlockKind, zoom: f32) -> f32 {
    zoom * match kind {
        BlockKind::Title => 31.0,
        BlockKind::Heading { level: 1 } => 25.0,
        BlockKind::Heading { level: 2 } => 22.0,
        BlockKind::Heading { .. } => 19.5,
        BlockKind::Dateline => 14.5,
        BlockKind::Code => 15.0,
        BlockKind::Paragraph => BODY_SIZE,
    }
}

/// Space above a block, in points, at `zoom`.
#[must_use]
pub fn space_before(kind: &BlockKind, zoom: f32) -> f32 {
    zoom * match kind {
        BlockKind::Title => 0.0,
        BlockKind::Dateline => 10.0,
        BlockKind::Heading { .. } => 30.0,
        BlockKind::Paragraph | BlockKind::Code => 16.0,
    }
}

/// Left indent of a block (quotes and lists), in points.
#[must_use]
pub fn indent(block: &Block, zoom: f32) -> f32 {
    zoom * (26.0 * f32::from(block.quote_depth) + 28.0 * f32::from(block.list_depth))
}

fn base_format(kind: &BlockKind, quoted: bool, zoom: f32, palette: &Palette) -> TextFormat {
    let size = block_font_size(kind, zoom);
    let (font_id, color, line) = match kind {
        BlockKind::Title | BlockKind::Heading { .. } => {
            (theme::serif_bold(size), palette.heading, 1.28)
        }
        BlockKind::Dateline => (
            FontId::new(size, FontFamily::Proportional),
            palette.muted,
            1.4,
        ),
        BlockKind::Code => (FontId::monospace(size), palette.text, 1.45),
        BlockKind::Paragraph if quoted => (theme::serif_italic(size), palette.text, LINE_HEIGHT),
        BlockKind::Paragraph => (theme::serif(size), palette.text, LINE_HEIGHT),
    };
    TextFormat {
        font_id,
        color,
        line_height: Some((size * line).round()),
        ..TextFormat::default()
    }
}

fn apply_style(format: &mut TextFormat, style: &SpanStyle, palette: &Palette) {
    let size = format.font_id.size;
    match style {
        SpanStyle::Emphasis => format.font_id = theme::serif_italic(size),
        SpanStyle::Strong => format.font_id = theme::serif_bold(size),
        SpanStyle::Strikethrough => format.strikethrough = Stroke::new(1.0, format.color),
        SpanStyle::Code => {
            format.font_id = FontId::monospace(size * 0.88);
            format.background = palette.code_bg;
        }
        SpanStyle::Link { .. } => {
            format.color = palette.link;
            format.underline = Stroke::new(1.0, palette.link.gamma_multiply(0.5));
        }
    }
}

/// The layout job for block `index` of `doc`, wrapped at `width` points.
#[must_use]
pub fn block_job(
    doc: &Document,
    index: usize,
    width: f32,
    zoom: f32,
    palette: &Palette,
) -> LayoutJob {
    let block = &doc.blocks[index];
    let text = doc.block_text(block);
    let base = base_format(&block.kind, block.quote_depth > 0, zoom, palette);
    let mut job = LayoutJob {
        wrap: TextWrapping::wrap_at_width(width.max(40.0)),
        ..LayoutJob::default()
    };
    let spans = doc.spans_in(block.range);
    if spans.is_empty() {
        job.append(text, 0.0, base);
        return job;
    }
    // Cut the block at every span edge; each piece gets the styles covering it.
    let start = block.range.start.0;
    let mut cuts: Vec<usize> = vec![0, block.range.len()];
    for s in spans {
        cuts.push(s.range.start.0.saturating_sub(start));
        cuts.push(s.range.end.0.saturating_sub(start).min(block.range.len()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let byte_of: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let mut format = base.clone();
        for s in spans {
            let (sa, sb) = (
                s.range.start.0.saturating_sub(start),
                s.range.end.0.saturating_sub(start),
            );
            if sa <= a && b <= sb {
                apply_style(&mut format, &s.style, palette);
            }
        }
        job.append(&text[byte_of[a]..byte_of[b]], 0.0, format);
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{SourceFormat, parse_source};

    #[test]
    fn spans_become_sections_covering_the_whole_text() {
        let doc = parse_source(
            "Plain *italic* and [link](https://x.y) end",
            SourceFormat::Markdown,
            "t",
        );
        let palette = Palette::new(false);
        let job = block_job(&doc, 0, 500.0, 1.0, &palette);
        assert_eq!(job.text, "Plain italic and link end");
        let pieces: Vec<&str> = job
            .sections
            .iter()
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(pieces, ["Plain ", "italic", " and ", "link", " end"]);
        assert_eq!(job.sections[3].format.color, palette.link);
    }
}
