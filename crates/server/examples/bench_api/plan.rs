//! How big each part of the benchmark is: the full run (about four minutes on two cores) or
//! `--quick` (about half a minute, for trying changes; its figures are noisier).

use std::time::Duration;

use serde::Serialize;

use crate::fanout::Shape;

#[derive(Clone, Debug, Serialize)]
pub struct Plan {
    pub quick: bool,
    /// Length of each fixed-rate or maximum-throughput round.
    #[serde(rename = "round_s")]
    #[serde(serialize_with = "seconds")]
    pub round: Duration,
    /// Open-loop rates for taking tickets, requests per second.
    pub issuing_rates: Vec<f64>,
    /// Closed-loop rounds: how many kiosks issue back to back. The last is repeated while
    /// the live streams are open.
    pub issuing_kiosks: Vec<usize>,
    /// PostgreSQL only: kiosks issuing back to back at one instance, then split evenly across
    /// two instances on one schema.
    pub shared_schema_kiosks: usize,
    /// Open-loop rates for calling visitors, calls per second.
    pub calling_rates: Vec<f64>,
    /// Counters (each with its clerk) calling in the calling rounds.
    pub counters: usize,
    /// Live-stream clients: phones following their ticket, lobby displays following calls.
    pub phones: usize,
    pub displays: usize,
    /// Calls whose arrival at every client is timed.
    pub fanout_calls: usize,
    /// The city-sized run: phones and displays (and desks) at one instance, and its calls.
    pub city_phones: usize,
    pub city_displays: usize,
    pub city_calls: usize,
    /// Waiting tickets with a phone subscribed to pushes, and the calls timed in each round.
    pub push_phones: usize,
    pub push_calls: usize,
    /// SIGKILLs of the server while kiosks issue tickets.
    pub kills: usize,
    pub crash_kiosks: usize,
    /// Kiosks retrying through the delaying proxy, and the visitors each serves in turn.
    pub delay_kiosks: usize,
    pub visitors_per_delay_kiosk: usize,
}

impl Plan {
    pub fn new(quick: bool) -> Self {
        Self {
            quick,
            round: Duration::from_secs(if quick { 1 } else { 10 }),
            issuing_rates: vec![10.0, 50.0, 100.0, 200.0, 400.0],
            issuing_kiosks: vec![1, 16],
            shared_schema_kiosks: 16,
            calling_rates: vec![5.0, 20.0, 50.0],
            counters: 8,
            phones: 450,
            displays: 50,
            fanout_calls: if quick { 5 } else { 20 },
            city_phones: if quick { 1_800 } else { 9_000 },
            city_displays: if quick { 200 } else { 1_000 },
            city_calls: if quick { 3 } else { 10 },
            push_phones: if quick { 200 } else { 1_000 },
            push_calls: if quick { 40 } else { 200 },
            kills: if quick { 3 } else { 8 },
            crash_kiosks: 4,
            delay_kiosks: if quick { 10 } else { 40 },
            visitors_per_delay_kiosk: if quick { 1 } else { 5 },
        }
    }

    pub fn lobby(&self) -> Shape {
        Shape { phones: self.phones, displays: self.displays, calls: self.fanout_calls }
    }

    pub fn city(&self) -> Shape {
        Shape { phones: self.city_phones, displays: self.city_displays, calls: self.city_calls }
    }
}

fn seconds<S: serde::Serializer>(duration: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(duration.as_secs_f64())
}
