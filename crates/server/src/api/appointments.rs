//! The kiosk's appointment routes: look a booking reference up, and check in for it.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use willkommen_api as json;

use super::tickets::visitor_ticket;
use crate::AppState;
use crate::error::{AppError, AppResult, Json};
use crate::reference_throttle::{ClientAddress, ReferenceThrottle};
use crate::store::CheckInContext;

/// `GET /api/v1/appointments/{reference}`: the appointment and whether it can be checked in
/// now. Unknown references count against the asking kiosk (see `reference_throttle.rs`).
#[utoipa::path(get, path = "/api/v1/appointments/{reference}", tag = "visitors",
    params(("reference" = String, Path, description = "As the visitor typed or scanned it; case, spaces and dashes do not matter")),
    responses((status = 200, body = json::AppointmentLookup), (status = "4XX", body = json::ApiError),
        (status = 500, body = json::ApiError)))]
pub async fn appointments_show(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    Path(reference): Path<String>,
) -> AppResult<Json<json::AppointmentLookup>> {
    let now = std::time::Instant::now();
    state.reference_throttle.check(client, now).map_err(ReferenceThrottle::refusal)?;
    let lookup = match json::normalize_reference(&reference) {
        Some(key) => state.store.look_up_appointment(&key, state.store.now()).await?,
        None => None,
    };
    let Some(lookup) = lookup else {
        state.reference_throttle.record_unknown(client, now);
        return Err(unknown_appointment());
    };
    Ok(Json(json::AppointmentLookup {
        reference: lookup.record.reference.clone(),
        slot: lookup.record.slot.clone(),
        concern: json::ConcernId(lookup.record.concern_id.clone()),
        check_in: lookup.check_in,
    }))
}

/// `POST /api/v1/appointments/{reference}/check-in`: the visitor's ticket for the appointment;
/// `201` the first time, `200` with the same ticket after that.
#[utoipa::path(post, path = "/api/v1/appointments/{reference}/check-in", tag = "visitors",
    params(("reference" = String, Path)), request_body = json::CheckIn,
    responses((status = 201, body = json::Ticket, description = "Checked in"),
        (status = 200, body = json::Ticket, description = "Checked in before: the same ticket"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn appointments_check_in(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    Path(reference): Path<String>,
    Json(request): Json<json::CheckIn>,
) -> AppResult<Response> {
    let started = std::time::Instant::now();
    state.reference_throttle.check(client, started).map_err(ReferenceThrottle::refusal)?;
    let Some(key) = json::normalize_reference(&reference) else {
        state.reference_throttle.record_unknown(client, started);
        return Err(unknown_appointment());
    };
    let checked_in = state
        .store
        .check_in(&key, &request, state.store.now(), |context| check_request(&request, context))
        .await
        .inspect_err(|error| {
            if matches!(error, AppError::UnknownAppointment(_)) {
                state.reference_throttle.record_unknown(client, started);
            }
        })?;
    let status = if checked_in.created { StatusCode::CREATED } else { StatusCode::OK };
    if checked_in.created {
        state.metrics.ticket_issued(&checked_in.view.record.concern_id);
    }
    let ticket = visitor_ticket(checked_in.view, &state.ticket_url_base().await?)?;
    let location = format!("{}/tickets/{}", json::API_PREFIX, ticket.id.0);
    let mut response = (status, Json(ticket)).into_response();
    if let Ok(location) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// A language the kiosk offers, and answers about the concern's own documents.
fn check_request(request: &json::CheckIn, context: &CheckInContext) -> AppResult<()> {
    if !context.languages.contains(&request.language) {
        return Err(AppError::InvalidField(format!(
            "language {:?} is not offered; choose one of {}",
            request.language,
            context.languages.join(", ")
        )));
    }
    if let Some(unknown) = request.checklist.keys().find(|id| !context.checklist_ids.contains(id)) {
        return Err(AppError::InvalidField(format!(
            "checklist item {unknown:?} does not belong to concern {:?}",
            context.concern
        )));
    }
    Ok(())
}

fn unknown_appointment() -> AppError {
    AppError::UnknownAppointment("there is no appointment with this reference today or later".into())
}
