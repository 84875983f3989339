//! The live streams of an instance share one reader of the database.
//!
//! Every commit can change every waiting visitor's place and every display's list of calls.
//! Before, each stream asked the database on its own after every commit: five queries per
//! phone, two per display. Now one task per instance reads what the streams need after each
//! commit, once, and hands it to them in memory:
//! - the newest event, and the calls since the last read, while displays follow: a
//!   [`Snapshot`] over a broadcast channel;
//! - every waiting ticket's place and wait, while phones follow: kept as a copy of the
//!   waiting queue (`waiting.rs`) and told to each phone through its ticket's watch.
//!
//! Each stream derives from it what its client must hear: a display the calls (`display.rs`),
//! a staff desk that the queue changed (`queue.rs`). Phones are told through a watch per
//! followed ticket, and only when what they show changes (`tickets.rs`, `phone.rs`). A stream
//! reads the database itself only for what the reader cannot tell it: its start, a ticket that
//! stopped waiting, and catching up after a display fell [`BEHIND_AT_MOST`] snapshots behind
//! (only a client that does not read can make its stream fall behind; the others never wait
//! for it).
//!
//! Other instances' commits reach the reader as they reach every stream: through the store's
//! change feed (`LISTEN/NOTIFY` with PostgreSQL).

mod display;
mod phone;
mod queue;
mod tickets;
mod waiting;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::broadcast;
use willkommen_api as json;

use crate::error::{AppError, AppResult};
use crate::store::{DISPLAY_PAGE, Store};

pub use display::follow_calls;
pub use phone::follow_ticket;
pub use queue::follow_queue;
pub use tickets::{Following, NewsKind};

/// Snapshots a stream may fall behind before it stops waiting for the ones it missed and
/// reads for itself. The server writes no faster than a client reads, so only a slow client's
/// stream falls behind.
const BEHIND_AT_MOST: usize = 64;

/// The most events the reader goes through at once; past that it reads the queue whole.
const EVENTS_AT_MOST: i64 = 10_000;

/// The least time between two reads: commits that come faster are read together, so a burst
/// of tickets costs the streams a few snapshots, not one per ticket.
const READ_AT_MOST_EVERY: Duration = Duration::from_millis(40);

/// What the displays and desks need to know after a commit.
pub struct Snapshot {
    /// The newest event the previous snapshot covered. Snapshots without calls are not sent
    /// while no desk follows, so this may be older than the reader's last read: no call went
    /// unsent in between.
    previous: i64,
    /// The newest event when this one was read.
    newest: i64,
    /// The calls and recalls after `previous` up to `newest`, oldest first; `None` when no
    /// display followed or there were more than a display reads at once.
    calls: Option<Vec<(i64, json::DisplayCall)>>,
}

/// The instance's reader, for the streams to subscribe to.
#[derive(Clone)]
pub struct LiveFeed {
    /// Weak: when the reader ends (the server shuts down), every stream hears it close.
    snapshots: broadcast::WeakSender<Arc<Snapshot>>,
    displays: Arc<AtomicUsize>,
    desks: Arc<AtomicUsize>,
    tickets: tickets::FollowedTickets,
    /// The newest event of the reader's last read; 0 before its first.
    newest: Arc<AtomicI64>,
}

impl LiveFeed {
    /// Starts the instance's reader; it ends when the store closes its streams.
    pub fn start(store: Store) -> Self {
        let (snapshots, _) = broadcast::channel(BEHIND_AT_MOST);
        let feed = Self {
            snapshots: snapshots.downgrade(),
            displays: Arc::default(),
            desks: Arc::default(),
            tickets: Default::default(),
            newest: Arc::default(),
        };
        tokio::spawn(read_after_each_commit(store, snapshots, feed.clone()));
        feed
    }

    /// The newest event the reader has read, if it has read yet: where a phone's stream starts
    /// without asking the database (its ids only mark where it is).
    pub fn newest(&self) -> Option<i64> {
        Some(self.newest.load(Ordering::Relaxed)).filter(|newest| *newest > 0)
    }

    /// The news of ticket `id` as the phones following it hear it, for whoever else must
    /// follow a ticket (the pushes to its phone); `None` once the server is shutting down.
    pub fn follow_ticket(&self, id: &str) -> Option<Following> {
        self.tickets.follow(id)
    }

    /// Snapshots from now on, `None` once the server is shutting down; `counted` (the
    /// displays or the desks) tells the reader what to read and send while the subscription
    /// lasts. Counted before it returns, so a commit after the subscriber's first read is
    /// read and sent for it.
    fn subscribe(&self, counted: &Arc<AtomicUsize>) -> Option<Subscription> {
        let snapshots = self.snapshots.upgrade()?.subscribe();
        counted.fetch_add(1, Ordering::SeqCst);
        Some(Subscription { snapshots, counted: counted.clone() })
    }
}

/// A stream's subscription to the reader.
struct Subscription {
    snapshots: broadcast::Receiver<Arc<Snapshot>>,
    counted: Arc<AtomicUsize>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.counted.fetch_sub(1, Ordering::Relaxed);
    }
}

/// What a stream hears next from the reader.
enum Heard {
    Snapshot(Arc<Snapshot>),
    /// It fell behind and missed snapshots: it must read for itself.
    MissedSome,
    /// The server is shutting down.
    Closed,
}

