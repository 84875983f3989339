//! The demo office a fresh database starts with, so that `cargo xtask run` shows a working
//! kiosk at once. Its content (`seed/demo_office.json`) follows the documents real German
//! immigration offices ask for.

use serde::Deserialize;
use willkommen_api as json;

/// An office with its settings and concerns.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoOffice {
    pub time_zone: String,
    pub office_name: json::LocalizedText,
    pub languages: Vec<String>,
    /// The demo office is open around the clock, so it can be tried at any hour.
    pub opening_hours: json::OpeningHours,
    pub closed_days: Vec<String>,
    pub cutoff_minutes: u32,
    pub no_show_after_calls: u32,
    pub retention_days: u32,
    pub concerns: Vec<SeedConcern>,
    /// What "I am not sure" at the kiosk leads to: a ticket for the information desk.
    pub information_concern: Option<json::ConcernId>,
    pub counters: Vec<SeedCounter>,
    /// Accounts to try the staff desk and admin console with; printed at start.
    pub demo_accounts: Vec<DemoAccount>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedCounter {
    pub id: String,
    pub name: String,
    pub concerns: Vec<json::ConcernId>,
}

/// A demo account with its (public, demo-only) password.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAccount {
    pub username: String,
    pub display_name: String,
    pub role: json::Role,
    pub password: String,
}

/// A concern with the settings the kiosk does not see.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedConcern {
    pub id: json::ConcernId,
    pub prefix: String,
    pub icon: String,
    /// Tickets per day; `null` for no limit.
    pub daily_quota: Option<u32>,
    pub name: json::LocalizedText,
    pub description: json::LocalizedText,
    pub checklist: Vec<json::ChecklistItem>,
}

impl DemoOffice {
    /// The demo office shipped inside the server binary.
    pub fn builtin() -> Self {
        serde_json::from_str(include_str!("../seed/demo_office.json"))
            .expect("seed/demo_office.json is valid (checked by the seed tests)")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn demo_office_has_at_least_eight_concerns_with_checklists_in_german_and_english() {
        let office = DemoOffice::builtin();

        assert!(office.concerns.len() >= 8, "only {} concerns", office.concerns.len());
        let schedule = crate::schedule::Schedule::new(
            &office.time_zone,
            &office.opening_hours,
            &office.closed_days,
            office.cutoff_minutes,
        );
        assert!(schedule.is_ok(), "{schedule:?}");
        for concern in &office.concerns {
            for language in ["de", "en"] {
                assert!(concern.name.get(language).is_some(), "{} has no {language} name", concern.id.0);
                assert!(concern.description.get(language).is_some(), "{}: no {language} description", concern.id.0);
                for item in &concern.checklist {
                    assert!(item.text.get(language).is_some(), "{}/{}: no {language} text", concern.id.0, item.id);
                }
            }
        }
        let with_checklist = office.concerns.iter().filter(|c| !c.checklist.is_empty()).count();
        assert!(with_checklist >= 8, "only {with_checklist} concerns have a checklist");
    }

    #[test]
    fn demo_office_ids_and_prefixes_are_unique() {
        let office = DemoOffice::builtin();

        let prefixes: HashSet<_> = office.concerns.iter().map(|c| &c.prefix).collect();
        let ids: HashSet<_> = office.concerns.iter().map(|c| &c.id).collect();
        assert_eq!(prefixes.len(), office.concerns.len());
        assert_eq!(ids.len(), office.concerns.len());
        for concern in &office.concerns {
            let items: HashSet<_> = concern.checklist.iter().map(|i| &i.id).collect();
            assert_eq!(items.len(), concern.checklist.len(), "{}", concern.id.0);
        }
    }
}
