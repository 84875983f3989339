//! The demo office a fresh database starts with, so that `cargo xtask run` shows a working
//! kiosk at once. Its content (`seed/demo_office.json`) follows the documents real German
//! immigration offices ask for; it is a configuration file as the admin console exports it.

use serde::Deserialize;
use willkommen_api::{self as json, OfficeConfig};

/// The demo office and the accounts to try it with.
#[derive(Debug)]
pub struct Seed {
    pub office: OfficeConfig,
    /// Accounts to try the staff desk and admin console with; printed at start.
    pub demo_accounts: Vec<DemoAccount>,
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

impl Seed {
    /// The demo office shipped inside the server binary.
    pub fn builtin() -> Self {
        Self {
            office: serde_json::from_str(include_str!("../seed/demo_office.json"))
                .expect("seed/demo_office.json is valid (checked by the seed tests)"),
            demo_accounts: serde_json::from_str(include_str!("../seed/demo_accounts.json"))
                .expect("seed/demo_accounts.json is valid (checked by the seed tests)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_office_can_be_published_as_it_is() {
        let seed = Seed::builtin();

        assert_eq!(crate::office_config::publishing_problems(&seed.office), []);
        assert!(seed.demo_accounts.iter().any(|account| account.role == json::Role::Admin));
    }

    #[test]
    fn demo_office_has_at_least_eight_concerns_with_checklists_in_german_and_english() {
        let office = Seed::builtin().office;

        assert!(office.concerns.len() >= 8, "only {} concerns", office.concerns.len());
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
}
