//! Everything Willkommen keeps, in one SQLite file: the office, its concerns and checklists,
//! and the tickets. All SQL lives here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::types::Json;
use sqlx::{FromRow, SqlitePool};
use willkommen_api as json;
use willkommen_api::LocalizedText;

use crate::error::AppResult;
use crate::seed::DemoOffice;

/// The database file inside the data folder.
pub const DATABASE_FILE: &str = "willkommen.db";

/// A handle to the database; cheap to clone, shared by all requests.
#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

/// The office-wide settings ticket issuing needs.
#[derive(Debug, FromRow)]
pub struct OfficeSettings {
    pub time_zone: String,
    pub languages: Json<Vec<String>>,
}

/// A concern as ticket issuing needs it.
#[derive(Debug)]
pub struct ConcernForIssuing {
    pub prefix: String,
    pub active: bool,
    pub checklist_ids: Vec<String>,
}

/// A ticket about to be stored; the store adds the number.
#[derive(Debug)]
pub struct TicketDraft {
    pub id: json::TicketId,
    pub concern: json::ConcernId,
    pub prefix: String,
    pub service_day: String,
    pub language: String,
    pub checklist: BTreeMap<String, bool>,
    pub issued_at: String,
}

/// A stored ticket.
#[derive(Debug, FromRow)]
pub struct TicketRecord {
    pub id: String,
    pub concern_id: String,
    pub prefix: String,
    pub sequence: i64,
    pub language: String,
    pub checklist: Json<BTreeMap<String, bool>>,
    pub status: String,
    pub issued_at: String,
}

#[derive(FromRow)]
struct ConcernRow {
    id: String,
    prefix: String,
    icon: String,
    name: Json<LocalizedText>,
    description: Json<LocalizedText>,
}

