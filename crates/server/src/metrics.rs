//! `GET /metrics`: the server's figures in the OpenMetrics text format, for Prometheus. The
//! handles here are cheap to clone and lock-free to update, so requests count as they go; the
//! number of waiting visitors is read from the database at scrape time instead.

use std::collections::BTreeMap;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::{Registry, Unit};
use willkommen_api::ErrorCode;

use crate::AppState;
use crate::error::AppResult;
use crate::store::Store;

/// What Prometheus asks for and what `prometheus_client::encoding::text` writes.
const OPENMETRICS: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ConcernLabel {
    concern: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StreamLabel {
    stream: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabel {
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PushLabel {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CodeLabel {
    code: String,
}

/// The kinds of live stream, as the `stream` label names them.
#[derive(Clone, Copy, Debug)]
pub enum StreamKind {
    Ticket,
    Display,
    Queue,
    Kiosk,
}

impl StreamKind {
    fn label(self) -> StreamLabel {
        let stream = match self {
            Self::Ticket => "ticket",
            Self::Display => "display",
            Self::Queue => "queue",
            Self::Kiosk => "kiosk",
        };
        StreamLabel { stream }
    }
}

/// The registry and a handle to each metric in it.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    tickets_issued: Family<ConcernLabel, Counter>,
    tickets_waiting: Family<ConcernLabel, Gauge>,
    call_next_duration: Histogram,
    waited_before_call: Histogram,
    sse_clients: Family<StreamLabel, Gauge>,
    http_responses: Family<StatusLabel, Counter>,
    api_errors: Family<CodeLabel, Counter>,
    storage_writable: Gauge,
    storage_unwritable: Counter<f64, std::sync::atomic::AtomicU64>,
    pushes: Family<PushLabel, Counter>,
    /// One scrape at a time refreshes the waiting figures, so two cannot mix their counts.
    scrape: tokio::sync::Mutex<()>,
}

impl Default for Metrics {
    fn default() -> Self {
        let (tickets_issued, tickets_waiting) = (Family::default(), Family::default());
        // From a millisecond to about four seconds: a call is one short write transaction.
        let call_next_duration = Histogram::new(exponential_buckets(0.001, 2.0, 13));
        // Minutes, as a waiting room counts them: 1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240.
        let minutes = [1.0, 2.0, 5.0, 10.0, 15.0, 20.0, 30.0, 45.0, 60.0, 90.0, 120.0, 180.0, 240.0];
        let waited_before_call = Histogram::new(minutes.map(|minutes| minutes * 60.0));
        let (sse_clients, http_responses, api_errors) = (Family::default(), Family::default(), Family::default());
        let mut registry = Registry::with_prefix("willkommen");
        registry.register("tickets_issued", "Tickets issued, by concern (retries not counted)", tickets_issued.clone());
        registry.register("tickets_waiting", "Tickets waiting to be called today, by concern", tickets_waiting.clone());
        registry.register_with_unit(
            "call_next_duration",
            "How long calling the next visitor to a counter took",
            Unit::Seconds,
            call_next_duration.clone(),
        );
        registry.register_with_unit(
            "waited_before_call",
            "How long each visitor called with call-next had waited in the queue",
            Unit::Seconds,
            waited_before_call.clone(),
        );
        registry.register("sse_clients", "Live event streams open now, by kind", sse_clients.clone());
        registry.register("http_responses", "HTTP responses sent, by status code", http_responses.clone());
        registry.register("api_errors", "API error responses, by their JSON error code", api_errors.clone());
        let (storage_writable, storage_unwritable) = (Gauge::default(), Counter::default());
        registry.register(
            "storage_writable",
            "1 while the database takes writes, 0 during a storage fault (disk full, locked, unreachable)",
            storage_writable.clone(),
        );
        registry.register_with_unit(
            "storage_unwritable",
            "Time the database did not take writes because of storage faults, since the server started",
            Unit::Seconds,
            storage_unwritable.clone(),
        );
        let pushes = Family::default();
        registry.register(
            "pushes",
            "Pushes to visitors' phones, by outcome: delivered, retried, gone (subscription dropped), refused, failed (given up)",
            pushes.clone(),
        );
        registry.register("build", "The running version", Info::new([("version", env!("CARGO_PKG_VERSION"))]));
        Self {
            registry,
            tickets_issued,
            tickets_waiting,
            call_next_duration,
            waited_before_call,
            sse_clients,
            http_responses,
            api_errors,
            storage_writable,
            storage_unwritable,
            pushes,
            scrape: tokio::sync::Mutex::default(),
        }
    }
}

impl Metrics {
    /// A new ticket (not a retry answered from the first response).
    pub fn ticket_issued(&self, concern: &str) {
        self.tickets_issued.get_or_create(&ConcernLabel { concern: concern.to_owned() }).inc();
    }

    /// A push to a phone ended as `outcome` (or is tried again: `retried`).
    pub fn push_ended(&self, outcome: &'static str) {
        self.pushes.get_or_create(&PushLabel { outcome }).inc();
    }

    pub fn call_next_took(&self, duration: Duration) {
        self.call_next_duration.observe(duration.as_secs_f64());
    }

    /// A visitor was called who had joined the queue `waited_ms` milliseconds before.
    pub fn visitor_called_after(&self, waited_ms: i64) {
        self.waited_before_call.observe(waited_ms.max(0) as f64 / 1000.0);
    }

    /// Counts a live stream as open, holding its `slot`, until the returned guard is dropped,
    /// which happens when the client disconnects (the response body is dropped) or the server
    /// shuts down.
    pub fn stream_opened(&self, kind: StreamKind, slot: crate::open_files::StreamSlot) -> OpenStream {
        let gauge = self.sse_clients.get_or_create_owned(&kind.label());
        gauge.inc();
        OpenStream { gauge, _slot: slot }
    }

    fn response_sent(&self, response: &Response) {
        self.http_responses.get_or_create(&StatusLabel { status: response.status().as_u16() }).inc();
        // `AppError` marks its responses with their code; see `error.rs`.
        if let Some(code) = response.extensions().get::<ErrorCode>()
            && let Ok(serde_json::Value::String(code)) = serde_json::to_value(code)
        {
            self.api_errors.get_or_create(&CodeLabel { code }).inc();
        }
    }

    /// Every metric in the OpenMetrics text format, with the waiting figures read just now.
    async fn render(&self, store: &Store) -> String {
        let _turn = self.scrape.lock().await;
        // On a database failure the figures are left out rather than shown stale; the rest
        // (errors counted during the failure, say) is still worth scraping.
        self.tickets_waiting.clear();
        match waiting_by_concern(store).await {
            Ok(counts) => {
                for (concern, waiting) in counts {
                    self.tickets_waiting.get_or_create(&ConcernLabel { concern }).set(waiting);
                }
            }
            Err(error) => tracing::warn!(%error, "metrics: cannot count the waiting tickets"),
        }
        let (writable, unwritable_seconds) = store.storage_health();
        self.storage_writable.set(i64::from(writable));
        let counted = self.storage_unwritable.get();
        if unwritable_seconds > counted {
            self.storage_unwritable.inc_by(unwritable_seconds - counted);
        }
        let mut text = String::new();
        if let Err(error) = prometheus_client::encoding::text::encode(&mut text, &self.registry) {
            tracing::error!(%error, "metrics: cannot encode");
        }
        text
    }
}

/// Today's waiting tickets per concern, from the queue staff see; 0 for every published
/// concern without any, so a series drops to 0 instead of vanishing. Parked tickets are not
/// waiting: their visitors stepped away.
async fn waiting_by_concern(store: &Store) -> AppResult<BTreeMap<String, i64>> {
    let (_, office) = store.published_config().await?;
    let mut counts: BTreeMap<String, i64> = office.concerns.into_iter().map(|concern| (concern.id.0, 0)).collect();
    let (queue, _) = store.queue(store.now()).await?;
    for ticket in queue.into_iter().filter(|ticket| ticket.status == "waiting") {
        *counts.entry(ticket.concern_id).or_default() += 1;
    }
    Ok(counts)
}

/// A live stream counted in `willkommen_sse_clients` while it exists.
#[derive(Debug)]
pub struct OpenStream {
    gauge: Gauge,
    /// Its place among the streams the open-file limit leaves room for.
    _slot: crate::open_files::StreamSlot,
}

impl Drop for OpenStream {
    fn drop(&mut self) {
        self.gauge.dec();
    }
}

/// `GET /metrics`
pub async fn metrics_show(State(state): State<AppState>) -> Response {
    let text = state.metrics.render(&state.store).await;
    ([(header::CONTENT_TYPE, OPENMETRICS)], text).into_response()
}

/// Middleware counting every response by status, and API errors by code.
pub async fn count_responses(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    state.metrics.response_sent(&response);
    response
}
