//! Calls to the queue API. Every failure becomes an [`ApiFailure`] the screens can explain
//! in the visitor's language.

pub mod admin;
pub mod phone;
pub mod statistics;

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use willkommen_api::{self as json, API_PREFIX};

/// Why a call to the API did not give the expected answer.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiFailure {
    /// The server could not be reached (network down, server stopped).
    Unreachable,
    /// The server refused the request and said why.
    Refused(json::ApiError),
    /// The server answered something this app does not understand.
    BadResponse(String),
}

impl ApiFailure {
    /// The Fluent message id that explains this failure to a visitor.
    pub fn message_key(&self) -> &'static str {
        match self {
            Self::Unreachable => "error-unreachable",
            Self::Refused(error) => match error.code {
                json::ErrorCode::UnknownConcern => "error-unknown-concern",
                json::ErrorCode::NotFound => "error-not-found",
                json::ErrorCode::OfficeClosed => "error-office-closed",
                json::ErrorCode::CutOffPassed => "error-cut-off-passed",
                json::ErrorCode::QuotaReached => "error-quota-reached",
                json::ErrorCode::UnknownAppointment => "reference-unknown",
                json::ErrorCode::CheckInTooEarly => "error-check-in-too-early",
                json::ErrorCode::AppointmentClosed => "error-appointment-closed",
                _ => "error-refused",
            },
            Self::BadResponse(_) => "error-refused",
        }
    }
}

/// A GET of `url` that leaves at once, not when the future is first polled (an async function
/// does nothing until then), so a caller can send several, or send before it builds a screen.
/// `None` if no answer came.
pub fn get_now(url: &str) -> impl Future<Output = Option<web_sys::Response>> + use<> {
    let sent = web_sys::window().map(|window| window.fetch_with_str(url));
    async move {
        let answer = wasm_bindgen_futures::JsFuture::from(sent?).await.ok()?;
        Some(wasm_bindgen::JsCast::unchecked_into(answer))
    }
}

/// The office's data for the kiosk, asked for at once ([`get_now`]): the kiosk asks for it
/// before it builds its first screen.
pub fn fetch_kiosk() -> impl Future<Output = Result<json::Kiosk, ApiFailure>> {
    let sent = get_now(&format!("{API_PREFIX}/kiosk"));
    async move {
        let response = sent.await.map(Response::from).ok_or_else(|| gloo_net::Error::GlooError("no answer".into()));
        read(response).await
    }
}

/// The kiosk's data as the admin's draft would make it (the preview; needs an admin session).
pub async fn fetch_preview_kiosk() -> Result<json::Kiosk, ApiFailure> {
    read(Request::get(&format!("{API_PREFIX}/admin/preview/kiosk")).send().await).await
}

/// Asks for a ticket. Retrying with the same `idempotency_key` is safe: the server answers a
/// repeated request with the ticket it already issued.
pub async fn create_ticket(request: &json::NewTicket, idempotency_key: &str) -> Result<json::Ticket, ApiFailure> {
    let response = Request::post(&format!("{API_PREFIX}/tickets"))
        .header(json::IDEMPOTENCY_KEY_HEADER, idempotency_key)
        .header("Content-Type", "application/json")
        .body(to_json(request)?)
        .map_err(unsendable)?
        .send()
        .await;
    read(response).await
}

/// `GET /appointments/{reference}`: the appointment behind what the visitor typed or scanned.
/// With a refusal comes the number of seconds its `Retry-After` asks to wait (after too many
/// unknown references).
pub async fn look_up_appointment(reference: &str) -> Result<json::AppointmentLookup, (ApiFailure, u32)> {
    let reference = web_sys::js_sys::encode_uri_component(reference);
    let response = Request::get(&format!("{API_PREFIX}/appointments/{reference}")).send().await;
    let wait = response
        .as_ref()
        .ok()
        .and_then(|response| response.headers().get("Retry-After"))
        .and_then(|seconds| seconds.trim().parse().ok())
        .unwrap_or(0);
    read(response).await.map_err(|failure| (failure, wait))
}

/// Checks the visitor in for their appointment. Safe to repeat, as [`create_ticket`] with its
/// key: checking in again answers with the same ticket.
pub async fn check_in(reference: &str, request: &json::CheckIn) -> Result<json::Ticket, ApiFailure> {
    let reference = web_sys::js_sys::encode_uri_component(reference);
    send_json(Request::post(&format!("{API_PREFIX}/appointments/{reference}/check-in")), request).await
}

