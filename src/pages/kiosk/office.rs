//! Keeps the office's data (concerns, languages, whether tickets are issued) fresh: loaded at
//! start, reloaded at once when administrators publish a new version (a live stream), checked
//! every half minute anyway, and retried with growing pauses while the server cannot be
//! reached, so a kiosk recovers by itself after an outage, without a reload.

use super::visit::Lobby;
use crate::api_client::{ApiFailure, fetch_kiosk, fetch_preview_kiosk};
use crate::live_stream::{UseEventSourceOptions, use_event_source};
use crate::timing::{Backoff, sleep};
use leptos::prelude::*;

const REFRESH_MS: i32 = 30_000;
const LONGEST_RETRY_MS: i32 = 15_000;
const OPEN_WITHOUT_DATA_MS: u64 = 1_000;

/// Starts the loading loop; it ends when the kiosk page goes away.
pub fn keep_office_fresh(lobby: Lobby) {
    // A server that is slow to answer does not keep the kiosk blank: after this long its
    // screens are built without the data, and say so until it comes.
    set_timeout(move || lobby.open(), std::time::Duration::from_millis(OPEN_WITHOUT_DATA_MS));
    let running = StoredValue::new(true);
    on_cleanup(move || running.set_value(false));
    if !lobby.preview {
        reload_when_published(lobby);
    }
    // The first request leaves now, before the first screen is built, not when the task first
    // runs: the office's data decides what the welcome screen offers.
    let mut first = (!lobby.preview).then(fetch_kiosk);
    leptos::task::spawn_local(async move {
        let mut backoff = Backoff::new(LONGEST_RETRY_MS);
        while running.try_get_value().unwrap_or(false) {
            let answer = match first.take() {
                Some(sent) => sent.await,
                None => fetch_office(lobby).await,
            };
            let delay = match take(lobby, answer) {
                Ok(()) => {
                    backoff = Backoff::new(LONGEST_RETRY_MS);
                    REFRESH_MS
                }
                Err(()) => backoff.next_delay(),
            };
            sleep(delay).await;
        }
    });
}

async fn load(lobby: Lobby) -> Result<(), ()> {
    take(lobby, fetch_office(lobby).await)
}

/// The office's data as published, or as the admin's draft would make it (the preview).
async fn fetch_office(lobby: Lobby) -> Result<willkommen_api::Kiosk, ApiFailure> {
    if lobby.preview { fetch_preview_kiosk().await } else { fetch_kiosk().await }
}

/// Takes the office's data, or notes why it could not be had.
fn take(lobby: Lobby, answer: Result<willkommen_api::Kiosk, ApiFailure>) -> Result<(), ()> {
    let taken = take_answer(lobby, answer);
    lobby.open();
    taken
}

fn take_answer(lobby: Lobby, answer: Result<willkommen_api::Kiosk, ApiFailure>) -> Result<(), ()> {
    match answer {
        Ok(office) => {
            lobby.adopt(office);
            lobby.set_failure(None);
            // The welcome screen can take visitors now: the other screens come next, before
            // the first tap. After a failed fetch, the next refresh tries again.
            super::later_screens::prefetch();
            Ok(())
        }
        Err(failure @ (ApiFailure::Unreachable | ApiFailure::Refused(_) | ApiFailure::BadResponse(_))) => {
            lobby.set_failure(Some(failure));
            Err(())
        }
    }
}

/// Listens to the kiosks' live stream: `published` reloads the office's data at once. The
/// stream breaking (the server stopped) or coming back checks at once too, so an idle welcome
/// screen says within a second or two that no tickets can be had, and invites visitors again
/// as soon as the server is back, instead of at the next half-minute check. The browser
/// reconnects by itself, every two seconds (the server's `retry`), and the stream helper
/// when the browser gives up.
fn reload_when_published(lobby: Lobby) {
    let check = move || {
        leptos::task::spawn_local(async move {
            let _ = load(lobby).await;
        })
    };
    // The stream's first opening comes right after the first load: only a reopening (after a
    // break) may have missed a publication.
    let opened = StoredValue::new(false);
    let reopened = move || {
        if opened.get_value() {
            check();
        }
        opened.set_value(true);
    };
    use_event_source(
        format!("{}/kiosk/events", willkommen_api::API_PREFIX),
        UseEventSourceOptions::default().on("published", move |_| check()).on_open(reopened).on_error(check),
    );
}
