//! Dates and times as import files write them: `2026-12-07` or `07.12.2026`, `10:30`,
//! `9:05` or `10:30:00`, and whole start times (`2026-12-07T10:30`, `07.12.2026 10:30`, or
//! RFC 3339 with an offset). A local time is the office's; each error says what was found and
//! what is expected, for the administrator fixing the file.

use jiff::ZonedDateTime;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;

/// `YYYY-MM-DD` (as ISO 8601) or `DD.MM.YYYY` (as German spreadsheets write; the day and month
/// may have one digit).
pub fn parse_date(text: &str) -> Result<Date, String> {
    let text = text.trim();
    let expected = || format!("{text:?} is not a date: write it 2026-12-07 or 07.12.2026");
    let (year, month, day) = if let [year, month, day] = text.split('-').collect::<Vec<_>>()[..] {
        if (year.len(), month.len(), day.len()) != (4, 2, 2) {
            return Err(expected());
        }
        (year, month, day)
    } else if let [day, month, year] = text.split('.').collect::<Vec<_>>()[..] {
        if year.len() == 2 && digits(year).is_some() {
            return Err(format!("{text:?} has a year of two digits: write it with four, e.g. 07.12.2026"));
        }
        if year.len() != 4 || !(1..=2).contains(&month.len()) || !(1..=2).contains(&day.len()) {
            return Err(expected());
        }
        (year, month, day)
    } else {
        return Err(expected());
    };
    match (digits(year), digits(month), digits(day)) {
        (Some(year), Some(month), Some(day)) => date_of(text, year, month, day),
        _ => Err(expected()),
    }
}

/// The date with these numbers, or why there is none (`text` is what the file wrote).
pub fn date_of(text: &str, year: u32, month: u32, day: u32) -> Result<Date, String> {
    let month_start =
        i16::try_from(year).ok().zip(i8::try_from(month).ok()).and_then(|(year, month)| Date::new(year, month, 1).ok());
    let Some(month_start) = month_start else {
        return Err(format!("{text:?} is not a date: there is no month {month}"));
    };
    i8::try_from(day).ok().and_then(|day| month_start.with().day(day).build().ok()).ok_or_else(|| {
        format!("{text:?} is not a date: {} has {} days", month_start.strftime("%B %Y"), month_start.days_in_month())
    })
}

/// `HH:MM`, `H:MM` or `HH:MM:SS`, from 00:00 to 23:59:59.
pub fn parse_time(text: &str) -> Result<Time, String> {
    let text = text.trim();
    let expected = || format!("{text:?} is not a time: write it 10:30, 9:05 or 10:30:00");
    let parts: Vec<&str> = text.split(':').collect();
    let (hour, minute, second) = match parts[..] {
        [hour, minute] => (hour, minute, "00"),
        [hour, minute, second] if second.len() == 2 => (hour, minute, second),
        _ => return Err(expected()),
    };
    if !(1..=2).contains(&hour.len()) || minute.len() != 2 {
        return Err(expected());
    }
    match (digits(hour), digits(minute), digits(second)) {
        (Some(hour), Some(minute), Some(second)) => time_of(text, hour, minute, second),
        _ => Err(expected()),
    }
}

/// The time of day with these numbers, or why there is none (`text` is what the file wrote).
pub fn time_of(text: &str, hour: u32, minute: u32, second: u32) -> Result<Time, String> {
    let in_range = |value: u32, most: i8| i8::try_from(value).ok().filter(|value| *value <= most);
    match (in_range(hour, 23), in_range(minute, 59), in_range(second, 59)) {
        (Some(hour), Some(minute), Some(second)) => Ok(jiff::civil::time(hour, minute, second, 0)),
        _ => Err(format!("{text:?} is not a time of day: hours go from 0 to 23, minutes and seconds to 59")),
    }
}

/// A whole start time: a date and a time separated by `T` or a space, local to the office
/// (`2026-12-07T10:30`, `2026-12-07 10:30`, `07.12.2026 10:30`), or RFC 3339 with an offset
/// or `Z` (`2026-12-07T10:30:00+01:00`), which is then shown in the office's time zone.
pub fn parse_start(text: &str, time_zone: &TimeZone) -> Result<ZonedDateTime, String> {
    let text = text.trim();
    let expected = || {
        format!(
            "{text:?} is not a start time: write it 2026-12-07 10:30, 07.12.2026 10:30 or 2026-12-07T10:30:00+01:00"
        )
    };
    let Some((date, time)) = text.split_once(['T', ' ']) else { return Err(expected()) };
    let time = time.trim_start();
    if time.ends_with(['Z', 'z']) || time.contains(['+', '-']) {
        // jiff takes offsets up to 25:59; RFC 3339's hours end at 23, the world's at 14.
        let offset_hours = time.rfind(['+', '-']).map(|at| time[at + 1..].get(..2).and_then(digits));
        if offset_hours.is_some_and(|hours| hours.is_none_or(|hours| hours > 14)) {
            return Err(expected());
        }
        let instant: jiff::Timestamp = text.parse().map_err(|_| expected())?;
        return Ok(instant.to_zoned_datetime(time_zone.clone()));
    }
    zoned(parse_date(date)?.to_datetime(parse_time(time)?), time_zone)
}

/// A local time in a time zone (the office's, or an iCalendar TZID's). On the night clocks go
/// forward, a time in the missing hour is read as an hour later (02:30 is 03:30 summer time);
/// on the night they go back, a time in the repeated hour is its first occurrence (summer
/// time). That is jiff's "compatible" choice, the one RFC 5545 prescribes for calendars and
/// browsers make too.
pub fn zoned(local: DateTime, time_zone: &TimeZone) -> Result<ZonedDateTime, String> {
    time_zone
        .to_ambiguous_zoned_datetime(local)
        .compatible()
        .map_err(|error| format!("{local} cannot be used: {error}"))
}

