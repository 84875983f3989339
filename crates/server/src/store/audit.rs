//! The audit trail: who changed the configuration or an account, and when.

use jiff::Timestamp;
use sqlx::AnyConnection;
use willkommen_api::{self as json, AuditKind};

use super::Store;
use super::types::{Json, utc};
use crate::error::AppResult;

/// What to show of the trail; every field narrows it.
#[derive(Debug, Default)]
pub struct AuditFilter {
    /// User name of who did it.
    pub actor: Option<String>,
    pub kind: Option<AuditKind>,
    /// RFC 3339 or `YYYY-MM-DD`; inclusive.
    pub since: Option<String>,
    /// RFC 3339 or `YYYY-MM-DD`; exclusive.
    pub until: Option<String>,
    /// Only entries older than this id (for the next page).
    pub before: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: i64,
    at: String,
    name: Option<String>,
    username: Option<String>,
    kind: String,
    summary: String,
    changes: Json<Vec<String>>,
}

/// Entries per page.
const AUDIT_PAGE: i64 = 100;

pub async fn record_audit(
    conn: &mut AnyConnection,
    now: Timestamp,
    actor: Option<i64>,
    kind: AuditKind,
    summary: &str,
    changes: &[String],
) -> AppResult<()> {
    sqlx::query("INSERT INTO audit_log (at, actor, kind, summary, changes) VALUES ($1, $2, $3, $4, $5)")
        .bind(utc(now))
        .bind(actor)
        .bind(kind.as_str())
        .bind(summary)
        .bind(Json(changes))
        .execute(conn)
        .await?;
    Ok(())
}

impl Store {
    /// The newest entries matching `filter`, newest first.
    pub async fn audit(&self, filter: &AuditFilter) -> AppResult<Vec<json::AuditEntry>> {
        let rows: Vec<AuditRow> = sqlx::query_as(
            "SELECT l.id, l.at, a.display_name AS name, a.username, l.kind, l.summary, l.changes
                 FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor
                 WHERE ($1 IS NULL OR LOWER(a.username) = LOWER($1))
                   AND ($2 IS NULL OR l.kind = $2)
                   AND ($3 IS NULL OR l.at >= $3)
                   AND ($4 IS NULL OR l.at < $4)
                   AND ($5 IS NULL OR l.id < $5)
                 ORDER BY l.id DESC LIMIT $6",
        )
        .bind(filter.actor.as_deref())
        .bind(filter.kind.map(AuditKind::as_str))
        .bind(filter.since.as_deref())
        .bind(filter.until.as_deref())
        .bind(filter.before)
        .bind(AUDIT_PAGE)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| json::AuditEntry {
                id: row.id,
                at: row.at,
                actor: row.name.zip(row.username).map(|(name, username)| format!("{name} ({username})")),
                kind: serde_json::from_value(serde_json::Value::String(row.kind)).unwrap_or(AuditKind::Other),
                summary: row.summary,
                changes: row.changes.0,
            })
            .collect())
    }
}
