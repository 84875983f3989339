//! Where the benchmark's servers keep their data: SQLite (the default), one file in each
//! server's data folder; or PostgreSQL (`--database-url`), where each data folder stands for
//! a schema of its own in the one database, as in the integration tests (`tests/common`).
//! Every server started on a data folder, and the benchmark's own reads of what was stored,
//! thus find the same data on either database.
//!
//! The schemas stay in the database after the run: give the benchmark a throwaway one
//! (`cargo xtask bench api --postgres` does).

use std::ffi::OsString;
use std::hash::{Hash, Hasher};
use std::path::Path;

use anyhow::Context;
use sqlx::any::AnyConnectOptions;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyConnection, ConnectOptions, Connection, Executor};

#[derive(Clone, Debug)]
pub enum Storage {
    Sqlite,
    Postgres { url: String },
}

impl Storage {
    pub fn new(database_url: Option<&str>) -> Self {
        match database_url {
            Some(url) => Self::Postgres { url: url.to_owned() },
            None => Self::Sqlite,
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Self::Postgres { .. })
    }

    /// The server options that put a server's data in `data_dir`, or in its schema.
    pub fn server_args(&self, data_dir: &Path) -> Vec<OsString> {
        let mut args: Vec<OsString> = vec!["--data-dir".into(), data_dir.into()];
        if let Self::Postgres { url } = self {
            args.extend(["--database-url".into(), url.into(), "--database-schema".into(), schema_for(data_dir).into()]);
        }
        args
    }

    /// A connection to what the servers of `data_dir` stored; read-only on SQLite, where the
    /// file is opened after its server has stopped.
    pub async fn connect(&self, data_dir: &Path) -> anyhow::Result<AnyConnection> {
        self.open(data_dir, true).await
    }

    /// A connection to write into the data of `data_dir` while no server runs on it.
    pub async fn connect_writable(&self, data_dir: &Path) -> anyhow::Result<AnyConnection> {
        self.open(data_dir, false).await
    }

    async fn open(&self, data_dir: &Path, read_only: bool) -> anyhow::Result<AnyConnection> {
        sqlx::any::install_default_drivers();
        match self {
            Self::Sqlite => {
                let file = data_dir.join(willkommen_server::DATABASE_FILE);
                let url = SqliteConnectOptions::new().filename(&file).read_only(read_only).to_url_lossy();
                let options = AnyConnectOptions::from_url(&url)?;
                AnyConnection::connect_with(&options).await.with_context(|| format!("cannot open {}", file.display()))
            }
            Self::Postgres { url } => {
                let mut connection =
                    AnyConnection::connect(url).await.context("cannot connect to the PostgreSQL database")?;
                connection.execute(format!("SET search_path TO {}", schema_for(data_dir)).as_str()).await?;
                Ok(connection)
            }
        }
    }
}

/// A new schema name for each data folder (a new temporary folder has a new path).
fn schema_for(data_dir: &Path) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data_dir.hash(&mut hasher);
    format!("bench_{:016x}", hasher.finish())
}
