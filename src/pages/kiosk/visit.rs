//! One visitor's way through the kiosk: which screen they are on and what they told it. All of
//! it is forgotten when they finish, press "start over" or walk away: each visitor gets a
//! [`Visit`] of their own, made for them and dropped with their screens, and only the
//! [`Lobby`] (the office's data, whether the server answers) outlives them.

use std::collections::BTreeMap;

use leptos::prelude::*;
use willkommen_api::{self as json, Kiosk};

use crate::api_client::ApiFailure;

/// The kiosk's screens, in the order a visitor meets them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Welcome,
    Language,
    Concern,
    /// Typing or scanning the booking reference (offices that take appointments).
    Reference,
    /// The appointment found: its time and concern, and whether it can be checked in now.
    Appointment,
    Checklist,
    Summary,
    Ticket,
}

/// Where the ticket request stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Issuing {
    NotAsked,
    /// Sent; waiting for the answer (or retrying after the server could not be reached).
    Pending,
    /// The server could not be reached; the same request is retried in the background.
    Retrying,
    Failed(ApiFailure),
    Issued(json::Ticket),
}

/// Where looking up a booking reference stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    Idle,
    Pending,
    Failed(ApiFailure),
    /// Too many unknown references from this kiosk: the server takes the next one at
    /// `until` (milliseconds since the epoch).
    SlowDown {
        until: f64,
    },
}

/// What outlives the visitors: the office's data, whether the server answers, and how many
/// visitors there have been. Nothing in it is read reactively by a visitor's screens: each
/// [`Visit`] takes a copy when it starts and is told of changes. Leptos 0.8 never takes a
/// dropped screen's reactive texts off the signals they read (docs/performance.md), so a
/// long-lived signal read by every screen would keep a little of every visitor for good.
#[derive(Clone, Copy)]
pub struct Lobby {
    /// The admin console's preview of a draft: no tickets, no inactivity reset.
    pub preview: bool,
    /// The office's data; `None` until the first answer from the server.
    office: StoredValue<Option<Kiosk>>,
    /// Why the office's data could not be loaded (the last attempt), while it could not.
    office_failure: StoredValue<Option<ApiFailure>>,
    /// Counts visitors: every new value is a new visitor, with a [`Visit`] of their own.
    pub visitors: RwSignal<u64>,
    /// The visit on screen, which hears of changes to the office's data.
    current: StoredValue<Option<Visit>>,
    /// Whether the first visitor's screens may be built: once the first answer about the
    /// office's data is in ([`Lobby::open`]), so the welcome screen is built and laid out once,
    /// with the data, instead of empty and then again.
    pub opened: RwSignal<bool>,
}

impl Lobby {
    pub fn new(preview: bool) -> Self {
        Self {
            preview,
            office: StoredValue::new(None),
            office_failure: StoredValue::new(None),
            visitors: RwSignal::new(0),
            current: StoredValue::new(None),
            opened: RwSignal::new(false),
        }
    }

    /// Lets the first visitor's screens be built (see [`Lobby::opened`]).
    pub fn open(&self) {
        if !self.opened.get_untracked() {
            self.opened.set(true);
        }
    }

    /// The visit on screen, if any.
    pub fn current(&self) -> Option<Visit> {
        self.current.get_value().filter(Visit::is_current)
    }

    /// Whether nobody is using the kiosk: its welcome screen is shown.
    pub fn between_visitors(&self) -> bool {
        self.current().is_none_or(|visit| visit.step.get_untracked() == Step::Welcome)
    }

    pub fn server_reachable(&self) -> bool {
        self.office_failure.with_value(Option::is_none)
    }

    /// Takes a new version of the office's data, and tells the visit on screen.
    pub fn adopt(&self, office: Kiosk) {
        if self.office.with_value(|current| current.as_ref() == Some(&office)) {
            return;
        }
        if let Some(visit) = self.current() {
            visit.adopt(&office);
        }
        self.office.set_value(Some(office));
    }

    /// Notes whether the office's data could be loaded, and tells the visit on screen.
    pub fn set_failure(&self, failure: Option<ApiFailure>) {
        if let Some(visit) = self.current()
            && visit.office_failure.with_untracked(|current| *current != failure)
        {
            visit.office_failure.set(failure.clone());
        }
        self.office_failure.set_value(failure);
    }

