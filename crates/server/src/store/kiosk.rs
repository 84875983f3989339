//! What a kiosk shows at a moment: the published office, whether it issues tickets now, and
//! which concerns have used up today's tickets. Read in one transaction, so a configuration
//! published meanwhile is seen whole or not at all.

use std::collections::BTreeSet;

use jiff::Timestamp;
use willkommen_api::{self as json, OfficeConfig};

use super::Store;
use super::office::office_today;
use crate::error::AppResult;

/// The kiosk's data before it becomes JSON (`api::kiosk`).
pub struct KioskState {
    pub office: OfficeConfig,
    pub issuing: json::Issuing,
    /// The concerns whose daily quota is used up.
    pub quota_reached: BTreeSet<json::ConcernId>,
}

impl Store {
    pub async fn kiosk(&self, now: Timestamp) -> AppResult<KioskState> {
        let mut tx = self.pool.begin().await?;
        let (office, schedule, today) = office_today(&mut tx, now).await?;
        let issued: Vec<(String, i64)> =
            sqlx::query_as("SELECT concern_id, last_sequence FROM ticket_counters WHERE service_day = $1")
                .bind(&today)
                .fetch_all(&mut *tx)
                .await?;
        let quota_reached = issued
            .into_iter()
            .filter(|(concern, issued)| {
                let quota = office.concerns.iter().find(|c| c.id.as_str() == concern).and_then(|c| c.daily_quota);
                quota.is_some_and(|quota| *issued >= i64::from(quota))
            })
            .map(|(concern, _)| json::ConcernId(concern))
            .collect();
        Ok(KioskState { issuing: schedule.issuing_at(now), office, quota_reached })
    }
}
