//! The office's whole configuration as one document: what administrators edit as a draft,
//! publish, restore, export and import. Never tickets, never accounts or passwords.

use serde::{Deserialize, Serialize};

use crate::{ChecklistItem, ConcernId, CounterId, Inactivity, LocalizedText, OpeningHours};

/// Everything the office is set up with. The export file is exactly this, as JSON.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeConfig {
    /// Per language; German is required.
    pub office_name: LocalizedText,
    /// IANA time zone, e.g. `Europe/Berlin`; ticket numbers restart daily there.
    pub time_zone: String,
    /// The languages the kiosk offers, in the order it shows them (BCP 47 tags).
    pub languages: Vec<String>,
    pub opening_hours: OpeningHours,
    /// Days without tickets (`YYYY-MM-DD`), e.g. public holidays.
    pub closed_days: Vec<String>,
    /// No new tickets this many minutes before closing.
    pub cutoff_minutes: u32,
    /// A recall after this many calls marks the visitor as not come.
    pub no_show_after_calls: u32,
    /// Finished tickets are deleted after this many days.
    pub retention_days: u32,
    /// A visitor who asked to be notified on their phone is told "nearly your turn" when
    /// this many people or fewer are ahead.
    #[serde(default = "default_notify_ahead")]
    pub notify_ahead: u32,
    #[serde(default = "default_inactivity")]
    pub inactivity: Inactivity,
    /// The address printed in ticket QR codes (`https://termine.example.de`); `null` uses the
    /// server's `--public-url`.
    #[serde(default)]
    pub public_base_url: Option<String>,
    /// What "I am not sure" at the kiosk leads to.
    #[serde(default)]
    pub information_concern: Option<ConcernId>,
    /// A notice on the lobby display, in German and English (it shows those two).
    #[serde(default)]
    pub display_info: LocalizedText,
    /// Whether the kiosk offers check-in for appointments, and their queue rules.
    #[serde(default)]
    pub appointments: crate::AppointmentRules,
    /// In the order the kiosk shows them.
    pub concerns: Vec<ConcernConfig>,
    pub counters: Vec<CounterConfig>,
}

fn default_inactivity() -> Inactivity {
    Inactivity { idle_seconds: 60, warning_seconds: 30 }
}

/// Three people ahead: about the time to come back from a coffee outside.
pub fn default_notify_ahead() -> u32 {
    3
}

fn active_by_default() -> bool {
    true
}

/// A concern with its checklist and the settings the kiosk does not show.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConcernConfig {
    pub id: ConcernId,
    /// One to three capital letters before the ticket number (`A 017`).
    pub prefix: String,
    /// One of [`CONCERN_ICONS`].
    pub icon: String,
    /// An inactive concern is not offered at the kiosk; its waiting tickets are still served.
    #[serde(default = "active_by_default")]
    pub active: bool,
    /// Tickets per day; `null` for no limit.
    pub daily_quota: Option<u32>,
    /// The longest wait the office aims for, in minutes; past it the live board turns red and
    /// the staff desks show a banner. `null`: no target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_wait_minutes: Option<u32>,
    pub name: LocalizedText,
    pub description: LocalizedText,
    pub checklist: Vec<ChecklistItem>,
}

/// A counter (desk) and the concerns it serves unless the clerk chooses otherwise.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CounterConfig {
    pub id: CounterId,
    /// As shown on the call display, e.g. "Schalter 3".
    pub name: String,
    pub concerns: Vec<ConcernId>,
}

/// The pictograms a concern can have; the kiosk draws each of them.
pub const CONCERN_ICONS: [&str; 12] = [
    "residence-permit",
    "blue-card",
    "work",
    "family",
    "settlement",
    "study",
    "certificate",
    "home",
    "lost-card",
    "pickup",
    "info",
    "document",
];

/// The languages the kiosk's own texts exist in; an office offers some of them.
pub const KIOSK_LANGUAGES: [&str; 12] = ["de", "de-x-ls", "en", "ar", "tr", "uk", "ru", "fa", "kmr", "pl", "ro", "ti"];

/// What is wrong with a document, and where: `path` as in the file, e.g.
/// `concerns[2].checklist[0].text.ar`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
    /// In English, with the details (the admin console words it from `kind`).
    pub message: String,
}

