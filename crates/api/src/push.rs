//! Web Push to a visitor's phone: the office's key, the subscription a phone hands over, and
//! what the server pushes to it (read by the service worker, `public/sw.js`).

use serde::{Deserialize, Serialize};

/// `GET /api/v1/push/key`: the office's public key for Web Push, which a phone passes to
/// `PushManager.subscribe` as its `applicationServerKey`, and when the phone is told.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushKey {
    /// The P-256 public key as an uncompressed point (65 bytes) in base64url without padding.
    #[cfg_attr(feature = "openapi", schema(min_length = 87, max_length = 87, pattern = "^[A-Za-z0-9_-]{87}$"))]
    pub application_server_key: String,
    /// "Nearly your turn" is pushed when this many people or fewer are ahead.
    pub notify_ahead: u32,
}

/// `PUT /api/v1/tickets/{id}/push`: the phone's subscription as `PushSubscription.toJSON()`
/// gives it (its `expirationTime` is ignored), with the language the notifications should
/// be in.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushSubscription {
    /// The push service's URL for this phone (https).
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub endpoint: String,
    pub keys: PushSubscriptionKeys,
    /// A kiosk language (BCP 47); the ticket's language when left out.
    #[serde(default)]
    pub language: Option<String>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushSubscriptionKeys {
    /// The phone's P-256 public key, base64url.
    pub p256dh: String,
    /// The phone's 16-byte authentication secret, base64url.
    pub auth: String,
}

/// What one push carries, encrypted for the phone: the notification, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushMessage {
    /// `near`, `called`, `recalled` or `last_call`.
    pub kind: String,
    pub title: String,
    pub body: String,
    /// The language of `title` and `body` (BCP 47) and its direction, `ltr` or `rtl`.
    pub lang: String,
    pub dir: String,
    /// The ticket's page, opened when the notification is tapped.
    pub url: String,
}
