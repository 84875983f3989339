//! The office's VAPID key: it signs every push, so that push services accept pushes for the
//! subscriptions made with its public half (the `applicationServerKey` the phone page passes
//! to `PushManager.subscribe`).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64URL;
use jiff::Timestamp;
use p256::ecdsa::signature::Signer as _;
use p256::ecdsa::{Signature, SigningKey};
use url::Url;

use super::PushError;

/// A P-256 key pair for signing pushes.
#[derive(Clone)]
pub struct VapidKey {
    signing: SigningKey,
}

impl std::fmt::Debug for VapidKey {
    /// Never the private key, in logs or anywhere else.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_struct("VapidKey").field("public", &self.application_server_key()).finish()
    }
}

impl VapidKey {
    /// A new key from the operating system's randomness.
    pub fn generate() -> Self {
        Self { signing: SigningKey::from(&random_secret_key()) }
    }

    /// The key as stored with the office's data: its 32-byte scalar in base64url.
    pub fn to_stored(&self) -> String {
        BASE64URL.encode(self.signing.to_bytes())
    }

    pub fn from_stored(stored: &str) -> Result<Self, PushError> {
        let bytes = BASE64URL.decode(stored.trim()).map_err(|_| PushError::StoredKey)?;
        let secret = p256::SecretKey::from_slice(&bytes).map_err(|_| PushError::StoredKey)?;
        Ok(Self { signing: SigningKey::from(&secret) })
    }

    /// The public key as `PushManager.subscribe` takes it: the uncompressed point, base64url.
    pub fn application_server_key(&self) -> String {
        BASE64URL.encode(self.signing.verifying_key().to_encoded_point(false).as_bytes())
    }

    /// The `Authorization` header for a push to `endpoint`: a token for the endpoint's origin,
    /// valid until `expires` (at most 24 hours ahead, RFC 8292), naming `subject` (a `mailto:`
    /// or `https:` address push services can reach the office at).
    pub(super) fn authorization(&self, endpoint: &Url, subject: &str, expires: Timestamp) -> String {
        let header = BASE64URL.encode(br#"{"typ":"JWT","alg":"ES256"}"#);
        let mut claims = serde_json::json!({
            "aud": endpoint.origin().ascii_serialization(),
            "exp": expires.as_second(),
        });
        // RFC 8292 makes the contact optional; an empty one would be refused as malformed.
        if !subject.is_empty() {
            claims["sub"] = subject.into();
        }
        let claims = BASE64URL.encode(claims.to_string());
        let signed = format!("{header}.{claims}");
        // ES256 as JWS wants it: SHA-256, deterministic (RFC 6979), r and s side by side.
        let signature: Signature = self.signing.sign(signed.as_bytes());
        format!("vapid t={signed}.{}, k={}", BASE64URL.encode(signature.to_bytes()), self.application_server_key())
    }
}

/// A P-256 private key from the operating system's randomness (the office's, or in tests a
/// phone's).
pub(super) fn random_secret_key() -> p256::SecretKey {
    loop {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system provides randomness");
        // Refused only for zero or past the curve's order: practically never.
        if let Ok(secret) = p256::SecretKey::from_slice(&bytes) {
            return secret;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_key_comes_back_the_same() {
        let key = VapidKey::generate();
        let stored = key.to_stored();
        assert_eq!(stored.len(), 43, "32 bytes in base64url");
        let again = VapidKey::from_stored(&stored).unwrap();
        assert_eq!(again.application_server_key(), key.application_server_key());
        assert_eq!(key.application_server_key().len(), 87, "65 bytes in base64url");
        assert_ne!(VapidKey::generate().to_stored(), stored, "every office has its own");
    }

    #[test]
    fn a_damaged_stored_key_is_refused() {
        assert_eq!(VapidKey::from_stored("not base64!").unwrap_err(), PushError::StoredKey);
        assert_eq!(VapidKey::from_stored(&BASE64URL.encode([0u8; 32])).unwrap_err(), PushError::StoredKey);
        assert_eq!(VapidKey::from_stored(&BASE64URL.encode([1u8; 16])).unwrap_err(), PushError::StoredKey);
    }

    #[test]
    fn the_debug_form_shows_no_private_key() {
        let key = VapidKey::generate();
        let shown = format!("{key:?}");
        assert!(!shown.contains(&key.to_stored()), "{shown}");
        assert!(shown.contains(&key.application_server_key()));
    }
}
