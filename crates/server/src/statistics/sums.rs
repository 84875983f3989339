//! What is kept of a day: the visits summed per hour, concern and booking, and the counts
//! behind medians, shares and peaks. A report adds these up over its range, from the
//! `statistics_*` tables for days already summed and from the tickets for the others, with
//! the same code, so a figure does not change when its tickets are deleted.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::visits::{Booking, Outcome, Visit};

/// Counts and sums of whole seconds (see `docs/statistics.md`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sums {
    pub issued: i64,
    pub served: i64,
    pub no_show: i64,
    pub cancelled: i64,
    pub transferred: i64,
    pub waited: i64,
    pub wait_seconds: i64,
    pub wait_max_seconds: i64,
    pub walked: i64,
    pub walk_seconds: i64,
    pub timed: i64,
    pub service_seconds: i64,
    pub estimated: i64,
    pub estimate_within: i64,
    pub estimate_error_seconds: i64,
    pub checklists: i64,
    pub complete_checklists: i64,
}

impl Sums {
    /// The column names of `statistics_hours`, in the order of [`Sums::values`].
    pub const COLUMNS: [&'static str; 17] = [
        "issued",
        "served",
        "no_show",
        "cancelled",
        "transferred",
        "waited",
        "wait_seconds",
        "wait_max_seconds",
        "walked",
        "walk_seconds",
        "timed",
        "service_seconds",
        "estimated",
        "estimate_within",
        "estimate_error_seconds",
        "checklists",
        "complete_checklists",
    ];

    pub fn values(&self) -> [i64; 17] {
        [
            self.issued,
            self.served,
            self.no_show,
            self.cancelled,
            self.transferred,
            self.waited,
            self.wait_seconds,
            self.wait_max_seconds,
            self.walked,
            self.walk_seconds,
            self.timed,
            self.service_seconds,
            self.estimated,
            self.estimate_within,
            self.estimate_error_seconds,
            self.checklists,
            self.complete_checklists,
        ]
    }

    pub fn from_values(v: [i64; 17]) -> Self {
        Self {
            issued: v[0],
            served: v[1],
            no_show: v[2],
            cancelled: v[3],
            transferred: v[4],
            waited: v[5],
            wait_seconds: v[6],
            wait_max_seconds: v[7],
            walked: v[8],
            walk_seconds: v[9],
            timed: v[10],
            service_seconds: v[11],
            estimated: v[12],
            estimate_within: v[13],
            estimate_error_seconds: v[14],
            checklists: v[15],
            complete_checklists: v[16],
        }
    }

    /// The one column that is a maximum, not a sum.
    const MAXIMUM: &'static str = "wait_max_seconds";

    /// The SQL that adds up rows of `statistics_hours`: each column summed (as a whole number
    /// on either database), the maximum taken, in the order of [`Sums::COLUMNS`].
    pub fn aggregate_sql() -> String {
        Self::COLUMNS
            .iter()
            .map(|column| match *column {
                Self::MAXIMUM => format!("MAX({column})"),
                _ => format!("CAST(SUM({column}) AS BIGINT)"),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Adds `other`: sums add up, the maximum is the larger.
    pub fn add(&mut self, other: &Self) {
        let (mine, theirs) = (self.values(), other.values());
        let mut merged = [0; 17];
        for (index, slot) in merged.iter_mut().enumerate() {
            *slot = if Self::COLUMNS[index] == Self::MAXIMUM {
                mine[index].max(theirs[index])
            } else {
                mine[index] + theirs[index]
            };
        }
        *self = Self::from_values(merged);
    }

    fn count(&mut self, visit: &Visit, required: Option<&Vec<String>>) {
        self.issued += 1;
        match visit.outcome {
            Outcome::Served => self.served += 1,
            Outcome::NoShow => self.no_show += 1,
            Outcome::Cancelled => self.cancelled += 1,
            Outcome::Open => {}
        }
        self.transferred += i64::from(visit.transferred);
        if let Some(wait) = visit.wait_seconds {
            self.waited += 1;
            self.wait_seconds += wait;
            self.wait_max_seconds = self.wait_max_seconds.max(wait);
            if let Some((low, high)) = visit.estimate {
                let minutes = wait / 60;
                self.estimated += 1;
                self.estimate_within += i64::from((low..=high).contains(&minutes));
                // The middle of the range, in seconds: (low + high) / 2 minutes.
                self.estimate_error_seconds += (wait * 2 - (low + high) * 60).abs() / 2;
            }
        }
        if let Some(walk) = visit.walk_seconds {
            self.walked += 1;
            self.walk_seconds += walk;
        }
        if let Some(service) = visit.service_seconds {
            self.timed += 1;
            self.service_seconds += service;
        }
        if let Some(required) = required.filter(|required| !required.is_empty()) {
            self.checklists += 1;
            let complete = required.iter().all(|item| visit.answers.get(item) == Some(&true));
            self.complete_checklists += i64::from(complete);
        }
    }
}

/// How many visitors took how many whole minutes.
pub type Histogram = BTreeMap<i64, i64>;

/// Adds one histogram to another.
pub fn add_histogram(into: &mut Histogram, from: &Histogram) {
    for (minutes, visitors) in from {
        *into.entry(*minutes).or_default() += visitors;
    }
}

/// Which duration a histogram counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Measure {
    Wait,
    Service,
}

impl Measure {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Wait => "wait",
            Self::Service => "service",
        }
    }