    /// Starts the next visitor's visit.
    pub fn next_visitor(&self) {
        self.visitors.update(|visitors| *visitors += 1);
    }
}

/// The visitor's answers and position in the flow, plus the office's data they are based on.
/// Made by [`Visit::new`] for each visitor, inside the visitor's reactive owner: everything
/// here is disposed of with their screens.
#[derive(Clone, Copy)]
pub struct Visit {
    pub lobby: Lobby,
    /// This visitor's number ([`Lobby::visitors`]).
    pub number: u64,
    pub step: RwSignal<Step>,
    /// The screen to return to after changing the language mid-way.
    pub return_to: RwSignal<Option<Step>>,
    /// The screen after the language: the concerns, or the booking reference for a visitor
    /// who said on the welcome screen that they have an appointment.
    pub first_step: RwSignal<Step>,
    pub concern: RwSignal<Option<json::Concern>>,
    /// Checklist item id -> "I have it with me"; unanswered items are absent.
    pub answers: RwSignal<BTreeMap<String, bool>>,
    pub issuing: RwSignal<Issuing>,
    /// The booking reference as typed on the keypad: capital letters and digits.
    pub reference: RwSignal<String>,
    pub lookup: RwSignal<Lookup>,
    /// The appointment the visitor checks in for, once found. While it is set, "take a
    /// ticket" checks in for it instead of asking for a walk-in ticket.
    pub appointment: RwSignal<Option<json::AppointmentLookup>>,
    /// Set by "try again" to cut the pause before the next retry short.
    pub retry_now: RwSignal<bool>,
    pub large_text: RwSignal<bool>,
    pub high_contrast: RwSignal<bool>,
    /// A status line after printing ("your ticket is being printed").
    pub printed: RwSignal<Option<&'static str>>,
    /// The office's data as this visit knows it (the lobby's copy, kept up to date).
    pub office: RwSignal<Option<Kiosk>>,
    /// Why the office's data could not be loaded (the last attempt), while it could not.
    pub office_failure: RwSignal<Option<ApiFailure>>,
    /// Whether this visit was reported to the statistics as turned away: each visit is
    /// counted once, however often it sees why there is no ticket.
    pub turned_away: StoredValue<bool>,
}

impl Visit {
    /// The visit of the lobby's current visitor, which the lobby then keeps up to date.
    pub fn new(lobby: Lobby) -> Self {
        let visit = Self {
            lobby,
            number: lobby.visitors.get_untracked(),
            step: RwSignal::new(Step::Welcome),
            return_to: RwSignal::new(None),
            first_step: RwSignal::new(Step::Concern),
            concern: RwSignal::new(None),
            answers: RwSignal::new(BTreeMap::new()),
            issuing: RwSignal::new(Issuing::NotAsked),
            reference: RwSignal::new(String::new()),
            lookup: RwSignal::new(Lookup::Idle),
            appointment: RwSignal::new(None),
            retry_now: RwSignal::new(false),
            large_text: RwSignal::new(false),
            high_contrast: RwSignal::new(false),
            printed: RwSignal::new(None),
            office: RwSignal::new(lobby.office.get_value()),
            office_failure: RwSignal::new(lobby.office_failure.get_value()),
            turned_away: StoredValue::new(false),
        };
        lobby.current.set_value(Some(visit));
        visit
    }

    /// Whether this is the admin console's preview of a draft: no tickets, no inactivity reset.
    pub fn preview(&self) -> bool {
        self.lobby.preview
    }

    /// Whether this is still the visitor at the kiosk: an answer that comes back after they
    /// left is not theirs (and their state is gone).
    pub fn is_current(&self) -> bool {
        self.lobby.visitors.get_untracked() == self.number
    }

