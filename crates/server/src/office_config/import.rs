//! Reading an office configuration file for import: every problem is found and reported with
//! its path, not only the first one serde stops at, so an administrator can fix a file in one go.

use serde::de::DeserializeOwned;
use serde_json::Value;
use willkommen_api::{ConcernConfig, CounterConfig, OfficeConfig, Problem, ProblemKind};

use super::publishing_problems;

/// Fields every file must have, with whether they may be left out.
const FIELDS: [(&str, bool); 16] = [
    ("office_name", false),
    ("time_zone", false),
    ("languages", false),
    ("opening_hours", false),
    ("closed_days", false),
    ("cutoff_minutes", false),
    ("no_show_after_calls", false),
    ("retention_days", false),
    ("notify_ahead", true),
    ("inactivity", true),
    ("public_base_url", true),
    ("information_concern", true),
    ("display_info", true),
    ("appointments", true),
    ("concerns", false),
    ("counters", false),
];

/// The configuration in `bytes`, or every problem it has (nothing is changed by a bad file).
pub fn read_import(bytes: &[u8]) -> Result<OfficeConfig, Vec<Problem>> {
    let value: Value = serde_json::from_slice(bytes).map_err(|error| {
        vec![problem(
            &format!("line {}, column {}", error.line(), error.column()),
            ProblemKind::Unreadable,
            format!("not a JSON file: {error}"),
        )]
    })?;
    match serde_path_to_error::deserialize::<_, OfficeConfig>(&value) {
        Ok(config) => match publishing_problems(&config) {
            problems if problems.is_empty() => Ok(config),
            problems => Err(problems),
        },
        Err(_) => Err(every_reading_problem(&value)),
    }
}

/// When the file does not have the right shape: each field, concern and counter read on its
/// own, so that all of them are reported.
fn every_reading_problem(value: &Value) -> Vec<Problem> {
    let Value::Object(fields) = value else {
        return vec![problem("", ProblemKind::Unreadable, "the file must be one JSON object, as exported".into())];
    };
    let mut problems = Vec::new();
    for key in fields.keys() {
        if !FIELDS.iter().any(|(name, _)| name == key) {
            problems.push(problem(key, ProblemKind::UnknownField, format!("{key:?} is not a setting")));
        }
    }
    for (name, optional) in FIELDS {
        let Some(field) = fields.get(name) else {
            if !optional {
                problems.push(problem(name, ProblemKind::Missing, format!("{name} is missing")));
            }
            continue;
        };
        match name {
            "concerns" => read_each::<ConcernConfig>(name, field, &mut problems),
            "counters" => read_each::<CounterConfig>(name, field, &mut problems),
            "office_name" | "display_info" => read::<willkommen_api::LocalizedText>(name, field, &mut problems),
            "opening_hours" => read::<willkommen_api::OpeningHours>(name, field, &mut problems),
            "inactivity" => read::<willkommen_api::Inactivity>(name, field, &mut problems),
            "appointments" => read::<willkommen_api::AppointmentRules>(name, field, &mut problems),
            "languages" | "closed_days" => read::<Vec<String>>(name, field, &mut problems),
            "time_zone" => read::<String>(name, field, &mut problems),
            "public_base_url" | "information_concern" => read::<Option<String>>(name, field, &mut problems),
            _ => read::<u32>(name, field, &mut problems),
        }
    }
    problems
}

fn read<T: DeserializeOwned>(path: &str, value: &Value, problems: &mut Vec<Problem>) {
    if let Err(error) = serde_path_to_error::deserialize::<_, T>(value) {
        let inner = error.path().to_string();
        let path = match inner.as_str() {
            "." | "" => path.to_owned(),
            inner if inner.starts_with('[') => format!("{path}{inner}"),
            inner => format!("{path}.{inner}"),
        };
        let kind = if error.inner().to_string().starts_with("unknown field") {
            ProblemKind::UnknownField
        } else {
            ProblemKind::Unreadable
        };
        problems.push(problem(&path, kind, error.inner().to_string()));
    }
}

fn read_each<T: DeserializeOwned>(path: &str, value: &Value, problems: &mut Vec<Problem>) {
    match value {
        Value::Array(items) => {
            for (at, item) in items.iter().enumerate() {
                read::<T>(&format!("{path}[{at}]"), item, problems);
            }
        }
        _ => problems.push(problem(path, ProblemKind::Unreadable, "a list [...] is needed".into())),
    }
}

fn problem(path: &str, kind: ProblemKind, message: String) -> Problem {
    Problem { path: path.to_owned(), kind, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Value {
        serde_json::from_str(include_str!("../../seed/demo_office.json")).unwrap()
    }

    fn paths(result: Result<OfficeConfig, Vec<Problem>>) -> Vec<(String, ProblemKind)> {
        result.unwrap_err().into_iter().map(|problem| (problem.path, problem.kind)).collect()
    }

    #[test]
    fn an_exported_file_reads_back_as_it_was() {
        let office = read_import(include_bytes!("../../seed/demo_office.json")).unwrap();

        assert_eq!(serde_json::to_value(&office).unwrap(), demo());
    }

    #[test]
    fn every_wrongly_typed_value_is_reported_not_just_the_first() {
        let mut file = demo();
        file["retention_days"] = "thirty".into();
        file["concerns"][1]["daily_quota"] = (-5).into();
        file["concerns"][3]["checklist"][0]["required"] = "yes".into();
        file["counters"][0]["colour"] = "blue".into();
        file.as_object_mut().unwrap().remove("time_zone");

        assert_eq!(
            paths(read_import(&serde_json::to_vec(&file).unwrap())),
            [
                ("time_zone".into(), ProblemKind::Missing),
                ("retention_days".into(), ProblemKind::Unreadable),
                ("concerns[1].daily_quota".into(), ProblemKind::Unreadable),
                ("concerns[3].checklist[0].required".into(), ProblemKind::Unreadable),
                ("counters[0].colour".into(), ProblemKind::UnknownField),
            ]
        );
    }

    #[test]
    fn a_file_that_reads_but_cannot_be_published_reports_why() {
        let mut file = demo();
        file["time_zone"] = "Europe/Atlantis".into();
        file["concerns"][0]["prefix"] = file["concerns"][1]["prefix"].clone();

        assert_eq!(
            paths(read_import(&serde_json::to_vec(&file).unwrap())),
            [
                ("concerns[1].prefix".into(), ProblemKind::Duplicate),
                ("time_zone".into(), ProblemKind::UnknownReference),
            ]
        );
    }

    #[test]
    fn broken_json_is_located_by_line_and_column() {
        assert_eq!(
            paths(read_import(b"{\n  \"office_name\": }")),
            [("line 2, column 18".into(), ProblemKind::Unreadable)]
        );
    }
}
