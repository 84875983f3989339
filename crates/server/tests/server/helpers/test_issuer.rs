//! An OpenID provider on 127.0.0.1 for the server tests: discovery, keys, an authorization
//! endpoint that signs the person in at once (as a provider does after its login page), and a
//! token endpoint that checks the client's secret and PKCE and hands out the ID token a test
//! asks for: a good one, or one with a wrong audience, expired, signed with another key, …
//! Tokens are signed with openidconnect's own signing (RS256).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json, Router};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chrono::{Duration, Utc};
use openidconnect::core::{
    CoreGenderClaim, CoreHmacKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreRsaPrivateSigningKey,
};
use openidconnect::{
    AdditionalClaims, Audience, EndUserName, IdToken, IdTokenClaims, IssuerUrl, JsonWebKeyId, LocalizedClaim, Nonce,
    PrivateSigningKey, StandardClaims, SubjectIdentifier,
};
use rsa::pkcs1::{EncodeRsaPrivateKey, LineEnding};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const CLIENT_ID: &str = "willkommen";
pub const CLIENT_SECRET: &str = "test-client-secret";

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
struct Others(serde_json::Map<String, serde_json::Value>);
impl AdditionalClaims for Others {}
type Token = IdToken<Others, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;

/// The provider's keys, made once per test binary (RSA key generation takes a while).
static KEYS: LazyLock<[CoreRsaPrivateSigningKey; 3]> = LazyLock::new(|| [key("k1"), key("k1"), key("k2")]);

fn key(kid: &str) -> CoreRsaPrivateSigningKey {
    let key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 2048).unwrap();
    let pem = key.to_pkcs1_pem(LineEnding::LF).unwrap();
    CoreRsaPrivateSigningKey::from_pem(&pem, Some(JsonWebKeyId::new(kid.into()))).unwrap()
}

/// What the next ID token is like.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Minting {
    Good,
    WrongAudience,
    Expired,
    /// Signed with a stranger's key that has the provider's key id.
    OtherKey,
    WrongIssuer,
    WrongNonce,
    /// HS256 with the client secret as the key.
    ClientSecretSigned,
    /// Signed with a key the provider publishes only from now on.
    RotatedKey,
}

/// The person who signs in next.
#[derive(Clone, Debug)]
pub struct Person {
    pub subject: String,
    pub name: String,
    pub groups: Vec<String>,
}

struct Recorded {
    nonce: String,
    challenge: String,
}

struct Inner {
    url: String,
    minting: Mutex<Minting>,
    person: Mutex<Person>,
    /// Per code handed out: the nonce and PKCE challenge of its authorization.
    codes: Mutex<HashMap<String, Recorded>>,
    rotated: Mutex<bool>,
    /// Token requests whose PKCE verifier or client secret did not match.
    mismatches: Mutex<Vec<String>>,
}

#[derive(Clone)]
pub struct TestIssuer {
    inner: Arc<Inner>,
    server: Arc<tokio::task::JoinHandle<()>>,
}

impl TestIssuer {
    pub async fn start() -> Self {
        LazyLock::force(&KEYS);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let inner = Arc::new(Inner {
            url,
            minting: Mutex::new(Minting::Good),
            person: Mutex::new(Person { subject: "anna".into(), name: "Anna Schmidt".into(), groups: Vec::new() }),
            codes: Mutex::default(),
            rotated: Mutex::new(false),
            mismatches: Mutex::default(),
        });
        let app = Router::new()
            .route("/.well-known/openid-configuration", axum::routing::get(discovery))
            .route("/jwks", axum::routing::get(jwks))
            .route("/authorize", axum::routing::get(authorize))
            .route("/token", axum::routing::post(token))
            .with_state(inner.clone());
        let server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { inner, server: Arc::new(server) }
    }

    pub fn url(&self) -> &str {
        &self.inner.url
    }

    pub fn mint(&self, minting: Minting) {
        *self.inner.minting.lock().unwrap() = minting;
    }

    pub fn signs_in(&self, subject: &str, name: &str, groups: &[&str]) {
        *self.inner.person.lock().unwrap() = Person {
            subject: subject.into(),
            name: name.into(),
            groups: groups.iter().map(|group| (*group).to_owned()).collect(),
        };
    }

    pub fn mismatches(&self) -> Vec<String> {
        self.inner.mismatches.lock().unwrap().clone()
    }

    /// The provider goes down.
    pub fn stop(&self) {
        self.server.abort();
    }
}