    /// Takes a new version of the office's data. Only a real change re-renders the screens
    /// (and so never moves the focus). The visitor's concern follows the new version, and
    /// answers about documents it no longer lists are dropped, so the ticket request matches
    /// what is published.
    fn adopt(&self, office: &Kiosk) {
        if let Some(chosen) = self.concern.get_untracked()
            && let Some(updated) = office.concerns.iter().find(|concern| concern.id == chosen.id)
        {
            if *updated != chosen {
                self.concern.set(Some(updated.clone()));
            }
            let listed = |id: &String| updated.checklist.iter().any(|item| &item.id == id);
            if self.answers.with_untracked(|answers| answers.keys().any(|id| !listed(id))) {
                self.answers.update(|answers| answers.retain(|id, _| listed(id)));
            }
        }
        self.office.set(Some(office.clone()));
    }

    /// The screen before `step`, for "back".
    pub fn previous(&self, step: Step) -> Step {
        let has_checklist =
            self.concern.with_untracked(|concern| concern.as_ref().is_some_and(|c| !c.checklist.is_empty()));
        // An appointment's checklist and summary come after the appointment screen.
        let chosen = if self.appointment.with_untracked(Option::is_some) { Step::Appointment } else { Step::Concern };
        let before_first_step = if self.offers_language_choice() { Step::Language } else { Step::Welcome };
        match step {
            Step::Welcome | Step::Language => Step::Welcome,
            Step::Concern => before_first_step,
            // Reached from the welcome screen's "I have an appointment", or from the concerns.
            Step::Reference if self.first_step.get_untracked() == Step::Reference => before_first_step,
            Step::Reference => Step::Concern,
            Step::Appointment => Step::Reference,
            Step::Checklist => chosen,
            Step::Summary if has_checklist => Step::Checklist,
            Step::Summary | Step::Ticket => chosen,
        }
    }

    pub fn offers_language_choice(&self) -> bool {
        self.office.with_untracked(|office| office.as_ref().is_some_and(|office| office.languages.len() > 1))
    }

    pub fn go(&self, step: Step) {
        self.printed.set(None);
        self.step.set(step);
    }

    pub fn back(&self) {
        if matches!(self.issuing.get_untracked(), Issuing::Pending | Issuing::Retrying) {
            return;
        }
        let step = self.step.get_untracked();
        if let (Step::Language, Some(previous)) = (step, self.return_to.get_untracked()) {
            self.return_to.set(None);
            return self.go(previous);
        }
        self.issuing.set(Issuing::NotAsked);
        self.go(self.previous(step));
    }

    /// Chooses the concern and moves on to its checklist (or straight to the summary), for a
    /// walk-in ticket.
    pub fn choose_concern(&self, concern: json::Concern) {
        let next = if concern.checklist.is_empty() { Step::Summary } else { Step::Checklist };
        self.appointment.set(None);
        self.answers.set(BTreeMap::new());
        self.issuing.set(Issuing::NotAsked);
        self.concern.set(Some(concern));
        self.go(next);
    }

    /// The office's concern with this id (the office's data is large: only it is cloned).
    pub fn office_concern(&self, id: Option<&json::ConcernId>) -> Option<json::Concern> {
        let id = id?;
        self.office.with_untracked(|office| office.as_ref()?.concerns.iter().find(|c| &c.id == id).cloned())
    }

    /// Whether the office has a concern for the information desk ("I am not sure").
    pub fn has_information_desk(&self) -> bool {
        self.office.with_untracked(|office| office.as_ref().is_some_and(|office| office.information_concern.is_some()))
    }

    /// Whether the office takes appointments (reactive).
    pub fn takes_appointments(&self) -> bool {
        self.office.with(|office| office.as_ref().is_some_and(|office| office.appointments))
    }

    /// Whether the last look at the office's data found the server out of reach (reactive).
    pub fn server_unreachable(&self) -> bool {
        self.office_failure.with(|failure| matches!(failure, Some(ApiFailure::Unreachable)))
    }

    /// Forgets everything about the visitor: the next person starts from a clean kiosk, with
    /// a visit of their own.
    pub fn forget(&self) {
        if self.is_current() {
            self.lobby.next_visitor();
        }
    }

    /// The checklist items the visitor does not have with them (unanswered counts as missing).
    pub fn missing_items(&self) -> Vec<json::ChecklistItem> {
        let answers = self.answers.get();
        self.concern
            .get()
            .map(|concern| concern.checklist.into_iter().filter(|item| answers.get(&item.id) != Some(&true)).collect())
            .unwrap_or_default()
    }
}
