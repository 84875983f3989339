//! Asking the server for the visitor's ticket, safely: one idempotency key per confirmation, so
//! a double tap, a retry after a timeout or a lost answer all yield the same single ticket.
//! While the server cannot be reached the kiosk keeps retrying with that key in the background.

use leptos::prelude::*;
use willkommen_api::NewTicket;

use super::visit::{Issuing, Step, Visit};
use crate::api_client::{ApiFailure, create_ticket};
use crate::i18n::I18n;
use crate::idempotency::new_idempotency_key;
use crate::timing::{Backoff, sleep};

const LONGEST_RETRY_MS: i32 = 15_000;

/// Requests the ticket for the visitor's concern and answers. Does nothing while a request is
/// under way, which makes a second tap harmless even before the button is disabled.
pub fn take_ticket(visit: Visit, i18n: I18n) {
    if visit.preview
        || matches!(visit.issuing.get_untracked(), Issuing::Pending | Issuing::Retrying | Issuing::Issued(_))
    {
        return;
    }
    let Some(concern) = visit.concern.get_untracked() else { return };
    let request = NewTicket {
        concern: concern.id,
        language: i18n.language_untracked(),
        checklist: visit.answers.get_untracked(),
    };
    let idempotency_key = new_idempotency_key();
    let generation = visit.generation.get_untracked();
    visit.issuing.set(Issuing::Pending);
    leptos::task::spawn_local(async move {
        let mut backoff = Backoff::new(LONGEST_RETRY_MS);
        loop {
            let result = create_ticket(&request, &idempotency_key).await;
            // The visitor started over or walked away meanwhile: this answer is not theirs.
            if visit.generation.get_untracked() != generation {
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
                    if visit.generation.get_untracked() != generation {
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

/// Waits `milliseconds`, or less if the visitor presses "try again".
async fn pause_unless_asked(visit: Visit, milliseconds: i32) {
    const SLICE_MS: i32 = 250;
    let mut waited = 0;
    while waited < milliseconds && !visit.retry_now.get_untracked() {
        sleep(SLICE_MS).await;
        waited += SLICE_MS;
    }
    visit.retry_now.set(false);
}
