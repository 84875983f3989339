//! Published versions (view one, restore it into the draft), and the configuration as a file:
//! export the published version, import a file into the draft. A file with problems is
//! refused whole, with every problem and where it is.

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::{self as json, ErrorCode};

use super::concerns::display_name;
use super::console::{Console, Notice};
use super::draft_bar::problem_text;
use crate::api_client::{ApiFailure, admin};
use crate::i18n::I18n;

#[component]
pub fn Versions() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let versions = RwSignal::new(Vec::<json::VersionInfo>::new());
    let shown = RwSignal::new(None::<json::Version>);
    leptos::task::spawn_local(async move {
        match admin::fetch_versions().await {
            Ok(list) => versions.set(list),
            Err(failure) => console.report(failure, i18n),
        }
    });
    let view_version = move |number: u64| {
        console.run(async move {
            match admin::fetch_version(number).await {
                Ok(version) => shown.set(Some(version)),
                Err(failure) => console.report(failure, i18n),
            }
        })
    };
    let restore = move |number: u64| {
        console.run(async move {
            match admin::restore_version(number).await {
                Ok(draft) => {
                    console.take(draft);
                    let mut args = Args::new();
                    args.set("version", number);
                    console.notice.set(Some(Notice::Done(i18n.t_args("admin-restored", &args))));
                }
                Err(failure) => console.report(failure, i18n),
            }
        })
    };
    view! {
        <section aria-labelledby="versions-heading">
            <h1 id="versions-heading">{move || i18n.t("admin-section-versions")}</h1>
            <table class="admin-table">
                <caption>{move || i18n.t("admin-versions-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("admin-version")}</th>
                        <th scope="col">{move || i18n.t("admin-published-at")}</th>
                        <th scope="col">{move || i18n.t("admin-published-by")}</th>
                        <th scope="col">{move || i18n.t("admin-note")}</th>
                        <th scope="col"><span class="visually-hidden">{move || i18n.t("admin-actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {move || versions.get().into_iter().map(|version| {
                        let number = version.version;
                        view! {
                            <tr>
                                <th scope="row">{number}</th>
                                <td>{local_time(&version.published_at, &i18n.language_untracked())}</td>
                                <td>{version.published_by.unwrap_or_else(|| "–".into())}</td>
                                <td dir="auto">{version.note}</td>
                                <td>
                                    <button type="button" on:click=move |_| view_version(number)>{i18n.t("admin-view")}" "{number}</button>
                                    <button type="button" on:click=move |_| restore(number)>{i18n.t("admin-restore")}" "{number}</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {move || shown.get().map(|version| view! { <VersionSummary version/> })}
            <ConfigurationFile/>
        </section>
    }
}

/// What a version holds, in brief.
#[component]
fn VersionSummary(version: json::Version) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let mut args = Args::new();
    args.set("version", version.info.version);
    args.set("concerns", version.document.concerns.len());
    args.set("counters", version.document.counters.len());
    args.set("languages", version.document.languages.join(", "));
    let summary = i18n.t_args("admin-version-summary", &args);
    let concerns = version
        .document
        .concerns
        .iter()
        .map(|concern| {
            let state = if concern.active { "" } else { " (–)" };
            view! { <li dir="auto">{display_name(concern)}{state}" · "{concern.checklist.len()}</li> }
        })
        .collect_view();
    view! {
        <div class="admin-group" role="region" aria-labelledby="version-summary">
            <h2 id="version-summary">{summary}</h2>
            <ol>{concerns}</ol>
        </div>
    }
}

#[component]
fn ConfigurationFile() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let problems = RwSignal::new(Vec::<json::Problem>::new());
    let file = NodeRef::<leptos::html::Input>::new();
    let import = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(chosen) = file.get_untracked().and_then(|input| input.files()).and_then(|files| files.get(0)) else {
            return;
        };
        console.run(async move {
            problems.set(Vec::new());
            let text = match wasm_bindgen_futures::JsFuture::from(chosen.text()).await {
                Ok(text) => text.as_string().unwrap_or_default(),
                Err(_) => String::new(),
            };
            match admin::import_file(text).await {
                Ok(draft) => {
                    console.take(draft);
                    console.notice.set(Some(Notice::Done(i18n.t("admin-imported"))));
                }
                Err(ApiFailure::Refused(error)) if error.code == ErrorCode::InvalidConfig => {
                    problems.set(error.problems.clone());
                    console.report(ApiFailure::Refused(error), i18n);
                }
                Err(failure) => console.report(failure, i18n),
            }
        })
    };
    let download = admin::export_url();
    view! {
        <section class="admin-group" aria-labelledby="file-heading">
            <h2 id="file-heading">{move || i18n.t("admin-file")}</h2>
            <p>{move || i18n.t("admin-file-hint")}</p>
            <p><a href=download download="">{move || i18n.t("admin-export")}</a></p>
            <form on:submit=import>
                <label for="import-file">{move || i18n.t("admin-import-file")}</label>
                <input id="import-file" type="file" accept="application/json,.json" node_ref=file required/>
                <button type="submit" disabled=move || console.busy.get()>{move || i18n.t("admin-import")}</button>
            </form>
            {move || {
                let found = problems.get();
                (!found.is_empty()).then(|| view! {
                    <ul class="admin-import-problems" aria-label=i18n.t("admin-import-problems")>
                        {found.into_iter().map(|problem| view! {
                            <li><code>{problem.path.clone()}</code>": "{problem_text(i18n, &problem)}</li>
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}

/// A stored UTC moment in the browser's local time, as the admin reads it.
pub fn local_time(utc: &str, language: &str) -> String {
    let date = web_sys::js_sys::Date::new(&utc.into());
    if date.get_time().is_nan() {
        return utc.to_owned();
    }
    let options = web_sys::js_sys::Object::new();
    for (key, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = web_sys::js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string(language, &options).as_string().unwrap_or_else(|| utc.to_owned())
}
