//! A staff desk following the queue: `changed` (with the newest event's id) whenever something
//! happened; the desk then reloads the queue. The snapshot's newest event tells it; the stream
//! never reads the database.

use std::collections::VecDeque;

use axum::response::sse::Event;

use super::{Heard, LiveFeed};
use crate::api::events::{BoxedEvents, RETRY};
use crate::error::AppResult;
use crate::metrics::OpenStream;
use crate::store::Store;

/// The desk's stream, from the event `start` picks given the newest (where the desk resumes):
/// at once `changed` if the queue changed since.
pub async fn follow_queue(
    feed: &LiveFeed,
    store: &Store,
    start: impl FnOnce(i64) -> i64,
    open: OpenStream,
) -> AppResult<BoxedEvents> {
    // Subscribed before reading the newest event, so no commit after that read is missed.
    let snapshots = feed.subscribe(&feed.desks);
    let newest = store.latest_event_id().await?;
    let start = start(newest);
    let first = Event::default().retry(RETRY).comment("willkommen");
    let mut queue = VecDeque::from([first]);
    queue.extend(changed(newest, start));
    let state = (snapshots, store.clone(), newest.max(start), queue, open);
    Ok(Box::pin(futures_util::stream::unfold(state, |(mut snapshots, store, mut after, mut queue, open)| async move {
        loop {
            if let Some(event) = queue.pop_front() {
                return Some((Ok(event), (snapshots, store, after, queue, open)));
            }
            let newest = match snapshots.as_mut()?.next().await {
                Heard::Snapshot(snapshot) => snapshot.newest,
                // Whatever was missed, the desk reloads the whole queue.
                Heard::MissedSome => store.latest_event_id().await.unwrap_or(after),
                Heard::Closed => return None,
            };
            queue.extend(changed(newest, after));
            after = after.max(newest);
        }
    })))
}

fn changed(newest: i64, after: i64) -> Option<Event> {
    (newest > after).then(|| Event::default().event("changed").id(newest.to_string()).data("{}"))
}
