//! The admin console's calls (`/api/v1/admin/...`).

use gloo_net::http::Request;
use willkommen_api::{self as json, API_PREFIX};

use super::{ApiFailure, read, send_json};

fn admin(path: &str) -> String {
    format!("{API_PREFIX}/admin{path}")
}

pub async fn fetch_draft() -> Result<json::Draft, ApiFailure> {
    read(Request::get(&admin("/draft")).send().await).await
}

pub async fn save_draft(save: &json::SaveDraft) -> Result<json::Draft, ApiFailure> {
    send_json(Request::put(&admin("/draft")), save).await
}

pub async fn discard_draft() -> Result<json::Draft, ApiFailure> {
    read(Request::delete(&admin("/draft")).send().await).await
}

pub async fn publish(publish: &json::Publish) -> Result<json::VersionInfo, ApiFailure> {
    send_json(Request::post(&admin("/publish")), publish).await
}

pub async fn fetch_versions() -> Result<Vec<json::VersionInfo>, ApiFailure> {
    read(Request::get(&admin("/versions")).send().await).await
}

pub async fn fetch_version(version: u64) -> Result<json::Version, ApiFailure> {
    read(Request::get(&admin(&format!("/versions/{version}"))).send().await).await
}

pub async fn restore_version(version: u64) -> Result<json::Draft, ApiFailure> {
    read(Request::post(&admin(&format!("/versions/{version}/restore"))).send().await).await
}

/// Sends a configuration file as it is; the server reads and checks it.
pub async fn import_file(contents: String) -> Result<json::Draft, ApiFailure> {
    let request = Request::post(&admin("/import"))
        .header("Content-Type", "application/json")
        .body(contents)
        .map_err(super::unsendable)?;
    read(request.send().await).await
}

pub fn export_url() -> String {
    admin("/export")
}

pub async fn fetch_accounts() -> Result<Vec<json::Account>, ApiFailure> {
    read(Request::get(&admin("/accounts")).send().await).await
}

pub async fn create_account(new: &json::NewAccount) -> Result<json::Account, ApiFailure> {
    send_json(Request::post(&admin("/accounts")), new).await
}

pub async fn change_account(id: i64, change: &json::AccountChange) -> Result<json::Account, ApiFailure> {
    send_json(Request::patch(&admin(&format!("/accounts/{id}"))), change).await
}

/// Sets a new password; the answer has no body.
pub async fn reset_password(id: i64, password: &str) -> Result<(), ApiFailure> {
    let body = json::NewPassword { password: password.to_owned() };
    let request = Request::post(&admin(&format!("/accounts/{id}/password")))
        .header("Content-Type", "application/json")
        .body(super::to_json(&body)?)
        .map_err(super::unsendable)?;
    let response = request.send().await.map_err(|_| ApiFailure::Unreachable)?;
    if response.ok() {
        return Ok(());
    }
    read::<()>(Ok(response)).await
}

/// The audit trail; `query` is the filter's query string (already encoded).
pub async fn fetch_audit(query: &str) -> Result<Vec<json::AuditEntry>, ApiFailure> {
    read(Request::get(&admin(&format!("/audit?{query}"))).send().await).await
}

/// A booking reference as one segment of a path.
fn reference_segment(reference: &str) -> String {
    web_sys::js_sys::encode_uri_component(reference).into()
}

/// The appointments of `day` (`YYYY-MM-DD`, the office's date), by slot.
pub async fn fetch_appointments(day: &str) -> Result<Vec<json::Appointment>, ApiFailure> {
    let day = web_sys::js_sys::encode_uri_component(day);
    read(Request::get(&admin(&format!("/appointments?day={day}"))).send().await).await
}

/// Creates the appointment `reference` on the slot's day, or changes it there.
pub async fn save_appointment(
    reference: &str,
    input: &json::AppointmentInput,
) -> Result<json::Appointment, ApiFailure> {
    send_json(Request::put(&admin(&format!("/appointments/{}", reference_segment(reference)))), input).await
}

/// Cancels the appointment `reference` of `day`; answers with it, cancelled.
pub async fn cancel_appointment(reference: &str, day: &str) -> Result<json::Appointment, ApiFailure> {
    let path =
        format!("/appointments/{}?day={}", reference_segment(reference), web_sys::js_sys::encode_uri_component(day));
    read(Request::delete(&admin(&path)).send().await).await
}

/// Sends a booking system's file as it is (the server tells CSV from iCalendar by its
/// content); with `dry_run` the server only says what the import would do.
pub async fn import_appointments(file: &web_sys::File, dry_run: bool) -> Result<json::ImportReport, ApiFailure> {
    let kind = if file.name().to_lowercase().ends_with(".ics") { "text/calendar" } else { "text/csv" };
    // The file itself is the body: its bytes reach the server as they are, whatever their
    // encoding, rather than decoded and encoded again here.
    let request = Request::post(&admin(&format!("/appointments/import?dry_run={dry_run}")))
        .header("Content-Type", kind)
        .body(wasm_bindgen::JsValue::from(file.clone()))
        .map_err(super::unsendable)?;
    read(request.send().await).await
}

/// The remembered booking-system service names and their concerns.
pub async fn fetch_service_mappings() -> Result<Vec<json::ServiceMapping>, ApiFailure> {
    read(Request::get(&admin("/appointments/services")).send().await).await
}

/// Replaces the whole list of service mappings.
pub async fn save_service_mappings(mappings: &[json::ServiceMapping]) -> Result<Vec<json::ServiceMapping>, ApiFailure> {
    send_json(Request::put(&admin("/appointments/services")), &mappings).await
}
