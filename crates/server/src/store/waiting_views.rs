//! Every waiting ticket's place and expected wait, worked out in memory.
//!
//! The visitors' phones follow their tickets live, thousands at a time. Asking
//! [`Store::ticket`] for each of them after every commit costs five queries per phone. The live
//! streams' reader instead keeps the waiting tickets' records ([`Store::ticket_records`]) and
//! what places and waits depend on besides them ([`Store::queue_basis`]), and works out every
//! ticket's place with [`places`]. The result is what [`Store::ticket`] gives for each ticket;
//! the live-stream tests compare the two.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::Timestamp;
use sqlx::AnyConnection;
use willkommen_api as json;

use super::Store;
use super::tickets::{TICKET_SELECT, TicketRecord, call_class_of, wait_basis};
use crate::error::AppResult;

/// A waiting ticket's place in its queue and the wait expected there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub people_ahead: u32,
    pub estimated_wait: Option<json::WaitEstimate>,
}

/// What places and waits depend on besides the waiting tickets themselves.
#[derive(Debug)]
pub struct QueueBasis {
    rules: json::AppointmentRules,
    /// Per concern: the average minutes of its last services and the counters serving it.
    waits: HashMap<String, (Option<f64>, u32)>,
    /// Per concern and day: the slots of booked appointments that will go ahead of walk-ins
    /// when due (expected, or checked in in time and waiting).
    booked: HashMap<String, HashMap<String, Vec<i64>>>,
}

impl QueueBasis {
    /// Whether it covers every queue of `records`.
    pub fn covers<'a>(&self, mut records: impl Iterator<Item = &'a TicketRecord>) -> bool {
        records.all(|record| {
            self.waits.contains_key(&record.concern_id)
                && self.booked.get(&record.concern_id).is_some_and(|days| days.contains_key(&record.service_day))
        })
    }
}

impl Store {
    /// The records of every waiting ticket, or of the tickets `ids` whatever their status.
    pub async fn ticket_records(&self, ids: Option<&[String]>) -> AppResult<Vec<TicketRecord>> {
        let mut conn = self.pool.acquire().await?;
        let Some(ids) = ids else {
            return Ok(sqlx::query_as(&format!("SELECT {TICKET_SELECT} WHERE t.status = 'waiting'"))
                .fetch_all(&mut *conn)
                .await?);
        };
        let mut records = Vec::with_capacity(ids.len());
        // In batches, well below either database's limit of bound values.
        for batch in ids.chunks(500) {
            let marks: Vec<String> = (1..=batch.len()).map(|n| format!("${n}")).collect();
            let sql = format!("SELECT {TICKET_SELECT} WHERE t.id IN ({})", marks.join(", "));
            let mut query = sqlx::query_as(&sql);
            for id in batch {
                query = query.bind(id);
            }
            records.extend(query.fetch_all(&mut *conn).await?);
        }
        Ok(records)
    }

    /// The basis of the places and waits in the queues (concern, day) given.
    pub async fn queue_basis(&self, queues: &BTreeSet<(String, String)>) -> AppResult<QueueBasis> {
        let mut conn = self.pool.acquire().await?;
        let rules = super::appointments::appointment_rules(&mut conn).await?;
        let now = self.now();
        let mut waits = HashMap::new();
        let mut booked = HashMap::new();
        for (concern, day) in queues {
            if !waits.contains_key(concern) {
                waits.insert(concern.clone(), wait_basis(&mut conn, concern, now).await?);
            }
            let slots = booked_slots(&mut conn, concern, day).await?;
            booked.entry(concern.clone()).or_insert_with(HashMap::new).insert(day.clone(), slots);
        }
        Ok(QueueBasis { rules, waits, booked })
    }
}

/// The place and wait of every waiting ticket among `records` at `now`, each with the tag it
/// came with (the caller's handle on the ticket).
///
/// The reader works this out for the whole queue after every commit that may move a phone,
/// so it stays cheap: each ticket's call order is worked out once, and nothing is hashed.
pub fn places<'a, T>(
    records: impl Iterator<Item = (T, &'a TicketRecord)>,
    basis: &QueueBasis,
    now: Timestamp,
) -> Vec<(T, Place)> {
    let due = crate::appointment_window::due_until(now, &basis.rules);
    // The call order of `people_ahead` in `tickets.rs`: a ticket counts as ahead only when it
    // comes strictly earlier, so tickets that tie do not count each other.
    let order = |ticket: &TicketRecord| {
        (
            Reverse(ticket.priority),
            call_class_of(ticket, due),
            ticket.appointment_slot.unwrap_or(ticket.queued_at),
            ticket.queued_at,
        )
    };
    let mut queues = BTreeMap::<(&str, &str), Vec<_>>::new();
    let mut count = 0;
    for (tag, record) in records {
        let queue = (record.concern_id.as_str(), record.service_day.as_str());
        queues.entry(queue).or_default().push((order(record), tag));
        count += 1;
    }
    let mut places = Vec::with_capacity(count);
    for ((concern, day), mut queue) in queues {
        queue.sort_unstable_by_key(|(position, _)| *position);
        let (average, counters) = basis.waits.get(concern).copied().unwrap_or((None, 0));
        let booked = basis.booked.get(concern).and_then(|days| days.get(day)).map_or(&[][..], Vec::as_slice);
        let mut place = 0;
        let mut previous = None;
        for (index, (position, tag)) in queue.into_iter().enumerate() {
            if previous != Some(position) {
                place = u32::try_from(index).unwrap_or(u32::MAX);
            }
            let mut ahead = place;
            let mut estimated_wait = crate::wait::estimate(ahead, average, counters);
            // A walk-in also waits for the appointments that fall due while they wait.
            if let (1, Some(wait)) = (position.1, estimated_wait) {
                let until = due + i64::from(wait.max_minutes) * 60_000;
                let falling_due = booked.iter().filter(|slot| **slot > due && **slot <= until).count();
                let falling_due = u32::try_from(falling_due).unwrap_or(u32::MAX);
                if falling_due > 0 {
                    ahead += falling_due;
                    estimated_wait = crate::wait::estimate(ahead, average, counters);
                }
            }
            previous = Some(position);
            places.push((tag, Place { people_ahead: ahead, estimated_wait }));
        }
    }
    places
}

/// The slots of the concern's booked appointments on `day` that go ahead of walk-ins when
/// due: as `appointments_due_within` in `tickets.rs` counts them, for any moment.
async fn booked_slots(conn: &mut AnyConnection, concern: &str, day: &str) -> AppResult<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT ap.slot_at FROM appointments ap LEFT JOIN tickets t ON t.id = ap.ticket_id
         WHERE ap.concern_id = $1 AND ap.service_day = $2 AND ap.cancelled = 0
           AND (ap.ticket_id IS NULL OR (t.status = 'waiting' AND t.appointment_slot IS NOT NULL))",
    )
    .bind(concern)
    .bind(day)
    .fetch_all(conn)
    .await?)
}
