//! The phone page's calls besides the ticket itself: the office's Web Push key, the ticket's
//! subscription, and the visitor's feedback after the visit.

use gloo_net::http::Request;
use willkommen_api::{self as json, API_PREFIX};

use super::{ApiFailure, no_content, read, to_json, unsendable};

pub async fn fetch_push_key() -> Result<json::PushKey, ApiFailure> {
    read(Request::get(&format!("{API_PREFIX}/push/key")).send().await).await
}

fn push_url(ticket: &str) -> String {
    format!("{API_PREFIX}/tickets/{}/push", web_sys::js_sys::encode_uri_component(ticket))
}

/// Hands the phone's subscription to the server, to be notified of `ticket`.
pub async fn save_push_subscription(ticket: &str, subscription: &json::PushSubscription) -> Result<(), ApiFailure> {
    let request = Request::put(&push_url(ticket))
        .header("Content-Type", "application/json")
        .body(to_json(subscription)?)
        .map_err(unsendable)?;
    no_content(request.send().await).await
}

/// Turns the notifications of `ticket` off.
pub async fn delete_push_subscription(ticket: &str) -> Result<(), ApiFailure> {
    no_content(Request::delete(&push_url(ticket)).send().await).await
}

/// "How was your visit?", answered once the ticket is finished.
pub async fn give_feedback(ticket: &str, feedback: &json::Feedback) -> Result<(), ApiFailure> {
    let url = format!("{API_PREFIX}/tickets/{}/feedback", web_sys::js_sys::encode_uri_component(ticket));
    let request =
        Request::post(&url).header("Content-Type", "application/json").body(to_json(feedback)?).map_err(unsendable)?;
    no_content(request.send().await).await
}
