//! Staff accounts: argon2id password hashes, session cookies, and a brake on guessing.
//!
//! A session is a random 256-bit token in an `HttpOnly; SameSite=Strict` cookie: scripts
//! cannot read it and other sites cannot make the browser send it, which is what protects the
//! staff routes against cross-site request forgery. The database keeps only its SHA-256.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use willkommen_api::Role;

use crate::AppState;
use crate::error::AppError;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "willkommen_session";
/// How long a sign-in lasts: a working day with overtime.
pub const SESSION_LIFETIME: Duration = Duration::from_secs(12 * 60 * 60);
/// Failed sign-ins per username within [`THROTTLE_WINDOW`] before further tries are refused.
pub const MAX_FAILED_LOGINS: usize = 5;
pub const THROTTLE_WINDOW: Duration = Duration::from_secs(15 * 60);

/// An argon2id hash (PHC string) of `password` with a fresh random salt.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|error| anyhow::anyhow!("no randomness for a salt: {error}"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|error| anyhow::anyhow!("salt: {error}"))?;
    let hash = Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|error| anyhow::anyhow!("cannot hash the password: {error}"))?;
    Ok(hash.to_string())
}

/// Whether `password` matches the stored `hash`. A malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
}

/// [`verify_password`] on a blocking thread: each check takes about 100 ms of CPU by design,
/// which must not stall the requests sharing the async runtime.
pub async fn verify_password_off_thread(password: String, hash: String) -> crate::error::AppResult<bool> {
    tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .map_err(|error| AppError::from(anyhow::anyhow!("password check failed: {error}")))
}

/// A new session token (for the cookie) and its hash (for the database).
pub fn new_session_token() -> anyhow::Result<(String, String)> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("no randomness for a session: {error}"))?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = token_hash(&token);
    Ok((token, hash))
}

pub fn token_hash(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// The `Set-Cookie` value that signs a browser in (`Secure` when served over HTTPS).
pub fn session_cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}{secure}",
        SESSION_LIFETIME.as_secs()
    )
}

/// The `Set-Cookie` value that signs a browser out.
pub fn expired_session_cookie() -> String {
    format!("{SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0")
}

/// The session token in the request's cookies, if any.
pub fn session_token(headers: &HeaderMap) -> Option<&str> {
    cookie(headers, SESSION_COOKIE)
}

/// The value of the request's cookie `wanted`, if it has one that is not empty.
pub fn cookie<'a>(headers: &'a HeaderMap, wanted: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|cookie| cookie.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

/// A signed-in account, as a request extractor: a handler that takes it refuses anonymous
/// requests with 401 `not_signed_in`.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub account_id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let not_signed_in = || AppError::NotSignedIn("sign in first (no session, or it expired)".into());
        let token = session_token(&parts.headers).ok_or_else(not_signed_in)?;
        state.store.session_account(&token_hash(token), state.store.now()).await?.ok_or_else(not_signed_in)
    }
}

/// The signed-in account if its role is `allowed`; else 401 `not_signed_in` (anonymous) or
/// 403 `forbidden` ("this needs {needs}").
async fn signed_in_as(
    parts: &mut Parts,
    state: &AppState,
    allowed: impl Fn(Role) -> bool,
    needs: &str,
) -> Result<SignedIn, AppError> {
    let account = SignedIn::from_request_parts(parts, state).await?;
    if !allowed(account.role) {
        return Err(AppError::Forbidden(format!("this needs {needs}")));
    }
    Ok(account)
}

/// A signed-in admin, as a request extractor: anonymous requests get 401 `not_signed_in`,
/// staff accounts 403 `forbidden`.
#[derive(Clone, Debug)]
pub struct Admin(pub SignedIn);

impl FromRequestParts<AppState> for Admin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Self(signed_in_as(parts, state, |role| role == Role::Admin, "an admin account").await?))
    }
}

/// A signed-in account that serves visitors (staff or admin), as a request extractor: the
/// read-only statistics role gets 403 `forbidden`.
#[derive(Clone, Debug)]
pub struct CounterStaff(pub SignedIn);

impl FromRequestParts<AppState> for CounterStaff {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Self(signed_in_as(parts, state, Role::serves_visitors, "a staff or admin account").await?))
    }
}

/// A signed-in account that reads the statistics (admin or statistics), as a request
/// extractor: counter staff get 403 `forbidden`.
#[derive(Clone, Debug)]
pub struct StatisticsReader(pub SignedIn);

impl FromRequestParts<AppState> for StatisticsReader {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Self(signed_in_as(parts, state, Role::reads_statistics, "an admin or statistics account").await?))
    }
}

/// Remembers failed sign-ins per username, in memory: guessing a password costs the guesser
/// a quarter of an hour per five tries, and a restart forgets (acceptable, it is a brake).
#[derive(Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

impl LoginThrottle {
    /// Whether `username` may try now.
    pub fn allows(&self, username: &str, now: Instant) -> bool {
        let mut failures = self.failures.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let recent = failures.entry(username.to_lowercase()).or_default();
        recent.retain(|at| now.duration_since(*at) < THROTTLE_WINDOW);
        recent.len() < MAX_FAILED_LOGINS
    }

    pub fn record_failure(&self, username: &str, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        failures.entry(username.to_lowercase()).or_default().push(now);
    }

    pub fn forget(&self, username: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        failures.remove(&username.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_hash_only() {
        let hash = hash_password("willkommen-1").unwrap();

        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("willkommen-1", &hash));
        assert!(!verify_password("willkommen-2", &hash));
        assert!(!verify_password("willkommen-1", "not a hash"));
    }

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, "theme=dark; willkommen_session=abc123; lang=de".parse().unwrap());

        assert_eq!(session_token(&headers), Some("abc123"));
        assert_eq!(session_token(&HeaderMap::new()), None);
    }

    #[test]
    fn five_failures_close_the_door_for_the_window() {
        let throttle = LoginThrottle::default();
        let start = Instant::now();
        for _ in 0..MAX_FAILED_LOGINS {
            assert!(throttle.allows("Schalter1", start));
            throttle.record_failure("Schalter1", start);
        }

        assert!(!throttle.allows("schalter1", start), "usernames are case-insensitive here");
        assert!(throttle.allows("schalter2", start));
        assert!(throttle.allows("schalter1", start + THROTTLE_WINDOW));
    }

    #[test]
    fn session_cookies_are_http_only_and_same_site_strict() {
        let cookie = session_cookie("tok", true);

        assert!(cookie.contains("HttpOnly"));
        assert!(cookie.contains("SameSite=Strict"));
        assert!(cookie.ends_with("; Secure"));
        assert!(!session_cookie("tok", false).contains("Secure"));
    }
}
