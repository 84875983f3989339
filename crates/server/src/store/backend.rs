//! The two databases Willkommen runs on, behind sqlx's `Any` driver: the SQL is the same for
//! both (numbered `$1` parameters, no SQLite-only syntax); what differs is how a database is
//! opened, how writers take turns, and how other server instances learn about changes.
//!
//! - **SQLite** (the default): one file in the data folder, one server process. Writers take
//!   turns on SQLite's write lock (`BEGIN IMMEDIATE`).
//! - **PostgreSQL**: several server instances share one database, and several offices share
//!   it too, each in its own schema. Writers of one office take turns on a transaction-scoped
//!   advisory lock, so everything that holds on SQLite (one number per ticket, idempotency,
//!   one active ticket per counter, event ids in commit order for the live streams) holds
//!   across instances. A crashed instance's lock ends with its connection. Commits are
//!   announced with `NOTIFY`, so live streams on every instance wake up.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use sha2::{Digest, Sha256};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyConnection, AnyPool, ConnectOptions, Connection, Executor};

/// Where the data lives, as configured.
#[derive(Clone, Debug)]
pub enum Location {
    /// The SQLite file [`super::DATABASE_FILE`] in this folder, growing to at most `max_mb`.
    Sqlite { dir: PathBuf, max_mb: Option<u32> },
    /// A PostgreSQL database; `schema` holds one office's tables.
    Postgres { url: String, schema: String },
}

impl Location {
    /// Where the data lives, for explaining a fault (see `faults.rs`).
    pub fn place(&self) -> super::faults::Place {
        match self {
            Self::Sqlite { dir, max_mb } => {
                super::faults::Place::Sqlite { dir: dir.display().to_string(), max_mb: *max_mb }
            }
            Self::Postgres { url, .. } => super::faults::Place::Postgres(without_password(url)),
        }
    }

    /// For messages: the file, or the database without its password.
    pub fn describe(&self) -> String {
        match self {
            Self::Sqlite { dir, .. } => dir.join(super::DATABASE_FILE).display().to_string(),
            Self::Postgres { url, schema } => format!("{} (schema {schema})", without_password(url)),
        }
    }
}

/// The PostgreSQL channel every instance listens on; payloads name the office's schema.
pub const CHANNEL: &str = "willkommen";

/// How this process reaches its database.
#[derive(Debug)]
pub enum Backend {
    Sqlite,
    Postgres {
        url: String,
        schema: String,
        /// The office's advisory lock: writers of one office take turns, offices do not wait
        /// for each other.
        lock_key: i64,
        /// Tells this instance's own notifications apart from other instances'.
        instance: String,
    },
}

/// A read pool and a one-connection write pool (see `Store::write_pool`).
pub struct Pools {
    pub read: AnyPool,
    pub write: AnyPool,
    pub backend: Backend,
}

/// Opens the database and brings its schema up to date.
pub async fn open(location: &Location) -> anyhow::Result<Pools> {
    sqlx::any::install_default_drivers();
    match location {
        Location::Sqlite { dir, max_mb } => open_sqlite(dir, *max_mb).await,
        Location::Postgres { url, schema } => open_postgres(url, schema).await,
    }
}

async fn open_sqlite(data_dir: &Path, max_mb: Option<u32>) -> anyhow::Result<Pools> {
    let path = prepare_data_dir(data_dir)?;
    let url = SqliteConnectOptions::new().filename(&path).create_if_missing(true).to_url_lossy();
    let options = AnyConnectOptions::from_url(&url)?;
    // SQLite's limit is per connection; every connection of the pools gets it.
    let size_limit = max_mb.map(|megabytes| format!("PRAGMA max_page_count = {};", max_pages(megabytes)));
    let pool = |connections: u32| {
        let size_limit = size_limit.clone();
        AnyPoolOptions::new().max_connections(connections).after_connect(move |conn, _| {
            let size_limit = size_limit.clone();
            Box::pin(async move {
                // WAL lets kiosks read while a ticket is written; FULL makes every
                // acknowledged ticket survive a crash or power cut, at one fsync per ticket.
                // Another program's write lock (an sqlite3 shell) is waited for 5 s, then
                // answered as a fault (see `faults.rs`) rather than holding kiosks longer.
                // Deleted answers are overwritten in the file, not just unlinked.
                conn.execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;
                     PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;",
                )
                .await?;
                if let Some(size_limit) = size_limit {
                    conn.execute(size_limit.as_str()).await?;
                }
                Ok(())
            })
        })
    };
    let read = pool(4)
        .connect_with(options.clone())
        .await
        .with_context(|| format!("cannot open the database {}", path.display()))?;
    let write = pool(1).connect_with(options).await?;
    migrate(sqlx::migrate!("./migrations/sqlite"), &read, &path.display().to_string()).await?;
    Ok(Pools { read, write, backend: Backend::Sqlite })
}