/// The kinds of problems, so the admin console can say them in the admin's language.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// Not valid JSON, or a value of the wrong type.
    Unreadable,
    /// A field this version does not know.
    UnknownField,
    /// A required value is missing or empty (e.g. the German text).
    Missing,
    TooLong,
    TooMany,
    /// A number outside what the office can use.
    OutOfRange,
    /// Not in the expected form (an id, a prefix, a time, a date, an address).
    InvalidFormat,
    /// The same id or prefix twice.
    Duplicate,
    /// Refers to a concern or language that does not exist.
    UnknownReference,
    #[serde(other)]
    Other,
}

/// Limits that keep the kiosk fast and its screens readable.
pub mod limits {
    pub const CONCERNS: usize = 60;
    pub const CHECKLIST_ITEMS: usize = 40;
    pub const COUNTERS: usize = 100;
    pub const CLOSED_DAYS: usize = 400;
    pub const OFFICE_NAME: usize = 120;
    pub const CONCERN_NAME: usize = 120;
    pub const CONCERN_DESCRIPTION: usize = 300;
    pub const ITEM_TEXT: usize = 200;
    pub const ITEM_HINT: usize = 500;
    pub const COUNTER_NAME: usize = 60;
    pub const ID: usize = 60;
    pub const URL: usize = 200;
    pub const DISPLAY_INFO: usize = 200;
}

impl OfficeConfig {
    /// Every problem of the document (empty when it can be published). Time zone and opening
    /// hours are only checked for their form here; the server checks them against its
    /// time-zone database.
    pub fn problems(&self) -> Vec<Problem> {
        let mut found = Problems::default();
        found.text("office_name", &self.office_name, limits::OFFICE_NAME);
        found.optional_text("display_info", &self.display_info, limits::DISPLAY_INFO);
        if self.time_zone.trim().is_empty() {
            found.add("time_zone", ProblemKind::Missing, "the time zone is missing".into());
        }
        self.check_languages(&mut found);
        self.check_schedule(&mut found);
        found.range("cutoff_minutes", self.cutoff_minutes, 0, 600);
        found.range("no_show_after_calls", self.no_show_after_calls, 1, 10);
        found.range("retention_days", self.retention_days, 1, 3650);
        found.range("notify_ahead", self.notify_ahead, 1, 50);
        found.range("inactivity.idle_seconds", self.inactivity.idle_seconds, 5, 3600);
        found.range("inactivity.warning_seconds", self.inactivity.warning_seconds, 20, 600);
        if let Some(url) = &self.public_base_url {
            let well_formed = (url.starts_with("https://") || url.starts_with("http://"))
                && url.len() <= limits::URL
                && !url.contains(|c: char| c.is_whitespace() || "<>\"'`".contains(c))
                && url.split("://").nth(1).is_some_and(|rest| !rest.is_empty());
            if !well_formed {
                found.add(
                    "public_base_url",
                    ProblemKind::InvalidFormat,
                    format!("an address like https://termine.example.de is needed, at most {} characters", limits::URL),
                );
            }
        }
        self.check_appointments(&mut found);
        self.check_concerns(&mut found);
        self.check_counters(&mut found);
        if let Some(information) = &self.information_concern
            && !self.concerns.iter().any(|concern| &concern.id == information)
        {
            found.add(
                "information_concern",
                ProblemKind::UnknownReference,
                format!("there is no concern {}", information.0),
            );
        }
        found.0
    }

    fn check_languages(&self, found: &mut Problems) {
        if self.languages.is_empty() {
            found.add("languages", ProblemKind::Missing, "the kiosk needs at least one language".into());
        }
        for (at, tag) in self.languages.iter().enumerate() {
            let path = format!("languages[{at}]");
            if !KIOSK_LANGUAGES.contains(&tag.as_str()) {
                found.add(&path, ProblemKind::UnknownReference, format!("the kiosk has no texts in {tag:?}"));
            } else if self.languages[..at].contains(tag) {
                found.add(&path, ProblemKind::Duplicate, format!("{tag} is listed twice"));
            }
        }
    }

    fn check_schedule(&self, found: &mut Problems) {
        for (day, ranges) in &self.opening_hours.0 {
            let day = serde_name(day);
            for (at, range) in ranges.iter().enumerate() {
                let path = format!("opening_hours.{day}[{at}]");
                match (minutes_of_day(&range.from), minutes_of_day(&range.to)) {
                    (Some(from), Some(to)) if from < to => {}
                    (Some(_), Some(_)) => {
                        found.add(&path, ProblemKind::InvalidFormat, "the opening must end after it starts".into());
                    }
                    _ => found.add(&path, ProblemKind::InvalidFormat, "times are written HH:MM, e.g. 08:30".into()),
                }
            }
        }
        if self.closed_days.len() > limits::CLOSED_DAYS {
            found.add("closed_days", ProblemKind::TooMany, format!("at most {} closed days", limits::CLOSED_DAYS));
        }
        for (at, day) in self.closed_days.iter().enumerate() {
            if !is_date(day) {
                found.add(
                    &format!("closed_days[{at}]"),
                    ProblemKind::InvalidFormat,
                    "dates are written YYYY-MM-DD".into(),
                );
            }
        }
    }

