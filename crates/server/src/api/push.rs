//! Web Push for the visitors' phones: the office's public key, and the subscription a phone
//! hands over for its ticket (kept with the ticket only; see `push/` for what is sent when).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use willkommen_api::{self as json, KIOSK_LANGUAGES};

use super::tickets::{checked_id, no_such_ticket};
use crate::AppState;
use crate::error::{AppError, AppResult, Json};
use crate::push::{Subscription, refusal};
use crate::store::PushSubscriptionRecord;

/// Push services' endpoints are a few hundred characters; nothing longer is kept.
const ENDPOINT_AT_MOST: usize = 2000;

/// `GET /api/v1/push/key`: the office's public VAPID key, which the phone page passes to
/// `PushManager.subscribe`. Made on first use and kept with the office's data, so it stays
/// the same across restarts and instances.
#[utoipa::path(get, path = "/api/v1/push/key", tag = "visitors",
    responses((status = 200, body = json::PushKey),
        (status = 503, body = json::ApiError, description = "The database takes no writes (the first time only)"),
        (status = 500, body = json::ApiError)))]
pub async fn push_key(State(state): State<AppState>) -> AppResult<axum::Json<json::PushKey>> {
    let key = state.store.vapid_key().await?;
    let rules = state.store.push_rules().await?;
    Ok(axum::Json(json::PushKey {
        application_server_key: key.application_server_key(),
        notify_ahead: rules.notify_ahead,
    }))
}

/// `PUT /api/v1/tickets/{id}/push`: the phone asks to be notified of its ticket ("nearly your
/// turn", each call). Replaces the ticket's earlier subscription; what was pushed already is
/// not pushed again.
#[utoipa::path(put, path = "/api/v1/tickets/{id}/push", tag = "visitors", params(("id" = String, Path)),
    request_body = json::PushSubscription,
    responses((status = 204, description = "Kept: the phone will be notified"),
        (status = 404, body = json::ApiError, description = "No such ticket"),
        (status = 409, body = json::ApiError, description = "The ticket is done: nothing is left to notify of"),
        (status = 422, body = json::ApiError, description = "Not a subscription a browser makes, or an address pushes may not go to"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn push_subscribe(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Json(subscription): Json<json::PushSubscription>,
) -> AppResult<StatusCode> {
    let id = checked_id(&id)?;
    let json::PushSubscription { endpoint, keys, language, .. } = subscription;
    if endpoint.len() > ENDPOINT_AT_MOST {
        return Err(AppError::InvalidField(format!("endpoint: longer than {ENDPOINT_AT_MOST} characters")));
    }
    let parsed = Subscription::parse(&endpoint, &keys.p256dh, &keys.auth)
        .map_err(|error| AppError::InvalidField(error.to_string()))?;
    if let Some(why) = refusal(&parsed.endpoint, state.push_reach) {
        return Err(AppError::InvalidField(format!("endpoint: {why}")));
    }
    let language = match language {
        Some(language) if KIOSK_LANGUAGES.contains(&language.as_str()) => language,
        Some(language) => return Err(AppError::InvalidField(format!("language: no texts in {language:?}"))),
        None => String::new(),
    };
    let record = PushSubscriptionRecord { endpoint, p256dh: keys.p256dh, auth: keys.auth, language };
    state.store.save_push_subscription(id, &record).await?.ok_or_else(no_such_ticket)?;
    state.push.watch(id);
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/v1/tickets/{id}/push`: the phone turns notifications off; its subscription is
/// forgotten at once. Deleting twice is harmless.
#[utoipa::path(delete, path = "/api/v1/tickets/{id}/push", tag = "visitors", params(("id" = String, Path)),
    responses((status = 204, description = "Forgotten (or there was none)"),
        (status = 404, body = json::ApiError, description = "Not a ticket id"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn push_unsubscribe(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<StatusCode> {
    let id = checked_id(&id)?;
    state.store.delete_push_subscription(id).await?;
    state.push.unwatch(id);
    Ok(StatusCode::NO_CONTENT)
}
