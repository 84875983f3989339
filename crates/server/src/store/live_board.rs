//! The live board: the office now, per concern, against the target waits.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};
use willkommen_api as json;

use super::Store;
use super::office::office_rules;
use super::tickets::SERVICE_MINUTES;
use crate::error::AppResult;
use crate::schedule::{rfc3339, service_day};

/// How many of the latest services give the pace.
const PACE_SERVICES: i64 = 20;

impl Store {
    pub async fn live_board(&self, now: Timestamp) -> AppResult<json::LiveBoard> {
        let mut conn = self.pool.acquire().await?;
        let office = office_rules(&mut conn).await?;
        let schedule = office.schedule()?;
        let today = service_day(now, schedule.time_zone());
        let concerns: Vec<(String, Option<i64>)> =
            sqlx::query_as("SELECT id, target_wait_minutes FROM concerns WHERE removed = 0 ORDER BY position")
                .fetch_all(&mut *conn)
                .await?;
        // The wait shown at the desk: since the ticket was taken (a transfer keeps it).
        let waiting: Vec<(String, i64)> =
            sqlx::query_as("SELECT concern_id, queued_at FROM tickets WHERE service_day = $1 AND status = 'waiting'")
                .bind(&today)
                .fetch_all(&mut *conn)
                .await?;
        let served: Vec<(String, i64)> = sqlx::query_as(
            "SELECT concern_id, COUNT(*) FROM tickets WHERE service_day = $1 AND status = 'finished' GROUP BY concern_id",
        )
        .bind(&today)
        .fetch_all(&mut *conn)
        .await?;
        let served: BTreeMap<String, i64> = served.into_iter().collect();
        let half_an_hour_ago = (now - SignedDuration::from_mins(30)).to_string();
        let counters_open: i64 = sqlx::query_scalar(
            "SELECT COUNT(DISTINCT json_extract(detail, '$.counter')) FROM ticket_events WHERE kind = 'called' AND at > $1",
        )
        .bind(half_an_hour_ago)
        .fetch_one(&mut *conn)
        .await?;
        let services: Vec<Option<f64>> = sqlx::query_scalar(&format!(
            "SELECT {SERVICE_MINUTES} FROM ticket_events f WHERE f.kind = 'finished' ORDER BY f.id DESC LIMIT $1"
        ))
        .bind(PACE_SERVICES)
        .fetch_all(&mut *conn)
        .await?;
        let services: Vec<f64> = services.into_iter().flatten().filter(|minutes| *minutes >= 0.0).collect();

        let minutes_waited =
            |queued_at: i64| u32::try_from((now.as_millisecond() - queued_at).max(0) / 60_000).unwrap_or(u32::MAX);
        let board_concerns: Vec<json::LiveConcern> = concerns
            .into_iter()
            .map(|(id, target)| {
                let waits: Vec<u32> =
                    waiting.iter().filter(|(concern, _)| *concern == id).map(|(_, at)| minutes_waited(*at)).collect();
                let longest = waits.iter().copied().max().unwrap_or(0);
                let target = target.and_then(|minutes| u32::try_from(minutes).ok());
                json::LiveConcern {
                    waiting: u32::try_from(waits.len()).unwrap_or(u32::MAX),
                    longest_wait_minutes: longest,
                    target_wait_minutes: target,
                    level: json::TargetLevel::of(longest, target),
                    served_today: u32::try_from(served.get(&id).copied().unwrap_or(0)).unwrap_or(u32::MAX),
                    concern: json::ConcernId(id),
                }
            })
            .collect();

        let closes_at = schedule.closing_on(now.to_zoned_datetime(schedule.time_zone().clone()).date());
        let queue_done_at = (!waiting.is_empty() && counters_open > 0 && !services.is_empty()).then(|| {
            let pace_seconds = services.iter().sum::<f64>() / services.len() as f64 * 60.0;
            // Everyone waiting is called once the visitors ahead of the last one are served,
            // the counters working side by side.
            let rounds = (waiting.len() as i64 - 1) / counters_open;
            now + SignedDuration::from_secs_f64(pace_seconds * rounds as f64)
        });
        Ok(json::LiveBoard {
            at: rfc3339(&now.to_zoned_datetime(schedule.time_zone().clone())),
            counters_open: u32::try_from(counters_open).unwrap_or(0),
            waiting: u32::try_from(waiting.len()).unwrap_or(u32::MAX),
            served_today: u32::try_from(served.values().sum::<i64>()).unwrap_or(u32::MAX),
            longest_wait_minutes: waiting.iter().map(|(_, at)| minutes_waited(*at)).max().unwrap_or(0),
            done_before_closing: match (&queue_done_at, &closes_at) {
                (Some(done), Some(closes)) => Some(*done <= closes.timestamp()),
                _ => None,
            },
            closes_at: closes_at.as_ref().map(rfc3339),
            queue_done_at: queue_done_at.map(|at| rfc3339(&at.to_zoned_datetime(schedule.time_zone().clone()))),
            concerns: board_concerns,
        })
    }
}