/// Tells the server that the kiosk turned a visitor away without a ticket (closed, past the
/// cut-off, or the concern's quota used up), for the statistics. Fire and forget: whether it
/// arrived changes nothing for the visitor.
pub async fn report_turned_away(concern: &json::ConcernId, reason: json::TurnedAwayReason) {
    // A `TurnedAway` written by hand: serializing it would cost the kiosk's download more, and
    // concern ids are lower-case letters, digits and dashes (`OfficeConfig::problems`), which
    // JSON needs no escapes for.
    let body = format!(r#"{{"concern":"{}","reason":"{}"}}"#, concern.as_str(), reason.as_str());
    if let Ok(request) =
        Request::post(&format!("{API_PREFIX}/kiosk/turned-away")).header("Content-Type", "application/json").body(body)
    {
        let _ = request.send().await;
    }
}

pub async fn fetch_ticket(id: &str) -> Result<json::Ticket, ApiFailure> {
    let response = Request::get(&format!("{API_PREFIX}/tickets/{id}")).send().await;
    read(response).await
}

/// The lobby display's figures and latest calls.
pub async fn fetch_display() -> Result<json::DisplayBoard, ApiFailure> {
    read(Request::get(&format!("{API_PREFIX}/display")).send().await).await
}

/// Gives a ticket back ("I am leaving").
pub async fn cancel_ticket(id: &str) -> Result<json::Ticket, ApiFailure> {
    let id = web_sys::js_sys::encode_uri_component(id);
    read(Request::post(&format!("{API_PREFIX}/tickets/{id}/cancel")).send().await).await
}

async fn read<T: DeserializeOwned>(response: Result<Response, gloo_net::Error>) -> Result<T, ApiFailure> {
    let value = success_body(response).await?;
    serde_wasm_bindgen::from_value(value).map_err(|error| ApiFailure::BadResponse(error.to_string()))
}

/// The body of a successful response, parsed by the browser as it is read (`Response.json()`:
/// the text never goes into the wasm and back out to `JSON.parse`, which for the kiosk's
/// 125 KB of office data is two copies and a task less at start-up); anything else as the
/// failure it is. Not generic, so that each answer type adds only its decoding to the
/// download, not this again.
async fn success_body(response: Result<Response, gloo_net::Error>) -> Result<wasm_bindgen::JsValue, ApiFailure> {
    let response = response.map_err(|_| ApiFailure::Unreachable)?;
    let unreadable = || ApiFailure::BadResponse("unreadable response body".into());
    if response.ok() {
        let parsed = web_sys::Response::from(response).json().map_err(|_| unreadable())?;
        return wasm_bindgen_futures::JsFuture::from(parsed).await.map_err(|_| unreadable());
    }
    // gloo's error is not put into words: its `Display` would bring serde_json's and std's
    // error texts into every kiosk's download, for a message nobody reads.
    let text = response.text().await.map_err(|_| unreadable());
    // A proxy or a restarting server may answer without our JSON error body.
    match text.and_then(|text| decode::<json::ApiError>(&text)) {
        // The server's database is failing for the moment (a full disk, a lock held
        // elsewhere): to the visitor as a stopped server, tried again with the same key.
        Ok(error) if error.code == json::ErrorCode::StorageUnavailable => Err(ApiFailure::Unreachable),
        Ok(error) => Err(ApiFailure::Refused(error)),
        Err(_) if response.status() >= 500 => Err(ApiFailure::Unreachable),
        Err(_) => Err(ApiFailure::BadResponse(format!("HTTP {}", response.status()))),
    }
}

/// A `204 No Content` answer, or the failure it is.
async fn no_content(response: Result<Response, gloo_net::Error>) -> Result<(), ApiFailure> {
    match response {
        Ok(response) if response.ok() => Ok(()),
        response => success_body(response).await.map(|_| ()),
    }
}

/// A request the browser would not build (see [`success_body`] on why without gloo's words).
pub(crate) fn unsendable(_: gloo_net::Error) -> ApiFailure {
    ApiFailure::BadResponse("the browser refused to build the request".into())
}

/// JSON text as `T`: the browser's `JSON.parse` does the parsing, which keeps serde_json
/// (about 8 KB brotli) out of the kiosk's download.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ApiFailure> {
    let bad = |error: String| ApiFailure::BadResponse(error);
    let value = web_sys::js_sys::JSON::parse(text).map_err(|error| bad(format!("{error:?}")))?;
    serde_wasm_bindgen::from_value(value).map_err(|error| bad(error.to_string()))
}

