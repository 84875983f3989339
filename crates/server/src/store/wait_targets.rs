//! The target wait an admin set per concern, which the live board and the staff desks'
//! banner compare the longest wait with.

use willkommen_api as json;

use super::Store;
use crate::error::AppResult;

impl Store {
    /// Every offered concern's target wait in minutes, for those that have one.
    pub async fn wait_targets(&self) -> AppResult<Vec<(json::ConcernId, u32)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT id, target_wait_minutes FROM concerns
             WHERE removed = 0 AND target_wait_minutes IS NOT NULL ORDER BY position",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, target)| Some((json::ConcernId(id), u32::try_from(target).ok()?)))
            .collect())
    }
}
