//! Axis ticks whose step fits the span: days, weeks, months, quarters,
//! years, decades… the first step whose labels have room. A label that
//! would run past the right edge is left off (its tick stays).

use jiff::civil::Date;

use super::{DayRange, Tick, date_of, day_number};
use crate::timeline::when::{add_days, add_months, week_start};

/// A tick step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Days(i64),
    Week,
    Months(i64),
    Years(i64),
}

impl Step {
    /// Rough length in days.
    fn days(self) -> f64 {
        match self {
            Step::Days(n) => n as f64,
            Step::Week => 7.0,
            Step::Months(n) => 30.44 * n as f64,
            Step::Years(n) => 365.25 * n as f64,
        }
    }

    /// Chars of its widest label.
    fn label_chars(self) -> f64 {
        match self {
            Step::Days(_) | Step::Week => 6.0,
            Step::Months(_) | Step::Years(_) => 4.0,
        }
    }

    fn first(self, d: Date) -> Date {
        match self {
            Step::Days(_) => d,
            Step::Week => week_start(d),
            Step::Months(n) => {
                let m = i64::from(d.month()) - 1;
                add_months(d.first_of_year(), m - m % n)
            }
            Step::Years(n) => {
                let y = i64::from(d.year());
                add_months(d.first_of_year(), -12 * (y.rem_euclid(n)))
            }
        }
    }

    fn next(self, d: Date) -> Date {
        match self {
            Step::Days(n) => add_days(d, n),
            Step::Week => add_days(d, 7),
            Step::Months(n) => add_months(d, n),
            Step::Years(n) => add_months(d, 12 * n),
        }
    }

    fn label(self, d: Date) -> String {
        match self {
            Step::Days(_) | Step::Week => d.strftime("%b %-d").to_string(),
            Step::Months(_) if d.month() == 1 => d.year().to_string(),
            Step::Months(_) => d.strftime("%b").to_string(),
            Step::Years(_) => d.year().to_string(),
        }
    }

    fn major(self, d: Date) -> bool {
        match self {
            Step::Days(_) => d.day() == 1,
            Step::Week => d.day() <= 7,
            Step::Months(_) => d.month() == 1,
            Step::Years(n) => i64::from(d.year()) % (n * 10).min(100) == 0,
        }
    }
}

const STEPS: [Step; 13] = [
    Step::Days(1),
    Step::Days(2),
    Step::Week,
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
];

/// Ticks for `view` on a plot `width` wide.
pub(super) fn ticks(
    view: DayRange,
    width: f32,
    char_width: f32,
    x_of: impl Fn(f64) -> f32,
) -> Vec<Tick> {
    let px_per_day = f64::from(width) / view.len();
    let step = STEPS
        .into_iter()
        .find(|s| s.days() * px_per_day >= s.label_chars() * f64::from(char_width) + 14.0)
        .unwrap_or(Step::Years(100));
    let last = date_of(view.end);
    let mut d = step.first(date_of(view.start));
    let mut out = Vec::new();
    while d <= last && out.len() < 2000 {
        let x = x_of(day_number(d));
        if (0.0..=width).contains(&x) {
            let mut label = step.label(d);
            // Never clipped: a label that does not fit is left off.
            if x + 3.0 + label.chars().count() as f32 * char_width > width {
                label.clear();
            }
            out.push(Tick {
                x,
                label,
                major: step.major(d),
            });
        }
        d = step.next(d);
    }
    out
}
