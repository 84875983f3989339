//! How a report's cells are written: numbers as the reader's language writes them (German
//! `1.234,5`, English `1,234.5`), minutes to one decimal, shares as percent, hours as a span.
//! Plain functions, so the native tests reach them without a browser.

use willkommen_api::{Cell, ColumnKind};

/// How a language writes numbers: the staff screens speak German and English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Numbers {
    decimal: char,
    group: char,
    /// Between a number and `%`: German puts a (narrow) space, English none.
    percent_gap: &'static str,
}

impl Numbers {
    pub fn of(language: &str) -> Self {
        if language.starts_with("en") {
            Self { decimal: '.', group: ',', percent_gap: "" }
        } else {
            Self { decimal: ',', group: '.', percent_gap: "\u{202f}" }
        }
    }

    /// A whole number with thousands grouped: `12.345`.
    pub fn whole(self, value: i64) -> String {
        let digits = value.unsigned_abs().to_string();
        let mut grouped = String::new();
        for (at, digit) in digits.chars().enumerate() {
            if at > 0 && (digits.len() - at).is_multiple_of(3) {
                grouped.push(self.group);
            }
            grouped.push(digit);
        }
        if value < 0 { format!("-{grouped}") } else { grouped }
    }

    /// `value` with exactly one decimal: `12,5`.
    pub fn one_decimal(self, value: f64) -> String {
        // Whole tenths, rounded half away from zero, so 2.25 is 2,3 everywhere.
        #[allow(clippy::cast_possible_truncation)] // a report's figures are far below 2^63 tenths
        let tenths = (value * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        format!("{sign}{}{}{}", self.whole(tenths.abs() / 10), self.decimal, tenths.abs() % 10)
    }

    /// A share from 0 to 1 as percent with one decimal: `12,5 %`.
    pub fn percent(self, share: f64) -> String {
        format!("{}{}%", self.one_decimal(share * 100.0), self.percent_gap)
    }
}

/// A cell of a column of `kind`, for the kinds that are numbers or hours; `None` for texts,
/// dates and times (the caller names those), and "–" for an empty cell (no such figure).
pub fn number_cell(kind: ColumnKind, cell: &Cell, numbers: Numbers) -> Option<String> {
    if matches!(cell, Cell::Empty) {
        return Some("–".into());
    }
    let value = cell.as_f64()?;
    Some(match kind {
        #[allow(clippy::cast_possible_truncation)] // a count is a whole number
        ColumnKind::Count if value.fract() == 0.0 => numbers.whole(value as i64),
        ColumnKind::Count | ColumnKind::Minutes | ColumnKind::Rating => numbers.one_decimal(value),
        ColumnKind::Share => numbers.percent(value),
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0 to 23
        ColumnKind::Hour => hour_span(value as u32),
        ColumnKind::Text | ColumnKind::Date | ColumnKind::Time => return None,
    })
}

/// An hour of the office's day as the span it stands for: `08–09`.
pub fn hour_span(hour: u32) -> String {
    format!("{hour:02}–{:02}", hour + 1)
}

/// The upper end of a chart's scale: the smallest 1, 2 or 5 times a power of ten that is at
/// least `max` (and at least 1, so an empty chart still has a scale).
pub fn scale_top(max: f64) -> f64 {
    let mut step = 1.0;
    loop {
        for factor in [1.0, 2.0, 5.0] {
            if step * factor >= max {
                return step * factor;
            }
        }
        step *= 10.0;
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_german_and_english_write_them() {
        let (de, en) = (Numbers::of("de"), Numbers::of("en"));
        assert_eq!(de.whole(1_234_567), "1.234.567");
        assert_eq!(en.whole(1_234_567), "1,234,567");
        assert_eq!(de.whole(999), "999");
        assert_eq!(de.whole(-1000), "-1.000");
        assert_eq!(de.one_decimal(12.46), "12,5");
        assert_eq!(en.one_decimal(12.44), "12.4");
        assert_eq!(de.one_decimal(1234.0), "1.234,0");
        assert_eq!(de.one_decimal(2.25), "2,3");
        assert_eq!(de.percent(0.125), "12,5\u{202f}%");
        assert_eq!(en.percent(1.0), "100.0%");
    }

    #[test]
    fn each_kind_of_column_has_its_form() {
        let de = Numbers::of("de");
        assert_eq!(number_cell(ColumnKind::Count, &Cell::Integer(1500), de).as_deref(), Some("1.500"));
        assert_eq!(number_cell(ColumnKind::Count, &Cell::Decimal(2.5), de).as_deref(), Some("2,5"), "per day");
        assert_eq!(number_cell(ColumnKind::Minutes, &Cell::Decimal(7.0), de).as_deref(), Some("7,0"));
        assert_eq!(number_cell(ColumnKind::Minutes, &Cell::Integer(3), de).as_deref(), Some("3,0"));
        assert_eq!(number_cell(ColumnKind::Share, &Cell::Decimal(0.333), de).as_deref(), Some("33,3\u{202f}%"));
        assert_eq!(number_cell(ColumnKind::Hour, &Cell::Integer(8), de).as_deref(), Some("08–09"));
        assert_eq!(number_cell(ColumnKind::Minutes, &Cell::Empty, de).as_deref(), Some("–"), "a mean of nobody");
        assert_eq!(number_cell(ColumnKind::Text, &Cell::Text("x".into()), de), None);
        assert_eq!(number_cell(ColumnKind::Date, &Cell::Text("2026-12-07".into()), de), None);
    }

    #[test]
    fn the_last_hour_ends_at_midnight() {
        assert_eq!(hour_span(0), "00–01");
        assert_eq!(hour_span(23), "23–24");
    }

    #[test]
    fn a_scale_ends_at_a_round_number() {
        assert_eq!(scale_top(0.0), 1.0);
        assert_eq!(scale_top(1.0), 1.0);
        assert_eq!(scale_top(3.0), 5.0);
        assert_eq!(scale_top(7.0), 10.0);
        assert_eq!(scale_top(11.0), 20.0);
        assert_eq!(scale_top(180.0), 200.0);
        assert_eq!(scale_top(501.0), 1000.0);
    }
}
