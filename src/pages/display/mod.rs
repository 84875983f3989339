//! The lobby call display (`/display`) on a TV, readable from five metres: the newest call
//! large ("A 017 → Schalter 3", with "Termin 10:30" for an appointment) until the next one, the calls before it, how many wait per
//! concern and for about how long, a clock in the office's time zone, the office's notice;
//! headers in German and English and a line that rotates through the kiosk's other languages.
//! Each call sounds a gong and, with `?speech=on`, is announced in German and English.
//!
//! It runs for weeks: it keeps a fixed number of calls, and a reconnect continues after the
//! last call it showed, so nothing old comes back as new.

mod announce;

use std::time::Duration;

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::{self as json, SOURCE_LANGUAGE};

use crate::api_client::{decode, fetch_display};
use crate::clock::{OfficeClock, slot_time};
use crate::i18n::{I18n, language_info};
use crate::live_stream::{UseEventSourceOptions, use_event_source};

/// Calls on screen: the newest and the ones before it.
const CALLS_SHOWN: usize = 7;
/// Waiting counts and waits change without calls too (new tickets).
const BOARD_REFRESH: Duration = Duration::from_secs(20);
/// How long each language of the rotating line stays.
const ROTATION: Duration = Duration::from_secs(8);

#[derive(Clone, Copy)]
struct Board {
    board: RwSignal<Option<json::DisplayBoard>>,
    /// (event id, call), newest first.
    calls: RwSignal<Vec<(i64, json::DisplayCall)>>,
    offline: RwSignal<bool>,
    /// Whether a reload of the board is under way, and whether another was asked for since
    /// it left (see [`refresh_board`]).
    reloading: StoredValue<Reload>,
}

#[derive(Clone, Copy)]
enum Reload {
    Idle,
    Running,
    /// Running, and asked for again since it left: its answer may miss the latest change.
    RunningStale,
}

#[component]
pub fn DisplayPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let state = Board {
        board: RwSignal::new(None),
        calls: RwSignal::new(Vec::new()),
        offline: RwSignal::new(false),
        reloading: StoredValue::new(Reload::Idle),
    };
    let speech = announce::enabled_by_address();
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("display-screen");
    }
    // Scoped to the page, so that the live streams it opens close with it.
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        i18n.load("en").await;
        match fetch_display().await {
            Ok(board) => {
                let after = board.last_event;
                state.calls.set(board.recent_calls.iter().cloned().map(|call| (after, call)).collect());
                let languages = board.languages.clone();
                state.board.set(Some(board));
                follow_calls(state, after, speech, i18n);
                reload_when_published(state);
                // The rotating line's languages, fetched while the screen already shows.
                for language in languages {
                    i18n.load(&language).await;
                }
            }
            Err(_) => state.offline.set(true),
        }
    });
    if let Ok(timer) = set_interval_with_handle(move || refresh_board(state), BOARD_REFRESH) {
        on_cleanup(move || timer.clear());
    }
    view! {
        <main class="display">
            <Header state/>
            <div class="display-main">
                <Calls state/>
                <Waiting state/>
            </div>
            <Footer state/>
        </main>
    }
}

/// The display's live stream, from just after the calls it loaded. A call is shown, sounded
/// and announced once: a reconnect continues after the last call received.
fn follow_calls(state: Board, after: i64, speech: bool, i18n: I18n) {
    let last_shown = StoredValue::new(after);
    let on_call = move |event: web_sys::MessageEvent| {
        let id = event.last_event_id().parse::<i64>().unwrap_or(0);
        let Some(Ok(call)) = event.data().as_string().map(|text| decode::<json::DisplayCall>(&text)) else { return };
        // Never the same call twice, whatever a reconnect sends.
        if id <= last_shown.get_value() {
            return;
        }
        last_shown.set_value(id);
        state.calls.update(|calls| {
            calls.insert(0, (id, call.clone()));
            calls.truncate(CALLS_SHOWN);
        });
        crate::gong::play();
        if speech {
            announce::call(&call, i18n);
        }
        refresh_board(state);
    };
    use_event_source(
        format!("{}/display/events", json::API_PREFIX),
        UseEventSourceOptions::default()
            .after(after)
            .on("call", on_call)
            .on_open(move || state.offline.set(false))
            .on_error(move || state.offline.set(true)),
    );
}

