//! The sentences that best say what happened on a key date, and every
//! article that tells it.

use super::KeySource;
use super::furniture::is_furniture;
use super::input::KdArticle;
use super::rank::{Day, days_after};
use super::words::{Vector, Vocabulary, cosine};

/// Opening sentences of an article published on a day that tell what the
/// chosen sentences tell make the article a source of that day (news
/// leads with what happened).
const LEAD: usize = 5;
/// Past this many words a candidate weighs less (a summary line is short;
/// the gold lines of newsroom timelines average about 20 words).
const LONG: f32 = 30.0;
/// Candidates from articles published on the day or the next (reports,
/// not background) weigh this much more.
const NEAR: f32 = 1.0;
/// A sentence this close to one already chosen says the same.
const SAME: f32 = 0.5;
/// An opening sentence of an article published on the day or the next
/// that shares this share of its content words (of the shorter) with a
/// chosen sentence tells the same happening: the article is a source. (Word
/// overlap, not TF-IDF: in a dossier about one happening its words are in
/// every sentence, and weigh nothing.)
const TELLS: f32 = 0.4;

/// Sentence vectors of a dossier, for choosing.
pub struct Picker {
    /// Per article, per sentence: its TF-IDF vector.
    vectors: Vec<Vec<Vector>>,
    vocab: Vocabulary,
}

/// What was picked for one day.
pub struct Picked {
    /// Best first.
    pub sentences: Vec<String>,
    /// The best chosen sentence naming the day, as written, and the
    /// phrase naming it.
    pub named: Option<(String, String)>,
    /// The best sentence comes from an article of the day or the next (it
    /// reports the day rather than looking back at it).
    pub best_reports: bool,
    /// The best-ranked opening sentence of an article of the day or the
    /// next, as a line (news leads with what happened: the best headline).
    pub lede: Option<String>,
    /// Every article's account.
    pub sources: Vec<KeySource>,
}

/// One candidate sentence.
struct Candidate {
    article: usize,
    sentence: usize,
    /// The date's index in the sentence (`None`: an opening sentence).
    date: Option<usize>,
    near: bool,
}

impl Picker {
    /// Weighs the words of every sentence of `articles`.
    pub fn new(articles: &[KdArticle]) -> Self {
        let mut vocab = Vocabulary::default();
        let terms: Vec<Vec<Vec<u32>>> = articles
            .iter()
            .map(|a| a.sentences.iter().map(|s| vocab.add(&s.text)).collect())
            .collect();
        let vectors = terms
            .iter()
            .map(|a| a.iter().map(|t| vocab.vector(t)).collect())
            .collect();
        Picker { vectors, vocab }
    }

