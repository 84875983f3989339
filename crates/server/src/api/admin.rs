//! The admin console's routes under `/api/v1/admin`: the draft configuration, publishing,
//! versions, preview, import and export. Every route needs an admin session.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use willkommen_api::{self as json, AuditKind};

use super::kiosk::kiosk_json;
use crate::AppState;
use crate::auth::Admin;
use crate::error::{AppError, AppResult, Json};
use crate::office_config::{publishing_problems, read_import};
use crate::schedule::Schedule;
use crate::store::DraftRecord;

/// `GET /api/v1/admin/draft`
#[utoipa::path(get, path = "/api/v1/admin/draft", tag = "admin", security(("session" = [])),
    responses((status = 200, body = json::Draft), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn draft_show(_: Admin, State(state): State<AppState>) -> AppResult<Json<json::Draft>> {
    Ok(Json(draft_json(state.store.draft().await?)))
}

/// `PUT /api/v1/admin/draft`: saves the edits made from `revision`. A draft may be saved with
/// problems (they are listed in the answer); only publishing needs none.
#[utoipa::path(put, path = "/api/v1/admin/draft", tag = "admin", security(("session" = [])), request_body = json::SaveDraft,
    responses((status = 200, body = json::Draft), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn draft_save(
    Admin(me): Admin,
    State(state): State<AppState>,
    Json(save): Json<json::SaveDraft>,
) -> AppResult<Json<json::Draft>> {
    let revision = i64::try_from(save.revision).map_err(|_| AppError::InvalidField("revision: too large".into()))?;
    let draft = state.store.save_draft(revision, save.document, save.basis, me.account_id, state.store.now()).await?;
    Ok(Json(draft_json(draft)))
}

/// `DELETE /api/v1/admin/draft`: throws the draft away; it becomes the published version again.
#[utoipa::path(delete, path = "/api/v1/admin/draft", tag = "admin", security(("session" = [])),
    responses((status = 200, body = json::Draft), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn draft_discard(Admin(me): Admin, State(state): State<AppState>) -> AppResult<Json<json::Draft>> {
    let (version, published) = state.store.published_config().await?;
    let summary = format!("discarded the draft (back to version {version})");
    let draft = state
        .store
        .replace_draft(published, me.account_id, state.store.now(), AuditKind::DraftDiscarded, &summary)
        .await?;
    Ok(Json(draft_json(draft)))
}

/// `POST /api/v1/admin/publish`: the draft becomes the new version, everywhere at once.
#[utoipa::path(post, path = "/api/v1/admin/publish", tag = "admin", security(("session" = [])), request_body = json::Publish,
    responses((status = 200, body = json::VersionInfo), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn publish(
    Admin(me): Admin,
    State(state): State<AppState>,
    Json(publish): Json<json::Publish>,
) -> AppResult<Json<json::VersionInfo>> {
    let revision = i64::try_from(publish.revision).map_err(|_| AppError::InvalidField("revision: too large".into()))?;
    if publish.note.chars().count() > 200 {
        return Err(AppError::InvalidField("note: at most 200 characters".into()));
    }
    let version = state.store.publish(revision, &publish.note, me.account_id, state.store.now()).await?;
    let published = state.store.version(version).await?.ok_or_else(|| anyhow::anyhow!("version {version} vanished"))?;
    Ok(Json(published.info))
}

/// `GET /api/v1/admin/versions`: newest first.
#[utoipa::path(get, path = "/api/v1/admin/versions", tag = "admin", security(("session" = [])),
    responses((status = 200, body = Vec<json::VersionInfo>), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn versions_list(_: Admin, State(state): State<AppState>) -> AppResult<Json<Vec<json::VersionInfo>>> {
    Ok(Json(state.store.versions().await?))
}

/// `GET /api/v1/admin/versions/{version}`
#[utoipa::path(get, path = "/api/v1/admin/versions/{version}", tag = "admin", security(("session" = [])),
    params(("version" = u64, Path)),
    responses((status = 200, body = json::Version), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn version_show(
    _: Admin,
    State(state): State<AppState>,
    Path(version): Path<String>,
) -> AppResult<Json<json::Version>> {
    Ok(Json(find_version(&state, &version).await?))
}

/// `POST /api/v1/admin/versions/{version}/restore`: that version becomes the draft (publish
/// it to bring it back).
#[utoipa::path(post, path = "/api/v1/admin/versions/{version}/restore", tag = "admin", security(("session" = [])),
    params(("version" = u64, Path)),
    responses((status = 200, body = json::Draft), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn version_restore(
    Admin(me): Admin,
    State(state): State<AppState>,
    Path(version): Path<String>,
) -> AppResult<Json<json::Draft>> {
    let old = find_version(&state, &version).await?;
    let summary = format!("restored version {} into the draft", old.info.version);
    let draft = state
        .store
        .replace_draft(old.document, me.account_id, state.store.now(), AuditKind::Restored, &summary)
        .await?;
    Ok(Json(draft_json(draft)))
}

/// `GET /api/v1/admin/preview/kiosk`: the kiosk's data as the draft would make it, for the
/// preview (a kiosk page opened with `?preview`).
#[utoipa::path(get, path = "/api/v1/admin/preview/kiosk", tag = "admin", security(("session" = [])),
    responses((status = 200, body = json::Kiosk), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn preview_kiosk(_: Admin, State(state): State<AppState>) -> AppResult<Json<json::Kiosk>> {
    let draft = state.store.draft().await?;
    let office = &draft.document;
    let now = state.store.now();
    let issuing =
        match Schedule::new(&office.time_zone, &office.opening_hours, &office.closed_days, office.cutoff_minutes) {
            Ok(schedule) => schedule.issuing_at(now),
            // The draft's hours cannot be read yet: show the office as it is now.
            Err(_) => state.store.kiosk(now).await?.issuing,
        };
    Ok(Json(kiosk_json(office, issuing, |_| false)))
}

/// `GET /api/v1/admin/export`: the published configuration as a file to keep or import
/// elsewhere. Never tickets, accounts or passwords.
#[utoipa::path(get, path = "/api/v1/admin/export", tag = "admin", security(("session" = [])),
    responses((status = 200, body = json::OfficeConfig), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn export(_: Admin, State(state): State<AppState>) -> AppResult<Response> {
    let (version, office) = state.store.published_config().await?;
    let body = serde_json::to_vec_pretty(&office).map_err(anyhow::Error::from)?;
    let disposition = format!("attachment; filename=\"willkommen-configuration-v{version}.json\"");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).map_err(anyhow::Error::from)?),
        ],
        body,
    )
        .into_response())
}

/// `POST /api/v1/admin/import`: a configuration file (as exported) becomes the draft. The
/// whole file is checked first; with any problem, all of them are reported and nothing changes.
#[utoipa::path(post, path = "/api/v1/admin/import", tag = "admin", security(("session" = [])), request_body = json::OfficeConfig,
    responses((status = 200, body = json::Draft), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn import(Admin(me): Admin, State(state): State<AppState>, body: Bytes) -> AppResult<Json<json::Draft>> {
    let office = read_import(&body).map_err(AppError::InvalidConfig)?;
    let summary = "imported a configuration file into the draft";
    let draft =
        state.store.replace_draft(office, me.account_id, state.store.now(), AuditKind::Imported, summary).await?;
    Ok(Json(draft_json(draft)))
}

async fn find_version(state: &AppState, version: &str) -> AppResult<json::Version> {
    let not_found = || AppError::NotFound("no such version".into());
    let number: i64 = version.parse().map_err(|_| not_found())?;
    state.store.version(number).await?.ok_or_else(not_found)
}

fn draft_json(draft: DraftRecord) -> json::Draft {
    json::Draft {
        problems: publishing_problems(&draft.document),
        revision: draft.revision as u64,
        based_on: draft.based_on as u64,
        document: draft.document,
        basis: draft.basis,
        unpublished: draft.unpublished,
        saved_at: draft.saved_at,
        saved_by: draft.saved_by,
    }
}
