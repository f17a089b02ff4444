//! Words, sentences and tense of the text being scanned for dates.

use crate::document::month_from_name;

/// A word or number of a sentence, with its byte span in the block.
#[derive(Clone, Debug)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    /// Lowercase (borrowed when the text already is: most words).
    pub(super) lower: std::borrow::Cow<'a, str>,
    pub(super) start: usize,
    pub(super) end: usize,
    /// The char right after the token.
    pub(super) next: char,
    /// The char right before the token.
    pub(super) prev: char,
}

impl Tok<'_> {
    pub(super) fn is(&self, words: &[&str]) -> bool {
        words.contains(&self.lower.as_ref())
    }

    pub(super) fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub(super) fn number(&self) -> Option<i64> {
        // Most tokens are words: reject them before any string search.
        if !self
            .lower
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        let digits = self
            .lower
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th");
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 4 {
            return None;
        }
        digits.parse().ok()
    }

    pub(super) fn year(&self) -> Option<i16> {
        let n = self.number()?;
        (self.lower.len() == 4 && (1800..=2200).contains(&n)).then_some(n as i16)
    }

    pub(super) fn day(&self) -> Option<i8> {
        let n = self.number()?;
        // "$14", "#3": money and numbers, never a day.
        let counted = matches!(self.prev, '$' | '#' | '£' | '€' | '¥');
        (self.lower.len() <= 4 && (1..=31).contains(&n) && !self.next_is_digitish() && !counted)
            .then_some(n as i8)
    }

    pub(super) fn next_is_digitish(&self) -> bool {
        matches!(self.next, ':' | '%' | '$')
    }

    /// A month name used as a month (capitalised; ambiguous words need context).
    pub(super) fn month(&self) -> Option<i8> {
        if !self.capitalized() {
            return None;
        }
        let m = month_from_name(self.text)?;
        let full = self.text.len() > 4 || matches!(self.lower.as_ref(), "june" | "july");
        let abbreviated_ok = full || self.next == '.' || self.lower.len() == 3;
        abbreviated_ok.then_some(m)
    }
}

pub(super) fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev = ' ';
    let mut last = ' ';
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let word = c.is_alphanumeric();
        match (start, word) {
            (None, true) => {
                start = Some(i);
                prev = last;
            }
            (Some(s), false) => {
                out.push(Tok {
                    text: &text[s..i],
                    lower: lowercase(&text[s..i]),
                    start: s,
                    end: i,
                    next: c,
                    prev,
                });
                start = None;
            }
            _ => {}
        }
        last = c;
    }
    out
}

/// Abbreviations that end in a dot without ending a sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "co", "corp", "inc",
    "ltd", "jr", "sr", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "mt", "ft", "prof", "rev",
];

/// Sentence spans (bytes) of a block.
pub(super) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Include closing quotes and brackets.
        let mut end_k = k + 1;
        while end_k < chars.len() && matches!(chars[end_k].1, '"' | '”' | '’' | '\'' | ')' | ']')
        {
            end_k += 1;
        }
        let Some(&(next_i, next_c)) = chars.get(end_k) else {
            continue;
        };
        if !next_c.is_whitespace() {
            continue;
        }
        let following = chars[end_k..]
            .iter()
            .map(|(_, c)| *c)
            .find(|c| !c.is_whitespace());
        if !following.is_some_and(|c| {
            c.is_uppercase()
                || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
                || c.is_ascii_digit()
        }) {
            continue;
        }
        if c == '.' {
            let word: String = text[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '.')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let w = word.to_lowercase();
            if ABBREVIATIONS.contains(&w.as_str())
                || (w.len() == 1 && w.chars().all(char::is_uppercase))
            {
                continue;
            }
            if word.len() == 1 {
                continue; // an initial: "John F. Kennedy"
            }
        }
        out.push((start, next_i));
        start = next_i;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out.into_iter()
        .map(|(s, e)| {
            let t = &text[s..e];
            let lead = t.len() - t.trim_start().len();
            let trail = t.len() - t.trim_end().len();
            (s + lead, e - trail)
        })
        .filter(|(s, e)| s < e)
        .collect()
}

/// `word` in lowercase, copied only when it has capitals or non-ASCII.
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}
