//! Importing a booking system's file (CSV or iCalendar): checked first (the server's dry run
//! says what would change, or every problem with its line), then imported. A service the
//! office has not mapped yet is mapped right here, and the file checked again.

use std::collections::BTreeMap;

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::{self as json, ConcernId, ErrorCode};

use super::dates::long_day;
use super::services::add_mappings;
use super::{Agenda, concern_options};
use crate::api_client::{ApiFailure, admin};
use crate::i18n::I18n;
use crate::pages::admin::console::Console;

/// What the last check or import of the chosen file gave.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    /// A dry run: what importing would do.
    Checked(json::ImportReport),
    Imported(json::ImportReport),
    /// The file was refused whole; nothing changed.
    Problems(Vec<json::ImportProblem>),
    Failed(String),
}

#[derive(Clone, Copy)]
struct ImportFile {
    chosen: StoredValue<Option<web_sys::File>, LocalStorage>,
    outcome: RwSignal<Option<Outcome>>,
}

impl ImportFile {
    /// Sends the chosen file, as a dry run or for real, and shows what came of it.
    async fn send(self, dry_run: bool, agenda: Agenda, console: Console, i18n: I18n) {
        let Some(file) = self.chosen.get_value() else { return };
        let outcome = match admin::import_appointments(&file, dry_run).await {
            Ok(report) if report.dry_run => Some(Outcome::Checked(report)),
            Ok(report) => {
                agenda.load(console, i18n);
                Some(Outcome::Imported(report))
            }
            Err(ApiFailure::Refused(error)) if error.code == ErrorCode::InvalidImport => {
                Some(Outcome::Problems(error.import_problems))
            }
            Err(failure) => console.describe(failure, i18n).map(Outcome::Failed),
        };
        let _ = self.outcome.try_set(outcome);
    }
}

#[component]
pub fn Import() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let agenda = expect_context::<Agenda>();
    let file = ImportFile { chosen: StoredValue::new_local(None), outcome: RwSignal::new(None) };
    provide_context(file);
    let input = NodeRef::<leptos::html::Input>::new();
    // Another file: what was said about the last one no longer holds.
    let chosen = move |_| {
        let picked = input.get_untracked().and_then(|input| input.files()).and_then(|files| files.get(0));
        file.chosen.set_value(picked);
        file.outcome.set(None);
    };
    let check = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        console.run(file.send(true, agenda, console, i18n));
    };
    view! {
        <section class="admin-group admin-appointment-import" aria-labelledby="appointment-import-heading">
            <h2 id="appointment-import-heading">{move || i18n.t("admin-appointments-import")}</h2>
            <p>{move || i18n.t("admin-appointments-import-hint")}</p>
            <form class="admin-inline-form" on:submit=check>
                <div class="admin-field">
                    <label for="appointment-file">{move || i18n.t("admin-appointments-import-file")}</label>
                    <input id="appointment-file" type="file" accept=".csv,.ics,text/csv,text/calendar" required node_ref=input on:change=chosen/>
                </div>
                <button type="submit" disabled=move || console.busy.get()>{move || i18n.t("admin-appointments-check")}</button>
            </form>
            {move || file.outcome.get().map(|outcome| match outcome {
                Outcome::Checked(report) => view! { <Report report imported=false/> }.into_any(),
                Outcome::Imported(report) => view! { <Report report imported=true/> }.into_any(),
                Outcome::Problems(problems) => view! { <Problems problems/> }.into_any(),
                Outcome::Failed(text) => view! { <p class="failure" role="alert">{text}</p> }.into_any(),
            })}
        </section>
    }
}

