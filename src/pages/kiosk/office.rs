//! Keeps the office's data (concerns, languages, whether tickets are issued) fresh: loaded at
//! start, reloaded at once when administrators publish a new version (a live stream), checked
//! every half minute anyway, and retried with growing pauses while the server cannot be
//! reached, so a kiosk recovers by itself after an outage, without a reload.

use leptos::prelude::*;
use willkommen_api::Kiosk;

use super::visit::Visit;
use crate::api_client::{ApiFailure, fetch_kiosk, fetch_preview_kiosk};
use crate::live_stream::{UseEventSourceOptions, use_event_source};
use crate::timing::{Backoff, sleep};

const REFRESH_MS: i32 = 30_000;
const LONGEST_RETRY_MS: i32 = 15_000;

/// Starts the loading loop; it ends when the kiosk page goes away.
pub fn keep_office_fresh(visit: Visit) {
    let running = StoredValue::new(true);
    on_cleanup(move || running.set_value(false));
    if !visit.preview {
        reload_when_published(visit);
    }
    leptos::task::spawn_local(async move {
        let mut backoff = Backoff::new(LONGEST_RETRY_MS);
        while running.try_get_value().unwrap_or(false) {
            let delay = match load(visit).await {
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

async fn load(visit: Visit) -> Result<(), ()> {
    let answer = if visit.preview { fetch_preview_kiosk().await } else { fetch_kiosk().await };
    match answer {
        Ok(office) => {
            adopt(visit, office);
            visit.office_failure.set(None);
            Ok(())
        }
        Err(failure @ (ApiFailure::Unreachable | ApiFailure::Refused(_) | ApiFailure::BadResponse(_))) => {
            visit.office_failure.set(Some(failure));
            Err(())
        }
    }
}

/// Takes a new version of the office's data. Only a real change re-renders the screens (and
/// so never moves the focus). The visitor's concern follows the new version, and answers about
/// documents it no longer lists are dropped, so the ticket request matches what is published.
fn adopt(visit: Visit, office: Kiosk) {
    if visit.office.with_untracked(|current| current.as_ref() == Some(&office)) {
        return;
    }
    if let Some(chosen) = visit.concern.get_untracked()
        && let Some(updated) = office.concerns.iter().find(|concern| concern.id == chosen.id)
    {
        if *updated != chosen {
            visit.concern.set(Some(updated.clone()));
        }
        let listed = |id: &String| updated.checklist.iter().any(|item| &item.id == id);
        if visit.answers.with_untracked(|answers| answers.keys().any(|id| !listed(id))) {
            visit.answers.update(|answers| answers.retain(|id, _| listed(id)));
        }
    }
    visit.office.set(Some(office));
}

/// Listens to the kiosks' live stream: `published` reloads the office's data at once. The
/// stream breaking (the server stopped) or coming back checks at once too, so an idle welcome
/// screen says within a second or two that no tickets can be had, and invites visitors again
/// as soon as the server is back, instead of at the next half-minute check. The browser
/// reconnects by itself, every two seconds (the server's `retry`), and the stream helper
/// when the browser gives up.
fn reload_when_published(visit: Visit) {
    let check = move || {
        leptos::task::spawn_local(async move {
            let _ = load(visit).await;
        })
    };
    use_event_source(
        format!("{}/kiosk/events", willkommen_api::API_PREFIX),
        UseEventSourceOptions::default().on("published", move |_| check()).on_open(check).on_error(check),
    );
}
