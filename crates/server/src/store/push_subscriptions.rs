//! The phones that asked to be told of their ticket by Web Push (`push/`): one subscription
//! per ticket, kept only while the ticket is in the queue. What has been pushed is claimed
//! here, in one statement each, so that two instances following the same ticket push each
//! message once between them.

use sqlx::FromRow;
use willkommen_api::TicketStatus;

use super::Store;
use super::office::office_rules;
use crate::error::{AppError, AppResult};

/// A stored subscription, as the phone's browser gave it, and the language to push in.
#[derive(Clone, Debug, FromRow, PartialEq, Eq)]
pub struct PushSubscriptionRecord {
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    pub language: String,
}

/// What the pushes of a ticket depend on in the office's rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PushRules {
    /// "Nearly your turn" at this many people ahead or fewer.
    pub notify_ahead: u32,
    /// A recall after this many calls marks the visitor as not come: the call before is the last.
    pub no_show_after_calls: u32,
}

/// The statuses in which a ticket can still be called, and so still be told of something.
const STILL_QUEUED: [TicketStatus; 4] =
    [TicketStatus::Waiting, TicketStatus::Called, TicketStatus::Serving, TicketStatus::Parked];

const RETURNED: &str = "RETURNING endpoint, p256dh, auth, language";

impl Store {
    /// Keeps `subscription` for ticket `id` (replacing the ticket's earlier one, without
    /// pushing again what was pushed); in the ticket's language if its `language` is empty.
    /// `None` when there is no such ticket.
    pub async fn save_push_subscription(
        &self,
        id: &str,
        subscription: &PushSubscriptionRecord,
    ) -> AppResult<Option<()>> {
        let mut tx = self.write_transaction().await?;
        let ticket: Option<(String, String)> = sqlx::query_as("SELECT status, language FROM tickets WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let Some((status, ticket_language)) = ticket else { return Ok(None) };
        let language = if subscription.language.is_empty() { &ticket_language } else { &subscription.language };
        if !STILL_QUEUED.iter().any(|queued| queued.as_str() == status) {
            return Err(AppError::InvalidTransition(format!(
                "the ticket is {status}: there is nothing left to be notified of"
            )));
        }
        sqlx::query(
            "INSERT INTO push_subscriptions (ticket_id, endpoint, p256dh, auth, language) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (ticket_id) DO UPDATE SET endpoint = excluded.endpoint, p256dh = excluded.p256dh,
                 auth = excluded.auth, language = excluded.language",
        )
        .bind(id)
        .bind(&subscription.endpoint)
        .bind(&subscription.p256dh)
        .bind(&subscription.auth)
        .bind(language)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(()))
    }

    /// Forgets the subscription of ticket `id`; whether there was one.
    pub async fn delete_push_subscription(&self, id: &str) -> AppResult<bool> {
        let mut tx = self.write_transaction().await?;
        let deleted = sqlx::query("DELETE FROM push_subscriptions WHERE ticket_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(deleted > 0)
    }

    /// Forgets the subscription of ticket `id` if it is still `endpoint` (the push service
    /// said it is gone, and the phone may have subscribed anew meanwhile).
    pub async fn delete_gone_push_subscription(&self, id: &str, endpoint: &str) -> AppResult<bool> {
        let mut tx = self.write_transaction().await?;
        let deleted = sqlx::query("DELETE FROM push_subscriptions WHERE ticket_id = $1 AND endpoint = $2")
            .bind(id)
            .bind(endpoint)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(deleted > 0)
    }

    /// The subscription of ticket `id`, if its phone has one.
    pub async fn push_subscription(&self, id: &str) -> AppResult<Option<PushSubscriptionRecord>> {
        Ok(sqlx::query_as("SELECT endpoint, p256dh, auth, language FROM push_subscriptions WHERE ticket_id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Every ticket with a subscription.
    pub async fn push_subscribed_tickets(&self) -> AppResult<Vec<String>> {
        Ok(sqlx::query_scalar("SELECT ticket_id FROM push_subscriptions").fetch_all(&self.pool).await?)
    }

    /// Claims "nearly your turn" for ticket `id`: its subscription, unless it was told
    /// already (or has no subscription).
    pub async fn claim_push_near(&self, id: &str) -> AppResult<Option<PushSubscriptionRecord>> {
        let mut tx = self.write_transaction().await?;
        let claimed = sqlx::query_as(&format!(
            "UPDATE push_subscriptions SET near_told = 1 WHERE ticket_id = $1 AND near_told = 0 {RETURNED}"
        ))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(claimed)
    }

    /// Claims the ticket's newest call or recall: its subscription, unless that call was told
    /// already. A call also counts as "nearly your turn" told: a visitor sent back to the queue
    /// after it is not told that again.
    pub async fn claim_push_call(&self, id: &str) -> AppResult<Option<PushSubscriptionRecord>> {
        let newest_call =
            "(SELECT COALESCE(MAX(id), 0) FROM ticket_events WHERE ticket_id = $1 AND kind IN ('called', 'recalled'))";
        let mut tx = self.write_transaction().await?;
        let claimed = sqlx::query_as(&format!(
            "UPDATE push_subscriptions SET call_told = {newest_call}, near_told = 1
             WHERE ticket_id = $1 AND call_told < {newest_call} {RETURNED}"
        ))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(claimed)
    }

    /// The office's rules for pushes.
    pub async fn push_rules(&self) -> AppResult<PushRules> {
        let mut conn = self.pool.acquire().await?;
        let rules = office_rules(&mut conn).await?;
        Ok(PushRules {
            notify_ahead: u32::try_from(rules.notify_ahead).unwrap_or(willkommen_api::default_notify_ahead()),
            no_show_after_calls: u32::try_from(rules.no_show_after_calls).unwrap_or(u32::MAX),
        })
    }
}
