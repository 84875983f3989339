//! The staff desk (`/staff`): sign in, choose the counter, call visitors, scan their tickets and
//! see the queue. German and English, chosen per clerk.

mod camera;
mod counter_choice;
mod desk;
mod queue_overview;
mod ticket_card;

use leptos::prelude::*;
use willkommen_api::{self as json, ErrorCode};

use self::counter_choice::CounterChoice;
use self::desk::Desk;
use crate::api_client::{self, ApiFailure};
use crate::components::{SignIn, session_lapsed};
use crate::i18n::I18n;
use crate::storage;

/// The desk's state, shared by its parts. A lapsed session signs the clerk out but keeps the
/// counter and the ticket in hand, so they carry on after signing in again.
#[derive(Clone, Copy)]
pub struct StaffDesk {
    pub me: RwSignal<Option<json::Me>>,
    /// Checking the session at start; then whether it lapsed (for the sign-in message).
    pub checking: RwSignal<bool>,
    pub expired: RwSignal<bool>,
    pub counter: RwSignal<Option<json::CounterId>>,
    /// The concerns the clerk chose to serve, when not those the counter is set up for.
    pub serving: RwSignal<Option<Vec<json::ConcernId>>>,
    pub counters: RwSignal<Vec<json::Counter>>,
    /// Concern names and checklists (from the kiosk data).
    pub office: RwSignal<Option<json::Kiosk>>,
    pub current: RwSignal<Option<json::StaffTicket>>,
    /// The ticket a scan opened (or `Err` for a code that is not a ticket).
    pub scanned: RwSignal<Option<Result<json::StaffTicket, ()>>>,
    pub queue: RwSignal<Option<json::QueueView>>,
    /// A refusal or problem to show, already in words.
    pub problem: RwSignal<Option<String>>,
    pub offline: RwSignal<bool>,
    /// Take the ticket already at this counter from the next queue answer (after signing in or
    /// choosing the counter). Only then: a later answer may predate the clerk's own last action.
    pub adopt_from_queue: RwSignal<bool>,
}

impl StaffDesk {
    fn new() -> Self {
        let counter = storage::get(storage::COUNTER_KEY).map(json::CounterId);
        Self {
            me: RwSignal::new(None),
            checking: RwSignal::new(true),
            expired: RwSignal::new(false),
            serving: RwSignal::new(counter.as_ref().and_then(storage::chosen_concerns)),
            counter: RwSignal::new(counter),
            counters: RwSignal::new(Vec::new()),
            office: RwSignal::new(None),
            current: RwSignal::new(None),
            scanned: RwSignal::new(None),
            queue: RwSignal::new(None),
            problem: RwSignal::new(None),
            offline: RwSignal::new(false),
            adopt_from_queue: RwSignal::new(true),
        }
    }

    /// Turns a failed call into what the clerk sees; a lapsed session asks to sign in again.
    pub fn report(&self, failure: ApiFailure, i18n: I18n) {
        match failure {
            ApiFailure::Refused(error) if error.code == ErrorCode::NotSignedIn => {
                session_lapsed(self.me, self.expired);
            }
            ApiFailure::Unreachable => self.offline.set(true),
            ApiFailure::Refused(error) => {
                let key = match error.code {
                    ErrorCode::QueueEmpty => "staff-error-queue-empty",
                    ErrorCode::CounterBusy => "staff-error-counter-busy",
                    ErrorCode::InvalidTransition => "staff-error-invalid-transition",
                    _ => "",
                };
                let text = if key.is_empty() {
                    let mut args = crate::i18n::Args::new();
                    args.set("reason", error.message);
                    i18n.t_args("staff-error-other", &args)
                } else {
                    i18n.t(key)
                };
                self.problem.set(Some(text));
            }
            ApiFailure::BadResponse(reason) => {
                let mut args = crate::i18n::Args::new();
                args.set("reason", reason);
                self.problem.set(Some(i18n.t_args("staff-error-other", &args)));
            }
        }
    }

    /// After signing in: the clerk's language, the counters, the office data and the ticket
    /// already at this counter (after a reload or a lapsed session).
    pub fn signed_in(&self, me: json::Me, i18n: I18n) {
        let language = storage::get(&storage::language_key(&me.username)).unwrap_or_else(|| "de".into());
        self.expired.set(false);
        self.adopt_from_queue.set(true);
        let serves = me.role.serves_visitors();
        self.me.set(Some(me));
        let desk = *self;
        leptos::task::spawn_local(async move {
            i18n.switch_staff_language(&language).await;
            if !serves {
                return;
            }
            match api_client::fetch_counters().await {
                Ok(counters) => desk.counters.set(counters),
                Err(failure) => desk.report(failure, i18n),
            }
            if let Ok(office) = api_client::fetch_kiosk().await {
                desk.office.set(Some(office));
            }
            desk.refresh_queue(i18n).await;
        });
    }

