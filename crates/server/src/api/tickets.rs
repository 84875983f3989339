use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use willkommen_api::{self as json, IDEMPOTENCY_KEY_HEADER};

use crate::AppState;
use crate::error::{AppError, AppResult, Json};
use crate::issuing::check_request;
use crate::store::TicketView;
use crate::ticket_id::looks_like_ticket_id;

/// `POST /api/v1/tickets`: a visitor takes a ticket. Safe to retry with the same
/// `Idempotency-Key`: the visitor never gets two tickets.
#[utoipa::path(post, path = "/api/v1/tickets", tag = "visitors", request_body = json::NewTicket,
    params(("Idempotency-Key" = String, Header, pattern = "^[!-~]{1,128}$",
        description = "New for each visitor's attempt, the same for its retries")),
    responses((status = 201, body = json::Ticket, description = "The ticket, also for a retry with the same key"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn tickets_create(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(request): Json<json::NewTicket>,
) -> AppResult<Response> {
    let key = idempotency_key(&headers)?;
    let now = state.store.now();
    let url_base = state.ticket_url_base().await?;
    let issued = state
        .store
        .issue_ticket(
            key,
            &request,
            now,
            |context| check_request(&request, now, context),
            |view| Ok(serde_json::to_string(&visitor_ticket(view, &url_base)?).map_err(anyhow::Error::from)?),
        )
        .await?;
    let status = StatusCode::from_u16(issued.status).unwrap_or(StatusCode::CREATED);
    let id = serde_json::from_str::<json::Ticket>(&issued.body).map(|ticket| ticket.id.0).unwrap_or_default();
    let location = format!("{}/tickets/{id}", json::API_PREFIX);
    let mut response = (status, [(header::CONTENT_TYPE, "application/json")], issued.body).into_response();
    if let Ok(location) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    if issued.replayed {
        response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
    } else if status == StatusCode::CREATED {
        state.metrics.ticket_issued(&request.concern.0);
    }
    Ok(response)
}

/// The `Idempotency-Key` header: 1 to 128 visible ASCII characters (a UUID, say).
fn idempotency_key(headers: &HeaderMap) -> AppResult<&str> {
    let missing = || {
        AppError::IdempotencyKeyMissing(format!(
            "send an {IDEMPOTENCY_KEY_HEADER} header (1 to 128 visible ASCII characters, new for each ticket)"
        ))
    };
    let key = headers.get(IDEMPOTENCY_KEY_HEADER).ok_or_else(missing)?.to_str().map_err(|_| missing())?;
    let valid = (1..=128).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic());
    if valid { Ok(key) } else { Err(missing()) }
}

/// `GET /api/v1/tickets/{id}`: a ticket, for whoever holds its id.
#[utoipa::path(get, path = "/api/v1/tickets/{id}", tag = "visitors", params(("id" = String, Path)),
    responses((status = 200, body = json::Ticket), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn tickets_show(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Json<json::Ticket>> {
    let view = state.store.ticket(checked_id(&id)?).await?.ok_or_else(no_such_ticket)?;
    Ok(Json(visitor_ticket(view, &state.ticket_url_base().await?)?))
}

/// `POST /api/v1/tickets/{id}/cancel`: the visitor gives up their place.
#[utoipa::path(post, path = "/api/v1/tickets/{id}/cancel", tag = "visitors", params(("id" = String, Path)),
    responses((status = 200, body = json::Ticket), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn tickets_cancel(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Json<json::Ticket>> {
    let view = state.store.cancel_ticket(checked_id(&id)?, state.store.now()).await?.ok_or_else(no_such_ticket)?;
    Ok(Json(visitor_ticket(view, &state.ticket_url_base().await?)?))
}

/// The same answer for a malformed and an unknown id: nothing to learn by probing.
pub(super) fn checked_id(id: &str) -> AppResult<&str> {
    if looks_like_ticket_id(id) { Ok(id) } else { Err(no_such_ticket()) }
}

pub(super) fn no_such_ticket() -> AppError {
    AppError::NotFound("no such ticket".into())
}

/// A ticket as its visitor sees it; `public_url` is where visitors' phones reach the server.
pub fn visitor_ticket(view: TicketView, public_url: &str) -> anyhow::Result<json::Ticket> {
    let TicketView { record, people_ahead, estimated_wait } = view;
    let (number, status) = (record.number()?, record.status()?);
    let appointment = record.appointment();
    let id = json::TicketId(record.id);
    Ok(json::Ticket {
        appointment,
        status_url: format!("{public_url}{}", json::ticket_status_path(&id)),
        id,
        number,
        concern: json::ConcernId(record.concern_id),
        concern_name: record.concern_name.map(|name| name.0).unwrap_or_default(),
        language: record.language,
        status,
        issued_at: record.issued_at,
        checklist: record.checklist.0,
        people_ahead,
        estimated_wait,
        counter: matches!(status, json::TicketStatus::Called | json::TicketStatus::Serving)
            .then_some(record.counter_name)
            .flatten(),
    })
}
