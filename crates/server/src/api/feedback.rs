//! "How was your visit?": the visitor's anonymous answer once the ticket is finished, counted
//! for the statistics (`statistics_feedback`); the ticket keeps only that it was answered.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use willkommen_api as json;

use super::tickets::{checked_id, no_such_ticket};
use crate::AppState;
use crate::error::{AppError, AppResult, Json};

/// `POST /api/v1/tickets/{id}/feedback`: five faces and the reasons ticked, once per visit.
#[utoipa::path(post, path = "/api/v1/tickets/{id}/feedback", tag = "visitors", params(("id" = String, Path)),
    request_body = json::Feedback,
    responses((status = 204, description = "Counted"),
        (status = 404, body = json::ApiError, description = "No such ticket"),
        (status = 409, body = json::ApiError, description = "The visit is not over, or was rated already"),
        (status = 422, body = json::ApiError, description = "A rating outside 1 to 5, or a reason twice"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn feedback_give(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Json(feedback): Json<json::Feedback>,
) -> AppResult<StatusCode> {
    let id = checked_id(&id)?;
    if let Some(problem) = feedback.problem() {
        return Err(AppError::InvalidField(problem));
    }
    state.store.record_feedback(id, &feedback).await?.ok_or_else(no_such_ticket)?;
    Ok(StatusCode::NO_CONTENT)
}