async fn discovery(State(inner): State<Arc<Inner>>) -> Json<serde_json::Value> {
    let url = &inner.url;
    Json(serde_json::json!({
        "issuer": url,
        "authorization_endpoint": format!("{url}/authorize"),
        "token_endpoint": format!("{url}/token"),
        "jwks_uri": format!("{url}/jwks"),
        "end_session_endpoint": format!("{url}/logout"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        // HS256 listed on purpose: a client that trusted this list would take the secret as a key.
        "id_token_signing_alg_values_supported": ["RS256", "HS256"],
    }))
}

async fn jwks(State(inner): State<Arc<Inner>>) -> Json<serde_json::Value> {
    let mut keys = vec![KEYS[0].as_verification_key()];
    if *inner.rotated.lock().unwrap() {
        keys.push(KEYS[2].as_verification_key());
    }
    Json(serde_json::json!({ "keys": keys }))
}

#[derive(Deserialize)]
struct Authorization {
    state: String,
    nonce: String,
    code_challenge: String,
    code_challenge_method: String,
    redirect_uri: String,
    client_id: String,
}

/// Signs the person in at once and sends the browser back with a code.
async fn authorize(State(inner): State<Arc<Inner>>, Query(request): Query<Authorization>) -> Response {
    if request.client_id != CLIENT_ID || request.code_challenge_method != "S256" {
        return (StatusCode::BAD_REQUEST, "unknown client or no PKCE").into_response();
    }
    let code = format!("code-{}", inner.codes.lock().unwrap().len() + 1);
    inner
        .codes
        .lock()
        .unwrap()
        .insert(code.clone(), Recorded { nonce: request.nonce, challenge: request.code_challenge });
    let state = urlencoding(&request.state);
    let iss = urlencoding(&inner.url);
    Redirect::to(&format!("{}?code={code}&state={state}&iss={iss}", request.redirect_uri)).into_response()
}

fn urlencoding(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[derive(Deserialize)]
struct TokenRequest {
    code: String,
    code_verifier: String,
}

async fn token(State(inner): State<Arc<Inner>>, headers: HeaderMap, Form(request): Form<TokenRequest>) -> Response {
    let expected = format!("Basic {}", STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}")));
    if headers.get("authorization").and_then(|value| value.to_str().ok()) != Some(expected.as_str()) {
        inner.mismatches.lock().unwrap().push("client authentication".into());
        return (StatusCode::UNAUTHORIZED, Json(serde_json::json!({"error": "invalid_client"}))).into_response();
    }
    let Some(recorded) = inner.codes.lock().unwrap().remove(&request.code) else {
        return (StatusCode::BAD_REQUEST, Json(serde_json::json!({"error": "invalid_grant"}))).into_response();
    };
    if URL_SAFE_NO_PAD.encode(Sha256::digest(request.code_verifier.as_bytes())) != recorded.challenge {
        inner.mismatches.lock().unwrap().push("PKCE verifier".into());
        return (StatusCode::BAD_REQUEST, Json(serde_json::json!({"error": "invalid_grant"}))).into_response();
    }
    let minting = inner.minting.lock().unwrap().clone();
    if minting == Minting::RotatedKey {
        *inner.rotated.lock().unwrap() = true;
    }
    let id_token = mint(&inner, &minting, &recorded.nonce);
    Json(serde_json::json!({"access_token": "at", "token_type": "Bearer", "expires_in": 300, "id_token": id_token}))
        .into_response()
}

fn mint(inner: &Inner, minting: &Minting, nonce: &str) -> String {
    let person = inner.person.lock().unwrap().clone();
    let now = Utc::now();
    let (audience, expires, issuer) = match minting {
        Minting::WrongAudience => ("someone-else", now + Duration::minutes(5), inner.url.clone()),
        Minting::Expired => (CLIENT_ID, now - Duration::minutes(1), inner.url.clone()),
        Minting::WrongIssuer => (CLIENT_ID, now + Duration::minutes(5), "http://127.0.0.1:1".to_owned()),
        _ => (CLIENT_ID, now + Duration::minutes(5), inner.url.clone()),
    };
    let mut others = serde_json::Map::new();
    others.insert("groups".into(), serde_json::json!(person.groups));
    let nonce = if *minting == Minting::WrongNonce { "another-nonce".to_owned() } else { nonce.to_owned() };
    let claims = IdTokenClaims::new(
        IssuerUrl::new(issuer).unwrap(),
        vec![Audience::new(audience.into())],
        expires,
        now - Duration::minutes(2),
        StandardClaims::new(SubjectIdentifier::new(person.subject))
            .set_name(Some(LocalizedClaim::from(EndUserName::new(person.name)))),
        Others(others),
    )
    .set_nonce(Some(Nonce::new(nonce)));
    let rs256 = CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256;
    let token = match minting {
        Minting::OtherKey => Token::new(claims, &KEYS[1], rs256, None, None),
        Minting::RotatedKey => Token::new(claims, &KEYS[2], rs256, None, None),
        Minting::ClientSecretSigned => {
            Token::new(claims, &CoreHmacKey::new(CLIENT_SECRET), CoreJwsSigningAlgorithm::HmacSha256, None, None)
        }
        _ => Token::new(claims, &KEYS[0], rs256, None, None),
    };
    token.unwrap().to_string()
}
