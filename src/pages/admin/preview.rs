//! The kiosk itself, in a frame, showing the saved draft: the concern's checklist in the
//! language being translated, right to left where it is written so. It issues no tickets.

use leptos::prelude::*;
use willkommen_api::ConcernId;

use super::console::{Console, Notice};
use crate::i18n::I18n;

#[component]
pub fn Preview(concern: ConcernId, language: RwSignal<String>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    // Bumped to load the frame again after saving.
    let reloads = RwSignal::new(0u32);
    let source = move || {
        let language = web_sys::js_sys::encode_uri_component(&language.get());
        let concern = web_sys::js_sys::encode_uri_component(&concern.0);
        format!("/?preview={concern}&language={language}&printer=none&shown={}", reloads.get())
    };
    let refresh = move |_| {
        console.run(async move {
            if !console.dirty() || console.save(i18n).await {
                reloads.update(|count| *count += 1);
                console.notice.set(Some(Notice::Done(i18n.t("admin-preview-updated"))));
            }
        })
    };
    view! {
        <aside class="admin-preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{move || i18n.t("admin-preview")}</h2>
            <p>{move || i18n.t("admin-preview-hint")}</p>
            <button type="button" on:click=refresh disabled=move || console.busy.get()>{move || i18n.t("admin-preview-refresh")}</button>
            <div class="admin-preview-frame">
                <iframe src=source title=move || i18n.t("admin-preview")></iframe>
            </div>
        </aside>
    }
}
