//! The Statistik section: a range of office days (presets or two dates), then every table of
//! the report (`GET /api/v1/statistics`) as the server sends it, drawn generically from its
//! typed columns, with a bar chart beside the tables that read best as one (per day, per
//! hour, the distribution of waits), and each table as CSV or all as XLSX. `docs/statistics.md`
//! defines the figures; nothing in them is about one visitor or one clerk.

mod chart;
mod format;
mod range;

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::{self as json, Cell, ColumnKind, StatisticsTable};

use self::chart::{BarChart, Fill, Series};
use self::format::{Numbers, hour_span, number_cell};
use self::range::{Preset, range_problem};
use super::console::Console;
use crate::api_client::statistics;
use crate::clock::office_date;
use crate::i18n::{I18n, language_info};

/// Columns the server sends for the exports (a concern's or document's German name beside its
/// id); the console writes the name into the id's column instead, in the reader's language.
const NAME_COLUMNS: [&str; 2] = ["concern_name", "item_text"];

/// Where a report stands.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Loading,
    Failed(String),
    Report(json::StatisticsReport),
}

#[component]
pub fn Statistics() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    // Without the office's zone yet (a statistics account whose kiosk data has not arrived),
    // the PC's own date: an unknown zone falls back to it. When the zone comes, the office's
    // date may be another one (a PC on UTC just after midnight in Berlin).
    let today =
        Memo::new(move |_| office_date(&web_sys::js_sys::Date::new_0(), &console.time_zone().unwrap_or_default()));
    let (first, last) = Preset::Last30Days.range(&today.get_untracked());
    let from = RwSignal::new(first);
    let to = RwSignal::new(last);
    let shown = RwSignal::new(Shown::Loading);
    let problem = RwSignal::new(None::<&'static str>);
    // Each load is numbered: an older answer arriving after a newer range's is dropped.
    let latest = StoredValue::new(0u32);
    let load = move || {
        let (first, last) = (from.get_untracked(), to.get_untracked());
        problem.set(range_problem(&first, &last));
        if problem.get_untracked().is_some() {
            return;
        }
        latest.update_value(|count| *count += 1);
        let this = latest.get_value();
        shown.set(Shown::Loading);
        leptos::task::spawn_local(async move {
            let answer = statistics::fetch_report(&first, &last).await;
            if latest.try_get_value() != Some(this) {
                return;
            }
            match answer {
                Ok(report) => shown.set(Shown::Report(report)),
                Err(failure) => {
                    if let Some(text) = console.describe(failure, i18n) {
                        shown.set(Shown::Failed(text));
                    }
                }
            }
        });
    };
    load();
    // The default range follows the office's date once it is known, unless the reader has
    // chosen another range already.
    let ranged_on = StoredValue::new(today.get_untracked());
    Effect::new(move || {
        let now = today.get();
        let before = ranged_on.get_value();
        if now == before {
            return;
        }
        ranged_on.set_value(now.clone());
        let (old_first, old_last) = Preset::Last30Days.range(&before);
        if from.get_untracked() == old_first && to.get_untracked() == old_last {
            let (first, last) = Preset::Last30Days.range(&now);
            from.set(first);
            to.set(last);
            load();
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        load();
    };
    let presets = Preset::ALL
        .into_iter()
        .map(|preset| {
            let pressed = move || {
                let (first, last) = preset.range(&today.get());
                (from.get() == first && to.get() == last).to_string()
            };
            view! {
                <li>
                    <button type="button" class="statistics-preset" aria-pressed=pressed on:click=move |_| {
                        let (first, last) = preset.range(&today.get_untracked());
                        from.set(first);
                        to.set(last);
                        load();
                    }>{move || i18n.t(preset.label())}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="statistics" aria-labelledby="statistics-heading">
            <h1 id="statistics-heading">{move || i18n.t("admin-section-statistics")}</h1>
            <form class="statistics-controls" on:submit=submit>
                <fieldset>
                    <legend>{move || i18n.t("statistics-range")}</legend>
                    <ul class="statistics-presets">{presets}</ul>
                    <div class="statistics-dates">
                        <div class="admin-field">
                            <label for="statistics-from">{move || i18n.t("statistics-from")}</label>
                            <input id="statistics-from" type="date" required bind:value=from/>
                        </div>
                        <div class="admin-field">
                            <label for="statistics-to">{move || i18n.t("statistics-to")}</label>
                            <input id="statistics-to" type="date" required bind:value=to/>
                        </div>
                        <button type="submit" class="primary-button">{move || i18n.t("statistics-show")}</button>
                    </div>
                </fieldset>
                {move || problem.get().map(|key| view! { <p class="failure" role="alert">{i18n.t(key)}</p> })}
            </form>
            <p class="statistics-note">{move || i18n.t("statistics-privacy-note")}</p>
            // Tables and charts are written once per report; a new interface language writes
            // them again.
            {move || match (i18n.language(), shown.get()).1 {
                Shown::Loading => view! { <p role="status">{i18n.t("kiosk-loading")}</p> }.into_any(),
                Shown::Failed(text) => view! { <p class="failure" role="alert">{text}</p> }.into_any(),
                Shown::Report(report) => view! { <Report report/> }.into_any(),
            }}
        </section>
    }
}

/// A report: its range, the XLSX download, then each table with its chart.
#[component]
fn Report(report: json::StatisticsReport) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let language = i18n.language_untracked();
    let (from, to) = (report.from.clone(), report.to.clone());
    let range = {
        let language = language.clone();
        move || {
            let mut args = Args::new();
            args.set("from", short_date(&from, &language));
            args.set("to", short_date(&to, &language));
            // On the office's clock, which the server writes into the moment.
            let generated = &report.generated_at;
            let day = short_date(generated.get(..10).unwrap_or_default(), &language);
            args.set("time", format!("{day}, {}", crate::clock::slot_time(generated).unwrap_or_default()));
            i18n.t_args("statistics-shown", &args)
        }
    };
    let xlsx = statistics::xlsx_url(&report.from, &report.to);
    let tables = report
        .tables
        .into_iter()
        .map(|table| view! { <TableSection table from=report.from.clone() to=report.to.clone()/> })
        .collect_view();
    view! {
        <div class="statistics-report">
            <div class="statistics-summary">
                <p class="statistics-range-shown" role="status">{range}</p>
                <a class="button-link statistics-export" href=xlsx download="">{move || i18n.t("statistics-export-xlsx")}</a>
            </div>
            {tables}
        </div>
    }
}

/// One table: heading, CSV download, chart (for the tables that have one), the figures.
#[component]
fn TableSection(table: StatisticsTable, from: String, to: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let id = table.id.clone();
    let heading_id = format!("statistics-{id}");
    let title_key = table_label(&id);
    let title = move || title_key.map_or_else(|| id.clone(), |key| i18n.t(key));
    let csv = statistics::csv_url(&from, &to, &table.id);
    let language = i18n.language_untracked();
    let numbers = Numbers::of(&language);
    let chart = chart_of(&table, i18n, numbers);
    let shown: Vec<usize> =
        (0..table.columns.len()).filter(|at| !NAME_COLUMNS.contains(&table.columns[*at].id.as_str())).collect();
    let headings = shown
        .iter()
        .map(|at| {
            let column = &table.columns[*at];
            let text = column_label(&column.id).map_or_else(|| column.id.clone(), |key| i18n.t(key));
            view! { <th scope="col" class:number=is_number(column.kind)>{text}</th> }
        })
        .collect_view();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cells = shown
                .iter()
                .map(|at| {
                    let column = &table.columns[*at];
                    let text = cell_text(&table, row, *at, console, i18n, numbers, &language);
                    view! { <td class:number=is_number(column.kind)>{text}</td> }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let empty = table.rows.is_empty();
    let table_label_id = heading_id.clone();
    view! {
        <section class="statistics-table" data-table=table.id.clone()>
            <div class="statistics-table-head">
                <h2 id=heading_id.clone()>{title.clone()}</h2>
                <a class="button-link statistics-export" href=csv download="">
                    "CSV"<span class="visually-hidden">" "{title.clone()}</span>
                </a>
            </div>
            {chart}
            {if empty {
                view! { <p class="statistics-empty">{move || i18n.t("statistics-empty")}</p> }.into_any()
            } else {
                view! {
                    // A region of its own, focusable, so that a table wider than the screen
                    // scrolls by keyboard too.
                    <div class="statistics-scroll" role="region" tabindex="0" aria-labelledby=heading_id.clone()>
                        <table class="admin-table statistics-data" aria-labelledby=table_label_id>
                            <thead><tr>{headings}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

fn is_number(kind: ColumnKind) -> bool {
    matches!(kind, ColumnKind::Count | ColumnKind::Minutes | ColumnKind::Share | ColumnKind::Rating)
}

/// A cell as the reader reads it: numbers in their language, a concern or document by its
/// name, the words for a booking or reason, dates written out.
fn cell_text(
    table: &StatisticsTable,
    row: &[Cell],
    at: usize,
    console: Console,
    i18n: I18n,
    numbers: Numbers,
    language: &str,
) -> String {
    let column = &table.columns[at];
    let cell = &row[at];
    if let Some(text) = number_cell(column.kind, cell, numbers) {
        return text;
    }
    let text = cell.as_text().unwrap_or_default();
    let named = |name_column: &str, found: String, id: &str| {
        // The console's name, else the server's German one (a concern since removed).
        if found != id {
            return found;
        }
        table.cell(row, name_column).and_then(Cell::as_text).filter(|name| !name.is_empty()).unwrap_or(id).to_owned()
    };
    match (column.kind, column.id.as_str()) {
        (ColumnKind::Date, _) => short_date(text, language),
        (_, "concern") if text == "*" => i18n.t("statistics-all-concerns"),
        (_, "concern") => named("concern_name", console.concern_name(text, language), text),
        (_, "item") => {
            let concern = table.cell(row, "concern").and_then(Cell::as_text).unwrap_or_default();
            named("item_text", console.item_name(concern, text, language), text)
        }
        (_, "language") if text == "*" => i18n.t("statistics-all-languages"),
        (_, "language") => language_info(text).map_or_else(
            || text.to_owned(),
            |info| {
                if info.endonym == info.german_name {
                    info.endonym.to_owned()
                } else if language.starts_with("de") {
                    format!("{} · {}", info.endonym, info.german_name)
                } else {
                    format!("{} ({})", info.endonym, info.tag)
                }
            },
        ),
        (_, "booking" | "reason" | "required") => value_label(text).map_or_else(|| text.to_owned(), |key| i18n.t(key)),
        _ => text.to_owned(),
    }
}

/// The charts: issued and served per day, arrivals and the most waiting per hour (all
/// concerns), and how many waited how long.
fn chart_of(table: &StatisticsTable, i18n: I18n, numbers: Numbers) -> Option<AnyView> {
    let values = |rows: &[&Vec<Cell>], column: &str| -> Option<Vec<f64>> {
        let at = table.column(column)?;
        Some(rows.iter().map(|row| row.get(at).and_then(Cell::as_f64).unwrap_or(0.0)).collect())
    };
    let series = |label: &'static str, fill: Fill, values: Vec<f64>| Series { label: i18n.t(label), fill, values };
    let (id, caption_key, categories, series): (&'static str, &'static str, Vec<String>, Vec<Series>) =
        match table.id.as_str() {
            "days" => {
                let rows: Vec<_> = table.rows.iter().collect();
                let at = table.column("date")?;
                let categories =
                    rows.iter().map(|row| day_label(row.get(at).and_then(Cell::as_text).unwrap_or_default())).collect();
                let series = vec![
                    series("statistics-column-issued", Fill::Hatched, values(&rows, "issued")?),
                    series("statistics-column-served", Fill::Solid, values(&rows, "served")?),
                ];
                ("chart-days", "statistics-chart-days", categories, series)
            }
            "hours" => {
                let (concern, hour) = (table.column("concern")?, table.column("hour")?);
                let (arrivals, waiting) = (table.column("arrivals_per_day")?, table.column("most_waiting")?);
                // The office's usual day (6 to 18, as offices read it) and any hour outside it
                // that had visitors; hours without any are drawn as gaps.
                let mut by_hour = [(0.0, 0.0); 24];
                let mut hours = 6..=18;
                for row in table.rows.iter().filter(|row| row.get(concern).and_then(Cell::as_text) == Some("*")) {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0 to 23
                    let at = (row.get(hour).and_then(Cell::as_f64).unwrap_or_default() as usize).min(23);
                    let figure = |column: usize| row.get(column).and_then(Cell::as_f64).unwrap_or(0.0);
                    by_hour[at] = (figure(arrivals), figure(waiting));
                    hours = (*hours.start()).min(at)..=(*hours.end()).max(at);
                }
                #[allow(clippy::cast_possible_truncation)] // 0 to 23
                let categories = hours.clone().map(|at| hour_span(at as u32)).collect();
                let series = vec![
                    series(
                        "statistics-column-arrivals_per_day",
                        Fill::Hatched,
                        hours.clone().map(|at| by_hour[at].0).collect(),
                    ),
                    series("statistics-column-most_waiting", Fill::Solid, hours.map(|at| by_hour[at].1).collect()),
                ];
                ("chart-hours", "statistics-chart-hours", categories, series)
            }
            "wait_distribution" => {
                let rows: Vec<_> = table.rows.iter().collect();
                let (low, high) = (table.column("from_minutes")?, table.column("to_minutes")?);
                let bound = |row: &Vec<Cell>, at: usize| row.get(at).and_then(Cell::as_f64);
                #[allow(clippy::cast_possible_truncation)]
                let categories = rows
                    .iter()
                    .map(|row| match (bound(row, low), bound(row, high)) {
                        (Some(low), Some(high)) => format!("{}–{}", low as i64, high as i64),
                        (Some(low), None) => format!("≥ {}", low as i64),
                        _ => String::new(),
                    })
                    .collect();
                let series = vec![series("statistics-column-visitors", Fill::Solid, values(&rows, "visitors")?)];
                ("chart-waits", "statistics-chart-waits", categories, series)
            }
            _ => return None,
        };
    if categories.is_empty() {
        return None;
    }
    let caption = i18n.t(caption_key);
    let mut args = Args::new();
    args.set("title", caption.clone());
    let label = i18n.t_args("statistics-chart-label", &args);
    Some(view! { <BarChart id caption label categories series numbers/> }.into_any())
}

/// A day under a bar: `7.12.` (the table beside it writes it out).
fn day_label(day: &str) -> String {
    match (day.get(5..7).and_then(|m| m.parse::<u32>().ok()), day.get(8..10).and_then(|d| d.parse::<u32>().ok())) {
        (Some(month), Some(date)) => format!("{date}.{month}."),
        _ => day.to_owned(),
    }
}

/// An office day (`YYYY-MM-DD`) in `language`, with its weekday: "Mo., 07.12.2026".
fn short_date(day: &str, language: &str) -> String {
    let date = web_sys::js_sys::Date::new(&format!("{day}T12:00:00Z").into());
    if date.get_time().is_nan() {
        return day.to_owned();
    }
    let options = web_sys::js_sys::Object::new();
    // Noon UTC is the same date in every zone an office can be in.
    for (key, value) in
        [("weekday", "short"), ("day", "2-digit"), ("month", "2-digit"), ("year", "numeric"), ("timeZone", "UTC")]
    {
        let _ = web_sys::js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(language, &options).as_string().unwrap_or_else(|| day.to_owned())
}

/// The heading of each table the console knows (`STATISTICS_TABLES`).
fn table_label(id: &str) -> Option<&'static str> {
    Some(match id {
        "visitors" => "statistics-table-visitors",
        "waiting" => "statistics-table-waiting",
        "days" => "statistics-table-days",
        "hours" => "statistics-table-hours",
        "wait_distribution" => "statistics-table-wait_distribution",
        "languages" => "statistics-table-languages",
        "documents" => "statistics-table-documents",
        "quotas" => "statistics-table-quotas",
        "turned_away" => "statistics-table-turned_away",
        "feedback" => "statistics-table-feedback",
        _ => return None,
    })
}

/// The heading of each column (`statistics-column-{id}`); a column the console does not know
/// yet is headed by its id.
fn column_label(id: &str) -> Option<&'static str> {
    Some(match id {
        "concern" => "statistics-column-concern",
        "booking" => "statistics-column-booking",
        "issued" => "statistics-column-issued",
        "served" => "statistics-column-served",
        "no_show" => "statistics-column-no_show",
        "cancelled" => "statistics-column-cancelled",
        "transferred" => "statistics-column-transferred",
        "unserved" => "statistics-column-unserved",
        "turned_away" => "statistics-column-turned_away",
        "complete_documents" => "statistics-column-complete_documents",
        "waited" => "statistics-column-waited",
        "wait_mean" => "statistics-column-wait_mean",
        "wait_median" => "statistics-column-wait_median",
        "wait_p90" => "statistics-column-wait_p90",
        "wait_max" => "statistics-column-wait_max",
        "walk_mean" => "statistics-column-walk_mean",
        "served_timed" => "statistics-column-served_timed",
        "service_mean" => "statistics-column-service_mean",
        "service_median" => "statistics-column-service_median",
        "estimated" => "statistics-column-estimated",
        "estimate_within" => "statistics-column-estimate_within",
        "estimate_error_mean" => "statistics-column-estimate_error_mean",
        "date" => "statistics-column-date",
        "hour" => "statistics-column-hour",
        "arrivals" => "statistics-column-arrivals",
        "arrivals_per_day" => "statistics-column-arrivals_per_day",
        "most_waiting" => "statistics-column-most_waiting",
        "from_minutes" => "statistics-column-from_minutes",
        "to_minutes" => "statistics-column-to_minutes",
        "visitors" => "statistics-column-visitors",
        "share" => "statistics-column-share",
        "language" => "statistics-column-language",
        "item" => "statistics-column-item",
        "required" => "statistics-column-required",
        "asked" => "statistics-column-asked",
        "missing" => "statistics-column-missing",
        "missing_share" => "statistics-column-missing_share",
        "quota" => "statistics-column-quota",
        "ran_out_at" => "statistics-column-ran_out_at",
        "reason" => "statistics-column-reason",
        "answers" => "statistics-column-answers",
        "rating_mean" => "statistics-column-rating_mean",
        "rating_1" => "statistics-column-rating_1",
        "rating_2" => "statistics-column-rating_2",
        "rating_3" => "statistics-column-rating_3",
        "rating_4" => "statistics-column-rating_4",
        "rating_5" => "statistics-column-rating_5",
        "waited_long" => "statistics-column-waited_long",
        "explained_well" => "statistics-column-explained_well",
        "knew_documents" => "statistics-column-knew_documents",
        "understood" => "statistics-column-understood",
        "friendly" => "statistics-column-friendly",
        _ => return None,
    })
}

/// The words for the fixed values of the `booking`, `reason` and `required` columns.
fn value_label(value: &str) -> Option<&'static str> {
    Some(match value {
        "all" => "statistics-booking-all",
        "walk_in" => "statistics-booking-walk_in",
        "appointment" => "statistics-booking-appointment",
        "quota" => "statistics-reason-quota",
        "closed" => "statistics-reason-closed",
        "cut_off" => "statistics-reason-cut_off",
        "yes" => "statistics-yes",
        "no" => "statistics-no",
        _ => return None,
    })
}
