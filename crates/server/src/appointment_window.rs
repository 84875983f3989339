//! When an appointment can be checked in, and when it counts as due in the call order. Pure
//! time logic on moments (not wall-clock times), so windows across midnight and across a
//! daylight-saving change are exactly as many minutes long as the office set.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};
use willkommen_api::AppointmentRules;

/// Where `now` falls relative to an appointment's check-in window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Window {
    /// Check-in opens at this moment (in the office's time zone).
    TooEarly {
        opens_at: ZonedDateTime,
    },
    Open,
    /// The window closed: the visitor gets what the office's `late_arrival` says.
    TooLate,
}

/// The check-in window of a slot: from `check_in_opens_minutes` before it to
/// `check_in_closes_minutes` after it, both ends included.
pub fn window_at(slot: Timestamp, now: Timestamp, rules: &AppointmentRules, time_zone: &TimeZone) -> Window {
    let opens = opens_at(slot, rules);
    if now < opens {
        Window::TooEarly { opens_at: opens.to_zoned_datetime(time_zone.clone()) }
    } else if now > closes_at(slot, rules) {
        Window::TooLate
    } else {
        Window::Open
    }
}

pub fn opens_at(slot: Timestamp, rules: &AppointmentRules) -> Timestamp {
    slot - minutes(rules.check_in_opens_minutes)
}

pub fn closes_at(slot: Timestamp, rules: &AppointmentRules) -> Timestamp {
    slot + minutes(rules.check_in_closes_minutes)
}

/// A checked-in appointment goes ahead of walk-ins from `call_ahead_minutes` before its slot:
/// at `now`, every slot up to the moment this returns is due (milliseconds since 1970, as the
/// queue compares them).
pub fn due_until(now: Timestamp, rules: &AppointmentRules) -> i64 {
    (now + minutes(rules.call_ahead_minutes)).as_millisecond()
}

fn minutes(count: u32) -> SignedDuration {
    SignedDuration::from_mins(i64::from(count))
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn berlin() -> TimeZone {
        TimeZone::get("Europe/Berlin").unwrap()
    }

    fn at(year: i16, month: i8, day: i8, hour: i8, minute: i8) -> Timestamp {
        date(year, month, day).at(hour, minute, 0, 0).to_zoned_datetime(berlin()).unwrap().timestamp()
    }

    #[test]
    fn the_window_runs_from_thirty_minutes_before_to_ten_after_by_default() {
        let rules = AppointmentRules::default();
        let slot = at(2026, 12, 7, 10, 30);

        assert_eq!(window_at(slot, at(2026, 12, 7, 10, 0), &rules, &berlin()), Window::Open);
        assert_eq!(window_at(slot, at(2026, 12, 7, 10, 40), &rules, &berlin()), Window::Open);
        assert_eq!(window_at(slot, at(2026, 12, 7, 10, 41), &rules, &berlin()), Window::TooLate);
        let Window::TooEarly { opens_at } = window_at(slot, at(2026, 12, 7, 9, 59), &rules, &berlin()) else {
            panic!("one minute before the window is too early");
        };
        assert_eq!(opens_at.time().to_string(), "10:00:00");
    }

    #[test]
    fn a_window_across_midnight_opens_the_evening_before() {
        let rules = AppointmentRules::default();
        let slot = at(2026, 12, 8, 0, 10);

        let Window::TooEarly { opens_at } = window_at(slot, at(2026, 12, 7, 23, 0), &rules, &berlin()) else {
            panic!("too early");
        };
        assert_eq!(opens_at.date(), date(2026, 12, 7));
        assert_eq!(opens_at.time().to_string(), "23:40:00");
        assert_eq!(window_at(slot, at(2026, 12, 7, 23, 45), &rules, &berlin()), Window::Open);
        assert_eq!(window_at(slot, at(2026, 12, 8, 0, 21), &rules, &berlin()), Window::TooLate);
    }

    #[test]
    fn windows_across_the_daylight_saving_changes_are_as_long_as_set() {
        let rules = AppointmentRules::default();
        // 29 March 2026: clocks go from 02:00 to 03:00. A 03:15 slot opens at 01:45, which is
        // 30 real minutes earlier, not 02:45 (a time that did not exist that night).
        let spring = at(2026, 3, 29, 3, 15);
        let Window::TooEarly { opens_at: opens } = window_at(spring, at(2026, 3, 29, 1, 0), &rules, &berlin()) else {
            panic!("too early");
        };
        assert_eq!(opens.time().to_string(), "01:45:00");
        assert_eq!(window_at(spring, at(2026, 3, 29, 1, 50), &rules, &berlin()), Window::Open);

        // 25 October 2026: 03:00 goes back to 02:00. A 02:20 slot in the second 02:00 hour
        // (after the change) opens at 01:50 in the second hour ... written as the wall clock
        // shows it: 02:50 of the first hour is 30 minutes before.
        let autumn = date(2026, 10, 25).at(2, 20, 0, 0).to_zoned_datetime(berlin()).unwrap();
        let later_fold = autumn.timestamp() + SignedDuration::from_hours(1);
        let opens = opens_at(later_fold, &rules).to_zoned_datetime(berlin());
        assert_eq!(opens.time().to_string(), "02:50:00");
        assert_eq!(later_fold.duration_since(opens.timestamp()), SignedDuration::from_mins(30));
        assert_eq!(closes_at(later_fold, &rules).duration_since(later_fold), SignedDuration::from_mins(10));
    }

    #[test]
    fn an_appointment_is_due_two_minutes_before_its_slot_by_default() {
        let slot = at(2026, 12, 7, 10, 30).as_millisecond();
        let rules = AppointmentRules::default();
        assert!(slot <= due_until(at(2026, 12, 7, 10, 28), &rules));
        assert!(slot > due_until(at(2026, 12, 7, 10, 27), &rules));
    }
}
