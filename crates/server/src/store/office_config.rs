//! The office configuration as stored: published versions, the one draft administrators edit,
//! and writing a version into the tables the queue works with (`office_tables.rs`). Publishing is one transaction, so a
//! kiosk sees the old configuration or the new one, never a mix.

use jiff::Timestamp;
use sqlx::AnyConnection;
use willkommen_api::{self as json, AuditKind, OfficeConfig, TranslationBasis};

use super::backend::Announcement;
use super::types::{Flag, Json, utc};
use super::{Store, audit::record_audit};
use crate::error::{AppError, AppResult};
use crate::office_config::publishing_problems;

/// The draft as stored.
#[derive(Debug)]
pub struct DraftRecord {
    pub revision: i64,
    pub based_on: i64,
    pub document: OfficeConfig,
    pub basis: TranslationBasis,
    pub saved_at: String,
    pub saved_by: Option<String>,
    /// Whether it differs from the newest published version.
    pub unpublished: bool,
}

impl Store {
    /// The newest published configuration and its version number.
    pub async fn published_config(&self) -> AppResult<(i64, OfficeConfig)> {
        let mut conn = self.pool.acquire().await?;
        newest_published(&mut conn).await
    }

    pub async fn draft(&self) -> AppResult<DraftRecord> {
        let mut conn = self.pool.begin().await?;
        read_draft(&mut conn).await
    }

    /// Saves the draft if nobody saved it since `revision`. Returns it with the changed paths.
    pub async fn save_draft(
        &self,
        revision: i64,
        document: OfficeConfig,
        basis: TranslationBasis,
        by: i64,
        now: Timestamp,
    ) -> AppResult<DraftRecord> {
        let mut tx = self.write_transaction().await?;
        let current = read_draft(&mut tx).await?;
        if current.revision != revision {
            return Err(conflict(revision, current.revision));
        }
        let changes = changed_paths(&current.document, &document);
        if changes.is_empty() && current.basis == basis {
            return Ok(current);
        }
        write_draft(&mut tx, revision + 1, current.based_on, &document, &basis, Some(by), now).await?;
        let summary = format!("saved the draft ({} change(s))", changes.len());
        record_audit(&mut tx, now, Some(by), AuditKind::DraftSaved, &summary, &changes).await?;
        let saved = read_draft(&mut tx).await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// Replaces the draft with `document` whatever its revision (import, restore, discard).
    pub async fn replace_draft(
        &self,
        document: OfficeConfig,
        by: i64,
        now: Timestamp,
        kind: AuditKind,
        summary: &str,
    ) -> AppResult<DraftRecord> {
        let mut tx = self.write_transaction().await?;
        let current = read_draft(&mut tx).await?;
        let changes = changed_paths(&current.document, &document);
        write_draft(&mut tx, current.revision + 1, current.based_on, &document, &current.basis, Some(by), now).await?;
        record_audit(&mut tx, now, Some(by), kind, summary, &changes).await?;
        let saved = read_draft(&mut tx).await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// Publishes the draft at `revision` as a new version, all at once.
    pub async fn publish(&self, revision: i64, note: &str, by: i64, now: Timestamp) -> AppResult<i64> {
        let mut tx = self.write_transaction().await?;
        let draft = read_draft(&mut tx).await?;
        if draft.revision != revision {
            return Err(conflict(revision, draft.revision));
        }
        let problems = publishing_problems(&draft.document);
        if !problems.is_empty() {
            return Err(AppError::InvalidConfig(problems));
        }
        let (_, published) = newest_published(&mut tx).await?;
        let changes = changed_paths(&published, &draft.document);
        let version = publish_version(&mut tx, &draft.document, note, Some(by), now).await?;
        sqlx::query("UPDATE config_draft SET based_on = $1 WHERE id = 1").bind(version).execute(&mut *tx).await?;
        record_audit(&mut tx, now, Some(by), AuditKind::Published, &format!("published version {version}"), &changes)
            .await?;
        self.backend.announce(&mut tx, Announcement::Published).await?;
        self.backend.announce(&mut tx, Announcement::Events).await?;
        tx.commit().await?;
        // The kiosks' live stream reads the newest version when it is woken: set it first, or
        // a stream woken in between reads the old one and waits for the next change.
        self.published.send_replace(version);
        self.changed();
        Ok(version)
    }

    pub async fn versions(&self) -> AppResult<Vec<json::VersionInfo>> {
        let rows: Vec<(i64, String, Option<String>, String)> = sqlx::query_as(
            "SELECT v.version, v.published_at, a.display_name, v.note
             FROM config_versions v LEFT JOIN accounts a ON a.id = v.published_by ORDER BY v.version DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(version_info).collect())
    }

    pub async fn version(&self, version: i64) -> AppResult<Option<json::Version>> {
        let row: Option<VersionRow> = sqlx::query_as(
            "SELECT v.version, v.published_at, a.display_name AS published_by, v.note, v.document
             FROM config_versions v LEFT JOIN accounts a ON a.id = v.published_by WHERE v.version = $1",
        )
        .bind(version)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|row| json::Version {
            info: version_info((row.version, row.published_at, row.published_by, row.note)),
            document: row.document.0,
        }))
    }

    /// The address for ticket QR codes the administrators set, if any.
    pub async fn public_base_url(&self) -> AppResult<Option<String>> {
        Ok(sqlx::query_scalar("SELECT public_base_url FROM office WHERE id = 1")
            .fetch_optional(&self.pool)
            .await?
            .flatten())
    }

    /// The newest published version (for the kiosks' live stream).
    pub fn published_version(&self) -> i64 {
        *self.published.borrow()
    }

