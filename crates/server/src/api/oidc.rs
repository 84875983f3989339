//! Signing in through the office's identity provider: how staff can sign in here, leaving for
//! the provider, and coming back from it with a session. Every refusal goes back to the
//! sign-in page with its reason on the address (`/staff?sign_in=no_role`), which the page
//! explains; the details go to the log, never a token.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use willkommen_api as json;

use crate::AppState;
use crate::auth;
use crate::error::{AppError, AppResult, Json, Query};
use crate::oidc::Refusal;
use crate::settings::LocalSignIn;
use crate::store::{OIDC_LOGIN_LIFETIME, ProviderPerson, ProviderSignIn};

/// The cookie that ties the way back to the browser that left (login CSRF): a random handle
/// naming the pending sign-in. `SameSite=None`, since the way back is the provider's
/// (a form post, for AD FS); it names nothing without the matching state.
const PENDING_COOKIE: &str = "willkommen_oidc";
const PENDING_COOKIE_PATH: &str = "/api/v1/session/oidc";

/// `GET /api/v1/session/methods`: how staff can sign in here.
#[utoipa::path(get, path = "/api/v1/session/methods", tag = "staff",
    responses((status = 200, body = json::SignInMethods), (status = 500, body = json::ApiError)))]
pub async fn sign_in_methods(State(state): State<AppState>) -> Json<json::SignInMethods> {
    let office = state.oidc.as_ref().map(|provider| json::OfficeSignIn {
        label: provider.settings().label.clone(),
        staff_start: "/api/v1/session/oidc/start?page=staff".into(),
        admin_start: "/api/v1/session/oidc/start?page=admin".into(),
    });
    let local = match state.local_sign_in {
        LocalSignIn::Everyone => json::LocalSignIn::Everyone,
        LocalSignIn::Admins => json::LocalSignIn::Admins,
    };
    Json(json::SignInMethods { office, local })
}

#[derive(Deserialize)]
pub struct StartQuery {
    page: Option<String>,
    prompt: Option<String>,
}

/// The pages a sign-in comes from and goes back to: never a URL from the request.
fn page_of(page: Option<&str>) -> &'static str {
    match page {
        Some("admin") => "admin",
        _ => "staff",
    }
}

fn back_to(page: &str, outcome: &str) -> Response {
    Redirect::to(&format!("/{page}?sign_in={outcome}")).into_response()
}

