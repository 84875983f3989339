//! The admin console (`/admin`, admin accounts only): the office's concerns and their document
//! checklists in every language, translation status, preview, settings, counters, the day's
//! appointments, accounts, versions with import and export, and the audit trail. German and
//! English, per admin.
//!
//! Edits change a working copy of the draft; "Save" stores it as the draft on the server,
//! "Publish" makes it what every kiosk shows. Appointments and accounts are not part of the
//! draft: their changes take effect at once.

mod accounts;
mod appointment_rules;
mod appointments;
mod audit;
mod concern_editor;
mod concerns;
mod console;
mod counters;
mod draft_bar;
mod fields;
mod live;
mod preview;
mod settings;
mod statistics;
mod translations;
mod versions;

use leptos::prelude::*;
use willkommen_api::Role;

pub use self::console::{Console, Section};
use self::draft_bar::DraftBar;
use crate::api_client;
use crate::components::{InterfaceLanguage, SignIn, SignedInAs};
use crate::i18n::I18n;

#[component]
pub fn AdminPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = Console::new();
    provide_context(console);
    leptos::task::spawn_local(async move {
        if let Ok(me) = api_client::fetch_me().await {
            console.signed_in(me, i18n);
        }
        console.checking.set(false);
    });
    let screen = move || {
        if console.checking.get() {
            return view! {
                <h1>{move || i18n.t("screen-admin")}</h1>
                <p role="status">{move || i18n.t("kiosk-loading")}</p>
            }
            .into_any();
        }
        match console.me.get() {
            None => view! {
                <SignIn expired=console.expired on_signed_in=Callback::new(move |me| console.signed_in(me, i18n))/>
            }
            .into_any(),
            Some(me) if Section::for_role(me.role).is_empty() => view! {
                <h1>{move || i18n.t("screen-admin")}</h1>
                <p class="failure" role="alert">{move || i18n.t("admin-not-an-admin")}</p>
                <SignOut/>
            }
            .into_any(),
            Some(_) => view! { <Workspace/> }.into_any(),
        }
    };
    view! {
        <div class="staff admin">
            <main class="staff-main">{screen}</main>
        </div>
    }
}

/// The signed-in console: header, sections, the draft's state, and the section shown.
#[component]
fn Workspace() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let section = move || match console.section.get() {
        Section::Concerns => match console.editing.get() {
            Some(concern) => view! { <concern_editor::ConcernEditor concern/> }.into_any(),
            None => view! { <concerns::ConcernList/> }.into_any(),
        },
        Section::Translations => view! { <translations::TranslationStatus/> }.into_any(),
        Section::Settings => view! { <settings::Settings/> }.into_any(),
        Section::Counters => view! { <counters::Counters/> }.into_any(),
        Section::Appointments => view! { <appointments::Appointments/> }.into_any(),
        Section::Accounts => view! { <accounts::Accounts/> }.into_any(),
        Section::Versions => view! { <versions::Versions/> }.into_any(),
        Section::Audit => view! { <audit::AuditTrail/> }.into_any(),
        Section::Statistics => view! { <statistics::Statistics/> }.into_any(),
        Section::Live => view! { <live::LiveBoard/> }.into_any(),
    };
    let role = console.me.with_untracked(|me| me.as_ref().map_or(Role::Staff, |me| me.role));
    view! {
        <Header/>
        <nav class="admin-nav" aria-label=move || i18n.t("admin-sections")>
            <ul>
                {Section::for_role(role).into_iter().map(|item| view! {
                    <li>
                        <button
                            type="button"
                            aria-current=move || (console.section.get() == item).then_some("page")
                            on:click=move |_| console.show(item)
                        >
                            {move || i18n.t(item.label())}
                        </button>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
        {(role == Role::Admin).then(|| view! { <DraftBar/> })}
        <div class="admin-section">
            {move || if !console.section.get().needs_draft() || console.document.with(Option::is_some) {
                section().into_any()
            } else {
                view! { <p role="status">{move || i18n.t("kiosk-loading")}</p> }.into_any()
            }}
        </div>
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    view! {
        <header class="staff-header">
            <p class="staff-counter-name">{move || i18n.t("screen-admin")}</p>
            <SignedInAs me=console.me/>
            <InterfaceLanguage me=console.me/>
            <SignOut/>
        </header>
    }
}

#[component]
fn SignOut() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            let at_provider = api_client::sign_out("admin").await.ok().flatten();
            console.me.set(None);
            // Signed in through the office's identity provider: sign out there too, so the
            // next person at this PC cannot get back in with one click.
            if let Some(url) = at_provider {
                let _ = window().location().assign(&url);
            }
        });
    };
    view! { <button type="button" on:click=sign_out>{move || i18n.t("staff-sign-out")}</button> }
}
