//! Appointments: the day's appointments (today in the office's time zone first) with their
//! state, a filter by state with the count of each, fixing or cancelling one, adding one,
//! importing a booking system's file and the names its services map to. Unlike the rest of
//! the console these are not part of the draft: every change takes effect at once.

pub(super) mod dates;
mod editor;
mod import;
mod services;

use leptos::prelude::*;
use willkommen_api::{self as json, AppointmentState, ConcernId};

use super::concerns::display_name;
use super::console::{Console, Notice};
use crate::api_client::admin;
use crate::clock::{OfficeClock, office_date, slot_time};
use crate::i18n::{I18n, language_info};

/// What the appointments section shows: the day, its appointments, the filter, the one being
/// added or fixed, and what the last action did.
#[derive(Clone, Copy)]
pub(super) struct Agenda {
    /// `YYYY-MM-DD`, the office's date.
    pub day: RwSignal<String>,
    /// `None` while loading, or when loading failed.
    pub appointments: RwSignal<Option<Vec<json::Appointment>>>,
    pub loading: RwSignal<bool>,
    pub filter: RwSignal<Option<AppointmentState>>,
    pub editing: RwSignal<Option<Editing>>,
    pub message: RwSignal<Option<Notice>>,
    /// The booking system's service names and their concerns, as the server last said;
    /// `None` until first needed.
    pub services: RwSignal<Option<Vec<json::ServiceMapping>>>,
    /// Each load is numbered: an older day's answer arriving after a newer one's is dropped.
    latest: StoredValue<u32>,
}

/// The appointment in the editor.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Editing {
    New,
    Fix(json::Appointment),
}

impl Agenda {
    fn new(day: String) -> Self {
        Self {
            day: RwSignal::new(day),
            appointments: RwSignal::new(None),
            loading: RwSignal::new(false),
            filter: RwSignal::new(None),
            editing: RwSignal::new(None),
            message: RwSignal::new(None),
            services: RwSignal::new(None),
            latest: StoredValue::new(0),
        }
    }

    /// Shows `day` (and loads it).
    pub fn show(&self, day: String, console: Console, i18n: I18n) {
        self.day.set(day);
        self.load(console, i18n);
    }

    /// Loads the shown day's appointments again.
    pub fn load(&self, console: Console, i18n: I18n) {
        let day = self.day.get_untracked();
        self.latest.update_value(|count| *count += 1);
        let this = self.latest.get_value();
        self.appointments.set(None);
        self.loading.set(true);
        let agenda = *self;
        // A read, not an edit: it does not wait for (or get skipped by) a save in progress.
        leptos::task::spawn_local(async move {
            let answer = admin::fetch_appointments(&day).await;
            if agenda.latest.try_get_value() != Some(this) {
                return;
            }
            agenda.loading.set(false);
            match answer {
                Ok(list) => agenda.appointments.set(Some(list)),
                Err(failure) => agenda.failed(console.describe(failure, i18n)),
            }
        });
    }

    pub fn done(&self, text: String) {
        self.message.set(Some(Notice::Done(text)));
    }

    /// A failure in words (`None`: the session lapsed, and the console asks to sign in).
    pub fn failed(&self, text: Option<String>) {
        self.message.set(text.map(Notice::Failed));
    }
}

#[component]
pub fn Appointments() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let zone = console.document.with_untracked(|d| d.as_ref().map(|d| d.time_zone.clone())).unwrap_or_default();
    let today = office_date(&web_sys::js_sys::Date::new_0(), &zone);
    let agenda = Agenda::new(today.clone());
    provide_context(agenda);
    agenda.load(console, i18n);
    let add = move |_| {
        agenda.message.set(None);
        agenda.editing.set(Some(Editing::New));
    };
    let editor = move || agenda.editing.get().map(|editing| view! { <editor::AppointmentEditor editing/> });
    let message = move || {
        agenda.message.get().map(|notice| match notice {
            Notice::Done(text) => view! { <p class="admin-done" role="status">{text}</p> }.into_any(),
            Notice::Failed(text) => view! { <p class="failure" role="alert">{text}</p> }.into_any(),
        })
    };
    view! {
        <section class="admin-appointments" aria-labelledby="appointments-heading">
            <h1 id="appointments-heading">{move || i18n.t("admin-section-appointments")}</h1>
            <p>{move || i18n.t("admin-appointments-hint")}</p>
            <DayPicker today/>
            <StateFilter/>
            <div class="admin-appointment-message">{message}</div>
            <Show when=move || agenda.editing.with(Option::is_none)>
                <button type="button" class="primary-button" on:click=add>{move || i18n.t("admin-appointment-new")}</button>
            </Show>
            {editor}
            <DayTable zone/>
            <import::Import/>
            <services::ServiceMappings/>
        </section>
    }
}

