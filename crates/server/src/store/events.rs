//! The event log as a feed: live streams (server-sent events) read `ticket_events` by id, so
//! a client that reconnects with `Last-Event-ID` gets exactly what it missed, and a live
//! client is woken by [`Store::subscribe`] whenever a write has committed new events.

use jiff::Timestamp;
use tokio::sync::watch;
use willkommen_api as json;

use super::Store;
use crate::error::AppResult;

/// The state of the change feed: `Some(generation)` while serving, `None` once the server is
/// shutting down (streams end, so graceful shutdown does not wait for them forever).
type Changes = watch::Receiver<Option<u64>>;

/// How many calls one read of the display feed returns at most.
pub const DISPLAY_PAGE: usize = 200;

impl Store {
    /// Wakes up whenever new events are committed.
    pub fn subscribe(&self) -> Changes {
        self.changes.subscribe()
    }

    /// Called after each commit that recorded events.
    pub(super) fn changed(&self) {
        self.changes.send_modify(|generation| {
            if let Some(generation) = generation {
                *generation += 1;
            }
        });
    }

    /// Ends every live stream (on shutdown).
    pub fn close_streams(&self) {
        self.changes.send_replace(None);
    }

    /// The id of the newest event, the starting point of a client without `Last-Event-ID`.
    pub async fn latest_event_id(&self) -> AppResult<i64> {
        Ok(sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM ticket_events").fetch_one(&self.pool).await?)
    }

    /// The id of the newest event after `after`, if any happened since.
    pub async fn newest_event_after(&self, after: i64) -> AppResult<Option<i64>> {
        Ok(sqlx::query_scalar("SELECT MAX(id) FROM ticket_events WHERE id > $1")
            .bind(after)
            .fetch_one(&self.pool)
            .await?)
    }

    /// The events after `after` up to and including `until`: ticket id and kind, oldest first.
    pub async fn events_between(&self, after: i64, until: i64) -> AppResult<Vec<(String, String)>> {
        Ok(sqlx::query_as("SELECT ticket_id, kind FROM ticket_events WHERE id > $1 AND id <= $2 ORDER BY id")
            .bind(after)
            .bind(until)
            .fetch_all(&self.pool)
            .await?)
    }

    /// Calls and recalls after event `after` up to and including event `until`, for the lobby
    /// display, oldest first.
    pub async fn display_calls_between(&self, after: i64, until: i64) -> AppResult<Vec<(i64, json::DisplayCall)>> {
        let rows: Vec<CallRow> = sqlx::query_as(
            "SELECT e.id, t.prefix, t.sequence, c.name AS counter, e.kind, e.at, ap.slot AS appointment_slot
             FROM ticket_events e
             JOIN tickets t ON t.id = e.ticket_id
             LEFT JOIN counters c ON c.id = json_extract(e.detail, '$.counter')
             LEFT JOIN appointments ap ON ap.ticket_id = t.id AND ap.late = 0
             WHERE e.id > $1 AND e.id <= $2 AND e.kind IN ('called', 'recalled')
             ORDER BY e.id LIMIT $3",
        )
        .bind(after)
        .bind(until)
        .bind(DISPLAY_PAGE as i64)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(CallRow::into_call).collect())
    }
}

/// A call or recall event as read for the display.
#[derive(sqlx::FromRow)]
pub(super) struct CallRow {
    id: i64,
    prefix: String,
    sequence: i64,
    counter: Option<String>,
    kind: String,
    at: String,
    appointment_slot: Option<String>,
}

impl CallRow {
    pub(super) fn into_call(self) -> (i64, json::DisplayCall) {
        let call = json::DisplayCall {
            number: json::TicketNumber { prefix: self.prefix, sequence: u32::try_from(self.sequence).unwrap_or(0) },
            counter: self.counter.unwrap_or_default(),
            recall: self.kind == "recalled",
            at: self.at.parse::<Timestamp>().map_or(self.at, |at| at.to_string()),
            appointment_slot: self.appointment_slot,
        };
        (self.id, call)
    }
}
