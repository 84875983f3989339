//! Asking the server for the visitor's ticket, safely: one idempotency key per confirmation, so
//! a double tap, a retry after a timeout or a lost answer all yield the same single ticket.
//! While the server cannot be reached the kiosk keeps retrying with that key in the background.
//! An appointment's check-in is retried the same way: checking in again gives the same ticket.

use leptos::prelude::*;
use willkommen_api::{CheckIn, CheckInState, LateArrival, NewTicket};

use super::visit::{Issuing, Step, Visit};
use crate::api_client::{ApiFailure, check_in, create_ticket};
use crate::i18n::I18n;
use crate::idempotency::new_idempotency_key;
use crate::timing::{Backoff, sleep};

const LONGEST_RETRY_MS: i32 = 15_000;

/// What the kiosk asks for: a walk-in ticket (with its idempotency key), or the check-in for
/// an appointment (by its reference).
enum TicketRequest {
    WalkIn(NewTicket, String),
    CheckIn(String, CheckIn),
}

/// Requests the ticket for the visitor's concern and answers, or checks them in for their
/// appointment. Does nothing while a request is under way, which makes a second tap harmless
/// even before the button is disabled.
pub fn take_ticket(visit: Visit, i18n: I18n) {
    if visit.preview()
        || matches!(visit.issuing.get_untracked(), Issuing::Pending | Issuing::Retrying | Issuing::Issued(_))
    {
        return;
    }
    let language = i18n.language_untracked();
    let checklist = visit.answers.get_untracked();
    let request = match visit.appointment.get_untracked() {
        Some(appointment) => TicketRequest::CheckIn(appointment.reference, CheckIn { language, checklist }),
        None => {
            let Some(concern) = visit.concern.get_untracked() else { return };
            TicketRequest::WalkIn(NewTicket { concern: concern.id, language, checklist }, new_idempotency_key())
        }
    };
    visit.issuing.set(Issuing::Pending);
    leptos::task::spawn_local(async move {
        let mut backoff = Backoff::new(LONGEST_RETRY_MS);
        loop {
            let result = match &request {
                TicketRequest::WalkIn(ticket, key) => create_ticket(ticket, key).await,
                TicketRequest::CheckIn(reference, answers) => check_in(reference, answers).await,
            };
            // The visitor started over or walked away meanwhile: this answer is not theirs.
            if !visit.is_current() {
                return;
            }
            match result {
                Ok(ticket) => {
                    visit.issuing.set(Issuing::Issued(ticket));
                    visit.go(Step::Ticket);
                    return;
                }
                Err(ApiFailure::Unreachable) => {
                    visit.issuing.set(Issuing::Retrying);
                    pause_unless_asked(visit, backoff.next_delay()).await;
                    if !visit.is_current() {
                        return;
                    }
                }
                Err(failure) => {
                    visit.issuing.set(Issuing::Failed(failure));
                    return;
                }
            }
        }
    });
}

/// A ticket for the information desk, at once: "I am not sure", and the way on for a visitor
/// whose appointment cannot be checked in. For one who came too late where the office sends
/// late arrivals to the information desk, it is the appointment's check-in that gives it.
pub fn information_desk_ticket(visit: Visit, i18n: I18n) {
    let late = visit.appointment.get_untracked().filter(|appointment| {
        appointment.check_in == CheckInState::TooLate { late_arrival: LateArrival::InformationDesk }
    });
    let information = visit.office.with_untracked(|office| office.as_ref()?.information_concern.clone());
    let Some(concern) = visit.office_concern(information.as_ref()) else { return };
    visit.choose_concern(concern);
    visit.appointment.set(late);
    visit.go(Step::Summary);
    take_ticket(visit, i18n);
}

/// Waits `milliseconds`, or less if the visitor presses "try again".
async fn pause_unless_asked(visit: Visit, milliseconds: i32) {
    const SLICE_MS: i32 = 250;
    let mut waited = 0;
    while waited < milliseconds && visit.is_current() && !visit.retry_now.get_untracked() {
        sleep(SLICE_MS).await;
        waited += SLICE_MS;
    }
    visit.retry_now.set(false);
}
