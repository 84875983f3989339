//! The visitors' phones follow their tickets through one reader per server instance.
//!
//! Every commit can change every waiting visitor's place. Before, each phone's stream asked the
//! database on its own after every commit (five queries per phone). Now one task reads, after
//! each commit, what the phones need: the newest event, the tickets that had events, and
//! every waiting ticket's place and wait ([`Store::waiting_views`]). It hands that to every
//! phone's stream in memory. A stream asks the database itself only for its own ticket, and
//! only when the ticket has stopped waiting and something happened to it, or when it fell
//! too far behind the reader.
//!
//! Other instances' commits reach the reader as they reach every stream: through the store's
//! change feed (`LISTEN/NOTIFY` with PostgreSQL).

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use axum::response::sse::Event;
use tokio::sync::broadcast;

use super::events::{BoxedEvents, RETRY};
use crate::error::{AppError, AppResult};
use crate::metrics::OpenStream;
use crate::store::{Store, TicketView};

/// Snapshots a phone's stream may fall behind before it stops waiting for the ones it missed
/// and asks for its ticket itself. A stream falls behind only when its client reads slowly
/// (the server writes no more than the client takes); the others never wait for it.
const BEHIND_AT_MOST: usize = 64;

/// What the phones need to know after a commit.
pub struct Snapshot {
    /// The newest event when it was read: the id of the events sent for it.
    newest: i64,
    /// The tickets that had an event since the previous snapshot.
    touched: HashSet<String>,
    /// Every waiting ticket, as `GET /tickets/{id}` shows it.
    waiting: HashMap<String, TicketView>,
}

/// The reader's output, for the phones' streams to subscribe to.
#[derive(Clone)]
pub struct TicketFeed {
    snapshots: broadcast::Sender<Arc<Snapshot>>,
}

impl TicketFeed {
    /// Starts the instance's reader; it ends when the store closes its streams.
    pub fn start(store: Store) -> Self {
        let (snapshots, _) = broadcast::channel(BEHIND_AT_MOST);
        tokio::spawn(read_after_each_commit(store, snapshots.clone()));
        Self { snapshots }
    }

    fn subscribe(&self) -> broadcast::Receiver<Arc<Snapshot>> {
        self.snapshots.subscribe()
    }
}

async fn read_after_each_commit(store: Store, snapshots: broadcast::Sender<Arc<Snapshot>>) {
    let mut changes = store.subscribe();
    // Unread at start (a fault), the first snapshot names every ticket with events as touched.
    let mut after = store.latest_event_id().await.unwrap_or_default();
    loop {
        // Seen before reading, so a commit during the read wakes the reader again.
        if changes.borrow_and_update().is_none() {
            return;
        }
        // Without a phone following there is nothing to read; the next snapshot then covers
        // every ticket touched since the last one.
        if snapshots.receiver_count() > 0 {
            match read(&store, after).await {
                Ok(snapshot) => {
                    after = snapshot.newest;
                    let _ = snapshots.send(Arc::new(snapshot));
                }
                // The store reports a fault once and, when it ends, wakes every reader.
                Err(AppError::StorageUnavailable(fault)) => store.report_fault(fault),
                Err(error) => tracing::warn!(%error, "the phones' live feed could not read the queue"),
            }
        }
        if changes.changed().await.is_err() {
            return;
        }
    }
}

async fn read(store: &Store, after: i64) -> AppResult<Snapshot> {
    let newest = store.latest_event_id().await?;
    let touched = store.tickets_with_events_between(after, newest).await?;
    let waiting = store.waiting_views().await?;
    Ok(Snapshot { newest, touched, waiting })
}

/// One phone's stream of its ticket `id`, starting with its current state.
pub fn follow_ticket(
    feed: &TicketFeed,
    store: Store,
    id: String,
    public_url: Arc<str>,
    start: i64,
    open: OpenStream,
) -> BoxedEvents {
    // Subscribed before the first read, so no commit after that read is missed.
    let phone = Phone {
        snapshots: feed.subscribe(),
        closing: store.subscribe(),
        store,
        id,
        public_url,
        newest: start,
        last_sent: None,
        was_waiting: false,
        _open: open,
    };
    let first = Event::default().retry(RETRY).comment("willkommen");
    let state = (phone, VecDeque::from([first]), Some(start));
    Box::pin(futures_util::stream::unfold(state, |(mut phone, mut queue, mut read_now)| async move {
        loop {
            if let Some(event) = queue.pop_front() {
                return Some((Ok(event), (phone, queue, read_now)));
            }
            if phone.closing.borrow_and_update().is_none() {
                return None;
            }
            if let Some(newest) = read_now.take() {
                match phone.store.ticket(&phone.id).await {
                    Ok(view) => queue.extend(phone.event_for(view, newest)),
                    Err(AppError::StorageUnavailable(fault)) => phone.store.report_fault(fault),
                    Err(error) => tracing::warn!(%error, "live stream could not read its ticket"),
                }
                continue;
            }
            tokio::select! {
                snapshot = phone.snapshots.recv() => match snapshot {
                    Ok(snapshot) => {
                        phone.newest = phone.newest.max(snapshot.newest);
                        if let Some(view) = snapshot.waiting.get(&phone.id) {
                            queue.extend(phone.event_for(Some(view.clone()), snapshot.newest));
                        } else if phone.was_waiting || snapshot.touched.contains(&phone.id) {
                            read_now = Some(phone.newest);
                        }
                    }
                    // Too far behind: the ticket as it is now tells all that was missed.
                    Err(broadcast::error::RecvError::Lagged(_)) => read_now = Some(phone.newest),
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
                closed = phone.closing.changed() => if closed.is_err() { return None },
            }
        }
    }))
}

/// One phone's stream: what it sent last, to send only changes.
struct Phone {
    snapshots: broadcast::Receiver<Arc<Snapshot>>,
    closing: tokio::sync::watch::Receiver<Option<u64>>,
    store: Store,
    id: String,
    public_url: Arc<str>,
    /// The newest event the stream knows of.
    newest: i64,
    last_sent: Option<String>,
    was_waiting: bool,
    /// Counted in `/metrics` while the stream exists.
    _open: OpenStream,
}

impl Phone {
    /// The event for the ticket's `view` (event id `newest`), unless the phone has it already.
    fn event_for(&mut self, view: Option<TicketView>, newest: i64) -> Option<Event> {
        let view = view?;
        self.was_waiting = view.people_ahead.is_some();
        let ticket = super::tickets::visitor_ticket(view, &self.public_url)
            .inspect_err(|error| tracing::warn!(%error, "live stream could not show its ticket"))
            .ok()?;
        let body = serde_json::to_string(&ticket).ok()?;
        if self.last_sent.as_deref() == Some(body.as_str()) {
            return None;
        }
        self.last_sent = Some(body.clone());
        Some(Event::default().event("ticket").id(newest.max(0).to_string()).data(body))
    }
}