    pub fn from_stored(text: &str) -> Self {
        if text == "service" { Self::Service } else { Self::Wait }
    }
}

/// The concern id that stands for all concerns together in peaks and reports.
pub const ALL_CONCERNS: &str = "*";

/// One office day, summed (the rows of the `statistics_*` tables for that day).
#[derive(Debug, Default)]
pub struct DaySums {
    pub hours: BTreeMap<(i64, String, Booking), Sums>,
    pub durations: BTreeMap<(String, Booking, Measure), Histogram>,
    pub languages: BTreeMap<(String, Booking, String), i64>,
    /// (concern, item) → (asked, missing).
    pub documents: BTreeMap<(String, String), (i64, i64)>,
    /// (hour, concern or [`ALL_CONCERNS`]) → the most waiting at once.
    pub peaks: BTreeMap<(i64, String), i64>,
}

impl DaySums {
    /// Sums one day's visits. `required` holds each concern's required checklist items;
    /// `until` is when the day's waiting ended (its end, or now for today).
    pub fn of(
        visits: &[Visit],
        required: &BTreeMap<String, Vec<String>>,
        time_zone: &TimeZone,
        until: Timestamp,
    ) -> Self {
        let mut day = Self::default();
        for visit in visits {
            let key = (visit.concern.clone(), visit.booking);
            day.hours.entry((visit.hour, key.0.clone(), key.1)).or_default().count(visit, required.get(&visit.concern));
            let mut histogram = |measure: Measure, seconds: Option<i64>| {
                if let Some(seconds) = seconds {
                    let entry = day.durations.entry((key.0.clone(), key.1, measure)).or_default();
                    *entry.entry(seconds / 60).or_default() += 1;
                }
            };
            histogram(Measure::Wait, visit.wait_seconds);
            histogram(Measure::Service, visit.service_seconds);
            if !visit.language.is_empty() {
                *day.languages.entry((key.0.clone(), key.1, visit.language.clone())).or_default() += 1;
            }
            for (item, has) in &visit.answers {
                let entry = day.documents.entry((key.0.clone(), item.clone())).or_default();
                entry.0 += 1;
                entry.1 += i64::from(!has);
            }
        }
        day.peaks = peaks(visits, time_zone, until);
        day
    }
}

/// The most tickets waiting at once in each hour, per concern and for all together.
fn peaks(visits: &[Visit], time_zone: &TimeZone, until: Timestamp) -> BTreeMap<(i64, String), i64> {
    // +1 when a stretch of waiting starts, -1 when it ends; ends before starts at one moment.
    let mut changes: Vec<(Timestamp, i64, &str)> = Vec::new();
    for visit in visits {
        for (from, to) in &visit.waiting_spans {
            let to = to.unwrap_or(until).max(*from);
            changes.push((*from, 1, &visit.concern));
            changes.push((to, -1, &visit.concern));
        }
    }
    changes.sort_by_key(|(at, change, _)| (*at, *change));
    let hour_of = |at: Timestamp| i64::from(at.to_zoned_datetime(time_zone.clone()).hour());
    let mut waiting: BTreeMap<&str, i64> = BTreeMap::new();
    let mut peaks: BTreeMap<(i64, String), i64> = BTreeMap::new();
    let mut last_hour: Option<(Timestamp, i64)> = None;
    for (at, change, concern) in changes {
        let hour = hour_of(at);
        // The hours passed since the last change held what was waiting then.
        if let Some((since, _)) = last_hour {
            let mut moment = since;
            while let Some(next) = next_hour(moment, time_zone).filter(|next| *next <= at) {
                for (concern, count) in &waiting {
                    note_peak(&mut peaks, hour_of(next), concern, *count);
                }
                note_peak(&mut peaks, hour_of(next), ALL_CONCERNS, waiting.values().sum());
                moment = next;
            }
        }
        let count = waiting.entry(concern).or_default();
        *count += change;
        let count = *count;
        note_peak(&mut peaks, hour, concern, count);
        note_peak(&mut peaks, hour, ALL_CONCERNS, waiting.values().sum());
        last_hour = Some((at, hour));
    }
    peaks.retain(|_, peak| *peak > 0);
    peaks
}

