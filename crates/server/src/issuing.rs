//! Issuing a ticket: checks the visitor's request against the office, then stores the ticket
//! with the next number of the concern's day in the office's time zone.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use willkommen_api as json;

use crate::error::{AppError, AppResult};
use crate::store::{Store, TicketDraft, TicketRecord};
use crate::ticket_id::random_ticket_id;

pub async fn issue_ticket(store: &Store, request: json::NewTicket, now: Timestamp) -> AppResult<TicketRecord> {
    let office = store.office_settings().await?;
    if !office.languages.0.contains(&request.language) {
        return Err(AppError::InvalidField(format!(
            "language {:?} is not offered; choose one of {}",
            request.language,
            office.languages.0.join(", ")
        )));
    }
    let concern = match store.concern_for_issuing(&request.concern).await? {
        Some(concern) if concern.active => concern,
        _ => return Err(AppError::UnknownConcern(format!("there is no concern {:?}", request.concern.as_str()))),
    };
    if let Some(unknown) = request.checklist.keys().find(|id| !concern.checklist_ids.contains(id)) {
        return Err(AppError::InvalidField(format!(
            "checklist item {unknown:?} does not belong to concern {:?}",
            request.concern.as_str()
        )));
    }

    let time_zone = TimeZone::get(&office.time_zone)
        .map_err(|error| anyhow::anyhow!("office time zone {:?}: {error}", office.time_zone))?;
    let local = now.to_zoned_datetime(time_zone);
    let draft = TicketDraft {
        id: random_ticket_id()?,
        concern: request.concern,
        prefix: concern.prefix,
        service_day: local.date().to_string(),
        language: request.language,
        checklist: request.checklist,
        issued_at: local.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
    };
    store.insert_ticket(draft).await
}
