//! The visitor's appointment: looking up the booking reference they typed or scanned, and the
//! screen that shows what was found (time and concern) and whether they can check in now, or
//! from when, or what they get instead.

use leptos::prelude::*;
use web_sys::js_sys::{Date, Object, Reflect};
use willkommen_api::{self as json, CheckInState, ErrorCode, LateArrival};

use super::focused_heading;
use super::issue::information_desk_ticket;
use super::issuing_notice::local_date_time;
use super::visit::{Issuing, Lookup, Step, Visit};
use crate::api_client::{ApiFailure, fetch_ticket, look_up_appointment};
use crate::clock::slot_time;
use crate::components::Icon;
use crate::i18n::I18n;

/// Looks `reference` up and moves on to what was found: the appointment screen, or straight
/// to the ticket of a visitor who has checked in before. Failures stay on the reference screen.
pub fn look_up(visit: Visit, reference: String) {
    let waiting = match visit.lookup.get_untracked() {
        Lookup::Pending => true,
        Lookup::SlowDown { until } => until > Date::now(),
        Lookup::Idle | Lookup::Failed(_) => false,
    };
    if waiting {
        return;
    }
    visit.lookup.set(Lookup::Pending);
    leptos::task::spawn_local(async move {
        let found = look_up_appointment(&reference).await;
        // Checked in before: the same ticket again.
        let ticket = match &found {
            Ok(json::AppointmentLookup { check_in: CheckInState::CheckedIn { ticket }, .. }) => {
                Some(fetch_ticket(ticket.as_str()).await)
            }
            _ => None,
        };
        // The visitor started over or walked away meanwhile.
        if !visit.is_current() {
            return;
        }
        match (found, ticket) {
            (Ok(appointment), Some(Ok(ticket))) => show(visit, appointment, Some(ticket)),
            (Ok(appointment), None) => show(visit, appointment, None),
            (Ok(_), Some(Err(failure))) => visit.lookup.set(Lookup::Failed(failure)),
            (Err((ApiFailure::Refused(error), seconds)), _) if error.code == ErrorCode::TooManyAttempts => {
                // `Retry-After` is in whole seconds, rounded down: one more, so the next try
                // is not refused again.
                let until = Date::now() + f64::from(seconds + 1) * 1000.0;
                visit.lookup.set(Lookup::SlowDown { until });
            }
            (Err((failure, _)), _) => visit.lookup.set(Lookup::Failed(failure)),
        }
    });
}

/// The appointment's screen, or the ticket its earlier check-in gave (with the answers given
/// then, so the ticket lists the same missing documents).
fn show(visit: Visit, appointment: json::AppointmentLookup, ticket: Option<json::Ticket>) {
    let concern = ticket.as_ref().map_or(&appointment.concern, |ticket| &ticket.concern);
    visit.concern.set(visit.office_concern(Some(concern)));
    visit.answers.set(ticket.as_ref().map(|ticket| ticket.checklist.clone()).unwrap_or_default());
    visit.lookup.set(Lookup::Idle);
    visit.appointment.set(Some(appointment));
    let next = if ticket.is_some() { Step::Ticket } else { Step::Appointment };
    visit.issuing.set(ticket.map_or(Issuing::NotAsked, Issuing::Issued));
    visit.go(next);
}

/// An appointment's moment as the visitor reads it: the time alone ("10:30", as on the ticket
/// and the call display) when it is today in the office, else with the day, in the visitor's
/// language.
pub fn appointment_time(rfc3339: &str, language: &str, time_zone: &str) -> String {
    let options = Object::new();
    let _ = Reflect::set(&options, &"timeZone".into(), &time_zone.into());
    // Swedish writes dates as ISO 8601 does ("2026-12-07"). Not `clock::office_date`: its
    // `formatToParts` binding and fallback cost the kiosk's download 1.1 KB brotli.
    let today: String = Date::new_0().to_locale_date_string("sv-SE", &options).into();
    match slot_time(rfc3339) {
        Some(time) if rfc3339.get(..10) == Some(today.as_str()) => time.to_owned(),
        _ => local_date_time(rfc3339, language, time_zone),
    }
}

