//! The visitor's ticket page (`/t/<ticket id>`), opened on their phone from the ticket's QR
//! code: number, the appointment's time for a checked-in appointment, concern, status, people
//! ahead and the wait, live; "It is your turn: counter 3" with vibration and the tab title
//! when called; notifications on the phone while it waits outside (`alerts.rs`); the ticket can
//! be given back. In the ticket's language, switchable.

mod alerts;
mod feedback;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use willkommen_api::{self as json, ErrorCode, TicketStatus};

use crate::api_client::{ApiFailure, cancel_ticket, decode, fetch_ticket};
use crate::clock::slot_time;
use crate::components::QueuePosition;
use crate::i18n::{I18n, LANGUAGES};
use crate::live_stream::{UseEventSourceOptions, use_event_source};
use crate::pages::kiosk::FailurePanel;
use alerts::{AlertMeHere, AlertsOn, NotifyMe};
use feedback::Feedback;

/// The page for the ticket `id`, taken from the page's address.
#[component]
pub fn TicketStatusPage(id: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let ticket = RwSignal::new(None::<Result<json::Ticket, ApiFailure>>);
    let offline = RwSignal::new(false);
    provide_context(AlertsOn(RwSignal::new(false)));
    // The page opens in the language the visitor chose at the kiosk; later, theirs to change.
    // The ticket is shown once its language's texts are in: shown first in German, it would
    // jump when they come (a layout shift, read twice by a screen reader).
    let language_set = StoredValue::new(false);
    let language_ready = RwSignal::new(false);
    Effect::new(move || {
        let language = ticket.with(|t| t.as_ref().and_then(|t| t.as_ref().ok()).map(|t| t.language.clone()));
        if let Some(language) = language.filter(|_| !language_set.get_value()) {
            language_set.set_value(true);
            leptos::task::spawn_local(async move {
                i18n.switch_to(&language).await;
                language_ready.set(true);
            });
        }
    });
    let load = {
        let id = id.clone();
        move || {
            let id = id.clone();
            leptos::task::spawn_local(async move {
                let answer = fetch_ticket(&id).await;
                match answer {
                    Err(ApiFailure::Unreachable) if ticket.with_untracked(|t| matches!(t, Some(Ok(_)))) => {
                        offline.set(true)
                    }
                    answer => ticket.set(Some(answer)),
                }
            });
        }
    };
    load();
    follow_live(&id, ticket, offline, load.clone());
    let retry = load.clone();
    // Outside the ticket's view, which is drawn anew on every change: a visitor's answer to
    // the notification offer must not be lost when the queue moves on.
    let status = Memo::new(move |_| {
        ticket.with(|t| t.as_ref().and_then(|t| t.as_ref().ok()).map(|t| t.status)).filter(|_| language_ready.get())
    });
    let waiting = move || matches!(status.get(), Some(TicketStatus::Waiting | TicketStatus::Parked));
    let alerts = {
        let id = id.clone();
        move || waiting().then(|| view! { <NotifyMe ticket=id.clone()/><AlertMeHere/> })
    };
    let feedback = {
        let id = id.clone();
        move || (status.get() == Some(TicketStatus::Finished)).then(|| view! { <Feedback ticket=id.clone()/> })
    };
    view! {
        <main class="ticket-status">
            {move || offline.get().then(|| view! { <p class="status-offline" role="status">{i18n.t("status-offline")}</p> })}
            {move || match ticket.get() {
                None => view! { <p role="status">{i18n.t("kiosk-loading")}</p> }.into_any(),
                Some(Ok(_)) if !language_ready.get() => view! { <p role="status">{i18n.t("kiosk-loading")}</p> }.into_any(),
                Some(Ok(current)) => view! { <TicketStatus ticket=current on_change=Callback::new(move |t| ticket.set(Some(Ok(t))))/> }.into_any(),
                Some(Err(ApiFailure::Refused(json::ApiError { code: ErrorCode::NotFound, .. }))) => view! {
                    <h1>{move || i18n.t("status-not-found-heading")}</h1>
                    <p>{move || i18n.t("status-not-found")}</p>
                }
                .into_any(),
                Some(Err(failure)) => {
                    let retry = retry.clone();
                    view! { <FailurePanel failure on_retry=move || retry()/> }.into_any()
                }
            }}
            {alerts}
            {feedback}
        </main>
    }
}

