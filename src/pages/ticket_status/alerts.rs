//! "Wait outside, we will call you": the phone page offers notifications (Web Push, shown
//! with the page closed and the phone locked) and, for as long as the page stays open, sound
//! and vibration on the call. Browsers allow both only after a tap on the page, so each has a
//! button of its own that says what it does. A browser that cannot is told so plainly, and
//! the page keeps following the ticket as before.

use leptos::prelude::*;
use willkommen_api as json;

use crate::api_client::phone::{delete_push_subscription, fetch_push_key, save_push_subscription};
use crate::i18n::{Args, I18n};
use crate::storage;
use crate::web_push::{self, Refusal, Support};

/// Whether the visitor turned sound and vibration on in this page (a tap unlocks both).
#[derive(Clone, Copy)]
pub struct AlertsOn(pub RwSignal<bool>);

/// Where this phone remembers that it asked to be notified of `ticket`.
fn remembered(ticket: &str) -> String {
    format!("willkommen.push.{ticket}")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Notify {
    Offer,
    Asking,
    On,
    /// Turned off by the visitor: offered again.
    Off,
    Denied,
    HomeScreen,
    Unsupported,
    Failed,
}

impl Notify {
    fn at_start(ticket: &str) -> Self {
        match web_push::support() {
            Support::Unsupported => Self::Unsupported,
            Support::NeedsHomeScreen => Self::HomeScreen,
            Support::Ready if web_push::denied() => Self::Denied,
            Support::Ready if storage::get(&remembered(ticket)).is_some() => Self::On,
            Support::Ready => Self::Offer,
        }
    }
}

/// The notifications offer, for a ticket still waiting.
#[component]
pub fn NotifyMe(ticket: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let state = RwSignal::new(Notify::at_start(&ticket));
    let notify_ahead = RwSignal::new(json::default_notify_ahead());
    if matches!(state.get_untracked(), Notify::Offer | Notify::On) {
        leptos::task::spawn_local(async move {
            if let Ok(key) = fetch_push_key().await {
                let _ = notify_ahead.try_set(key.notify_ahead);
            }
        });
    }
    let ticket = StoredValue::new(ticket);
    let turn_on = move |_| {
        state.set(Notify::Asking);
        let ticket = ticket.get_value();
        leptos::task::spawn_local(async move {
            let _ = state.try_set(subscribe(&ticket, &i18n.language()).await);
        });
    };
    let turn_off = move |_| {
        let ticket = ticket.get_value();
        state.set(Notify::Off);
        leptos::task::spawn_local(async move {
            storage::remove(&remembered(&ticket));
            web_push::unsubscribe().await;
            let _ = delete_push_subscription(&ticket).await;
        });
    };
    // Pushes speak the page's language: a visitor who switches it is told in the new one.
    let language = Memo::new(move |_| i18n.language());
    Effect::new(move |previous: Option<String>| {
        let now = language.get();
        if previous.is_some_and(|previous| previous != now) && state.get_untracked() == Notify::On {
            let (ticket, now) = (ticket.get_value(), now.clone());
            leptos::task::spawn_local(async move {
                if let Some(mut subscription) = web_push::current().await {
                    subscription.language = Some(now);
                    let _ = save_push_subscription(&ticket, &subscription).await;
                }
            });
        }
        now
    });
    let explain = move || {
        let mut args = Args::new();
        args.set("ahead", notify_ahead.get());
        i18n.t_args("notify-explain", &args)
    };
    let offer = move |notice: Option<&'static str>| {
        view! {
            <p>{explain}</p>
            {notice.map(|notice| view! { <p role="status">{move || i18n.t(notice)}</p> })}
            <button type="button" class="primary-button" on:click=turn_on>{move || i18n.t("notify-button")}</button>
        }
        .into_any()
    };
    view! {
        <section class="status-notify" aria-labelledby="notify-heading">
            <h2 id="notify-heading">{move || i18n.t("notify-heading")}</h2>
            {move || match state.get() {
                Notify::Offer => offer(None),
                Notify::Off => offer(Some("notify-off")),
                Notify::Failed => offer(Some("notify-failed")),
                Notify::Asking => view! { <p role="status">{i18n.t("notify-asking")}</p> }.into_any(),
                Notify::On => view! {
                    <p role="status" data-notify="on">{i18n.t("notify-on")}</p>
                    <button type="button" class="secondary-button" on:click=turn_off>{i18n.t("notify-off-button")}</button>
                }
                .into_any(),
                Notify::Denied => view! { <p role="status">{i18n.t("notify-denied")}</p> }.into_any(),
                Notify::HomeScreen => view! { <p>{i18n.t("notify-home-screen")}</p> }.into_any(),
                Notify::Unsupported => view! { <p>{i18n.t("notify-unsupported")}</p> }.into_any(),
            }}
        </section>
    }
}

/// Asks the browser, then hands the subscription to the server.
async fn subscribe(ticket: &str, language: &str) -> Notify {
    let Ok(key) = fetch_push_key().await else { return Notify::Failed };
    match web_push::subscribe(&key.application_server_key).await {
        Ok(mut subscription) => {
            subscription.language = Some(language.to_owned());
            match save_push_subscription(ticket, &subscription).await {
                Ok(()) => {
                    storage::set(&remembered(ticket), "on");
                    Notify::On
                }
                Err(_) => Notify::Failed,
            }
        }
        Err(Refusal::Denied) => Notify::Denied,
        Err(Refusal::Failed) => Notify::Failed,
    }
}

/// "Turn on sound and vibration here": the tap browsers need before a page may sound or
/// vibrate, asked for in words a visitor understands. It sounds and vibrates once at once, so
/// the visitor knows what to expect.
#[component]
pub fn AlertMeHere() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let AlertsOn(on) = expect_context::<AlertsOn>();
    let turn_on = move |_| {
        let _ = window().navigator().vibrate_with_duration(200);
        crate::gong::play();
        on.set(true);
    };
    move || {
        if on.get() {
            view! { <p role="status" data-alerts="on">{i18n.t("alert-on")}</p> }.into_any()
        } else {
            view! { <button type="button" class="secondary-button" on:click=turn_on>{i18n.t("alert-button")}</button> }
                .into_any()
        }
    }
}
