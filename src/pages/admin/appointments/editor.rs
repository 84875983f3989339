//! Adding an appointment, or fixing one: its time, concern and language. A reference is unique
//! per day (as a booking system's numbers are), so a fix that moves it to another day adds it
//! there first and then cancels it on the old day: if the second step fails, the visitor still
//! has an appointment.

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::{self as json, REFERENCE_MAX_CHARS, REFERENCE_MIN_CHARS, normalize_reference};

use super::dates::{long_day, slot_day, slot_local};
use super::{Agenda, Editing, concern_options};
use crate::api_client::admin;
use crate::clock::slot_time;
use crate::i18n::{I18n, language_info};
use crate::pages::admin::console::Console;

#[component]
pub fn AppointmentEditor(editing: Editing) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let agenda = expect_context::<Agenda>();
    let original = match editing {
        Editing::Fix(appointment) => Some(appointment),
        Editing::New => None,
    };
    let fixing = original.is_some();
    let reference = RwSignal::new(original.as_ref().map(|a| a.reference.clone()).unwrap_or_default());
    let slot = RwSignal::new(
        original
            .as_ref()
            .and_then(|a| slot_local(&a.slot))
            .map_or_else(|| format!("{}T09:00", agenda.day.get_untracked()), str::to_owned),
    );
    let concern = RwSignal::new(original.as_ref().map(|a| a.concern.0.clone()).unwrap_or_default());
    let language = RwSignal::new(original.as_ref().and_then(|a| a.language.clone()).unwrap_or_default());
    let problem = RwSignal::new(None::<String>);
    let old_day = original.as_ref().and_then(|a| slot_day(&a.slot)).map(str::to_owned);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = reference.get_untracked().trim().to_owned();
        if normalize_reference(&typed).is_none() {
            problem.set(Some(reference_rule(i18n, "admin-appointment-reference-invalid")));
            return;
        }
        let local = slot.get_untracked();
        let Some(new_day) = slot_day(&local).map(str::to_owned) else {
            problem.set(Some(i18n.t("admin-appointment-slot-invalid")));
            return;
        };
        let chosen_language = language.get_untracked();
        let input = json::AppointmentInput {
            slot: local.clone(),
            concern: concern.get_untracked(),
            language: (!chosen_language.is_empty()).then_some(chosen_language),
        };
        let moved_from = old_day.clone().filter(|old| *old != new_day);
        console.run(async move {
            problem.set(None);
            if let Err(failure) = admin::save_appointment(&typed, &input).await {
                problem.set(console.describe(failure, i18n));
                return;
            }
            let mut args = Args::new();
            args.set("reference", typed.clone());
            let language = i18n.language_untracked();
            args.set("day", long_day(&new_day, &language));
            args.set("time", slot_time(&local).unwrap_or(&local).to_owned());
            match moved_from {
                None => agenda.done(i18n.t_args("admin-appointment-saved", &args)),
                Some(old) => {
                    args.set("old", long_day(&old, &language));
                    match admin::cancel_appointment(&typed, &old).await {
                        Ok(_) => agenda.done(i18n.t_args("admin-appointment-moved", &args)),
                        Err(failure) => {
                            args.set("reason", console.describe(failure, i18n).unwrap_or_default());
                            agenda.failed(Some(i18n.t_args("admin-appointment-moved-not-cancelled", &args)));
                        }
                    }
                }
            }
            agenda.editing.set(None);
            agenda.show(new_day, console, i18n);
        })
    };
    let heading = {
        let reference = reference.get_untracked();
        move || {
            if fixing {
                let mut args = Args::new();
                args.set("reference", reference.clone());
                i18n.t_args("admin-appointment-fix-heading", &args)
            } else {
                i18n.t("admin-appointment-new")
            }
        }
    };
    let first_field = NodeRef::<leptos::html::Input>::new();
    first_field.on_load(|input| {
        let _ = input.focus();
    });
    let current_concern = original.as_ref().map(|a| a.concern.clone());
    let current_language = original.as_ref().and_then(|a| a.language.clone());
    view! {
        <form class="admin-group admin-appointment-editor" aria-labelledby="appointment-editor-heading" on:submit=save>
            <h2 id="appointment-editor-heading">{heading}</h2>
            {if fixing {
                view! {
                    <p class="admin-help">{move || i18n.t("admin-appointment-day-change-hint")}</p>
                    <div class="admin-field">
                        <label for="appointment-slot">{move || i18n.t("admin-appointment-slot")}</label>
                        <input id="appointment-slot" type="datetime-local" step="60" required node_ref=first_field bind:value=slot/>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div class="admin-field">
                        <label for="appointment-reference">{move || i18n.t("admin-appointment-reference")}</label>
                        <input id="appointment-reference" required autocomplete="off" spellcheck="false" maxlength="60"
                            aria-describedby="appointment-reference-help" node_ref=first_field bind:value=reference/>
                        <p class="admin-help" id="appointment-reference-help">
                            {move || reference_rule(i18n, "admin-appointment-reference-help")}
                        </p>
                    </div>
                    <div class="admin-field">
                        <label for="appointment-slot">{move || i18n.t("admin-appointment-slot")}</label>
                        <input id="appointment-slot" type="datetime-local" step="60" required bind:value=slot/>
                    </div>
                }
                .into_any()
            }}
            <div class="admin-field">
                <label for="appointment-concern">{move || i18n.t("admin-appointment-concern")}</label>
                <select id="appointment-concern" required on:change=move |event| concern.set(event_target_value(&event))>
                    <option value="" selected=current_concern.is_none()>{move || i18n.t("admin-choose-concern")}</option>
                    {concern_options(console, current_concern.clone())}
                </select>
            </div>
            <div class="admin-field">
                <label for="appointment-language">{move || i18n.t("admin-appointment-language")}</label>
                <select id="appointment-language" on:change=move |event| language.set(event_target_value(&event))>
                    <option value="" selected=current_language.is_none()>{move || i18n.t("admin-appointment-no-language")}</option>
                    {language_options(console, current_language)}
                </select>
            </div>
            {move || problem.get().map(|text| view! { <p class="failure" role="alert">{text}</p> })}
            <div class="admin-inline-form">
                <button type="submit" class="primary-button" disabled=move || console.busy.get()>
                    {move || i18n.t("admin-appointment-save")}
                </button>
                <button type="button" on:click=move |_| agenda.editing.set(None)>
                    {move || i18n.t("admin-appointment-close")}
                </button>
            </div>
        </form>
    }
}

/// The rule for references ("4 to 40 letters and digits"), in a message with `$min`, `$max`.
fn reference_rule(i18n: I18n, key: &str) -> String {
    let mut args = Args::new();
    args.set("min", REFERENCE_MIN_CHARS);
    args.set("max", REFERENCE_MAX_CHARS);
    i18n.t_args(key, &args)
}

/// The kiosk's languages (and the appointment's own, if the kiosk no longer offers it).
fn language_options(console: Console, current: Option<String>) -> impl IntoView {
    let mut tags = console.document.with_untracked(|d| d.as_ref().map(|d| d.languages.clone()).unwrap_or_default());
    if let Some(current) = &current
        && !tags.contains(current)
    {
        tags.push(current.clone());
    }
    tags.into_iter()
        .map(|tag| {
            let name = language_info(&tag)
                .map_or_else(|| tag.clone(), |info| format!("{} · {}", info.endonym, info.german_name));
            let chosen = current.as_deref() == Some(tag.as_str());
            view! { <option value=tag.clone() selected=chosen>{name}</option> }
        })
        .collect_view()
}