/// The ticket's live stream: every change comes at once. The browser reconnects by itself, the
/// stream helper when the browser gives up (and the stream starts with the current state); a
/// phone waking up or coming back online also asks again, so a stale page corrects itself.
fn follow_live(
    id: &str,
    ticket: RwSignal<Option<Result<json::Ticket, ApiFailure>>>,
    offline: RwSignal<bool>,
    reload: impl Fn() + Clone + 'static,
) {
    let url = format!("{}/tickets/{}/events", willkommen_api::API_PREFIX, web_sys::js_sys::encode_uri_component(id));
    use_event_source(
        url,
        UseEventSourceOptions::default()
            .on("ticket", move |event| {
                if let Some(Ok(update)) = event.data().as_string().map(|text| decode::<json::Ticket>(&text)) {
                    offline.set(false);
                    ticket.set(Some(Ok(update)));
                }
            })
            .on_open(move || offline.set(false))
            .on_error(move || {
                if ticket.with_untracked(|t| matches!(t, Some(Ok(_)))) {
                    offline.set(true);
                }
            }),
    );
    let wake = {
        let reload = reload.clone();
        move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                reload();
            }
        }
    };
    let on_visible = Closure::<dyn Fn()>::new(wake);
    let _ = document().add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
    let online = window_event_listener(leptos::ev::online, move |_| reload());
    let on_visible = StoredValue::new_local(on_visible);
    on_cleanup(move || {
        online.remove();
        on_visible.with_value(|on_visible| {
            let _ =
                document().remove_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
        });
    });
}

#[component]
fn TicketStatus(ticket: json::Ticket, on_change: Callback<json::Ticket>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let status_key = match ticket.status {
        TicketStatus::Waiting => "status-waiting",
        TicketStatus::Called => "status-called",
        TicketStatus::Serving => "status-serving",
        TicketStatus::Parked => "status-parked",
        TicketStatus::Finished => "status-finished",
        TicketStatus::NoShow => "status-no-show",
        TicketStatus::Cancelled => "status-cancelled",
    };
    let number = ticket.number.to_string();
    let concern = ticket.concern_name.clone();
    let your_turn = matches!(ticket.status, TicketStatus::Called).then(|| ticket.counter.clone()).flatten();
    let title = {
        let (number, counter) = (number.clone(), your_turn.clone());
        move || match &counter {
            Some(counter) => {
                let mut args = crate::i18n::Args::new();
                args.set("number", number.clone());
                args.set("counter", counter.clone());
                // A tab title shows no bidirectional marks.
                i18n.t_args("status-title-called", &args).replace(['\u{2068}', '\u{2069}'], "")
            }
            None => format!("{} · {}", number, i18n.t("status-heading")),
        }
    };
    // The tab's title tells it too, for a phone whose screen shows another app's tabs.
    Effect::new(move || document().set_title(&title()));
    let appointment = ticket.appointment.as_ref().map(|appointment| {
        let time = slot_time(&appointment.slot).unwrap_or(&appointment.slot).to_owned();
        let late = appointment.late;
        let text = move || {
            let mut args = crate::i18n::Args::new();
            args.set("time", time.clone());
            i18n.t_args("status-appointment", &args)
        };
        // One paragraph: the page's CSS is the kiosk's too, whose download has a budget.
        view! {
            <p class="status-appointment">
                {text}
                {late.then(|| view! { <br/><span class="status-appointment-late">{move || i18n.t("status-appointment-late")}</span> })}
            </p>
        }
    });
    let can_leave = ticket.status.can_be_cancelled();
    view! {
        <LanguageChoice/>
        <h1>{move || i18n.t("status-heading")}</h1>
        <p class="ticket-number">{number}</p>
        {appointment}
        <p class="status-concern" dir="auto">{move || i18n.pick(&concern)}</p>
        {match your_turn {
            Some(counter) => view! { <YourTurn counter/> }.into_any(),
            None => view! { <p class="ticket-state" data-status=ticket.status.as_str()>{move || i18n.t(status_key)}</p> }.into_any(),
        }}
        <QueuePosition people_ahead=ticket.people_ahead estimated_wait=ticket.estimated_wait/>
        {can_leave.then(|| view! { <Leave ticket=ticket.id.clone() on_change/> })}
    }
}

