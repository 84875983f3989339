//! The browser's side of Web Push on the phone page: whether this browser can be notified,
//! asking the visitor's permission, and the subscription the server sends to.
//!
//! The notifications are shown by the service worker (`public/sw.js`), registered here for the
//! ticket pages only (scope `/t/`): on a visitor's phone it caches nothing, it only shows what
//! the server pushes and opens the ticket page when tapped.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Reflect, Uint8Array};
use web_sys::{NotificationPermission, PushSubscriptionOptionsInit, ServiceWorkerRegistration};
use willkommen_api as json;

use crate::api_client::decode;

/// Where the ticket pages live, and so the worker's scope.
const SCOPE: &str = "/t/";

/// What this browser can do about notifications.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Support {
    Ready,
    /// Safari on an iPhone or iPad: pushes only for a page added to the home screen.
    NeedsHomeScreen,
    Unsupported,
}

/// Why no subscription came about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The visitor, or the phone's settings, said no.
    Denied,
    /// The browser could not (no push service reachable, an error on the way).
    Failed,
}

fn has(target: &JsValue, name: &str) -> bool {
    Reflect::has(target, &name.into()).unwrap_or(false)
}

pub fn support() -> Support {
    let window = web_sys::window().expect("a browser window");
    let navigator = window.navigator();
    if has(&navigator, "serviceWorker") && has(&window, "PushManager") && has(&window, "Notification") {
        return Support::Ready;
    }
    let agent = navigator.user_agent().unwrap_or_default();
    // iPadOS presents itself as a Mac, one with a touch screen.
    let apple_touch = agent.contains("iPhone")
        || agent.contains("iPad")
        || agent.contains("iPod")
        || (agent.contains("Macintosh") && navigator.max_touch_points() > 1);
    if apple_touch { Support::NeedsHomeScreen } else { Support::Unsupported }
}

/// Whether the visitor said no already (then the browser does not ask again).
pub fn denied() -> bool {
    support() == Support::Ready && web_sys::Notification::permission() == NotificationPermission::Denied
}

/// Asks for permission and subscribes: the subscription to hand to the server (its language
/// still to be set). Call it from a tap: browsers ask only then.
pub async fn subscribe(application_server_key: &str) -> Result<json::PushSubscription, Refusal> {
    let permission = web_sys::Notification::request_permission().map_err(|_| Refusal::Failed)?;
    let permission = JsFuture::from(permission).await.map_err(|_| Refusal::Failed)?;
    if permission.as_string().as_deref() != Some("granted") {
        return Err(Refusal::Denied);
    }
    let registration = registration().await.ok_or(Refusal::Failed)?;
    let push_manager = registration.push_manager().map_err(|_| Refusal::Failed)?;
    let options = PushSubscriptionOptionsInit::new();
    options.set_user_visible_only(true);
    let key = base64url_bytes(application_server_key).ok_or(Refusal::Failed)?;
    options.set_application_server_key_opt_u8_array(Some(&key));
    let subscribing = push_manager.subscribe_with_options(&options).map_err(|_| Refusal::Failed)?;
    let subscription = JsFuture::from(subscribing).await.map_err(|error| {
        // A NotAllowedError is the permission taken back meanwhile.
        let name = Reflect::get(&error, &"name".into()).ok().and_then(|name| name.as_string());
        if name.as_deref() == Some("NotAllowedError") { Refusal::Denied } else { Refusal::Failed }
    })?;
    as_wire(&subscription).ok_or(Refusal::Failed)
}

/// The subscription this phone has now, if any (to hand over again in another language).
pub async fn current() -> Option<json::PushSubscription> {
    as_wire(&existing_subscription().await?.into())
}

/// Ends this phone's subscription (the server is told separately).
pub async fn unsubscribe() {
    if let Some(subscription) = existing_subscription().await
        && let Ok(unsubscribing) = subscription.unsubscribe()
    {
        let _ = JsFuture::from(unsubscribing).await;
    }
}

async fn existing_subscription() -> Option<web_sys::PushSubscription> {
    let workers = crate::device::service_workers()?;
    let registration = JsFuture::from(workers.get_registration_with_document_url(SCOPE)).await.ok()?;
    if registration.is_undefined() {
        return None;
    }
    let push_manager = registration.unchecked_into::<ServiceWorkerRegistration>().push_manager().ok()?;
    let subscription = JsFuture::from(push_manager.get_subscription().ok()?).await.ok()?;
    (!subscription.is_null() && !subscription.is_undefined()).then(|| subscription.unchecked_into())
}

/// The ticket pages' worker, registered (again) and ready.
async fn registration() -> Option<ServiceWorkerRegistration> {
    let workers = crate::device::service_workers()?;
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(SCOPE);
    JsFuture::from(workers.register_with_options("/sw.js", &options)).await.ok()?;
    // `ready` is the worker of this page's scope, once it is active.
    Some(JsFuture::from(workers.ready().ok()?).await.ok()?.unchecked_into())
}

/// A browser's subscription as the API takes it (`toJSON()`'s form).
fn as_wire(subscription: &JsValue) -> Option<json::PushSubscription> {
    let text = web_sys::js_sys::JSON::stringify(subscription).ok()?;
    decode(&String::from(text)).ok()
}

/// base64url text as the bytes `PushManager.subscribe` wants.
fn base64url_bytes(text: &str) -> Option<Uint8Array> {
    let standard: String = text
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    let padded = format!("{standard}{}", "=".repeat((4 - standard.len() % 4) % 4));
    let binary = web_sys::window()?.atob(&padded).ok()?;
    let bytes: Vec<u8> = binary.chars().map(|c| c as u8).collect();
    Some(Uint8Array::from(bytes.as_slice()))
}
