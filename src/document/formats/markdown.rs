//! Markdown → [`Document`], with pulldown-cmark.
//!
//! Link text stays in the reading text (the URL becomes a span attribute);
//! placeholder links such as `[text](#)` keep their text and lose the link;
//! images, raw HTML and link URLs never appear in the text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::document::builder::Builder;
use crate::document::{BlockKind, SpanStyle};

/// True for link targets that lead nowhere outside the page: empty, `#`, and
/// in-page anchors (`#section`), which articles copied from the web are full of.
pub(crate) fn is_placeholder_url(url: &str) -> bool {
    let url = url.trim();
    url.is_empty() || url.starts_with('#')
}

/// Parses Markdown into the builder.
pub(crate) fn build(source: &str, b: &mut Builder) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    let mut quote_depth: u8 = 0;
    // One entry per open list: the next number for ordered lists.
    let mut lists: Vec<Option<u64>> = Vec::new();
    // An item's block is opened at the item and reused by its first paragraph.
    let mut fresh_item = false;
    let mut image_depth = 0usize;
    // Whether each open link produced a span (placeholders do not).
    let mut links: Vec<bool> = Vec::new();
    let mut table_cell = 0usize;
    let list_depth = |lists: &Vec<Option<u64>>| u8::try_from(lists.len()).unwrap_or(u8::MAX);

    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    if !(fresh_item && b.in_block()) {
                        b.start_block(BlockKind::Paragraph, quote_depth, list_depth(&lists));
                    }
                    fresh_item = false;
                }
                Tag::Heading { level, .. } => {
                    let level = level as u8;
                    b.start_block(BlockKind::Heading { level }, quote_depth, 0);
                    fresh_item = false;
                }
                Tag::BlockQuote(_) => {
                    b.end_block();
                    quote_depth = quote_depth.saturating_add(1);
                }
                Tag::CodeBlock(_) => {
                    b.start_block(BlockKind::Code, quote_depth, list_depth(&lists));
                    fresh_item = false;
                }
                Tag::List(first) => {
                    b.end_block();
                    lists.push(first);
                }
                Tag::Item => {
                    b.start_block(BlockKind::Paragraph, quote_depth, list_depth(&lists));
                    let marker = match lists.last_mut() {
                        Some(Some(n)) => {
                            let m = format!("{n}.");
                            *n += 1;
                            m
                        }
                        _ => "•".to_owned(),
                    };
                    b.set_marker(marker);
                    fresh_item = true;
                }
                Tag::TableRow | Tag::TableHead => {
                    b.start_block(BlockKind::Paragraph, quote_depth, 0);
                    table_cell = 0;
                }
                Tag::TableCell => {
                    if table_cell > 0 {
                        b.text(" | ");
                    }
                    table_cell += 1;
                }
                Tag::Emphasis => b.open_span(SpanStyle::Emphasis),
                Tag::Strong => b.open_span(SpanStyle::Strong),
                Tag::Strikethrough => b.open_span(SpanStyle::Strikethrough),
                Tag::Link { dest_url, .. } => {
                    let real = !is_placeholder_url(&dest_url);
                    if real {
                        b.open_span(SpanStyle::Link {
                            url: dest_url.to_string(),
                        });
                    }
                    links.push(real);
                }
                Tag::Image { .. } => image_depth += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead => {
                    b.end_block();
                    fresh_item = false;
                }
                TagEnd::BlockQuote(_) => {
                    b.end_block();
                    quote_depth = quote_depth.saturating_sub(1);
                }
                TagEnd::List(_) => {
                    b.end_block();
                    lists.pop();
                }
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => b.close_span(),
                TagEnd::Link if links.pop() == Some(true) => b.close_span(),
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if image_depth == 0 => b.text(&t),
            Event::Code(t) if image_depth == 0 => {
                b.open_span(SpanStyle::Code);
                b.text(&t);
                b.close_span();
            }
            Event::SoftBreak => b.mark_space(),
            Event::HardBreak => b.line_break(),
            Event::TaskListMarker(done) => b.text(if done { "☑ " } else { "☐ " }),
            Event::FootnoteReference(name) => b.text(&format!("[{name}]")),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{BlockKind, SpanStyle, builder::Builder};

    fn parse(
        src: &str,
    ) -> (
        String,
        Vec<crate::document::Block>,
        Vec<crate::document::Span>,
    ) {
        let mut b = Builder::default();
        super::build(src, &mut b);
        let (text, blocks, spans, _) = b.finish();
        (text, blocks, spans)
    }

    #[test]
    fn placeholder_links_keep_text_only() {
        let (text, _, spans) = parse("the U.S. [considers a spying threat](#) now");
        assert_eq!(text, "the U.S. considers a spying threat now");
        assert!(spans.is_empty());
    }

    #[test]
    fn real_links_keep_url_as_attribute() {
        let (text, _, spans) = parse("see [the docs](https://example.com/a) here");
        assert_eq!(text, "see the docs here");
        assert_eq!(
            spans[0].style,
            SpanStyle::Link {
                url: "https://example.com/a".into()
            }
        );
        assert_eq!(spans[0].range, crate::document::CharRange::new(4, 12));
    }

    #[test]
    fn escapes_headings_lists_quotes() {
        let src = "# Title\n\nA \\$60 cap, *really*.\n\n- one\n- two\n\n> quoted\n\n1. first\n2. second\n";
        let (text, blocks, spans) = parse(src);
        assert_eq!(
            text,
            "Title\n\nA $60 cap, really.\n\none\n\ntwo\n\nquoted\n\nfirst\n\nsecond"
        );
        assert_eq!(blocks[0].kind, BlockKind::Heading { level: 1 });
        assert_eq!(blocks[2].marker.as_deref(), Some("•"));
        assert_eq!(blocks[2].list_depth, 1);
        assert_eq!(blocks[4].quote_depth, 1);
        assert_eq!(blocks[6].marker.as_deref(), Some("2."));
        assert_eq!(spans[0].style, SpanStyle::Emphasis);
    }

    #[test]
    fn loose_list_items_keep_one_block_per_paragraph() {
        let (text, blocks, _) = parse("- one\n\n  more\n- two\n");
        assert_eq!(text, "one\n\nmore\n\ntwo");
        assert_eq!(blocks[0].marker.as_deref(), Some("•"));
        assert_eq!(blocks[1].marker, None);
    }

    #[test]
    fn code_blocks_keep_lines_and_images_vanish() {
        let (text, blocks, _) =
            parse("```\nfn main() {\n    x\n}\n```\n\n![alt text](a.png) after");
        assert_eq!(text, "fn main() {\n    x\n}\n\nafter");
        assert_eq!(blocks[0].kind, BlockKind::Code);
    }
}