/// "It is your turn: Schalter 3", announced, with a vibration where the phone allows it.
#[component]
fn YourTurn(counter: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    // Without a tap on the page first, the browser blocks the vibration (and any sound): the
    // "sound and vibration" button asked for it while the visitor waited.
    let _ =
        window().navigator().vibrate_with_pattern(&web_sys::js_sys::Array::of3(&400.into(), &150.into(), &400.into()));
    if expect_context::<AlertsOn>().0.get_untracked() {
        crate::gong::play();
    }
    let text = move || {
        let mut args = crate::i18n::Args::new();
        args.set("counter", counter.clone());
        i18n.t_args("status-your-turn", &args)
    };
    view! {
        <p class="status-your-turn" role="alert" data-status="called">{text}</p>
        <p>{move || i18n.t("status-called")}</p>
    }
}

/// "I am leaving": gives the ticket back after asking, so the queue moves on.
#[component]
fn Leave(ticket: json::TicketId, on_change: Callback<json::Ticket>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let asking = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiFailure>);
    let confirm = move |_| {
        let id = ticket.0.clone();
        leptos::task::spawn_local(async move {
            // The live stream may bring the cancelled ticket first and replace this part of
            // the page; then there is nothing left to update here.
            match cancel_ticket(&id).await {
                Ok(updated) => {
                    let _ = on_change.try_run(updated);
                }
                Err(problem) => {
                    let _ = failure.try_set(Some(problem));
                }
            }
        });
    };
    let keep = NodeRef::<leptos::html::Button>::new();
    keep.on_load(|button| {
        let _ = button.focus();
    });
    view! {
        {move || if asking.get() {
            view! {
                <div class="status-leave" role="group" aria-labelledby="leave-question">
                    <p id="leave-question">{i18n.t("status-leave-question")}</p>
                    <button type="button" class="secondary-button" node_ref=keep on:click=move |_| asking.set(false)>
                        {i18n.t("status-leave-keep")}
                    </button>
                    <button type="button" class="primary-button danger" on:click=confirm.clone()>{i18n.t("status-leave-confirm")}</button>
                </div>
            }
            .into_any()
        } else {
            view! { <button type="button" class="secondary-button" on:click=move |_| asking.set(true)>{i18n.t("status-leave")}</button> }.into_any()
        }}
        {move || failure.get().map(|failure| view! { <p class="failure" role="alert">{i18n.t(failure.message_key())}</p> })}
    }
}

/// The page's language: the ticket's at first, any of the kiosk's languages on request.
#[component]
fn LanguageChoice() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let choose = move |event: leptos::ev::Event| {
        let tag = event_target_value(&event);
        leptos::task::spawn_local(async move { i18n.switch_to(&tag).await });
    };
    view! {
        <div class="status-language">
            <label for="page-language">{move || i18n.t("status-language")}</label>
            <select id="page-language" on:change=choose>
                {LANGUAGES.iter().map(|language| view! {
                    <option value=language.tag lang=language.tag selected=move || i18n.language() == language.tag>
                        {language.endonym}
                    </option>
                }).collect_view()}
            </select>
        </div>
    }
}
