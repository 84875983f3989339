//! Forgetting on schedule. After the office's retention period a ticket loses the visitor's
//! checklist answers (and language); after twice that period it is deleted. Each day is summed
//! for the statistics first, once it is over (`statistics.rs`); the sums are kept.
//! Idempotency keys are kept two days, long enough for any retry.

use jiff::{SignedDuration, Timestamp};

use super::Store;
use super::office::office_rules;
use super::statistics::sum_up_past_days;
use crate::error::AppResult;
use crate::schedule::service_day;

/// What one retention run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RetentionReport {
    pub anonymised: u64,
    pub deleted: u64,
    pub idempotency_keys_deleted: u64,
    /// Office days summed up for the statistics.
    pub summed_days: u64,
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
        // Every day that is over is summed for the statistics before anything of it is
        // forgotten; its sums are kept (docs/statistics.md).
        let summed_days = sum_up_past_days(&mut tx, &time_zone, now).await?;
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
        let deleted = sqlx::query("DELETE FROM tickets WHERE service_day < $1")
            .bind(&delete_before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("DELETE FROM ticket_counters WHERE service_day < $1")
            .bind(&delete_before)
            .execute(&mut *tx)
            .await?;
        // A key's stored answer holds the visitor's answers: it goes no later than they do.
        let keys_before = reference
            .checked_sub(SignedDuration::from_hours(24 * IDEMPOTENCY_KEY_DAYS.min(office.retention_days)))
            .map_err(anyhow::Error::from)?;
        let idempotency_keys_deleted = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
            .bind(keys_before.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        // A phone's push address is kept only while its ticket can still be called: the
        // watcher forgets it when the ticket is done; this catches what a restart interrupted.
        sqlx::query(
            "DELETE FROM push_subscriptions WHERE ticket_id IN
                 (SELECT id FROM tickets WHERE service_day < $1 OR status IN ('finished', 'no_show', 'cancelled'))",
        )
        .bind(service_day(now, &time_zone))
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now.as_millisecond()).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(RetentionReport { anonymised, deleted, idempotency_keys_deleted, summed_days })
    }
}
