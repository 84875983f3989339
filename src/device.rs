//! The kiosk as a device: locked down against leaving the app by touch, kept on the current
//! release by a service worker, and told by its start URL whether it has a ticket printer or a
//! hand scanner.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// How this kiosk prints, from its start URL (`/?printer=auto`): a kiosk without a printer
/// (`none`) shows no print buttons; `auto` prints every ticket at once; the default shows a
/// print button. Set per device because printers are per device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrinterMode {
    None,
    Button,
    Auto,
}

pub fn printer_mode() -> PrinterMode {
    let search = window().location().search().unwrap_or_default();
    let value = web_sys::UrlSearchParams::new_with_str(&search).ok().and_then(|params| params.get("printer"));
    match value.as_deref() {
        Some("none") => PrinterMode::None,
        Some("auto") => PrinterMode::Auto,
        _ => PrinterMode::Button,
    }
}

/// Whether this kiosk has a hand scanner for the QR codes of booking confirmations, from its
/// start URL (`/?scanner`): the reference screen then invites visitors to use it. Scans are
/// taken either way (a scanner types like a keyboard).
pub fn has_scanner() -> bool {
    let search = window().location().search().unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search).is_ok_and(|params| params.has("scanner"))
}

/// The admin console's preview (`/?preview=<concern>&language=<tag>`): the kiosk shows the
/// draft's data, opens at that concern's checklist in that language, and issues no tickets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub concern: Option<String>,
    pub language: Option<String>,
}

pub fn preview() -> Option<Preview> {
    let search = window().location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.has("preview").then(|| Preview {
        concern: params.get("preview").filter(|concern| !concern.is_empty()),
        language: params.get("language").filter(|language| !language.is_empty()),
    })
}

/// Moves the focus to `element` as a screen appears, except in the admin console's preview
/// while the admin works outside it: a `focus()` in the preview's frame takes the focus, and
/// the admin's typing, away from the console's form around it.
pub fn take_focus(element: &web_sys::HtmlElement) {
    if preview().is_some() && !document().has_focus().unwrap_or(false) {
        return;
    }
    let _ = element.focus();
}

/// No context menu, no dragging images or links away, no ctrl+wheel or ctrl+plus zoom. Text
/// selection, pinch zoom and overscroll navigation are switched off in the style sheet and by the
/// Chromium kiosk flags (docs/kiosk-device.md).
pub fn harden_kiosk() {
    // `html.kiosk` sets the kiosk's minimum text size and switches off selection and zoom.
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("kiosk");
    }
    let prevent = |event: web_sys::Event| event.prevent_default();
    let menu = window_event_listener(leptos::ev::contextmenu, move |event| prevent(event.into()));
    let drag = window_event_listener(leptos::ev::dragstart, move |event| prevent(event.into()));
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        let zoom_key = matches!(event.key().as_str(), "+" | "-" | "=" | "0");
        if (event.ctrl_key() || event.meta_key()) && zoom_key {
            event.prevent_default();
        }
    });
    // A wheel listener must be registered as not passive to be allowed to cancel the zoom.
    let wheel = Closure::<dyn Fn(web_sys::WheelEvent)>::new(|event: web_sys::WheelEvent| {
        if event.ctrl_key() {
            event.prevent_default();
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(false);
    let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
        "wheel",
        wheel.as_ref().unchecked_ref(),
        &options,
    );
    // The kiosk page lives as long as the app; this one small closure is kept for good.
    wheel.forget();
    on_cleanup(move || {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1("kiosk");
        }
        menu.remove();
        drag.remove();
        keys.remove();
    });
}

/// Registers the service worker (`/sw.js`), which keeps the app and its texts so that a kiosk
/// that restarts while the server is down shows its own outage message. A new release is
/// taken only when `between_visitors()` says nobody is using the kiosk: then the waiting worker
/// takes over and the page reloads once, so old and new files are never mixed.
pub fn keep_app_current(between_visitors: impl Fn() -> bool + 'static) {
    let Some(container) = service_workers() else { return };
    let _ = container.register("/sw.js");
    // The first worker taking control of a fresh kiosk changes nothing on screen; only a
    // switch from one release's worker to the next calls for a reload.
    let controlled = std::cell::Cell::new(container.controller().is_some());
    let reload = Closure::<dyn Fn()>::new(move || {
        if controlled.replace(true) {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let check = move || {
        if !between_visitors() {
            return;
        }
        let Some(container) = service_workers() else { return };
        leptos::task::spawn_local(async move {
            let Ok(registration) = wasm_bindgen_futures::JsFuture::from(
                container.ready().unwrap_or_else(|_| web_sys::js_sys::Promise::reject(&"no service worker".into())),
            )
            .await
            else {
                return;
            };
            let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
            // A release that arrived since the last look has been installed meanwhile.
            if let Some(waiting) = registration.waiting() {
                let _ = waiting.post_message(&"skip-waiting".into());
                return;
            }
            // Look for the next one; unreachable servers are simply tried again next time.
            if let Ok(update) = registration.update() {
                let _ = wasm_bindgen_futures::JsFuture::from(update).await;
            }
        });
    };
    let _ = set_interval_with_handle(check, std::time::Duration::from_secs(30));
}

pub(crate) fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Absent where the page is not a secure context (plain http on another host than 127.0.0.1).
    let has = web_sys::js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    has.then(|| navigator.service_worker())
}
