//! Words for comparing sentences: content words (no function words),
//! interned as numbers, weighted by how rare they are in the dossier
//! (TF-IDF), and compared by cosine.

use std::collections::HashMap;

/// Function words, left out of every comparison.
const STOP: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "before",
    "but", "by", "can", "could", "did", "do", "for", "from", "had", "has", "have", "he", "her",
    "his", "i", "if", "in", "into", "is", "it", "its", "may", "more", "not", "of", "on", "or",
    "out", "over", "said", "says", "she", "so", "than", "that", "the", "their", "them", "there",
    "they", "this", "to", "up", "was", "we", "were", "what", "when", "which", "who", "will",
    "with", "would", "you",
];

/// The lowercase words of `text` (letters and digits).
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The words of `text` that carry content.
pub fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    tokens(text).filter(|w| w.chars().count() > 1 && !STOP.contains(&w.as_str()))
}

/// A sparse weighted vector: term numbers, ascending, with weights.
pub type Vector = Vec<(u32, f32)>;

/// The dossier's vocabulary with each word's document frequency (counted
/// over sentences).
#[derive(Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    df: Vec<u32>,
    sentences: u32,
}

impl Vocabulary {
    /// Counts one sentence's words; returns them as term numbers (sorted,
    /// with repeats, for [`Vocabulary::vector`]).
    pub fn add(&mut self, text: &str) -> Vec<u32> {
        self.sentences += 1;
        let mut terms: Vec<u32> = content_words(text)
            .map(|w| {
                let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
                *self.ids.entry(w).or_insert(next)
            })
            .collect();
        terms.sort_unstable();
        let mut last = None;
        for &t in &terms {
            if last != Some(t) {
                let i = t as usize;
                if i >= self.df.len() {
                    self.df.resize(i + 1, 0);
                }
                self.df[i] += 1;
                last = Some(t);
            }
        }
        terms
    }

    /// How rare a term is: ln(N / (1 + df)), never below 0.
    pub fn idf(&self, term: u32) -> f32 {
        let df = self.df.get(term as usize).copied().unwrap_or(0);
        #[allow(clippy::cast_precision_loss)]
        let v = (self.sentences.max(1) as f32 / (1.0 + df as f32)).ln();
        v.max(0.0)
    }

    /// The TF-IDF vector of sorted term numbers (with repeats).
    pub fn vector(&self, terms: &[u32]) -> Vector {
        let mut out: Vector = Vec::new();
        for &t in terms {
            match out.last_mut() {
                Some((last, w)) if *last == t => *w += self.idf(t),
                _ => out.push((t, self.idf(t))),
            }
        }
        out
    }
}

/// The cosine of two sparse vectors (0 when either is empty).
pub fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    let norm = |v: &[(u32, f32)]| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na > 0.0 && nb > 0.0 {
        dot / (na * nb)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_left_out_and_rare_words_weigh_more() {
        let mut v = Vocabulary::default();
        let a = v.add("The quake hit the capital");
        let b = v.add("The storm hit the coast");
        let _ = v.add("A quake again");
        for filler in ["Rain fell", "Markets rose", "Talks went on", "Schools shut"] {
            let _ = v.add(filler);
        }
        assert_eq!(a.len(), 3, "quake, hit, capital");
        let (va, vb) = (v.vector(&a), v.vector(&b));
        let shared = cosine(&va, &vb);
        assert!(shared > 0.0 && shared < 1.0);
        assert!((cosine(&va, &va) - 1.0).abs() < 1e-5);
        assert!(cosine(&va, &[]).abs() < f32::EPSILON);
    }
}