async fn open_postgres(url: &str, schema: &str) -> anyhow::Result<Pools> {
    let shown = format!("{} (schema {schema})", without_password(url));
    let url = named_connections(url, schema).context("the database URL is not a URL")?;
    let url = url.as_str();
    let options = AnyConnectOptions::from_url(&url.parse().context("the database URL is not a URL")?)
        .with_context(|| format!("cannot use the database {shown}"))?;
    {
        // The office's schema must exist before connections put it on their search path.
        let mut conn = AnyConnection::connect_with(&options)
            .await
            .with_context(|| format!("cannot connect to the database {shown}"))?;
        create_schema(&mut conn, schema).await.with_context(|| format!("cannot create the schema in {shown}"))?;
        conn.close().await?;
    }
    let search_path = format!("SET search_path TO {schema}");
    let pool = |connections: u32| {
        let search_path = search_path.clone();
        AnyPoolOptions::new().max_connections(connections).acquire_timeout(Duration::from_secs(5)).after_connect(
            move |conn, _| {
                let search_path = search_path.clone();
                Box::pin(async move {
                    conn.execute(search_path.as_str()).await?;
                    Ok(())
                })
            },
        )
    };
    let read = pool(8).connect_with(options.clone()).await.with_context(|| format!("cannot connect to {shown}"))?;
    let write = pool(1).connect_with(options).await?;
    migrate(sqlx::migrate!("./migrations/postgres"), &read, &shown).await?;
    let backend = Backend::Postgres {
        url: url.to_owned(),
        schema: schema.to_owned(),
        lock_key: lock_key(schema),
        instance: crate::ticket_id::random_ticket_id()?.as_str().to_owned(),
    };
    Ok(Pools { read, write, backend })
}

/// Brings the database's schema up to this release's. A database that a newer release has
/// already migrated is refused with what to do, instead of being used by code that does not
/// know its tables: going back to an older release means restoring the backup taken before
/// the upgrade (docs/deployment.md).
async fn migrate(migrator: sqlx::migrate::Migrator, pool: &sqlx::AnyPool, shown: &str) -> anyhow::Result<()> {
    match migrator.run(pool).await {
        Ok(()) => Ok(()),
        Err(sqlx::migrate::MigrateError::VersionMissing(version)) => Err(anyhow::anyhow!(
            "the database {shown} was updated by a newer release of Willkommen (migration {version}), \
             which this release does not know: run the newer release, or restore the backup taken \
             before the upgrade"
        )),
        Err(error) => Err(anyhow::Error::new(error).context(format!("cannot update the database schema in {shown}"))),
    }
}

/// The URL with `application_name=willkommen <schema>` unless it names one: an operator
/// looking at `pg_stat_activity` sees which office's server holds each connection.
fn named_connections(url: &str, schema: &str) -> Result<url::Url, url::ParseError> {
    let mut parsed = url::Url::parse(url)?;
    if !parsed.query_pairs().any(|(name, _)| name == "application_name") {
        parsed.query_pairs_mut().append_pair("application_name", &format!("willkommen {schema}"));
    }
    Ok(parsed)
}

/// `CREATE SCHEMA IF NOT EXISTS` is not safe against a second instance starting at the same
/// moment (both may try to create it); the loser finds it on its second look.
async fn create_schema(conn: &mut AnyConnection, schema: &str) -> anyhow::Result<()> {
    let statement = format!("CREATE SCHEMA IF NOT EXISTS {schema}");
    if conn.execute(statement.as_str()).await.is_err() {
        conn.execute(statement.as_str()).await?;
    }
    Ok(())
}

