//! The office's VAPID key for Web Push, made on first use and kept with the office's data, so
//! that the subscriptions phones made with its public half stay valid across restarts, and
//! every instance on one PostgreSQL signs with the same key.

use super::Store;
use crate::error::{AppError, AppResult};
use crate::push::VapidKey;

impl Store {
    /// The office's key; made and stored if there is none yet. Two instances making one at
    /// the same moment agree on whichever was stored first.
    pub async fn vapid_key(&self) -> AppResult<VapidKey> {
        if let Some(stored) = self.stored_vapid_key().await? {
            return parse(&stored);
        }
        let mut tx = self.write_transaction().await?;
        sqlx::query("INSERT INTO push_keys (id, vapid_private_key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING")
            .bind(VapidKey::generate().to_stored())
            .execute(&mut *tx)
            .await?;
        let stored: String =
            sqlx::query_scalar("SELECT vapid_private_key FROM push_keys WHERE id = 1").fetch_one(&mut *tx).await?;
        tx.commit().await?;
        parse(&stored)
    }

    async fn stored_vapid_key(&self) -> AppResult<Option<String>> {
        Ok(sqlx::query_scalar("SELECT vapid_private_key FROM push_keys WHERE id = 1")
            .fetch_optional(&self.pool)
            .await?)
    }
}

fn parse(stored: &str) -> AppResult<VapidKey> {
    VapidKey::from_stored(stored).map_err(|error| AppError::Internal(anyhow::anyhow!("push_keys: {error}")))
}
