//! Typing the booking reference: a large keypad of digits and letters, the reference shown
//! large character by character, delete, clear and "find my appointment". A physical keyboard
//! types here too, and a USB scanner's burst with a confirmation's QR code is taken here and on
//! the screens before it ([`listen_for_keys`]).

use std::time::Duration;

use crate::i18n::Args;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys::Date;
use willkommen_api::{self as json, ErrorCode, REFERENCE_MAX_CHARS, normalize_reference, reference_in_scan};

use super::appointment::look_up;
use super::failure::FailurePanel;
use super::focused_heading;
use super::issue::information_desk_ticket;
use super::visit::{Lookup, Step, Visit};
use crate::api_client::ApiFailure;
use crate::components::Icon;
use crate::device::has_scanner;
use crate::i18n::I18n;
use crate::scan_buffer::ScanBuffer;
use crate::speech::Speech;

/// The keypad's rows: the digits first (most references are numbers), then the alphabet.
const KEY_ROWS: [(&str, &str); 2] =
    [("keypad-row", "1234567890"), ("keypad-row letters", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")];

#[component]
pub fn ReferenceScreen() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let speech = expect_context::<Speech>();
    let heading = focused_heading();
    let typed = visit.reference;

    // The slow-down's countdown, and its end.
    let now = RwSignal::new(Date::now());
    let tick = move || {
        now.set(Date::now());
        if matches!(visit.lookup.get_untracked(), Lookup::SlowDown { until } if until <= Date::now()) {
            visit.lookup.set(Lookup::Idle);
        }
    };
    if let Ok(timer) = set_interval_with_handle(tick, Duration::from_secs(1)) {
        on_cleanup(move || timer.clear());
    }
    let seconds_left = move || match visit.lookup.get() {
        Lookup::SlowDown { until } => ((until - now.get()) / 1000.0).ceil().max(1.0) as u32,
        _ => 0,
    };
    let can_look_up = move || {
        normalize_reference(&typed.get()).is_some() && matches!(visit.lookup.get(), Lookup::Idle | Lookup::Failed(_))
    };
    // With read-aloud on, each change is spelled out, so the visitor can check it by ear.
    Effect::new(move |previous: Option<String>| {
        let text = typed.get();
        if previous.is_some_and(|previous| previous != text) && !text.is_empty() {
            let spelled: Vec<String> = text.chars().map(String::from).collect();
            speech.speak(&spelled.join(" "), &i18n.language_untracked());
        }
        text
    });

    let keys = KEY_ROWS
        .map(|(class, keys)| {
            let keys = keys.chars().map(|key| {
                view! { <button type="button" class="key" on:click=move |_| type_key(visit, key)>{key.to_string()}</button> }
            });
            view! { <div class=class>{keys.collect_view()}</div> }
        });
    let status = move || match visit.lookup.get() {
        Lookup::Idle => None,
        Lookup::Pending => Some(
            view! { <p class="status-message" role="status">{move || i18n.t("reference-looking-up")}</p> }.into_any(),
        ),
        Lookup::SlowDown { .. } => {
            let countdown = move || {
                let mut args = Args::new();
                args.set("seconds", seconds_left());
                i18n.t_args("reference-slow-down", &args)
            };
            Some(view! { <div class="notice" role="status"><p data-speak>{countdown}</p></div> }.into_any())
        }
        Lookup::Failed(ApiFailure::Refused(json::ApiError { code: ErrorCode::UnknownAppointment, .. })) => {
            Some(view! { <UnknownReference/> }.into_any())
        }
        Lookup::Failed(failure) => {
            let unreachable = failure == ApiFailure::Unreachable;
            let on_retry = move || if unreachable { confirm(visit) } else { visit.forget() };
            Some(view! { <FailurePanel failure on_retry/> }.into_any())
        }
    };
    let empty = move || typed.with(String::is_empty);
    view! {
        <section class="reference" aria-labelledby="reference-heading">
            <h1 id="reference-heading" tabindex="-1" node_ref=heading data-speak>{move || i18n.t("reference-heading")}</h1>
            <p class="lead" data-speak>{move || i18n.t("reference-hint")}</p>
            {has_scanner().then(|| view! { <p class="lead" data-speak>{move || i18n.t("reference-scan-hint")}</p> })}
            <div class="reference-field">
                <p id="reference-label">{move || i18n.t("reference-label")}</p>
                // Each character in a box of its own, so a long number is easy to check.
                <p class="reference-typed" dir="ltr" role="status" aria-labelledby="reference-label">
                    {move || typed.get().chars().map(|c| view! { <span>{c.to_string()}</span> }).collect_view()}
                </p>
            </div>
            <div class="keypad" dir="ltr" role="group" aria-labelledby="reference-heading">{keys}</div>
            <div class="keypad-actions">
                <button type="button" class="secondary-button" disabled=empty on:click=move |_| delete_last(visit)>
                    <Icon name="backspace"/>
                    <span>{move || i18n.t("reference-delete")}</span>
                </button>
                <button type="button" class="secondary-button" disabled=empty on:click=move |_| clear(visit)>
                    <Icon name="cross"/>
                    <span>{move || i18n.t("reference-clear")}</span>
                </button>
                <button type="button" class="primary-button" disabled=move || !can_look_up() on:click=move |_| confirm(visit)>
                    <span>{move || i18n.t("reference-confirm")}</span>
                    <Icon name="forward"/>
                </button>
            </div>
            // Next to the button just pressed, where the visitor looks (large text scrolls).
            {status}
        </section>
    }
}

/// No appointment with this reference: check it, or go to the information desk.
#[component]
fn UnknownReference() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let information = visit.has_information_desk().then(|| {
        view! {
            <button type="button" class="secondary-button" on:click=move |_| information_desk_ticket(visit, i18n)>
                <Icon name="info"/>
                <span>{move || i18n.t("appointment-information-ticket")}</span>
            </button>
        }
    });
    view! {
        <div class="failure" role="alert">
            <p data-speak>{move || i18n.t("reference-unknown")}</p>
            <p data-speak>{move || i18n.t("appointment-ask-information")}</p>
            {information}
        </div>
    }
}

