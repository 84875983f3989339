//! What the server stored, read from its SQLite file after it has stopped (read-only), to
//! check the fault runs against the truth rather than against what clients were told.

use std::path::Path;

use anyhow::Context;
use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};

pub struct Stored {
    pub tickets: Vec<StoredTicket>,
    /// Every idempotency key with the id of the ticket its stored answer names.
    pub keys: Vec<(String, Option<String>)>,
    /// `PRAGMA journal_mode` as the file records it (`wal`).
    pub journal_mode: String,
}

#[derive(sqlx::FromRow)]
pub struct StoredTicket {
    pub id: String,
    pub prefix: String,
    pub sequence: i64,
    pub service_day: String,
}

pub async fn read(data_dir: &Path) -> anyhow::Result<Stored> {
    let file = data_dir.join(willkommen_server::DATABASE_FILE);
    let options = SqliteConnectOptions::new().filename(&file).read_only(true);
    let mut db =
        SqliteConnection::connect_with(&options).await.with_context(|| format!("cannot open {}", file.display()))?;
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
    let journal_mode = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut db).await?;
    db.close().await?;
    Ok(Stored { tickets, keys, journal_mode })
}
