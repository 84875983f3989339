//! A kiosk runs for months without anybody reloading it, and wasm memory never shrinks. Leptos
//! 0.8 keeps a little memory for every reactive text of a screen that is gone
//! (examples/reactive_leak.rs); since each visitor gets signals of their own (`visit.rs`), the
//! kiosk keeps about 0.5 KB per visitor instead of 25 KB (`cargo xtask bench browser`,
//! docs/performance.md). As a safety net against whatever else may grow over months, the
//! kiosk still renews itself: once its memory has passed [`RENEW_AT_BYTES`] and nobody has
//! used it for a while, it reloads the page, from the service worker's cache in about a third
//! of a second, with nothing of any visitor kept.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::visit::Lobby;

/// Four times what the kiosk needs after its first thousand visitors (3.7 MB): reached, if at
/// all, after tens of thousands of visitors, always renewed while nobody is at it.
pub const RENEW_AT_BYTES: f64 = 16.0 * 1024.0 * 1024.0;

/// How often the kiosk looks; it renews only after two looks in a row found the same quiet
/// welcome screen, so at least this long without a visitor.
const LOOK_EVERY: Duration = Duration::from_secs(60);

/// What one look at the kiosk found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    pub on_welcome_screen: bool,
    /// Bumped by every visitor; the same value on two looks means nobody came in between.
    pub visitor: u64,
    /// With the server down, a reload would start the app without the office's data.
    pub server_reachable: bool,
    pub memory_bytes: f64,
}

/// Whether to reload now, given the previous look and this one.
pub fn should_renew(previous: Option<Look>, now: Look) -> bool {
    let quiet = previous.is_some_and(|previous| previous.on_welcome_screen && previous.visitor == now.visitor);
    quiet && now.on_welcome_screen && now.server_reachable && now.memory_bytes >= RENEW_AT_BYTES
}

/// Looks every [`LOOK_EVERY`] and reloads the page when [`should_renew`] says so.
pub fn renew_when_grown(lobby: Lobby) {
    if lobby.preview {
        return;
    }
    let previous = StoredValue::new(None::<Look>);
    let look = move || {
        let now = Look {
            on_welcome_screen: lobby.between_visitors(),
            visitor: lobby.visitors.get_untracked(),
            server_reachable: lobby.server_reachable(),
            memory_bytes: wasm_memory_bytes(),
        };
        if should_renew(previous.get_value(), now) {
            let _ = window().location().reload();
        }
        previous.set_value(Some(now));
    };
    if let Ok(timer) = set_interval_with_handle(look, LOOK_EVERY) {
        on_cleanup(move || timer.clear());
    }
}

/// The size of this app's wasm memory.
fn wasm_memory_bytes() -> f64 {
    let memory: web_sys::js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory.buffer().unchecked_into::<web_sys::js_sys::ArrayBuffer>().byte_length() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUIET: Look =
        Look { on_welcome_screen: true, visitor: 7, server_reachable: true, memory_bytes: RENEW_AT_BYTES };

    #[test]
    fn a_grown_kiosk_renews_after_a_quiet_minute_on_its_welcome_screen() {
        assert!(should_renew(Some(QUIET), QUIET));
    }

    #[test]
    fn it_never_renews_under_a_visitor_or_with_the_server_down_or_while_small() {
        assert!(!should_renew(None, QUIET), "one look is not a quiet minute");
        assert!(!should_renew(Some(QUIET), Look { visitor: 8, ..QUIET }), "somebody came in between");
        assert!(!should_renew(Some(Look { on_welcome_screen: false, ..QUIET }), QUIET), "a visitor was there");
        assert!(!should_renew(Some(QUIET), Look { on_welcome_screen: false, ..QUIET }), "a visitor is there");
        assert!(!should_renew(Some(QUIET), Look { server_reachable: false, ..QUIET }));
        assert!(!should_renew(Some(QUIET), Look { memory_bytes: RENEW_AT_BYTES - 1.0, ..QUIET }));
    }
}
