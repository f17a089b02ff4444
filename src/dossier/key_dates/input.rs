//! What key dates read: each article's sentences with the dates found in
//! them, as the rest of Storyline resolves them (the reader in
//! `store::key_dates_io` fills these from the dossier's files).

use jiff::civil::Date;
use serde::Serialize;

use crate::document::Document;
use crate::timeline::extract::{document_sentences, for_each_dated_phrase};
use crate::timeline::{Precision, TimeKind};

/// One article of the dossier, read for key dates.
///
/// Invariant: `sentences` are in text order, their `offset`s increasing.
#[derive(Clone, Debug, Serialize)]
pub struct KdArticle {
    /// Its path as the dossier stores it.
    pub path: String,
    /// Its outlet ("Reuters"), or "" when unknown.
    pub outlet: String,
    /// Its publication day.
    pub published: Date,
    /// Its title.
    pub title: String,
    /// Its reading text, sentence by sentence.
    pub sentences: Vec<KdSentence>,
}

/// One sentence of an article.
#[derive(Clone, Debug, Serialize)]
pub struct KdSentence {
    /// Its text, on one line.
    pub text: String,
    /// Its first char in the article's text.
    pub offset: usize,
    /// The dates found in it, in text order.
    pub dates: Vec<KdDate>,
}

/// A date found in a sentence.
///
/// Invariant: `start <= end`.
#[derive(Clone, Debug, Serialize)]
pub struct KdDate {
    /// The words it was read from ("on Tuesday").
    pub phrase: String,
    /// Its char offset in the article's text.
    pub offset: usize,
    /// First day it may be.
    pub start: Date,
    /// Last day it may be (inclusive).
    pub end: Date,
    /// How precise.
    pub precision: Precision,
    /// True when the sentence expects it rather than reports it.
    pub expected: bool,
    /// "About", "early", "in the coming months" and the like.
    pub approximate: bool,
}

/// The sentences of `doc` with the dates in them.
#[must_use]
pub fn sentences_of(doc: &Document, published: jiff::civil::Date) -> Vec<KdSentence> {
    let mut sentences: Vec<KdSentence> = document_sentences(doc)
        .into_iter()
        .map(|r| KdSentence {
            text: doc.slice(r).unwrap_or_default().replace('\n', " "),
            offset: r.start.0,
            dates: Vec::new(),
        })
        .collect();
    for_each_dated_phrase(doc, published, |found| {
        if found.kind != TimeKind::Date {
            return;
        }
        let at = found.sentence.start.0;
        let Ok(i) = sentences.binary_search_by_key(&at, |s| s.offset) else {
            return;
        };
        sentences[i].dates.push(KdDate {
            phrase: doc.slice(found.range).unwrap_or_default().to_owned(),
            offset: found.range.start.0,
            start: found.when.start,
            end: found.when.end,
            precision: found.when.precision,
            expected: found.expected,
            approximate: found.when.approximate,
        });
    });
    sentences
}
