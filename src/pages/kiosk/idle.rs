//! The inactivity reset (WCAG 2.2.1): after the office's idle time without a touch or key, a
//! warning counts down (at least 20 s) with one big "I need more time" button; then the kiosk
//! starts over and forgets the visitor's answers, for the privacy of the next person.

use std::time::Duration;

use crate::i18n::Args;
use leptos::prelude::*;
use web_sys::js_sys::Date;

use super::visit::{Step, Visit};
use crate::i18n::I18n;
use crate::speech::Speech;

#[component]
pub fn IdleWarning() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let speech = expect_context::<Speech>();
    let last_activity = StoredValue::new(Date::now());
    // Seconds left before the reset, while the warning shows.
    let remaining = RwSignal::new(None::<u32>);

    let active = move || {
        last_activity.set_value(Date::now());
        if remaining.get_untracked().is_some() {
            remaining.set(None);
        }
    };
    let listeners = [
        window_event_listener(leptos::ev::pointerdown, move |_| active()),
        window_event_listener(leptos::ev::keydown, move |_| active()),
        window_event_listener(leptos::ev::touchstart, move |_| active()),
    ];
    let tick = move || {
        if visit.step.get_untracked() == Step::Welcome {
            last_activity.set_value(Date::now());
            remaining.set(None);
            return;
        }
        let limits =
            visit.office.with_untracked(|office| office.as_ref().map(|office| office.inactivity)).unwrap_or_default();
        let idle = ((Date::now() - last_activity.get_value()) / 1000.0) as u32;
        let left = (limits.idle_seconds + limits.warning_seconds.max(20)).saturating_sub(idle);
        if idle < limits.idle_seconds {
            if remaining.get_untracked().is_some() {
                remaining.set(None);
            }
        } else if left == 0 {
            remaining.set(None);
            visit.forget();
        } else {
            remaining.set(Some(left));
        }
    };
    let timer = set_interval_with_handle(tick, Duration::from_secs(1)).ok();
    on_cleanup(move || {
        for listener in listeners {
            listener.remove();
        }
        if let Some(timer) = timer {
            timer.clear();
        }
    });

    let button = NodeRef::<leptos::html::Button>::new();
    let shown = move || remaining.get().is_some();
    // When the warning appears: focus its button, and read it out in read-aloud mode.
    Effect::new(move |was_shown: Option<bool>| {
        let now_shown = shown();
        if now_shown && was_shown != Some(true) {
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
            let text =
                format!("{} {}", i18n.t("idle-heading"), countdown(i18n, remaining.get_untracked().unwrap_or(0)));
            speech.speak(&text, &i18n.language_untracked());
        }
        now_shown
    });
    view! {
        <div class="idle-backdrop" class:hidden=move || !shown()>
            <div
                class="idle-warning"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby="idle-heading"
                aria-describedby="idle-countdown"
                hidden=move || !shown()
            >
                <h2 id="idle-heading">{move || i18n.t("idle-heading")}</h2>
                <p id="idle-countdown">{move || countdown(i18n, remaining.get().unwrap_or(0))}</p>
                <button type="button" class="primary-button more-time" node_ref=button on:click=move |_| active()>
                    {move || i18n.t("idle-more-time")}
                </button>
            </div>
        </div>
    }
}

fn countdown(i18n: I18n, seconds: u32) -> String {
    let mut args = Args::new();
    args.set("seconds", seconds);
    i18n.t_args("idle-countdown", &args)
}
