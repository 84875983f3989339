//! The queue at a glance: waiting tickets per concern with the longest wait and how many lack
//! documents (appointments marked with their time), and the counters with what they are
//! serving.

use crate::i18n::Args;
use leptos::prelude::*;

use super::StaffDesk;
use willkommen_api::TicketAction;

use super::ticket_card::{appointment_label, perform};
use crate::i18n::I18n;

#[component]
pub fn QueueOverview() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let desk = expect_context::<StaffDesk>();
    let rows = move || {
        let queue = desk.queue.get()?;
        let (waiting, parked): (Vec<_>, Vec<_>) =
            queue.waiting.iter().partition(|ticket| ticket.status == willkommen_api::TicketStatus::Waiting);
        let mut concerns: Vec<willkommen_api::ConcernId> = Vec::new();
        for ticket in &waiting {
            if !concerns.contains(&ticket.concern) {
                concerns.push(ticket.concern.clone());
            }
        }
        let concern_rows = concerns
            .into_iter()
            .map(|concern| {
                let waiting: Vec<_> = waiting.iter().filter(|ticket| ticket.concern == concern).collect();
                let count = waiting.len();
                let oldest = waiting.iter().map(|ticket| ticket.waited_minutes).max().unwrap_or(0);
                let lacking = waiting.iter().filter(|ticket| !ticket.missing_required.is_empty()).count();
                // Each waiting number is a button: call that visitor now (e.g. an appointment).
                let numbers = waiting
                    .iter()
                    .map(|ticket| {
                        let lacking = !ticket.missing_required.is_empty();
                        let number = ticket.number.to_string();
                        let appointment = ticket.appointment.as_ref().map(|appointment| appointment_label(i18n, appointment));
                        let label = {
                            let (number, appointment) = (number.clone(), appointment.clone());
                            move || {
                                // Without Fluent's isolation marks around the time: an attribute is one run of text.
                                let appointment = appointment.as_ref().map(|label| label().replace(['\u{2068}', '\u{2069}'], ""));
                                let missing = lacking.then(|| i18n.t("staff-queue-missing-documents"));
                                let call = i18n.t(TicketAction::Call.label_id());
                                [Some(number.clone()), appointment, missing, Some(call)].into_iter().flatten().collect::<Vec<_>>().join(", ")
                            }
                        };
                        let appointment = appointment.map(|label| view! { " " <span class="queue-appointment">{label}</span> });
                        let id = ticket.id.clone();
                        view! {
                            <button
                                type="button"
                                class="queue-ticket"
                                class:lacking=lacking
                                aria-label=label
                                on:click=move |_| perform(desk, i18n, id.clone(), TicketAction::Call)
                            >
                                {number}{appointment}{lacking.then_some(" !")}
                            </button>
                        }
                    })
                    .collect_view();
                let text = move |key: &'static str, name: &'static str, value: usize| {
                    let mut args = Args::new();
                    args.set(name, value);
                    i18n.t_args(key, &args)
                };
                view! {
                    <li class="queue-concern">
                        <span class="queue-concern-name">{desk.concern_name(&concern)}</span>
                        <span>{text("staff-queue-waiting", "count", count)}" · "{text("staff-queue-oldest", "minutes", oldest as usize)}</span>
                        {(lacking > 0).then(|| view! { <span>{lacking}" × "{move || i18n.t("staff-queue-missing-documents")}</span> })}
                        <span class="queue-numbers">{numbers}</span>
                    </li>
                }
            })
            .collect_view();
        let counter_rows = queue
            .counters
            .iter()
            .map(|counter| {
                let serving =
                    queue.active.iter().find(|ticket| ticket.counter.as_ref() == Some(&counter.id)).map(|ticket| {
                        match &ticket.served_by {
                            Some(clerk) => format!("{} · {clerk}", ticket.number),
                            None => ticket.number.to_string(),
                        }
                    });
                let free = serving.is_none();
                view! {
                    <li>
                        <span class="queue-counter-name">{counter.name.clone()}</span>": "
                        {serving}
                        {free.then(|| view! { <span>{move || i18n.t("staff-counter-free")}</span> })}
                    </li>
                }
            })
            .collect_view();
        // Parked tickets open in the side panel, with "back into the queue" and "call now".
        let parked_rows = (!parked.is_empty()).then(|| {
            let buttons = parked
                .into_iter()
                .map(|ticket| {
                    let number = ticket.number.to_string();
                    let ticket = ticket.clone();
                    view! {
                        <button type="button" class="queue-ticket" on:click=move |_| desk.scanned.set(Some(Ok(ticket.clone())))>
                            {number}
                        </button>
                    }
                })
                .collect_view();
            view! {
                <h3>{move || i18n.t("staff-queue-parked")}</h3>
                <p class="queue-numbers">{buttons}</p>
            }
        });
        Some(view! {
            <ul class="queue-concerns">{concern_rows}</ul>
            {parked_rows}
            <h3>{move || i18n.t("staff-counters")}</h3>
            <ul class="queue-counters">{counter_rows}</ul>
        })
    };
    view! {
        <section class="staff-queue" aria-labelledby="queue-heading">
            <h2 id="queue-heading">{move || i18n.t("staff-queue")}</h2>
            {rows}
        </section>
    }
}
