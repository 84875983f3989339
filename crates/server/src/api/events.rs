//! Live streams (server-sent events) for the lobby display, a visitor's phone and the staff
//! queue. Each event carries the id of the newest ticket event it reflects, so a browser that
//! reconnects (it does so by itself, sending `Last-Event-ID`) continues where it stopped.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::future::Future;
use std::time::Duration;

use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::response::sse::{Event, KeepAlive, KeepAliveStream, Sse};
use futures_util::Stream;
use futures_util::stream;

use crate::AppState;
use crate::auth::CounterStaff;
use crate::error::{AppError, AppResult, Query};
use crate::metrics::{OpenStream, StreamKind};
use crate::store::Store;
use crate::ticket_id::looks_like_ticket_id;
use willkommen_api as json;

/// How long a browser waits before reconnecting after the stream broke.
pub(super) const RETRY: Duration = Duration::from_secs(2);

pub(super) type BoxedEvents = std::pin::Pin<Box<dyn Stream<Item = Result<Event, Infallible>> + Send>>;
type EventStream = Sse<KeepAliveStream<BoxedEvents>>;

/// `GET /api/v1/display/events`: every call and recall, as "ticket number -> counter".
#[utoipa::path(get, path = "/api/v1/display/events", tag = "live",
    params(("Last-Event-ID" = Option<String>, Header),
        ("after" = Option<i64>, Query, description = "Continue after this event (GET /display's last_event); Last-Event-ID wins")),
    responses((status = 200, content_type = "text/event-stream", body = String, description = "`event: call` with a DisplayCall"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn display_events(State(state): State<AppState>, resume: ResumeFrom) -> AppResult<EventStream> {
    let start = resume_point(&state.store, resume).await?;
    let open = state.open_stream(StreamKind::Display)?;
    let events = super::live_feed::follow_calls(&state.live_feed, state.store.clone(), start, open);
    Ok(Sse::new(events).keep_alive(KeepAlive::default()))
}

/// `GET /api/v1/tickets/{id}/events`: the ticket as `GET /tickets/{id}` shows it, sent at once
/// and again whenever it (or its place in the queue) changes.
#[utoipa::path(get, path = "/api/v1/tickets/{id}/events", tag = "live",
    params(("id" = String, Path), ("Last-Event-ID" = Option<String>, Header),
        ("after" = Option<i64>, Query, description = "Continue after this event id, as with Last-Event-ID (which wins)")),
    responses((status = 200, content_type = "text/event-stream", body = String, description = "`event: ticket` with a Ticket"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn ticket_events(
    State(state): State<AppState>,
    Path(id): Path<String>,
    resume: ResumeFrom,
) -> AppResult<EventStream> {
    if !looks_like_ticket_id(&id) {
        return Err(AppError::NotFound("no such ticket".into()));
    }
    // A phone's stream always starts with the ticket as it is; its ids only mark the place.
    let start = match state.live_feed.newest() {
        Some(newest) => resume.within(newest),
        None => resume_point(&state.store, resume).await?,
    };
    let public_url: std::sync::Arc<str> = state.ticket_url_base().await?.into();
    let open = state.open_stream(StreamKind::Ticket)?;
    let feed = &state.live_feed;
    let events = super::live_feed::follow_ticket(feed, state.store.clone(), id, public_url, start, open).await?;
    let events = events.ok_or_else(|| AppError::NotFound("no such ticket".into()))?;
    Ok(Sse::new(events).keep_alive(KeepAlive::default()))
}

/// `GET /api/v1/queue/events`: a `changed` event whenever the queue changed; the staff desk
/// then reloads `GET /api/v1/queue`.
#[utoipa::path(get, path = "/api/v1/queue/events", tag = "live", security(("session" = [])),
    params(("Last-Event-ID" = Option<String>, Header),
        ("after" = Option<i64>, Query, description = "Continue after this event id, as with Last-Event-ID (which wins)")),
    responses((status = 200, content_type = "text/event-stream", body = String, description = "`event: changed`"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn queue_events(
    _: CounterStaff,
    State(state): State<AppState>,
    resume: ResumeFrom,
) -> AppResult<EventStream> {
    let open = state.open_stream(StreamKind::Queue)?;
    let events =
        super::live_feed::follow_queue(&state.live_feed, &state.store, |newest| resume.within(newest), open).await?;
    Ok(Sse::new(events).keep_alive(KeepAlive::default()))
}

/// `GET /api/v1/kiosk/events`: `event: published` (id: the version) whenever administrators
/// publish a new configuration, so kiosks reload `/kiosk` at once instead of at their next poll.
#[utoipa::path(get, path = "/api/v1/kiosk/events", tag = "live",
    params(("Last-Event-ID" = Option<String>, Header),
        ("after" = Option<i64>, Query, description = "Continue after this event id, as with Last-Event-ID (which wins)")),
    responses((status = 200, content_type = "text/event-stream", body = String, description = "`event: published` with the version"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn kiosk_events(State(state): State<AppState>, resume: ResumeFrom) -> AppResult<EventStream> {
    // The ids are version numbers: a kiosk that reconnects after missing one hears of it at once.
    let start = resume.within(state.store.published_version());
    let open = state.open_stream(StreamKind::Kiosk)?;
    Ok(live(&state, open, start, |store, after| async move {
        let version = store.published_version();
        Ok(if version > after {
            (version, vec![Event::default().event("published").id(version.to_string()).data(version.to_string())])
        } else {
            (after, Vec::new())
        })
    }))
}

/// Where a client continues a stream: after the `Last-Event-ID` its browser sends when it
/// reconnects by itself, else after `?after=` (where the display starts after `GET /display`,
/// and where the web app resumes when it opens a new stream itself, which cannot set the
/// header). A malformed header counts as none; a malformed `after` is refused.
pub struct ResumeFrom(Option<i64>);

#[derive(serde::Deserialize)]
struct After {
    after: Option<i64>,
}

impl<S: Send + Sync> FromRequestParts<S> for ResumeFrom {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        let Query(After { after }) = Query::<After>::from_request_parts(parts, state).await?;
        let header = parts.headers.get("last-event-id").and_then(|value| value.to_str().ok()?.trim().parse().ok());
        Ok(Self(header.or(after)))
    }
}

impl ResumeFrom {
    /// The id to continue after, if it is one of `0..=newest`; else `newest` (an id the
    /// server does not have counts as none).
    pub(super) fn within(&self, newest: i64) -> i64 {
        self.0.filter(|id| (0..=newest).contains(id)).unwrap_or(newest)
    }
}

/// Where a stream of ticket events starts: see [`ResumeFrom`], else at the newest event.
async fn resume_point(store: &Store, resume: ResumeFrom) -> AppResult<i64> {
    Ok(resume.within(store.latest_event_id().await?))
}

/// A stream that asks `fetch` for events after the last one it sent, whenever the store
/// reports a change, until the server shuts down or the client goes away. It keeps `open`
/// (its count in `/metrics` and its place among the open streams) while it exists.
fn live<F, Fut>(state: &AppState, open: OpenStream, start: i64, fetch: F) -> EventStream
where
    F: Fn(Store, i64) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = AppResult<(i64, Vec<Event>)>> + Send,
{
    let store = state.store.clone();
    let changes = store.subscribe();
    let first = Event::default().retry(RETRY).comment("willkommen");
    let state = (store, changes, start, VecDeque::from([first]), fetch, open);
    let events = stream::unfold(state, |(store, mut changes, mut after, mut queue, fetch, open)| async move {
        loop {
            if let Some(event) = queue.pop_front() {
                return Some((Ok(event), (store, changes, after, queue, fetch, open)));
            }
            // Mark the current state as seen before reading, so a change during the read
            // wakes us again instead of being lost.
            if changes.borrow_and_update().is_none() {
                return None;
            }
            match fetch(store.clone(), after).await {
                Ok((newest, events)) => {
                    after = newest;
                    queue.extend(events);
                    if !queue.is_empty() {
                        continue;
                    }
                }
                // The store logs a fault once and, when it ends, wakes every stream to read
                // what it missed.
                Err(AppError::StorageUnavailable(fault)) => store.report_fault(fault),
                Err(error) => tracing::warn!(%error, "live stream could not read events"),
            }
            if changes.changed().await.is_err() {
                return None;
            }
        }
    });
    let events: BoxedEvents = Box::pin(events);
    Sse::new(events).keep_alive(KeepAlive::default())
}
