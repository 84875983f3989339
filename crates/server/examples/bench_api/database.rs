//! What the server stored, read after it has stopped (from its SQLite file, read-only, or
//! from its PostgreSQL schema), to check the fault runs against the truth rather than against
//! what clients were told; and how that database was set up, for the report.

use std::path::Path;

use sqlx::{AnyConnection, Connection};

use crate::environment::DatabaseSetUp;
use crate::storage::Storage;

pub struct Stored {
    pub tickets: Vec<StoredTicket>,
    /// Every idempotency key with the id of the ticket its stored answer names.
    pub keys: Vec<(String, Option<String>)>,
    pub set_up: DatabaseSetUp,
}

#[derive(sqlx::FromRow)]
pub struct StoredTicket {
    pub id: String,
    pub prefix: String,
    pub sequence: i64,
    pub service_day: String,
}

pub async fn read(storage: &Storage, data_dir: &Path) -> anyhow::Result<Stored> {
    let mut db = storage.connect(data_dir).await?;
    let tickets = sqlx::query_as("SELECT id, prefix, sequence, service_day FROM tickets").fetch_all(&mut db).await?;
    let answers: Vec<(String, String)> =
        sqlx::query_as("SELECT key, response_body FROM idempotency_keys").fetch_all(&mut db).await?;
    let keys = answers
        .into_iter()
        .map(|(key, body)| {
            let ticket = serde_json::from_str::<serde_json::Value>(&body).ok();
            (key, ticket.and_then(|ticket| ticket["id"].as_str().map(str::to_owned)))
        })
        .collect();
    let set_up = match storage {
        Storage::Sqlite => sqlite_set_up(&mut db).await?,
        Storage::Postgres { .. } => postgres_set_up(&mut db).await?,
    };
    db.close().await?;
    Ok(Stored { tickets, keys, set_up })
}

async fn sqlite_set_up(db: &mut AnyConnection) -> anyhow::Result<DatabaseSetUp> {
    Ok(DatabaseSetUp::Sqlite {
        // As the file records it (`wal`).
        journal_mode: sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut *db).await?,
        // The server sets it per connection, so it cannot be read from the file.
        synchronous: crate::environment::synchronous_in_source(),
    })
}

/// The settings that decide whether a commit has reached the disk before the server answers.
async fn postgres_set_up(db: &mut AnyConnection) -> anyhow::Result<DatabaseSetUp> {
    let version = show(db, "server_version").await?;
    Ok(DatabaseSetUp::Postgres {
        // `15.8 (Debian 15.8-0+deb12u1)`: the number is enough.
        version: version.split_whitespace().next().unwrap_or_default().to_owned(),
        fsync: show(db, "fsync").await?,
        synchronous_commit: show(db, "synchronous_commit").await?,
        full_page_writes: show(db, "full_page_writes").await?,
        // Only superusers may read it; and a server on another machine has its disk there.
        data_filesystem: show(db, "data_directory")
            .await
            .ok()
            .filter(|dir| Path::new(dir).is_dir())
            .map(|dir| crate::environment::filesystem_of(Path::new(&dir))),
    })
}

async fn show(db: &mut AnyConnection, setting: &str) -> anyhow::Result<String> {
    Ok(sqlx::query_scalar(&format!("SHOW {setting}")).fetch_one(db).await?)
}
