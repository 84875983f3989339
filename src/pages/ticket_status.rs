//! The visitor's ticket page (`/t/<ticket id>`), opened from the ticket's QR code.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use willkommen_api::{self as json, ErrorCode};

use crate::api_client::{ApiFailure, fetch_ticket};
use crate::components::QueuePosition;
use crate::i18n::I18n;
use crate::pages::kiosk::FailurePanel;

#[component]
pub fn TicketStatusPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let params = use_params_map();
    let ticket = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        async move { fetch_ticket(&id).await }
    });
    view! {
        <main class="ticket-status">
            <Transition fallback=move || view! { <p role="status">{move || i18n.t("kiosk-loading")}</p> }>
                {move || Suspend::new(async move {
                    match ticket.await {
                        Ok(ticket) => view! { <TicketStatus ticket/> }.into_any(),
                        Err(ApiFailure::Refused(json::ApiError { code: ErrorCode::NotFound, .. })) => view! {
                            <h1>{move || i18n.t("status-not-found-heading")}</h1>
                            <p>{move || i18n.t("status-not-found")}</p>
                        }
                        .into_any(),
                        Err(failure) => view! { <FailurePanel failure on_retry=move || ticket.refetch()/> }.into_any(),
                    }
                })}
            </Transition>
        </main>
    }
}

#[component]
fn TicketStatus(ticket: json::Ticket) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    // The page opens in the language the visitor chose at the kiosk.
    if i18n.language_untracked() != ticket.language {
        i18n.set_language(&ticket.language);
    }
    let status_key = match ticket.status {
        json::TicketStatus::Waiting => "status-waiting",
        json::TicketStatus::Called => "status-called",
        json::TicketStatus::Serving => "status-serving",
        json::TicketStatus::Parked => "status-parked",
        json::TicketStatus::Finished => "status-finished",
        json::TicketStatus::NoShow => "status-no-show",
        json::TicketStatus::Cancelled => "status-cancelled",
    };
    view! {
        <h1>{move || i18n.t("status-heading")}</h1>
        <p class="ticket-number">{ticket.number.to_string()}</p>
        <p class="ticket-state" data-status=ticket.status.as_str()>{move || i18n.t(status_key)}</p>
        <QueuePosition people_ahead=ticket.people_ahead estimated_wait=ticket.estimated_wait/>
    }
}
