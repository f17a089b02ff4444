//! Honest dates: a day, week, month, season or quarter, year, explicit range
//! or open range, maybe approximate, remembering the phrase it came from.

use jiff::ToSpan as _;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// One day.
    Day,
    /// A Monday–Sunday week.
    Week,
    /// A calendar month.
    Month,
    /// A season or a quarter (three months).
    Season,
    /// A calendar year.
    Year,
    /// Any other span between two days.
    Range,
}

impl Precision {
    /// The lower-case name used in JSON and the CLI.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Season => "season",
            Self::Year => "year",
            Self::Range => "range",
        }
    }
}

/// A side of a range that is not known ("before March", "since 2019").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OpenEnd {
    /// Some time up to `end` ("by", "before", "until").
    Before,
    /// Some time from `start` on ("after", "from … on").
    After,
}

/// A date as honest as its source: the days it may fall on, how precise it
/// is, and the words it came from.
///
/// Invariant: `start <= end` (both inclusive).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct When {
    /// First day it may be.
    pub start: Date,
    /// Last day it may be (inclusive).
    pub end: Date,
    /// How precise.
    pub precision: Precision,
    /// True for "about", "early", "in the coming months" and the like.
    #[serde(default)]
    pub approximate: bool,
    /// An unknown side, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<OpenEnd>,
    /// The words it was read from ("next week"); empty when typed as a date.
    #[serde(default)]
    pub phrase: String,
    /// The date relative words were resolved against (the publication date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_against: Option<Date>,
}

impl When {
    /// A span of days with a precision.
    #[must_use]
    pub fn span(start: Date, end: Date, precision: Precision) -> Self {
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        Self {
            start,
            end,
            precision,
            approximate: false,
            open: None,
            phrase: String::new(),
            resolved_against: None,
        }
    }

    /// One day.
    #[must_use]
    pub fn day(d: Date) -> Self {
        Self::span(d, d, Precision::Day)
    }

    /// The Monday–Sunday week containing `d`.
    #[must_use]
    pub fn week_of(d: Date) -> Self {
        let monday = week_start(d);
        Self::span(monday, add_days(monday, 6), Precision::Week)
    }

    /// The month containing `d`.
    #[must_use]
    pub fn month_of(d: Date) -> Self {
        Self::span(d.first_of_month(), d.last_of_month(), Precision::Month)
    }

    /// The year containing `d`.
    #[must_use]
    pub fn year_of(d: Date) -> Self {
        Self::span(d.first_of_year(), d.last_of_year(), Precision::Year)
    }

    /// Marks it approximate.
    #[must_use]
    pub fn approx(mut self) -> Self {
        self.approximate = true;
        self
    }

    /// True when it covers a single day.
    #[must_use]
    pub fn is_point(&self) -> bool {
        self.start == self.end && self.open.is_none()
    }

    /// The EDTF (ISO 8601-2) form: `2020-01-31`, `2019-12`, `2020`, `2020-21`
    /// (spring), `2020-33` (first quarter), `2020-01-27/2020-02-02`,
    /// `../2020-03-31`, `2020-03-01/..`; approximate parts end in `~`.
    #[must_use]
    pub fn edtf(&self) -> String {
        let q = if self.approximate { "~" } else { "" };
        let day = |d: Date| format!("{}{q}", d.strftime("%Y-%m-%d"));
        match self.open {
            Some(OpenEnd::Before) => return format!("../{}", day(self.end)),
            Some(OpenEnd::After) => return format!("{}/..", day(self.start)),
            None => {}
        }
        let whole_month = self.start.day() == 1 && self.end == self.start.last_of_month();
        let whole_year = self.start.month() == 1
            && self.start.day() == 1
            && self.end == self.start.last_of_year();
        match self.precision {
            Precision::Day if self.start == self.end => day(self.start),
            Precision::Month if whole_month => format!("{}{q}", self.start.strftime("%Y-%m")),
            Precision::Year if whole_year => format!("{}{q}", self.start.year()),
            Precision::Season if self.start.day() == 1 => {
                let code = match self.start.month() {
                    3 => 21,
                    6 => 22,
                    9 => 23,
                    12 => 24,
                    m => 33 + (m - 1) / 3,
                };
                format!("{}-{code}{q}", self.start.year())
            }
            _ => format!("{}/{}", day(self.start), day(self.end)),
        }
    }

