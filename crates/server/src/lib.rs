//! `willkommen-server`: Willkommen's queue API on axum with an embedded SQLite database. It
//! also serves the built web app, so one process is all an office needs.
//!
//! Run it with `cargo xtask run` (builds the web app first) or
//! `cargo run -p willkommen-server -- --help`.

mod api;
pub mod auth;
pub mod config;
mod config_file;
mod error;
mod issuing;
mod scan;
mod schedule;
mod security;
pub mod seed;
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

pub use config::Config;
pub use store::{DATABASE_FILE, Location, Store};

use error::AppError;

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// Where visitors' phones reach this server, without a trailing slash.
    pub public_url: Arc<str>,
    pub login_throttle: Arc<auth::LoginThrottle>,
}

impl AppState {
    /// Where visitors' phones reach the server, for ticket QR codes: the address the
    /// administrators published, else the server's `--public-url`.
    pub async fn ticket_url_base(&self) -> error::AppResult<String> {
        Ok(self.store.public_base_url().await?.unwrap_or_else(|| self.public_url.to_string()))
    }
}

/// The whole HTTP application: the API under `/api`, the web app everywhere else.
pub fn app(state: AppState, dist_dir: &std::path::Path) -> Router {
    Router::new()
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .route("/readyz", axum::routing::get(readiness).with_state(state.clone()))
        .nest("/api", api::router().with_state(state).layer(axum::middleware::from_fn(security::same_origin_only)))
        .merge(web::router(dist_dir))
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
        .layer(TraceLayer::new_for_http())
}

/// Applies the retention rules every hour (and once at start, see [`Server::start`]).
async fn retention_loop(store: Store) {
    let hour = std::time::Duration::from_secs(60 * 60);
    let mut every_hour = tokio::time::interval_at(tokio::time::Instant::now() + hour, hour);
    loop {
        every_hour.tick().await;
        match store.apply_retention(jiff::Timestamp::now()).await {
            Ok(report) if report != store::RetentionReport::default() => tracing::info!(?report, "retention applied"),
            Ok(_) => {}
            Err(error) => tracing::error!(%error, "retention failed"),
        }
    }
}

/// Ready when the database answers: a load balancer sends visitors elsewhere otherwise.
async fn readiness(axum::extract::State(state): axum::extract::State<AppState>) -> axum::response::Response {
    match state.store.ping().await {
        Ok(()) => "ready".into_response(),
        Err(error) => {
            tracing::error!(%error, "readiness check failed");
            (axum::http::StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
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
}

impl Server {
    /// Binds the port and opens the database (seeding the demo office on first start), so
    /// every configuration problem shows up before the server says it is running.
    pub async fn start(config: &Config) -> anyhow::Result<Self> {
        let requested = SocketAddr::new(config.bind, config.port);
        let listener = TcpListener::bind(requested).await.with_context(|| format!("cannot listen on {requested}"))?;
        let address = listener.local_addr()?;
        let store = Store::open(&config.database()).await?;
        let demo = seed::Seed::builtin();
        if store.seed_if_empty(&demo).await? {
            tracing::info!("new database: seeded the demo office");
        }
        store.ensure_published_version().await?;
        // Before serving, so nothing past its retention period is ever shown again.
        store.apply_retention(jiff::Timestamp::now()).await?;
        let public_url: Arc<str> = match &config.public_url {
            Some(url) => url.as_str().into(),
            None => format!("http://{address}").into(),
        };
        if !config.dist_dir.join("index.html").exists() {
            tracing::warn!(dist = %config.dist_dir.display(), "no built web app found; only the API is served");
        }
        let state = AppState {
            store: store.clone(),
            public_url: public_url.clone(),
            login_throttle: Arc::new(auth::LoginThrottle::default()),
        };
        let router = app(state, &config.dist_dir);
        Ok(Self { listener, router, store, address, public_url })
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
        let store = self.store.clone();
        let shutdown = async move {
            shutdown.await;
            // Live streams never end by themselves; end them so open requests can finish.
            store.close_streams();
        };
        axum::serve(self.listener, self.router).with_graceful_shutdown(shutdown).await?;
        retention.abort();
        self.store.close().await;
        Ok(())
    }
}
