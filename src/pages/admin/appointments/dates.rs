//! Days and slots as the appointments section handles them: days are the office's dates
//! (`YYYY-MM-DD`), slots RFC 3339 in the office's offset, so both are read as written.

/// `day` moved by `by` days, across months, years and leap days. `None` for what is not a
/// date.
pub fn shift_day(day: &str, by: i64) -> Option<String> {
    let (year, month, date) = parse_day(day)?;
    let (year, month, date) = civil_from_days(days_from_civil(year, month, date) + by);
    Some(format!("{year:04}-{month:02}-{date:02}"))
}

/// How many days `day` is after the Monday of its week (0 on Mondays, 6 on Sundays).
pub fn weekday(day: &str) -> Option<i64> {
    let (year, month, date) = parse_day(day)?;
    // 1970-01-01 was a Thursday, three days after a Monday.
    Some((days_from_civil(year, month, date) + 3).rem_euclid(7))
}

/// The office's date of a slot (`2026-12-07T10:30:00+01:00` → `2026-12-07`).
pub fn slot_day(slot: &str) -> Option<&str> {
    let day = slot.get(..10)?;
    parse_day(day).map(|_| day)
}

/// A slot as a `datetime-local` input shows it, in the office's time (`2026-12-07T10:30`).
pub fn slot_local(slot: &str) -> Option<&str> {
    slot_day(slot)?;
    crate::clock::slot_time(slot)?;
    slot.get(..16)
}

/// `day` written out in `language`, e.g. "Montag, 7. Dezember 2026".
pub fn long_day(day: &str, language: &str) -> String {
    let date = web_sys::js_sys::Date::new(&format!("{day}T12:00:00Z").into());
    if date.get_time().is_nan() {
        return day.to_owned();
    }
    let options = web_sys::js_sys::Object::new();
    // Noon UTC is the same date in every zone an office can be in.
    for (key, value) in [("dateStyle", "full"), ("timeZone", "UTC")] {
        let _ = web_sys::js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(language, &options).as_string().unwrap_or_else(|| day.to_owned())
}

fn parse_day(day: &str) -> Option<(i64, u32, u32)> {
    let bytes = day.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let text = day.get(range)?;
        text.bytes().all(|b| b.is_ascii_digit()).then(|| text.parse().ok())?
    };
    let (year, month, date) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let length = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    ((1..=12).contains(&month) && (1..=length[month as usize - 1]).contains(&date)).then_some((
        i64::from(year),
        month,
        date,
    ))
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar (H. Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn days_move_across_months_years_and_leap_days() {
        assert_eq!(shift_day("2026-12-07", 1).as_deref(), Some("2026-12-08"));
        assert_eq!(shift_day("2026-12-31", 1).as_deref(), Some("2027-01-01"));
        assert_eq!(shift_day("2027-01-01", -1).as_deref(), Some("2026-12-31"));
        assert_eq!(shift_day("2028-02-28", 1).as_deref(), Some("2028-02-29"));
        assert_eq!(shift_day("2026-02-28", 1).as_deref(), Some("2026-03-01"));
        assert_eq!(shift_day("2100-03-01", -1).as_deref(), Some("2100-02-28"), "1900, 2100: no leap day");
        assert_eq!(shift_day("2000-03-01", -1).as_deref(), Some("2000-02-29"), "2000: a leap day");
        assert_eq!(shift_day("2026-03-29", 0).as_deref(), Some("2026-03-29"));
        assert_eq!(shift_day("1970-01-01", -1).as_deref(), Some("1969-12-31"));
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(weekday("2026-12-07"), Some(0));
        assert_eq!(weekday("2026-12-09"), Some(2));
        assert_eq!(weekday("2026-12-13"), Some(6));
        assert_eq!(weekday("1970-01-01"), Some(3));
        assert_eq!(weekday("2026-13-01"), None);
    }

    #[test]
    fn what_is_not_a_day_does_not_move() {
        for bad in ["", "2026-12-7", "2026-13-01", "2026-02-29", "26-12-07", "2026/12/07", "2026-1a-07"] {
            assert_eq!(shift_day(bad, 1), None, "{bad:?}");
        }
    }

    #[test]
    fn a_slot_gives_its_office_date_and_the_form_fields_value() {
        let slot = "2026-12-07T10:30:00+01:00";
        assert_eq!(slot_day(slot), Some("2026-12-07"));
        assert_eq!(slot_local(slot), Some("2026-12-07T10:30"));
        assert_eq!(slot_day("2026-12-32T10:30:00+01:00"), None);
        assert_eq!(slot_local("2026-12-07"), None);
    }
}
