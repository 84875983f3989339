//! The attract screen: a greeting that cycles through the office's languages, whether tickets
//! are available now (or why not, and when again), and one big way to start; where the office
//! takes appointments, a second one as big for visitors who have one.

use std::time::Duration;

use leptos::prelude::*;

use super::issuing_notice::IssuingNotice;
use super::visit::{Step, Visit};
use crate::components::Icon;
use crate::i18n::{I18n, language_info};

const GREETING_EVERY: Duration = Duration::from_secs(4);

#[component]
pub fn WelcomeScreen() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let start_button = NodeRef::<leptos::html::Button>::new();
    // The language first, then the concerns or (with an appointment) the booking reference.
    let start = move |first: Step| {
        visit.first_step.set(first);
        visit.go(if visit.offers_language_choice() { Step::Language } else { first });
    };
    // With the server out of reach a visitor could not get a ticket: the screen says so
    // instead of inviting them in (the office's data may still be here from before).
    let available = move || visit.office.with(Option::is_some) && !visit.server_unreachable();
    // Enter on a keyboard or keypad starts at once (once the button can be used).
    Effect::new(move || {
        if let (Some(button), true) = (start_button.get(), available()) {
            request_animation_frame(move || {
                crate::device::take_focus(&button);
            });
        }
    });
    let office_name = move || {
        visit.office.with(|office| office.as_ref().map(|office| i18n.pick(&office.office_name)).unwrap_or_default())
    };
    view! {
        <section class="welcome" aria-labelledby="welcome-heading">
            <h1 id="welcome-heading" data-speak>{move || i18n.t("welcome-greeting")}</h1>
            <GreetingCycle/>
            <p class="welcome-office" dir="auto" data-speak>{office_name}</p>
            <WelcomeStatus/>
            // Both ways in as wide as the wider one.
            <div class="welcome-ways">
                <button
                    type="button"
                    class="start-button"
                    node_ref=start_button
                    disabled=move || !available()
                    on:click=move |_| start(Step::Concern)
                    data-speak
                >
                    <span>{move || i18n.t("welcome-start")}</span>
                    <Icon name="forward"/>
                </button>
                {move || visit.takes_appointments().then(|| view! {
                    <button
                        type="button"
                        class="appointment-button"
                        disabled=move || !available()
                        on:click=move |_| start(Step::Reference)
                        data-speak
                    >
                        <Icon name="calendar"/>
                        <span>{move || i18n.t("appointment-have")}</span>
                    </button>
                })}
            </div>
            <p class="welcome-hint">{move || i18n.t("welcome-start-hint")}</p>
        </section>
    }
}

/// "Welcome" in each of the office's languages in turn, each in its own script and direction.
/// Decorative for screen readers: the heading above says it in the current language.
#[component]
fn GreetingCycle() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let turn = RwSignal::new(0usize);
    if let Ok(handle) = set_interval_with_handle(move || turn.update(|turn| *turn += 1), GREETING_EVERY) {
        on_cleanup(move || handle.clear());
    }
    let language = move || {
        let languages = visit.office.with(|office| office.as_ref().map(|office| office.languages.clone()))?;
        let current = i18n.language();
        // Other languages only: Leichte Sprache greets as German does, with the heading's word.
        let primary = |tag: &str| tag.split('-').next().unwrap_or_default().to_owned();
        let others: Vec<String> = languages.into_iter().filter(|tag| primary(tag) != primary(&current)).collect();
        others.get(turn.get() % others.len().max(1)).cloned()
    };
    // Texts arrive on demand; the greeting shows once its language is loaded.
    Effect::new(move || {
        if let Some(tag) = language().filter(|tag| !I18n::is_loaded(tag)) {
            leptos::task::spawn_local(async move {
                i18n.load(&tag).await;
            });
        }
    });
    let greeting = move || {
        let tag = language()?;
        let text = i18n.t_in(&tag, "welcome-greeting")?;
        let direction = language_info(&tag).map(|info| info.direction.as_str());
        Some(view! { <span lang=tag.clone() dir=direction>{text}</span> })
    };
    view! { <p class="greeting-cycle" aria-hidden="true">{greeting}</p> }
}

/// Whether tickets are issued now, or why not and when again; or that the kiosk cannot reach
/// the server (it keeps trying).
#[component]
fn WelcomeStatus() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    move || {
        let office = visit.office.get();
        match office {
            Some(_) if visit.server_unreachable() => view! {
                <div class="notice" role="alert">
                    <p class="notice-title" data-speak>{move || i18n.t("welcome-unavailable")}</p>
                    <p data-speak>{move || i18n.t("error-retrying")}</p>
                </div>
            }
            .into_any(),
            Some(office) if office.issuing.state == willkommen_api::IssuingState::Open => {
                view! { <p class="welcome-status" data-speak>{move || i18n.t("welcome-open")}</p> }.into_any()
            }
            Some(office) => view! { <IssuingNotice issuing=office.issuing time_zone=office.time_zone/> }.into_any(),
            None if visit.office_failure.with(Option::is_some) => view! {
                <div class="notice" role="alert">
                    <p class="notice-title" data-speak>{move || i18n.t("welcome-unavailable")}</p>
                    <p data-speak>{move || i18n.t("error-retrying")}</p>
                </div>
            }
            .into_any(),
            None => view! { <p class="welcome-status" role="status">{move || i18n.t("kiosk-loading")}</p> }.into_any(),
        }
    }
}
