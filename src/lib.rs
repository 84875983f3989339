//! `willkommen`: the web app of the Willkommen welcome-office queue, a client-side Leptos app
//! compiled to WebAssembly, as two downloads from one library:
//!
//! - [`App`] (`src/main.rs`, `index.html`): what visitors see: the kiosk (`/`), the lobby call
//!   display (`/display`) and the ticket page on their phone (`/t/<ticket>`). Every kiosk
//!   downloads it at start-up, so it carries nothing else.
//! - [`OfficeApp`] (`src/bin/office.rs`, `office.html`, served under `/office/`): the staff desk
//!   (`/staff`) and the admin console (`/admin`), for the office's own PCs.
//!
//! Build and run it with `cargo xtask run`; develop with `cargo xtask dev`.

pub mod api_client;
pub mod components;
pub mod device;
pub mod i18n;
pub mod idempotency;
pub mod pages;
pub mod routes;
pub mod speech;
pub mod storage;
pub mod timing;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::i18n::I18n;
use crate::pages::{AdminPage, DisplayPage, KioskPage, NotFoundPage, StaffPage, TicketStatusPage};

/// The visitors' app: language context and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_context(I18n::new());
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFoundPage/> }>
                <Route path=path!("/") view=KioskPage/>
                <Route path=path!("/t/:id") view=TicketStatusPage/>
                <Route path=path!("/display") view=DisplayPage/>
            </Routes>
        </Router>
    }
}

/// The office's app: the staff desk and the admin console.
#[component]
pub fn OfficeApp() -> impl IntoView {
    provide_context(I18n::new());
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFoundPage/> }>
                <Route path=path!("/staff") view=StaffPage/>
                <Route path=path!("/admin") view=AdminPage/>
            </Routes>
        </Router>
    }
}
