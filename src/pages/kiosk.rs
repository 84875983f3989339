//! The visitor kiosk: choose a concern, get a ticket with its QR code.

use fluent_bundle::FluentArgs;
use leptos::prelude::*;
use willkommen_api::{self as json, Kiosk, NewTicket};

use crate::api_client::{ApiFailure, create_ticket, fetch_kiosk};
use crate::components::{LanguageSwitch, QrCode, QueuePosition};
use crate::i18n::I18n;
use crate::idempotency::new_idempotency_key;

/// One visitor's request for a ticket with the key that makes retrying it safe.
#[derive(Clone)]
struct TicketAttempt {
    request: NewTicket,
    idempotency_key: String,
}

#[component]
pub fn KioskPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let kiosk = LocalResource::new(fetch_kiosk);
    view! {
        <main class="kiosk">
            <Transition fallback=move || view! { <p class="status-message" role="status">{move || i18n.t("kiosk-loading")}</p> }>
                {move || Suspend::new(async move {
                    match kiosk.await {
                        Ok(kiosk) => view! { <KioskFlow kiosk/> }.into_any(),
                        Err(failure) => view! { <FailurePanel failure on_retry=move || kiosk.refetch()/> }.into_any(),
                    }
                })}
            </Transition>
        </main>
    }
}

/// The kiosk's screens once the office's data is loaded.
#[component]
fn KioskFlow(kiosk: Kiosk) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let issuing_open = kiosk.issuing.state == json::IssuingState::Open;
    let kiosk = StoredValue::new(kiosk);
    let issue = Action::new_local(|attempt: &TicketAttempt| {
        let attempt = attempt.clone();
        async move { create_ticket(&attempt.request, &attempt.idempotency_key).await }
    });
    // The last attempt, so "try again" after a network failure resends it with the same key.
    let last_attempt = StoredValue::new_local(None::<TicketAttempt>);
    let start_over = move || issue.value().set(None);
    let choose = move |concern: json::ConcernId| {
        let request = NewTicket { concern, language: i18n.language_untracked(), checklist: Default::default() };
        let attempt = TicketAttempt { request, idempotency_key: new_idempotency_key() };
        last_attempt.set_value(Some(attempt.clone()));
        issue.dispatch(attempt);
    };
    let retry_or_start_over = move |failure: &ApiFailure| match (failure, last_attempt.get_value()) {
        (ApiFailure::Unreachable, Some(attempt)) => {
            issue.dispatch(attempt);
        }
        _ => start_over(),
    };

    let screen = move || {
        if issue.pending().get() {
            return view! { <p class="status-message" role="status">{move || i18n.t("kiosk-issuing")}</p> }.into_any();
        }
        match issue.value().get() {
            None => {
                let concerns = kiosk.with_value(|k| k.concerns.clone());
                let issuing = kiosk.with_value(|k| k.issuing.clone());
                let time_zone = kiosk.with_value(|k| k.time_zone.clone());
                view! {
                    <IssuingNotice issuing time_zone/>
                    <ConcernList concerns enabled=issuing_open on_choose=choose/>
                }
                .into_any()
            }
            Some(Ok(ticket)) => {
                let concern = kiosk.with_value(|k| k.concerns.iter().find(|c| c.id == ticket.concern).cloned());
                view! { <TicketScreen ticket concern on_done=start_over/> }.into_any()
            }
            Some(Err(failure)) => {
                let on_retry = {
                    let failure = failure.clone();
                    move || retry_or_start_over(&failure)
                };
                view! { <FailurePanel failure on_retry/> }.into_any()
            }
        }
    };

    view! {
        <header class="kiosk-header">
            <p class="office-name">{move || kiosk.with_value(|k| i18n.pick(&k.office_name))}</p>
            <LanguageSwitch languages=kiosk.with_value(|k| k.languages.clone())/>
        </header>
        {screen}
    }
}

/// Says why no tickets are issued now and when they are again; nothing while open.
#[component]
fn IssuingNotice(issuing: json::Issuing, time_zone: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let key = match issuing.state {
        json::IssuingState::Open => return None,
        json::IssuingState::Closed => "kiosk-closed",
        json::IssuingState::CutOff => "kiosk-cut-off",
    };
    let reopens = issuing.next_opening.map(|at| {
        move || {
            let mut args = FluentArgs::new();
            args.set("time", local_date_time(&at, &i18n.language(), &time_zone));
            i18n.t_args("kiosk-reopens", &args)
        }
    });
    Some(view! {
        <div class="notice" role="status">
            <p class="notice-title">{move || i18n.t(key)}</p>
            {reopens.map(|text| view! { <p>{text}</p> })}
        </div>
    })
}