impl Backend {
    /// The statement that opens a write transaction.
    pub fn begin_statement(&self) -> &'static str {
        match self {
            // Takes SQLite's write lock at once, so every rule checked inside sees the final state.
            Self::Sqlite => "BEGIN IMMEDIATE",
            Self::Postgres { .. } => "BEGIN",
        }
    }

    /// Runs right after a write transaction began: on PostgreSQL, waits for this office's
    /// advisory lock, held until commit or rollback (or until the connection dies).
    pub async fn take_write_turn(&self, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
        if let Self::Postgres { lock_key, .. } = self {
            sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(*lock_key).execute(conn).await?;
        }
        Ok(())
    }

    /// Inside a write transaction: tells the other instances, when it commits, what changed.
    pub async fn announce(&self, conn: &mut AnyConnection, what: Announcement) -> Result<(), sqlx::Error> {
        if let Self::Postgres { schema, instance, .. } = self {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(format!("{schema} {instance} {}", what.as_str()))
                .execute(conn)
                .await?;
        }
        Ok(())
    }
}

/// What a committed write changed, for the other instances.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Announcement {
    /// New ticket events: live streams re-read.
    Events,
    /// A new configuration version: kiosks reload.
    Published,
}

impl Announcement {
    fn as_str(self) -> &'static str {
        match self {
            Self::Events => "events",
            Self::Published => "published",
        }
    }

    /// Reads a notification's payload: what changed, if it is about `schema` and came from
    /// another instance than `instance`.
    pub fn parse(payload: &str, schema: &str, instance: &str) -> Option<Self> {
        let mut parts = payload.split(' ');
        let (of, from, what) = (parts.next()?, parts.next()?, parts.next()?);
        if of != schema || from == instance {
            return None;
        }
        match what {
            "events" => Some(Self::Events),
            "published" => Some(Self::Published),
            _ => None,
        }
    }
}

/// SQLite's pages (4 KiB, its default) in `megabytes` MB.
fn max_pages(megabytes: u32) -> u64 {
    u64::from(megabytes) * 1_000_000 / 4096
}

/// A stable 64-bit key per office for `pg_advisory_xact_lock`.
fn lock_key(schema: &str) -> i64 {
    let digest = Sha256::digest(format!("willkommen writers {schema}"));
    i64::from_be_bytes(digest[..8].try_into().expect("a SHA-256 digest has 32 bytes"))
}

/// The URL with its password replaced, for messages and logs.
pub fn without_password(url: &str) -> String {
    match url.parse::<url::Url>() {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        Ok(parsed) => parsed.to_string(),
        Err(_) => "(unreadable URL)".into(),
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
    Ok(data_dir.join(super::DATABASE_FILE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notifications_are_read_only_for_this_office_and_from_other_instances() {
        assert_eq!(Announcement::parse("office_a i2 events", "office_a", "i1"), Some(Announcement::Events));
        assert_eq!(Announcement::parse("office_a i2 published", "office_a", "i1"), Some(Announcement::Published));
        assert_eq!(Announcement::parse("office_b i2 events", "office_a", "i1"), None);
        assert_eq!(Announcement::parse("office_a i1 events", "office_a", "i1"), None);
        assert_eq!(Announcement::parse("garbage", "office_a", "i1"), None);
    }

    #[test]
    fn offices_take_turns_on_different_locks() {
        assert_ne!(lock_key("office_a"), lock_key("office_b"));
        assert_eq!(lock_key("office_a"), lock_key("office_a"));
    }

    #[test]
    fn connections_are_named_after_the_office_unless_the_url_names_them() {
        let named = named_connections("postgres://w@db/willkommen?sslmode=require", "office_a").unwrap();
        assert_eq!(named.query(), Some("sslmode=require&application_name=willkommen+office_a"));
        let own = named_connections("postgres://w@db/willkommen?application_name=mine", "office_a").unwrap();
        assert_eq!(own.query(), Some("application_name=mine"));
    }

    #[test]
    fn passwords_stay_out_of_messages() {
        let shown = without_password("postgres://willkommen:secret@db.example:5432/willkommen");
        assert!(!shown.contains("secret"), "{shown}");
        assert!(shown.contains("db.example"), "{shown}");
    }
}
