//! Page furniture: the lines a scraped news page carries that are not the
//! story (bylines, "Page last updated", comment notices, captions, share
//! and sign-up prompts, player notices), and sentences that cannot say what
//! happened on their own (questions, fragments, run-ons). Never chosen as a
//! key date's sentence.

/// Phrases that mark a line as the page's, not the story's (lowercase).
const MARKS: &[&str] = &[
    "page last updated",
    "last updated",
    "comment was removed",
    "removed by a moderator",
    "your comment",
    "your views",
    "your thoughts",
    "your experiences",
    "leave a comment",
    "comments may be",
    "views expressed",
    "do not represent those of",
    "all rights reserved",
    "copyright",
    "click here",
    "e-mail this",
    "email this",
    "share this",
    "sign up",
    "subscribe",
    "newsletter",
    "related stories",
    "related articles",
    "read more",
    "bookmark",
    "print this",
    "javascript",
    "flash player",
    "rss",
    "getty images",
    "photograph:",
    "image caption",
    "media caption",
    "ap photo",
    "reuters/",
    "follow us",
    "terms of use",
    "privacy policy",
    "this blog",
    "blog post",
    "advertisement",
    "editing by",
    "reporting by",
    "writing by",
    "additional reporting",
];

/// Fewest and most words a chosen sentence may have.
pub const WORDS: (usize, usize) = (6, 60);

/// True when `sentence` is page furniture or cannot stand alone.
#[must_use]
pub fn is_furniture(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let words = super::words::tokens(sentence).count();
    if words < WORDS.0 || words > WORDS.1 {
        return true;
    }
    if MARKS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    let trimmed = sentence
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .trim_end();
    if trimmed.ends_with('?') || trimmed.ends_with(':') {
        return true;
    }
    // Addressed to the reader ("You can…", "Tell us…"), or a reader's own
    // words ("I was…", "We're…": comments, not the report).
    let first = lower.split_whitespace().next().unwrap_or("");
    let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    if [
        "you", "your", "tell", "please", "send", "watch", "listen", "see", "by", "i", "i'm", "i’m",
        "i've", "i’ve", "we", "we're", "we’re", "we've", "we’ve", "my", "our",
    ]
    .contains(&first)
        && !lower.starts_with("by the ")
        && !sentence.trim_start().starts_with(['"', '“', '‘', '\''])
    {
        return true;
    }
    // A reader's or witness's own account ("Jacmel: I was trying to get
    // home…"): first person outside quotation marks, twice or more.
    let mut quoted = false;
    let mut first_person = 0;
    for w in sentence.split_whitespace() {
        if w.starts_with(['"', '“']) {
            quoted = true;
        }
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !quoted && ["i", "my", "me", "we", "our", "us"].contains(&bare.as_str()) && w != "US" {
            first_person += 1;
        }
        if w.ends_with(['"', '”']) || w.trim_end_matches(['.', ',']).ends_with(['"', '”']) {
            quoted = false;
        }
    }
    if first_person >= 2 {
        return true;
    }
    // Mostly capitals or numbers: a headline, a table row, a caption tag.
    let letters: Vec<char> = sentence.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() < 20 || upper * 2 > letters.len()
}

#[cfg(test)]
mod tests {
    use super::is_furniture;

    #[test]
    fn page_furniture_and_fragments_are_told_from_news() {
        for line in [
            "Page last updated at 11:24 GMT, Tuesday, 12 January 2010.",
            "This comment was removed by a moderator because it broke the rules.",
            "Your comments may be published on any media worldwide at any time.",
            "To play this content JavaScript must be turned on and a player installed.",
            "Share this story with your friends on any of the networks below.",
            "By Jane Smith, health correspondent, in the capital city today.",
            "Have you been affected by the storm that hit the coast this week?",
            "WATCH LIVE: THE MINISTER SPEAKS TO REPORTERS AT THE SUMMIT.",
            "Too short to say much.",
            "I was trying to get home from the capital when the ground began to shake.",
            "Anna, Jacmel: when the shaking stopped I ran outside to find my children.",
            "Last updated: - 14:10 GMT Storm latest: the struggle to reach the villages.",
            "Reporting by John Doe; Editing by Mary Major in the newsroom today.",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "Germany confirms three cases of the virus, the third country in Europe to do so.",
            "A 7.0-magnitude earthquake strikes the capital, killing thousands of people.",
            "By the end of the week the death toll had risen to more than 150.",
            "\"We have lost everything and I have nowhere to go,\" said a woman in the capital.",
            "The US and the UN say the distribution of food has improved in the capital.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }
}
