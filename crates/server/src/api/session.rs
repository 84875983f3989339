use std::sync::LazyLock;
use std::time::Instant;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use willkommen_api as json;

use crate::AppState;
use crate::auth::{self, SignedIn};
use crate::error::{AppError, AppResult, Json};

/// `POST /api/v1/session`: sign in with username and password.
#[utoipa::path(post, path = "/api/v1/session", tag = "staff", request_body = json::Login,
    responses((status = 200, body = json::Me, description = "Signed in; the session cookie is set"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn session_create(State(state): State<AppState>, Json(login): Json<json::Login>) -> AppResult<Response> {
    let now = Instant::now();
    if !state.login_throttle.allows(&login.username, now) {
        return Err(AppError::TooManyAttempts(
            "too many failed sign-ins for this account; wait 15 minutes or ask an administrator".into(),
        ));
    }
    let account = state.store.login_account(&login.username).await?;
    // Verify against some hash even for unknown users, so timing does not reveal who exists.
    let hash = account.as_ref().map_or_else(|| DUMMY_HASH.clone(), |account| account.password_hash.clone());
    let matches = auth::verify_password_off_thread(login.password.clone(), hash).await?;
    let Some(account) = account.filter(|account| matches && account.active) else {
        state.login_throttle.record_failure(&login.username, now);
        return Err(AppError::InvalidCredentials("wrong username or password".into()));
    };
    state.login_throttle.forget(&login.username);
    // Only after the password matched: a wrong one still says just that.
    if state.local_sign_in == crate::settings::LocalSignIn::Admins && account.role != json::Role::Admin.as_str() {
        return Err(AppError::Forbidden(
            "sign in with the office account: here a Willkommen password is only for administrators".into(),
        ));
    }
    if state.oidc.is_some() {
        state.store.record_password_sign_in(account.id, state.store.now()).await?;
    }
    let (token, token_hash) = auth::new_session_token()?;
    state.store.create_session(account.id, &token_hash, false, state.store.now()).await?;
    let me = state
        .store
        .session_account(&token_hash, state.store.now())
        .await?
        .ok_or_else(|| anyhow::anyhow!("a new session is not readable"))?;
    let cookie = auth::session_cookie(&token, state.public_url.starts_with("https://"));
    Ok(([(header::SET_COOKIE, cookie)], Json(me_json(&me))).into_response())
}

/// `GET /api/v1/session`: who is signed in.
#[utoipa::path(get, path = "/api/v1/session", tag = "staff", security(("session" = [])),
    responses((status = 200, body = json::Me), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn session_show(me: SignedIn) -> Json<json::Me> {
    Json(me_json(&me))
}

#[derive(serde::Deserialize)]
pub struct SignOutQuery {
    /// `staff` or `admin`: where the provider sends the browser back after signing out there.
    page: Option<String>,
}

/// `DELETE /api/v1/session?page=staff|admin`: sign out. A session signed in through the
/// office's identity provider also gets where to sign out there, when the provider offers it.
#[utoipa::path(delete, path = "/api/v1/session", tag = "staff",
    params(("page" = Option<String>, Query, description = "staff (default) or admin: where the provider sends the browser back")),
    responses((status = 204, description = "Signed out"),
        (status = 200, body = json::SignedOut, description = "Signed out here; the browser goes on to sign out at the provider"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn session_delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    crate::error::Query(query): crate::error::Query<SignOutQuery>,
) -> AppResult<Response> {
    let through_provider = match auth::session_token(&headers) {
        Some(token) => state.store.delete_session(&auth::token_hash(token)).await?,
        None => false,
    };
    let cleared = [(header::SET_COOKIE, auth::expired_session_cookie())];
    let page = if query.page.as_deref() == Some("admin") { "admin" } else { "staff" };
    let at_provider = match &state.oidc {
        Some(provider) if through_provider => provider.sign_out_url(page).await,
        _ => None,
    };
    Ok(match at_provider {
        Some(url) => (cleared, Json(json::SignedOut { provider_sign_out: url.to_string() })).into_response(),
        None => (StatusCode::NO_CONTENT, cleared).into_response(),
    })
}

fn me_json(me: &SignedIn) -> json::Me {
    json::Me { username: me.username.clone(), display_name: me.display_name.clone(), role: me.role }
}

/// A real argon2id hash of a password nobody types, checked for unknown usernames.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| auth::hash_password("no account has this password").unwrap_or_default());
