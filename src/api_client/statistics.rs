//! The statistics calls (`/api/v1/statistics...`), for administrators and the statistics role.

use gloo_net::http::Request;
use willkommen_api::{self as json, API_PREFIX};

use super::{ApiFailure, read};

/// The query of a report on the office days `from` to `to` (`YYYY-MM-DD`, both included).
fn range(from: &str, to: &str) -> String {
    let encode = |day: &str| String::from(web_sys::js_sys::encode_uri_component(day));
    format!("from={}&to={}", encode(from), encode(to))
}

pub async fn fetch_report(from: &str, to: &str) -> Result<json::StatisticsReport, ApiFailure> {
    read(Request::get(&format!("{API_PREFIX}/statistics?{}", range(from, to))).send().await).await
}

pub async fn fetch_live() -> Result<json::LiveBoard, ApiFailure> {
    read(Request::get(&format!("{API_PREFIX}/statistics/live")).send().await).await
}

/// Where the browser downloads table `table` of the report as CSV.
pub fn csv_url(from: &str, to: &str, table: &str) -> String {
    format!("{API_PREFIX}/statistics/export.csv?{}&table={table}", range(from, to))
}

/// Where the browser downloads every table of the report as one XLSX workbook.
pub fn xlsx_url(from: &str, to: &str) -> String {
    format!("{API_PREFIX}/statistics/export.xlsx?{}", range(from, to))
}