    fn check_appointments(&self, found: &mut Problems) {
        let rules = &self.appointments;
        found.range("appointments.check_in_opens_minutes", rules.check_in_opens_minutes, 0, 240);
        found.range("appointments.check_in_closes_minutes", rules.check_in_closes_minutes, 0, 120);
        found.range("appointments.call_ahead_minutes", rules.call_ahead_minutes, 0, 60);
        if let Some(every) = rules.walk_in_every {
            // 1 would send every call to a walk-in: appointments would never go first.
            found.range("appointments.walk_in_every", every, 2, 10);
        }
        if rules.late_arrival == crate::LateArrival::InformationDesk && self.information_concern.is_none() {
            found.add(
                "appointments.late_arrival",
                ProblemKind::Missing,
                "late arrivals go to the information desk, but no concern is the information desk".into(),
            );
        }
    }

    fn check_concerns(&self, found: &mut Problems) {
        if self.concerns.is_empty() {
            found.add("concerns", ProblemKind::Missing, "the office needs at least one concern".into());
        }
        if self.concerns.len() > limits::CONCERNS {
            found.add("concerns", ProblemKind::TooMany, format!("at most {} concerns", limits::CONCERNS));
        }
        for (at, concern) in self.concerns.iter().enumerate() {
            let path = format!("concerns[{at}]");
            found.id(&format!("{path}.id"), concern.id.as_str());
            if self.concerns[..at].iter().any(|other| other.id == concern.id) {
                found.add(&format!("{path}.id"), ProblemKind::Duplicate, format!("{} is used twice", concern.id.0));
            }
            let prefix_ok =
                (1..=3).contains(&concern.prefix.len()) && concern.prefix.bytes().all(|b| b.is_ascii_uppercase());
            if !prefix_ok {
                found.add(
                    &format!("{path}.prefix"),
                    ProblemKind::InvalidFormat,
                    "one to three capital letters A–Z".into(),
                );
            } else if self.concerns[..at].iter().any(|other| other.prefix == concern.prefix) {
                found.add(
                    &format!("{path}.prefix"),
                    ProblemKind::Duplicate,
                    format!("{} is used twice", concern.prefix),
                );
            }
            if !CONCERN_ICONS.contains(&concern.icon.as_str()) {
                found.add(
                    &format!("{path}.icon"),
                    ProblemKind::UnknownReference,
                    format!("no pictogram {:?}; one of {}", concern.icon, CONCERN_ICONS.join(", ")),
                );
            }
            if let Some(quota) = concern.daily_quota {
                found.range(&format!("{path}.daily_quota"), quota, 0, 10_000);
            }
            if let Some(target) = concern.target_wait_minutes {
                found.range(&format!("{path}.target_wait_minutes"), target, 1, 1_440);
            }
            found.text(&format!("{path}.name"), &concern.name, limits::CONCERN_NAME);
            found.optional_text(&format!("{path}.description"), &concern.description, limits::CONCERN_DESCRIPTION);
            if concern.checklist.len() > limits::CHECKLIST_ITEMS {
                found.add(
                    &format!("{path}.checklist"),
                    ProblemKind::TooMany,
                    format!("at most {} documents", limits::CHECKLIST_ITEMS),
                );
            }
            for (index, item) in concern.checklist.iter().enumerate() {
                let item_path = format!("{path}.checklist[{index}]");
                found.id(&format!("{item_path}.id"), &item.id);
                if concern.checklist[..index].iter().any(|other| other.id == item.id) {
                    found.add(&format!("{item_path}.id"), ProblemKind::Duplicate, format!("{} is used twice", item.id));
                }
                found.text(&format!("{item_path}.text"), &item.text, limits::ITEM_TEXT);
                found.optional_text(&format!("{item_path}.hint"), &item.hint, limits::ITEM_HINT);
            }
        }
    }

