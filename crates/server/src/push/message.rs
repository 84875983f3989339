//! One push message for one subscription: encrypted for the phone that subscribed (RFC 8291,
//! `aes128gcm`), signed with the office's VAPID key, ready to be sent to the push service.

use std::time::Duration;

use axum::http::{self, HeaderValue, header};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64URL;
use jiff::{SignedDuration, Timestamp};
use url::Url;
use web_push_native::{Auth, WebPushBuilder};

use super::{PushError, VapidKey};

/// The longest message: push services must accept 4,096 bytes once encrypted, and encryption
/// adds 103 (salt, record size, the server's key, the padding delimiter and the tag).
pub const MAX_PAYLOAD: usize = 4096 - 103;

/// How long the VAPID token stays valid; RFC 8292 allows at most a day.
const TOKEN_VALID_FOR: SignedDuration = SignedDuration::from_hours(12);

/// A phone's subscription, as `PushSubscription.toJSON()` gives it.
#[derive(Clone, Debug)]
pub struct Subscription {
    pub endpoint: Url,
    phone_key: p256::PublicKey,
    auth: [u8; 16],
}

impl Subscription {
    /// Checks a subscription as a browser sends it: the push service's URL, the phone's public
    /// key (`p256dh`) and its authentication secret (`auth`), both base64url.
    pub fn parse(endpoint: &str, p256dh: &str, auth: &str) -> Result<Self, PushError> {
        let endpoint = Url::parse(endpoint).map_err(|_| PushError::Endpoint)?;
        if !matches!(endpoint.scheme(), "https" | "http") || endpoint.host().is_none() {
            return Err(PushError::Endpoint);
        }
        let phone_key = BASE64URL.decode(p256dh.trim_end_matches('=')).map_err(|_| PushError::PublicKey)?;
        let phone_key = p256::PublicKey::from_sec1_bytes(&phone_key).map_err(|_| PushError::PublicKey)?;
        let auth = BASE64URL.decode(auth.trim_end_matches('=')).map_err(|_| PushError::AuthSecret)?;
        let auth = auth.try_into().map_err(|_| PushError::AuthSecret)?;
        Ok(Self { endpoint, phone_key, auth })
    }
}

/// How soon the push service should deliver (RFC 8030 §5.3): a call must wake the phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    Normal,
    High,
}

/// The request that delivers `payload` to the phone of `subscription`, kept by the push
/// service for `ttl` while the phone is unreachable, signed with `key` for `subject` (see
/// [`VapidKey`]) at `now`.
pub fn push_request(
    subscription: &Subscription,
    payload: &[u8],
    ttl: Duration,
    urgency: Urgency,
    key: &VapidKey,
    subject: &str,
    now: Timestamp,
) -> Result<http::Request<Vec<u8>>, PushError> {
    if payload.len() > MAX_PAYLOAD {
        return Err(PushError::TooLong);
    }
    let endpoint = subscription.endpoint.as_str().parse().map_err(|_| PushError::Endpoint)?;
    let builder = WebPushBuilder::new(endpoint, subscription.phone_key, Auth::clone_from_slice(&subscription.auth))
        .with_valid_duration(ttl);
    let mut request = builder.build(payload.to_vec()).map_err(|_| PushError::Encryption)?;
    let expires = now.saturating_add(TOKEN_VALID_FOR).unwrap_or(now);
    let authorization = key.authorization(&subscription.endpoint, subject, expires);
    let headers = request.headers_mut();
    let authorization = HeaderValue::try_from(authorization).expect("base64url, ASCII letters and punctuation");
    headers.insert(header::AUTHORIZATION, authorization);
    let urgency = match urgency {
        Urgency::Normal => "normal",
        Urgency::High => "high",
    };
    headers.insert("urgency", HeaderValue::from_static(urgency));
    Ok(request)
}

#[cfg(test)]
mod tests {
    use p256::ecdsa::signature::Verifier as _;
    use p256::ecdsa::{Signature, VerifyingKey};
    use p256::elliptic_curve::sec1::ToEncodedPoint as _;

    use super::*;

    /// A phone's side of a subscription: its key pair and secret, as a browser makes them.
    struct Phone {
        secret: p256::SecretKey,
        auth: [u8; 16],
    }

    impl Phone {
        fn new() -> Self {
            let mut auth = [0u8; 16];
            getrandom::fill(&mut auth).unwrap();
            Self { secret: crate::push::vapid::random_secret_key(), auth }
        }

        fn subscription(&self, endpoint: &str) -> Subscription {
            let public = self.secret.public_key().to_encoded_point(false);
            Subscription::parse(endpoint, &BASE64URL.encode(public.as_bytes()), &BASE64URL.encode(self.auth)).unwrap()
        }

        fn read(&self, body: Vec<u8>) -> Vec<u8> {
            web_push_native::decrypt(body, &self.secret, &Auth::clone_from_slice(&self.auth)).unwrap()
        }
    }