fn note_peak(peaks: &mut BTreeMap<(i64, String), i64>, hour: i64, concern: &str, count: i64) {
    if count > 0 {
        let peak = peaks.entry((hour, concern.to_owned())).or_default();
        *peak = (*peak).max(count);
    }
}

/// The start of the next hour of the office's clock after `moment`.
fn next_hour(moment: Timestamp, time_zone: &TimeZone) -> Option<Timestamp> {
    let zoned = moment.to_zoned_datetime(time_zone.clone());
    let start = zoned.with().minute(0).second(0).subsec_nanosecond(0).build().ok()?;
    start.checked_add(jiff::SignedDuration::from_hours(1)).ok().map(|next| next.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statistics::visits::{Event, TicketFacts};

    fn at(time: &str) -> Timestamp {
        format!("2026-03-10T{time}+01:00").parse().unwrap()
    }

    fn visit(concern: &str, times: &[(&str, &str)], status: &str) -> Visit {
        let events: Vec<Event> =
            times.iter().map(|(time, kind)| Event { at: at(time), kind: (*kind).into(), from_concern: None }).collect();
        let ticket = TicketFacts {
            service_day: "2026-03-10".into(),
            concern: concern.into(),
            language: "ar".into(),
            answers: BTreeMap::from([("passport".into(), true), ("photo".into(), false)]),
            status: status.into(),
            appointment_slot: None,
            appointment: false,
            estimate: Some((5, 15)),
        };
        Visit::measure(ticket, &events, &berlin()).unwrap()
    }

    fn berlin() -> TimeZone {
        TimeZone::get("Europe/Berlin").unwrap()
    }

    #[test]
    fn a_day_sums_its_visits_per_hour_and_concern() {
        let visits = [
            visit(
                "a",
                &[("08:10:00", "issued"), ("08:30:30", "called"), ("08:31:00", "started"), ("08:41:00", "finished")],
                "finished",
            ),
            visit("a", &[("08:20:00", "issued"), ("08:50:00", "called")], "no_show"),
            visit("b", &[("09:05:00", "issued"), ("09:06:00", "cancelled")], "cancelled"),
        ];
        let required = BTreeMap::from([("a".to_owned(), vec!["photo".to_owned()])]);
        let day = DaySums::of(&visits, &required, &berlin(), at("18:00:00"));
        let a = day.hours[&(8, "a".to_owned(), Booking::WalkIn)];
        assert_eq!((a.issued, a.served, a.no_show, a.waited), (2, 1, 1, 2));
        assert_eq!((a.wait_seconds, a.wait_max_seconds), (1230 + 1800, 1800));
        // 20.5 min (20 whole) is outside 5–15 and 5.5 min from its middle; 30 is 20 from it.
        assert_eq!((a.estimated, a.estimate_within, a.estimate_error_seconds), (2, 0, 630 + 1200));
        assert_eq!((a.checklists, a.complete_checklists), (2, 0));
        assert_eq!(
            day.durations[&("a".to_owned(), Booking::WalkIn, Measure::Wait)],
            Histogram::from([(20, 1), (30, 1)])
        );
        assert_eq!(day.documents[&("a".to_owned(), "photo".to_owned())], (2, 2));
        assert_eq!(day.languages[&("b".to_owned(), Booking::WalkIn, "ar".to_owned())], 1);
        // Both of a waited from 08:20 to 08:30; b alone in the 9 o'clock hour.
        assert_eq!(day.peaks[&(8, "a".to_owned())], 2);
        assert_eq!(day.peaks[&(8, ALL_CONCERNS.to_owned())], 2);
        assert_eq!(day.peaks[&(9, ALL_CONCERNS.to_owned())], 1);
        assert!(!day.peaks.contains_key(&(10, ALL_CONCERNS.to_owned())));
    }

    #[test]
    fn someone_waiting_across_an_hour_counts_in_both() {
        let visits = [visit("a", &[("08:50:00", "issued"), ("10:10:00", "called")], "no_show")];
        let day = DaySums::of(&visits, &BTreeMap::new(), &berlin(), at("18:00:00"));
        for hour in [8, 9, 10] {
            assert_eq!(day.peaks.get(&(hour, "a".to_owned())), Some(&1), "hour {hour}");
        }
    }
}
