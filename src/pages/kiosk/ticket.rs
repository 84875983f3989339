//! The ticket: big number, concern (and an appointment's time), people ahead, expected wait,
//! the QR code to follow the queue on a phone, the missing documents, and printing.

use leptos::prelude::*;

use super::focused_heading;
use super::printout::{TicketPrintout, print_now};
use super::visit::{Issuing, Visit};
use crate::clock::slot_time;
use crate::components::{Icon, QrCode, QueuePosition};
use crate::device::{PrinterMode, printer_mode};
use crate::i18n::I18n;

#[component]
pub fn TicketScreen() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let Issuing::Issued(ticket) = visit.issuing.get_untracked() else {
        return None;
    };
    let heading = focused_heading();
    let concern = visit.concern.get_untracked();
    let missing = visit.missing_items();
    let number = ticket.number.to_string();
    let with_number = {
        let number = number.clone();
        move |key: &'static str| {
            let mut args = crate::i18n::Args::new();
            args.set("number", number.clone());
            i18n.t_args(key, &args)
        }
    };
    let spoken = with_number.clone();
    let qr_label = Signal::derive(move || with_number("ticket-qr-label"));
    let printer = printer_mode();
    let print = move || {
        visit.printed.set(Some("ticket-printing"));
        print_now();
    };
    if printer == PrinterMode::Auto {
        // Once the ticket is on screen (and so laid out for measuring).
        request_animation_frame(print);
    }
    // "Appointment 10:30" on an appointment's ticket (a late arrival's is a walk-in one).
    let slot = ticket.appointment.as_ref().filter(|appointment| !appointment.late).map(|a| a.slot.clone());
    let appointment = slot.map(|slot| {
        let text = move || {
            let mut args = crate::i18n::Args::new();
            args.set("time", slot_time(&slot).unwrap_or_default().to_owned());
            i18n.t_args("ticket-appointment", &args)
        };
        view! { <p class="ticket-appointment" data-speak><Icon name="calendar"/><span>{text}</span></p> }
    });
    let again = visit.appointment.with_untracked(|appointment| {
        appointment.as_ref().is_some_and(|a| matches!(a.check_in, willkommen_api::CheckInState::CheckedIn { .. }))
    });
    let missing_names: Vec<_> = missing.iter().map(|item| item.text.clone()).collect();
    let concern_name = concern.as_ref().map(|c| c.name.clone());
    Some(view! {
        <section class="ticket" aria-labelledby="ticket-heading">
            <h1 id="ticket-heading" tabindex="-1" node_ref=heading data-speak>{move || i18n.t("ticket-heading")}</h1>
            {again.then(|| view! { <p class="notice" data-speak>{move || i18n.t("appointment-checked-in-before")}</p> })}
            <p class="ticket-number" dir="ltr" aria-label=move || spoken("ticket-number-spoken") data-speak>{number.clone()}</p>
            {appointment}
            {concern_name.map(|name| view! { <p class="ticket-concern" dir="auto" data-speak>{move || i18n.pick(&name)}</p> })}
            <div data-speak>
                <QueuePosition people_ahead=ticket.people_ahead estimated_wait=ticket.estimated_wait/>
            </div>
            <p data-speak>{move || i18n.t("ticket-wait-hint")}</p>
            <div class="ticket-qr">
                <QrCode text=ticket.status_url.clone() label=qr_label/>
                <p class="qr-hint" data-speak>{move || i18n.t("ticket-qr-hint")}</p>
            </div>
            {(!missing_names.is_empty()).then(|| view! {
                <div class="ticket-missing">
                    <h2 data-speak>{move || i18n.t("ticket-missing-heading")}</h2>
                    <ul data-speak>
                        {missing_names.into_iter().map(|name| view! { <li dir="auto">{move || i18n.pick(&name)}</li> }).collect_view()}
                    </ul>
                </div>
            })}
            {move || visit.printed.get().map(|key| view! { <p class="status-message" role="status">{move || i18n.t(key)}</p> })}
            <div class="ticket-actions">
                {(printer != PrinterMode::None).then(|| view! {
                    <button type="button" class="secondary-button" on:click=move |_| print()>
                        <Icon name="printer"/>
                        <span>{move || i18n.t("ticket-print")}</span>
                    </button>
                })}
                <button type="button" class="primary-button" on:click=move |_| visit.forget()>{move || i18n.t("ticket-done")}</button>
            </div>
            <TicketPrintout ticket concern missing/>
        </section>
    })
}