    /// Up to `k` sentences for `day`, and its sources.
    pub fn pick(&self, articles: &[KdArticle], day: &Day, k: usize) -> Picked {
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for &(a, s, d) in &day.mentions {
            let text = &articles[a].sentences[s].text;
            if is_furniture(text) || !seen.insert(text.to_lowercase()) {
                continue;
            }
            let after = days_after(day.date, articles[a].published);
            candidates.push(Candidate {
                article: a,
                sentence: s,
                date: Some(d),
                near: (0..=1).contains(&after),
            });
        }
        // The sentences of the day's articles that name no date: what
        // happened that day, as told that day.
        let told_that_day: Vec<(usize, usize)> = day
            .published
            .iter()
            .flat_map(|&a| {
                articles[a]
                    .sentences
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.dates.is_empty())
                    .map(move |(s, _)| (a, s))
            })
            .collect();
        // Openings of the articles of that day and the next: sources when
        // they tell what the chosen sentences tell.
        let openings: Vec<(usize, usize)> = day
            .published
            .iter()
            .chain(&day.published_after)
            .flat_map(|&a| {
                articles[a]
                    .sentences
                    .iter()
                    .enumerate()
                    .take(LEAD)
                    .filter(|(_, s)| s.dates.is_empty())
                    .map(move |(s, _)| (a, s))
            })
            .collect();
        for &(a, s) in &told_that_day {
            let text = &articles[a].sentences[s].text;
            if is_furniture(text) || !seen.insert(text.to_lowercase()) {
                continue;
            }
            candidates.push(Candidate {
                article: a,
                sentence: s,
                date: None,
                near: true,
            });
        }
        let centroid = centroid(
            &self.vocab,
            candidates
                .iter()
                .map(|c| &self.vectors[c.article][c.sentence]),
        );
        let mut scored: Vec<(f32, &Candidate)> = candidates
            .iter()
            .map(|c| {
                let v = &self.vectors[c.article][c.sentence];
                let near = if c.near { 1.0 + NEAR } else { 1.0 };
                let text = &articles[c.article].sentences[c.sentence].text;
                #[allow(clippy::cast_precision_loss)]
                let words = super::words::tokens(text).count() as f32;
                let long = 1.0 + ((words - LONG) / LONG).max(0.0);
                (cosine(v, &centroid) * near / long, c)
            })
            .collect();
        scored.sort_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then((x.1.article, x.1.sentence).cmp(&(y.1.article, y.1.sentence)))
        });
        let mut chosen: Vec<&Candidate> = Vec::new();
        for (_, c) in &scored {
            if chosen.len() == k {
                break;
            }
            let v = &self.vectors[c.article][c.sentence];
            if chosen
                .iter()
                .any(|p| cosine(v, &self.vectors[p.article][p.sentence]) > SAME)
            {
                continue;
            }
            chosen.push(c);
        }
        // The title comes from the best chosen sentence naming the day (as
        // written), else the best one.
        let named = chosen
            .iter()
            .find_map(|c| c.date.map(|d| (c, d)))
            .map(|(c, d)| {
                let s = &articles[c.article].sentences[c.sentence];
                (s.text.clone(), s.dates[d].phrase.clone())
            });
        let sentences = chosen
            .iter()
            .map(|c| summary_line(&articles[c.article].sentences[c.sentence]))
            .collect();
        let chosen_vectors: Vec<&Vector> = chosen
            .iter()
            .map(|c| &self.vectors[c.article][c.sentence])
            .collect();
        let sources = self.sources(articles, day, &openings, &chosen_vectors);
        Picked {
            sentences,
            named,
            best_reports: chosen.first().is_some_and(|c| c.near),
            lede: scored
                .iter()
                .find(|(_, c)| c.near && c.sentence == 0)
                .map(|(_, c)| summary_line(&articles[c.article].sentences[c.sentence])),
            sources,
        }
    }

    /// Every sentence naming the day, and the openings of articles
    /// published on it that tell what the chosen sentences tell.
    fn sources(
        &self,
        articles: &[KdArticle],
        day: &Day,
        openings: &[(usize, usize)],
        chosen: &[&Vector],
    ) -> Vec<KeySource> {
        let mut out: Vec<KeySource> = day
            .mentions
            .iter()
            .map(|&(a, s, d)| {
                let (art, sen) = (&articles[a], &articles[a].sentences[s]);
                KeySource {
                    article: art.path.clone(),
                    published: art.published,
                    phrase: sen.dates[d].phrase.clone(),
                    quote: sen.text.clone(),
                    offset: sen.dates[d].offset,
                    expected: sen.dates[d].expected || art.published < day.date,
                }
            })
            .collect();
        let mut told: std::collections::BTreeSet<usize> =
            day.mentions.iter().map(|&(a, _, _)| a).collect();
        for &(a, s) in openings {
            if told.contains(&a) {
                continue;
            }
            let v = &self.vectors[a][s];
            if chosen.iter().any(|c| overlap(v, c) >= TELLS) {
                told.insert(a);
                let (art, sen) = (&articles[a], &articles[a].sentences[s]);
                out.push(KeySource {
                    article: art.path.clone(),
                    published: art.published,
                    phrase: String::new(),
                    quote: sen.text.clone(),
                    offset: sen.offset,
                    expected: false,
                });
            }
        }
        out.sort_by(|x, y| {
            (x.published, &x.article, x.offset).cmp(&(y.published, &y.article, y.offset))
        });
        out
    }
}

/// The share of the shorter vector's words the two share.
fn overlap(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut both) = (0, 0, 0_u16);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both = both.saturating_add(1);
                i += 1;
                j += 1;
            }
        }
    }
    let shorter = a.len().min(b.len());
    if shorter < 3 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let share = f32::from(both) / shorter as f32;
    share
}

/// The sum of the vectors' words, each counted once per sentence with its
/// rarity (what most of the candidates talk about).
fn centroid<'v>(vocab: &Vocabulary, vectors: impl Iterator<Item = &'v Vector>) -> Vector {
    let mut sum: std::collections::BTreeMap<u32, f32> = std::collections::BTreeMap::new();
    for v in vectors {
        for &(t, _) in v {
            *sum.entry(t).or_insert(0.0) += vocab.idf(t);
        }
    }
    sum.into_iter().collect()
}

/// `text` after a wire dateline's agency ("MEXICO CITY | Mon 3:10 am BST
/// MEXICO CITY (Reuters) - Fears…" → "Fears…"), when it is near the start.
fn without_wire_slug(text: &str) -> &str {
    for dash in [") - ", ") – ", ") — ", ")—"] {
        if let Some(at) = text.find(dash)
            && at < 100
            && let Some(open) = text[..at].rfind('(')
        {
            let agency = &text[open + 1..at];
            let one_name = !agency.is_empty()
                && agency.split_whitespace().count() <= 2
                && agency.chars().next().is_some_and(char::is_uppercase);
            if one_name {
                return text[at + dash.len()..].trim_start();
            }
        }
    }
    text
}

/// A sentence as a line of a timeline: as the article wrote it, from
/// after its dateline ("LONDON—", "MEXICO CITY (Reuters) -"): a quote a
/// reporter can use, never reworded.
fn summary_line(s: &super::input::KdSentence) -> String {
    crate::timeline::suggest::without_dateline(without_wire_slug(&s.text))
        .trim()
        .to_owned()
}
