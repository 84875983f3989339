//! `willkommen-server`: Willkommen's queue API on axum. It keeps its data in an embedded
//! SQLite file, or in PostgreSQL when several instances serve one office (docs/database.md),
//! and it also serves the built web app, so one process is all an office needs.
//!
//! Run it with `cargo xtask run` (builds the web app first) or
//! `cargo run -p willkommen-server -- --help`.
//!
//! Where things are:
//! - [`settings`]: the server's own settings (flags, `WILLKOMMEN_*` variables, the `--config`
//!   settings file). Not to be confused with the office configuration.
//! - `office_config`: the office configuration administrators edit (concerns, checklists,
//!   counters, opening hours): the rules only the server checks, and reading an import file.
//! - [`appointment_files`]: reading an appointment import file (CSV or iCalendar, as booking
//!   systems export them) into appointments, or every problem with its line.
//! - `api`: the HTTP routes under `/api/v1`, one file per area, and the JSON they answer with;
//!   `error` is the one error type and JSON error shape.
//! - `store`: everything kept in the database, one file per subject; its `mod.rs` is the handle
//!   and the rule every write follows.
//! - `issuing` (the office's rules for a new ticket), `schedule` (opening hours), `wait` (wait
//!   estimates), `auth` (accounts, sessions), `security`, `metrics`, `web` (the web app's files).
//! - The ticket life cycle, account rules and the JSON types are shared with the web app in
//!   `willkommen-api`.

mod api;
pub mod appointment_files;
mod appointment_window;
pub mod auth;
mod connections;
mod error;
mod issuing;
pub mod logging;
mod metrics;
mod office_clock;
mod office_config;
mod oidc;
pub mod open_files;
pub mod push;
mod reference_throttle;
mod scan;
mod schedule;
mod security;
pub mod seed;
pub mod settings;
mod statistics;
mod store;
mod ticket_id;
mod wait;
mod web;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::IntoResponse;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub use settings::Settings;
pub use store::{BackupReport, DATABASE_FILE, Location, Store, backup_sqlite};

use error::AppError;

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// Where visitors' phones reach this server, without a trailing slash.
    pub public_url: Arc<str>,
    pub login_throttle: Arc<auth::LoginThrottle>,
    pub reference_throttle: Arc<reference_throttle::ReferenceThrottle>,
    pub metrics: Arc<metrics::Metrics>,
    /// The live streams' one reader; see `api/live_feed`.
    pub live_feed: api::live_feed::LiveFeed,
    /// Follows the tickets whose phones asked to be notified, and pushes to them; see `push/`.
    pub push: push::PushWatcher,
    /// Where pushes may go: public push services only, except in tests.
    pub push_reach: push::Reach,
    /// The office's identity provider, if staff sign in through one.
    pub oidc: Option<Arc<oidc::OfficeProvider>>,
    /// Who may sign in with a Willkommen password.
    pub local_sign_in: settings::LocalSignIn,
    /// The live streams the open-file limit leaves room for; see `open_files.rs`.
    pub stream_slots: Arc<open_files::StreamSlots>,
    /// [`AppState::ticket_url_base`] as read with a published configuration version.
    ticket_url: Arc<std::sync::Mutex<Option<(i64, String)>>>,
}

impl AppState {
    /// Where visitors' phones reach the server, for ticket QR codes: the address the
    /// administrators published, else the server's `--public-url`.
    ///
    /// Read again only after a publication: thousands of phones opening their ticket pages
    /// at once would otherwise each ask the database.
    pub async fn ticket_url_base(&self) -> error::AppResult<String> {
        let version = self.store.published_version();
        let cached = self.ticket_url.lock().ok().and_then(|cached| cached.clone());
        if let Some((_, url)) = cached.filter(|(read_with, _)| *read_with == version) {
            return Ok(url);
        }
        let url = self.store.public_base_url().await?.unwrap_or_else(|| self.public_url.to_string());
        if let Ok(mut cached) = self.ticket_url.lock() {
            *cached = Some((version, url.clone()));
        }
        Ok(url)
    }

    /// Counts a new live stream of `kind`, or refuses it when as many are open as the
    /// open-file limit leaves room for.
    pub fn open_stream(&self, kind: metrics::StreamKind) -> error::AppResult<metrics::OpenStream> {
        let slot = self.stream_slots.take().ok_or(error::AppError::TooManyStreams)?;
        Ok(self.metrics.stream_opened(kind, slot))
    }
}

