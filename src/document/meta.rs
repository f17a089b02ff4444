//! Article metadata: title, source, publication date, word count, reading time;
//! and the detection of a title and a dateline among the first blocks.

use jiff::civil::Date;

use super::{Block, BlockKind, dates::parse_loose_date};

/// Words read per minute, for the reading-time estimate.
const WORDS_PER_MINUTE: usize = 230;

/// What is known about an article besides its text.
///
/// Invariants: `title` is never empty (the file name stands in when the
/// article has none); `reading_minutes >= 1` whenever `word_count > 0`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The article's title.
    pub title: String,
    /// The publication it came from, e.g. "Wall Street Journal".
    pub source: Option<String>,
    /// The author line, when the source names one.
    pub byline: Option<String>,
    /// The publication date found in the article, if any. Relative dates
    /// ("next week") resolve against it.
    pub published: Option<Date>,
    /// Number of white-space separated words in the text.
    pub word_count: usize,
    /// Estimated reading time in whole minutes.
    pub reading_minutes: usize,
}

impl Meta {
    /// Fills the counts from the text.
    pub(crate) fn count_words(&mut self, text: &str) {
        self.word_count = text.split_whitespace().count();
        self.reading_minutes = self.word_count.div_ceil(WORDS_PER_MINUTE);
    }
}

/// True when a paragraph reads like a title: short, one line, no closing period.
fn looks_like_title(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= 200
        && !t.contains('\n')
        && !t.ends_with(['.', ',', ';', ':'])
}

/// Marks the title and dateline blocks of a Markdown or text article and
/// returns the metadata they give. `fallback_title` (the file name) is used
/// when the article has no title.
pub(crate) fn detect(text: &str, blocks: &mut [Block], fallback_title: &str) -> Meta {
    let block_text = |b: &Block| text[b.byte_start..b.byte_end].to_owned();
    let mut meta = Meta::default();
    let plain_first = |b: &Block| b.marker.is_none() && b.quote_depth == 0 && b.list_depth == 0;
    if let Some(first) = blocks.first_mut() {
        let is_title = match first.kind {
            BlockKind::Heading { .. } => true,
            BlockKind::Paragraph => plain_first(first) && looks_like_title(&block_text(first)),
            _ => false,
        };
        if is_title {
            first.kind = BlockKind::Title;
            meta.title = block_text(first);
        }
    }
    if meta.title.is_empty() {
        meta.title = blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Heading { .. }))
            .map_or_else(|| fallback_title.to_owned(), block_text);
    }
    // A dateline is a short paragraph near the top holding a full date.
    let start = usize::from(blocks.first().is_some_and(|b| b.kind == BlockKind::Title));
    for block in blocks.iter_mut().skip(start).take(3) {
        if block.kind != BlockKind::Paragraph || !plain_first(block) {
            continue;
        }
        if let Some((date, source)) = dateline(&block_text(block)) {
            block.kind = BlockKind::Dateline;
            meta.published = Some(date);
            meta.source = source;
            break;
        }
    }
    // A wire story's dateline opens its first paragraph: "WASHINGTON, Aug.
    // 11, 2020 (Xinhua) -- …". Its date is the story's when nothing else
    // gives one (one without a year cannot be placed, and is left alone).
    if meta.published.is_none() {
        meta.published = blocks
            .iter()
            .skip(start)
            .take(3)
            .find_map(|b| wire_dateline(&block_text(b)));
    }
    meta.count_words(text);
    meta
}

/// The date and source of a dateline ("Wall Street Journal, Jan 23,
/// 2020"): a short line holding a full date, not a wire story's opening.
pub(crate) fn dateline(line: &str) -> Option<(Date, Option<String>)> {
    // A wire dateline opens a paragraph of news: keep it a paragraph.
    if line.chars().count() > 120 || wire_dateline(line).is_some() {
        return None;
    }
    let (date, range) = parse_loose_date(line)?;
    // A sentence holding a date is news, not a dateline: "The fire was set
    // on Nov. 14, 1996, prosecutors said."
    let outside = format!("{} {}", &line[..range.start], &line[range.end..]);
    let sentence = outside
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| SENTENCE_WORDS.contains(&w.to_lowercase().as_str()));
    if sentence {
        return None;
    }
    let before = line[..range.start]
        .trim()
        .trim_end_matches([',', ';', '|', '·', '-', '—']);
    let source = before.trim().trim_start_matches("By ").trim();
    Some((date, (!source.is_empty()).then(|| source.to_owned())))
}

