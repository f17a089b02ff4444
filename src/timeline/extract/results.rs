//! Results copy: the periods a company's figures are told in — "the
//! quarter", "the latest quarter", "the 1988 quarter", "for the year",
//! "the year-ago period", "the first half" — read only in sentences about
//! money or output.

use super::resolve::{Core, Unit};
use super::text::Tok;

/// Whether the sentence is about money or output (so "the quarter" and "the
/// first half" are periods of a year, not of a game).
pub(super) fn financial(toks: &[Tok<'_>]) -> bool {
    toks.iter().any(|w| {
        w.prev == '$'
            || w.is(&[
                "revenue",
                "revenues",
                "sales",
                "profit",
                "profits",
                "earnings",
                "income",
                "loss",
                "losses",
                "growth",
                "economy",
                "output",
                "results",
                "margin",
                "margins",
                "shipments",
                "orders",
                "spending",
                "deficit",
                "gdp",
                "dividend",
                "shares",
                "firm",
                "company",
                "forecast",
                "outlook",
                "demand",
                "prices",
                "analysts",
                "investors",
                "million",
                "billion",
                "cents",
                "loans",
                "inventories",
                "tax",
                "taxes",
                "charge",
                "quarterly",
            ])
    })
}

/// A period of results copy starting at token `i`: (end token, core).
pub(super) fn results_core_at(toks: &[Tok<'_>], i: usize) -> Option<(usize, Core)> {
    let t = toks.get(i)?;
    let next = toks.get(i + 1);
    // "the latest quarter", "the most recent period" in a results story:
    // the last quarter that ended; "the latest fiscal year": the last year.
    if t.is(&["latest", "recent"]) && i > 0 && toks[i - 1].is(&["the", "most"]) && financial(toks) {
        let fiscal = next.is_some_and(|n| n.is(&["fiscal"]));
        let k = i + 1 + usize::from(fiscal);
        if let Some(w) = toks.get(k) {
            if w.is(&["quarter", "period"]) {
                return Some((
                    k + 1,
                    Core::Relative {
                        unit: Unit::Quarter,
                        offset: -1,
                    },
                ));
            }
            if w.is(&["year"]) {
                return Some((
                    k + 1,
                    Core::Relative {
                        unit: Unit::Year,
                        offset: -1,
                    },
                ));
            }
        }
    }
    // "for the year", "the full year", "in the fiscal year" of a results
    // story: the current one.
    if t.is(&["year"])
        && i > 1
        && (toks[i - 1].is(&["the"])
            || toks[i - 1].is(&["full", "fiscal"]) && toks[i - 2].is(&["the"]))
        && toks[..i]
            .iter()
            .rev()
            .take(3)
            .any(|w| w.is(&["for", "in", "during", "through", "throughout", "of"]))
        && !next.is_some_and(|n| {
            n.is(&["before", "after", "ago", "earlier", "later", "s"])
                || n.is(&["of"]) && toks.get(i + 2).is_none_or(|m| m.prev != '$')
        })
        && t.next != '-'
        && financial(toks)
    {
        return Some((
            i + 1,
            Core::Relative {
                unit: Unit::Year,
                offset: 0,
            },
        ));
    }
    // "year-earlier results", "year-ago levels": the year before.
    if t.is(&["year"])
        && t.next == '-'
        && next.is_some_and(|n| n.is(&["ago", "earlier"]))
        && !toks.get(i + 2).is_some_and(|w| {
            w.is(&["period", "quarter", "half"])
                // "the year-ago third quarter": that quarter.
                || w.is(&["first", "second", "third", "fourth"])
                    && toks.get(i + 3).is_some_and(|q| q.is(&["quarter"]))
        })
    {
        return Some((
            i + 2,
            Core::Relative {
                unit: Unit::Year,
                offset: -1,
            },
        ));
    }
    // "the quarter" in a results story: the last one that ended (not "the
    // quarter-to-quarter comparison").
    if t.is(&["quarter"])
        && t.next != '-'
        && i > 0
        && toks[i - 1].is(&["the"])
        && !next.is_some_and(|n| n.is(&["of", "century", "mile", "point", "final", "finals"]))
        && financial(toks)
    {
        return Some((
            i + 1,
            Core::Relative {
                unit: Unit::Quarter,
                offset: -1,
            },
        ));
    }
    // "the year-ago period" with no period before it: the last quarter that
    // ended, a year earlier.
    if t.is(&["year"])
        && t.next == '-'
        && i > 0
        && toks[i - 1].is(&["the", "comparable", "corresponding", "same"])
        && next.is_some_and(|n| n.is(&["ago", "earlier"]))
        && toks
            .get(i + 2)
            .is_some_and(|w| w.is(&["period", "quarter"]))
        && financial(toks)
    {
        return Some((i + 3, Core::QuarterYearAgo));
    }
    // "the first half", "second half" of a year, in a results story.
    // ("The last half of 1989", "the latter half" are the second; a half
    // of a named year is one in any story.)
    if t.is(&["first", "second", "last", "latter"]) && next.is_some_and(|n| n.is(&["half"])) {
        let year = toks
            .get(i + 2)
            .filter(|w| w.is(&["of"]))
            .and_then(|_| toks.get(i + 3))
            .and_then(Tok::year);
        // "the second half of next year": its year is named too.
        let of_named_year = toks.get(i + 2).is_some_and(|w| w.is(&["of"]))
            && toks
                .get(i + 3)
                .is_some_and(|w| w.is(&["last", "this", "next"]))
            && toks.get(i + 4).is_some_and(|w| w.is(&["year"]));
        if year.is_none() && !of_named_year && (!financial(toks) || t.is(&["last", "latter"])) {
            return None;
        }
        let end = if year.is_some() { i + 4 } else { i + 2 };
        return Some((
            end,
            Core::Half {
                second: !t.is(&["first"]),
                year,
            },
        ));
    }
    None
}
