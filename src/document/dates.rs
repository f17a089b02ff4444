//! Finding one full calendar date (year, month, day) in a short string, as
//! found in datelines and HTML metadata: "Jan 23, 2020", "January 23, 2020",
//! "23 January 2020", "2020-01-23", "2020-01-23T10:00:00Z".

use jiff::civil::Date;

/// English month names, January first.
const NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number for an English month name or abbreviation ("Jan", "Sept.", "march").
#[must_use]
pub fn month_from_name(word: &str) -> Option<i8> {
    // Most words are not months: no allocation for them.
    if !(3..=10).contains(&word.len())
        || !matches!(
            word.as_bytes()[0].to_ascii_lowercase(),
            b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
        )
    {
        return None;
    }
    let w = word.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|name| {
            name.eq_ignore_ascii_case(w)
                || w.len() <= 4
                    && name
                        .get(..w.len())
                        .is_some_and(|p| p.eq_ignore_ascii_case(w))
        })
        .and_then(|i| i8::try_from(i + 1).ok())
}

/// A token of a date string: a run of letters or a run of digits, with its byte span.
#[derive(Debug)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let class = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        match (start, class) {
            (Some((_, digit)), Some(d)) if digit == d => {}
            (Some((st, _)), _) => {
                out.push(Token {
                    text: &s[st..i],
                    start: st,
                    end: i,
                });
                start = class.map(|d| (i, d));
            }
            (None, Some(d)) => start = Some((i, d)),
            (None, None) => {}
        }
    }
    out
}

fn number(t: &Token<'_>, max: i16) -> Option<i16> {
    if t.text.len() > 4 || !t.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.text.parse::<i16>().ok().filter(|n| (1..=max).contains(n))
}

fn year(t: &Token<'_>) -> Option<i16> {
    (t.text.len() == 4)
        .then(|| number(t, 9999))
        .flatten()
        .filter(|y| *y >= 1000)
}

/// The first full date in `s` and the byte range it spans.
#[must_use]
pub fn parse_loose_date(s: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let toks = tokens(s);
    for (i, t) in toks.iter().enumerate() {
        let next = |k: usize| toks.get(i + k);
        // 2020-01-23
        if let (Some(y), Some(m), Some(d)) = (year(t), next(1), next(2))
            && s[t.end..m.start].trim() == "-"
            && s[m.end..d.start].trim() == "-"
            && let (Some(mo), Some(day)) = (number(m, 12), number(d, 31))
            && let Ok(date) = Date::new(y, i8::try_from(mo).ok()?, i8::try_from(day).ok()?)
        {
            return Some((date, t.start..d.end));
        }
        // Jan 23, 2020
        if let Some(mo) = month_from_name(t.text)
            && let (Some(d), Some(y)) = (next(1), next(2))
            && let (Some(day), Some(yr)) = (number(d, 31), year(y))
            && let Ok(date) = Date::new(yr, mo, i8::try_from(day).ok()?)
        {
            return Some((date, t.start..y.end));
        }
        // 23 January 2020
        if let Some(day) = number(t, 31)
            && let (Some(m), Some(y)) = (next(1), next(2))
            && let (Some(mo), Some(yr)) = (month_from_name(m.text), year(y))
            && let Ok(date) = Date::new(yr, mo, i8::try_from(day).ok()?)
        {
            return Some((date, t.start..y.end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn finds_common_date_forms() {
        let cases = [
            ("Wall Street Journal, Jan 23, 2020", date(2020, 1, 23)),
            ("January 23, 2020", date(2020, 1, 23)),
            ("Sept. 4, 2019 at 5pm", date(2019, 9, 4)),
            ("Thursday 23 January 2020", date(2020, 1, 23)),
            ("2020-01-23T10:00:00Z", date(2020, 1, 23)),
            ("published 1999-12-31", date(1999, 12, 31)),
        ];
        for (s, want) in cases {
            assert_eq!(parse_loose_date(s).map(|d| d.0), Some(want), "{s}");
        }
    }

    #[test]
    fn rejects_non_dates() {
        for s in [
            "",
            "Wall Street Journal",
            "May I come in, 2020",
            "Feb 30, 2020",
            "2020-13-01",
            "5G networks",
        ] {
            assert_eq!(parse_loose_date(s), None, "{s}");
        }
    }

    #[test]
    fn date_range_covers_the_date_only() {
        let s = "Wall Street Journal, Jan 23, 2020";
        let (_, r) = parse_loose_date(s).expect("date");
        assert_eq!(&s[r], "Jan 23, 2020");
    }
}
