//! Every waiting ticket's place and expected wait, read at once.
//!
//! The visitors' phones follow their tickets live, thousands at a time. Asking
//! [`Store::ticket`] for each of them after every commit costs five queries per phone. This
//! reads the whole waiting queue once instead, with each concern's wait basis once, and works
//! out each ticket's view in memory. The result is the same as [`Store::ticket`] gives for
//! each ticket; the live-stream tests compare the two.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};

use sqlx::AnyConnection;

use super::Store;
use super::tickets::{TICKET_SELECT, TicketRecord, TicketView, call_class_of, wait_basis};
use crate::error::AppResult;

impl Store {
    /// The view of every waiting ticket, by id, as [`Store::ticket`] would give it now.
    pub async fn waiting_views(&self) -> AppResult<HashMap<String, TicketView>> {
        let mut conn = self.pool.acquire().await?;
        let now = self.now();
        let waiting: Vec<TicketRecord> =
            sqlx::query_as(&format!("SELECT {TICKET_SELECT} WHERE t.status = 'waiting'")).fetch_all(&mut *conn).await?;
        let mut views = HashMap::with_capacity(waiting.len());
        if waiting.is_empty() {
            return Ok(views);
        }
        let rules = super::appointments::appointment_rules(&mut conn).await?;
        let due = crate::appointment_window::due_until(now, &rules);
        let mut queues = BTreeMap::<(String, String), Vec<TicketRecord>>::new();
        for record in waiting {
            queues.entry((record.concern_id.clone(), record.service_day.clone())).or_default().push(record);
        }
        let mut bases = HashMap::new();
        for ((concern, day), mut queue) in queues {
            // The call order of `people_ahead` in `tickets.rs`: a ticket counts as ahead only
            // when it comes strictly earlier, so tickets that tie do not count each other.
            let order = |ticket: &TicketRecord| {
                (
                    Reverse(ticket.priority),
                    call_class_of(ticket, due),
                    ticket.appointment_slot.unwrap_or(ticket.queued_at),
                    ticket.queued_at,
                )
            };
            queue.sort_by_key(order);
            let (average, counters) = match bases.get(&concern) {
                Some(basis) => *basis,
                None => *bases.entry(concern.clone()).or_insert(wait_basis(&mut conn, &concern, now).await?),
            };
            let mut upcoming = None;
            let mut place = 0;
            let mut previous = None;
            for (index, record) in queue.into_iter().enumerate() {
                let position = order(&record);
                if previous.as_ref() != Some(&position) {
                    place = u32::try_from(index).unwrap_or(u32::MAX);
                }
                let mut ahead = place;
                let mut estimated_wait = crate::wait::estimate(ahead, average, counters);
                // A walk-in also waits for the appointments that fall due while they wait.
                if let (1, Some(wait)) = (position.1, estimated_wait) {
                    if upcoming.is_none() {
                        upcoming = Some(upcoming_appointments(&mut conn, &concern, &day, due).await?);
                    }
                    let slots = upcoming.as_deref().unwrap_or_default();
                    let until = due + i64::from(wait.max_minutes) * 60_000;
                    let booked = u32::try_from(slots.iter().filter(|slot| **slot <= until).count()).unwrap_or(u32::MAX);
                    if booked > 0 {
                        ahead += booked;
                        estimated_wait = crate::wait::estimate(ahead, average, counters);
                    }
                }
                previous = Some(position);
                views.insert(record.id.clone(), TicketView { record, people_ahead: Some(ahead), estimated_wait });
            }
        }
        Ok(views)
    }
}

/// The slots of the concern's booked appointments on `day` that are not due yet and will go
/// ahead of a walk-in when they are: as `appointments_due_within` in `tickets.rs` counts them.
async fn upcoming_appointments(conn: &mut AnyConnection, concern: &str, day: &str, due: i64) -> AppResult<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT ap.slot_at FROM appointments ap LEFT JOIN tickets t ON t.id = ap.ticket_id
         WHERE ap.concern_id = $1 AND ap.service_day = $2 AND ap.cancelled = 0 AND ap.slot_at > $3
           AND (ap.ticket_id IS NULL OR (t.status = 'waiting' AND t.appointment_slot IS NOT NULL))",
    )
    .bind(concern)
    .bind(day)
    .bind(due)
    .fetch_all(conn)
    .await?)
}