    /// Reloads the queue overview, and finds the ticket in hand at this counter.
    pub async fn refresh_queue(&self, i18n: I18n) {
        match api_client::fetch_queue().await {
            Ok(queue) => {
                self.offline.set(false);
                let counter = self.counter.get_untracked();
                let here = queue.active.iter().find(|ticket| ticket.counter.is_some() && ticket.counter == counter);
                if self.adopt_from_queue.get_untracked() {
                    self.adopt_from_queue.set(false);
                    if let (true, Some(ticket)) = (self.current.with_untracked(Option::is_none), here) {
                        self.current.set(Some(ticket.clone()));
                    }
                }
                self.queue.set(Some(queue));
            }
            Err(failure) => self.report(failure, i18n),
        }
    }

    /// Sits down at `counter` serving `chosen` (remembered on this PC). The ticket in hand stays
    /// when only the concerns change.
    pub fn start_at(
        &self,
        counter: json::CounterId,
        chosen: Vec<json::ConcernId>,
        set_up: &[json::ConcernId],
        i18n: I18n,
    ) {
        storage::set(storage::COUNTER_KEY, counter.as_str());
        storage::remember_concerns(&counter, &chosen, set_up);
        self.serving.set(storage::chosen_concerns(&counter));
        if self.counter.get_untracked().as_ref() != Some(&counter) {
            self.current.set(None);
        }
        self.adopt_from_queue.set(true);
        self.counter.set(Some(counter));
        let desk = *self;
        leptos::task::spawn_local(async move { desk.refresh_queue(i18n).await });
    }

    /// The concerns this desk calls visitors for: the clerk's choice or the counter's setup.
    pub fn served_concerns(&self) -> Vec<json::ConcernId> {
        if let Some(chosen) = self.serving.get() {
            return chosen;
        }
        let counter = self.counter.get();
        self.counters.with(|counters| {
            counters.iter().find(|c| Some(&c.id) == counter.as_ref()).map(|c| c.concerns.clone()).unwrap_or_default()
        })
    }

    /// The concern's German name, for staff.
    pub fn concern_name(&self, id: &json::ConcernId) -> String {
        self.office.with(|office| {
            office
                .as_ref()
                .and_then(|office| office.concerns.iter().find(|concern| &concern.id == id))
                .and_then(|concern| concern.name.resolve(willkommen_api::SOURCE_LANGUAGE).map(str::to_owned))
                .unwrap_or_else(|| id.as_str().to_owned())
        })
    }
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let desk = StaffDesk::new();
    provide_context(desk);
    leptos::task::spawn_local(async move {
        if let Ok(me) = api_client::fetch_me().await {
            desk.signed_in(me, i18n);
        }
        desk.checking.set(false);
    });
    let screen = move || {
        if desk.checking.get() {
            return view! {
                <h1>{move || i18n.t("screen-staff")}</h1>
                <p role="status">{move || i18n.t("kiosk-loading")}</p>
            }
            .into_any();
        }
        match (desk.me.get(), desk.counter.get()) {
            (None, _) => view! {
                <SignIn expired=desk.expired on_signed_in=Callback::new(move |me| desk.signed_in(me, i18n))/>
            }
            .into_any(),
            // A statistics account calls nobody: its figures are in the admin console.
            (Some(me), _) if !me.role.serves_visitors() => view! {
                <h1>{move || i18n.t("screen-staff")}</h1>
                <p class="failure" role="alert">{move || i18n.t("staff-statistics-account")}</p>
                <p><a href=willkommen_api::Page::Admin.path()>{move || i18n.t("staff-to-statistics")}</a></p>
            }
            .into_any(),
            (Some(_), None) => view! { <CounterChoice/> }.into_any(),
            (Some(_), Some(_)) => view! { <Desk/> }.into_any(),
        }
    };
    view! {
        <div class="staff">
            {move || desk.offline.get().then(|| view! {
                <p class="staff-offline" role="status">{move || i18n.t("staff-offline")}</p>
            })}
            <main class="staff-main">{screen}</main>
        </div>
    }
}
