//! The queue API under `/api/v1`: JSON in, JSON out, one error shape.

mod kiosk;
mod tickets;

use axum::Router;
use axum::routing::{get, post};

use crate::AppState;
use crate::error::AppError;

/// Everything under `/api`. Unknown paths and methods get JSON errors, never the web app.
pub fn router() -> Router<AppState> {
    let v1 = Router::new()
        .route("/kiosk", get(kiosk::kiosk_show))
        .route("/tickets", post(tickets::tickets_create))
        .route("/tickets/{id}", get(tickets::tickets_show))
        .route("/tickets/{id}/cancel", post(tickets::tickets_cancel));
    Router::new()
        .nest("/v1", v1)
        .fallback(|| async { AppError::NotFound("no such API route".into()) })
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed("method not allowed on this route".into()) })
}
