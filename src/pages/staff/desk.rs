//! The desk itself: call next (F2), the ticket in hand with its actions, what a scan opened,
//! and the queue. A hand scanner's typing is caught anywhere outside text fields.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use willkommen_api::{self as json, TicketAction};

use super::StaffDesk;
use super::camera::CameraScan;
use super::queue_overview::QueueOverview;
use super::ticket_card::{TicketCard, function_key, perform};
use crate::api_client::{self, ApiFailure};
use crate::components::{InterfaceLanguage, SignedInAs};
use crate::i18n::I18n;
use crate::scan_buffer::ScanBuffer;

/// The live stream brings every change at once; this slower refresh keeps the minutes waited
/// current and covers a stream that could not reconnect.
const QUEUE_REFRESH: Duration = Duration::from_secs(20);

#[component]
pub fn Desk() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let desk = expect_context::<StaffDesk>();
    listen_for_scans_and_shortcuts(desk, i18n);
    follow_queue_live(desk, i18n);
    let camera_open = RwSignal::new(false);
    let waiting_for_you = move || {
        let served = desk.served_concerns();
        let count = desk.queue.with(|queue| {
            queue.as_ref().map_or(0, |queue| {
                queue
                    .waiting
                    .iter()
                    .filter(|ticket| ticket.status == json::TicketStatus::Waiting && served.contains(&ticket.concern))
                    .count()
            })
        });
        let mut args = crate::i18n::Args::new();
        args.set("count", count);
        i18n.t_args("staff-waiting-for-you", &args)
    };
    if let Ok(timer) = set_interval_with_handle(
        move || leptos::task::spawn_local(async move { desk.refresh_queue(i18n).await }),
        QUEUE_REFRESH,
    ) {
        on_cleanup(move || timer.clear());
    }
    view! {
        <DeskHeader/>
        <div class="staff-desk">
            <section class="staff-work" aria-labelledby="current-heading">
                <button type="button" class="primary-button call-next" aria-keyshortcuts="F2" on:click=move |_| call_next(desk, i18n)>
                    <span>{move || i18n.t("staff-call-next")}</span>
                    <kbd>"F2"</kbd>
                </button>
                <p class="staff-waiting-for-you" role="status">{waiting_for_you}</p>
                <OverTargetBanner/>
                {move || desk.problem.get().map(|text| view! { <p class="failure" role="alert">{text}</p> })}
                <h1 id="current-heading">{move || i18n.t("staff-current")}</h1>
                {move || match desk.current.get() {
                    Some(ticket) => view! { <TicketCard ticket/> }.into_any(),
                    None => view! { <p class="staff-empty">{move || i18n.t("staff-no-current")}</p> }.into_any(),
                }}
                <button type="button" class="camera-button" on:click=move |_| camera_open.set(true)>
                    {move || i18n.t("staff-camera-scan")}
                </button>
                <Show when=move || camera_open.get()>
                    <CameraScan
                        on_code=move |code| {
                            camera_open.set(false);
                            open_scanned(desk, i18n, code);
                        }
                        on_close=move || camera_open.set(false)
                    />
                </Show>
                <ScannedTicket/>
            </section>
            <QueueOverview/>
        </div>
    }
}

fn call_next(desk: StaffDesk, i18n: I18n) {
    let Some(counter) = desk.counter.get_untracked() else { return };
    desk.problem.set(None);
    // A concern removed from the office since it was chosen is left out.
    let concerns = desk.serving.get_untracked().map(|chosen| {
        desk.office.with_untracked(|office| match office {
            Some(office) => chosen.into_iter().filter(|id| office.concerns.iter().any(|c| &c.id == id)).collect(),
            None => chosen,
        })
    });
    let concerns = concerns.filter(|concerns: &Vec<_>| !concerns.is_empty());
    leptos::task::spawn_local(async move {
        match api_client::call_next(&counter, concerns).await {
            Ok(ticket) => desk.show(ticket),
            Err(failure) => desk.report(failure, i18n),
        }
        desk.refresh_queue(i18n).await;
    });
}

/// The concerns whose longest wait is over their target, each with its wait and target: a
/// status line (not an alert), since it stays while the wait lasts and changes by the minute.
#[component]
fn OverTargetBanner() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let desk = expect_context::<StaffDesk>();
    let over = move || desk.queue.with(|queue| queue.as_ref().map(|q| q.over_target.clone()).unwrap_or_default());
    view! {
        <div class="staff-over-target" role="status">
            {move || {
                let over = over();
                (!over.is_empty()).then(|| {
                    let lines = over
                        .into_iter()
                        .map(|concern| {
                            let mut args = crate::i18n::Args::new();
                            args.set("name", desk.concern_name(&concern.concern));
                            args.set("minutes", concern.longest_wait_minutes);
                            args.set("target", concern.target_wait_minutes);
                            view! { <li>{i18n.t_args("staff-over-target", &args)}</li> }
                        })
                        .collect_view();
                    view! {
                        <p class="staff-over-target-heading"><span aria-hidden="true">"■ "</span>{i18n.t("staff-over-target-heading")}</p>
                        <ul>{lines}</ul>
                    }
                })
            }}
        </div>
    }
}