impl Subscription {
    async fn next(&mut self) -> Heard {
        match self.snapshots.recv().await {
            Ok(snapshot) => Heard::Snapshot(snapshot),
            Err(broadcast::error::RecvError::Lagged(_)) => Heard::MissedSome,
            Err(broadcast::error::RecvError::Closed) => Heard::Closed,
        }
    }
}

async fn read_after_each_commit(store: Store, snapshots: broadcast::Sender<Arc<Snapshot>>, feed: LiveFeed) {
    let mut changes = store.subscribe();
    let mut waiting = waiting::WaitingQueue::default();
    // Unread at start (a fault), the first read names every ticket with events as touched.
    let mut previous = store.latest_event_id().await.unwrap_or_default();
    // The `previous` of the next snapshot sent: no call after it went unsent.
    let mut covered = previous;
    loop {
        // Seen before reading, so a commit during the read wakes the reader again.
        if changes.borrow_and_update().is_none() {
            break;
        }
        let started = tokio::time::Instant::now();
        // Without a stream following there is nothing to read; the next read then covers
        // everything since the last one.
        let phones = !feed.tickets.is_empty();
        if phones || snapshots.receiver_count() > 0 {
            let read =
                read_once(&store, &feed, &snapshots, phones.then_some(&mut waiting), &mut previous, &mut covered);
            match read.await {
                Ok(()) => {}
                // The store reports a fault once and, when it ends, wakes every reader.
                Err(AppError::StorageUnavailable(fault)) => {
                    waiting.forget();
                    store.report_fault(fault);
                }
                Err(error) => {
                    waiting.forget();
                    tracing::warn!(%error, "the live streams' reader could not read the queue");
                }
            }
        }
        if !phones {
            // Nobody follows a ticket: the copy would go stale unseen.
            waiting.forget();
        }
        tokio::time::sleep_until(started + READ_AT_MOST_EVERY).await;
        let issued_due = waiting.issued_due_at();
        tokio::select! {
            changed = changes.changed() => if changed.is_err() { break },
            () = feed.tickets.wake_reader.notified() => {}
            () = sleep_until_some(issued_due) => {}
        }
    }
    feed.tickets.close();
}

/// One read after commits: the displays' and desks' snapshot first, since they do not wait
/// for the phones' places, then the phones' (`waiting`, while phones follow). Moves
/// `previous` (the last read) and `covered` (see [`Snapshot::previous`]) on.
async fn read_once(
    store: &Store,
    feed: &LiveFeed,
    snapshots: &broadcast::Sender<Arc<Snapshot>>,
    waiting: Option<&mut waiting::WaitingQueue>,
    previous: &mut i64,
    covered: &mut i64,
) -> AppResult<()> {
    let snapshot = read_calls(store, *previous, feed).await?;
    let newest = snapshot.newest;
    // Desks hear of every change; displays only of calls, or that they must read for
    // themselves (`None`). A thousand displays woken after every ticket issued, to find no
    // call, would slow the kiosks down. Counted after the read: a desk counted later read the
    // newest event itself.
    let desks = feed.desks.load(Ordering::SeqCst) > 0;
    if desks || snapshot.calls.as_ref().is_none_or(|calls| !calls.is_empty()) {
        let _ = snapshots.send(Arc::new(Snapshot { previous: *covered, ..snapshot }));
        *covered = newest;
    }
    let told = match waiting {
        Some(waiting) => tell_phones(store, *previous, newest, feed, waiting).await,
        None => Ok(()),
    };
    *previous = newest;
    feed.newest.store(newest, Ordering::Relaxed);
    told
}

/// Reads the newest event and, while displays follow, the calls since `previous`.
async fn read_calls(store: &Store, previous: i64, feed: &LiveFeed) -> AppResult<Snapshot> {
    let newest = store.latest_event_id().await?;
    let calls = if feed.displays.load(Ordering::SeqCst) == 0 {
        None
    } else if newest > previous {
        let calls = store.display_calls_between(previous, newest).await?;
        (calls.len() < DISPLAY_PAGE).then_some(calls)
    } else {
        Some(Vec::new())
    };
    Ok(Snapshot { previous, newest, calls })
}

/// Brings the copy of the queue up to event `newest` and tells the phones what changed.
async fn tell_phones(
    store: &Store,
    previous: i64,
    newest: i64,
    feed: &LiveFeed,
    waiting: &mut waiting::WaitingQueue,
) -> AppResult<()> {
    // After a long time without phones, the phones that just came read their tickets
    // themselves once rather than the reader going through every event since.
    if newest - previous > EVENTS_AT_MOST {
        waiting.forget();
        waiting.update(store, Vec::new(), true).await?;
        feed.tickets.tell(newest, waiting.places(store), None);
    } else {
        let events = store.events_between(previous, newest).await?;
        if let Some(events) = waiting.update(store, events, !feed.tickets.has_read()).await? {
            let touched = events.iter().map(|(id, _)| id.as_str()).collect();
            feed.tickets.tell(newest, waiting.places(store), Some(&touched));
        }
    }
    Ok(())
}

/// Sleeps until `at`, or for ever without it.
async fn sleep_until_some(at: Option<tokio::time::Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}