/// A sentence of the appointment screen: its message, and the moment it names.
type Line = (&'static str, Option<String>);

#[component]
pub fn AppointmentScreen() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let appointment = visit.appointment.get_untracked()?;
    let heading = focused_heading();
    let time_zone = visit.office.with_untracked(|office| office.as_ref().map(|office| office.time_zone.clone()));
    let time_zone = StoredValue::new(time_zone.unwrap_or_default());
    let at = move |key: &'static str, moment: &str| {
        let mut args = crate::i18n::Args::new();
        args.set("time", time_zone.with_value(|zone| appointment_time(moment, &i18n.language(), zone)));
        i18n.t_args(key, &args)
    };
    let slot = appointment.slot.clone();
    let when = move || time_zone.with_value(|zone| appointment_time(&slot, &i18n.language(), zone));
    let concern_name = move || visit.concern.with(|concern| concern.as_ref().map(|concern| i18n.pick(&concern.name)));
    let reference = move || {
        let mut args = crate::i18n::Args::new();
        args.set("reference", appointment.reference.clone());
        i18n.t_args("appointment-reference", &args)
    };
    let has_information = visit.has_information_desk();

    // The ways on that the states offer.
    let go_on = move || {
        let has_checklist = visit.concern.with_untracked(|c| c.as_ref().is_some_and(|c| !c.checklist.is_empty()));
        visit.go(if has_checklist { Step::Checklist } else { Step::Summary });
    };
    let continue_button = move || {
        view! {
            <button type="button" class="primary-button" on:click=move |_| go_on()>
                <span>{move || i18n.t("checklist-continue")}</span>
                <Icon name="forward"/>
            </button>
        }
        .into_any()
    };
    let information_button = move |primary: bool| {
        has_information.then(|| {
            let class = if primary { "primary-button" } else { "secondary-button" };
            view! {
                <button type="button" class=class on:click=move |_| information_desk_ticket(visit, i18n)>
                    <Icon name="info"/>
                    <span>{move || i18n.t("appointment-information-ticket")}</span>
                </button>
            }
            .into_any()
        })
    };
    let done_button = move |primary: bool| {
        let class = if primary { "primary-button" } else { "secondary-button" };
        view! { <button type="button" class=class on:click=move |_| visit.forget()>{move || i18n.t("ticket-done")}</button> }
            .into_any()
    };
    // Anything but "check in now" is set apart as a notice.
    let notice = appointment.check_in != CheckInState::Open;
    // What the screen says (a message, and the moment it names) and what the visitor can do,
    // per state, in the order shown.
    let (lines, actions): (Vec<Line>, Vec<Option<AnyView>>) = match appointment.check_in {
        CheckInState::Open => (vec![("appointment-open", None)], vec![Some(continue_button())]),
        CheckInState::TooEarly { opens_at } => (
            vec![("appointment-too-early", Some(opens_at)), ("appointment-too-early-hint", None)],
            vec![Some(done_button(true)), information_button(false)],
        ),
        CheckInState::TooLate { late_arrival: LateArrival::WalkIn } => {
            (vec![("appointment-too-late", None), ("appointment-late-walk-in", None)], vec![Some(continue_button())])
        }
        CheckInState::TooLate { late_arrival: LateArrival::InformationDesk } => (
            vec![("appointment-too-late", None), ("appointment-late-information", None)],
            vec![information_button(true)],
        ),
        CheckInState::Cancelled => (
            vec![("appointment-cancelled", None), ("appointment-ask-information", None)],
            vec![information_button(true), Some(done_button(false))],
        ),
        CheckInState::Over | CheckInState::CheckedIn { .. } => (
            vec![("appointment-over", None), ("appointment-ask-information", None)],
            vec![information_button(true), Some(done_button(false))],
        ),
    };
    let lines = lines
        .into_iter()
        .map(|(key, moment)| {
            let text = move || match &moment {
                Some(moment) => at(key, moment),
                None => i18n.t(key),
            };
            view! { <p data-speak>{text}</p> }
        })
        .collect_view();
    Some(view! {
        <section class="appointment" aria-labelledby="appointment-heading">
            <h1 id="appointment-heading" tabindex="-1" node_ref=heading data-speak>{move || i18n.t("appointment-heading")}</h1>
            <div class="appointment-card">
                <Icon name="calendar"/>
                <p class="appointment-when" data-speak>{when}</p>
                <p class="appointment-concern" dir="auto" data-speak>{concern_name}</p>
                <p class="appointment-reference" data-speak>{reference}</p>
            </div>
            <div class=if notice { "appointment-state notice" } else { "appointment-state" } role="status">
                {lines}
            </div>
            <div class="summary-actions">{actions}</div>
        </section>
    })
}