    fn check_counters(&self, found: &mut Problems) {
        if self.counters.len() > limits::COUNTERS {
            found.add("counters", ProblemKind::TooMany, format!("at most {} counters", limits::COUNTERS));
        }
        for (at, counter) in self.counters.iter().enumerate() {
            let path = format!("counters[{at}]");
            found.id(&format!("{path}.id"), counter.id.as_str());
            if self.counters[..at].iter().any(|other| other.id == counter.id) {
                found.add(&format!("{path}.id"), ProblemKind::Duplicate, format!("{} is used twice", counter.id.0));
            }
            let name = counter.name.trim();
            if name.is_empty() {
                found.add(&format!("{path}.name"), ProblemKind::Missing, "the counter needs a name".into());
            } else if name.chars().count() > limits::COUNTER_NAME {
                found.add(
                    &format!("{path}.name"),
                    ProblemKind::TooLong,
                    format!("at most {} characters", limits::COUNTER_NAME),
                );
            }
            for (index, concern) in counter.concerns.iter().enumerate() {
                let concern_path = format!("{path}.concerns[{index}]");
                if !self.concerns.iter().any(|known| &known.id == concern) {
                    found.add(
                        &concern_path,
                        ProblemKind::UnknownReference,
                        format!("there is no concern {}", concern.0),
                    );
                } else if counter.concerns[..index].contains(concern) {
                    found.add(&concern_path, ProblemKind::Duplicate, format!("{} is listed twice", concern.0));
                }
            }
        }
    }

    /// The concern with `id`.
    pub fn concern(&self, id: &ConcernId) -> Option<&ConcernConfig> {
        self.concerns.iter().find(|concern| &concern.id == id)
    }
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: &str, kind: ProblemKind, message: String) {
        self.0.push(Problem { path: path.to_owned(), kind, message });
    }

    fn range(&mut self, path: &str, value: u32, min: u32, max: u32) {
        if !(min..=max).contains(&value) {
            self.add(path, ProblemKind::OutOfRange, format!("{value} is not between {min} and {max}"));
        }
    }

    /// Ids appear in addresses and files: lower-case letters, digits and dashes.
    fn id(&mut self, path: &str, id: &str) {
        let well_formed = !id.is_empty()
            && id.len() <= limits::ID
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-');
        if !well_formed {
            self.add(
                path,
                ProblemKind::InvalidFormat,
                format!("ids are lower-case letters, digits and dashes, at most {} characters", limits::ID),
            );
        }
    }

    /// A text that must exist in German.
    fn text(&mut self, path: &str, text: &LocalizedText, max: usize) {
        if text.get(crate::SOURCE_LANGUAGE).is_none_or(|german| german.trim().is_empty()) {
            self.add(&format!("{path}.de"), ProblemKind::Missing, "the German text is missing".into());
        }
        self.optional_text(path, text, max);
    }

    fn optional_text(&mut self, path: &str, text: &LocalizedText, max: usize) {
        for (tag, value) in &text.0 {
            let path = format!("{path}.{tag}");
            if !KIOSK_LANGUAGES.contains(&tag.as_str()) {
                self.add(&path, ProblemKind::UnknownReference, format!("the kiosk has no language {tag:?}"));
            } else if value.chars().count() > max {
                self.add(&path, ProblemKind::TooLong, format!("{} characters; at most {max}", value.chars().count()));
            } else if value.chars().any(|c| c.is_control() && c != '\n') {
                self.add(&path, ProblemKind::InvalidFormat, "control characters are not allowed".into());
            }
        }
    }
}

fn serde_name(day: &crate::Weekday) -> &'static str {
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][day.index_from_monday()]
}

/// `"08:30"` → 510.
fn minutes_of_day(time: &str) -> Option<u32> {
    let (hours, minutes) = time.split_once(':')?;
    if hours.len() != 2 || minutes.len() != 2 {
        return None;
    }
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours <= 24 && minutes < 60 && hours * 60 + minutes <= 24 * 60).then_some(hours * 60 + minutes)
}

/// `YYYY-MM-DD` with a month and a day that can exist.
fn is_date(day: &str) -> bool {
    let parts: Vec<&str> = day.split('-').collect();
    let [year, month, day] = parts.as_slice() else { return false };
    let number = |text: &str, len| {
        (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse::<u32>().ok()).flatten()
    };
    match (number(year, 4), number(month, 2), number(day, 2)) {
        (Some(year), Some(month), Some(day)) => {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            (1..=12).contains(&month) && day >= 1 && day <= days[month as usize - 1]
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests;
