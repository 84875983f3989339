//! Forgetting on schedule. After the office's retention period a ticket loses the visitor's
//! checklist answers (and language); after twice that period it is deleted, leaving only the
//! day's counts and summed waiting and service minutes per concern. Idempotency keys are kept two days, long enough for any retry.

use jiff::{SignedDuration, Timestamp};

use super::Store;
use super::office::office_rules;
use crate::error::AppResult;
use crate::schedule::service_day;

/// What one retention run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RetentionReport {
    pub anonymised: u64,
    pub deleted: u64,
    pub idempotency_keys_deleted: u64,
}

/// How long an `Idempotency-Key` is remembered (the API promises at least 24 hours).
const IDEMPOTENCY_KEY_DAYS: i64 = 2;

impl Store {
    pub async fn apply_retention(&self, now: Timestamp) -> AppResult<RetentionReport> {
        let mut tx = self.write_transaction().await?;
        let office = office_rules(&mut tx).await?;
        let time_zone = office.schedule()?.time_zone().clone();
        // A clock set far ahead (a wrong date) must not make the newest tickets look old:
        // retention counts from at most the retention period after the newest ticket. During
        // a long closure that keeps the last days' tickets until tickets are issued again.
        let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(queued_at) FROM tickets").fetch_one(&mut *tx).await?;
        let reference = match newest.and_then(|millis| Timestamp::from_millisecond(millis).ok()) {
            Some(newest) => {
                now.min(newest.checked_add(SignedDuration::from_hours(24 * office.retention_days)).unwrap_or(now))
            }
            None => now,
        };
        let day_before = |days: i64| -> AppResult<String> {
            let then = reference.checked_sub(SignedDuration::from_hours(24 * days)).map_err(anyhow::Error::from)?;
            Ok(service_day(then, &time_zone))
        };
        let anonymise_before = day_before(office.retention_days)?;
        let delete_before = day_before(office.retention_days * 2)?;

        let anonymised = sqlx::query(
            "UPDATE tickets SET checklist = '{}', language = '' WHERE service_day < $1 AND (checklist != '{}' OR language != '')",
        )
        .bind(&anonymise_before)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // A booking reference leads back to a person in the booking system: it goes with the
        // visitor's answers, and the appointment with the tickets.
        sqlx::query(
            "UPDATE appointments SET reference = '~', reference_key = '~' || CAST(id AS TEXT), language = NULL
             WHERE service_day < $1 AND reference != '~'",
        )
        .bind(&anonymise_before)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM appointments WHERE service_day < $1").bind(&delete_before).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO daily_statistics (service_day, concern_id, issued, finished, no_show, cancelled,
                                           wait_minutes, service_minutes)
             SELECT t.service_day, t.concern_id, COUNT(*), SUM(CASE WHEN t.status = 'finished' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN t.status = 'no_show' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN t.status = 'cancelled' THEN 1 ELSE 0 END),
                    COALESCE(SUM((SELECT (julianday(MIN(e.at)) - julianday(t.queued_at / 1000.0, 'unixepoch')) * 1440
                                  FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'called')), 0),
                    COALESCE(SUM((SELECT (julianday(MAX(f.at)) - julianday(MAX(s.at))) * 1440
                                  FROM ticket_events f JOIN ticket_events s ON s.ticket_id = f.ticket_id
                                  WHERE f.ticket_id = t.id AND f.kind = 'finished' AND s.kind = 'started')), 0)
             FROM tickets t WHERE t.service_day < $1 GROUP BY t.service_day, t.concern_id
             ON CONFLICT (service_day, concern_id) DO UPDATE SET
                 issued = daily_statistics.issued + excluded.issued,
                 finished = daily_statistics.finished + excluded.finished,
                 no_show = daily_statistics.no_show + excluded.no_show,
                 cancelled = daily_statistics.cancelled + excluded.cancelled,
                 wait_minutes = daily_statistics.wait_minutes + excluded.wait_minutes,
                 service_minutes = daily_statistics.service_minutes + excluded.service_minutes",
        )
        .bind(&delete_before)
        .execute(&mut *tx)
        .await?;
        let deleted = sqlx::query("DELETE FROM tickets WHERE service_day < $1")
            .bind(&delete_before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("DELETE FROM ticket_counters WHERE service_day < $1")
            .bind(&delete_before)
            .execute(&mut *tx)
            .await?;
        let keys_before = reference
            .checked_sub(SignedDuration::from_hours(24 * IDEMPOTENCY_KEY_DAYS))
            .map_err(anyhow::Error::from)?;
        let idempotency_keys_deleted = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
            .bind(keys_before.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now.as_millisecond()).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(RetentionReport { anonymised, deleted, idempotency_keys_deleted })
    }
}
