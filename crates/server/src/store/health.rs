//! Whether the database takes writes, as the last write found, and getting back to it after
//! a fault (`faults.rs`) without a restart.
//!
//! A write that meets a fault puts the store into the *failing* state: the fault is logged
//! once, in an operator's words; every write is then answered `503 storage_unavailable` at
//! once instead of waiting (say) five seconds each for a lock another program holds; and a
//! probe (a small write that allocates pages and commits, like a ticket) runs every second
//! until one succeeds. Then the store is writable again, which is logged with how long it
//! took. `/readyz` tells a load balancer the same, and probes itself when nothing was written
//! for a while, so a quiet office's full disk is noticed before the next visitor.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::faults::{FaultKind, Place, StorageFault};
use super::{Store, Writer};

/// How often a failing store tries a write again.
const PROBE_EVERY: Duration = Duration::from_secs(1);
/// How recent a successful write makes `/readyz` say ready without writing itself.
const FRESH_WRITE: Duration = Duration::from_secs(5);
/// How long `/readyz` waits for its own probe write.
const READINESS_PATIENCE: Duration = Duration::from_secs(2);
/// A fault of the same kind this soon after one ended is the same fault.
const RELAPSE_WITHIN: Duration = Duration::from_secs(10);
/// How much room a full disk must have again before writes are tried again.
const MIN_FREE_BYTES: u64 = 1024 * 1024;
/// The probe's row is this large, so it needs new pages the way a busy day's tickets do.
const PROBE_BYTES: usize = 8192;

/// The store's view of its database's health; see the module's comment.
#[derive(Debug)]
pub struct StorageHealth {
    place: Place,
    state: Mutex<HealthState>,
    /// One probe at a time.
    probing: tokio::sync::Mutex<()>,
}

#[derive(Debug, Default)]
struct HealthState {
    fault: Option<CurrentFault>,
    last_write: Option<Instant>,
    /// The seconds without writes of faults that have ended.
    unwritable_before: Duration,
    /// The kind of the last fault that ended, and when: the same fault coming back at once is
    /// its relapse, not a new one to log (a lock's holder letting go may leave SQLite busy
    /// for a moment).
    last_ended: Option<(FaultKind, Instant)>,
}

/// The fault the store is failing with, and since when.
#[derive(Clone, Debug)]
pub struct CurrentFault {
    pub fault: StorageFault,
    pub since: Instant,
    pub since_time: jiff::Timestamp,
    /// [`StorageFault::explain`]ed.
    pub explained: String,
    /// A relapse of the fault that ended just before: neither it nor its end is logged.
    relapse: bool,
    /// The kinds this fault showed as and the log has told.
    logged: Vec<FaultKind>,
}