/// `GET /api/v1/session/oidc/start?page=staff|admin[&prompt=login]`: to the provider's sign-in.
/// A page reaches it by navigation (a link), not by `fetch`.
#[utoipa::path(get, path = "/api/v1/session/oidc/start", tag = "staff",
    params(("page" = Option<String>, Query, description = "staff (default) or admin: where the sign-in goes back to"),
        ("prompt" = Option<String>, Query, description = "login: the provider asks again (someone else signs in)")),
    responses((status = 303, description = "To the provider's sign-in, or back to the page with ?sign_in=provider_unreachable"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn oidc_start(State(state): State<AppState>, Query(query): Query<StartQuery>) -> AppResult<Response> {
    let provider = state.oidc.as_ref().ok_or_else(not_set_up)?;
    let page = page_of(query.page.as_deref());
    let (url, pending) = match provider.start(page, query.prompt.as_deref() == Some("login")).await {
        Ok(started) => started,
        Err(refusal) => return Ok(back_to(page, refusal.as_str())),
    };
    let (handle, handle_hash) = auth::new_session_token()?;
    state.store.begin_oidc_login(&handle_hash, &pending, state.store.now()).await?;
    let cookie = format!(
        "{PENDING_COOKIE}={handle}; HttpOnly; SameSite=None; Secure; Path={PENDING_COOKIE_PATH}; Max-Age={}",
        OIDC_LOGIN_LIFETIME.as_secs()
    );
    let mut response = Redirect::to(url.as_str()).into_response();
    response.headers_mut().insert(header::SET_COOKIE, HeaderValue::try_from(cookie).map_err(anyhow::Error::from)?);
    Ok(response)
}

/// What the provider sends back, in the query or (form_post) in a form.
#[derive(Default)]
pub struct Answer {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    /// RFC 9207: the issuer that answers, when the provider says.
    iss: Option<String>,
}

impl Answer {
    /// Read leniently, as URL-encoded text (a query or a form): whatever else is in it is
    /// left out, and what is missing makes the way back fail with its reason, not an error page.
    fn read(encoded: &[u8]) -> Self {
        let mut answer = Self::default();
        for (name, value) in url::form_urlencoded::parse(encoded) {
            let field = match name.as_ref() {
                "code" => &mut answer.code,
                "state" => &mut answer.state,
                "error" => &mut answer.error,
                "iss" => &mut answer.iss,
                _ => continue,
            };
            field.get_or_insert_with(|| value.into_owned());
        }
        answer
    }
}

/// `GET /api/v1/session/oidc/callback`: back from the provider. One use per sign-in.
#[utoipa::path(get, path = "/api/v1/session/oidc/callback", tag = "staff",
    responses((status = 303, description = "To the page signed in (the session cookie set), or back with ?sign_in=<reason>: no_role, deactivated, expired, cancelled, provider_unreachable, failed"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn oidc_callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    come_back(&state, &headers, Answer::read(query.unwrap_or_default().as_bytes())).await
}

/// `POST /api/v1/session/oidc/callback`: the same, for a provider that posts its answer
/// (`oidc_response_mode = form_post`, AD FS).
#[utoipa::path(post, path = "/api/v1/session/oidc/callback", tag = "staff",
    responses((status = 303, description = "As the GET"), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn oidc_callback_posted(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    come_back(&state, &headers, Answer::read(&body)).await
}

async fn come_back(state: &AppState, headers: &HeaderMap, answer: Answer) -> AppResult<Response> {
    let provider = state.oidc.as_ref().ok_or_else(not_set_up)?;
    let pending = match auth::cookie(headers, PENDING_COOKIE) {
        Some(handle) => state.store.take_oidc_login(&auth::token_hash(handle), state.store.now()).await?,
        None => None,
    };
    let cleared = format!("{PENDING_COOKIE}=; HttpOnly; SameSite=None; Secure; Path={PENDING_COOKIE_PATH}; Max-Age=0");
    let outcome = match pending {
        None => back_to("staff", "expired"),
        Some(pending) => {
            let page = page_of(Some(pending.page.as_str()));
            if answer.iss.as_ref().is_some_and(|iss| *iss != provider.settings().issuer) {
                tracing::warn!("an answer named another identity provider as its issuer");
                back_to(page, Refusal::Failed.as_str())
            } else if answer.state.as_deref().is_none_or(|state| !same(state, &pending.state)) {
                tracing::warn!("an answer from the identity provider did not carry the sign-in's state");
                back_to(page, "expired")
            } else if let Some(error) = answer.error {
                tracing::info!(error, "the identity provider sent the sign-in back without a code");
                back_to(page, Refusal::Cancelled.as_str())
            } else if let Some(code) = answer.code {
                sign_in(state, page, code, &pending).await?
            } else {
                back_to(page, Refusal::Failed.as_str())
            }
        }
    };
    let mut response = outcome;
    response.headers_mut().append(header::SET_COOKIE, HeaderValue::try_from(cleared).map_err(anyhow::Error::from)?);
    Ok(response)
}

/// The code exchanged and checked, the role mapped, the account and session made.
async fn sign_in(
    state: &AppState,
    page: &'static str,
    code: String,
    pending: &crate::store::PendingLogin,
) -> AppResult<Response> {
    let provider = state.oidc.as_ref().ok_or_else(not_set_up)?;
    let vouched = match provider.finish(code, pending).await {
        Ok(vouched) => vouched,
        Err(refusal) => return Ok(back_to(page, refusal.as_str())),
    };
    let issuer = provider.settings().issuer.clone();
    let now = state.store.now();
    let Some(role) = vouched.role else {
        state.store.provider_sign_in_refused(&issuer, &vouched.subject, now).await?;
        return Ok(back_to(page, "no_role"));
    };
    let person = ProviderPerson { issuer, subject: vouched.subject, display_name: vouched.display_name };
    let account = match state.store.provider_sign_in(&person, role, now).await? {
        ProviderSignIn::Account(account) => account,
        ProviderSignIn::Deactivated => return Ok(back_to(page, "deactivated")),
    };
    let (token, token_hash) = auth::new_session_token()?;
    state.store.create_session(account, &token_hash, true, now).await?;
    let cookie = auth::session_cookie(&token, state.public_url.starts_with("https://"));
    let mut response = Redirect::to(&format!("/{page}")).into_response();
    response.headers_mut().insert(header::SET_COOKIE, HeaderValue::try_from(cookie).map_err(anyhow::Error::from)?);
    Ok(response)
}

/// Compares in constant time: the state is a secret of this sign-in.
fn same(given: &str, expected: &str) -> bool {
    given.len() == expected.len() && given.bytes().zip(expected.bytes()).fold(0u8, |diff, (a, b)| diff | (a ^ b)) == 0
}

fn not_set_up() -> AppError {
    AppError::NotFound("signing in with the office's identity provider is not set up here".into())
}
