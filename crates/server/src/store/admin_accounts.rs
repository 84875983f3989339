//! Accounts as administrators manage them. Every change is in the audit trail, and the last
//! active admin can be neither deactivated nor demoted, so the office never locks itself out.

use jiff::Timestamp;
use sqlx::AnyConnection;
use willkommen_api::{self as json, AuditKind, Role};

use super::types::Flag;
use super::{Store, accounts::insert_account, audit::record_audit};
use crate::error::{AppError, AppResult};

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    active: Flag,
    created_at: String,
    office_account: Flag,
}

impl From<AccountRow> for json::Account {
    fn from(row: AccountRow) -> Self {
        Self {
            id: row.id,
            username: row.username,
            display_name: row.display_name,
            role: Role::from_stored(&row.role),
            active: row.active.into(),
            created_at: row.created_at,
            office_account: row.office_account.into(),
        }
    }
}

const ACCOUNT_SELECT: &str = "SELECT id, username, display_name, role, active, created_at,
    CASE WHEN oidc_subject IS NULL THEN 0 ELSE 1 END AS office_account FROM accounts";

impl Store {
    pub async fn accounts(&self) -> AppResult<Vec<json::Account>> {
        let rows: Vec<AccountRow> =
            sqlx::query_as(&format!("{ACCOUNT_SELECT} ORDER BY active DESC, username")).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Creates an account; `password_hash` is already hashed.
    pub async fn create_account(
        &self,
        new: &json::NewAccount,
        password_hash: &str,
        by: i64,
        now: Timestamp,
    ) -> AppResult<json::Account> {
        let mut tx = self.write_transaction().await?;
        let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM accounts WHERE LOWER(username) = LOWER($1)")
            .bind(&new.username)
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Err(AppError::UsernameTaken(format!("there is an account {:?} already", new.username)));
        }
        insert_account(&mut tx, &new.username, &new.display_name, new.role, password_hash).await?;
        let account = account_by_name(&mut tx, &new.username).await?;
        let summary = format!("created the {} account {}", new.role.as_str(), new.username);
        record_audit(&mut tx, now, Some(by), AuditKind::AccountCreated, &summary, &[]).await?;
        tx.commit().await?;
        Ok(account)
    }

    /// Changes name, role or whether the account is active. Deactivating ends its sessions.
    pub async fn change_account(
        &self,
        id: i64,
        change: &json::AccountChange,
        by: i64,
        now: Timestamp,
    ) -> AppResult<json::Account> {
        let mut tx = self.write_transaction().await?;
        let before = account_by_id(&mut tx, id).await?;
        if before.office_account && (change.display_name.is_some() || change.role.is_some()) {
            return Err(AppError::InvalidField(format!(
                "{}: the name and role of an office account come from the identity provider at each sign-in",
                before.username
            )));
        }
        // An admin with a password is the way in while the identity provider is down: the
        // last one stays.
        let loses_admin = !before.office_account
            && before.role == Role::Admin
            && before.active
            && (change.role.is_some_and(|role| role != Role::Admin) || change.active == Some(false));
        if loses_admin {
            let admins: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM accounts
                     WHERE role = 'admin' AND active = 1 AND oidc_subject IS NULL AND id != $1",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            if admins == 0 {
                return Err(AppError::LastAdmin(format!(
                    "{} is the last active admin; make another account admin first",
                    before.username
                )));
            }
        }
        sqlx::query(
            "UPDATE accounts SET display_name = COALESCE($1, display_name), role = COALESCE($2, role),
                                 active = COALESCE($3, active) WHERE id = $4",
        )
        .bind(change.display_name.as_deref())
        .bind(change.role.map(Role::as_str))
        .bind(change.active.map(Flag))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if change.active == Some(false) {
            sqlx::query("DELETE FROM sessions WHERE account_id = $1").bind(id).execute(&mut *tx).await?;
        }
        let after = account_by_id(&mut tx, id).await?;
        let mut changes = Vec::new();
        if after.display_name != before.display_name {
            changes.push("display_name".to_owned());
        }
        if after.role != before.role {
            changes.push(format!("role: {}", after.role.as_str()));
        }
        if after.active != before.active {
            changes.push(format!("active: {}", after.active));
        }
        let summary = format!("changed the account {}", after.username);
        record_audit(&mut tx, now, Some(by), AuditKind::AccountChanged, &summary, &changes).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Sets a new password (already hashed) and ends the account's sessions.
    pub async fn reset_password(&self, id: i64, password_hash: &str, by: i64, now: Timestamp) -> AppResult<()> {
        let mut tx = self.write_transaction().await?;
        let account = account_by_id(&mut tx, id).await?;
        if account.office_account {
            return Err(AppError::InvalidField(format!(
                "{}: an office account signs in with the identity provider and has no password here",
                account.username
            )));
        }
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE account_id = $1").bind(id).execute(&mut *tx).await?;
        let summary = format!("set a new password for {}", account.username);
        record_audit(&mut tx, now, Some(by), AuditKind::PasswordReset, &summary, &[]).await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn account_by_id(conn: &mut AnyConnection, id: i64) -> AppResult<json::Account> {
    let row: Option<AccountRow> =
        sqlx::query_as(&format!("{ACCOUNT_SELECT} WHERE id = $1")).bind(id).fetch_optional(conn).await?;
    row.map(Into::into).ok_or_else(|| AppError::NotFound("no such account".into()))
}

async fn account_by_name(conn: &mut AnyConnection, username: &str) -> AppResult<json::Account> {
    let row: AccountRow =
        sqlx::query_as(&format!("{ACCOUNT_SELECT} WHERE username = $1")).bind(username).fetch_one(conn).await?;
    Ok(row.into())
}
