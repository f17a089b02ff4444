//! The evidence for each day: which articles report it, which expect it,
//! how many were published on it, and the score dates are ranked by.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use super::input::KdArticle;
use crate::timeline::Precision;

/// Weight of each article published on the day or the next (a burst of
/// coverage), against 1 for each article that reports the day.
const BURST: f64 = 0.3;
/// Weight of each article that only expects the day: a tie-breaker.
const EXPECTED: f64 = 0.01;
/// The most dates proposed without a requested count.
const MOST: usize = 40;
/// Without a requested count, a date needs this share of the best date's
/// score…
const SHARE: f64 = 0.1;
/// …and at least this much: one article reporting it on the day it
/// happened (1 + `BURST`), or two articles reporting it.
const LEAST: f64 = 1.0 + BURST - 0.05;

/// Weight of each article reporting a month (named only as a month): a
/// month is proposed only when no day in it is, and at least
/// [`MONTH_REPORTS`] articles report it.
const MONTH: f64 = 0.5;
/// Fewest articles reporting a month for it to be proposed.
const MONTH_REPORTS: usize = 3;

/// Where a day is named: article, sentence, date (indices).
pub type At = (usize, usize, usize);

/// One day's (or month's) evidence.
#[derive(Clone, Debug)]
pub struct Day {
    /// The day (a month's first day).
    pub date: Date,
    /// Its last day (`date` for a day).
    pub end: Date,
    /// Day or month.
    pub precision: Precision,
    /// Articles that report it.
    pub reported: BTreeSet<usize>,
    /// Articles that expect it (and do not report it).
    pub expected: BTreeSet<usize>,
    /// Every sentence naming it, in article order.
    pub mentions: Vec<At>,
    /// Articles published on it.
    pub published: Vec<usize>,
    /// Articles published the day after it.
    pub published_after: Vec<usize>,
    /// Its score.
    pub score: f64,
}

/// Every day's evidence in a dossier.
pub struct Evidence {
    days: BTreeMap<Date, Day>,
    /// Months named as months, by their first day.
    months: BTreeMap<Date, Day>,
}

impl Evidence {
    /// Gathers the day-precise dates of `articles` within `from..=to`.
    pub fn gather(articles: &[KdArticle], from: Option<Date>, to: Option<Date>) -> Self {
        let inside = |d: Date| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t);
        let mut days: BTreeMap<Date, Day> = BTreeMap::new();
        let mut months: BTreeMap<Date, Day> = BTreeMap::new();
        for (ai, a) in articles.iter().enumerate() {
            for (si, s) in a.sentences.iter().enumerate() {
                for (di, d) in s.dates.iter().enumerate() {
                    if !inside(d.start) {
                        continue;
                    }
                    let e = match d.precision {
                        Precision::Day if d.start == d.end => {
                            entry(&mut days, d.start, d.end, Precision::Day)
                        }
                        Precision::Month if inside(d.end) && !d.approximate => {
                            entry(&mut months, d.start, d.end, Precision::Month)
                        }
                        _ => continue,
                    };
                    e.mentions.push((ai, si, di));
                    if d.expected || a.published < d.start {
                        e.expected.insert(ai);
                    } else {
                        e.reported.insert(ai);
                    }
                }
            }
        }
        for (ai, a) in articles.iter().enumerate() {
            if let Some(e) = days.get_mut(&a.published) {
                e.published.push(ai);
            }
            if let Some(e) = a.published.yesterday().ok().and_then(|y| days.get_mut(&y)) {
                e.published_after.push(ai);
            }
        }
        let published_on: BTreeMap<Date, usize> =
            articles.iter().fold(BTreeMap::new(), |mut m, a| {
                *m.entry(a.published).or_insert(0) += 1;
                m
            });
        for e in months.values_mut() {
            e.expected.retain(|a| !e.reported.contains(a));
            #[allow(clippy::cast_precision_loss)]
            {
                e.score = MONTH * e.reported.len() as f64;
            }
        }
        for e in days.values_mut() {
            e.expected.retain(|a| !e.reported.contains(a));
            let next = e.date.tomorrow().ok();
            let burst = published_on.get(&e.date).copied().unwrap_or(0)
                + next
                    .and_then(|n| published_on.get(&n))
                    .copied()
                    .unwrap_or(0);
            #[allow(clippy::cast_precision_loss)]
            {
                e.score = e.reported.len() as f64
                    + BURST * burst as f64
                    + EXPECTED * e.expected.len() as f64;
            }
        }
        Evidence { days, months }
    }

    /// The days to propose, best first (`count` of them, or as many as
    /// the evidence supports), and how many were kept and why.
    pub fn choose(&self, count: Option<usize>) -> (Vec<&Day>, String) {
        let mut ranked: Vec<&Day> = self.days.values().collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.date.cmp(&b.date)));
        if let Some(n) = count {
            ranked.truncate(n);
            let how = format!(
                "the {} best of {} dates named in the articles, as asked",
                ranked.len(),
                self.days.len()
            );
            return (ranked, how);
        }
        let n = supported(&ranked);
        ranked.truncate(n);
        let floor = ranked
            .first()
            .map_or(LEAST, |d| (d.score * SHARE).max(LEAST));
        // Months the story names as months, with no day of theirs chosen.
        let months: Vec<&Day> = self
            .months
            .values()
            .filter(|m| {
                m.reported.len() >= MONTH_REPORTS
                    && m.score >= floor
                    && !ranked.iter().any(|d| d.date >= m.date && d.date <= m.end)
            })
            .collect();
        let n_months = months.len();
        ranked.extend(months);
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.date.cmp(&b.date)));
        ranked.truncate(MOST);
        let months_said = if n_months > 0 {
            format!(
                "; and {} named as a month by at least {MONTH_REPORTS} articles, with no day of it among them",
                crate::wording::count(n_months, "month", "months")
            )
        } else {
            String::new()
        };
        let how = format!(
            "{n} of {} days named in the articles: those with at least a tenth of the best day's evidence and at least two articles reporting them (or one on the day), at most {MOST}{months_said}",
            self.days.len()
        );
        (ranked, how)
    }
}