/// Adds a character to the reference; a "not found" from before goes away as it is corrected.
fn type_key(visit: Visit, key: char) {
    visit.reference.update(|typed| {
        if typed.len() < REFERENCE_MAX_CHARS {
            typed.push(key);
        }
    });
    forget_failure(visit);
}

fn delete_last(visit: Visit) {
    visit.reference.update(|typed| {
        typed.pop();
    });
    forget_failure(visit);
}

fn clear(visit: Visit) {
    visit.reference.set(String::new());
    forget_failure(visit);
}

fn forget_failure(visit: Visit) {
    if matches!(visit.lookup.get_untracked(), Lookup::Failed(_)) {
        visit.lookup.set(Lookup::Idle);
    }
}

/// Looks the reference up once it can be one (the server forgives case, spaces and dashes).
fn confirm(visit: Visit) {
    let reference = visit.reference.get_untracked();
    if normalize_reference(&reference).is_some() {
        look_up(visit, reference);
    }
}

/// Keys anywhere on the page. Before a concern is chosen, a scanner's burst (a confirmation's
/// QR code: its reference, or a link holding it) looks that reference up at once; on the
/// reference screen, a keyboard types letters and digits, Backspace deletes and Enter (outside
/// the buttons, which Enter presses) looks up. The characters of a burst are typed too, so a
/// burst that is no reference puts back what was there before it.
pub fn listen_for_keys(visit: Visit) {
    let buffer = StoredValue::new_local(ScanBuffer::new(json::REFERENCE_MIN_CHARS));
    let before_burst = StoredValue::new(String::new());
    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        let step = visit.step.get_untracked();
        let scans_here =
            matches!(step, Step::Welcome | Step::Language | Step::Concern | Step::Reference | Step::Appointment);
        if !scans_here || event.ctrl_key() || event.alt_key() || event.meta_key() {
            return;
        }
        if !visit.office.with_untracked(|office| office.as_ref().is_some_and(|office| office.appointments)) {
            return;
        }
        let (key, at) = (event.key(), Date::now());
        let typing = step == Step::Reference;
        if typing && !buffer.with_value(|buffer| buffer.continues_burst(at)) {
            before_burst.set_value(visit.reference.get_untracked());
        }
        if let Some(scanned) = buffer.try_update_value(|buffer| buffer.key(&key, at)).flatten() {
            // Enter would also press the focused button.
            event.prevent_default();
            match reference_in_scan(&scanned) {
                Some(reference) => {
                    visit.reference.set(reference.clone());
                    visit.go(Step::Reference);
                    look_up(visit, reference);
                }
                None => {
                    visit.reference.set(before_burst.get_value());
                    let refusal = json::ApiError {
                        code: ErrorCode::UnknownAppointment,
                        message: String::new(),
                        problems: Vec::new(),
                        import_problems: Vec::new(),
                    };
                    visit.lookup.set(Lookup::Failed(ApiFailure::Refused(refusal)));
                    visit.go(Step::Reference);
                }
            }
            return;
        }
        if !typing {
            return;
        }
        let on_button = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| element.tag_name() == "BUTTON");
        let mut chars = key.chars();
        match (chars.next(), chars.next()) {
            (Some(character), None) if character.is_ascii_alphanumeric() => {
                type_key(visit, character.to_ascii_uppercase())
            }
            _ if key == "Backspace" => {
                event.prevent_default();
                delete_last(visit);
            }
            _ if key == "Enter" && !on_button => confirm(visit),
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}
