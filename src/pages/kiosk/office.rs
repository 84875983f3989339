//! Keeps the office's data (concerns, languages, whether tickets are issued) fresh: loaded at
//! start, refreshed every half minute, and retried with growing pauses while the server cannot
//! be reached, so a kiosk recovers by itself after an outage, without a reload.

use leptos::prelude::*;

use super::visit::Visit;
use crate::api_client::fetch_kiosk;
use crate::timing::{Backoff, sleep};

const REFRESH_MS: i32 = 30_000;
const LONGEST_RETRY_MS: i32 = 15_000;

/// Starts the loading loop; it ends when the kiosk page goes away.
pub fn keep_office_fresh(visit: Visit) {
    let running = StoredValue::new(true);
    on_cleanup(move || running.set_value(false));
    leptos::task::spawn_local(async move {
        let mut backoff = Backoff::new(LONGEST_RETRY_MS);
        while running.try_get_value().unwrap_or(false) {
            let delay = match fetch_kiosk().await {
                Ok(office) => {
                    backoff = Backoff::new(LONGEST_RETRY_MS);
                    // Only a real change re-renders the screens (and so never moves the focus).
                    if visit.office.with_untracked(|current| current.as_ref() != Some(&office)) {
                        visit.office.set(Some(office));
                    }
                    visit.office_failure.set(None);
                    REFRESH_MS
                }
                Err(failure) => {
                    visit.office_failure.set(Some(failure));
                    backoff.next_delay()
                }
            };
            sleep(delay).await;
        }
    });
}
