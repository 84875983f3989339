//! Signing in with a staff or admin account (the staff desk and the admin console).

use leptos::prelude::*;
use willkommen_api::{self as json, ErrorCode};

use crate::api_client::{self, ApiFailure};
use crate::i18n::I18n;

/// The sign-in form; `expired` says why it shows again, `on_signed_in` gets the account.
#[component]
pub fn SignIn(#[prop(into)] expired: Signal<bool>, on_signed_in: Callback<json::Me>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let login = json::Login { username: username.get_untracked(), password: password.get_untracked() };
        leptos::task::spawn_local(async move {
            match api_client::sign_in(&login).await {
                Ok(me) => {
                    password.set(String::new());
                    error.set(None);
                    on_signed_in.run(me);
                }
                Err(ApiFailure::Refused(refusal)) if refusal.code == ErrorCode::InvalidCredentials => {
                    error.set(Some(i18n.t("staff-invalid-credentials")));
                }
                Err(ApiFailure::Refused(refusal)) if refusal.code == ErrorCode::TooManyAttempts => {
                    error.set(Some(i18n.t("staff-too-many-attempts")));
                }
                Err(failure) => error.set(Some(i18n.t(failure.message_key()))),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="staff-sign-in" aria-labelledby="sign-in-heading">
            <h1 id="sign-in-heading">{move || i18n.t("staff-sign-in-heading")}</h1>
            {move || expired.get().then(|| view! { <p class="notice" role="status">{move || i18n.t("staff-session-expired")}</p> })}
            <form on:submit=submit>
                <label for="username">{move || i18n.t("staff-username")}</label>
                <input id="username" name="username" autocomplete="username" required bind:value=username/>
                <label for="password">{move || i18n.t("staff-password")}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required bind:value=password/>
                {move || error.get().map(|text| view! { <p class="failure" role="alert">{text}</p> })}
                <button type="submit" class="primary-button" disabled=busy>{move || i18n.t("staff-sign-in")}</button>
            </form>
        </section>
    }
}

/// Signs the screen out after a request was refused for want of a session, once the server
/// confirms the session is gone. The refusal may answer a request sent before the person
/// signed in again; without the check it would sign them straight out of their new session.
pub fn session_lapsed(me: RwSignal<Option<json::Me>>, expired: RwSignal<bool>) {
    if me.with_untracked(Option::is_none) {
        return;
    }
    leptos::task::spawn_local(async move {
        let gone = matches!(
            api_client::fetch_me().await,
            Err(ApiFailure::Refused(refusal)) if refusal.code == ErrorCode::NotSignedIn
        );
        if gone && me.with_untracked(Option::is_some) {
            expired.set(true);
            me.set(None);
        }
    });
}
