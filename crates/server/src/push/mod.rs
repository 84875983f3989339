//! Web Push, the pieces the visitors' phone notifications (issue 21) are built from: the
//! office's VAPID key (RFC 8292), one encrypted, signed push message (RFC 8030, RFC 8291)
//! for a phone's subscription, where pushes may go (`endpoints`), their texts in the visitor's
//! language (`texts`), sending them with retries (`sender`) and following the subscribed
//! tickets to push at the right moments (`watcher`). docs/notifications.md tells the whole.
//!
//! `web-push-native` encrypts (pure Rust, RustCrypto); the VAPID token is signed here. The
//! crate's own signing would pull in a JWT library with a hundred crates behind it, and drops
//! the port from the token's audience, which RFC 8292 wants as the push service's origin.

mod endpoints;
mod message;
mod sender;
mod texts;
mod vapid;
mod watcher;

pub use endpoints::{Reach, refusal};
pub use message::{MAX_PAYLOAD, Subscription, Urgency, push_request};
pub use sender::PushSender;
pub use vapid::VapidKey;
pub use watcher::PushWatcher;

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
