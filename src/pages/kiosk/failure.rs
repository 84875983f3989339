//! Explains a failed request in the visitor's language and offers a way on.

use leptos::prelude::*;

use crate::api_client::ApiFailure;
use crate::i18n::I18n;

/// The failure's explanation with one button: "try again" when the server could not be
/// reached, "start over" when it refused. With `retrying`, it also says the kiosk keeps trying
/// by itself.
#[component]
pub fn FailurePanel(
    failure: ApiFailure,
    on_retry: impl Fn() + 'static,
    #[prop(optional)] retrying: bool,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let key = failure.message_key();
    let action = if matches!(failure, ApiFailure::Unreachable) { "action-retry" } else { "action-start-over" };
    view! {
        <div class="failure" role="alert">
            <p data-speak>{move || i18n.t(key)}</p>
            {retrying.then(|| view! { <p data-speak>{move || i18n.t("error-retrying")}</p> })}
            <button type="button" class="primary-button" on:click=move |_| on_retry()>{move || i18n.t(action)}</button>
        </div>
    }
}
