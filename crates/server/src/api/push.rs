//! Web Push for the visitors' phones (issue 21, under way): the office's public key.

use axum::extract::State;
use willkommen_api as json;

use crate::AppState;
use crate::error::AppResult;

/// `GET /api/v1/push/key`: the office's public VAPID key, which the phone page passes to
/// `PushManager.subscribe`. Made on first use and kept with the office's data, so it stays
/// the same across restarts and instances.
#[utoipa::path(get, path = "/api/v1/push/key", tag = "visitors",
    responses((status = 200, body = json::PushKey),
        (status = 503, body = json::ApiError, description = "The database takes no writes (the first time only)"),
        (status = 500, body = json::ApiError)))]
pub async fn push_key(State(state): State<AppState>) -> AppResult<axum::Json<json::PushKey>> {
    let key = state.store.vapid_key().await?;
    Ok(axum::Json(json::PushKey { application_server_key: key.application_server_key() }))
}
