//! The range of office days a report covers: the presets (today, this week, this month, this
//! year, the last 30 days) and the check of a range typed by hand.

use willkommen_api::STATISTICS_MAX_DAYS;

use super::super::appointments::dates::{shift_day, weekday};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    Today,
    ThisWeek,
    ThisMonth,
    ThisYear,
    Last30Days,
}

impl Preset {
    pub const ALL: [Self; 5] = [Self::Today, Self::ThisWeek, Self::ThisMonth, Self::ThisYear, Self::Last30Days];

    pub fn label(self) -> &'static str {
        match self {
            Self::Today => "statistics-range-today",
            Self::ThisWeek => "statistics-range-week",
            Self::ThisMonth => "statistics-range-month",
            Self::ThisYear => "statistics-range-year",
            Self::Last30Days => "statistics-range-30-days",
        }
    }

    /// The first and last day (`YYYY-MM-DD`) of this range, ending `today`. Weeks start on
    /// Monday, as in Germany.
    pub fn range(self, today: &str) -> (String, String) {
        let from = match self {
            Self::Today => Some(today.to_owned()),
            Self::ThisWeek => weekday(today).and_then(|days_since_monday| shift_day(today, -days_since_monday)),
            Self::ThisMonth => today.get(..8).map(|month| format!("{month}01")),
            Self::ThisYear => today.get(..5).map(|year| format!("{year}01-01")),
            Self::Last30Days => shift_day(today, -29),
        };
        (from.unwrap_or_else(|| today.to_owned()), today.to_owned())
    }
}

/// Why a range cannot be asked for, as a message id; `None` when it can.
pub fn range_problem(from: &str, to: &str) -> Option<&'static str> {
    let (Some(_), Some(_)) = (shift_day(from, 0), shift_day(to, 0)) else {
        return Some("statistics-range-invalid");
    };
    // Both are `YYYY-MM-DD`, so their text sorts as the days do.
    if from > to {
        return Some("statistics-range-reversed");
    }
    let too_long = shift_day(from, i64::from(STATISTICS_MAX_DAYS)).is_some_and(|limit| to >= limit.as_str());
    too_long.then_some("statistics-range-too-long")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn each_preset_ends_today() {
        // 2026-12-09 is a Wednesday.
        let today = "2026-12-09";
        assert_eq!(Preset::Today.range(today), (today.into(), today.into()));
        assert_eq!(Preset::ThisWeek.range(today), ("2026-12-07".into(), today.into()));
        assert_eq!(Preset::ThisMonth.range(today), ("2026-12-01".into(), today.into()));
        assert_eq!(Preset::ThisYear.range(today), ("2026-01-01".into(), today.into()));
        assert_eq!(Preset::Last30Days.range(today), ("2026-11-10".into(), today.into()));
        assert_eq!(Preset::ThisWeek.range("2026-12-07").0, "2026-12-07", "on a Monday the week is today");
        assert_eq!(Preset::ThisWeek.range("2026-12-13").0, "2026-12-07", "a Sunday ends the week");
    }

    #[test]
    fn a_range_must_be_days_in_order_and_not_too_long() {
        assert_eq!(range_problem("2026-12-01", "2026-12-31"), None);
        assert_eq!(range_problem("2026-12-01", "2026-12-01"), None);
        assert_eq!(range_problem("2026-12-02", "2026-12-01"), Some("statistics-range-reversed"));
        assert_eq!(range_problem("", "2026-12-01"), Some("statistics-range-invalid"));
        assert_eq!(range_problem("2024-01-01", "2027-01-01"), None, "1097 days, as many as may be");
        assert_eq!(range_problem("2024-01-01", "2027-01-02"), Some("statistics-range-too-long"));
    }
}
