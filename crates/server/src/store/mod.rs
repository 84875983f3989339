//! Everything Willkommen keeps: the office, its concerns and checklists, counters, accounts
//! and the tickets, in an SQLite file or a PostgreSQL schema (see `backend.rs`). All SQL
//! lives in this module, written once for both databases, one file per subject: the
//! visitor's `tickets`, the `staff` side of the queue, the `office_config` with its versions
//! and draft, `accounts`, the `audit` trail, the live streams' `events`, and so on.
//!
//! This file is the handle every request shares and the one rule every write follows: it
//! runs in [`Store::write_transaction`], which holds the office's write lock from its start.
//! Reads return plain records; turning them into the API's JSON is `api`'s job.

mod accounts;
mod admin_accounts;
mod audit;
mod backend;
mod backup;
mod display;
mod events;
mod kiosk;
mod listener;
mod office;
mod office_config;
mod office_tables;
mod retention;
mod staff;
mod tickets;
mod types;

pub use audit::AuditFilter;
pub use backend::Location;
pub use backup::{BackupReport, backup_sqlite};
pub use events::DISPLAY_PAGE;
pub use office_config::DraftRecord;
pub use retention::RetentionReport;
pub use staff::RequiredItems;
pub use tickets::{IssueContext, TicketRecord, TicketView};

use std::sync::Arc;

use sqlx::{AnyConnection, AnyPool};

use crate::error::AppResult;
use crate::seed::Seed;
use backend::{Announcement, Backend};

/// The database file inside the data folder.
pub const DATABASE_FILE: &str = "willkommen.db";

/// A handle to the database; cheap to clone, shared by all requests.
#[derive(Clone)]
pub struct Store {
    /// For reading (and for the few writes outside [`Store::write_transaction`]).
    pool: AnyPool,
    /// The writers' own connection: a ticket never waits for a connection behind hundreds of
    /// live streams re-reading the queue after each change.
    write_pool: AnyPool,
    backend: Arc<Backend>,
    /// Bumped after every commit that recorded ticket events (here or, on PostgreSQL, by
    /// another instance); see `events.rs`.
    changes: Arc<tokio::sync::watch::Sender<Option<u64>>>,
    /// One writer of this process at a time, first come first served; see
    /// [`Store::write_transaction`].
    writer: Arc<tokio::sync::Mutex<()>>,
    /// The newest published configuration version, for the kiosks' live stream.
    published: Arc<tokio::sync::watch::Sender<i64>>,
    /// Hears other instances' commits (PostgreSQL only); stopped by [`Store::close`].
    listener: Arc<std::sync::Mutex<Option<tokio::task::AbortHandle>>>,
}

/// A write transaction together with this process's writer turn.
pub(crate) struct WriteTransaction {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl WriteTransaction {
    pub(crate) async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl std::ops::Deref for WriteTransaction {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTransaction {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

impl Store {
    /// Opens (creating if needed) the database and brings its schema up to date.
    pub async fn open(location: &Location) -> anyhow::Result<Self> {
        let backend::Pools { read: pool, write: write_pool, backend } = backend::open(location).await?;
        let (changes, _) = tokio::sync::watch::channel(Some(0));
        let newest: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM config_versions").fetch_one(&pool).await?;
        let (published, _) = tokio::sync::watch::channel(newest);
        let store = Self {
            pool,
            write_pool,
            backend: Arc::new(backend),
            changes: Arc::new(changes),
            writer: Arc::new(tokio::sync::Mutex::new(())),
            published: Arc::new(published),
            listener: Arc::default(),
        };
        store.listen_to_other_instances().await?;
        Ok(store)
    }

    /// Stores the demo office (as configuration version 1) and the demo accounts unless an
    /// office exists already. Returns whether it did.
    pub async fn seed_if_empty(&self, seed: &Seed) -> anyhow::Result<bool> {
        let mut tx = self.write_transaction().await?;
        let offices: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM office").fetch_one(&mut *tx).await?;
        if offices > 0 {
            return Ok(false);
        }
        self.seed_config(&mut tx, &seed.office).await?;
        for account in &seed.demo_accounts {
            accounts::insert_account(
                &mut tx,
                &account.username,
                &account.display_name,
                account.role,
                &crate::auth::hash_password(&account.password)?,
            )
            .await?;
        }
        tx.commit().await?;
        self.published.send_replace(1);
        Ok(true)
    }

    /// A transaction that holds the office's write lock from its start (SQLite's, or on
    /// PostgreSQL the office's advisory lock, see `backend.rs`), so every rule checked inside
    /// sees the final state.
    ///
    /// Writers of this process first wait their turn on a fair (FIFO) async mutex. SQLite
    /// alone would make them retry with growing sleeps, which under load left some kiosks
    /// waiting over a second while others went ahead; the busy timeout stays as a backstop
    /// for other processes (a backup, say).
    async fn write_transaction(&self) -> AppResult<WriteTransaction> {
        let turn = self.writer.clone().lock_owned().await;
        let mut tx = self.write_pool.begin_with(self.backend.begin_statement()).await?;
        self.backend.take_write_turn(&mut tx).await?;
        Ok(WriteTransaction { tx, _turn: turn })
    }

    /// Commits a write that recorded ticket events and wakes the live streams, on every
    /// instance.
    async fn commit_events(&self, mut tx: WriteTransaction) -> AppResult<()> {
        self.backend.announce(&mut tx, Announcement::Events).await?;
        tx.commit().await?;
        self.changed();
        Ok(())
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> anyhow::Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Waits for pending writes and closes the database cleanly.
    pub async fn close(&self) {
        if let Some(listener) = self.listener.lock().map(|mut listener| listener.take()).ok().flatten() {
            listener.abort();
        }
        self.pool.close().await;
        self.write_pool.close().await;
    }
}
