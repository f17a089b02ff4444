//! Words across line breaks in a PDF: a word a typesetter hyphenated at
//! the end of a line is joined again ("equip-" / "ment" → "equipment"), a
//! compound broken at its own hyphen keeps it ("next-" / "generation"),
//! judged by the words the document itself uses.

use std::collections::HashSet;

/// The document's words, to tell a compound broken at its hyphen
/// ("next-" / "generation") from a word a typesetter hyphenated
/// ("equip-" / "ment").
#[derive(Default)]
pub(super) struct Vocabulary {
    /// Words written with a hyphen inside a line.
    hyphenated: HashSet<String>,
    /// Every word, hyphenated ones split into their parts.
    words: HashSet<String>,
}

impl Vocabulary {
    pub(super) fn of<'a>(lines: impl Iterator<Item = &'a str>) -> Self {
        let mut v = Self::default();
        for line in lines {
            let words: Vec<&str> = line.split_whitespace().collect();
            let last = words.len().saturating_sub(1);
            for (i, w) in words.iter().enumerate() {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                    .to_lowercase();
                // A line's last word may end with a line-end hyphen, and
                // its first may be the rest of one.
                if w.contains('-') && !w.starts_with('-') && !w.ends_with('-') {
                    v.hyphenated.insert(w.clone());
                }
                if i > 0 && !(i == last && w.ends_with('-')) {
                    v.words
                        .extend(w.split('-').filter(|p| !p.is_empty()).map(str::to_owned));
                }
            }
        }
        v
    }

    pub(super) fn is_word(&self, word: &str) -> bool {
        self.words.contains(&word.to_lowercase())
    }

    /// Whether `before` + `after`, broken across lines after a hyphen, keep
    /// it: the document writes it so, or both halves are words of their
    /// own and the whole is not.
    pub(super) fn keeps_hyphen(&self, before: &str, after: &str) -> bool {
        let (before, after) = (before.to_lowercase(), after.to_lowercase());
        if self.hyphenated.contains(&format!("{before}-{after}")) {
            return true;
        }
        if self.words.contains(&format!("{before}{after}")) {
            return false;
        }
        before.chars().count() > 1
            && after.chars().count() > 1
            && self.words.contains(&before)
            && self.words.contains(&after)
    }
}

/// Appends `line` to a paragraph: a word hyphenated across the break is
/// joined (its hyphen kept when the document writes it with one).
pub(super) fn join_line(para: &mut String, line: &str, vocabulary: &Vocabulary) {
    if let Some(head) = para.strip_suffix('\u{ad}') {
        let len = head.len();
        para.truncate(len);
        para.push_str(line);
        return;
    }
    let next_lower = line.chars().next().is_some_and(char::is_lowercase);
    if para.ends_with('-') {
        let head = &para[..para.len() - 1];
        let before: String = head
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default()
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = line.chars().take_while(|c| c.is_alphanumeric()).collect();
        if !before.is_empty() && !after.is_empty() {
            // "equip-" / "ment", "OP-" / "TIONAL": one word; "next-" /
            // "generation" when the document writes it so, "U.S.-" / "UK".
            let one_word = vocabulary.is_word(&format!("{before}{after}"));
            if one_word || (next_lower && !vocabulary.keeps_hyphen(&before, &after)) {
                para.pop();
            }
            para.push_str(line);
            return;
        }
    }
    // "U.S.-" / "UK": a compound broken at its hyphen.
    if !para.ends_with('-') || para.ends_with(" -") {
        para.push(' ');
    }
    para.push_str(line);
}
