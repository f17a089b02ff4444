//! Every colour and font the app uses, for light and dark. UI code asks the
//! theme; it never names a colour itself.

use std::sync::Arc;

use crate::annotate::HighlightColor;
use crate::timeline::LaneColor;
use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId};

/// The reading font families installed by [`install_fonts`].
pub const SERIF: &str = "serif";
/// Italic reading font.
pub const SERIF_ITALIC: &str = "serif-italic";
/// Bold reading font.
pub const SERIF_BOLD: &str = "serif-bold";

/// Adds the bundled Noto Serif faces (OFL, see `assets/fonts/`) as named
/// families, keeping egui's defaults for the interface; `script`, a system
/// font for the scripts neither has (Chinese, Japanese, Korean), is the
/// last fallback of every family when given (see [`script_font`]).
pub fn install_fonts(ctx: &egui::Context, script: Option<Arc<FontData>>) {
    let mut fonts = FontDefinitions::default();
    if let Some(data) = script {
        fonts.font_data.insert(SCRIPT.to_owned(), data);
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(SCRIPT.to_owned());
        }
    }
    let faces: [(&str, &'static [u8]); 3] = [
        (
            SERIF,
            include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf"),
        ),
        (
            SERIF_ITALIC,
            include_bytes!("../../assets/fonts/NotoSerif-Italic.ttf"),
        ),
        (
            SERIF_BOLD,
            include_bytes!("../../assets/fonts/NotoSerif-Bold.ttf"),
        ),
    ];
    // Glyphs the serif lacks (emoji, CJK) fall back to the interface's fonts.
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for (name, bytes) in faces {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
        let mut chain = vec![name.to_owned()];
        chain.extend(fallbacks.iter().cloned());
        fonts.families.insert(FontFamily::Name(name.into()), chain);
    }
    ctx.set_fonts(fonts);
}

/// The name of the system font added for other scripts.
const SCRIPT: &str = "script-fallback";

/// System fonts covering Chinese, Japanese and Korean, in the order tried
/// (Debian's and Fedora's paths for Noto CJK, Droid Sans Fallback, `WenQuanYi` Micro Hei).
const SCRIPT_FONTS: [&str; 6] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
];

/// A system font for Chinese, Japanese and Korean text, read from the
/// first of `SCRIPT_FONTS` present (none are bundled: they are large).
#[must_use]
pub fn script_font() -> Option<Arc<FontData>> {
    SCRIPT_FONTS
        .iter()
        .find_map(|p| std::fs::read(p).ok())
        .map(|bytes| Arc::new(FontData::from_owned(bytes)))
}

/// Whether `text` has letters of a script the bundled fonts lack (kana,
/// CJK ideographs, Hangul). Looks at the first 200 000 chars.
#[must_use]
pub fn needs_script_font(text: &str) -> bool {
    text.chars().take(200_000).any(|c| {
        matches!(c,
            '\u{1100}'..='\u{11ff}'
                | '\u{2e80}'..='\u{9fff}'
                | '\u{a960}'..='\u{a97f}'
                | '\u{ac00}'..='\u{d7ff}'
                | '\u{f900}'..='\u{faff}'
                | '\u{ff00}'..='\u{ffef}')
    })
}

/// Makes secondary text readable in both themes: weak text with a
/// contrast of at least 4.5 : 1 on the panels (WCAG AA), where egui's
/// default is light grey; small text at least the body's size minus two
/// points (egui's is 3.5 under).
pub fn install_styles(ctx: &egui::Context) {
    ctx.all_styles_mut(readable);
}

/// [`install_styles`] on one style.
pub fn readable(style: &mut egui::Style) {
    // Small text at most two points under the body's.
    let body = style
        .text_styles
        .get(&egui::TextStyle::Body)
        .map_or(12.5, |f| f.size);
    if let Some(small) = style.text_styles.get_mut(&egui::TextStyle::Small) {
        small.size = small.size.max(body - 2.0);
    }
    let v = &mut style.visuals;
    v.weak_text_color = Some(if v.dark_mode {
        Color32::from_gray(170)
    } else {
        Color32::from_gray(92)
    });
    // Text stronger than the secondary text under it (egui's dark default
    // is dimmer than our weak grey).
    v.widgets.noninteractive.fg_stroke.color = if v.dark_mode {
        Color32::from_gray(222)
    } else {
        Color32::from_gray(28)
    };
}

/// WCAG contrast ratio of two colours (1 to 21).
#[must_use]
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let lum = |c: Color32| {
        let ch = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.r()) + 0.7152 * ch(c.g()) + 0.0722 * ch(c.b())
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The reading font at `size` points.
#[must_use]
pub fn serif(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(SERIF.into()))
}

