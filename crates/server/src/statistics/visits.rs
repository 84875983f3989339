//! One ticket's visit as the statistics see it, read from its event log: when the visitor
//! arrived, waited, walked to the counter and was served, and what became of the ticket.
//! `docs/statistics.md` defines each figure; this is where they are measured.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// Whether the visitor came with an appointment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Booking {
    WalkIn,
    Appointment,
}

impl Booking {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::WalkIn => "walk_in",
            Self::Appointment => "appointment",
        }
    }

    pub fn from_stored(text: &str) -> Self {
        if text == "appointment" { Self::Appointment } else { Self::WalkIn }
    }
}

/// What became of a ticket (by the end of its day, or so far).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Served,
    NoShow,
    Cancelled,
    /// Still waiting, called, served or parked.
    Open,
}

/// A ticket as stored, with what the statistics read of it.
#[derive(Debug)]
pub struct TicketFacts {
    pub service_day: String,
    pub concern: String,
    pub language: String,
    pub answers: BTreeMap<String, bool>,
    pub status: String,
    /// The appointment's slot, for a visitor who checked in for one.
    pub appointment_slot: Option<Timestamp>,
    pub appointment: bool,
    pub estimate: Option<(i64, i64)>,
}

/// One entry of the ticket's event log.
#[derive(Debug)]
pub struct Event {
    pub at: Timestamp,
    pub kind: String,
    /// For `transferred`: the concern it came from.
    pub from_concern: Option<String>,
}

/// A visit, measured.
#[derive(Debug)]
pub struct Visit {
    pub service_day: String,
    /// The hour of the office's clock in which the visitor arrived.
    pub hour: i64,
    /// The concern the visitor chose (before any transfer).
    pub concern: String,
    pub booking: Booking,
    pub language: String,
    pub answers: BTreeMap<String, bool>,
    pub outcome: Outcome,
    pub transferred: bool,
    pub wait_seconds: Option<i64>,
    pub walk_seconds: Option<i64>,
    pub service_seconds: Option<i64>,
    /// The range shown at issue, in minutes.
    pub estimate: Option<(i64, i64)>,
    /// The stretches in which the ticket waited in a queue (until a call, a cancellation, or
    /// still), for "most waiting at once".
    pub waiting_spans: Vec<(Timestamp, Option<Timestamp>)>,
}

impl Visit {
    /// Measures a ticket from its events, oldest first. `None` for a ticket without its
    /// `issued` event (which every ticket has).
    pub fn measure(ticket: TicketFacts, events: &[Event], time_zone: &TimeZone) -> Option<Self> {
        let issued = events.iter().find(|event| event.kind == "issued")?.at;
        let first = |kind: &str| events.iter().find(|event| event.kind == kind).map(|event| event.at);
        let first_call = first("called");
        let first_start = first("started");
        let last_finish = events.iter().rev().find(|event| event.kind == "finished").map(|event| event.at);
        let wait_from = match ticket.appointment_slot {
            Some(slot) if ticket.appointment => issued.max(slot),
            _ => issued,
        };
        let seconds = |from: Timestamp, to: Timestamp| to.duration_since(from).as_secs().max(0);
        let outcome = match ticket.status.as_str() {
            "finished" => Outcome::Served,
            "no_show" => Outcome::NoShow,
            "cancelled" => Outcome::Cancelled,
            _ => Outcome::Open,
        };
        let transfer = events.iter().find(|event| event.kind == "transferred");
        Some(Self {
            hour: i64::from(issued.to_zoned_datetime(time_zone.clone()).hour()),
            concern: transfer.and_then(|event| event.from_concern.clone()).unwrap_or(ticket.concern),
            booking: if ticket.appointment { Booking::Appointment } else { Booking::WalkIn },
            service_day: ticket.service_day,
            language: ticket.language,
            answers: ticket.answers,
            outcome,
            transferred: transfer.is_some(),
            wait_seconds: first_call.map(|call| seconds(wait_from, call)),
            walk_seconds: first_call.zip(first_start).map(|(call, start)| seconds(call, start)),
            service_seconds: match (outcome, first_start, last_finish) {
                (Outcome::Served, Some(start), Some(finish)) => Some(seconds(start, finish)),
                _ => None,
            },
            estimate: ticket.estimate,
            waiting_spans: waiting_spans(events),
        })
    }
}

