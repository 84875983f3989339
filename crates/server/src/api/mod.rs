//! The queue API under `/api/v1`: JSON in, JSON out, one error shape.

mod admin;
mod admin_accounts;
mod admin_appointments;
mod appointments;
mod events;
mod feedback;
mod kiosk;
pub mod live_feed;
mod oidc;
mod openapi;
mod push;
mod session;
mod staff;
mod statistics;
mod tickets;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, patch, post, put};

use crate::AppState;
use crate::error::AppError;

/// A configuration file with every concern in every language is a few hundred KB.
const CONFIGURATION_LIMIT: usize = 2 * 1024 * 1024;

/// A week's appointments of a big office as CSV (10,000 rows) are about a megabyte.
const IMPORT_LIMIT: usize = 2 * 1024 * 1024;

/// `/api/v1/admin/...`: every handler takes the `Admin` extractor.
fn admin_router() -> Router<AppState> {
    Router::new()
        .route(
            "/draft",
            get(admin::draft_show)
                .put(admin::draft_save)
                .delete(admin::draft_discard)
                .layer(DefaultBodyLimit::max(CONFIGURATION_LIMIT)),
        )
        .route("/publish", post(admin::publish))
        .route("/versions", get(admin::versions_list))
        .route("/versions/{version}", get(admin::version_show))
        .route("/versions/{version}/restore", post(admin::version_restore))
        .route("/preview/kiosk", get(admin::preview_kiosk))
        .route("/export", get(admin::export))
        .route("/import", post(admin::import).layer(DefaultBodyLimit::max(CONFIGURATION_LIMIT)))
        .route("/accounts", get(admin_accounts::accounts_list).post(admin_accounts::accounts_create))
        .route("/accounts/{id}", patch(admin_accounts::accounts_change))
        .route("/accounts/{id}/password", post(admin_accounts::accounts_password))
        .route("/audit", get(admin_accounts::audit_list))
        .route("/appointments", get(admin_appointments::appointments_list))
        .route(
            "/appointments/import",
            post(admin_appointments::appointments_import).layer(DefaultBodyLimit::max(IMPORT_LIMIT)),
        )
        .route(
            "/appointments/services",
            get(admin_appointments::services_list).put(admin_appointments::services_replace),
        )
        .route(
            "/appointments/{reference}",
            put(admin_appointments::appointments_put).delete(admin_appointments::appointments_cancel),
        )
}

/// Everything under `/api`. Unknown paths and methods get JSON errors, never the web app.
pub fn router() -> Router<AppState> {
    let v1 = Router::new()
        .route("/kiosk", get(kiosk::kiosk_show))
        .route("/kiosk/turned-away", post(statistics::kiosk_turned_away))
        .route("/statistics", get(statistics::statistics_show))
        .route("/statistics/export.csv", get(statistics::statistics_csv))
        .route("/statistics/export.xlsx", get(statistics::statistics_xlsx))
        .route("/statistics/live", get(statistics::statistics_live))
        .route("/tickets", post(tickets::tickets_create))
        .route("/tickets/{id}", get(tickets::tickets_show))
        .route("/tickets/{id}/cancel", post(tickets::tickets_cancel))
        .route("/push/key", get(push::push_key))
        .route("/tickets/{id}/push", put(push::push_subscribe).delete(push::push_unsubscribe))
        .route("/tickets/{id}/feedback", post(feedback::feedback_give))
        .route("/appointments/{reference}", get(appointments::appointments_show))
        .route("/appointments/{reference}/check-in", post(appointments::appointments_check_in))
        .route("/display", get(kiosk::display_show))
        .route("/tickets/{id}/call", post(staff::tickets_call))
        .route("/tickets/{id}/transfer", post(staff::tickets_transfer))
        .route("/tickets/{id}/{action}", post(staff::tickets_act))
        .route("/session", post(session::session_create).get(session::session_show).delete(session::session_delete))
        .route("/session/methods", get(oidc::sign_in_methods))
        .route("/session/oidc/start", get(oidc::oidc_start))
        .route("/session/oidc/callback", get(oidc::oidc_callback).post(oidc::oidc_callback_posted))
        .route("/counters", get(staff::counters_list))
        .route("/counters/{counter}/call-next", post(staff::counters_call_next))
        .route("/queue", get(staff::queue_show))
        .route("/lookup", get(staff::lookup))
        .nest("/admin", admin_router());
    // Live streams are not compressed (text/event-stream), yet behind the compression layer
    // each would carry its compressor's room for every encoding, 5.7 KiB, for as long as it is
    // open: they stay outside it.
    let streams = Router::new()
        .route("/v1/tickets/{id}/events", get(events::ticket_events))
        .route("/v1/display/events", get(events::display_events))
        .route("/v1/queue/events", get(events::queue_events))
        .route("/v1/kiosk/events", get(events::kiosk_events));
    Router::new()
        .route("/openapi.json", get(openapi::openapi_json))
        .nest("/v1", v1)
        // The kiosk data carries every concern in every language (over 100 KB of JSON for the
        // demo office); compressed it is a fifth.
        .layer(tower_http::compression::CompressionLayer::new())
        .merge(streams)
        // Nothing the API accepts comes near this; a bigger body is refused before it is read.
        .layer(DefaultBodyLimit::max(64 * 1024))
        .fallback(|| async { AppError::NotFound("no such API route".into()) })
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed("method not allowed on this route".into()) })
}