/// The italic reading font.
#[must_use]
pub fn serif_italic(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(SERIF_ITALIC.into()))
}

/// The bold reading font.
#[must_use]
pub fn serif_bold(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(SERIF_BOLD.into()))
}

/// The reading pane's palette for one theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Palette {
    /// Page background.
    pub page: Color32,
    /// Body text.
    pub text: Color32,
    /// Title and headings.
    pub heading: Color32,
    /// Secondary text: dateline, list markers, status.
    pub muted: Color32,
    /// Link text.
    pub link: Color32,
    /// Block-quote bar and quoted text.
    pub quote_bar: Color32,
    /// Inline code background.
    pub code_bg: Color32,
    /// Background of every find match.
    pub find_match: Color32,
    /// Background of the current find match.
    pub find_current: Color32,
    /// The flash that marks a passage the view jumped to.
    pub flash: Color32,
    /// The text selection.
    pub selection: Color32,
    /// Highlight fills, translucent so overlaps mix, in [`HighlightColor::ALL`] order.
    pub marks: [Color32; 5],
    /// Strong highlight colours: underlines, swatches, note markers.
    pub mark_lines: [Color32; 5],
}

impl Palette {
    /// The palette for light or dark mode.
    #[must_use]
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                page: Color32::from_rgb(0x1d, 0x1f, 0x23),
                text: Color32::from_rgb(0xd8, 0xd4, 0xcc),
                heading: Color32::from_rgb(0xee, 0xea, 0xe2),
                muted: Color32::from_rgb(0x94, 0x90, 0x88),
                link: Color32::from_rgb(0x8c, 0xb4, 0xe8),
                quote_bar: Color32::from_rgb(0x5a, 0x5f, 0x6a),
                code_bg: Color32::from_rgb(0x2a, 0x2d, 0x33),
                find_match: Color32::from_rgba_unmultiplied(0xb0, 0x8a, 0x20, 0x70),
                find_current: Color32::from_rgb(0xc7, 0x7c, 0x14),
                flash: Color32::from_rgba_unmultiplied(0x60, 0x90, 0xd0, 0x60),
                selection: Color32::from_rgba_unmultiplied(0xe0, 0xe0, 0xff, 0x48),
                marks: [
                    Color32::from_rgba_unmultiplied(0xc8, 0xa0, 0x20, 0x60),
                    Color32::from_rgba_unmultiplied(0x50, 0xa0, 0x50, 0x60),
                    Color32::from_rgba_unmultiplied(0x40, 0x80, 0xc8, 0x68),
                    Color32::from_rgba_unmultiplied(0xc0, 0x50, 0x80, 0x60),
                    Color32::from_rgba_unmultiplied(0x90, 0x68, 0xd0, 0x68),
                ],
                mark_lines: [
                    Color32::from_rgb(0xe8, 0xc0, 0x40),
                    Color32::from_rgb(0x7c, 0xc8, 0x70),
                    Color32::from_rgb(0x70, 0xb0, 0xf0),
                    Color32::from_rgb(0xf0, 0x80, 0xb0),
                    Color32::from_rgb(0xb8, 0x98, 0xf0),
                ],
            }
        } else {
            Self {
                page: Color32::from_rgb(0xfb, 0xf8, 0xf1),
                text: Color32::from_rgb(0x2b, 0x28, 0x24),
                heading: Color32::from_rgb(0x14, 0x12, 0x10),
                muted: Color32::from_rgb(0x6f, 0x69, 0x60),
                link: Color32::from_rgb(0x1f, 0x5a, 0xa6),
                quote_bar: Color32::from_rgb(0xc9, 0xc1, 0xb2),
                code_bg: Color32::from_rgb(0xee, 0xe9, 0xdf),
                find_match: Color32::from_rgba_unmultiplied(0xf5, 0xd0, 0x4c, 0x90),
                find_current: Color32::from_rgb(0xf0, 0x9a, 0x2a),
                flash: Color32::from_rgba_unmultiplied(0x70, 0xa0, 0xe0, 0x60),
                selection: Color32::from_rgba_unmultiplied(0x40, 0x50, 0x70, 0x40),
                marks: [
                    Color32::from_rgba_unmultiplied(0xf7, 0xd3, 0x4a, 0x90),
                    Color32::from_rgba_unmultiplied(0x9b, 0xd8, 0x8a, 0x90),
                    Color32::from_rgba_unmultiplied(0x8c, 0xc4, 0xf0, 0x90),
                    Color32::from_rgba_unmultiplied(0xf4, 0xa3, 0xc0, 0x90),
                    Color32::from_rgba_unmultiplied(0xc5, 0xa8, 0xec, 0x90),
                ],
                mark_lines: [
                    Color32::from_rgb(0xc9, 0x98, 0x00),
                    Color32::from_rgb(0x3f, 0x9a, 0x3a),
                    Color32::from_rgb(0x2f, 0x7f, 0xc8),
                    Color32::from_rgb(0xd0, 0x4a, 0x80),
                    Color32::from_rgb(0x80, 0x58, 0xc8),
                ],
            }
        }
    }
}

