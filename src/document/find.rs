//! Case-insensitive search in a document's text, returning char ranges.

use super::CharRange;

/// Every non-overlapping, case-insensitive match of `query` in `text`, in order.
/// An empty or all-blank query matches nothing.
#[must_use]
pub fn find_all(text: &str, query: &str) -> Vec<CharRange> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let needle = query.to_lowercase();
    let needle_chars = needle.chars().count();
    let hay = text.to_lowercase();
    if hay.len() == text.len() && hay.chars().count() == text.chars().count() {
        // Lower-casing kept every char a single char, so char offsets in `hay`
        // are char offsets in `text`: use the fast substring search.
        let mut out = Vec::new();
        let (mut last_byte, mut last_char) = (0, 0);
        for (byte, _) in hay.match_indices(&needle) {
            last_char += hay[last_byte..byte].chars().count();
            last_byte = byte;
            out.push(CharRange::new(last_char, last_char + needle_chars));
        }
        return out;
    }
    // Rare scripts where lower-casing changes lengths: compare char by char.
    let folded: Vec<char> = text.chars().map(fold).collect();
    let q: Vec<char> = query.chars().map(fold).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + q.len() <= folded.len() {
        if folded[i..i + q.len()] == q[..] {
            out.push(CharRange::new(i, i + q.len()));
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitive_in_char_offsets() {
        let text = "Huawei — huawei’s HUAWEI";
        let found = find_all(text, "huawei");
        assert_eq!(
            found,
            vec![
                CharRange::new(0, 6),
                CharRange::new(9, 15),
                CharRange::new(18, 24)
            ]
        );
    }

    #[test]
    fn blank_query_finds_nothing_and_matches_do_not_overlap() {
        assert!(find_all("abc", "  ").is_empty());
        assert_eq!(find_all("aaaa", "aa").len(), 2);
    }

    #[test]
    fn length_changing_case_falls_back() {
        // 'İ' lower-cases to two chars; offsets must still be char offsets.
        let text = "İx ab AB";
        assert_eq!(
            find_all(text, "ab"),
            vec![CharRange::new(3, 5), CharRange::new(6, 8)]
        );
    }
}