/// The whole HTTP application: the API under `/api`, health and metrics for operators, the web
/// app everywhere else.
pub fn app(state: AppState, dist_dir: &std::path::Path) -> Router {
    Router::new()
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .route("/readyz", axum::routing::get(readiness).with_state(state.clone()))
        .route("/metrics", axum::routing::get(metrics::metrics_show).with_state(state.clone()))
        .nest(
            "/api",
            api::router()
                .with_state(state.clone())
                .layer(axum::middleware::from_fn(security::same_origin_only))
                // Answers hold tickets, answers and figures: no browser or proxy keeps a copy
                // (the kiosk's office data says `no-cache` itself, to revalidate by ETag).
                .layer(security_header(header::CACHE_CONTROL, "no-store"))
                .layer(axum::middleware::from_fn_with_state(state.clone(), report_storage_faults)),
        )
        .merge(web::router(dist_dir, state.store.clone()))
        .layer(CatchPanicLayer::custom(|_| {
            AppError::Internal(anyhow::anyhow!("a request handler panicked")).into_response()
        }))
        .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(security_header(header::CONTENT_SECURITY_POLICY, security::CONTENT_SECURITY_POLICY))
        .layer(security_header(header::X_FRAME_OPTIONS, "SAMEORIGIN"))
        .layer(security_header(HeaderName::from_static("permissions-policy"), security::PERMISSIONS_POLICY))
        .layer(security_header(HeaderName::from_static("cross-origin-opener-policy"), "same-origin"))
        // Ticket ids in URLs are capabilities: never hand them to another site in a Referer.
        .layer(security_header(header::REFERRER_POLICY, "no-referrer"))
        // Outside the panic catcher, so a panic's 500 is counted too.
        .layer(axum::middleware::from_fn_with_state(state, metrics::count_responses))
        // Failures are logged where their cause is known: a bug's 500 by `AppError`, a storage
        // fault once per fault by the store; not once more per response here.
        .layer(TraceLayer::new_for_http().on_failure(()))
}

/// Applies the retention rules every hour (and once at start, see [`Server::start`]).
async fn retention_loop(store: Store) {
    let hour = std::time::Duration::from_secs(60 * 60);
    let mut every_hour = tokio::time::interval_at(tokio::time::Instant::now() + hour, hour);
    loop {
        every_hour.tick().await;
        match store.apply_retention(store.now()).await {
            Ok(report) if report != store::RetentionReport::default() => tracing::info!(?report, "retention applied"),
            Ok(_) => {}
            Err(error) => tracing::error!(%error, "retention failed"),
        }
    }
}

/// Looks every few seconds whether a held-back step of the system clock can be taken (see
/// `office_clock.rs`).
async fn clock_loop(store: Store) {
    let mut every = tokio::time::interval(store::CLOCK_CHECK_EVERY);
    loop {
        every.tick().await;
        if let Err(error) = store.take_clock_step_when_harmless().await {
            tracing::debug!(%error, "cannot look at the clock's step now");
        }
    }
}

/// Ready when the office can issue tickets: the database answers and takes writes. Not ready
/// says why, for the operator's monitoring: `{"ready": false, "fault": "disk_full", "reason":
/// "the disk holding … is full …", "since": "…"}`.
async fn readiness(axum::extract::State(state): axum::extract::State<AppState>) -> axum::response::Response {
    match state.store.readiness().await {
        store::Readiness::Ready => axum::Json(serde_json::json!({"ready": true})).into_response(),
        store::Readiness::NotReady { reason, kind, since } => (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            axum::Json(serde_json::json!({"ready": false, "fault": kind, "reason": reason, "since": since.map(|since| since.to_string())})),
        )
            .into_response(),
    }
}

/// A request that met a storage fault (its error response carries it, see `error.rs`) puts
/// the store into recovery, so the fault is logged and probed for even when it was met by a
/// read or in the middle of a write.
async fn report_storage_faults(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let response = next.run(request).await;
    if let Some(fault) = response.extensions().get::<store::StorageFault>() {
        state.store.report_fault(fault.clone());
    }
    response
}

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// A server that is listening but not yet serving; see [`Server::serve`].
pub struct Server {
    listener: TcpListener,
    router: Router,
    store: Store,
    pub address: SocketAddr,
    pub public_url: Arc<str>,
    /// Whether an active admin account existed at start (else nobody can sign in to /admin).
    pub has_admin: bool,
}