#[derive(FromRow)]
struct ChecklistItemRow {
    concern_id: String,
    id: String,
    required: bool,
    text: Json<LocalizedText>,
    hint: Json<LocalizedText>,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir` and brings its schema up to date.
    pub async fn open(data_dir: &Path) -> anyhow::Result<Self> {
        let path = prepare_data_dir(data_dir)?;
        let options = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            // WAL lets kiosks read while a ticket is written; FULL makes every acknowledged
            // ticket survive a crash or power cut, at the cost of one fsync per ticket.
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .with_context(|| format!("cannot open the database {}", path.display()))?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .with_context(|| format!("cannot update the database schema in {}", path.display()))?;
        Ok(Self { pool })
    }

    /// Stores the demo office unless an office exists already. Returns whether it did.
    pub async fn seed_if_empty(&self, office: &DemoOffice) -> anyhow::Result<bool> {
        let mut tx = self.pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO office (id, name, time_zone, languages) VALUES (1, ?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(Json(&office.office_name))
        .bind(&office.time_zone)
        .bind(Json(&office.languages))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            return Ok(false);
        }
        for (position, concern) in office.concerns.iter().enumerate() {
            sqlx::query(
                "INSERT INTO concerns (id, position, prefix, icon, active, name, description)
                 VALUES (?, ?, ?, ?, 1, ?, ?)",
            )
            .bind(concern.id.as_str())
            .bind(position as i64)
            .bind(&concern.prefix)
            .bind(&concern.icon)
            .bind(Json(&concern.name))
            .bind(Json(&concern.description))
            .execute(&mut *tx)
            .await?;
            for (position, item) in concern.checklist.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO checklist_items (concern_id, id, position, required, text, hint)
                     VALUES (?, ?, ?, ?, ?, ?)",
                )
                .bind(concern.id.as_str())
                .bind(&item.id)
                .bind(position as i64)
                .bind(item.required)
                .bind(Json(&item.text))
                .bind(Json(&item.hint))
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(true)
    }

    /// What a kiosk shows: the office and its active concerns with their checklists.
    pub async fn kiosk(&self) -> AppResult<json::Kiosk> {
        let (office_name, languages): (Json<LocalizedText>, Json<Vec<String>>) =
            sqlx::query_as("SELECT name, languages FROM office WHERE id = 1").fetch_one(&self.pool).await?;
        let concerns: Vec<ConcernRow> = sqlx::query_as(
            "SELECT id, prefix, icon, name, description FROM concerns WHERE active = 1 ORDER BY position",
        )
        .fetch_all(&self.pool)
        .await?;
        let items: Vec<ChecklistItemRow> = sqlx::query_as(
            "SELECT i.concern_id, i.id, i.required, i.text, i.hint
             FROM checklist_items i JOIN concerns c ON c.id = i.concern_id
             WHERE c.active = 1 ORDER BY i.concern_id, i.position",
        )
        .fetch_all(&self.pool)
        .await?;

        let mut checklists: BTreeMap<String, Vec<json::ChecklistItem>> = BTreeMap::new();
        for item in items {
            checklists.entry(item.concern_id).or_default().push(json::ChecklistItem {
                id: item.id,
                text: item.text.0,
                hint: item.hint.0,
                required: item.required,
            });
        }
        let concerns = concerns
            .into_iter()
            .map(|row| json::Concern {
                checklist: checklists.remove(&row.id).unwrap_or_default(),
                id: json::ConcernId(row.id),
                prefix: row.prefix,
                icon: row.icon,
                name: row.name.0,
                description: row.description.0,
            })
            .collect();
        Ok(json::Kiosk { office_name: office_name.0, languages: languages.0, concerns })
    }

    pub async fn office_settings(&self) -> AppResult<OfficeSettings> {
        Ok(sqlx::query_as("SELECT time_zone, languages FROM office WHERE id = 1").fetch_one(&self.pool).await?)
    }

    pub async fn concern_for_issuing(&self, id: &json::ConcernId) -> AppResult<Option<ConcernForIssuing>> {
        let Some((prefix, active)): Option<(String, bool)> =
            sqlx::query_as("SELECT prefix, active FROM concerns WHERE id = ?")
                .bind(id.as_str())
                .fetch_optional(&self.pool)
                .await?
        else {
            return Ok(None);
        };
        let checklist_ids = sqlx::query_scalar("SELECT id FROM checklist_items WHERE concern_id = ?")
            .bind(id.as_str())
            .fetch_all(&self.pool)
            .await?;
        Ok(Some(ConcernForIssuing { prefix, active, checklist_ids }))
    }

    /// Stores a new waiting ticket with the next number of its concern and day.
    pub async fn insert_ticket(&self, draft: TicketDraft) -> AppResult<TicketRecord> {
        let mut tx = self.pool.begin().await?;
        // The counter update is the transaction's first statement, so SQLite takes the write
        // lock before reading the counter: concurrent kiosks queue up instead of racing.
        let sequence: i64 = sqlx::query_scalar(
            "INSERT INTO ticket_counters (concern_id, service_day, last_sequence) VALUES (?, ?, 1)
             ON CONFLICT (concern_id, service_day) DO UPDATE SET last_sequence = last_sequence + 1
             RETURNING last_sequence",
        )
        .bind(draft.concern.as_str())
        .bind(&draft.service_day)
        .fetch_one(&mut *tx)
        .await?;
        let ticket: TicketRecord = sqlx::query_as(
            "INSERT INTO tickets (id, concern_id, prefix, sequence, service_day, language, checklist, status, issued_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting', ?)
             RETURNING id, concern_id, prefix, sequence, language, checklist, status, issued_at",
        )
        .bind(draft.id.as_str())
        .bind(draft.concern.as_str())
        .bind(&draft.prefix)
        .bind(sequence)
        .bind(&draft.service_day)
        .bind(&draft.language)
        .bind(Json(&draft.checklist))
        .bind(&draft.issued_at)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(ticket)
    }

    pub async fn ticket(&self, id: &str) -> AppResult<Option<TicketRecord>> {
        Ok(sqlx::query_as(
            "SELECT id, concern_id, prefix, sequence, language, checklist, status, issued_at
             FROM tickets WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Waits for pending writes and closes the database cleanly.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl TicketRecord {
    /// The ticket as the API shows it; `public_url` is where visitors' phones reach the server.
    pub fn into_json(self, public_url: &str) -> anyhow::Result<json::Ticket> {
        let id = json::TicketId(self.id);
        Ok(json::Ticket {
            status_url: format!("{public_url}{}", json::ticket_status_path(&id)),
            id,
            number: json::TicketNumber {
                prefix: self.prefix,
                sequence: u32::try_from(self.sequence).context("ticket sequence out of range")?,
            },
            concern: json::ConcernId(self.concern_id),
            language: self.language,
            status: json::TicketStatus::from_str(&self.status).map_err(anyhow::Error::msg)?,
            issued_at: self.issued_at,
            checklist: self.checklist.0,
        })
    }
}

/// Creates the data folder and proves it is writable, so a bad folder is reported in plain
/// words at start instead of as an SQLite error later.
fn prepare_data_dir(data_dir: &Path) -> anyhow::Result<PathBuf> {
    let unusable =
        |reason: std::io::Error| anyhow::anyhow!("data folder {} is not usable: {reason}", data_dir.display());
    std::fs::create_dir_all(data_dir).map_err(unusable)?;
    let probe = data_dir.join(".willkommen-write-test");
    std::fs::write(&probe, b"ok").map_err(unusable)?;
    std::fs::remove_file(&probe).map_err(unusable)?;
    Ok(data_dir.join(DATABASE_FILE))
}
