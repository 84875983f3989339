//! Which screen the page's address shows. The table of pages, and which of the four downloads
//! shows each, is shared with the server: [`willkommen_api::Page`], [`willkommen_api::WebApp`].

/// The path of the page the app was opened at.
pub fn current_path() -> String {
    leptos::prelude::window().location().pathname().unwrap_or_default()
}
