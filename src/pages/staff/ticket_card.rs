//! One ticket as the clerk sees it: number, whether it is an appointment's, status, concern,
//! the visitor's language, time waited, the kiosk checklist answers, and the actions its
//! status allows (nothing else).

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::{self as json, TicketAction, TicketStatus};

use super::StaffDesk;
use crate::api_client;
use crate::clock::slot_time;
use crate::i18n::{I18n, language_info};

/// "Termin 10:30", or "Termin 10:30 · verspätet" for a visitor who came after the window
/// (their ticket is then a walk-in's or the information desk's).
pub fn appointment_label(i18n: I18n, appointment: &json::TicketAppointment) -> impl Fn() -> String + Clone + use<> {
    let time = slot_time(&appointment.slot).unwrap_or(&appointment.slot).to_owned();
    let key = if appointment.late { "staff-appointment-late" } else { "staff-appointment" };
    move || {
        let mut args = Args::new();
        args.set("time", time.clone());
        i18n.t_args(key, &args)
    }
}

/// The desk's function key for an action (function keys: letters would collide with a hand
/// scanner's typing, and F1, F3, F5, F11, F12 belong to the browser). Transfer has none (it
/// needs a concern: Alt+T goes to that choice), nor has the visitor's cancel.
pub fn function_key(action: TicketAction) -> Option<&'static str> {
    match action {
        TicketAction::Call => Some("F2"),
        TicketAction::Recall => Some("F4"),
        TicketAction::Start => Some("F6"),
        TicketAction::Finish => Some("F7"),
        TicketAction::NoShow => Some("F8"),
        TicketAction::Park => Some("F9"),
        TicketAction::Return => Some("F10"),
        TicketAction::Transfer | TicketAction::Cancel => None,
    }
}

/// Does `action` on `ticket` and updates the desk with the answer.
pub fn perform(desk: StaffDesk, i18n: I18n, ticket: json::TicketId, action: TicketAction) {
    let Some(counter) = desk.counter.get_untracked() else { return };
    desk.problem.set(None);
    leptos::task::spawn_local(async move {
        let result = match action {
            TicketAction::Call => api_client::call_ticket(&ticket, &counter).await,
            other => api_client::act_on_ticket(&ticket, other.path()).await,
        };
        match result {
            Ok(updated) => desk.show(updated),
            Err(failure) => desk.report(failure, i18n),
        }
        desk.refresh_queue(i18n).await;
    });
}

/// Transfers `ticket` to another concern; it goes back into the queue there.
pub fn transfer(desk: StaffDesk, i18n: I18n, ticket: json::TicketId, concern: json::ConcernId) {
    desk.problem.set(None);
    leptos::task::spawn_local(async move {
        match api_client::transfer_ticket(&ticket, &concern).await {
            Ok(updated) => desk.show(updated),
            Err(failure) => desk.report(failure, i18n),
        }
        desk.refresh_queue(i18n).await;
    });
}

impl StaffDesk {
    /// Puts an updated ticket where it belongs: in hand while called or served here.
    pub fn show(&self, ticket: json::StaffTicket) {
        let here = ticket.counter.is_some() && ticket.counter == self.counter.get_untracked();
        let in_hand = here && matches!(ticket.status, TicketStatus::Called | TicketStatus::Serving);
        if self.scanned.with_untracked(|scanned| matches!(scanned, Some(Ok(shown)) if shown.id == ticket.id)) {
            self.scanned.set(if in_hand { None } else { Some(Ok(ticket.clone())) });
        }
        if in_hand {
            self.current.set(Some(ticket));
        } else if self.current.with_untracked(|current| current.as_ref().is_some_and(|c| c.id == ticket.id)) {
            self.current.set(None);
        }
    }
}

