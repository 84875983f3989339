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
mod appointments;
mod audit;
mod backend;
mod backup;
mod check_in;
mod clock_steps;
mod display;
mod events;
mod faults;
mod health;
mod kiosk;
mod listener;
mod live_board;
mod office;
mod office_config;
mod office_tables;
mod oidc;
mod push_keys;
mod push_subscriptions;
mod retention;
mod staff;
mod statistics;
mod statistics_months;
mod tickets;
mod types;
mod wait_targets;
mod waiting_views;

pub use appointments::{AppointmentEntry, AppointmentRecord, Source, Stored};
pub use audit::AuditFilter;
pub use backend::Location;
pub use backup::{BackupReport, backup_sqlite};
pub use check_in::CheckInContext;
pub use clock_steps::CLOCK_CHECK_EVERY;
pub use events::DISPLAY_PAGE;
pub use faults::StorageFault;
pub use health::Readiness;
pub use office_config::DraftRecord;
pub use oidc::{OIDC_LOGIN_LIFETIME, PendingLogin, ProviderPerson, ProviderSignIn};
pub use push_subscriptions::{PushRules, PushSubscriptionRecord};
pub use retention::RetentionReport;
pub use staff::RequiredItems;
pub use tickets::{IssueContext, TicketRecord, TicketView};
pub use waiting_views::{Place, QueueBasis, places};

use std::sync::Arc;

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Executor};

use crate::error::{AppError, AppResult};
use crate::office_clock::OfficeClock;
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
    /// The office's time; see `office_clock.rs`.
    clock: Arc<OfficeClock>,
    /// Whether the database takes writes; see `health.rs`.
    health: Arc<health::StorageHealth>,
    /// Hears other instances' commits (PostgreSQL only); stopped by [`Store::close`].
    listener: Arc<std::sync::Mutex<Option<tokio::task::AbortHandle>>>,
}

/// A write transaction together with this process's writer turn.
///
/// It is begun and ended with plain `BEGIN`/`COMMIT`/`ROLLBACK` on a connection of its own
/// rather than with `sqlx::Transaction`: after a failed commit (a full disk) sqlx's own
/// bookkeeping kept the connection "inside" the dead transaction, and every later write
/// failed until a restart. Here a transaction whose end is in doubt takes its connection
/// with it, and the pool opens a fresh one.
pub(crate) struct WriteTransaction {
    /// `None` once committed or handed to the rollback.
    conn: Option<PoolConnection<Any>>,
    /// Held until the transaction has ended, rollback included.
    turn: Option<tokio::sync::OwnedMutexGuard<()>>,
    store: Store,
    writer: Writer,
}

/// Who writes: a request, or the health probe, whose success alone ends a storage fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Writer {
    Request,
    Probe,
}

impl WriteTransaction {
    /// Commits; a failure rolls back (nothing of the transaction stays) and is reported to
    /// the store's health, as a success is.
    pub(crate) async fn commit(mut self) -> Result<(), sqlx::Error> {
        let mut conn = self.conn.take().expect("a transaction is committed once");
        match conn.execute("COMMIT").await {
            Ok(_) => {
                self.store.health.wrote(self.writer == Writer::Probe);
                Ok(())
            }
            // Whether anything stayed is in doubt: roll back, and do not reuse the connection.
            Err(error) => {
                self.store.report(&error);
                roll_back_and_close(conn).await;
                Err(error)
            }
        }
    }
}

impl WriteTransaction {
    /// Rolls back and closes the connection rather than reusing it: after a fault, the next
    /// write opens a fresh one. (SQLite opens a file it may not write read-only, and such a
    /// connection would stay read-only after the owner is fixed.)
    pub(crate) async fn discard(mut self) {
        if let Some(conn) = self.conn.take() {
            roll_back_and_close(conn).await;
        }
    }
}

async fn roll_back_and_close(mut conn: PoolConnection<Any>) {
    let _ = conn.execute("ROLLBACK").await;
    let _ = conn.close().await;
}

/// Ends a transaction that did not commit. A connection that cannot even roll back (SQLite
/// may have rolled back by itself after an I/O error, PostgreSQL may be gone) is closed, not
/// reused.
async fn roll_back(mut conn: PoolConnection<Any>) {
    if conn.execute("ROLLBACK").await.is_err() {
        let _ = conn.close().await;
    }
}

impl Drop for WriteTransaction {
    /// Dropped without a commit (a refused request, an error, a cancelled request): roll back
    /// before the next writer gets its turn.
    fn drop(&mut self) {
        let (Some(mut conn), turn) = (self.conn.take(), self.turn.take()) else { return };
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move {
                    roll_back(conn).await;
                    drop(turn);
                });
            }
            // No runtime left (shutting down): closing the connection rolls back.
            Err(_) => conn.close_on_drop(),
        }
    }
}

impl std::ops::Deref for WriteTransaction {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        self.conn.as_ref().expect("a transaction is used until it ends")
    }
}

impl std::ops::DerefMut for WriteTransaction {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        self.conn.as_mut().expect("a transaction is used until it ends")
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
            clock: Arc::default(),
            health: Arc::new(health::StorageHealth::new(location.place())),
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
    ///
    /// While the database fails with a storage fault (see `health.rs`), this answers
    /// `storage_unavailable` at once: the store is probing for the fault's end itself.
    async fn write_transaction(&self) -> AppResult<WriteTransaction> {
        if let Some(current) = self.health.fault() {
            return Err(AppError::StorageUnavailable(current.fault));
        }
        Ok(self.begin_write(Writer::Request).await?)
    }

    /// [`Store::write_transaction`] without the check for a fault, for the probe.
    async fn begin_write(&self, writer: Writer) -> Result<WriteTransaction, sqlx::Error> {
        let turn = self.writer.clone().lock_owned().await;
        let mut conn = self.write_pool.acquire().await.inspect_err(|error| self.report(error))?;
        let mut retries = 0;
        loop {
            let started = std::time::Instant::now();
            match conn.execute(self.backend.begin_statement()).await {
                Ok(_) => break,
                // SQLite answers some "busy" at once, without waiting its busy timeout (while
                // another program's connection closes, say): those pass; only one that waited
                // the timeout out is a fault.
                Err(error)
                    if retries < 3
                        && started.elapsed() < std::time::Duration::from_secs(1)
                        && StorageFault::of(&error).is_some_and(|fault| fault.kind == faults::FaultKind::Locked) =>
                {
                    retries += 1;
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
                Err(error) => {
                    self.report(&error);
                    let _ = conn.close().await;
                    return Err(error);
                }
            }
        }
        let mut tx = WriteTransaction { conn: Some(conn), turn: Some(turn), store: self.clone(), writer };
        self.backend.take_write_turn(&mut tx).await.inspect_err(|error| self.report(error))?;
        Ok(tx)
    }

    /// Commits a write that recorded ticket events and wakes the live streams, on every
    /// instance.
    async fn commit_events(&self, mut tx: WriteTransaction) -> AppResult<()> {
        self.backend.announce(&mut tx, Announcement::Events).await?;
        tx.commit().await?;
        self.changed();
        Ok(())
    }

    /// The office's time now: the system clock, except while a step of it is held back (see
    /// `office_clock.rs`). Every rule that depends on the time asks this.
    pub fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
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
