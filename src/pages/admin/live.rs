//! The live board (`GET /api/v1/statistics/live`): per concern who waits now, the longest
//! wait against the concern's target, and today's served visitors; the counters open and
//! whether everyone waiting will be called before closing. Read every 30 seconds, and at once
//! on the queue's live stream for accounts that may follow it. When the server cannot be
//! reached the last figures stay, with a notice saying from when they are.

use std::time::Duration;

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::{self as json, TargetLevel};

use super::console::Console;
use crate::api_client::{ApiFailure, statistics};
use crate::clock::slot_time;
use crate::i18n::I18n;

const REFRESH: Duration = Duration::from_secs(30);

#[component]
pub fn LiveBoard() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let board = RwSignal::new(None::<json::LiveBoard>);
    let unreachable = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let load = move || {
        leptos::task::spawn_local(async move {
            match statistics::fetch_live().await {
                Ok(live) => {
                    unreachable.set(false);
                    failure.set(None);
                    board.set(Some(live));
                }
                Err(ApiFailure::Unreachable) => unreachable.set(true),
                Err(other) => failure.set(console.describe(other, i18n)),
            }
        })
    };
    load();
    if let Ok(timer) = set_interval_with_handle(load, REFRESH) {
        on_cleanup(move || timer.clear());
    }
    // The queue's stream is for accounts that serve visitors; the statistics role reads the
    // board every 30 seconds only.
    if console.me.with_untracked(|me| me.as_ref().is_some_and(|me| me.role.serves_visitors())) {
        use crate::live_stream::{UseEventSourceOptions, use_event_source};
        use_event_source(
            format!("{}/queue/events", willkommen_api::API_PREFIX),
            UseEventSourceOptions::default().on("changed", move |_| load()).on_open(load),
        );
    }
    let at = move || board.with(|board| board.as_ref().map(|b| clock(&b.at)).unwrap_or_default());
    view! {
        <section class="live" aria-labelledby="live-heading">
            <h1 id="live-heading">{move || i18n.t("admin-section-live")}</h1>
            {move || unreachable.get().then(|| {
                let mut args = Args::new();
                args.set("time", at());
                view! { <p class="staff-offline" role="status">{i18n.t_args("live-offline", &args)}</p> }
            })}
            {move || failure.get().map(|text| view! { <p class="failure" role="alert">{text}</p> })}
            {move || match (i18n.language(), board.get()).1 {
                None => (!unreachable.get() && failure.with(Option::is_none))
                    .then(|| view! { <p role="status">{i18n.t("kiosk-loading")}</p> }.into_any()),
                Some(live) => Some(view! { <Board live/> }.into_any()),
            }}
        </section>
    }
}

/// The clock time in an RFC 3339 moment from the server, which writes the office's offset.
fn clock(moment: &str) -> String {
    slot_time(moment).unwrap_or(moment).to_owned()
}

#[component]
fn Board(live: json::LiveBoard) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let minutes = move |minutes: u32| {
        let mut args = Args::new();
        args.set("minutes", minutes);
        i18n.t_args("live-minutes", &args)
    };
    let mut at = Args::new();
    at.set("time", clock(&live.at));
    let stand = i18n.t_args("live-at", &at);
    let closing = match (&live.closes_at, &live.queue_done_at, live.done_before_closing) {
        (None, _, _) => i18n.t("live-closed-today"),
        (Some(_), None, _) => i18n.t("live-no-estimate"),
        (Some(closes), Some(done), verdict) => {
            let mut args = Args::new();
            args.set("time", clock(done));
            args.set("closes", clock(closes));
            let key = if verdict == Some(false) { "live-done-after-closing" } else { "live-done-before-closing" };
            i18n.t_args(key, &args)
        }
    };
    let late = live.done_before_closing == Some(false);
    let figures = [
        ("live-counters-open", live.counters_open.to_string()),
        ("live-waiting", live.waiting.to_string()),
        ("live-longest-wait", minutes(live.longest_wait_minutes)),
        ("live-served-today", live.served_today.to_string()),
    ]
    .into_iter()
    .map(|(key, value)| view! { <div><dt>{i18n.t(key)}</dt><dd>{value}</dd></div> })
    .collect_view();
    let language = i18n.language_untracked();
    let rows = live
        .concerns
        .into_iter()
        .map(|concern| {
            let (state, mark) = match concern.level {
                TargetLevel::None => ("live-level-none", ""),
                TargetLevel::Ok => ("live-level-ok", "✓"),
                TargetLevel::Amber => ("live-level-amber", "▲"),
                TargetLevel::Red => ("live-level-red", "■"),
            };
            let level = match concern.level {
                TargetLevel::None => "none",
                TargetLevel::Ok => "ok",
                TargetLevel::Amber => "amber",
                TargetLevel::Red => "red",
            };
            view! {
                <tr data-level=level>
                    <th scope="row" dir="auto">{console.concern_name(concern.concern.as_str(), &language)}</th>
                    <td class="number">{concern.waiting}</td>
                    <td class="number">{minutes(concern.longest_wait_minutes)}</td>
                    <td class="number">{concern.target_wait_minutes.map_or_else(|| "–".to_owned(), minutes)}</td>
                    <td class="live-level"><span aria-hidden="true" class="live-mark">{mark}</span>" "{i18n.t(state)}</td>
                    <td class="number">{concern.served_today}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="live-at">{stand}</p>
        <dl class="live-figures">{figures}</dl>
        <p class="live-closing" class:late=late>{closing}</p>
        <table class="admin-table live-concerns">
            <caption>{i18n.t("live-concerns")}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("statistics-column-concern")}</th>
                    <th scope="col" class="number">{i18n.t("live-waiting")}</th>
                    <th scope="col" class="number">{i18n.t("live-longest-wait")}</th>
                    <th scope="col" class="number">{i18n.t("live-target")}</th>
                    <th scope="col">{i18n.t("live-state")}</th>
                    <th scope="col" class="number">{i18n.t("live-served-today")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
