//! When the office's time may take a step of the system clock that it has held back (see
//! `office_clock.rs`): at once if the step stays within the service day (numbering and the
//! queue are per day), else once nobody's ticket of the day is open any more.

use super::Store;
use super::office::office_rules;
use crate::error::AppResult;
use crate::schedule::service_day;

impl Store {
    /// Takes a held-back step of the system clock if that is harmless now; returns whether
    /// one was taken.
    pub async fn take_clock_step_when_harmless(&self) -> AppResult<bool> {
        let Some(step) = self.clock.held_step() else { return Ok(false) };
        let now = self.now();
        let mut conn = self.pool.acquire().await?;
        let office = office_rules(&mut conn).await?;
        let time_zone = office.schedule()?.time_zone().clone();
        let today = service_day(now, &time_zone);
        let system_day = service_day(now.checked_add(step).unwrap_or(now), &time_zone);
        let harmless = system_day == today
            || {
                let open: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM tickets WHERE service_day = $1 AND status IN ('waiting', 'called', 'serving', 'parked')",
            )
            .bind(&today)
            .fetch_one(&mut *conn)
            .await?;
                open == 0
            };
        if harmless {
            self.clock.take_step();
        }
        Ok(harmless)
    }
}

/// How often a held-back step is looked at.
pub const CLOCK_CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(5);