/// `value` as JSON text, by the browser's `JSON.stringify` (maps become plain objects).
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, ApiFailure> {
    let bad = |error: String| ApiFailure::BadResponse(error);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = value.serialize(&serializer).map_err(|error| bad(error.to_string()))?;
    let text = web_sys::js_sys::JSON::stringify(&value).map_err(|error| bad(format!("{error:?}")))?;
    Ok(text.into())
}

/// Signs in; the server sets the session cookie (HttpOnly, so this app never sees the token).
pub async fn sign_in(login: &json::Login) -> Result<json::Me, ApiFailure> {
    send_json(Request::post(&format!("{API_PREFIX}/session")), login).await
}

pub async fn fetch_me() -> Result<json::Me, ApiFailure> {
    read(Request::get(&format!("{API_PREFIX}/session")).send().await).await
}

/// Signs out; where the browser goes next to sign out at the office's identity provider too,
/// for a session signed in through it. `page` (`staff` or `admin`) is where it comes back to.
pub async fn sign_out(page: &str) -> Result<Option<String>, ApiFailure> {
    let response = Request::delete(&format!("{API_PREFIX}/session?page={page}"))
        .send()
        .await
        .map_err(|_| ApiFailure::Unreachable)?;
    if response.status() != 200 {
        return Ok(None);
    }
    let signed_out: json::SignedOut = read(Ok(response)).await?;
    Ok(Some(signed_out.provider_sign_out))
}

/// How staff can sign in here.
pub async fn fetch_sign_in_methods() -> Result<json::SignInMethods, ApiFailure> {
    read(Request::get(&format!("{API_PREFIX}/session/methods")).send().await).await
}

pub async fn fetch_counters() -> Result<Vec<json::Counter>, ApiFailure> {
    read(Request::get(&format!("{API_PREFIX}/counters")).send().await).await
}

pub async fn fetch_queue() -> Result<json::QueueView, ApiFailure> {
    read(Request::get(&format!("{API_PREFIX}/queue")).send().await).await
}

/// Calls the next visitor of `concerns`, or of the counter's own concerns when `None`.
pub async fn call_next(
    counter: &json::CounterId,
    concerns: Option<Vec<json::ConcernId>>,
) -> Result<json::StaffTicket, ApiFailure> {
    let request = Request::post(&format!("{API_PREFIX}/counters/{}/call-next", counter.as_str()));
    match concerns {
        Some(concerns) => send_json(request, &json::CallNext { concerns }).await,
        None => read(request.send().await).await,
    }
}

pub async fn call_ticket(id: &json::TicketId, counter: &json::CounterId) -> Result<json::StaffTicket, ApiFailure> {
    let body = json::CallTo { counter: counter.clone() };
    send_json(Request::post(&format!("{API_PREFIX}/tickets/{}/call", id.0)), &body).await
}

/// `recall`, `start`, `finish`, `no-show`, `park` or `return` on a ticket.
pub async fn act_on_ticket(id: &json::TicketId, action: &str) -> Result<json::StaffTicket, ApiFailure> {
    read(Request::post(&format!("{API_PREFIX}/tickets/{}/{action}", id.0)).send().await).await
}

pub async fn transfer_ticket(id: &json::TicketId, concern: &json::ConcernId) -> Result<json::StaffTicket, ApiFailure> {
    let body = json::TransferTo { concern: concern.clone() };
    send_json(Request::post(&format!("{API_PREFIX}/tickets/{}/transfer", id.0)), &body).await
}

/// The ticket behind what a scanner typed (its status URL or bare id).
pub async fn lookup_ticket(code: &str) -> Result<json::StaffTicket, ApiFailure> {
    let query = web_sys::js_sys::encode_uri_component(code);
    read(Request::get(&format!("{API_PREFIX}/lookup?code={query}")).send().await).await
}

async fn send_json<T: DeserializeOwned>(
    request: gloo_net::http::RequestBuilder,
    body: &impl serde::Serialize,
) -> Result<T, ApiFailure> {
    let request = request.header("Content-Type", "application/json").body(to_json(body)?).map_err(unsendable)?;
    read(request.send().await).await
}
