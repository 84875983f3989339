//! The visitor kiosk: welcome, language, concern, document checklist, summary and ticket, with
//! read-aloud, large text, high contrast and an inactivity reset on every screen. Where the
//! office takes appointments, visitors check in with their booking reference instead of
//! choosing a concern: reference, appointment, then the same checklist, summary and ticket.

mod appointment;
mod checklist;
mod concerns;
mod failure;
mod idle;
mod issue;
mod issuing_notice;
mod language;
mod later_screens;
mod office;
mod printout;
mod reference;
mod renew;
mod settings_bar;
mod summary;
mod ticket;
mod visit;
mod welcome;

pub use failure::FailurePanel;

use leptos::prelude::*;

use self::idle::IdleWarning;
use self::reference::listen_for_keys;
use self::settings_bar::SettingsBar;
use self::visit::{Lobby, Step, Visit};
use self::welcome::WelcomeScreen;
use crate::device;
use crate::i18n::I18n;
use crate::speech::{self, Speech};

#[component]
pub fn KioskPage() -> impl IntoView {
    let preview = device::preview();
    let lobby = Lobby::new(preview.is_some());
    device::harden_kiosk();
    device::keep_app_current(move || lobby.between_visitors());
    office::keep_office_fresh(lobby);
    renew::renew_when_grown(lobby);
    // The preview opens its concern once, not again after "start over".
    let preview = StoredValue::new(preview);
    // Every visitor gets a kiosk of their own: their state, screens and reactive graph are
    // made for them and dropped when they leave, so nothing of them stays behind, neither
    // their answers nor the memory of the screens they saw.
    //
    // The first visitor's kiosk is built once the office's data is in (it usually is by the
    // time the app has started: index.html preloads it), so the welcome screen is built and
    // laid out once, in the office's first language, not empty first and again with the data.
    move || {
        lobby.visitors.track();
        lobby.opened.get().then(|| {
            let preview = preview.try_update_value(Option::take).flatten();
            view! { <VisitView lobby preview/> }
        })
    }
}

/// One visitor's kiosk: every screen from the welcome screen to their ticket.
#[component]
fn VisitView(lobby: Lobby, preview: Option<device::Preview>) -> impl IntoView {
    let visit = Visit::new(lobby);
    // A new visitor starts in the office's first language, with read-aloud off.
    let first = visit.office.with_untracked(|office| first_language(office.as_ref()));
    let i18n = I18n::new_in(first.as_deref().unwrap_or(willkommen_api::SOURCE_LANGUAGE));
    let speech = Speech::new();
    provide_context(i18n);
    provide_context(visit);
    provide_context(speech);
    // Whatever is being read out is the previous visitor's.
    on_cleanup(speech::stop_speaking);
    apply_display_modes(visit);
    read_screens_aloud(visit, speech, i18n);

    if let Some(preview) = preview {
        open_preview(visit, i18n, preview);
    } else if !lobby.preview {
        listen_for_keys(visit);
    }
    // When the office's data arrives (or changes), the language must be one it offers (a
    // preview may show a language before the kiosk offers it).
    Effect::new(move || {
        if visit.preview() {
            return;
        }
        let offered = visit.office.with(|office| office.as_ref().map(|office| office.languages.clone()));
        let current = i18n.language_untracked();
        if let Some(first) = offered.filter(|offered| !offered.contains(&current)).and_then(|o| o.first().cloned()) {
            i18n.set_language(&first);
        }
    });

    let screen = move || match visit.step.get() {
        Step::Welcome => view! { <WelcomeScreen/> }.into_any(),
        later => later_screens::screen(later),
    };
    // Until the office's data is there (or known to be missing) the welcome screen cannot say
    // what it offers: it is laid out but not shown (style/main.css), so nothing on it jumps
    // when the data comes.
    let loading = move || visit.office.with(Option::is_none) && visit.office_failure.with(Option::is_none);
    view! {
        <div class="kiosk" aria-busy=move || loading().to_string()>
            // First in the keyboard order, shown at the bottom: found without reading the screen.
            <SettingsBar/>
            <Navigation/>
            <main class="kiosk-screen" id="kiosk-screen">{screen}</main>
            {(!visit.preview()).then(|| view! { <IdleWarning/> })}
        </div>
    }
}