    /// A short human form: "Jan 31, 2020", "week of Jan 27, 2020", "Dec 2019".
    #[must_use]
    pub fn label(&self) -> String {
        let d = |d: Date| d.strftime("%b %-d, %Y").to_string();
        let tilde = if self.approximate { "c. " } else { "" };
        let body = match (self.open, self.precision) {
            (Some(OpenEnd::Before), _) => format!("by {}", d(self.end)),
            (Some(OpenEnd::After), _) => format!("from {}", d(self.start)),
            (None, Precision::Day) => d(self.start),
            (None, Precision::Week) => format!("week of {}", d(self.start)),
            (None, Precision::Month) => self.start.strftime("%b %Y").to_string(),
            (None, Precision::Year) => self.start.year().to_string(),
            (None, Precision::Season | Precision::Range) => {
                format!("{} – {}", d(self.start), d(self.end))
            }
        };
        format!("{tilde}{body}")
    }
}

/// `when` moved by about `days` (a drag on the timeline): a day or a
/// range moves by the days; a week by whole weeks (it stays Monday–Sunday,
/// as its "week of" label says); a month, season or year by whole months,
/// seasons or years (it stays a calendar month, season, year). The phrase
/// keeps where it came from and says how far it moved.
#[must_use]
pub fn moved(when: &When, days: i64) -> When {
    let whole = |unit: i64| (days as f64 / unit as f64).round() as i64;
    let mut w = when.clone();
    let (how_far, moved) = match when.precision {
        Precision::Day | Precision::Range => (
            format!("{days:+} days"),
            (add_days(when.start, days), add_days(when.end, days)),
        ),
        Precision::Week => {
            let n = whole(7);
            (
                format!("{n:+} weeks"),
                (add_days(when.start, 7 * n), add_days(when.end, 7 * n)),
            )
        }
        Precision::Month | Precision::Season | Precision::Year => {
            let (unit_days, unit_months, name) = match when.precision {
                Precision::Month => (30, 1, "months"),
                Precision::Season => (91, 3, "seasons"),
                _ => (365, 12, "years"),
            };
            let n = whole(unit_days);
            let start = add_months(when.start, n * unit_months);
            // The last day of the span's last month, whatever its length.
            let end = add_months(when.end.first_of_month(), n * unit_months).last_of_month();
            (format!("{n:+} {name}"), (start, end))
        }
    };
    if moved == (when.start, when.end) {
        return when.clone();
    }
    (w.start, w.end) = moved;
    let origin = when
        .phrase
        .split(" (moved ")
        .next()
        .unwrap_or(&when.phrase)
        .to_owned();
    // A typed date has no words to keep.
    if !origin.is_empty() {
        w.phrase = format!("{origin} (moved {how_far})");
    }
    w
}

/// `d` plus `n` days (saturating at the calendar's ends).
#[must_use]
pub fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days()).unwrap_or(d)
}

/// `d` plus `n` months, clamped to the month's length.
#[must_use]
pub fn add_months(d: Date, n: i64) -> Date {
    d.checked_add(n.months()).unwrap_or(d)
}

