//! Accounts and sessions.

use jiff::Timestamp;
use sqlx::AnyConnection;
use willkommen_api::Role;

use super::Store;
use super::types::Flag;
use crate::auth::{SESSION_LIFETIME, SignedIn};
use crate::error::AppResult;

/// An account as sign-in needs it.
#[derive(Debug)]
pub struct LoginAccount {
    pub id: i64,
    pub password_hash: String,
    pub active: bool,
    /// `admin`, `staff` or `statistics`.
    pub role: String,
}

impl Store {
    pub async fn login_account(&self, username: &str) -> AppResult<Option<LoginAccount>> {
        let row: Option<(i64, String, Flag, String)> =
            sqlx::query_as("SELECT id, password_hash, active, role FROM accounts WHERE LOWER(username) = LOWER($1)")
                .bind(username)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(id, password_hash, active, role)| LoginAccount { id, password_hash, active: active.into(), role }))
    }

    /// Whether any active account may use the admin console with a Willkommen password (the
    /// way in while the office's identity provider is down).
    pub async fn has_active_admin(&self) -> AppResult<bool> {
        let admins: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM accounts WHERE role = 'admin' AND active = 1 AND oidc_subject IS NULL",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(admins > 0)
    }

    /// Whether `username` is an active account whose password is `password` (checked off the
    /// async runtime, as at sign-in: the server may already be serving).
    pub async fn has_password(&self, username: &str, password: &str) -> AppResult<bool> {
        let Some(account) = self.login_account(username).await?.filter(|account| account.active) else {
            return Ok(false);
        };
        crate::auth::verify_password_off_thread(password.to_owned(), account.password_hash).await
    }

    /// Stores a new session for `account_id`; expired sessions are cleared on the way. A
    /// session signed in through the office's identity provider says so, to sign out there too.
    pub async fn create_session(
        &self,
        account_id: i64,
        token_hash: &str,
        through_provider: bool,
        now: Timestamp,
    ) -> AppResult<()> {
        let expires_at = now.as_millisecond() + SESSION_LIFETIME.as_millis() as i64;
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now.as_millisecond()).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, expires_at, through_provider) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(expires_at)
        .bind(Flag(through_provider))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends a session; whether it was signed in through the office's identity provider.
    pub async fn delete_session(&self, token_hash: &str) -> AppResult<bool> {
        let through_provider: Option<Flag> =
            sqlx::query_scalar("DELETE FROM sessions WHERE token_hash = $1 RETURNING through_provider")
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?;
        Ok(through_provider.is_some_and(bool::from))
    }

    /// The active account of a live session.
    pub async fn session_account(&self, token_hash: &str, now: Timestamp) -> AppResult<Option<SignedIn>> {
        let row: Option<(i64, String, String, String)> = sqlx::query_as(
            "SELECT a.id, a.username, a.display_name, a.role
             FROM sessions s JOIN accounts a ON a.id = s.account_id
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.active = 1",
        )
        .bind(token_hash)
        .bind(now.as_millisecond())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(account_id, username, display_name, role)| SignedIn {
            account_id,
            username,
            display_name,
            role: Role::from_stored(&role),
        }))
    }

    /// Creates an account, or sets the password, name and role of an existing one.
    pub async fn upsert_account(
        &self,
        username: &str,
        display_name: &str,
        role: Role,
        password_hash: &str,
    ) -> AppResult<()> {
        let mut conn = self.pool.acquire().await?;
        insert_account(&mut conn, username, display_name, role, password_hash).await
    }
}

pub(super) async fn insert_account(
    conn: &mut AnyConnection,
    username: &str,
    display_name: &str,
    role: Role,
    password_hash: &str,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO accounts (username, display_name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                                               password_hash = excluded.password_hash, active = 1",
    )
    .bind(username)
    .bind(display_name)
    .bind(role.as_str())
    .bind(password_hash)
    .bind(Timestamp::now().to_string())
    .execute(conn)
    .await?;
    Ok(())
}