    /// Stores `office` as the first version, unless an office exists already.
    pub(super) async fn seed_config(&self, tx: &mut AnyConnection, office: &OfficeConfig) -> AppResult<()> {
        let now = self.now();
        let version = publish_version(tx, office, "demo office", None, now).await?;
        write_draft(tx, 1, version, office, &TranslationBasis::new(), None, now).await
    }

    /// A database from before versions existed: its tables become version 1.
    pub async fn ensure_published_version(&self) -> anyhow::Result<()> {
        let mut tx = self.write_transaction().await?;
        let versions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM config_versions").fetch_one(&mut *tx).await?;
        let has_office: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM office").fetch_one(&mut *tx).await?;
        if versions == 0 && has_office == 1 {
            let office = super::office_tables::read_config(&mut tx).await?;
            self.seed_config(&mut tx, &office).await?;
            tx.commit().await?;
            tracing::info!("the office's configuration is now version 1");
        }
        Ok(())
    }
}

fn version_info(
    (version, published_at, published_by, note): (i64, String, Option<String>, String),
) -> json::VersionInfo {
    json::VersionInfo { version: version as u64, published_at, published_by, note }
}

fn conflict(expected: i64, actual: i64) -> AppError {
    AppError::DraftConflict(format!(
        "the draft was saved by someone else meanwhile (revision {actual}, these edits are from {expected}); load it again"
    ))
}

async fn newest_published(conn: &mut AnyConnection) -> AppResult<(i64, OfficeConfig)> {
    let row: Option<(i64, Json<OfficeConfig>)> =
        sqlx::query_as("SELECT version, document FROM config_versions ORDER BY version DESC LIMIT 1")
            .fetch_optional(conn)
            .await?;
    let (version, document) = row.ok_or_else(|| AppError::Internal(anyhow::anyhow!("no published configuration")))?;
    Ok((version, document.0))
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    version: i64,
    published_at: String,
    published_by: Option<String>,
    note: String,
    document: Json<OfficeConfig>,
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    revision: i64,
    based_on: i64,
    document: Json<OfficeConfig>,
    basis: Json<TranslationBasis>,
    saved_at: String,
    saved_by: Option<String>,
    unpublished: Flag,
}

async fn read_draft(conn: &mut AnyConnection) -> AppResult<DraftRecord> {
    let row: DraftRow = sqlx::query_as(
        "SELECT d.revision, d.based_on, d.document, d.basis, d.saved_at, a.display_name AS saved_by,
                d.document IS DISTINCT FROM (SELECT document FROM config_versions ORDER BY version DESC LIMIT 1) AS unpublished
         FROM config_draft d LEFT JOIN accounts a ON a.id = d.saved_by WHERE d.id = 1",
    )
    .fetch_one(conn)
    .await?;
    Ok(DraftRecord {
        revision: row.revision,
        based_on: row.based_on,
        document: row.document.0,
        basis: row.basis.0,
        saved_at: row.saved_at,
        saved_by: row.saved_by,
        unpublished: row.unpublished.into(),
    })
}

async fn write_draft(
    conn: &mut AnyConnection,
    revision: i64,
    based_on: i64,
    document: &OfficeConfig,
    basis: &TranslationBasis,
    by: Option<i64>,
    now: Timestamp,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO config_draft (id, revision, based_on, document, basis, saved_at, saved_by)
         VALUES (1, $1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, based_on = excluded.based_on,
             document = excluded.document, basis = excluded.basis, saved_at = excluded.saved_at,
             saved_by = excluded.saved_by",
    )
    .bind(revision)
    .bind(based_on)
    .bind(Json(document))
    .bind(Json(basis))
    .bind(utc(now))
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes `office` into the queue's tables and as a new version; returns its number.
async fn publish_version(
    conn: &mut AnyConnection,
    office: &OfficeConfig,
    note: &str,
    by: Option<i64>,
    now: Timestamp,
) -> AppResult<i64> {
    super::office_tables::write_config(conn, office).await?;
    let version: i64 = sqlx::query_scalar(
        "INSERT INTO config_versions (version, published_at, published_by, note, document)
         VALUES ((SELECT COALESCE(MAX(version), 0) + 1 FROM config_versions), $1, $2, $3, $4) RETURNING version",
    )
    .bind(utc(now))
    .bind(by)
    .bind(note.trim())
    .bind(Json(office))
    .fetch_one(conn)
    .await?;
    Ok(version)
}

/// The paths whose values differ between two documents, as in the file:
/// `concerns[2].checklist[0].text.ar`. Concerns, items and counters are matched by position.
fn changed_paths(before: &OfficeConfig, after: &OfficeConfig) -> Vec<String> {
    let (before, after) = (serde_json::to_value(before), serde_json::to_value(after));
    let mut changes = Vec::new();
    if let (Ok(before), Ok(after)) = (before, after) {
        diff(&before, &after, String::new(), &mut changes);
    }
    changes
}

fn diff(before: &serde_json::Value, after: &serde_json::Value, path: String, changes: &mut Vec<String>) {
    use serde_json::Value;
    const MOST: usize = 200;
    if before == after || changes.len() >= MOST {
        return;
    }
    let join = |key: &str| if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
    match (before, after) {
        (Value::Object(old), Value::Object(new)) => {
            let keys: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
            for key in keys {
                let missing = Value::Null;
                diff(old.get(key).unwrap_or(&missing), new.get(key).unwrap_or(&missing), join(key), changes);
            }
        }
        (Value::Array(old), Value::Array(new)) if old.len() == new.len() => {
            for (at, (old, new)) in old.iter().zip(new).enumerate() {
                diff(old, new, format!("{path}[{at}]"), changes);
            }
        }
        _ => changes.push(path),
    }
}
