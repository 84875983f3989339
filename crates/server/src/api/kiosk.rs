use axum::extract::State;
use willkommen_api as json;

use crate::AppState;
use crate::error::{AppResult, Json};

/// `GET /api/v1/kiosk`
pub async fn kiosk_show(State(state): State<AppState>) -> AppResult<Json<json::Kiosk>> {
    Ok(Json(state.store.kiosk(jiff::Timestamp::now()).await?))
}
