//! The office configuration: the document administrators edit in the admin console (concerns
//! and their checklists, counters, opening hours, kiosk languages; `willkommen_api::OfficeConfig`).
//! The wire type and the rules both sides know are in `willkommen-api`; here are the rules only
//! the server can check, and reading a configuration file for import. Its versions and the
//! draft are stored by `store::office_config`.

mod import;

use willkommen_api::{self as json, OfficeConfig};

use crate::schedule::{Schedule, ScheduleError};

pub use import::read_import;

/// Every problem that stands in the way of publishing `office`: the rules of
/// [`OfficeConfig::problems`] and what only the server can check (the time zone).
pub fn publishing_problems(office: &OfficeConfig) -> Vec<json::Problem> {
    let mut problems = office.problems();
    if let Err(ScheduleError::TimeZone(zone)) = Schedule::new(&office.time_zone, &office.opening_hours, &[], 0) {
        problems.push(json::Problem {
            path: "time_zone".into(),
            kind: json::ProblemKind::UnknownReference,
            message: format!("{zone:?} is not a time zone this server knows (e.g. Europe/Berlin)"),
        });
    }
    problems
}
