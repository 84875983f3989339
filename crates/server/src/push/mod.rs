//! Web Push, the pieces the visitors' phone notifications (issue 21) are built from: the
//! office's VAPID key (RFC 8292) and one encrypted, signed push message (RFC 8030, RFC 8291)
//! for a phone's subscription. Sending, retrying and storing subscriptions come on top; the
//! plan is in docs/plans/web-push.md.
//!
//! `web-push-native` encrypts (pure Rust, RustCrypto); the VAPID token is signed here. The
//! crate's own signing would pull in a JWT library with a hundred crates behind it, and drops
//! the port from the token's audience, which RFC 8292 wants as the push service's origin.

mod message;
mod vapid;

pub use message::{MAX_PAYLOAD, Subscription, Urgency, push_request};
pub use vapid::VapidKey;

/// Why a key, a subscription or a message is refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PushError {
    #[error("the stored VAPID key is not a P-256 private key")]
    StoredKey,
    #[error("the subscription's endpoint is not an absolute http(s) URL")]
    Endpoint,
    #[error("the subscription's p256dh is not a P-256 public key in base64url")]
    PublicKey,
    #[error("the subscription's auth secret is not 16 bytes in base64url")]
    AuthSecret,
    #[error("the message is longer than a push service must accept ({MAX_PAYLOAD} bytes)")]
    TooLong,
    #[error("the message could not be encrypted")]
    Encryption,
}
