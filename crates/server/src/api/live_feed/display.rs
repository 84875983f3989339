//! A lobby display following the calls: every call and recall after the one it had last, each
//! once, in order. The calls come from the reader's snapshot; the stream reads them itself
//! only to catch up: at its start (after `Last-Event-ID`) and after it fell behind the reader.

use std::collections::VecDeque;

use axum::response::sse::Event;

use super::{Heard, LiveFeed};
use crate::api::events::{BoxedEvents, RETRY};
use crate::error::{AppError, AppResult};
use crate::metrics::OpenStream;
use crate::store::{DISPLAY_PAGE, Store};
use willkommen_api as json;

/// The display's stream of calls after event `start`.
pub fn follow_calls(feed: &LiveFeed, store: Store, start: i64, open: OpenStream) -> BoxedEvents {
    // Subscribed before the first read, so no commit after that read is missed.
    let snapshots = feed.subscribe(&feed.displays);
    let first = Event::default().retry(RETRY).comment("willkommen");
    let state = (snapshots, store, start, true, VecDeque::from([first]), open);
    Box::pin(futures_util::stream::unfold(
        state,
        |(mut snapshots, store, mut after, mut catch_up, mut queue, open)| async move {
            loop {
                if let Some(event) = queue.pop_front() {
                    return Some((Ok(event), (snapshots, store, after, catch_up, queue, open)));
                }
                let subscription = snapshots.as_mut()?;
                if catch_up {
                    // Boxed: it is rare, and would otherwise make every display's stream as large
                    // as its reads for as long as it is open.
                    match Box::pin(read_calls(&store, after)).await {
                        Ok((newest, calls, complete)) => {
                            after = newest;
                            catch_up = !complete;
                            queue.extend(calls.into_iter().filter_map(|(id, call)| event_for(id, call)));
                        }
                        // The store reports a fault once and, when it ends, wakes the reader,
                        // whose next snapshot sends this stream back here.
                        Err(AppError::StorageUnavailable(fault)) => {
                            store.report_fault(fault);
                            catch_up = false;
                        }
                        Err(error) => {
                            tracing::warn!(%error, "live stream could not read the calls");
                            catch_up = false;
                        }
                    }
                    continue;
                }
                match subscription.next().await {
                    Heard::Snapshot(snapshot) => match &snapshot.calls {
                        Some(calls) if snapshot.previous <= after => {
                            let new = calls.iter().filter(|(id, _)| *id > after);
                            queue.extend(new.filter_map(|(id, call)| event_for(*id, call.clone())));
                            after = after.max(snapshot.newest);
                        }
                        _ => catch_up = snapshot.newest > after,
                    },
                    Heard::MissedSome => catch_up = true,
                    Heard::Closed => return None,
                }
            }
        },
    ))
}

fn event_for(id: i64, call: json::DisplayCall) -> Option<Event> {
    Event::default()
        .event("call")
        .id(id.to_string())
        .json_data(call)
        .inspect_err(|error| tracing::warn!(%error, "cannot encode a call"))
        .ok()
}

/// The calls after event `after`: the newest event read past, the calls, and whether that is
/// all (a display that missed more than a page continues right behind it).
async fn read_calls(store: &Store, after: i64) -> AppResult<(i64, Vec<(i64, json::DisplayCall)>, bool)> {
    // The newest event first, then the calls up to it: a call committed between the two
    // reads is then read on the next wake-up instead of being skipped.
    let Some(until) = store.newest_event_after(after).await? else { return Ok((after, Vec::new(), true)) };
    let calls = store.display_calls_between(after, until).await?;
    if calls.len() == DISPLAY_PAGE {
        let last = calls.last().map_or(after, |(id, _)| *id);
        return Ok((last, calls, false));
    }
    // Past other kinds of events up to `until` too, so they are not read again.
    Ok((until, calls, true))
}