    /// Checks the VAPID header's signature as a push service does; returns its claims and key.
    fn verify_vapid(authorization: &str) -> (serde_json::Value, String) {
        let fields = authorization.strip_prefix("vapid ").expect("a vapid header");
        let field = |name: &str| {
            fields.split(',').map(str::trim).find_map(|field| field.strip_prefix(name)).unwrap().to_owned()
        };
        let (token, key) = (field("t="), field("k="));
        let (signed, signature) = token.rsplit_once('.').unwrap();
        let verifying = VerifyingKey::from_sec1_bytes(&BASE64URL.decode(&key).unwrap()).unwrap();
        let signature = Signature::from_slice(&BASE64URL.decode(signature).unwrap()).unwrap();
        verifying.verify(signed.as_bytes(), &signature).expect("a valid ES256 signature");
        let (header, claims) = signed.split_once('.').unwrap();
        let header: serde_json::Value = serde_json::from_slice(&BASE64URL.decode(header).unwrap()).unwrap();
        assert_eq!(header["alg"], "ES256");
        (serde_json::from_slice(&BASE64URL.decode(claims).unwrap()).unwrap(), key)
    }

    #[test]
    fn only_the_phone_that_subscribed_reads_the_message_and_the_service_can_tell_who_sent_it() {
        let (phone, key) = (Phone::new(), VapidKey::generate());
        let subscription = phone.subscription("http://127.0.0.1:4567/push/abc");
        let now: Timestamp = "2026-12-06T09:00:00Z".parse().unwrap();
        let message = br#"{"kind":"called","ticket":"A 001","counter":"3"}"#;
        let ttl = Duration::from_secs(600);
        let request =
            push_request(&subscription, message, ttl, Urgency::High, &key, "mailto:office@example.org", now).unwrap();

        assert_eq!(request.method(), http::Method::POST);
        assert_eq!(request.uri(), "http://127.0.0.1:4567/push/abc");
        let headers = request.headers();
        assert_eq!(headers["content-encoding"], "aes128gcm");
        assert_eq!(headers["ttl"], "600");
        assert_eq!(headers["urgency"], "high");
        let (claims, signer) = verify_vapid(headers[header::AUTHORIZATION].to_str().unwrap());
        assert_eq!(signer, key.application_server_key(), "signed with the key the phone subscribed with");
        assert_eq!(claims["aud"], "http://127.0.0.1:4567", "the push service's origin, port included");
        assert_eq!(claims["sub"], "mailto:office@example.org");
        assert_eq!(claims["exp"], now.as_second() + 12 * 3600);

        let body = request.into_body();
        assert!(!body.windows(message.len()).any(|window| window == message), "the service cannot read it");
        assert_eq!(phone.read(body), message);
        let stranger = Phone { secret: Phone::new().secret, auth: phone.auth };
        let again = push_request(&subscription, message, ttl, Urgency::High, &key, "mailto:x@example.org", now);
        let body = again.unwrap().into_body();
        assert!(web_push_native::decrypt(body, &stranger.secret, &Auth::clone_from_slice(&phone.auth)).is_err());
    }

    #[test]
    fn a_message_as_long_as_services_must_take_is_sent_and_a_longer_one_refused() {
        let (phone, key) = (Phone::new(), VapidKey::generate());
        let subscription = phone.subscription("https://push.example.org/send/1");
        let (now, ttl) = (Timestamp::now(), Duration::from_secs(60));
        let longest = vec![b'x'; MAX_PAYLOAD];
        let request = push_request(&subscription, &longest, ttl, Urgency::Normal, &key, "mailto:a@b.c", now).unwrap();
        assert_eq!(request.body().len(), 4096);
        assert_eq!(phone.read(request.into_body()), longest);
        let longer = vec![b'x'; MAX_PAYLOAD + 1];
        let refused = push_request(&subscription, &longer, ttl, Urgency::Normal, &key, "mailto:a@b.c", now);
        assert_eq!(refused.unwrap_err(), PushError::TooLong);
    }

    #[test]
    fn a_subscription_a_browser_would_not_send_is_refused() {
        let phone = Phone::new();
        let p256dh = BASE64URL.encode(phone.secret.public_key().to_encoded_point(false).as_bytes());
        let auth = BASE64URL.encode(phone.auth);
        let endpoint = "https://push.example.org/send/1";
        assert!(Subscription::parse(endpoint, &p256dh, &auth).is_ok());
        assert_eq!(Subscription::parse("push.example.org/1", &p256dh, &auth).unwrap_err(), PushError::Endpoint);
        assert_eq!(Subscription::parse("ftp://push.example.org/1", &p256dh, &auth).unwrap_err(), PushError::Endpoint);
        assert_eq!(Subscription::parse(endpoint, "AAAA", &auth).unwrap_err(), PushError::PublicKey);
        assert_eq!(Subscription::parse(endpoint, "not base64!", &auth).unwrap_err(), PushError::PublicKey);
        assert_eq!(Subscription::parse(endpoint, &p256dh, "c2hvcnQ").unwrap_err(), PushError::AuthSecret);
        // Some browsers pad their base64url; that is the same key.
        assert!(Subscription::parse(endpoint, &p256dh, &format!("{auth}==")).is_ok());
    }
}
