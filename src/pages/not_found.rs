use leptos::prelude::*;

use crate::i18n::I18n;
use willkommen_api::Page;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <main class="planned">
            <h1>{move || i18n.t("not-found-heading")}</h1>
            <p><a href=Page::Kiosk.path() rel="external">{move || i18n.t("not-found-link")}</a></p>
        </main>
    }
}
