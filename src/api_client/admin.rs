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