/// The preview opens at the concern's checklist, in the language asked for, once the draft's
/// data is there.
fn open_preview(visit: Visit, i18n: I18n, preview: device::Preview) {
    let opened = StoredValue::new(false);
    Effect::new(move || {
        let Some(concern) = visit.office.with(|office| {
            let office = office.as_ref()?;
            let wanted = preview.concern.as_deref();
            office.concerns.iter().find(|concern| Some(concern.id.as_str()) == wanted).cloned()
        }) else {
            return;
        };
        if opened.get_value() {
            return;
        }
        opened.set_value(true);
        let language = preview.language.clone();
        leptos::task::spawn_local(async move {
            if let Some(language) = language {
                i18n.switch_to(&language).await;
            }
            if visit.is_current() {
                visit.choose_concern(concern);
            }
        });
    });
}

fn first_language(office: Option<&willkommen_api::Kiosk>) -> Option<String> {
    office?.languages.first().cloned()
}

/// "Back" and "Start over", at the top of every screen after the welcome screen.
#[component]
fn Navigation() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let shown = move || !matches!(visit.step.get(), Step::Welcome | Step::Ticket);
    let office_name = move || {
        visit.office.with(|office| office.as_ref().map(|office| i18n.pick(&office.office_name)).unwrap_or_default())
    };
    view! {
        <header class="kiosk-top">
            <p class="office-name" dir="auto">{office_name}</p>
            <Show when=shown>
                <nav class="kiosk-nav">
                    <button type="button" class="nav-button" on:click=move |_| visit.back()>
                        <crate::components::Icon name="back"/>
                        <span>{move || i18n.t("nav-back")}</span>
                    </button>
                    <button type="button" class="nav-button" on:click=move |_| visit.forget()>
                        <crate::components::Icon name="start-over"/>
                        <span>{move || i18n.t("nav-start-over")}</span>
                    </button>
                </nav>
            </Show>
        </header>
    }
}

/// Large text and high contrast are classes on `<html>`, so they reach everything, print aside.
fn apply_display_modes(visit: Visit) {
    Effect::new(move || {
        let Some(root) = document().document_element() else { return };
        let classes = root.class_list();
        let _ = classes.toggle_with_force("large-text", visit.large_text.get());
        let _ = classes.toggle_with_force("high-contrast", visit.high_contrast.get());
    });
}

/// With read-aloud on, each new screen (or language) is read out: its heading, lead text and
/// options; moving the focus reads the focused control.
fn read_screens_aloud(visit: Visit, speech: Speech, i18n: I18n) {
    Effect::new(move || {
        let _ = visit.step.get();
        let _ = visit.issuing.get();
        let _ = visit.lookup.get();
        let language = i18n.language();
        if !speech.enabled() {
            return;
        }
        // After this render has reached the page.
        request_animation_frame(move || {
            if let Some(screen) = document().get_element_by_id("kiosk-screen") {
                speech.speak(&speech::screen_text(&screen), &language);
            }
        });
    });
    let handle = window_event_listener(leptos::ev::focusin, move |event| {
        use wasm_bindgen::JsCast;
        let Some(element) = event.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        if element.matches("button, a, [tabindex]").unwrap_or(false) && element.tag_name() != "H1" {
            speech.speak(&speech::spoken_name(&element), &i18n.language_untracked());
        }
    });
    on_cleanup(move || handle.remove());
}

/// A heading that takes the focus when its screen appears, so keyboard and screen-reader users
/// start reading the new screen from its top.
fn focused_heading() -> NodeRef<leptos::html::H1> {
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move || {
        if let Some(heading) = heading.get() {
            crate::device::take_focus(&heading);
        }
    });
    heading
}