#[component]
pub fn TicketCard(ticket: json::StaffTicket) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let desk = expect_context::<StaffDesk>();
    let language = language_info(&ticket.language);
    let endonym = language.map_or_else(|| ticket.language.clone(), |info| info.endonym.to_owned());
    let german_name = language.map_or_else(String::new, |info| info.german_name.to_owned());
    let direction = language.map(|info| info.direction.as_str());
    let status_key = match ticket.status {
        TicketStatus::Waiting => "staff-status-waiting",
        TicketStatus::Called => "staff-status-called",
        TicketStatus::Serving => "staff-status-serving",
        TicketStatus::Parked => "staff-status-parked",
        TicketStatus::Finished => "staff-status-finished",
        TicketStatus::NoShow => "staff-status-no-show",
        TicketStatus::Cancelled => "staff-status-cancelled",
    };
    let counted = |key: &'static str, name: &'static str, value: u32| {
        move || {
            let mut args = Args::new();
            args.set(name, value);
            i18n.t_args(key, &args)
        }
    };
    let waited = counted("staff-waited", "minutes", ticket.waited_minutes);
    let called = counted("staff-called-times", "count", ticket.call_count);
    let missing = counted("staff-missing-required", "count", ticket.missing_required.len() as u32);
    let documents = desk.office.with_untracked(|office| {
        office
            .as_ref()
            .and_then(|office| office.concerns.iter().find(|concern| concern.id == ticket.concern))
            .map(|concern| concern.checklist.clone())
            .unwrap_or_default()
    });
    let answers = ticket.checklist.clone();
    let document_rows = documents
        .into_iter()
        .map(|item| {
            let (class, key) = match answers.get(&item.id) {
                Some(true) => ("document-have", "staff-document-have"),
                Some(false) => ("document-missing", "staff-document-missing"),
                None => ("document-unanswered", "staff-document-unanswered"),
            };
            let name = item.text.resolve(willkommen_api::SOURCE_LANGUAGE).unwrap_or_default().to_owned();
            view! {
                <li class=class>
                    <span class="document-answer">{move || i18n.t(key)}</span>
                    " "
                    <span>{name}</span>
                    {item.required.then(|| view! { " " <span class="document-required">{move || i18n.t("staff-document-required")}</span> })}
                </li>
            }
        })
        .collect_view();
    // What the life cycle allows, and nothing else; transfer has a choice of its own below.
    let actions = ticket
        .status
        .staff_actions()
        .filter_map(|action| Some((action, function_key(action)?)))
        .map(|(action, key)| {
            let id = ticket.id.clone();
            view! {
                <button
                    type="button"
                    class="staff-action"
                    aria-keyshortcuts=key
                    on:click=move |_| perform(desk, i18n, id.clone(), action)
                >
                    <span>{move || i18n.t(action.label_id())}</span>
                    <kbd>{key}</kbd>
                </button>
            }
        })
        .collect_view();
    let appointment = ticket.appointment.as_ref().map(|appointment| {
        let late = appointment.late;
        view! { <p class="staff-ticket-appointment" class:late=late>{appointment_label(i18n, appointment)}</p> }
    });
    let transfer_choice = TicketAction::Transfer
        .is_allowed_from(ticket.status)
        .then(|| view! { <TransferChoice ticket=ticket.id.clone() current=ticket.concern.clone()/> });
    view! {
        <article class="staff-ticket" aria-labelledby=format!("ticket-{}", ticket.id.0)>
            <h2 class="staff-ticket-number" id=format!("ticket-{}", ticket.id.0)>{ticket.number.to_string()}</h2>
            {appointment}
            <p class="staff-ticket-status" data-status=ticket.status.as_str()>{move || i18n.t(status_key)}</p>
            <p class="staff-ticket-language">
                {move || i18n.t("staff-language")}": "
                <span lang=ticket.language.clone() dir=direction>{endonym}</span>" · "{german_name}
            </p>
            <p class="staff-ticket-times">{waited}" · "{called}</p>
            <p class="staff-ticket-concern">{desk.concern_name(&ticket.concern)}</p>
            <p class="staff-missing" class:has-missing=!ticket.missing_required.is_empty()>{missing}</p>
            <details class="staff-documents" open>
                <summary>{move || i18n.t("staff-documents")}</summary>
                <ul>{document_rows}</ul>
            </details>
            <div class="staff-actions">{actions}{transfer_choice}</div>
        </article>
    }
}

#[component]
fn TransferChoice(ticket: json::TicketId, current: json::ConcernId) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let desk = expect_context::<StaffDesk>();
    let select_id = format!("transfer-{}", ticket.0);
    let concerns =
        desk.office.with_untracked(|office| office.as_ref().map(|office| office.concerns.clone()).unwrap_or_default());
    let options = concerns
        .into_iter()
        .filter(|concern| concern.id != current)
        .map(|concern| {
            let name = concern.name.resolve(willkommen_api::SOURCE_LANGUAGE).unwrap_or_default().to_owned();
            view! { <option value=concern.id.0.clone()>{name}</option> }
        })
        .collect_view();
    let choice = NodeRef::<leptos::html::Select>::new();
    let go = move |_| {
        if let Some(select) = choice.get_untracked() {
            transfer(desk, i18n, ticket.clone(), json::ConcernId(select.value()));
        }
    };
    view! {
        <div class="staff-transfer">
            <label for=select_id.clone()>{move || i18n.t(TicketAction::Transfer.label_id())}" "<kbd>"Alt+T"</kbd></label>
            <select id=select_id node_ref=choice aria-keyshortcuts="Alt+T">{options}</select>
            <button type="button" class="staff-action" on:click=go>{move || i18n.t(TicketAction::Transfer.label_id())}</button>
        </div>
    }
}