/// The day shown: a date field, the day before and after, today, and loading it again.
#[component]
fn DayPicker(today: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let agenda = expect_context::<Agenda>();
    let shift = move |by: i64| {
        if let Some(day) = dates::shift_day(&agenda.day.get_untracked(), by) {
            agenda.show(day, console, i18n);
        }
    };
    let chosen = move |event: leptos::ev::Event| {
        let day = event_target_value(&event);
        // A half-typed date is empty until it is whole.
        if dates::shift_day(&day, 0).is_some() {
            agenda.show(day, console, i18n);
        }
    };
    let is_today = {
        let today = today.clone();
        move || agenda.day.with(|day| *day == today)
    };
    view! {
        <div class="admin-day-picker">
            <button type="button" on:click=move |_| shift(-1)>
                <span aria-hidden="true">"← "</span>{move || i18n.t("admin-appointments-previous-day")}
            </button>
            <label for="appointments-day">{move || i18n.t("admin-appointments-day")}</label>
            <input id="appointments-day" type="date" required prop:value=move || agenda.day.get() on:change=chosen/>
            <button type="button" on:click=move |_| shift(1)>
                {move || i18n.t("admin-appointments-next-day")}<span aria-hidden="true">" →"</span>
            </button>
            <button type="button" disabled=is_today on:click=move |_| agenda.show(today.clone(), console, i18n)>
                {move || i18n.t("admin-appointments-today")}
            </button>
            <button type="button" on:click=move |_| agenda.load(console, i18n)>
                {move || i18n.t("admin-appointments-reload")}
            </button>
        </div>
    }
}