/// A newly published configuration (the notice, concern names) shows at once.
fn reload_when_published(state: Board) {
    use_event_source(
        format!("{}/kiosk/events", json::API_PREFIX),
        UseEventSourceOptions::default().on("published", move |_| refresh_board(state)),
    );
}

/// Loads the waiting counts, the notice and the rest of the board again. One reload at a
/// time: calls that come while one is under way (two counters calling at once, a busy hour)
/// are covered by a single reload after it, not one request and one re-render each.
fn refresh_board(state: Board) {
    match state.reloading.get_value() {
        Reload::Idle => {}
        Reload::Running | Reload::RunningStale => {
            state.reloading.set_value(Reload::RunningStale);
            return;
        }
    }
    state.reloading.set_value(Reload::Running);
    leptos::task::spawn_local(async move {
        loop {
            // Unchanged (the clock's zone, the notice, most waiting counts): nothing to redraw.
            if let Ok(board) = fetch_display().await
                && state.board.with_untracked(|shown| shown.as_ref() != Some(&board))
            {
                state.board.set(Some(board));
            }
            match state.reloading.try_get_value() {
                Some(Reload::RunningStale) => state.reloading.set_value(Reload::Running),
                Some(_) => {
                    state.reloading.set_value(Reload::Idle);
                    return;
                }
                // The page is gone.
                None => return,
            }
        }
    });
}

/// A text in German and English: "Aufruf · Now calling".
fn both(i18n: I18n, key: &'static str) -> impl Fn() -> String + Copy {
    move || {
        let german = i18n.t_in(SOURCE_LANGUAGE, key).unwrap_or_default();
        match i18n.t_in("en", key) {
            Some(english) if english != german => format!("{german} · {english}"),
            _ => german,
        }
    }
}

#[component]
fn Header(state: Board) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let now = RwSignal::new(web_sys::js_sys::Date::new_0());
    if let Ok(timer) = set_interval_with_handle(move || now.set(web_sys::js_sys::Date::new_0()), Duration::from_secs(1))
    {
        on_cleanup(move || timer.clear());
    }
    let office_clock = StoredValue::new_local(OfficeClock::default());
    let clock = move || {
        let date = now.get();
        let zone = state.board.with(|board| board.as_ref().map(|board| board.time_zone.clone()));
        office_clock.try_update_value(|clock| clock.show(&date, zone.as_deref())).unwrap_or_default()
    };
    let office = move || {
        state.board.with(|board| board.as_ref().and_then(|b| b.office_name.get(SOURCE_LANGUAGE).map(str::to_owned)))
    };
    view! {
        <header class="display-header">
            <p class="display-office">{office}</p>
            {move || state.offline.get().then(|| view! { <p class="display-offline" role="status">{both(i18n, "display-offline")}</p> })}
            <p class="display-clock"><time>{clock}</time></p>
        </header>
    }
}

