//! The office's rules for appointments, in the settings (part of the draft, published like
//! every other setting): whether the kiosk checks visitors in, the check-in window, what a
//! late visitor gets, and how appointments share the calls with walk-ins.

use leptos::prelude::*;
use willkommen_api::LateArrival;

use super::console::Console;
use super::settings::NumberField;
use crate::i18n::I18n;

#[component]
pub fn AppointmentRules() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let rules = move || console.document.with(|d| d.as_ref().map(|d| d.appointments).unwrap_or_default());
    let enable = move |event: leptos::ev::Event| {
        let on = event_target_checked(&event);
        console.edit(|d| d.appointments.enabled = on);
    };
    let late = move |event: leptos::ev::Event| {
        let choice = if event_target_value(&event) == "information_desk" {
            LateArrival::InformationDesk
        } else {
            LateArrival::WalkIn
        };
        console.edit(|d| d.appointments.late_arrival = choice);
    };
    // Empty: appointments that are due always go first. What is not a number is left as it was.
    let walk_in_every = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        let text = text.trim();
        if text.is_empty() {
            console.edit(|d| d.appointments.walk_in_every = None);
        } else if let Ok(every) = text.parse::<u32>() {
            console.edit(|d| d.appointments.walk_in_every = Some(every));
        }
    };
    let late_option = move |value: &'static str, choice: LateArrival, label: &'static str| {
        view! {
            <option value=value selected=move || rules().late_arrival == choice>{move || i18n.t(label)}</option>
        }
    };
    view! {
        <fieldset class="admin-group">
            <legend>{move || i18n.t("admin-appointment-rules")}</legend>
            <span class="admin-check">
                <input type="checkbox" id="appointments-enabled" prop:checked=move || rules().enabled on:change=enable/>
                <label for="appointments-enabled">{move || i18n.t("admin-appointments-enabled")}</label>
            </span>
            <NumberField id="check-in-opens" label="admin-check-in-opens" max=240
                get=|d| d.appointments.check_in_opens_minutes set=|d, v| d.appointments.check_in_opens_minutes = v/>
            <NumberField id="check-in-closes" label="admin-check-in-closes" max=120
                get=|d| d.appointments.check_in_closes_minutes set=|d, v| d.appointments.check_in_closes_minutes = v/>
            <div class="admin-field">
                <label for="late-arrival">{move || i18n.t("admin-late-arrival")}</label>
                <select id="late-arrival" aria-describedby="late-arrival-help" on:change=late>
                    {late_option("walk_in", LateArrival::WalkIn, "admin-late-walk-in")}
                    {late_option("information_desk", LateArrival::InformationDesk, "admin-late-information-desk")}
                </select>
                <p class="admin-help" id="late-arrival-help">{move || i18n.t("admin-late-arrival-help")}</p>
            </div>
            <NumberField id="call-ahead" label="admin-call-ahead" max=60
                get=|d| d.appointments.call_ahead_minutes set=|d, v| d.appointments.call_ahead_minutes = v/>
            <div class="admin-field">
                <label for="walk-in-every">{move || i18n.t("admin-walk-in-every")}</label>
                <input id="walk-in-every" type="number" min="2" max="10" inputmode="numeric" aria-describedby="walk-in-every-help"
                    prop:value=move || rules().walk_in_every.map(|every| every.to_string()).unwrap_or_default()
                    on:change=walk_in_every/>
                <p class="admin-help" id="walk-in-every-help">{move || i18n.t("admin-walk-in-every-help")}</p>
            </div>
        </fieldset>
    }
}
