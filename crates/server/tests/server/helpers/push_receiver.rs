//! A push service on 127.0.0.1 for the tests: it takes what the server pushes, decrypts it
//! with the phone's keys (aes128gcm, RFC 8291) and checks the VAPID token (RFC 8292), as a
//! real push service and phone would between them. Each phone is a path `/push/<name>`; how
//! the service answers a phone is set per phone.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64URL;
use p256::ecdsa::signature::Verifier as _;
use p256::elliptic_curve::sec1::ToEncodedPoint as _;
use serde_json::{Value, json};
use tokio::sync::Notify;

/// How the push service answers a phone's pushes.
#[derive(Clone, Debug)]
pub enum Answering {
    Created,
    /// 410 Gone: the subscription expired.
    Gone,
    /// 503 with `Retry-After: 1` this many times, then 201.
    BusyTimes(usize),
    /// Holds every push unanswered until [`PushReceiver::release`].
    Hang,
}

/// One push as the phone got it.
#[derive(Clone, Debug)]
pub struct Received {
    /// The decrypted message.
    pub message: Value,
    /// The VAPID token's claims, its signature checked against `k`.
    pub claims: Value,
    /// The public key in the `k=` of the Authorization header.
    pub k: String,
    pub ttl: Option<u64>,
    pub urgency: Option<String>,
}

/// A phone's subscription keys, made by the test as a browser makes them.
pub struct PhoneKeys {
    secret: p256::SecretKey,
    auth: [u8; 16],
}

impl PhoneKeys {
    pub fn new() -> Self {
        let mut bytes = [0u8; 32];
        let secret = loop {
            getrandom::fill(&mut bytes).unwrap();
            if let Ok(secret) = p256::SecretKey::from_slice(&bytes) {
                break secret;
            }
        };
        let mut auth = [0u8; 16];
        getrandom::fill(&mut auth).unwrap();
        Self { secret, auth }
    }

    pub fn p256dh(&self) -> String {
        BASE64URL.encode(self.secret.public_key().to_encoded_point(false).as_bytes())
    }

    pub fn auth(&self) -> String {
        BASE64URL.encode(self.auth)
    }
}

#[derive(Default)]
struct Phones {
    keys: HashMap<String, PhoneKeys>,
    answering: HashMap<String, Answering>,
    /// Tries per phone, answered or not, with when they came.
    tries: HashMap<String, Vec<Instant>>,
    received: HashMap<String, Vec<Received>>,
    /// What could not be decrypted or verified: each is a failure of the server.
    broken: Vec<String>,
}

#[derive(Clone)]
pub struct PushReceiver {
    pub address: SocketAddr,
    phones: Arc<Mutex<Phones>>,
    arrived: Arc<Notify>,
    released: Arc<Notify>,
}

impl PushReceiver {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let receiver = Self {
            address: listener.local_addr().unwrap(),
            phones: Arc::default(),
            arrived: Arc::default(),
            released: Arc::default(),
        };
        let app =
            axum::Router::new().route("/push/{phone}", axum::routing::post(take_push)).with_state(receiver.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        receiver
    }

    /// A new phone's subscription, as `PushSubscription.toJSON()` gives it, with `language`.
    pub fn subscribe(&self, phone: &str, answering: Answering, language: Option<&str>) -> Value {
        let keys = PhoneKeys::new();
        let subscription = json!({
            "endpoint": format!("http://{}/push/{phone}", self.address),
            "expirationTime": null,
            "keys": {"p256dh": keys.p256dh(), "auth": keys.auth()},
            "language": language,
        });
        let mut phones = self.lock();
        phones.keys.insert(phone.to_owned(), keys);
        phones.answering.insert(phone.to_owned(), answering);
        subscription
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Phones> {
        self.phones.lock().unwrap()
    }

    pub fn received(&self, phone: &str) -> Vec<Received> {
        self.lock().received.get(phone).cloned().unwrap_or_default()
    }

    pub fn tries(&self, phone: &str) -> Vec<Instant> {
        self.lock().tries.get(phone).cloned().unwrap_or_default()
    }

    /// Waits until `phone` got `count` pushes (at most `patience`), and returns them.
    pub async fn wait_for(&self, phone: &str, count: usize, patience: Duration) -> Vec<Received> {
        let until = Instant::now() + patience;
        loop {
            let arrived = self.arrived.notified();
            let broken = self.lock().broken.clone();
            assert!(broken.is_empty(), "the server sent pushes a phone cannot read: {broken:?}");
            let received = self.received(phone);
            if received.len() >= count {
                return received;
            }
            let left = until.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "{phone} got {} of {count} pushes: {received:#?}", received.len());
            let _ = tokio::time::timeout(left, arrived).await;
        }
    }