/// Words of a sentence, never of a dateline or byline ("By Jane Doe |
/// Jan. 23, 2020", "Published: 2021-03-02", "Wall Street Journal, Jan 23,
/// 2020").
const SENTENCE_WORDS: &[&str] = &[
    "said", "says", "told", "was", "were", "is", "are", "has", "have", "had", "will", "would",
    "which", "who", "that", "since", "after", "before", "when", "until",
];

/// The date of a wire dateline at the start of `line`: a place in capitals,
/// a comma, a full date, maybe the agency in brackets, then a dash.
fn wire_dateline(line: &str) -> Option<Date> {
    let head: String = line.chars().take(100).collect();
    let cut = ["--", " — ", "—", " _ ", " - "]
        .iter()
        .filter_map(|sep| head.find(sep))
        .min()?;
    let prefix = &head[..cut];
    let city = prefix.split(',').next()?.trim();
    let capitals = city.chars().count() >= 3
        && city
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''));
    if !capitals {
        return None;
    }
    parse_loose_date(prefix).map(|(date, _)| date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::builder::Builder;

    fn blocks_of(paragraphs: &[&str]) -> (String, Vec<Block>) {
        let mut b = Builder::default();
        for p in paragraphs {
            b.start_block(BlockKind::Paragraph, 0, 0);
            b.text(p);
        }
        let (text, blocks, _, _) = b.finish();
        (text, blocks)
    }

    #[test]
    fn title_and_dateline_from_first_paragraphs() {
        let (text, mut blocks) = blocks_of(&[
            "Facing pushback, U.S. presses on",
            "Wall Street Journal, Jan 23, 2020",
            "Body text here.",
        ]);
        let meta = detect(&text, &mut blocks, "file");
        assert_eq!(meta.title, "Facing pushback, U.S. presses on");
        assert_eq!(meta.source.as_deref(), Some("Wall Street Journal"));
        assert_eq!(meta.published, Some(jiff::civil::date(2020, 1, 23)));
        assert_eq!(blocks[0].kind, BlockKind::Title);
        assert_eq!(blocks[1].kind, BlockKind::Dateline);
        assert_eq!(meta.word_count, 14);
        assert_eq!(meta.reading_minutes, 1);
    }

    #[test]
    fn sentence_first_paragraph_is_not_a_title() {
        let (text, mut blocks) = blocks_of(&["This is a sentence.", "More."]);
        let meta = detect(&text, &mut blocks, "notes");
        assert_eq!(meta.title, "notes");
        assert_eq!(blocks[0].kind, BlockKind::Paragraph);
        assert_eq!(meta.published, None);
    }

    #[test]
    fn a_short_sentence_with_a_date_is_no_dateline() {
        for line in [
            "The fire was set on Nov. 14, 1996, prosecutors said.",
            "The treaty, which took effect Jan. 1, 1995, expires next year.",
        ] {
            assert_eq!(dateline(line), None, "{line}");
        }
        assert!(dateline("By Jane Doe | Jan. 23, 2020").is_some());
        assert!(dateline("Published: 2021-03-02").is_some());
    }

    #[test]
    fn a_wire_dateline_dates_the_story() {
        let (text, mut blocks) = blocks_of(&[
            "Senate passes the bill",
            "WASHINGTON, Aug. 11, 2020 (Xinhua) -- The senate passed the bill on Tuesday.",
        ]);
        let meta = detect(&text, &mut blocks, "x");
        assert_eq!(meta.published, Some(jiff::civil::date(2020, 8, 11)));
        assert_eq!(blocks[1].kind, BlockKind::Paragraph, "its news is read");
        // Without a year there is nothing to place it on.
        let (text, mut blocks) = blocks_of(&[
            "Senate passes the bill",
            "WASHINGTON, Aug. 11 (Xinhua) -- The senate passed the bill on Tuesday.",
        ]);
        assert_eq!(detect(&text, &mut blocks, "x").published, None);
        // A sentence that merely starts in capitals is not a dateline.
        let (text, mut blocks) = blocks_of(&[
            "A title",
            "NATO said on Jan. 5, 2020 - in a statement sent to members of the alliance and to the press - that it would meet again soon.",
        ]);
        assert_eq!(detect(&text, &mut blocks, "x").published, None);
    }
}