impl Palette {
    /// The translucent fill of a highlight colour.
    #[must_use]
    pub fn mark(&self, color: HighlightColor) -> Color32 {
        self.marks[color_slot(color)]
    }

    /// The strong form of a highlight colour.
    #[must_use]
    pub fn mark_line(&self, color: HighlightColor) -> Color32 {
        self.mark_lines[color_slot(color)]
    }
}

/// A lane colour: strong for markers, and a light tint for the lane's band.
#[must_use]
pub fn lane_color(color: LaneColor, dark: bool) -> Color32 {
    let (light, dark_c) = match color {
        LaneColor::Blue => ((0x2f, 0x6f, 0xb8), (0x6a, 0xa8, 0xf0)),
        LaneColor::Orange => ((0xc8, 0x6a, 0x10), (0xf0, 0xa0, 0x50)),
        LaneColor::Green => ((0x2f, 0x8a, 0x3a), (0x70, 0xc8, 0x70)),
        LaneColor::Red => ((0xb8, 0x32, 0x3a), (0xf0, 0x78, 0x78)),
        LaneColor::Purple => ((0x70, 0x48, 0xb8), (0xb0, 0x90, 0xf0)),
        LaneColor::Teal => ((0x1f, 0x80, 0x80), (0x60, 0xc8, 0xc8)),
        LaneColor::Brown => ((0x8a, 0x5a, 0x30), (0xc8, 0x98, 0x68)),
        LaneColor::Gray => ((0x66, 0x66, 0x66), (0xa8, 0xa8, 0xa8)),
    };
    let (r, g, b) = if dark { dark_c } else { light };
    Color32::from_rgb(r, g, b)
}

fn color_slot(color: HighlightColor) -> usize {
    HighlightColor::ALL
        .iter()
        .position(|c| *c == color)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::Palette;

    #[test]
    fn chinese_japanese_and_korean_text_asks_for_a_system_font() {
        assert!(super::needs_script_font("ハルコさんの彼氏"));
        assert!(super::needs_script_font("草枕"));
        assert!(super::needs_script_font("ㄱ ㅁ ㅑ"));
        assert!(super::needs_script_font("대한민국"));
        assert!(!super::needs_script_font(
            "Huawei, 5G — “quoted” café naïve Ελλάδα"
        ));
    }

    #[test]
    fn text_contrasts_with_page_in_both_themes() {
        for dark in [false, true] {
            let p = Palette::new(dark);
            let luma = |c: egui::Color32| {
                0.2126 * f32::from(c.r()) + 0.7152 * f32::from(c.g()) + 0.0722 * f32::from(c.b())
            };
            assert!((luma(p.text) - luma(p.page)).abs() > 120.0, "dark={dark}");
        }
    }
}

#[cfg(test)]
mod readable_tests {
    use super::*;

    #[test]
    fn secondary_text_is_readable_in_both_themes() {
        for dark in [false, true] {
            let mut style = egui::Style {
                visuals: if dark {
                    egui::Visuals::dark()
                } else {
                    egui::Visuals::light()
                },
                ..egui::Style::default()
            };
            readable(&mut style);
            let size = |t: egui::TextStyle| style.text_styles.get(&t).map_or(0.0, |f| f.size);
            assert!(
                size(egui::TextStyle::Small) >= size(egui::TextStyle::Body) - 2.0,
                "small text too small"
            );
            let v = &style.visuals;
            for bg in [v.panel_fill, v.window_fill, v.extreme_bg_color] {
                let c = contrast(v.weak_text_color(), bg);
                assert!(c >= 4.5, "weak text {c:.2} : 1 (dark: {dark})");
                let c = contrast(v.text_color(), bg);
                assert!(c >= 4.5, "text {c:.2} : 1 (dark: {dark})");
                assert!(
                    c > contrast(v.weak_text_color(), bg),
                    "text is stronger than secondary text (dark: {dark})"
                );
            }
        }
    }
}
