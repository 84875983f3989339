//! When the office issues tickets: opening hours per weekday, closed days, and the cut-off
//! before closing after which a new visitor could not be served any more. Pure time logic,
//! tested without a server.

use std::collections::BTreeSet;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};
use willkommen_api::{self as json, IssuingState};

/// How far ahead to look for the next opening (covers holidays over Christmas and New Year).
const LOOKAHEAD_DAYS: i32 = 21;

/// An office's ticket-issuing times, ready to be asked about any moment.
#[derive(Clone, Debug)]
pub struct Schedule {
    time_zone: TimeZone,
    /// Monday first; each day's ranges sorted by start.
    days: [Vec<(Time, Time)>; 7],
    closed_days: BTreeSet<Date>,
    cutoff: SignedDuration,
}

/// What is wrong with a schedule, for the admin who entered it.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("unknown time zone {0:?}")]
    TimeZone(String),
    #[error("{0:?} is not a time like \"08:30\"")]
    Time(String),
    #[error("{0:?} is not a date like \"2026-12-24\"")]
    Date(String),
    #[error("on {0:?} the range {1}-{2} ends before it starts")]
    EmptyRange(json::Weekday, String, String),
}

impl Schedule {
    pub fn new(
        time_zone: &str,
        hours: &json::OpeningHours,
        closed_days: &[String],
        cutoff_minutes: u32,
    ) -> Result<Self, ScheduleError> {
        let time_zone = TimeZone::get(time_zone).map_err(|_| ScheduleError::TimeZone(time_zone.to_owned()))?;
        let mut days: [Vec<(Time, Time)>; 7] = Default::default();
        for (weekday, ranges) in &hours.0 {
            let day = &mut days[weekday.index_from_monday()];
            for range in ranges {
                let from = parse_time(&range.from)?;
                let to = parse_time(&range.to)?;
                if to <= from {
                    return Err(ScheduleError::EmptyRange(*weekday, range.from.clone(), range.to.clone()));
                }
                day.push((from, to));
            }
            day.sort();
        }
        let closed_days = closed_days
            .iter()
            .map(|text| text.parse::<Date>().map_err(|_| ScheduleError::Date(text.clone())))
            .collect::<Result<_, _>>()?;
        Ok(Self { time_zone, days, closed_days, cutoff: SignedDuration::from_mins(i64::from(cutoff_minutes)) })
    }

    pub fn time_zone(&self) -> &TimeZone {
        &self.time_zone
    }

    /// Whether tickets can be issued at `now`, and until when or from when.
    pub fn issuing_at(&self, now: Timestamp) -> json::Issuing {
        let local = now.to_zoned_datetime(self.time_zone.clone());
        let today = local.date();
        let current = self.ranges(today).find(|&(from, to)| from <= local.time() && local.time() < to);
        if let Some((_, to)) = current {
            let closes = self.zoned(today, to);
            let issuing_ends = closes.checked_sub(self.cutoff).unwrap_or_else(|_| closes.clone());
            if local < issuing_ends {
                return json::Issuing {
                    state: IssuingState::Open,
                    issuing_ends_at: Some(rfc3339(&issuing_ends)),
                    next_opening: None,
                };
            }
            return json::Issuing {
                state: IssuingState::CutOff,
                issuing_ends_at: None,
                next_opening: self.next_opening_after(&local).map(|at| rfc3339(&at)),
            };
        }
        json::Issuing {
            state: IssuingState::Closed,
            issuing_ends_at: None,
            next_opening: self.next_opening_after(&local).map(|at| rfc3339(&at)),
        }
    }

    /// The first opening strictly after `local`, skipping closed days.
    fn next_opening_after(&self, local: &ZonedDateTime) -> Option<ZonedDateTime> {
        let mut date = local.date();
        for _ in 0..=LOOKAHEAD_DAYS {
            let start = self.ranges(date).map(|(from, _)| self.zoned(date, from)).find(|start| start > local);
            if start.is_some() {
                return start;
            }
            date = date.tomorrow().ok()?;
        }
        None
    }

    /// When the office closes on `date` (the end of its last opening hours), if it opens.
    pub fn closing_on(&self, date: Date) -> Option<ZonedDateTime> {
        self.ranges(date).map(|(_, to)| to).max().map(|to| self.zoned(date, to))
    }

    fn ranges(&self, date: Date) -> impl Iterator<Item = (Time, Time)> + '_ {
        let open = !self.closed_days.contains(&date);
        let weekday = date.weekday().to_monday_zero_offset() as usize;
        self.days[weekday].iter().copied().filter(move |_| open)
    }

    fn zoned(&self, date: Date, time: Time) -> ZonedDateTime {
        DateTime::from_parts(date, time)
            .to_zoned_datetime(self.time_zone.clone())
            .expect("a local time on a date within the supported range")
    }
}

/// The local date of `now` in `time_zone`: the day ticket numbers restart on.
pub fn service_day(now: Timestamp, time_zone: &TimeZone) -> String {
    now.to_zoned_datetime(time_zone.clone()).date().to_string()
}

/// RFC 3339 with the office's offset, as the API writes times.
pub fn rfc3339(at: &ZonedDateTime) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