/// What `/readyz` answers.
#[derive(Debug)]
pub enum Readiness {
    Ready,
    NotReady { reason: String, kind: &'static str, since: Option<jiff::Timestamp> },
}

impl StorageHealth {
    pub fn new(place: Place) -> Self {
        Self { place, state: Mutex::default(), probing: tokio::sync::Mutex::default() }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, HealthState> {
        // A panic while holding this lock leaves plain data behind; keep going with it.
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The fault writes are failing with, if any.
    pub fn fault(&self) -> Option<CurrentFault> {
        self.state().fault.clone()
    }

    /// Records a fault; returns whether the store was writable until now (so the caller
    /// starts the recovery). Logs a new fault, or a fault of another kind, once.
    fn failed(&self, fault: StorageFault) -> bool {
        let mut state = self.state();
        let explained = fault.explain(&self.place);
        match &mut state.fault {
            Some(current) if current.fault.kind == fault.kind => false,
            // One fault may show as several (a failing disk: I/O errors, then "read-only"):
            // each kind is logged once while the fault lasts.
            Some(current) => {
                if !current.logged.contains(&fault.kind) && !current.relapse {
                    tracing::error!(fault = fault.kind.as_str(), detail = %fault.detail, "{explained}");
                    current.logged.push(fault.kind);
                }
                current.fault = fault;
                current.explained = explained;
                false
            }
            None => {
                let relapse = state
                    .last_ended
                    .is_some_and(|(kind, ended)| kind == fault.kind && ended.elapsed() < RELAPSE_WITHIN);
                if relapse {
                    tracing::debug!(fault = fault.kind.as_str(), detail = %fault.detail, "the fault is back");
                } else {
                    tracing::error!(
                        fault = fault.kind.as_str(),
                        detail = %fault.detail,
                        "{explained}; no ticket can be issued or called until this is fixed"
                    );
                }
                let (since, since_time) = (Instant::now(), jiff::Timestamp::now());
                let logged = vec![fault.kind];
                state.fault = Some(CurrentFault { fault, since, since_time, explained, relapse, logged });
                true
            }
        }
    }

    /// Records a committed write. Only a probe's ends a fault (`probed`): a request's write
    /// that began before the fault was noticed may still fit where the next would not (free
    /// room in a page), and would make the fault flap.
    pub fn wrote(&self, probed: bool) {
        let mut state = self.state();
        let now = Instant::now();
        state.last_write = Some(now);
        if !probed {
            return;
        }
        if let Some(ended) = state.fault.take() {
            let lasted = now - ended.since;
            state.unwritable_before += lasted;
            state.last_ended = Some((ended.fault.kind, now));
            if ended.relapse {
                tracing::debug!(seconds = lasted.as_secs_f64(), "the fault's relapse is over");
            } else {
                tracing::info!(
                    fault = ended.fault.kind.as_str(),
                    seconds = lasted.as_secs_f64(),
                    "the database takes writes again, after {:.1} s without",
                    lasted.as_secs_f64()
                );
            }
        }
    }

    /// All the seconds the database did not take writes, the current fault's included.
    pub fn unwritable_seconds(&self) -> f64 {
        let state = self.state();
        let current = state.fault.as_ref().map_or(Duration::ZERO, |fault| fault.since.elapsed());
        (state.unwritable_before + current).as_secs_f64()
    }

    /// On SQLite: a disk-full fault while the data folder's disk has less than
    /// [`MIN_FREE_BYTES`] free.
    fn disk_without_room(&self) -> Option<StorageFault> {
        if self.fault().is_none_or(|current| current.fault.kind != FaultKind::DiskFull) {
            return None;
        }
        self.disk_nearly_full()
    }

    /// On SQLite: a disk-full fault if the data folder's disk has less than
    /// [`MIN_FREE_BYTES`] free, whether or not a write failed yet.
    fn disk_nearly_full(&self) -> Option<StorageFault> {
        let Place::Sqlite { dir, .. } = &self.place else { return None };
        let stats = rustix::fs::statvfs(dir.as_str()).ok()?;
        let free = stats.f_bavail.saturating_mul(stats.f_frsize);
        (free < MIN_FREE_BYTES).then(|| StorageFault {
            kind: FaultKind::DiskFull,
            detail: format!("{} KiB free on the disk", free / 1024),
        })
    }

    fn wrote_recently(&self) -> bool {
        self.state().last_write.is_some_and(|at| at.elapsed() < FRESH_WRITE)
    }
}

impl Store {
    /// Whether the database takes writes now, and for how many seconds it did not since the
    /// server started, for `/metrics`.
    pub fn storage_health(&self) -> (bool, f64) {
        (self.health.fault().is_none(), self.health.unwritable_seconds())
    }

    /// Notes a database error met outside a write transaction's own commit (a request's read
    /// or a statement inside the transaction): a storage fault starts the recovery.
    pub fn report(&self, error: &sqlx::Error) {
        if let Some(fault) = StorageFault::of(error) {
            self.report_fault(fault);
        }
    }

    /// Puts the store into the failing state, and starts probing unless it already was.
    pub fn report_fault(&self, fault: StorageFault) {
        if self.health.failed(fault) {
            tokio::spawn(self.clone().recover());
        }
    }

    /// Probes every second until a write succeeds.
    async fn recover(self) {
        loop {
            tokio::time::sleep(PROBE_EVERY).await;
            if self.health.fault().is_none() {
                return; // a probe for /readyz succeeded first
            }
            if self.probe().await {
                // Live streams may have missed a change while reads failed too: look again.
                self.changed();
                return;
            }
        }
    }

    /// One small write that allocates pages and commits, as issuing a ticket does, and is
    /// gone again at once; returns whether it succeeded. Records its outcome (see
    /// [`WriteTransaction::commit`]); a failure that is no storage fault is logged here.
    async fn probe(&self) -> bool {
        let _one_at_a_time = self.health.probing.lock().await;
        // A full disk may still take this small write into space SQLite's log had left over,
        // and fail the next ticket again: wait for real room.
        if let Some(fault) = self.health.disk_without_room() {
            self.report_fault(fault);
            return false;
        }
        let outcome = async {
            let mut tx = self.begin_write(Writer::Probe).await?;
            let written = async {
                // Random bytes: PostgreSQL would compress zeros into a corner of a page.
                let mut filler = vec![0u8; PROBE_BYTES];
                getrandom::fill(&mut filler).map_err(|error| sqlx::Error::Encode(error.to_string().into()))?;
                sqlx::query("INSERT INTO storage_probe (id, filler) VALUES (1, $1)")
                    .bind(filler)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM storage_probe WHERE id = 1").execute(&mut *tx).await
            }
            .await;
            match written {
                Ok(_) => tx.commit().await,
                Err(error) => {
                    tx.discard().await;
                    Err(error)
                }
            }
        }
        .await;
        match outcome {
            Ok(()) => true,
            Err(error) if StorageFault::of(&error).is_some() => {
                self.report(&error);
                false
            }
            Err(error) => {
                tracing::error!(%error, "a test write to the database failed");
                false
            }
        }
    }

    /// Whether the office can issue tickets now: the database answers reads and takes writes.
    pub async fn readiness(&self) -> Readiness {
        if let Some(current) = self.health.fault() {
            return current.into();
        }
        if let Err(error) = self.ping().await {
            self.report(&error);
            return match self.health.fault() {
                Some(current) => current.into(),
                None => not_ready(&format!("the database failed: {error}"), "internal"),
            };
        }
        // Writes may still fit for a while, but the next busy hour's will not: tell the
        // operator now, without refusing visitors yet.
        if let Some(fault) = self.health.disk_nearly_full() {
            let reason = format!("{} ({})", fault.explain(&self.health.place), fault.detail);
            return Readiness::NotReady { reason, kind: fault.kind.as_str(), since: None };
        }
        if self.health.wrote_recently() {
            return Readiness::Ready;
        }
        // The probe goes on in the background if it takes longer than `/readyz` may wait (a
        // lock held elsewhere, say), so its outcome still counts.
        let store = self.clone();
        let probe = tokio::spawn(async move { store.probe().await });
        match tokio::time::timeout(READINESS_PATIENCE, probe).await {
            Ok(Ok(true)) => Readiness::Ready,
            Ok(_) => match self.health.fault() {
                Some(current) => current.into(),
                None => not_ready("a test write to the database failed (see the log)", "internal"),
            },
            Err(_) => not_ready("the database did not take a write within 2 s", "slow"),
        }
    }
}

impl From<CurrentFault> for Readiness {
    fn from(current: CurrentFault) -> Self {
        Self::NotReady { reason: current.explained, kind: current.fault.kind.as_str(), since: Some(current.since_time) }
    }
}

fn not_ready(reason: &str, kind: &'static str) -> Readiness {
    Readiness::NotReady { reason: reason.to_owned(), kind, since: None }
}