fn entry(days: &mut BTreeMap<Date, Day>, date: Date, end: Date, precision: Precision) -> &mut Day {
    days.entry(date).or_insert_with(|| Day {
        date,
        end,
        precision,
        reported: BTreeSet::new(),
        expected: BTreeSet::new(),
        mentions: Vec::new(),
        published: Vec::new(),
        published_after: Vec::new(),
        score: 0.0,
    })
}

/// How many of `ranked` (best first) the evidence supports: a tenth of
/// the best score, at least one article reporting the day on the day (or
/// two reporting it), at most [`MOST`].
pub fn supported(ranked: &[&Day]) -> usize {
    let best = ranked.first().map_or(0.0, |d| d.score);
    let floor = (best * SHARE).max(LEAST);
    ranked
        .iter()
        .take(MOST)
        .take_while(|d| d.score >= floor && !d.reported.is_empty())
        .count()
}

/// Days from `date` to `later` (negative when `later` is earlier).
pub fn days_after(date: Date, later: Date) -> i32 {
    (later - date).get_days()
}

/// Why `day` was chosen, in words (from its sources: the articles naming
/// it and those telling it that day).
pub fn why(articles: &[KdArticle], day: &Day, sources: &[super::KeySource]) -> String {
    let outlet: std::collections::HashMap<&str, &str> = articles
        .iter()
        .map(|a| (a.path.as_str(), a.outlet.as_str()))
        .collect();
    let reporting: BTreeSet<(&str, Date)> = sources
        .iter()
        .filter(|s| !s.expected)
        .map(|s| (s.article.as_str(), s.published))
        .collect();
    let expecting: BTreeSet<&str> = sources
        .iter()
        .filter(|s| s.expected && !reporting.iter().any(|(a, _)| *a == s.article))
        .map(|s| s.article.as_str())
        .collect();
    let outlets: BTreeSet<&str> = sources
        .iter()
        .filter_map(|s| outlet.get(s.article.as_str()).copied())
        .filter(|o| !o.is_empty())
        .collect();
    let soon = reporting
        .iter()
        .filter(|(_, p)| (0..=2).contains(&days_after(day.date, *p)))
        .count();
    let mut parts = vec![format!(
        "reported by {}",
        crate::wording::count(reporting.len(), "article", "articles")
    )];
    if !outlets.is_empty() {
        parts[0] = format!(
            "{} from {}",
            parts[0],
            crate::wording::count(outlets.len(), "outlet", "outlets")
        );
    }
    if soon > 0 {
        parts.push(format!("{soon} published within two days"));
    }
    if !expecting.is_empty() {
        parts.push(format!(
            "expected by {}",
            crate::wording::count(expecting.len(), "earlier article", "earlier articles")
        ));
    }
    if !day.published.is_empty() {
        parts.push(format!(
            "{} that day",
            crate::wording::count(
                day.published.len(),
                "article published",
                "articles published"
            )
        ));
    }
    let named = sources.iter().filter(|s| !s.phrase.is_empty()).count();
    parts.push(format!(
        "named in {}",
        crate::wording::count(named, "sentence", "sentences")
    ));
    let untold = sources.len() - named;
    if untold > 0 {
        parts.push(format!(
            "{} it that day or the next without naming the day",
            crate::wording::count(untold, "more article tells", "more articles tell")
        ));
    }
    parts.join("; ")
}