/// Counter name, the clerk, the interface language, change counter, sign out.
#[component]
fn DeskHeader() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let desk = expect_context::<StaffDesk>();
    let counter_name = move || {
        let id = desk.counter.get()?;
        desk.counters.with(|counters| counters.iter().find(|counter| counter.id == id).map(|c| c.name.clone()))
    };
    let serving = move || {
        let mut args = crate::i18n::Args::new();
        args.set("count", desk.served_concerns().len());
        i18n.t_args("staff-counter-serves", &args)
    };
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            let at_provider = api_client::sign_out("staff").await.ok().flatten();
            desk.me.set(None);
            // Signed in through the office's identity provider: sign out there too, so the
            // next person at this PC cannot get back in with one click.
            if let Some(url) = at_provider {
                let _ = window().location().assign(&url);
            }
        });
    };
    view! {
        <header class="staff-header">
            <p class="staff-counter-name">{counter_name}" · "<span class="staff-serving">{serving}</span></p>
            <SignedInAs me=desk.me/>
            <InterfaceLanguage me=desk.me/>
            <button type="button" on:click=move |_| desk.counter.set(None)>{move || i18n.t("staff-change-counter")}</button>
            <button type="button" on:click=sign_out>{move || i18n.t("staff-sign-out")}</button>
        </header>
    }
}

/// The ticket a scan opened, or why the code is not one.
#[component]
fn ScannedTicket() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let desk = expect_context::<StaffDesk>();
    move || {
        let scanned = desk.scanned.get()?;
        Some(view! {
            <section class="staff-scanned" aria-labelledby="scanned-heading">
                <h2 id="scanned-heading">{move || i18n.t("staff-scanned")}</h2>
                {match scanned {
                    Ok(ticket) => view! { <TicketCard ticket/> }.into_any(),
                    Err(()) => view! { <p class="failure" role="alert">{move || i18n.t("staff-scan-unknown")}</p> }.into_any(),
                }}
                <button type="button" on:click=move |_| desk.scanned.set(None)>{move || i18n.t("staff-close")}</button>
            </section>
        })
    }
}

/// A hand scanner's burst of keys (outside text fields) opens that ticket; F-keys do the
/// actions on the ticket in hand.
fn listen_for_scans_and_shortcuts(desk: StaffDesk, i18n: I18n) {
    let buffer = StoredValue::new_local(ScanBuffer::default());
    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        let in_field = document()
            .active_element()
            .is_some_and(|element| matches!(element.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        let key = event.key();
        // Transfer needs a concern, so its shortcut only takes the clerk to that choice.
        if event.alt_key() && key.eq_ignore_ascii_case("t") {
            if let Ok(Some(choice)) = document().query_selector(".staff-work .staff-transfer select") {
                event.prevent_default();
                let _ = choice.unchecked_into::<web_sys::HtmlElement>().focus();
            }
            return;
        }
        if let Some(action) = shortcut(&key) {
            event.prevent_default();
            match (action, desk.current.get_untracked()) {
                // F2 is the big "call next" button's key too.
                (TicketAction::Call, _) => call_next(desk, i18n),
                (action, Some(ticket)) if action.is_allowed_from(ticket.status) => {
                    perform(desk, i18n, ticket.id, action)
                }
                _ => {}
            }
            return;
        }
        if in_field {
            return;
        }
        let now = web_sys::js_sys::Date::now();
        if let Some(code) = buffer.try_update_value(|buffer| buffer.key(&key, now)).flatten() {
            event.prevent_default();
            open_scanned(desk, i18n, code);
        }
    });
    on_cleanup(move || handle.remove());
}

fn shortcut(key: &str) -> Option<TicketAction> {
    TicketAction::ALL.into_iter().find(|action| function_key(*action) == Some(key))
}

fn open_scanned(desk: StaffDesk, i18n: I18n, code: String) {
    leptos::task::spawn_local(async move {
        match api_client::lookup_ticket(&code).await {
            Ok(ticket) => desk.scanned.set(Some(Ok(ticket))),
            Err(ApiFailure::Refused(error)) if error.code == json::ErrorCode::NotFound => {
                desk.scanned.set(Some(Err(())))
            }
            Err(failure) => desk.report(failure, i18n),
        }
    });
}

/// The queue's live stream (server-sent events): every change reloads the overview. The
/// browser reconnects by itself (the server asks for a retry after a few seconds), the stream
/// helper when the browser gives up (e.g. after a 401), and the banner says when the
/// connection is gone.
fn follow_queue_live(desk: StaffDesk, i18n: I18n) {
    use crate::live_stream::{UseEventSourceOptions, use_event_source};

    let refresh = move || leptos::task::spawn_local(async move { desk.refresh_queue(i18n).await });
    use_event_source(
        format!("{}/queue/events", willkommen_api::API_PREFIX),
        UseEventSourceOptions::default()
            .on("changed", move |_| refresh())
            .on_open(move || {
                desk.offline.set(false);
                refresh();
            })
            .on_error(move || desk.offline.set(true)),
    );
}
