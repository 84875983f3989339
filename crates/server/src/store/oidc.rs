//! Signing in with the office's identity provider: the sign-ins on their way through the
//! provider (`oidc_logins`), and the accounts of the provider's subjects.

use jiff::Timestamp;
use sha2::{Digest, Sha256};
use willkommen_api::{AuditKind, Role};

use super::Store;
use super::audit::record_audit;
use super::types::Flag;
use crate::error::AppResult;

/// How long a sign-in may take at the provider.
pub const OIDC_LOGIN_LIFETIME: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// A sign-in that left for the provider: what the way back must match.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PendingLogin {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    /// `staff` or `admin`: where the browser goes back to.
    pub page: String,
}

/// What the provider vouched for, as Willkommen keeps it.
#[derive(Clone, Debug)]
pub struct ProviderPerson {
    pub issuer: String,
    pub subject: String,
    pub display_name: String,
}

/// What became of a sign-in the provider vouched for.
#[derive(Debug, PartialEq, Eq)]
pub enum ProviderSignIn {
    /// The account to open a session for.
    Account(i64),
    /// Deactivated in Willkommen by an administrator.
    Deactivated,
}

impl Store {
    /// Keeps a sign-in that leaves for the provider; clears the expired ones on the way.
    pub async fn begin_oidc_login(&self, handle_hash: &str, login: &PendingLogin, now: Timestamp) -> AppResult<()> {
        let expires_at = now.as_millisecond() + OIDC_LOGIN_LIFETIME.as_millis() as i64;
        let mut tx = self.write_transaction().await?;
        sqlx::query("DELETE FROM oidc_logins WHERE expires_at <= $1")
            .bind(now.as_millisecond())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO oidc_logins (handle_hash, state, nonce, pkce_verifier, page, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(handle_hash)
        .bind(&login.state)
        .bind(&login.nonce)
        .bind(&login.pkce_verifier)
        .bind(&login.page)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The sign-in the browser's handle names, used up: a second way back with the same
    /// handle finds nothing. `None` also when it took too long.
    pub async fn take_oidc_login(&self, handle_hash: &str, now: Timestamp) -> AppResult<Option<PendingLogin>> {
        let mut tx = self.write_transaction().await?;
        let login: Option<(String, String, String, String, i64)> = sqlx::query_as(
            "DELETE FROM oidc_logins WHERE handle_hash = $1
             RETURNING state, nonce, pkce_verifier, page, expires_at",
        )
        .bind(handle_hash)
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(login
            .filter(|(.., expires_at)| *expires_at > now.as_millisecond())
            .map(|(state, nonce, pkce_verifier, page, _)| PendingLogin { state, nonce, pkce_verifier, page }))
    }

    /// The account of the provider's `person` with `role`, made at their first sign-in; the
    /// name and role are the token's at every sign-in. Recorded in the audit trail with the
    /// provider's subject.
    pub async fn provider_sign_in(
        &self,
        person: &ProviderPerson,
        role: Role,
        now: Timestamp,
    ) -> AppResult<ProviderSignIn> {
        let mut tx = self.write_transaction().await?;
        let existing: Option<(i64, String, Flag)> =
            sqlx::query_as("SELECT id, role, active FROM accounts WHERE oidc_issuer = $1 AND oidc_subject = $2")
                .bind(&person.issuer)
                .bind(&person.subject)
                .fetch_optional(&mut *tx)
                .await?;
        let (id, summary) = match existing {
            Some((_, _, active)) if !bool::from(active) => return Ok(ProviderSignIn::Deactivated),
            Some((id, before, _)) => {
                sqlx::query("UPDATE accounts SET display_name = $1, role = $2 WHERE id = $3")
                    .bind(&person.display_name)
                    .bind(role.as_str())
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                let change = if before == role.as_str() {
                    String::new()
                } else {
                    format!("; role {before} → {}", role.as_str())
                };
                (id, format!("signed in with the office's identity provider as {}{change}", role.as_str()))
            }
            None => {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO accounts (username, display_name, role, password_hash, active, created_at,
                                           oidc_issuer, oidc_subject)
                     VALUES ($1, $2, $3, '-', 1, $4, $5, $6) RETURNING id",
                )
                .bind(provider_username(person))
                .bind(&person.display_name)
                .bind(role.as_str())
                .bind(now.to_string())
                .bind(&person.issuer)
                .bind(&person.subject)
                .fetch_one(&mut *tx)
                .await?;
                (id, format!("signed in with the office's identity provider for the first time, as {}", role.as_str()))
            }
        };
        let changes = [format!("subject: {}", person.subject)];
        record_audit(&mut tx, now, Some(id), AuditKind::SignedIn, &summary, &changes).await?;
        tx.commit().await?;
        Ok(ProviderSignIn::Account(id))
    }

    /// While the office's identity provider is in use, a sign-in with a Willkommen password is
    /// the exception (an administrator's way in while it is down): recorded.
    pub async fn record_password_sign_in(&self, account: i64, now: Timestamp) -> AppResult<()> {
        let mut tx = self.write_transaction().await?;
        let summary = "signed in with a Willkommen password while the office's identity provider is in use";
        record_audit(&mut tx, now, Some(account), AuditKind::SignedIn, summary, &[]).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The provider vouched for someone with none of Willkommen's roles: recorded, and any
    /// session their account still has ends (their group was taken away).
    pub async fn provider_sign_in_refused(&self, issuer: &str, subject: &str, now: Timestamp) -> AppResult<()> {
        let mut tx = self.write_transaction().await?;
        sqlx::query(
            "DELETE FROM sessions WHERE account_id IN
                 (SELECT id FROM accounts WHERE oidc_issuer = $1 AND oidc_subject = $2)",
        )
        .bind(issuer)
        .bind(subject)
        .execute(&mut *tx)
        .await?;
        let summary = "refused: the office's identity provider gave no Willkommen role";
        record_audit(&mut tx, now, None, AuditKind::SignInRefused, summary, &[format!("subject: {subject}")]).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A username for a provider's subject that no local account can have (those are
/// `[a-z0-9._-]`) and that stays the same across sign-ins and providers' subjects' forms.
fn provider_username(person: &ProviderPerson) -> String {
    let digest = Sha256::digest(format!("{}\n{}", person.issuer, person.subject));
    let hex: String = digest.iter().take(8).map(|byte| format!("{byte:02x}")).collect();
    format!("oidc:{hex}")
}
