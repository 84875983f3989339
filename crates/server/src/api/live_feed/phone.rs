//! A visitor's phone following its ticket: the ticket at once, and again whenever it or its
//! place in the queue changes. The place comes from the reader's snapshot; the stream reads
//! its ticket itself only at its start, when the ticket has stopped waiting and something
//! happened to it (a recall, say), or when it fell behind the reader.

use std::collections::VecDeque;
use std::sync::Arc;

use axum::response::sse::Event;

use super::{Heard, LiveFeed, Subscription};
use crate::api::events::{BoxedEvents, RETRY};
use crate::error::AppError;
use crate::metrics::OpenStream;
use crate::store::{Store, TicketView};

/// One phone's stream of its ticket `id`, starting with its current state.
pub fn follow_ticket(
    feed: &LiveFeed,
    store: Store,
    id: String,
    public_url: Arc<str>,
    start: i64,
    open: OpenStream,
) -> BoxedEvents {
    // Subscribed before the first read, so no commit after that read is missed.
    let snapshots = feed.subscribe(Some(&feed.phones));
    let phone = Phone { snapshots, store, id, public_url, newest: start, last_sent: None, _open: open };
    let first = Event::default().retry(RETRY).comment("willkommen");
    let state = (phone, VecDeque::from([first]), Some(start));
    Box::pin(futures_util::stream::unfold(state, |(mut phone, mut queue, mut read_now)| async move {
        loop {
            if let Some(event) = queue.pop_front() {
                return Some((Ok(event), (phone, queue, read_now)));
            }
            let snapshots = phone.snapshots.as_mut()?;
            if let Some(newest) = read_now.take() {
                match phone.store.ticket(&phone.id).await {
                    Ok(view) => queue.extend(phone.event_for(view, newest)),
                    Err(AppError::StorageUnavailable(fault)) => phone.store.report_fault(fault),
                    Err(error) => tracing::warn!(%error, "live stream could not read its ticket"),
                }
                continue;
            }
            match snapshots.next().await {
                Heard::Snapshot(snapshot) => {
                    phone.newest = phone.newest.max(snapshot.newest);
                    match snapshot.waiting.as_ref().and_then(|waiting| waiting.get(&phone.id)) {
                        Some(view) if phone.last_sent.as_ref() == Some(view) => {}
                        Some(view) => queue.extend(phone.event_for(Some(view.clone()), snapshot.newest)),
                        // Stopped waiting, or did not wait and something happened to it.
                        None if phone.was_waiting() || snapshot.touched.contains(&phone.id) => {
                            read_now = Some(phone.newest)
                        }
                        None => {}
                    }
                }
                // The ticket as it is now tells all that was missed.
                Heard::MissedSome => read_now = Some(phone.newest),
                Heard::Closed => return None,
            }
        }
    }))
}

/// One phone's stream: what it sent last, to send only changes.
struct Phone {
    /// `None` once the server is shutting down.
    snapshots: Option<Subscription>,
    store: Store,
    id: String,
    public_url: Arc<str>,
    /// The newest event the stream knows of.
    newest: i64,
    last_sent: Option<TicketView>,
    /// Counted in `/metrics` while the stream exists.
    _open: OpenStream,
}

impl Phone {
    fn was_waiting(&self) -> bool {
        self.last_sent.as_ref().is_some_and(|view| view.people_ahead.is_some())
    }

    /// The event for the ticket's `view` (event id `newest`), unless the phone has it already.
    fn event_for(&mut self, view: Option<TicketView>, newest: i64) -> Option<Event> {
        let view = view?;
        if self.last_sent.as_ref() == Some(&view) {
            return None;
        }
        self.last_sent = Some(view.clone());
        let ticket = crate::api::tickets::visitor_ticket(view, &self.public_url)
            .inspect_err(|error| tracing::warn!(%error, "live stream could not show its ticket"))
            .ok()?;
        Event::default().event("ticket").id(newest.max(0).to_string()).json_data(ticket).ok()
    }
}