/// What the import would do or did, with the days the file covers (each a way to that day),
/// and after a check the button that imports.
#[component]
fn Report(report: json::ImportReport, imported: bool) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let agenda = expect_context::<Agenda>();
    let file = expect_context::<ImportFile>();
    let counted = move |key: &'static str, count: u32| {
        move || {
            let mut args = Args::new();
            args.set("count", count);
            i18n.t_args(key, &args)
        }
    };
    let days = report
        .days
        .iter()
        .map(|day| {
            let day = day.clone();
            let label = long_day(&day, &i18n.language_untracked());
            view! {
                <li><button type="button" on:click=move |_| agenda.show(day.clone(), console, i18n)>{label}</button></li>
            }
        })
        .collect_view();
    let import = move |_| console.run(file.send(false, agenda, console, i18n));
    view! {
        <div class="admin-import-report" data-outcome=if imported { "imported" } else { "checked" }>
            <p class="admin-done" role="status">
                {move || i18n.t(if imported { "admin-import-done" } else { "admin-import-would" })}
            </p>
            <ul class="admin-import-counts">
                <li>{counted("admin-import-created", report.created)}</li>
                <li>{counted("admin-import-updated", report.updated)}</li>
                <li>{counted("admin-import-cancelled", report.cancelled)}</li>
                <li>{counted("admin-import-unchanged", report.unchanged)}</li>
                <li>{counted("admin-import-kept", report.kept_checked_in)}</li>
            </ul>
            <div class="admin-import-days">
                <span id="import-days-label">{move || i18n.t("admin-import-days")}</span>
                <ul aria-labelledby="import-days-label">{days}</ul>
            </div>
            {(!imported).then(|| view! {
                <button type="button" class="primary-button" disabled=move || console.busy.get() on:click=import>
                    {move || i18n.t("admin-appointments-import-now")}
                </button>
            })}
        </div>
    }
}

/// Every problem of a refused file with its line, and the services to map.
#[component]
fn Problems(problems: Vec<json::ImportProblem>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let count = problems.len();
    let summary = move || {
        let mut args = Args::new();
        args.set("count", count);
        i18n.t_args("admin-import-refused", &args)
    };
    let mut unknown: Vec<String> = problems.iter().filter_map(|problem| problem.unknown_service.clone()).collect();
    unknown.sort();
    unknown.dedup();
    let items = problems
        .into_iter()
        .map(|problem| {
            let place = move || {
                let mut args = Args::new();
                args.set("line", problem.line);
                match &problem.field {
                    Some(field) => {
                        args.set("field", field.clone());
                        i18n.t_args("admin-import-problem-field", &args)
                    }
                    None => i18n.t_args("admin-import-problem-line", &args),
                }
            };
            view! { <li><span class="problem-place">{place}</span>": "{problem.message}</li> }
        })
        .collect_view();
    view! {
        <p class="failure" role="alert">{summary}</p>
        <ul class="admin-import-problems" aria-label=move || i18n.t("admin-import-problems")>{items}</ul>
        {(!unknown.is_empty()).then(|| view! { <MapServices services=unknown/> })}
    }
}

/// A concern for each service the file names and the office has not mapped; saved into the
/// remembered list, then the file is checked again.
#[component]
fn MapServices(services: Vec<String>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let agenda = expect_context::<Agenda>();
    let file = expect_context::<ImportFile>();
    let chosen = RwSignal::new(BTreeMap::<String, String>::new());
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let additions: Vec<json::ServiceMapping> = chosen
            .get_untracked()
            .into_iter()
            .filter(|(_, concern)| !concern.is_empty())
            .map(|(service, concern)| json::ServiceMapping { service, concern: ConcernId(concern) })
            .collect();
        console.run(async move {
            match add_mappings(agenda, additions).await {
                Ok(()) => file.send(true, agenda, console, i18n).await,
                Err(failure) => {
                    let _ = file.outcome.try_set(console.describe(failure, i18n).map(Outcome::Failed));
                }
            }
        })
    };
    let rows = services
        .into_iter()
        .enumerate()
        .map(|(at, service)| {
            let id = format!("map-service-{at}");
            let label = service.clone();
            let choose = move |event: leptos::ev::Event| {
                let concern = event_target_value(&event);
                chosen.update(|chosen| {
                    chosen.insert(service.clone(), concern);
                })
            };
            view! {
                <div class="admin-field">
                    <label for=id.clone() dir="auto">{label}</label>
                    <select id=id required on:change=choose>
                        <option value="">{move || i18n.t("admin-choose-concern")}</option>
                        {concern_options(console, None)}
                    </select>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="admin-group admin-map-services" aria-labelledby="map-services-heading" on:submit=save>
            <h3 id="map-services-heading">{move || i18n.t("admin-import-map-heading")}</h3>
            <p>{move || i18n.t("admin-import-map-hint")}</p>
            {rows}
            <button type="submit" class="primary-button" disabled=move || console.busy.get()>
                {move || i18n.t("admin-import-map-save")}
            </button>
        </form>
    }
}