/// The number the ASCII digits in `text` write, if that is all `text` has.
pub fn digits(text: &str) -> Option<u32> {
    (!text.is_empty() && text.len() <= 4 && text.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin() -> TimeZone {
        TimeZone::get("Europe/Berlin").unwrap()
    }

    #[test]
    fn dates_are_read_in_iso_and_german_forms() {
        for text in ["2026-12-07", "07.12.2026", "7.12.2026", " 07.12.2026 "] {
            assert_eq!(parse_date(text), Ok(jiff::civil::date(2026, 12, 7)), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_date_says_why() {
        assert_eq!(
            parse_date("12/07/2026"),
            Err("\"12/07/2026\" is not a date: write it 2026-12-07 or 07.12.2026".into())
        );
        assert_eq!(
            parse_date("2026-12-7"),
            Err("\"2026-12-7\" is not a date: write it 2026-12-07 or 07.12.2026".into())
        );
        assert_eq!(
            parse_date("07.12.26"),
            Err("\"07.12.26\" has a year of two digits: write it with four, e.g. 07.12.2026".into())
        );
        assert_eq!(parse_date("31.02.2026"), Err("\"31.02.2026\" is not a date: February 2026 has 28 days".into()));
        assert_eq!(parse_date("2026-13-01"), Err("\"2026-13-01\" is not a date: there is no month 13".into()));
        assert!(parse_date("").is_err());
        assert!(parse_date("Montag").is_err());
        assert!(parse_date("2026-12-+7").is_err());
    }

    #[test]
    fn times_are_read_with_one_or_two_hour_digits_and_optional_seconds() {
        assert_eq!(parse_time("10:30"), Ok(jiff::civil::time(10, 30, 0, 0)));
        assert_eq!(parse_time("9:05"), Ok(jiff::civil::time(9, 5, 0, 0)));
        assert_eq!(parse_time("10:30:15"), Ok(jiff::civil::time(10, 30, 15, 0)));
        assert_eq!(parse_time("00:00"), Ok(jiff::civil::time(0, 0, 0, 0)));
    }

    #[test]
    fn what_is_not_a_time_says_why() {
        assert_eq!(parse_time("10.30"), Err("\"10.30\" is not a time: write it 10:30, 9:05 or 10:30:00".into()));
        assert_eq!(parse_time("10:3"), Err("\"10:3\" is not a time: write it 10:30, 9:05 or 10:30:00".into()));
        assert_eq!(
            parse_time("24:00"),
            Err("\"24:00\" is not a time of day: hours go from 0 to 23, minutes and seconds to 59".into())
        );
        assert!(parse_time("10:30 Uhr").is_err());
        assert!(parse_time("").is_err());
    }

    #[test]
    fn start_times_are_read_in_every_documented_form() {
        let expected = "2026-12-07T10:30:00+01:00[Europe/Berlin]";
        for text in [
            "2026-12-07T10:30",
            "2026-12-07 10:30",
            "07.12.2026 10:30",
            "07.12.2026  10:30:00",
            "2026-12-07T10:30:00+01:00",
            "2026-12-07T09:30:00Z",
            "2026-12-07 09:30Z",
            "2026-12-07T04:30:00-05:00",
        ] {
            assert_eq!(parse_start(text, &berlin()).map(|slot| slot.to_string()), Ok(expected.into()), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_start_time_says_why() {
        let message = |text: &str| {
            format!(
                "{text:?} is not a start time: write it 2026-12-07 10:30, 07.12.2026 10:30 or 2026-12-07T10:30:00+01:00"
            )
        };
        for text in
            ["2026-12-07", "10:30", "2026-12-07T10:30+25:00", "2026-12-07T10:30-15:00", "2026-12-07T10:30+ab:00"]
        {
            assert_eq!(parse_start(text, &berlin()), Err(message(text)), "{text}");
        }
        // A start time of the right shape says which part is wrong.
        assert_eq!(
            parse_start("31.02.2026 10:30", &berlin()),
            Err("\"31.02.2026\" is not a date: February 2026 has 28 days".into())
        );
        assert_eq!(
            parse_start("2026-12-07T24:00", &berlin()),
            Err("\"24:00\" is not a time of day: hours go from 0 to 23, minutes and seconds to 59".into())
        );
    }

    #[test]
    fn a_time_in_the_spring_gap_is_read_an_hour_later() {
        // 29 March 2026: Berlin's clocks go from 02:00 to 03:00.
        let slot = parse_start("2026-03-29 02:30", &berlin()).unwrap();

        assert_eq!(slot.to_string(), "2026-03-29T03:30:00+02:00[Europe/Berlin]");
    }

    #[test]
    fn a_time_in_the_autumn_fold_is_its_first_occurrence_unless_the_offset_says_otherwise() {
        // 25 October 2026: Berlin's clocks go from 03:00 back to 02:00, so 02:30 happens twice.
        let first = parse_start("25.10.2026 02:30", &berlin()).unwrap();
        let second = parse_start("2026-10-25T02:30:00+01:00", &berlin()).unwrap();

        assert_eq!(first.to_string(), "2026-10-25T02:30:00+02:00[Europe/Berlin]");
        assert_eq!(second.to_string(), "2026-10-25T02:30:00+01:00[Europe/Berlin]");
        assert_eq!(second.timestamp() - first.timestamp(), jiff::SignedDuration::from_hours(1));
    }
}
