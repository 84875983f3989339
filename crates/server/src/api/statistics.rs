//! The statistics routes: a range's report, its exports, and the live board (admin or
//! statistics accounts); and the kiosk's count of visitors it had to turn away.

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use serde::Deserialize;
use willkommen_api as json;

use crate::AppState;
use crate::auth::StatisticsReader;
use crate::error::{AppError, AppResult, Json, Query};
use crate::schedule::rfc3339;
use crate::statistics;

/// `?from=YYYY-MM-DD&to=YYYY-MM-DD`: office days, both included.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeQuery {
    pub from: String,
    pub to: String,
}

/// `?from=…&to=…&table=…`
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TableQuery {
    pub from: String,
    pub to: String,
    /// One of the report's tables: visitors, waiting, days, hours, wait_distribution,
    /// languages, documents, quotas, turned_away.
    pub table: String,
}

/// `GET /api/v1/statistics`: every table of the report on the office days `from` to `to`.
#[utoipa::path(get, path = "/api/v1/statistics", tag = "statistics", security(("session" = [])), params(RangeQuery),
    responses((status = 200, body = json::StatisticsReport), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn statistics_show(
    _: StatisticsReader,
    State(state): State<AppState>,
    Query(range): Query<RangeQuery>,
) -> AppResult<Json<json::StatisticsReport>> {
    Ok(Json(report(&state, &range.from, &range.to).await?))
}

/// `GET /api/v1/statistics/export.csv`: one table of the report as CSV.
#[utoipa::path(get, path = "/api/v1/statistics/export.csv", tag = "statistics", security(("session" = [])), params(TableQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn statistics_csv(
    _: StatisticsReader,
    State(state): State<AppState>,
    Query(query): Query<TableQuery>,
) -> AppResult<Response> {
    if !json::STATISTICS_TABLES.contains(&query.table.as_str()) {
        return Err(AppError::InvalidField(format!(
            "table: there is no table {:?}; one of {}",
            query.table,
            json::STATISTICS_TABLES.join(", ")
        )));
    }
    let report = report(&state, &query.from, &query.to).await?;
    let table = report.table(&query.table).ok_or_else(|| anyhow::anyhow!("the report lacks {}", query.table))?;
    let body = statistics::csv(table)?;
    download(&report, &format!("{}-", query.table), "csv", "text/csv; charset=utf-8", body)
}

/// `GET /api/v1/statistics/export.xlsx`: every table of the report, a sheet each.
#[utoipa::path(get, path = "/api/v1/statistics/export.xlsx", tag = "statistics", security(("session" = [])), params(RangeQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn statistics_xlsx(
    _: StatisticsReader,
    State(state): State<AppState>,
    Query(range): Query<RangeQuery>,
) -> AppResult<Response> {
    let report = report(&state, &range.from, &range.to).await?;
    let body = statistics::xlsx(&report).map_err(anyhow::Error::from)?;
    let kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    download(&report, "", "xlsx", kind, body)
}

/// `GET /api/v1/statistics/live`: the office now, against the target waits.
#[utoipa::path(get, path = "/api/v1/statistics/live", tag = "statistics", security(("session" = [])),
    responses((status = 200, body = json::LiveBoard), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn statistics_live(_: StatisticsReader, State(state): State<AppState>) -> AppResult<Json<json::LiveBoard>> {
    Ok(Json(state.store.live_board(state.store.now()).await?))
}

/// `POST /api/v1/kiosk/turned-away`: the kiosk showed a visitor that no ticket can be had.
#[utoipa::path(post, path = "/api/v1/kiosk/turned-away", tag = "visitors", request_body = json::TurnedAway,
    responses((status = 204, description = "Counted"), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn kiosk_turned_away(
    State(state): State<AppState>,
    Json(body): Json<json::TurnedAway>,
) -> AppResult<StatusCode> {
    state.store.record_turned_away(&body, state.store.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn report(state: &AppState, from: &str, to: &str) -> AppResult<json::StatisticsReport> {
    let (from, to) = (date("from", from)?, date("to", to)?);
    if to < from {
        return Err(AppError::InvalidField("to: the range ends before it starts".into()));
    }
    if (to - from).get_days() >= i32::try_from(json::STATISTICS_MAX_DAYS).unwrap_or(i32::MAX) {
        return Err(AppError::InvalidField(format!("to: a report covers at most {} days", json::STATISTICS_MAX_DAYS)));
    }
    let now = state.store.now();
    let found = state.store.statistics(from, to, now).await?;
    let zone = jiff::tz::TimeZone::get(&found.office.time_zone).map_err(anyhow::Error::from)?;
    let generated_at = rfc3339(&now.to_zoned_datetime(zone));
    Ok(statistics::report(&found.figures, &found.office, from, to, generated_at))
}

fn date(name: &str, text: &str) -> AppResult<Date> {
    text.parse().map_err(|_| AppError::InvalidField(format!("{name}: a date YYYY-MM-DD is needed, not {text:?}")))
}

/// A file to save: `willkommen-<office>-<what><from>-<to>.<extension>`.
fn download(
    report: &json::StatisticsReport,
    what: &str,
    extension: &str,
    content_type: &'static str,
    body: Vec<u8>,
) -> AppResult<Response> {
    let name = format!("willkommen-{}-{what}{}-{}.{extension}", slug(&report.office), report.from, report.to);
    let disposition = format!("attachment; filename=\"{name}\"");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).map_err(anyhow::Error::from)?),
        ],
        body,
    )
        .into_response())
}

/// The office's name for a file name: lower-case ASCII letters and digits, umlauts spelled
/// out, everything else a single dash.
fn slug(name: &str) -> String {
    let mut slug = String::new();
    for character in name.to_lowercase().chars() {
        let spelled = match character {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c);
                continue;
            }
            _ => "-",
        };
        if spelled != "-" || !slug.ends_with('-') {
            slug.push_str(spelled);
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() { "office".to_owned() } else { slug.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn an_office_name_becomes_a_file_name() {
        assert_eq!(slug("Ausländerbehörde Musterstadt"), "auslaenderbehoerde-musterstadt");
        assert_eq!(slug("  Amt für Migration (Süd) "), "amt-fuer-migration-sued");
        assert_eq!(slug("مكتب"), "office");
    }
}
