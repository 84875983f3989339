//! The admin console's account and audit routes under `/api/v1/admin`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use jiff::Timestamp;
use serde::Deserialize;
use willkommen_api::account_rules::{check_display_name, check_password, check_username};
use willkommen_api::{self as json, AuditKind};

use crate::AppState;
use crate::auth::{Admin, hash_password};
use crate::error::{AppError, AppResult, Json, Query};
use crate::store::AuditFilter;

/// `GET /api/v1/admin/accounts`
#[utoipa::path(get, path = "/api/v1/admin/accounts", tag = "admin", security(("session" = [])),
    responses((status = 200, body = Vec<json::Account>), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn accounts_list(_: Admin, State(state): State<AppState>) -> AppResult<Json<Vec<json::Account>>> {
    Ok(Json(state.store.accounts().await?))
}

/// `POST /api/v1/admin/accounts`
#[utoipa::path(post, path = "/api/v1/admin/accounts", tag = "admin", security(("session" = [])), request_body = json::NewAccount,
    responses((status = 201, body = json::Account), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn accounts_create(
    Admin(me): Admin,
    State(state): State<AppState>,
    Json(new): Json<json::NewAccount>,
) -> AppResult<(StatusCode, Json<json::Account>)> {
    check_username(&new.username).map_err(AppError::InvalidField)?;
    check_display_name(&new.display_name).map_err(AppError::InvalidField)?;
    let hash = hashed(&new.password).await?;
    let new = json::NewAccount { display_name: new.display_name.trim().to_owned(), ..new };
    let account = state.store.create_account(&new, &hash, me.account_id, state.store.now()).await?;
    Ok((StatusCode::CREATED, Json(account)))
}

/// `PATCH /api/v1/admin/accounts/{id}`
#[utoipa::path(patch, path = "/api/v1/admin/accounts/{id}", tag = "admin", security(("session" = [])),
    params(("id" = i64, Path)), request_body = json::AccountChange,
    responses((status = 200, body = json::Account), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn accounts_change(
    Admin(me): Admin,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Json(change): Json<json::AccountChange>,
) -> AppResult<Json<json::Account>> {
    if let Some(name) = &change.display_name {
        check_display_name(name).map_err(AppError::InvalidField)?;
    }
    let change = json::AccountChange { display_name: change.display_name.map(|name| name.trim().to_owned()), ..change };
    Ok(Json(state.store.change_account(account_id(&id)?, &change, me.account_id, state.store.now()).await?))
}

/// `POST /api/v1/admin/accounts/{id}/password`: sets a new password; the account's sessions end.
#[utoipa::path(post, path = "/api/v1/admin/accounts/{id}/password", tag = "admin", security(("session" = [])),
    params(("id" = i64, Path)), request_body = json::NewPassword,
    responses((status = 204), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn accounts_password(
    Admin(me): Admin,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Json(new): Json<json::NewPassword>,
) -> AppResult<StatusCode> {
    let id = account_id(&id)?;
    let hash = hashed(&new.password).await?;
    state.store.reset_password(id, &hash, me.account_id, state.store.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct AuditQuery {
    actor: Option<String>,
    kind: Option<String>,
    since: Option<String>,
    until: Option<String>,
    before: Option<i64>,
}

/// `GET /api/v1/admin/audit?actor=&kind=&since=&until=&before=`: newest first, 100 per page.
#[utoipa::path(get, path = "/api/v1/admin/audit", tag = "admin", security(("session" = [])),
    params(
        ("actor" = Option<String>, Query, description = "User name of who did it"),
        ("kind" = Option<String>, Query, description = "draft_saved, published, restored, imported, account_created, ..."),
        ("since" = Option<String>, Query, description = "YYYY-MM-DD or RFC 3339 (UTC), inclusive"),
        ("until" = Option<String>, Query, description = "YYYY-MM-DD or RFC 3339 (UTC), exclusive"),
        ("before" = Option<i64>, Query, description = "Only entries older than this id: the next page"),
    ),
    responses((status = 200, body = Vec<json::AuditEntry>), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn audit_list(
    _: Admin,
    State(state): State<AppState>,
    Query(query): Query<AuditQuery>,
) -> AppResult<Json<Vec<json::AuditEntry>>> {
    let kind = match query.kind.as_deref().filter(|kind| !kind.is_empty()) {
        None => None,
        Some(kind) => Some(
            AuditKind::ALL
                .into_iter()
                .find(|known| known.as_str() == kind)
                .ok_or_else(|| AppError::InvalidField(format!("kind: there is no kind {kind:?}")))?,
        ),
    };
    for (name, moment) in [("since", &query.since), ("until", &query.until)] {
        if let Some(moment) = moment.as_deref().filter(|moment| !moment.is_empty())
            && moment.parse::<jiff::civil::Date>().is_err()
            && moment.parse::<Timestamp>().is_err()
        {
            return Err(AppError::InvalidField(format!("{name}: a date YYYY-MM-DD or a time in RFC 3339 is needed")));
        }
    }
    let non_empty = |text: Option<String>| text.filter(|text| !text.trim().is_empty());
    let filter = AuditFilter {
        actor: non_empty(query.actor),
        kind,
        since: non_empty(query.since),
        until: non_empty(query.until),
        before: query.before,
    };
    Ok(Json(state.store.audit(&filter).await?))
}

fn account_id(id: &str) -> AppResult<i64> {
    id.parse().map_err(|_| AppError::NotFound("no such account".into()))
}

/// Hashes on a blocking thread (argon2 takes a while on purpose).
async fn hashed(password: &str) -> AppResult<String> {
    check_password(password).map_err(AppError::InvalidField)?;
    let password = password.to_owned();
    Ok(tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|error| anyhow::anyhow!("password hashing failed: {error}"))??)
}
