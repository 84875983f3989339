use axum::extract::State;
use willkommen_api as json;

use crate::AppState;
use crate::error::{AppResult, Json};

/// `GET /api/v1/kiosk`
#[utoipa::path(get, path = "/api/v1/kiosk", tag = "visitors",
    responses((status = 200, body = json::Kiosk), (status = 500, body = json::ApiError)))]
pub async fn kiosk_show(State(state): State<AppState>) -> AppResult<Json<json::Kiosk>> {
    Ok(Json(state.store.kiosk(jiff::Timestamp::now()).await?))
}
