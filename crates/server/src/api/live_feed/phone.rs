//! A visitor's phone following its ticket: the ticket at once, and again whenever it or its
//! place in the queue changes. The place comes from the reader (`tickets.rs`); the stream reads
//! its ticket itself only at its start and when the ticket does not wait and something
//! happened to it (a call, a recall).

use std::collections::VecDeque;
use std::sync::Arc;

use axum::response::sse::Event;

use super::LiveFeed;
use super::tickets::{Following, NewsKind};
use crate::api::events::{BoxedEvents, RETRY};
use crate::error::{AppError, AppResult};
use crate::metrics::OpenStream;
use crate::store::{Store, TicketView};

/// How long a phone that starts following waits for the reader's first copy of the queue.
const FIRST_READ_PATIENCE: std::time::Duration = std::time::Duration::from_millis(500);

/// One phone's stream of its ticket `id`, starting with its current state; `None` when there
/// is no such ticket.
pub async fn follow_ticket(
    feed: &LiveFeed,
    store: Store,
    id: String,
    public_url: Arc<str>,
    start: i64,
    open: OpenStream,
) -> AppResult<Option<BoxedEvents>> {
    // Subscribed before the first read, so no commit after that read is missed.
    let following = feed.tickets.follow(&id);
    // A waiting ticket is in the reader's copy: thousands of phones opening at once then
    // cost the database nothing.
    let mut known = following.as_ref().and_then(|following| following.current().kind.view());
    if known.is_none() && following.is_some() {
        // When thousands of phones open at once (after a restart, say), the reader's first
        // copy comes sooner than each one's own read of the database would.
        feed.tickets.first_read(FIRST_READ_PATIENCE).await;
        known = following.as_ref().and_then(|following| following.current().kind.view());
    }
    let now = match known {
        Some(view) => view,
        None => match store.ticket(&id).await? {
            Some(view) => view,
            None => return Ok(None),
        },
    };
    let mut phone = Phone { following, store, id, public_url, last_sent: None, _open: open };
    let first = Event::default().retry(RETRY).comment("willkommen");
    let queue: VecDeque<Event> = std::iter::once(first).chain(phone.event_for(Some(now), start)).collect();
    let state = (phone, queue, None::<i64>);
    Ok(Some(Box::pin(futures_util::stream::unfold(state, |(mut phone, mut queue, mut read_now)| async move {
        loop {
            if let Some(event) = queue.pop_front() {
                return Some((Ok(event), (phone, queue, read_now)));
            }
            let following = phone.following.as_mut()?;
            if let Some(newest) = read_now.take() {
                // Boxed: a ticket's read is a large future, and it would otherwise make every
                // phone's stream that large for as long as it is open.
                match Box::pin(phone.store.ticket(&phone.id)).await {
                    Ok(view) => queue.extend(phone.event_for(view, newest)),
                    Err(AppError::StorageUnavailable(fault)) => phone.store.report_fault(fault),
                    Err(error) => tracing::warn!(%error, "live stream could not read its ticket"),
                }
                continue;
            }
            let news = following.next().await?;
            match news.kind {
                NewsKind::Waiting(..) => queue.extend(phone.event_for(news.kind.view(), news.newest)),
                NewsKind::Changed => read_now = Some(news.newest),
                NewsKind::Unread => {}
            }
        }
    }))))
}

/// One phone's stream: what it sent last, to send only changes.
struct Phone {
    /// `None` once the server is shutting down.
    following: Option<Following>,
    store: Store,
    id: String,
    public_url: Arc<str>,
    /// A digest of the ticket's JSON as last sent: a phone keeps thousands of bytes fewer
    /// than with the ticket itself, times thousands of phones.
    last_sent: Option<u64>,
    /// Counted in `/metrics` while the stream exists.
    _open: OpenStream,
}

impl Phone {
    /// The event for the ticket's `view` (event id `newest`), unless the phone has it already.
    fn event_for(&mut self, view: Option<TicketView>, newest: i64) -> Option<Event> {
        let ticket = crate::api::tickets::visitor_ticket(view?, &self.public_url)
            .inspect_err(|error| tracing::warn!(%error, "live stream could not show its ticket"))
            .ok()?;
        let body = serde_json::to_string(&ticket).ok()?;
        let digest = {
            let mut hasher = std::hash::DefaultHasher::new();
            std::hash::Hash::hash(&body, &mut hasher);
            std::hash::Hasher::finish(&hasher)
        };
        if self.last_sent.replace(digest) == Some(digest) {
            return None;
        }
        Some(Event::default().event("ticket").id(newest.max(0).to_string()).data(body))
    }
}
