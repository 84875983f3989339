//! The office's rules for issuing a ticket, applied inside the store's issuing transaction
//! (see [`crate::store::Store::issue_ticket`]) so that they judge exactly what is stored.

use jiff::Timestamp;
use willkommen_api::{self as json, IssuingState};

use crate::error::{AppError, AppResult};
use crate::store::IssueContext;

/// Checks a visitor's request at `now`: a language the kiosk offers, an active concern,
/// checklist answers about that concern's documents, opening hours and the daily quota.
pub fn check_request(request: &json::NewTicket, now: Timestamp, context: &IssueContext) -> AppResult<()> {
    let languages = &context.office.languages.0;
    if !languages.contains(&request.language) {
        return Err(AppError::InvalidField(format!(
            "language {:?} is not offered; choose one of {}",
            request.language,
            languages.join(", ")
        )));
    }
    let concern = match context.concern {
        Some(concern) if concern.active => concern,
        _ => return Err(AppError::UnknownConcern(format!("there is no concern {:?}", request.concern.as_str()))),
    };
    if let Some(unknown) = request.checklist.keys().find(|id| !concern.checklist_ids.contains(id)) {
        return Err(AppError::InvalidField(format!(
            "checklist item {unknown:?} does not belong to concern {:?}",
            request.concern.as_str()
        )));
    }
    let issuing = context.schedule.issuing_at(now);
    let reopens = issuing.next_opening.as_deref().map(|at| format!("; tickets again from {at}")).unwrap_or_default();
    match issuing.state {
        IssuingState::Open => {}
        IssuingState::Closed => return Err(AppError::OfficeClosed(format!("the office is closed{reopens}"))),
        IssuingState::CutOff => {
            return Err(AppError::CutOffPassed(format!("no new tickets this close to closing time{reopens}")));
        }
    }
    if concern.daily_quota.is_some_and(|quota| context.issued_today >= quota) {
        return Err(AppError::QuotaReached(format!(
            "all of today's tickets for {:?} have been issued",
            request.concern.as_str()
        )));
    }
    Ok(())
}
