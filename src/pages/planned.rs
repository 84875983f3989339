use leptos::prelude::*;

use crate::i18n::I18n;
use crate::routes::Screen;

/// A screen that has its route already but is still being built.
#[component]
pub fn PlannedPage(screen: Screen) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <main class="planned">
            <h1>{move || i18n.t(screen.title_key())}</h1>
            <p>{move || i18n.t("planned-body")}</p>
            <p><a href=Screen::Kiosk.path()>{move || i18n.t("not-found-link")}</a></p>
        </main>
    }
}