/// When the ticket was in a queue: from its issue (and from each transfer or return) until
/// the next call or its cancellation.
fn waiting_spans(events: &[Event]) -> Vec<(Timestamp, Option<Timestamp>)> {
    let mut spans = Vec::new();
    let mut since = None;
    for event in events {
        match event.kind.as_str() {
            "issued" | "transferred" | "returned" => {
                since = since.or(Some(event.at));
            }
            "called" | "cancelled" | "no_show" | "finished" => {
                if let Some(from) = since.take() {
                    spans.push((from, Some(event.at)));
                }
            }
            _ => {}
        }
    }
    if let Some(from) = since {
        spans.push((from, None));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(time: &str) -> Timestamp {
        format!("2026-03-10T{time}+01:00").parse().unwrap()
    }

    fn event(time: &str, kind: &str) -> Event {
        Event { at: at(time), kind: kind.into(), from_concern: None }
    }

    fn ticket(status: &str) -> TicketFacts {
        TicketFacts {
            service_day: "2026-03-10".into(),
            concern: "passport".into(),
            language: "uk".into(),
            answers: BTreeMap::new(),
            status: status.into(),
            appointment_slot: None,
            appointment: false,
            estimate: Some((10, 20)),
        }
    }

    fn berlin() -> TimeZone {
        TimeZone::get("Europe/Berlin").unwrap()
    }

    #[test]
    fn a_served_visit_has_its_wait_walk_and_service() {
        let events = [
            event("08:59:30", "issued"),
            event("09:14:50", "called"),
            event("09:15:30", "recalled"),
            event("09:16:10", "started"),
            event("09:28:09", "finished"),
        ];
        let visit = Visit::measure(ticket("finished"), &events, &berlin()).unwrap();
        assert_eq!(visit.hour, 8);
        assert_eq!(visit.outcome, Outcome::Served);
        assert_eq!(visit.wait_seconds, Some(15 * 60 + 20));
        assert_eq!(visit.walk_seconds, Some(80));
        assert_eq!(visit.service_seconds, Some(11 * 60 + 59));
        assert_eq!(visit.waiting_spans, vec![(at("08:59:30"), Some(at("09:14:50")))]);
    }

    #[test]
    fn an_appointment_waits_from_its_slot_unless_it_came_late() {
        let mut early = ticket("finished");
        (early.appointment, early.appointment_slot) = (true, Some(at("10:00:00")));
        let events = [event("09:40:00", "issued"), event("10:05:00", "called")];
        let visit = Visit::measure(early, &events, &berlin()).unwrap();
        assert_eq!((visit.booking, visit.wait_seconds), (Booking::Appointment, Some(300)));

        let mut called_early = ticket("finished");
        (called_early.appointment, called_early.appointment_slot) = (true, Some(at("10:00:00")));
        let events = [event("09:40:00", "issued"), event("09:55:00", "called")];
        assert_eq!(Visit::measure(called_early, &events, &berlin()).unwrap().wait_seconds, Some(0));

        let mut late = ticket("finished");
        (late.appointment, late.appointment_slot) = (true, Some(at("10:00:00")));
        let events = [event("10:20:00", "issued"), event("10:30:00", "called")];
        assert_eq!(Visit::measure(late, &events, &berlin()).unwrap().wait_seconds, Some(600));
    }

    #[test]
    fn a_transferred_visit_counts_with_the_concern_chosen_and_waits_again() {
        let events = [
            event("09:00:00", "issued"),
            event("09:10:00", "called"),
            event("09:11:00", "started"),
            Event { at: at("09:20:00"), kind: "transferred".into(), from_concern: Some("residence".into()) },
            event("09:40:00", "called"),
            event("09:41:00", "started"),
            event("09:50:00", "finished"),
        ];
        let visit = Visit::measure(ticket("finished"), &events, &berlin()).unwrap();
        assert_eq!(visit.concern, "residence");
        assert!(visit.transferred);
        assert_eq!(visit.wait_seconds, Some(600));
        assert_eq!(visit.service_seconds, Some(39 * 60));
        assert_eq!(visit.waiting_spans.len(), 2);
    }

    #[test]
    fn a_cancelled_visit_has_no_durations_and_stops_waiting() {
        let events = [event("09:00:00", "issued"), event("09:07:00", "cancelled")];
        let visit = Visit::measure(ticket("cancelled"), &events, &berlin()).unwrap();
        assert_eq!(visit.outcome, Outcome::Cancelled);
        assert_eq!((visit.wait_seconds, visit.service_seconds), (None, None));
        assert_eq!(visit.waiting_spans, vec![(at("09:00:00"), Some(at("09:07:00")))]);
    }
}
