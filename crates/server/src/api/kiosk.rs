use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use willkommen_api as json;

use crate::AppState;
use crate::error::AppResult;

/// `GET /api/v1/kiosk`
///
/// Kiosks ask every half minute; the answer rarely changes. It carries an ETag, so the
/// browser's revalidation (`If-None-Match`) gets a bodiless 304 while nothing changed.
#[utoipa::path(get, path = "/api/v1/kiosk", tag = "visitors",
    responses((status = 200, body = json::Kiosk), (status = 304, description = "unchanged since the ETag sent"),
        (status = 500, body = json::ApiError)))]
pub async fn kiosk_show(State(state): State<AppState>, request_headers: HeaderMap) -> AppResult<Response> {
    let now = state.store.kiosk(state.store.now()).await?;
    let kiosk = kiosk_json(&now.office, now.issuing, |concern| now.quota_reached.contains(&concern.id));
    let body = serde_json::to_vec(&kiosk).map_err(anyhow::Error::from)?;
    let digest = Sha256::digest(&body);
    let tag = format!("\"{}\"", digest.iter().take(12).map(|byte| format!("{byte:02x}")).collect::<String>());
    let etag = HeaderValue::from_str(&tag).expect("hex digits in quotes are a valid header value");
    // Revalidate every time: the answer depends on the clock (opening hours) and on quotas.
    let headers = [(header::ETAG, etag), (header::CACHE_CONTROL, HeaderValue::from_static("no-cache"))];
    let unchanged = request_headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|candidate| candidate.trim() == tag || candidate.trim() == "*");
    if unchanged {
        return Ok((StatusCode::NOT_MODIFIED, headers).into_response());
    }
    Ok((headers, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response())
}

/// `GET /api/v1/display`: the lobby display's figures; `last_event` is where its live stream
/// (`/display/events?after=`) continues.
#[utoipa::path(get, path = "/api/v1/display", tag = "visitors",
    responses((status = 200, body = json::DisplayBoard), (status = 500, body = json::ApiError)))]
pub async fn display_show(State(state): State<AppState>) -> AppResult<axum::Json<json::DisplayBoard>> {
    Ok(axum::Json(state.store.display_board(state.store.now()).await?))
}

/// The kiosk's view of an office configuration: its active concerns, in order, with their
/// checklists, and whether each has used up today's tickets.
pub fn kiosk_json(
    office: &json::OfficeConfig,
    issuing: json::Issuing,
    quota_reached: impl Fn(&json::ConcernConfig) -> bool,
) -> json::Kiosk {
    json::Kiosk {
        office_name: office.office_name.clone(),
        time_zone: office.time_zone.clone(),
        languages: office.languages.clone(),
        concerns: office
            .concerns
            .iter()
            .filter(|concern| concern.active)
            .map(|concern| json::Concern {
                id: concern.id.clone(),
                prefix: concern.prefix.clone(),
                icon: concern.icon.clone(),
                name: concern.name.clone(),
                description: concern.description.clone(),
                checklist: concern.checklist.clone(),
                quota_reached: quota_reached(concern),
            })
            .collect(),
        issuing,
        information_concern: office.information_concern.clone(),
        inactivity: office.inactivity,
        appointments: office.appointments.enabled,
    }
}
