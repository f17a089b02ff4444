//! Small helpers for the words Storyline writes to people.

/// `n` and the noun, singular for one: "1 lane", "2 events", "0 events".
#[must_use]
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// "Ana", "Ana and Ben", "Ana, Ben and Cai" (empty for none).
#[must_use]
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "2 new highlights, 1 event edited — from Ana and Ben": each nonzero
/// count with its noun, then the names (empty when every count is zero).
#[must_use]
pub fn change_summary(counts: &[(usize, &str, &str)], names: &[&str]) -> String {
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| count(*n, one, many))
        .collect();
    let mut out = parts.join(", ");
    if !out.is_empty() && !names.is_empty() {
        out.push_str(" — from ");
        out.push_str(&and_list(names));
    }
    out
}

/// The file name of `path` for a message or a menu ("report.pdf"); the
/// whole path when it has none.
#[must_use]
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_the_rest_plural() {
        assert_eq!(count(0, "lane", "lanes"), "0 lanes");
        assert_eq!(count(1, "lane", "lanes"), "1 lane");
        assert_eq!(count(2, "event", "events"), "2 events");
        assert_eq!(count(1, "highlight", "highlights"), "1 highlight");
        assert_eq!(and_list(&["Ana", "Ben", "Cai"]), "Ana, Ben and Cai");
        assert_eq!(and_list(&["Ana"]), "Ana");
    }
}
