//! Signing in with a staff or admin account (the staff desk and the admin console): with the
//! office's identity provider where the server has one (a link that leaves for it and comes
//! back signed in, or with the reason it did not), and with a Willkommen password.

use leptos::prelude::*;
use willkommen_api::{self as json, ErrorCode};

use crate::api_client::{self, ApiFailure};
use crate::i18n::I18n;

/// The sign-in form; `expired` says why it shows again, `on_signed_in` gets the account.
#[component]
pub fn SignIn(#[prop(into)] expired: Signal<bool>, on_signed_in: Callback<json::Me>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let methods = RwSignal::new(None::<json::SignInMethods>);
    leptos::task::spawn_local(async move {
        if let Ok(found) = api_client::fetch_sign_in_methods().await {
            let _ = methods.try_set(Some(found));
        }
    });
    // Back from the identity provider without a session: why, once.
    let came_back = StoredValue::new(came_back_refused());
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
                Err(ApiFailure::Refused(refusal)) if refusal.code == ErrorCode::Forbidden => {
                    error.set(Some(i18n.t("staff-local-sign-in-off")));
                }
                Err(failure) => error.set(Some(i18n.t(failure.message_key()))),
            }
            busy.set(false);
        });
    };
    let form = move || {
        view! {
            <form on:submit=submit>
                <label for="username">{move || i18n.t("staff-username")}</label>
                <input id="username" name="username" autocomplete="username" required bind:value=username/>
                <label for="password">{move || i18n.t("staff-password")}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required bind:value=password/>
                {move || error.get().map(|text| view! { <p class="failure" role="alert">{text}</p> })}
                <button type="submit" class="primary-button" disabled=busy>{move || i18n.t("staff-sign-in")}</button>
            </form>
        }
    };
    let admin_page = window().location().pathname().is_ok_and(|path| path.starts_with("/admin"));
    let office = move || {
        methods.get().and_then(|methods| methods.office).map(|office| {
            let start = if admin_page { office.admin_start } else { office.staff_start };
            let text = match office.label {
                Some(label) => {
                    let mut args = crate::i18n::Args::new();
                    args.set("label", label);
                    i18n.t_args("staff-office-sign-in-named", &args)
                }
                None => i18n.t("staff-office-sign-in"),
            };
            view! { <a class="primary-button staff-office-sign-in" href=start>{text}</a> }
        })
    };
    let admins_only =
        move || methods.with(|methods| methods.as_ref().is_some_and(|m| m.local == json::LocalSignIn::Admins));
    view! {
        <section class="staff-sign-in" aria-labelledby="sign-in-heading">
            <h1 id="sign-in-heading">{move || i18n.t("staff-sign-in-heading")}</h1>
            {move || expired.get().then(|| view! { <p class="notice" role="status">{move || i18n.t("staff-session-expired")}</p> })}
            {came_back.get_value().map(|(key, again)| view! {
                <p class="failure" role="alert">{move || i18n.t(key)}</p>
                {again.then(|| view! {
                    <a href=if admin_page { "/api/v1/session/oidc/start?page=admin&prompt=login" } else { "/api/v1/session/oidc/start?page=staff&prompt=login" }>
                        {move || i18n.t("staff-sign-in-someone-else")}
                    </a>
                })}
            })}
            {office}
            {move || if admins_only() {
                view! {
                    <details class="staff-break-glass">
                        <summary>{move || i18n.t("staff-local-admins-only")}</summary>
                        <p>{move || i18n.t("staff-local-admins-only-help")}</p>
                        {form()}
                    </details>
                }
                .into_any()
            } else {
                form().into_any()
            }}
        </section>
    }
}

/// The reason the identity provider's way back names (`?sign_in=…`), as a message, and
/// whether to offer signing in as someone else; taken off the address, so a reload does not
/// show it again.
fn came_back_refused() -> Option<(&'static str, bool)> {
    let location = window().location();
    let search = location.search().ok()?;
    let reason = search.trim_start_matches('?').split('&').find_map(|pair| pair.strip_prefix("sign_in="))?;
    let shown = match reason {
        "no_role" => ("staff-sign-in-no-role", true),
        "deactivated" => ("staff-sign-in-deactivated", false),
        "expired" => ("staff-sign-in-expired", false),
        "cancelled" => ("staff-sign-in-cancelled", false),
        "provider_unreachable" => ("staff-sign-in-provider-unreachable", false),
        _ => ("staff-sign-in-failed", false),
    };
    if let (Ok(path), Ok(history)) = (location.pathname(), window().history()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    Some(shown)
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
