use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use jiff::Timestamp;
use willkommen_api as json;

use crate::AppState;
use crate::error::{AppError, AppResult, Json};
use crate::issuing::issue_ticket;
use crate::ticket_id::looks_like_ticket_id;

/// `POST /api/v1/tickets`: a visitor takes a ticket.
pub async fn tickets_create(
    State(state): State<AppState>,
    Json(request): Json<json::NewTicket>,
) -> AppResult<impl IntoResponse> {
    let record = issue_ticket(&state.store, request, Timestamp::now()).await?;
    let ticket = record.into_json(&state.public_url)?;
    let location = format!("{}/tickets/{}", json::API_PREFIX, ticket.id.as_str());
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(ticket)))
}

/// `GET /api/v1/tickets/{id}`: a ticket, for whoever holds its id.
pub async fn tickets_show(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Json<json::Ticket>> {
    // The same answer for a malformed and an unknown id: nothing to learn by probing.
    let not_found = || AppError::NotFound("no such ticket".into());
    if !looks_like_ticket_id(&id) {
        return Err(not_found());
    }
    let record = state.store.ticket(&id).await?.ok_or_else(not_found)?;
    Ok(Json(record.into_json(&state.public_url)?))
}