#[component]
fn Calls(state: Board) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let newest = move || state.calls.with(|calls| calls.first().map(|(_, call)| call.clone()));
    let earlier = move || {
        state.calls.with(|calls| calls.iter().skip(1).map(|(id, call)| (*id, call.clone())).collect::<Vec<_>>())
    };
    view! {
        <section class="display-calls" aria-labelledby="calls-heading">
            <h1 id="calls-heading">{both(i18n, "display-heading")}</h1>
            <p class="display-columns" aria-hidden="true">
                <span>{both(i18n, "display-number")}</span>
                <span>{both(i18n, "display-counter")}</span>
            </p>
            // Announced to screen readers as it changes; the gong is for everyone else.
            <div class="display-newest" aria-live="assertive">
                {move || newest().map(|call| view! { <CallLine call newest=true/> })}
            </div>
            <ol class="display-earlier">
                {move || earlier().into_iter().map(|(_, call)| view! { <li><CallLine call newest=false/></li> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn CallLine(call: json::DisplayCall, newest: bool) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    // "Termin · Appointment 10:30" next to the number: the visitor with that appointment sees
    // that the call is theirs, everyone else why it came before their own number.
    let appointment = call.appointment_slot.as_deref().map(|slot| {
        let time = slot_time(slot).unwrap_or(slot).to_owned();
        view! { <span class="display-appointment">{both(i18n, "display-appointment")}" "{time}</span> }
    });
    let is_appointment = appointment.is_some();
    view! {
        <p class="display-call" class:newest=newest class:appointment=is_appointment>
            <span class="display-ticket">
                <span class="display-number">{call.number.to_string()}</span>
                {appointment}
            </span>
            <span class="display-arrow" aria-hidden="true">"→"</span>
            <span class="display-counter">{call.counter.clone()}</span>
            {call.recall.then(|| view! { <span class="display-again">{both(i18n, "display-again")}</span> })}
        </p>
    }
}

#[component]
fn Waiting(state: Board) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let rows = move || {
        // Only concerns someone waits for: a TV has room for a few lines, not the whole office.
        let concerns: Vec<_> = state
            .board
            .with(|board| board.as_ref().map(|b| b.concerns.clone()).unwrap_or_default())
            .into_iter()
            .filter(|concern| concern.waiting > 0)
            .collect();
        if concerns.is_empty() {
            let mut args = Args::new();
            args.set("count", 0);
            let nobody = i18n.t_in_args(SOURCE_LANGUAGE, "display-waiting", &args).unwrap_or_default();
            return view! { <li class="display-nobody">{nobody}</li> }.into_any();
        }
        concerns
            .into_iter()
            .map(|concern| {
                let mut args = Args::new();
                args.set("count", concern.waiting);
                let waiting = i18n.t_in_args(SOURCE_LANGUAGE, "display-waiting", &args).unwrap_or_default();
                let wait = concern.estimated_wait.filter(|_| concern.waiting > 0).map(|wait| {
                    let mut args = Args::new();
                    args.set("minutes", wait.max_minutes);
                    i18n.t_in_args(SOURCE_LANGUAGE, "display-wait", &args).unwrap_or_default()
                });
                view! {
                    <li>
                        <span class="display-prefix">{concern.prefix.clone()}</span>
                        <span class="display-concern">{concern.name.get(SOURCE_LANGUAGE).unwrap_or_default().to_owned()}</span>
                        <span class="display-count">{waiting}{wait.map(|wait| format!(" · {wait}"))}</span>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="display-waiting" aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">{both(i18n, "display-waiting-heading")}</h2>
            <ul>{rows}</ul>
        </section>
    }
}

/// The office's notice, and the welcome line in each of the kiosk's languages in turn.
#[component]
fn Footer(state: Board) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let turn = RwSignal::new(0usize);
    if let Ok(timer) = set_interval_with_handle(move || turn.update(|n| *n = n.wrapping_add(1)), ROTATION) {
        on_cleanup(move || timer.clear());
    }
    let info = move || {
        state.board.with(|board| {
            let info = &board.as_ref()?.info;
            let parts: Vec<&str> = [info.get(SOURCE_LANGUAGE), info.get("en")].into_iter().flatten().collect();
            (!parts.is_empty()).then(|| parts.join(" · "))
        })
    };
    let rotating = move || {
        let languages = state.board.with(|board| board.as_ref().map(|b| b.languages.clone()).unwrap_or_default());
        let others: Vec<String> = languages.into_iter().filter(|tag| tag != SOURCE_LANGUAGE && tag != "en").collect();
        let tag = others.get(turn.get() % others.len().max(1))?.clone();
        let text = i18n.t_in(&tag, "display-welcome")?;
        let direction = language_info(&tag).map_or("ltr", |info| info.direction.as_str());
        Some(view! { <p class="display-welcome" lang=tag dir=direction>{text}</p> })
    };
    view! {
        <footer class="display-footer">
            {move || info().map(|info| view! { <p class="display-info">{info}</p> })}
            <p class="display-welcome-main">{both(i18n, "display-welcome")}</p>
            {rotating}
        </footer>
    }
}
