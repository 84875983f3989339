//! The audit trail: who changed what, and when, newest first; filtered by person, kind of
//! change and dates.

use leptos::prelude::*;
use willkommen_api::{self as json, AuditKind};

use super::console::Console;
use super::versions::local_time;
use crate::i18n::I18n;

#[component]
pub fn AuditTrail() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let (actor, kind, since, until) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let entries = RwSignal::new(Vec::<json::AuditEntry>::new());
    let more = RwSignal::new(false);
    let loading = RwSignal::new(true);
    // Each load is numbered: an older answer arriving after a newer filter's is dropped.
    let latest = StoredValue::new(0u32);
    let load = move |before: Option<i64>| {
        let query = web_sys::UrlSearchParams::new().expect("URLSearchParams");
        for (name, value) in [("actor", actor), ("kind", kind), ("since", since), ("until", until)] {
            let value = value.get_untracked();
            if !value.trim().is_empty() {
                query.append(name, value.trim());
            }
        }
        if let Some(before) = before {
            query.append("before", &before.to_string());
        }
        let query: String = query.to_string().into();
        latest.update_value(|count| *count += 1);
        let this = latest.get_value();
        loading.set(true);
        // A read, not an edit: it does not wait for (or get skipped by) a save in progress.
        leptos::task::spawn_local(async move {
            let answer = crate::api_client::admin::fetch_audit(&query).await;
            if latest.try_get_value() != Some(this) {
                return;
            }
            loading.set(false);
            match answer {
                Ok(page) => {
                    more.set(page.len() == 100);
                    if before.is_some() {
                        entries.update(|list| list.extend(page));
                    } else {
                        entries.set(page);
                    }
                }
                Err(failure) => console.report(failure, i18n),
            }
        })
    };
    load(None);
    let filter = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        load(None);
    };
    let kinds = AuditKind::ALL
        .into_iter()
        .map(|kind| view! { <option value=kind.as_str()>{move || i18n.t(kind_label(kind))}</option> })
        .collect_view();
    view! {
        <section aria-labelledby="audit-heading">
            <h1 id="audit-heading">{move || i18n.t("admin-section-audit")}</h1>
            <form class="admin-filters" on:submit=filter>
                <div class="admin-field">
                    <label for="audit-actor">{move || i18n.t("admin-audit-actor")}</label>
                    <input id="audit-actor" bind:value=actor/>
                </div>
                <div class="admin-field">
                    <label for="audit-kind">{move || i18n.t("admin-audit-kind")}</label>
                    <select id="audit-kind" on:change=move |event| kind.set(event_target_value(&event))>
                        <option value="">{move || i18n.t("admin-audit-all")}</option>
                        {kinds}
                    </select>
                </div>
                <div class="admin-field">
                    <label for="audit-since">{move || i18n.t("admin-audit-since")}</label>
                    <input id="audit-since" type="date" bind:value=since/>
                </div>
                <div class="admin-field">
                    <label for="audit-until">{move || i18n.t("admin-audit-until")}</label>
                    <input id="audit-until" type="date" bind:value=until/>
                </div>
                <button type="submit">{move || i18n.t("admin-audit-filter")}</button>
            </form>
            <table class="admin-table admin-audit">
                <caption>{move || i18n.t("admin-audit-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("admin-audit-when")}</th>
                        <th scope="col">{move || i18n.t("admin-audit-actor")}</th>
                        <th scope="col">{move || i18n.t("admin-audit-kind")}</th>
                        <th scope="col">{move || i18n.t("admin-audit-what")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || entries.get().into_iter().map(|entry| {
                        let changes = (!entry.changes.is_empty()).then(|| view! {
                            <ul class="admin-changes">{entry.changes.iter().map(|path| view! { <li><code>{path.clone()}</code></li> }).collect_view()}</ul>
                        });
                        view! {
                            <tr>
                                <td>{local_time(&entry.at, &i18n.language_untracked())}</td>
                                <td>{entry.actor.unwrap_or_else(|| "–".into())}</td>
                                <td>{i18n.t(kind_label(entry.kind))}</td>
                                <td>{entry.summary}{changes}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {move || match (loading.get(), entries.with(Vec::is_empty)) {
                (true, _) => Some(view! { <p role="status">{i18n.t("kiosk-loading")}</p> }.into_any()),
                (false, true) => Some(view! { <p>{i18n.t("admin-audit-empty")}</p> }.into_any()),
                (false, false) => None,
            }}
            <Show when=move || more.get()>
                <button type="button" on:click=move |_| load(entries.with_untracked(|list| list.last().map(|e| e.id)))>
                    {move || i18n.t("admin-audit-older")}
                </button>
            </Show>
        </section>
    }
}

fn kind_label(kind: AuditKind) -> &'static str {
    match kind {
        AuditKind::DraftSaved => "admin-kind-draft-saved",
        AuditKind::DraftDiscarded => "admin-kind-draft-discarded",
        AuditKind::Published => "admin-kind-published",
        AuditKind::Restored => "admin-kind-restored",
        AuditKind::Imported => "admin-kind-imported",
        AuditKind::AccountCreated => "admin-kind-account-created",
        AuditKind::AccountChanged => "admin-kind-account-changed",
        AuditKind::PasswordReset => "admin-kind-password-reset",
        AuditKind::SignedIn => "admin-kind-signed-in",
        AuditKind::SignInRefused => "admin-kind-sign-in-refused",
        AuditKind::Other => "admin-kind-other",
    }
}