    /// Waits until `phone`'s push service was tried `count` times.
    pub async fn wait_for_tries(&self, phone: &str, count: usize, patience: Duration) {
        let until = Instant::now() + patience;
        loop {
            let arrived = self.arrived.notified();
            if self.tries(phone).len() >= count {
                return;
            }
            let left = until.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "{phone} was tried {} of {count} times", self.tries(phone).len());
            let _ = tokio::time::timeout(left, arrived).await;
        }
    }

    /// Answers the pushes held by [`Answering::Hang`].
    pub fn release(&self) {
        self.lock().answering.values_mut().for_each(|answering| {
            if matches!(answering, Answering::Hang) {
                *answering = Answering::Created;
            }
        });
        self.released.notify_waiters();
    }
}

async fn take_push(
    State(receiver): State<PushReceiver>,
    Path(phone): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let answering = {
        let mut phones = receiver.lock();
        phones.tries.entry(phone.clone()).or_default().push(Instant::now());
        let answering = phones.answering.get(&phone).cloned();
        if let Some(Answering::BusyTimes(left @ 1..)) = answering {
            phones.answering.insert(phone.clone(), Answering::BusyTimes(left - 1));
        }
        answering
    };
    receiver.arrived.notify_waiters();
    let status = match answering {
        None => return StatusCode::NOT_FOUND.into_response(),
        Some(Answering::Gone) => StatusCode::GONE,
        Some(Answering::BusyTimes(1..)) => {
            let mut busy = StatusCode::SERVICE_UNAVAILABLE.into_response();
            busy.headers_mut().insert("retry-after", HeaderValue::from_static("1"));
            return busy;
        }
        Some(Answering::Hang) => {
            loop {
                // Registered before looking, so a release in between is not missed.
                let released = receiver.released.notified();
                if !matches!(receiver.lock().answering.get(&phone), Some(Answering::Hang)) {
                    break;
                }
                released.await;
            }
            StatusCode::CREATED
        }
        Some(Answering::Created | Answering::BusyTimes(0)) => StatusCode::CREATED,
    };
    if status == StatusCode::CREATED {
        let read = read_push(&receiver, &phone, &headers, &body);
        let mut phones = receiver.lock();
        match read {
            Ok(received) => phones.received.entry(phone).or_default().push(received),
            Err(why) => phones.broken.push(format!("{phone}: {why}")),
        }
        drop(phones);
        receiver.arrived.notify_waiters();
    }
    status.into_response()
}

/// Decrypts and verifies one push as the phone and its push service would.
fn read_push(receiver: &PushReceiver, phone: &str, headers: &HeaderMap, body: &[u8]) -> Result<Received, String> {
    let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok()).map(str::to_owned);
    if header("content-encoding").as_deref() != Some("aes128gcm") {
        return Err(format!("Content-Encoding {:?}", header("content-encoding")));
    }
    let authorization = header("authorization").ok_or("no Authorization")?;
    let rest = authorization.strip_prefix("vapid ").ok_or("not a vapid Authorization")?;
    let mut token = None;
    let mut k = None;
    for part in rest.split(',').map(str::trim) {
        match part.split_once('=') {
            Some(("t", value)) => token = Some(value.to_owned()),
            Some(("k", value)) => k = Some(value.to_owned()),
            _ => return Err(format!("unexpected part {part:?}")),
        }
    }
    let (token, k) = (token.ok_or("no t=")?, k.ok_or("no k=")?);
    let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(&BASE64URL.decode(&k).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    let (signed, signature) = token.rsplit_once('.').ok_or("a token without signature")?;
    let signature = p256::ecdsa::Signature::from_slice(&BASE64URL.decode(signature).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    key.verify(signed.as_bytes(), &signature).map_err(|_| "the VAPID signature does not verify")?;
    let (head, claims) = signed.split_once('.').ok_or("a token without claims")?;
    let head: Value = serde_json::from_slice(&BASE64URL.decode(head).map_err(|e| e.to_string())?).unwrap_or_default();
    if head["alg"] != "ES256" {
        return Err(format!("alg {}", head["alg"]));
    }
    let claims: Value =
        serde_json::from_slice(&BASE64URL.decode(claims).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let phones = receiver.lock();
    let keys = phones.keys.get(phone).ok_or("an unknown phone")?;
    let plain =
        web_push_native::decrypt(body.to_vec(), &keys.secret, &web_push_native::Auth::clone_from_slice(&keys.auth))
            .map_err(|error| format!("cannot decrypt: {error:?}"))?;
    let message = serde_json::from_slice(&plain).map_err(|e| format!("not JSON: {e}"))?;
    Ok(Received { message, claims, k, ttl: header("ttl").and_then(|ttl| ttl.parse().ok()), urgency: header("urgency") })
}