impl Server {
    /// Binds the port and opens the database (seeding the demo office on first start), so
    /// every problem with the settings shows up before the server says it is running.
    pub async fn start(settings: &Settings) -> anyhow::Result<Self> {
        let requested = SocketAddr::new(settings.bind, settings.port);
        let listener = TcpListener::bind(requested).await.with_context(|| format!("cannot listen on {requested}"))?;
        let address = listener.local_addr()?;
        let store = Store::open(&settings.database()).await?;
        let mut seed = seed::Seed::builtin();
        if !settings.demo_accounts {
            seed.demo_accounts.clear();
        }
        if store.seed_if_empty(&seed).await? {
            tracing::info!(demo_accounts = settings.demo_accounts, "new database: seeded the demo office");
        }
        if settings.demo_appointments {
            let booked = store.book_demo_appointments(store.now()).await?;
            tracing::info!(booked, "demo appointments for today (references DEMO-01 ...)");
        }
        let has_admin = store.has_active_admin().await?;
        if !has_admin {
            tracing::warn!("no active admin account: create one with `willkommen-server account --role admin`");
        }
        store.ensure_published_version().await?;
        // Before serving, so nothing past its retention period is ever shown again.
        store.apply_retention(store.now()).await?;
        let public_url: Arc<str> = match &settings.public_url {
            Some(url) => url.as_str().into(),
            None => format!("http://{address}").into(),
        };
        // Resolved once: when an upgrade points a `current` symlink at the next release, this
        // process keeps serving the web app it was started with, matching its API, until it
        // is restarted.
        let dist_dir = settings.dist_dir.canonicalize().unwrap_or_else(|_| settings.dist_dir.clone());
        if !dist_dir.join("index.html").exists() {
            tracing::warn!(dist = %dist_dir.display(), "no built web app found; only the API is served");
        }
        // Logged once every setting has proved usable: a failing start says one thing only.
        let open_files = open_files::raise_limit().context("cannot read the open-file limit")?;
        let stream_capacity = open_files.stream_capacity();
        tracing::info!(
            limit = open_files.now,
            raised_from = open_files.before,
            system_allows = open_files.hard,
            live_streams_at_most = stream_capacity,
            "open files"
        );
        let metrics = Arc::new(metrics::Metrics::default());
        let live_feed = api::live_feed::LiveFeed::start(store.clone());
        let push_reach =
            if settings.push_private_endpoints { push::Reach::AnyAddress } else { push::Reach::PublicOnly };
        if push_reach == push::Reach::AnyAddress {
            tracing::warn!("pushes may go to local addresses (push_private_endpoints): for tests only");
        }
        let push_contact = match (&settings.push_contact, public_url.starts_with("https://")) {
            (Some(contact), _) => contact.clone(),
            (None, true) => public_url.to_string(),
            (None, false) => {
                tracing::info!("no push_contact set: push services get no address to write to about this server");
                String::new()
            }
        };
        let sender = push::PushSender::new(store.clone(), metrics.clone(), push_contact, push_reach)
            .context("cannot set up sending pushes")?;
        let push = push::PushWatcher::start(store.clone(), live_feed.clone(), sender);
        let oidc = match &settings.oidc {
            Some(oidc) => {
                let provider = Arc::new(oidc::OfficeProvider::new(oidc.clone(), &public_url)?);
                // Logged, never fatal: administrators can still sign in with a password.
                tokio::spawn({
                    let provider = provider.clone();
                    async move { provider.check().await }
                });
                Some(provider)
            }
            None => None,
        };
        let state = AppState {
            store: store.clone(),
            public_url: public_url.clone(),
            login_throttle: Arc::new(auth::LoginThrottle::default()),
            reference_throttle: Arc::default(),
            metrics,
            live_feed,
            push,
            push_reach,
            oidc,
            local_sign_in: settings.local_sign_in,
            stream_slots: open_files::StreamSlots::new(stream_capacity),
            ticket_url: Arc::default(),
        };
        let router = app(state, &dist_dir);
        Ok(Self { listener, router, store, address, public_url, has_admin })
    }

    /// The demo accounts that still have their published demo password: (username,
    /// password, role), to print at start. Each check is one deliberately slow password hash,
    /// so this runs while the server already serves: after a crash, the lobby must not wait
    /// for a greeting (it made every restart about 300 ms longer).
    pub fn demo_sign_ins(&self) -> impl Future<Output = Vec<(String, String, &'static str)>> + Send + 'static {
        let store = self.store.clone();
        async move {
            let mut found = Vec::new();
            for account in seed::Seed::builtin().demo_accounts {
                if store.has_password(&account.username, &account.password).await.unwrap_or(false) {
                    found.push((account.username, account.password, account.role.as_str()));
                }
            }
            found
        }
    }

    /// Serves until `shutdown` completes, then finishes open requests and closes the database.
    pub async fn serve(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        let retention = tokio::spawn(retention_loop(self.store.clone()));
        let clock = tokio::spawn(clock_loop(self.store.clone()));
        let store = self.store.clone();
        let shutdown = async move {
            shutdown.await;
            // Live streams never end by themselves; end them so open requests can finish.
            store.close_streams();
        };
        // The client's address brakes the guessing of booking references (`reference_throttle.rs`).
        connections::serve(self.listener, self.router, shutdown).await;
        retention.abort();
        clock.abort();
        self.store.close().await;
        Ok(())
    }
}
