//! Plain text → [`Document`]: paragraphs split on blank lines; the lines of a
//! paragraph (hard-wrapped text) are joined with a space.

use crate::document::BlockKind;
use crate::document::builder::Builder;

/// Parses plain text into the builder.
pub(crate) fn build(source: &str, b: &mut Builder) {
    let mut in_paragraph = false;
    for line in source.lines() {
        if line.trim().is_empty() {
            b.end_block();
            in_paragraph = false;
            continue;
        }
        if in_paragraph {
            b.mark_space();
        } else {
            b.start_block(BlockKind::Paragraph, 0, 0);
            in_paragraph = true;
        }
        b.text(line);
    }
}

#[cfg(test)]
mod tests {
    use crate::document::builder::Builder;

    #[test]
    fn paragraphs_split_on_blank_lines_and_lines_join() {
        let mut b = Builder::default();
        super::build(
            "First line\nwraps here.\n\n\n  Second\r\n \t\nThird  para ",
            &mut b,
        );
        let (text, blocks, _, _) = b.finish();
        assert_eq!(text, "First line wraps here.\n\nSecond\n\nThird para");
        assert_eq!(blocks.len(), 3);
    }
}