/// How many appointments of the day are in each state; each count is also the filter for it.
#[component]
fn StateFilter() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let agenda = expect_context::<Agenda>();
    let count = move |state: Option<AppointmentState>| {
        agenda.appointments.with(|list| {
            list.as_ref().map_or(0, |list| list.iter().filter(|a| state.is_none_or(|state| a.state == state)).count())
        })
    };
    let choices = [None]
        .into_iter()
        .chain(STATES.into_iter().map(Some))
        .map(|state| {
            let label = move || {
                let name = state.map_or_else(|| i18n.t("admin-appointments-all"), |state| i18n.t(state_key(state)));
                format!("{name}: {}", count(state))
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="admin-state-count"
                        data-state=state.map(state_name)
                        aria-pressed=move || (agenda.filter.get() == state).to_string()
                        on:click=move |_| agenda.filter.set(state)
                    >
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="admin-state-filter" role="group" aria-labelledby="state-filter-label">
            <span id="state-filter-label">{move || i18n.t("admin-appointments-filter")}</span>
            <ul>{choices}</ul>
        </div>
    }
}

/// The day's appointments (those the filter lets through), by slot.
#[component]
fn DayTable(zone: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let agenda = expect_context::<Agenda>();
    let zone = StoredValue::new(zone);
    let shown = move || {
        let filter = agenda.filter.get();
        agenda.appointments.with(|list| {
            list.iter().flatten().filter(|a| filter.is_none_or(|state| a.state == state)).cloned().collect::<Vec<_>>()
        })
    };
    let caption = move || {
        let mut args = crate::i18n::Args::new();
        args.set("day", dates::long_day(&agenda.day.get(), &i18n.language()));
        i18n.t_args("admin-appointments-caption", &args)
    };
    let empty = move || match agenda.appointments.with(|list| list.as_ref().map(Vec::len)) {
        None => None,
        Some(0) => Some(i18n.t("admin-appointments-none")),
        Some(_) if shown().is_empty() => Some(i18n.t("admin-appointments-none-in-state")),
        Some(_) => None,
    };
    view! {
        <table class="admin-table admin-appointment-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("admin-appointment-time")}</th>
                    <th scope="col">{move || i18n.t("admin-appointment-reference")}</th>
                    <th scope="col">{move || i18n.t("admin-appointment-concern")}</th>
                    <th scope="col">{move || i18n.t("admin-appointment-language")}</th>
                    <th scope="col">{move || i18n.t("admin-appointment-state")}</th>
                    <th scope="col">{move || i18n.t("admin-appointment-ticket")}</th>
                    <th scope="col">{move || i18n.t("admin-appointment-checked-in")}</th>
                    <th scope="col">{move || i18n.t("admin-appointment-late")}</th>
                    <th scope="col"><span class="visually-hidden">{move || i18n.t("admin-actions")}</span></th>
                </tr>
            </thead>
            <tbody>
                <For each=shown key=row_key let:appointment>
                    <AppointmentRow appointment zone=zone.get_value()/>
                </For>
            </tbody>
        </table>
        {move || agenda.loading.get().then(|| view! { <p role="status">{i18n.t("kiosk-loading")}</p> })}
        {move || empty().map(|text| view! { <p class="admin-appointments-empty">{text}</p> })}
    }
}

/// A row changes whenever anything shown in it does.
fn row_key(a: &json::Appointment) -> (String, String, String, Option<String>, AppointmentState, Option<String>, bool) {
    (
        a.reference.clone(),
        a.slot.clone(),
        a.concern.0.clone(),
        a.language.clone(),
        a.state,
        a.checked_in_at.clone(),
        a.late,
    )
}

#[component]
fn AppointmentRow(appointment: json::Appointment, zone: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let agenda = expect_context::<Agenda>();
    let asking = RwSignal::new(false);
    let time = slot_time(&appointment.slot).unwrap_or(&appointment.slot).to_owned();
    let concern = concern_name(console, &appointment.concern);
    let language = appointment.language.clone().map(|tag| {
        let info = language_info(&tag);
        let name = info.map_or_else(|| tag.clone(), |info| format!("{} · {}", info.endonym, info.german_name));
        view! { <span lang=tag>{name}</span> }
    });
    let checked_in = appointment.checked_in_at.as_deref().map(|at| {
        let date = web_sys::js_sys::Date::new(&at.into());
        if date.get_time().is_nan() { at.to_owned() } else { OfficeClock::default().show(&date, Some(&zone)) }
    });
    let state = appointment.state;
    let late = appointment.late;
    let ticket = appointment.ticket.as_ref().map_or_else(|| "–".to_owned(), ToString::to_string);
    let reference = appointment.reference.clone();
    // A checked-in visitor's changed time moves their call; a cancelled appointment saved
    // again is booked again; a checked-in visitor whose booking is cancelled keeps the ticket.
    let fixable = !matches!(state, AppointmentState::Called | AppointmentState::Served);
    let cancellable = matches!(state, AppointmentState::Expected | AppointmentState::CheckedIn);
    let fix = {
        let appointment = appointment.clone();
        move |_| {
            agenda.message.set(None);
            agenda.editing.set(Some(Editing::Fix(appointment.clone())));
        }
    };
    let cancel = {
        let (reference, day) = (reference.clone(), dates::slot_day(&appointment.slot).unwrap_or_default().to_owned());
        move |_| {
            let (reference, day) = (reference.clone(), day.clone());
            console.run(async move {
                match admin::cancel_appointment(&reference, &day).await {
                    Ok(cancelled) => {
                        let mut args = crate::i18n::Args::new();
                        args.set("reference", cancelled.reference.clone());
                        agenda.done(i18n.t_args("admin-appointment-cancelled", &args));
                        agenda.load(console, i18n);
                    }
                    Err(failure) => {
                        let _ = asking.try_set(false);
                        agenda.failed(console.describe(failure, i18n));
                    }
                }
            })
        }
    };
    let question = {
        let (reference, time) = (reference.clone(), time.clone());
        move || {
            let mut args = crate::i18n::Args::new();
            args.set("reference", reference.clone());
            args.set("time", time.clone());
            i18n.t_args("admin-appointment-cancel-question", &args)
        }
    };
    let actions = move || {
        if asking.get() {
            // The safe answer has the focus, each time the question is asked.
            let keep = NodeRef::<leptos::html::Button>::new();
            keep.on_load(|button| {
                let _ = button.focus();
            });
            return view! {
                <div class="admin-confirm" role="group" aria-label=question.clone()>
                    <span>{question.clone()}</span>
                    <button type="button" node_ref=keep on:click=move |_| asking.set(false)>
                        {i18n.t("admin-appointment-cancel-keep")}
                    </button>
                    <button type="button" class="primary-button danger" disabled=move || console.busy.get() on:click=cancel.clone()>
                        {i18n.t("admin-appointment-cancel-confirm")}
                    </button>
                </div>
            }
            .into_any();
        }
        let named = reference.clone();
        view! {
            {fixable.then(|| view! {
                <button type="button" on:click=fix.clone()>
                    {i18n.t("admin-appointment-fix")}<span class="visually-hidden">" "{named.clone()}</span>
                </button>
            })}
            {cancellable.then(|| view! {
                <button type="button" on:click=move |_| asking.set(true)>
                    {i18n.t("admin-appointment-cancel")}<span class="visually-hidden">" "{named.clone()}</span>
                </button>
            })}
        }
        .into_any()
    };
    view! {
        <tr data-state=state_name(state)>
            <td>{time}</td>
            <th scope="row">{appointment.reference.clone()}</th>
            <td>{concern}</td>
            <td>{language.map_or_else(|| view! { <span>{move || i18n.t("admin-appointment-no-language")}</span> }.into_any(), IntoAny::into_any)}</td>
            <td class="admin-appointment-state">{move || i18n.t(state_key(state))}</td>
            <td>{ticket}</td>
            <td>{checked_in.unwrap_or_else(|| "–".into())}</td>
            <td>{move || if late { i18n.t("admin-appointment-late-yes") } else { "–".into() }}</td>
            <td class="admin-appointment-actions">{actions}</td>
        </tr>
    }
}

/// The states in the order a day goes through them.
const STATES: [AppointmentState; 6] = [
    AppointmentState::Expected,
    AppointmentState::CheckedIn,
    AppointmentState::Called,
    AppointmentState::Served,
    AppointmentState::Missed,
    AppointmentState::Cancelled,
];

fn state_key(state: AppointmentState) -> &'static str {
    match state {
        AppointmentState::Expected => "admin-appointment-state-expected",
        AppointmentState::CheckedIn => "admin-appointment-state-checked-in",
        AppointmentState::Called => "admin-appointment-state-called",
        AppointmentState::Served => "admin-appointment-state-served",
        AppointmentState::Missed => "admin-appointment-state-missed",
        AppointmentState::Cancelled => "admin-appointment-state-cancelled",
    }
}

/// As on the wire, for styling and tests.
fn state_name(state: AppointmentState) -> &'static str {
    match state {
        AppointmentState::Expected => "expected",
        AppointmentState::CheckedIn => "checked_in",
        AppointmentState::Called => "called",
        AppointmentState::Served => "served",
        AppointmentState::Missed => "missed",
        AppointmentState::Cancelled => "cancelled",
    }
}

/// A concern's German name from the draft, or its id if the draft no longer has it.
fn concern_name(console: Console, id: &ConcernId) -> String {
    console
        .document
        .with_untracked(|d| d.as_ref().and_then(|d| d.concern(id)).map(display_name))
        .unwrap_or_else(|| id.0.clone())
}

/// The draft's concerns as the options of a choice, `selected` chosen.
fn concern_options(console: Console, selected: Option<ConcernId>) -> impl IntoView {
    console.document.with_untracked(|d| {
        d.as_ref().map(|d| {
            d.concerns
                .iter()
                .map(|concern| {
                    let chosen = selected.as_ref() == Some(&concern.id);
                    view! { <option value=concern.id.0.clone() selected=chosen>{display_name(concern)}</option> }
                })
                .collect_view()
        })
    })
}