/// A moment from the API (RFC 3339) as the visitor's language writes dates and times, on the
/// office's clock (the kiosk's own clock may be set to anything).
fn local_date_time(rfc3339: &str, language: &str, time_zone: &str) -> String {
    let date = web_sys::js_sys::Date::new(&rfc3339.into());
    let options = web_sys::js_sys::Object::new();
    let fields = [
        ("weekday", "long"),
        ("day", "numeric"),
        ("month", "long"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZone", time_zone),
    ];
    for (field, value) in fields {
        let _ = web_sys::js_sys::Reflect::set(&options, &field.into(), &value.into());
    }
    date.to_locale_string(language, &options).into()
}

#[component]
fn ConcernList(
    concerns: Vec<json::Concern>,
    /// Whether tickets are issued now; otherwise the list only informs.
    enabled: bool,
    on_choose: impl Fn(json::ConcernId) + Copy + 'static,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let buttons = concerns
        .into_iter()
        .map(|concern| {
            let id = concern.id.clone();
            let quota_reached = concern.quota_reached;
            let documents = concern.checklist.len();
            let count = move || {
                let mut args = FluentArgs::new();
                args.set("count", documents);
                i18n.t_args("kiosk-documents-count", &args)
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="concern-button"
                        disabled=!enabled || quota_reached
                        on:click=move |_| on_choose(id.clone())
                    >
                        <span class="concern-prefix" aria-hidden="true">{concern.prefix.clone()}</span>
                        <span class="concern-text">
                            <span class="concern-name" dir="auto">{move || i18n.pick(&concern.name)}</span>
                            <span class="concern-description" dir="auto">{move || i18n.pick(&concern.description)}</span>
                            <span class="concern-documents">{count}</span>
                            {quota_reached.then(|| view! {
                                <span class="concern-unavailable">{move || i18n.t("kiosk-quota-reached")}</span>
                            })}
                        </span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="concerns" aria-labelledby="concerns-heading">
            <h1 id="concerns-heading">{move || i18n.t("kiosk-choose-concern")}</h1>
            <p class="lead">{move || i18n.t("kiosk-choose-concern-hint")}</p>
            <ul class="concern-list">{buttons}</ul>
        </section>
    }
}

#[component]
fn TicketScreen(
    ticket: json::Ticket,
    concern: Option<json::Concern>,
    on_done: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let number = ticket.number.to_string();
    let with_number = {
        let number = number.clone();
        move |key: &'static str| {
            let mut args = FluentArgs::new();
            args.set("number", number.clone());
            i18n.t_args(key, &args)
        }
    };
    let spoken = with_number.clone();
    let qr_label = Signal::derive(move || with_number("ticket-qr-label"));
    let heading = NodeRef::<leptos::html::H1>::new();
    // Move focus to the new screen so screen readers announce the ticket at once.
    Effect::new(move || {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    view! {
        <section class="ticket" aria-labelledby="ticket-heading">
            <h1 id="ticket-heading" tabindex="-1" node_ref=heading>{move || i18n.t("ticket-heading")}</h1>
            <p class="ticket-number" aria-label=move || spoken("ticket-number-spoken")>{number.clone()}</p>
            {concern.map(|concern| view! { <p class="ticket-concern">{move || i18n.pick(&concern.name)}</p> })}
            <QueuePosition people_ahead=ticket.people_ahead estimated_wait=ticket.estimated_wait/>
            <p>{move || i18n.t("ticket-wait-hint")}</p>
            <QrCode text=ticket.status_url.clone() label=qr_label/>
            <p class="qr-hint">{move || i18n.t("ticket-qr-hint")}</p>
            <button type="button" class="primary-button" on:click=move |_| on_done()>{move || i18n.t("ticket-done")}</button>
        </section>
    }
}

/// Explains a failed request in the visitor's language and offers a way on.
#[component]
pub fn FailurePanel(failure: ApiFailure, on_retry: impl Fn() + 'static) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let key = failure.message_key();
    let action = if matches!(failure, ApiFailure::Unreachable) { "action-retry" } else { "action-start-over" };
    view! {
        <div class="failure" role="alert">
            <p>{move || i18n.t(key)}</p>
            <button type="button" class="primary-button" on:click=move |_| on_retry()>{move || i18n.t(action)}</button>
        </div>
    }
}
