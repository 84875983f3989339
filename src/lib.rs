//! `willkommen`: the web app of the Willkommen welcome-office queue, a client-side Leptos app
//! compiled to WebAssembly, as four downloads from one library, so that each device loads
//! only its own screens (see docs/size.md):
//!
//! - [`KioskApp`] (`src/main.rs`, `index.html`): the kiosk (`/`). Every kiosk downloads it at
//!   start-up, so it carries nothing else.
//! - [`PhoneApp`] (`src/bin/phone.rs`, `phone.html`, served from `/phone/`): the ticket page
//!   on the visitor's phone (`/t/<ticket>`), over mobile data.
//! - [`DisplayApp`] (`src/bin/display.rs`, `display.html`, from `/display/`): the lobby call
//!   display (`/display`).
//! - [`OfficeApp`] (`src/bin/office.rs`, `office.html`, from `/office/`): the staff desk
//!   (`/staff`) and the admin console (`/admin`), for the office's own PCs.
//!
//! Each download is one screen (or two), so none needs a client-side router: the server
//! answers each path with its app's page, and the app picks the screen from the address (the
//! table of pages and apps is `willkommen_api::Page` / `WebApp`, shared with the server).
//!
//! Where things are:
//! - `pages`: the screens, one folder per app (`kiosk/`, `staff/`, `admin/`, `display/`) and
//!   the phone's `ticket_status.rs`; shared pieces in [`components`].
//! - [`live_stream`]: every live stream of the app (`use_event_source`), reconnecting for ever.
//! - [`i18n`]: the visitor's and the clerk's language, Fluent texts from `locales/`.
//! - [`api_client`]: the calls to the queue API; the JSON types, the ticket life cycle
//!   (`TicketAction`) and the account rules come from `willkommen-api`, as the server uses them.
//! - [`speech`], `device` (kiosk hardening, printer, service worker), `storage` (what a staff PC
//!   remembers), [`clock`] (the office's time of day), [`timing`], `scan_buffer` (a hand
//!   scanner's burst, at the desk and the kiosk).
//!
//! Build and run it with `cargo xtask run`; develop with `cargo xtask dev`.

// Public only what the browser tests (tests/web.rs) reach; the rest stays private, so the
// compiler reports whatever no screen uses any more.
pub mod api_client;
pub mod clock;
pub mod components;
mod device;
mod gong;
pub mod i18n;
mod idempotency;
pub mod live_stream;
mod pages;
mod routes;
mod scan_buffer;
pub mod speech;
mod storage;
pub mod timing;
mod web_push;

use leptos::prelude::*;

use crate::i18n::I18n;
use crate::pages::{AdminPage, DisplayPage, KioskPage, NotFoundPage, StaffPage, TicketStatusPage};
use willkommen_api::{Page, ticket_id_in};

use crate::routes::current_path;

/// The kiosk (`/`), with nothing else: every kiosk downloads it at start-up.
#[component]
pub fn KioskApp() -> impl IntoView {
    // Each visitor gets their own language context (`KioskPage`).
    view! { <KioskPage/> }
}

/// The visitor's ticket page on their phone (`/t/<ticket>`); every other unknown path gets
/// the friendly not-found page from this small download too.
#[component]
pub fn PhoneApp() -> impl IntoView {
    provide_context(I18n::new());
    match ticket_id_in(&current_path()) {
        Some(id) => view! { <TicketStatusPage id=id.to_owned()/> }.into_any(),
        None => view! { <NotFoundPage/> }.into_any(),
    }
}

/// The lobby call display (`/display`).
#[component]
pub fn DisplayApp() -> impl IntoView {
    provide_context(I18n::new());
    view! { <DisplayPage/> }
}

/// The office's app: the staff desk and the admin console.
#[component]
pub fn OfficeApp() -> impl IntoView {
    provide_context(I18n::for_office());
    match Page::at(&current_path()) {
        Some(Page::Staff) => view! { <StaffPage/> }.into_any(),
        Some(Page::Admin) => view! { <AdminPage/> }.into_any(),
        _ => view! { <NotFoundPage/> }.into_any(),
    }
}