/// The Monday of `d`'s week.
#[must_use]
pub fn week_start(d: Date) -> Date {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

/// Parses a weekday name or abbreviation ("Monday", "Tue.", "thurs").
#[must_use]
pub fn weekday_from_name(word: &str) -> Option<Weekday> {
    // Most words are not weekdays: no allocation for them.
    if !(3..=10).contains(&word.len())
        || !matches!(
            word.as_bytes()[0].to_ascii_lowercase(),
            b'm' | b't' | b'w' | b'f' | b's'
        )
    {
        return None;
    }
    let w = word.trim_end_matches('.');
    let days = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    days.iter()
        .find(|(name, _)| {
            name.eq_ignore_ascii_case(w)
                || (3..=5).contains(&w.len())
                    && name
                        .get(..w.len())
                        .is_some_and(|p| p.eq_ignore_ascii_case(w))
        })
        .map(|(_, d)| *d)
}

/// Parses what a user types as a date: `2020-01-31`, `2019-12`, `2020`,
/// `2020-01-27/2020-02-02`, or anything [`crate::timeline::extract`] reads
/// ("next week") against `anchor`.
#[must_use]
pub fn parse_user_date(input: &str, anchor: Option<Date>) -> Option<When> {
    let s = input.trim();
    if let Some((a, b)) = s.split_once('/') {
        let (a, b) = (parse_user_date(a, anchor)?, parse_user_date(b, anchor)?);
        let mut w = When::span(a.start, b.end, Precision::Range);
        s.clone_into(&mut w.phrase);
        return Some(w);
    }
    let approximate = s.ends_with('~');
    let core = s.trim_end_matches('~');
    let parts: Vec<&str> = core.split('-').collect();
    let num = |p: &str| p.parse::<i16>().ok();
    let when = match parts.as_slice() {
        [y] if y.len() == 4 => Date::new(num(y)?, 1, 1).ok().map(When::year_of),
        [y, m] if y.len() == 4 && m.len() == 2 => {
            let m = num(m)?;
            if (21..=24).contains(&m) || (33..=36).contains(&m) {
                let start_month = if m <= 24 {
                    (m - 21) * 3 + 3
                } else {
                    (m - 33) * 3 + 1
                };
                let start = Date::new(num(y)?, i8::try_from(start_month).ok()?, 1).ok()?;
                let end = add_days(add_months(start, 3), -1);
                Some(When::span(start, end, Precision::Season))
            } else {
                Date::new(num(y)?, i8::try_from(m).ok()?, 1)
                    .ok()
                    .map(When::month_of)
            }
        }
        [y, m, d] if y.len() == 4 => Date::new(
            num(y)?,
            i8::try_from(num(m)?).ok()?,
            i8::try_from(num(d)?).ok()?,
        )
        .ok()
        .map(When::day),
        _ => None,
    };
    let when = if let Some(w) = when {
        w
    } else {
        let found = super::extract::extract_dates(s, anchor?);
        found
            .into_iter()
            .find(|f| f.kind == super::extract::TimeKind::Date)?
            .when
    };
    let mut when = when;
    when.approximate |= approximate;
    if when.phrase.is_empty() {
        s.clone_into(&mut when.phrase);
    }
    Some(when)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn edtf_forms() {
        assert_eq!(When::day(date(2020, 1, 31)).edtf(), "2020-01-31");
        assert_eq!(When::month_of(date(2019, 12, 5)).edtf(), "2019-12");
        assert_eq!(When::year_of(date(2020, 5, 5)).edtf(), "2020");
        assert_eq!(
            When::week_of(date(2020, 1, 30)).edtf(),
            "2020-01-27/2020-02-02"
        );
        let later = When::span(date(2020, 1, 23), date(2020, 12, 31), Precision::Range);
        assert_eq!(later.edtf(), "2020-01-23/2020-12-31");
        let spring = When::span(date(2020, 3, 1), date(2020, 5, 31), Precision::Season);
        assert_eq!(spring.edtf(), "2020-21");
        let q1 = When::span(date(2020, 1, 1), date(2020, 3, 31), Precision::Season);
        assert_eq!(q1.edtf(), "2020-33");
        assert_eq!(When::month_of(date(2020, 3, 1)).approx().edtf(), "2020-03~");
        let mut by = When::month_of(date(2020, 3, 1));
        by.open = Some(OpenEnd::Before);
        assert_eq!(by.edtf(), "../2020-03-31");
    }

    #[test]
    fn user_dates_parse() {
        let a = Some(date(2020, 1, 23));
        assert_eq!(
            parse_user_date("2020-01-31", a).map(|w| w.edtf()),
            Some("2020-01-31".into())
        );
        assert_eq!(
            parse_user_date("2019-12", a).map(|w| w.edtf()),
            Some("2019-12".into())
        );
        assert_eq!(
            parse_user_date("2020-22", a).map(|w| w.edtf()),
            Some("2020-22".into())
        );
        assert_eq!(
            parse_user_date("2020-01-27/2020-02-02", a).map(|w| w.edtf()),
            Some("2020-01-27/2020-02-02".into())
        );
        assert_eq!(
            parse_user_date("next week", a).map(|w| w.edtf()),
            Some("2020-01-27/2020-02-02".into())
        );
        assert_eq!(parse_user_date("whenever", a), None);
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(date(2020, 1, 23)), date(2020, 1, 20));
        assert_eq!(week_start(date(2020, 1, 20)), date(2020, 1, 20));
        assert_eq!(week_start(date(2020, 1, 26)), date(2020, 1, 20));
        assert_eq!(weekday_from_name("Thurs."), Some(Weekday::Thursday));
    }

    #[test]
    fn a_dragged_week_stays_monday_to_sunday_and_a_month_a_month() {
        let mut week = When::week_of(date(2020, 1, 27));
        week.phrase = "next week".into();
        // Dragged 18 days: 3 weeks (rounded), still Monday–Sunday.
        let w = moved(&week, 18);
        assert_eq!((w.start, w.end), (date(2020, 2, 17), date(2020, 2, 23)));
        assert_eq!(w.start.weekday(), Weekday::Monday);
        assert_eq!(w.label(), "week of Feb 17, 2020");
        assert_eq!(w.phrase, "next week (moved +3 weeks)");
        // Less than half a week: it stays.
        assert_eq!(moved(&week, 3), week);
        let m = moved(&When::month_of(date(2020, 1, 5)), 31);
        assert_eq!((m.start, m.end), (date(2020, 2, 1), date(2020, 2, 29)));
        assert_eq!(m.edtf(), "2020-02");
        let d = moved(&When::day(date(2020, 1, 5)), -4);
        assert_eq!(d.start, date(2020, 1, 1));
        assert_eq!(d.phrase, "");
    }
}
