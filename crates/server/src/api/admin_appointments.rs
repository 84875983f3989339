//! The admin API for appointments under `/api/v1/admin/appointments`: list a day's, create,
//! change and cancel one (what a booking system pushes as bookings are made), import a file,
//! and the booking systems' service names. Every route needs an admin session.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use willkommen_api as json;

use crate::AppState;
use crate::appointment_files::{parse_start, read_appointment_file};
use crate::auth::Admin;
use crate::error::{AppError, AppResult, Json, Query};
use crate::schedule::service_day;
use crate::store::{AppointmentEntry, AppointmentRecord, Source, Stored};

/// `?day=YYYY-MM-DD`
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DayQuery {
    /// The office's local date; today when left out (only for listing).
    pub day: Option<String>,
}

/// `?dry_run=true`
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Only report what the import would do; change nothing.
    #[serde(default)]
    pub dry_run: bool,
}

/// `GET /api/v1/admin/appointments?day=`: the day's appointments, by slot, with where each
/// stands.
#[utoipa::path(get, path = "/api/v1/admin/appointments", tag = "admin", security(("session" = [])), params(DayQuery),
    responses((status = 200, body = Vec<json::Appointment>), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn appointments_list(
    _: Admin,
    State(state): State<AppState>,
    Query(query): Query<DayQuery>,
) -> AppResult<Json<Vec<json::Appointment>>> {
    let office = state.store.appointment_office().await?;
    let now = state.store.now();
    let day = match query.day {
        Some(day) => checked_day(&day)?,
        None => service_day(now, &office.zone),
    };
    let records = state.store.appointments_on(&day).await?;
    Ok(Json(records.iter().map(|record| record.to_json(now, &office.rules)).collect()))
}

/// `PUT /api/v1/admin/appointments/{reference}`: creates the appointment with this reference
/// on the slot's day (`201`), or changes it (`200`).
#[utoipa::path(put, path = "/api/v1/admin/appointments/{reference}", tag = "admin", security(("session" = [])),
    params(("reference" = String, Path)), request_body = json::AppointmentInput,
    responses((status = 201, body = json::Appointment, description = "Created"),
        (status = 200, body = json::Appointment, description = "Changed, or already so"),
        (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn appointments_put(
    _: Admin,
    State(state): State<AppState>,
    Path(reference): Path<String>,
    Json(input): Json<json::AppointmentInput>,
) -> AppResult<Response> {
    let office = state.store.appointment_office().await?;
    let reference_key = checked_reference(&reference)?;
    let slot =
        parse_start(&input.slot, &office.zone).map_err(|message| AppError::InvalidField(format!("slot: {message}")))?;
    let names = state.store.service_names().await?;
    let concern = names
        .concern(&input.concern)
        .ok_or_else(|| {
            AppError::UnknownConcern(format!(
                "concern: {:?} is neither a concern of this office nor a mapped service name",
                input.concern
            ))
        })?
        .to_owned();
    let language = checked_language(input.language, &office.languages)?;
    let entry = AppointmentEntry {
        reference: reference.trim().to_owned(),
        reference_key,
        slot,
        concern,
        language,
        cancelled: false,
    };
    let now = state.store.now();
    let (stored, record) = state.store.store_appointment(&entry, Source::Api, now).await?;
    let status = if stored == Stored::Created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(record.to_json(now, &office.rules))).into_response())
}

/// `DELETE /api/v1/admin/appointments/{reference}?day=`: cancels it. A visitor who has
/// checked in keeps their ticket.
#[utoipa::path(delete, path = "/api/v1/admin/appointments/{reference}", tag = "admin", security(("session" = [])),
    params(("reference" = String, Path), DayQuery),
    responses((status = 200, body = json::Appointment), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn appointments_cancel(
    _: Admin,
    State(state): State<AppState>,
    Path(reference): Path<String>,
    Query(query): Query<DayQuery>,
) -> AppResult<Json<json::Appointment>> {
    let office = state.store.appointment_office().await?;
    let reference_key = checked_reference(&reference)?;
    let day = checked_day(
        query.day.as_deref().ok_or_else(|| AppError::InvalidField("day: say which day (YYYY-MM-DD)".into()))?,
    )?;
    let now = state.store.now();
    let record: AppointmentRecord = state.store.cancel_appointment(&reference_key, &day, now).await?;
    Ok(Json(record.to_json(now, &office.rules)))
}

/// `POST /api/v1/admin/appointments/import?dry_run=`: a booking system's export (CSV or
/// iCalendar, see docs/appointments.md) as the body. Refused whole with every problem, or
/// stored whole.
#[utoipa::path(post, path = "/api/v1/admin/appointments/import", tag = "admin", security(("session" = [])),
    params(ImportQuery), request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = json::ImportReport), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn appointments_import(
    _: Admin,
    State(state): State<AppState>,
    Query(query): Query<ImportQuery>,
    body: Bytes,
) -> AppResult<Json<json::ImportReport>> {
    let office = state.store.appointment_office().await?;
    let file = read_appointment_file(&body, &office.zone).map_err(AppError::InvalidImport)?;
    let names = state.store.service_names().await?;
    let languages = &office.languages;
    let mut problems = Vec::new();
    let mut entries = Vec::with_capacity(file.appointments.len());
    for row in file.appointments {
        let concern = names.concern(&row.service).map(str::to_owned);
        if concern.is_none() {
            problems.push(json::ImportProblem {
                line: row.line,
                field: Some(row.fields.service.clone()),
                message: format!("{:?} is neither a concern of this office nor a mapped service name", row.service),
                unknown_service: Some(row.service.clone()),
            });
        }
        let language = row.language.as_deref().map(|tag| offered_language(tag, languages).ok_or(tag));
        if let Some(Err(language)) = language {
            problems.push(json::ImportProblem {
                line: row.line,
                field: row.fields.language.clone(),
                message: format!("{language:?} is not a language the kiosk offers ({})", languages.join(", ")),
                unknown_service: None,
            });
        }
        if let Some(concern) = concern {
            entries.push(AppointmentEntry {
                reference: row.reference,
                reference_key: row.reference_key,
                slot: row.slot,
                concern,
                language: language.and_then(Result::ok),
                cancelled: row.cancelled,
            });
        }
    }
    if !problems.is_empty() {
        return Err(AppError::InvalidImport(problems));
    }
    Ok(Json(state.store.import_appointments(&entries, &file.days, query.dry_run, state.store.now()).await?))
}

/// The kiosk language a file's tag means: the same tag, or its language without the region
/// (`de-DE` is `de`).
fn offered_language(tag: &str, offered: &[String]) -> Option<String> {
    let primary = tag.split('-').next().unwrap_or(tag);
    offered
        .iter()
        .find(|language| language.eq_ignore_ascii_case(tag))
        .or_else(|| offered.iter().find(|language| language.eq_ignore_ascii_case(primary)))
        .cloned()
}

/// `GET /api/v1/admin/appointments/services`: the remembered service names.
#[utoipa::path(get, path = "/api/v1/admin/appointments/services", tag = "admin", security(("session" = [])),
    responses((status = 200, body = Vec<json::ServiceMapping>), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn services_list(_: Admin, State(state): State<AppState>) -> AppResult<Json<Vec<json::ServiceMapping>>> {
    Ok(Json(state.store.service_mappings().await?))
}

/// `PUT /api/v1/admin/appointments/services`: replaces the remembered service names.
#[utoipa::path(put, path = "/api/v1/admin/appointments/services", tag = "admin", security(("session" = [])),
    request_body = Vec<json::ServiceMapping>,
    responses((status = 200, body = Vec<json::ServiceMapping>), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn services_replace(
    _: Admin,
    State(state): State<AppState>,
    Json(mappings): Json<Vec<json::ServiceMapping>>,
) -> AppResult<Json<Vec<json::ServiceMapping>>> {
    state.store.replace_service_mappings(&mappings).await?;
    Ok(Json(state.store.service_mappings().await?))
}

fn checked_reference(reference: &str) -> AppResult<String> {
    json::normalize_reference(reference).ok_or_else(|| {
        AppError::InvalidField(format!(
            "reference: {:?} is not a booking reference ({} to {} letters and digits; spaces, dashes, dots and slashes are allowed between them)",
            reference,
            json::REFERENCE_MIN_CHARS,
            json::REFERENCE_MAX_CHARS
        ))
    })
}

fn checked_day(day: &str) -> AppResult<String> {
    day.parse::<jiff::civil::Date>()
        .map(|date| date.to_string())
        .map_err(|_| AppError::InvalidField(format!("day: {day:?} is not a date like 2026-12-07")))
}

fn checked_language(language: Option<String>, languages: &[String]) -> AppResult<Option<String>> {
    let Some(language) = language.filter(|language| !language.trim().is_empty()) else { return Ok(None) };
    if languages.contains(&language) {
        Ok(Some(language))
    } else {
        Err(AppError::InvalidField(format!(
            "language: {language:?} is not a language the kiosk offers ({})",
            languages.join(", ")
        )))
    }
}
