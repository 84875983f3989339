//! `willkommen-server backup`: a consistent copy of the SQLite database, taken while the
//! server keeps serving. (PostgreSQL has `pg_dump` for that; see docs/deployment.md.)

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, bail};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use super::DATABASE_FILE;

/// What a backup holds, as a check that it is readable and complete.
#[derive(Debug)]
pub struct BackupReport {
    pub bytes: u64,
    pub tickets: i64,
    pub config_versions: i64,
}

/// Copies the database in `data_dir` to `to` (which must not exist yet), then opens the copy
/// and checks it. `VACUUM INTO` writes one consistent snapshot (a write transaction running
/// meanwhile is in it entirely or not at all) and does not stop writers for long: the
/// server's WAL lets them go on while the copy is read.
pub async fn backup_sqlite(data_dir: &Path, to: &Path) -> anyhow::Result<BackupReport> {
    let database = data_dir.join(DATABASE_FILE);
    if !database.is_file() {
        bail!("there is no database at {}", database.display());
    }
    if to.exists() {
        bail!("{} exists already; a backup never overwrites a file", to.display());
    }
    let target = to.to_str().with_context(|| format!("{} is not a UTF-8 path", to.display()))?;
    let mut source = SqliteConnectOptions::new()
        .filename(&database)
        .read_only(true)
        .busy_timeout(Duration::from_secs(30))
        .connect()
        .await
        .with_context(|| format!("cannot open {}", database.display()))?;
    sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(&mut source)
        .await
        .with_context(|| format!("cannot write the backup to {}", to.display()))?;
    source.close().await?;
    check(to).await.with_context(|| format!("the backup {} is not usable", to.display()))
}

/// Opens a backup read-only and proves it is an intact Willkommen database.
async fn check(backup: &Path) -> anyhow::Result<BackupReport> {
    let mut copy = SqliteConnectOptions::new().filename(backup).read_only(true).connect().await?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut copy).await?;
    if integrity != "ok" {
        bail!("integrity check: {integrity}");
    }
    let tickets = sqlx::query_scalar("SELECT COUNT(*) FROM tickets").fetch_one(&mut copy).await?;
    let config_versions = sqlx::query_scalar("SELECT COUNT(*) FROM config_versions").fetch_one(&mut copy).await?;
    copy.close().await?;
    Ok(BackupReport { bytes: std::fs::metadata(backup)?.len(), tickets, config_versions })
}