fn parse_time(text: &str) -> Result<Time, ScheduleError> {
    let error = || ScheduleError::Time(text.to_owned());
    let (hour, minute) = text.split_once(':').ok_or_else(error)?;
    if hour.len() != 2 || minute.len() != 2 {
        return Err(error());
    }
    let hour: i8 = hour.parse().map_err(|_| error())?;
    let minute: i8 = minute.parse().map_err(|_| error())?;
    if hour == 24 && minute == 0 {
        return Ok(Time::MAX); // "24:00": open until the end of the day
    }
    Time::new(hour, minute, 0, 0).map_err(|_| error())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use json::{TimeRange, Weekday};

    use super::*;

    fn range(from: &str, to: &str) -> TimeRange {
        TimeRange { from: from.into(), to: to.into() }
    }

    /// Monday to Friday 08:00-12:00 and (Thursday only) 14:00-18:00, 30 minutes cut-off,
    /// closed on Christmas Eve.
    fn office() -> Schedule {
        let mut hours = BTreeMap::new();
        for day in [Weekday::Monday, Weekday::Tuesday, Weekday::Wednesday, Weekday::Friday] {
            hours.insert(day, vec![range("08:00", "12:00")]);
        }
        hours.insert(Weekday::Thursday, vec![range("14:00", "18:00"), range("08:00", "12:00")]);
        Schedule::new("Europe/Berlin", &json::OpeningHours(hours), &["2026-12-24".into()], 30).unwrap()
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn open_during_opening_hours_until_the_cut_off() {
        // Tuesday 24 Nov 2026, 09:15 in Berlin (UTC+1).
        let issuing = office().issuing_at(at("2026-11-24T08:15:00Z"));

        assert_eq!(issuing.state, IssuingState::Open);
        assert_eq!(issuing.issuing_ends_at.as_deref(), Some("2026-11-24T11:30:00+01:00"));
    }

    #[test]
    fn after_the_cut_off_the_next_opening_is_given() {
        // Tuesday 11:45: closes at 12:00, cut-off 30 minutes.
        let issuing = office().issuing_at(at("2026-11-24T10:45:00Z"));

        assert_eq!(issuing.state, IssuingState::CutOff);
        assert_eq!(issuing.next_opening.as_deref(), Some("2026-11-25T08:00:00+01:00"));
    }

    #[test]
    fn between_two_ranges_of_a_day_the_afternoon_opening_is_next() {
        // Thursday 26 Nov, 13:00.
        let issuing = office().issuing_at(at("2026-11-26T12:00:00Z"));

        assert_eq!(issuing.state, IssuingState::Closed);
        assert_eq!(issuing.next_opening.as_deref(), Some("2026-11-26T14:00:00+01:00"));
    }

    #[test]
    fn the_weekend_and_closed_days_are_skipped() {
        // Friday 27 Nov 13:00 -> Monday 30 Nov 08:00.
        let friday = office().issuing_at(at("2026-11-27T12:00:00Z"));
        assert_eq!(friday.next_opening.as_deref(), Some("2026-11-30T08:00:00+01:00"));

        // Wednesday 23 Dec 13:00 -> Christmas Eve (Thursday) is closed -> Friday 25 Dec.
        let before_christmas = office().issuing_at(at("2026-12-23T12:00:00Z"));
        assert_eq!(before_christmas.next_opening.as_deref(), Some("2026-12-25T08:00:00+01:00"));
    }

    #[test]
    fn an_office_without_hours_is_closed_with_no_next_opening() {
        let schedule = Schedule::new("Europe/Berlin", &json::OpeningHours::default(), &[], 0).unwrap();

        let issuing = schedule.issuing_at(at("2026-11-24T08:15:00Z"));

        assert_eq!(issuing, json::Issuing { state: IssuingState::Closed, issuing_ends_at: None, next_opening: None });
    }

    #[test]
    fn summer_time_is_respected() {
        // Monday 29 June 2026, 07:30 UTC is 09:30 in Berlin (UTC+2).
        let issuing = office().issuing_at(at("2026-06-29T07:30:00Z"));

        assert_eq!(issuing.issuing_ends_at.as_deref(), Some("2026-06-29T11:30:00+02:00"));
    }

    #[test]
    fn an_all_day_office_is_open_around_the_clock() {
        let hours = json::OpeningHours(Weekday::ALL.into_iter().map(|d| (d, vec![range("00:00", "24:00")])).collect());
        let schedule = Schedule::new("Europe/Berlin", &hours, &[], 0).unwrap();

        assert_eq!(schedule.issuing_at(at("2026-11-24T23:30:00Z")).state, IssuingState::Open);
        assert_eq!(schedule.issuing_at(at("2026-11-22T03:00:00Z")).state, IssuingState::Open);
    }

    #[test]
    fn bad_times_dates_and_zones_are_refused_with_the_reason() {
        let bad_range = json::OpeningHours(BTreeMap::from([(Weekday::Monday, vec![range("12:00", "08:00")])]));
        assert!(matches!(Schedule::new("Europe/Berlin", &bad_range, &[], 0), Err(ScheduleError::EmptyRange(..))));

        let bad_time = json::OpeningHours(BTreeMap::from([(Weekday::Monday, vec![range("8:00", "12:00")])]));
        assert_eq!(Schedule::new("Europe/Berlin", &bad_time, &[], 0).unwrap_err(), ScheduleError::Time("8:00".into()));
        assert!(matches!(
            Schedule::new("Europe/Berlin", &Default::default(), &["24.12.2026".into()], 0),
            Err(ScheduleError::Date(_))
        ));
        assert!(matches!(Schedule::new("Mars/Base", &Default::default(), &[], 0), Err(ScheduleError::TimeZone(_))));
    }
}
