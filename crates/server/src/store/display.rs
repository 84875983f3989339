//! What the lobby display shows besides the calls as they come: waiting counts and waits per
//! concern, today's latest calls, and the office's notice, read at one moment.

use std::collections::BTreeMap;

use jiff::Timestamp;
use willkommen_api as json;

use super::Store;
use super::office::office_today;
use super::tickets::wait_basis;
use crate::error::AppResult;

/// Calls the display lists.
const RECENT_CALLS: i64 = 10;

impl Store {
    pub async fn display_board(&self, now: Timestamp) -> AppResult<json::DisplayBoard> {
        // One read transaction: the figures and `last_event` belong together.
        let mut tx = self.pool.begin().await?;
        let (office, _, today) = office_today(&mut tx, now).await?;
        let last_event: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM ticket_events").fetch_one(&mut *tx).await?;
        let waiting: Vec<(String, i64)> = sqlx::query_as(
            "SELECT concern_id, COUNT(*) FROM tickets WHERE service_day = $1 AND status = 'waiting' GROUP BY concern_id",
        )
        .bind(&today)
        .fetch_all(&mut *tx)
        .await?;
        let waiting: BTreeMap<String, i64> = waiting.into_iter().collect();
        let mut concerns = Vec::new();
        for concern in office.concerns.iter().filter(|concern| concern.active) {
            let count = u32::try_from(waiting.get(concern.id.as_str()).copied().unwrap_or(0)).unwrap_or(u32::MAX);
            let (average, counters) = wait_basis(&mut tx, concern.id.as_str(), now).await?;
            concerns.push(json::DisplayConcern {
                id: concern.id.clone(),
                prefix: concern.prefix.clone(),
                name: concern.name.clone(),
                waiting: count,
                estimated_wait: crate::wait::estimate(count, average, counters),
            });
        }
        let rows: Vec<super::events::CallRow> = sqlx::query_as(
            "SELECT e.id, t.prefix, t.sequence, c.name AS counter, e.kind, e.at, ap.slot AS appointment_slot
             FROM ticket_events e
             JOIN tickets t ON t.id = e.ticket_id
             LEFT JOIN counters c ON c.id = json_extract(e.detail, '$.counter')
             LEFT JOIN appointments ap ON ap.ticket_id = t.id AND ap.late = 0
             WHERE e.id <= $1 AND e.kind IN ('called', 'recalled') AND t.service_day = $2
             ORDER BY e.id DESC LIMIT $3",
        )
        .bind(last_event)
        .bind(&today)
        .bind(RECENT_CALLS)
        .fetch_all(&mut *tx)
        .await?;
        Ok(json::DisplayBoard {
            office_name: office.office_name,
            languages: office.languages,
            time_zone: office.time_zone,
            info: office.display_info,
            concerns,
            recent_calls: rows.into_iter().map(|row| row.into_call().1).collect(),
            last_event,
        })
    }
}
