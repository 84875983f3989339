//! The settings file (`--config FILE`): TOML whose keys are the options' names with underscores
//! (`port = 8080`, `data_dir = "/var/lib/willkommen"`). It is read with its positions, so that
//! a refusal names the line an administrator has to fix.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

/// The TOML type each setting must have in the file.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Number,
    YesNo,
}

impl Kind {
    /// How a value of this kind is written, for a refusal.
    fn expected(self) -> &'static str {
        match self {
            Self::Text => "text in quotes",
            Self::Number => "a number without quotes",
            Self::YesNo => "true or false without quotes",
        }
    }
}

/// Every key the file may have: the options, except the test-only `stop_on_stdin_eof`.
const KEYS: [(&str, Kind); 27] = [
    ("bind", Kind::Text),
    ("port", Kind::Number),
    ("data_dir", Kind::Text),
    ("dist_dir", Kind::Text),
    ("public_url", Kind::Text),
    ("database_url", Kind::Text),
    ("database_schema", Kind::Text),
    ("database_max_mb", Kind::Number),
    ("log_format", Kind::Text),
    ("log_level", Kind::Text),
    ("demo_accounts", Kind::YesNo),
    ("demo_appointments", Kind::YesNo),
    ("push_contact", Kind::Text),
    ("push_private_endpoints", Kind::YesNo),
    ("oidc_issuer", Kind::Text),
    ("oidc_client_id", Kind::Text),
    ("oidc_client_secret_file", Kind::Text),
    ("oidc_scopes", Kind::Text),
    ("oidc_roles_claim", Kind::Text),
    ("oidc_staff_groups", Kind::Text),
    ("oidc_admin_groups", Kind::Text),
    ("oidc_statistics_groups", Kind::Text),
    ("oidc_name_claim", Kind::Text),
    ("oidc_response_mode", Kind::Text),
    ("oidc_label", Kind::Text),
    ("oidc_ca_file", Kind::Text),
    ("local_sign_in", Kind::Text),
];

/// One setting as the file has it.
#[derive(Debug)]
pub struct FileValue {
    /// The value as text, for the same checks as a flag's value (a number in decimal).
    pub text: String,
    /// The value as written in the file (with quotes, if any), for messages.
    pub literal: String,
    pub line: usize,
}

/// The settings of a settings file; empty when there is none.
#[derive(Debug, Default)]
pub struct SettingsFile {
    path: PathBuf,
    values: BTreeMap<&'static str, FileValue>,
}

impl SettingsFile {
    /// Reads the file at `path`; the error is the one line to show.
    pub fn read(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("{}: cannot read the settings file: {error}", path.display()))?;
        Self::parse(path, &text)
    }

    fn parse(path: &Path, text: &str) -> Result<Self, String> {
        let at = |offset: usize| format!("{} line {}", path.display(), line_of(text, offset));
        let table = DeTable::parse(text).map_err(|error| {
            let offset = error.span().map_or(0, |span| span.start);
            format!("{}: not a valid TOML file: {}", at(offset), error.message().trim_end())
        })?;
        // In the order of the file, so the first problem reported is the first one there.
        let mut entries: Vec<_> = table.get_ref().iter().collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        let mut values = BTreeMap::new();
        for (key, value) in entries {
            let name = key.get_ref().as_ref();
            if name == "oidc_client_secret" {
                return Err(format!(
                    "{}: oidc_client_secret does not belong in the settings file: put the secret into a file of its \
                     own (oidc_client_secret_file) or into WILLKOMMEN_OIDC_CLIENT_SECRET",
                    at(key.span().start)
                ));
            }
            let Some(&(name, kind)) = KEYS.iter().find(|(known, _)| *known == name) else {
                let known: Vec<_> = KEYS.iter().map(|(known, _)| *known).collect();
                return Err(format!(
                    "{}: unknown setting {name:?} (known: {})",
                    at(key.span().start),
                    known.join(", ")
                ));
            };
            let literal = text.get(value.span()).unwrap_or_default().to_owned();
            let value_text = match (kind, value.get_ref()) {
                (Kind::Text, DeValue::String(string)) => string.to_string(),
                // Anything out of range is left as written, for the setting's own check to refuse.
                (Kind::Number, DeValue::Integer(number)) => i64::from_str_radix(number.as_str(), number.radix())
                    .map_or_else(|_| literal.clone(), |number| number.to_string()),
                (Kind::YesNo, DeValue::Boolean(yes)) => yes.to_string(),
                (kind, _) => {
                    let expected = kind.expected();
                    return Err(format!(
                        "{}: {name}: invalid value {literal}, expected {expected}",
                        at(value.span().start)
                    ));
                }
            };
            values.insert(name, FileValue { text: value_text, literal, line: line_of(text, value.span().start) });
        }
        Ok(Self { path: path.to_owned(), values })
    }

    pub fn get(&self, key: &str) -> Option<&FileValue> {
        self.values.get(key)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes().iter().take(offset).filter(|&&byte| byte == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SettingsFile, String> {
        SettingsFile::parse(Path::new("/etc/willkommen.toml"), text)
    }

    #[test]
    fn settings_are_read_with_their_lines_and_numbers_become_decimal_text() {
        let file = parse("# Berlin office\nport = 0x1F90\ndata_dir = \"/var/lib/willkommen\"\n").unwrap();

        let port = file.get("port").unwrap();
        assert_eq!((port.text.as_str(), port.literal.as_str(), port.line), ("8080", "0x1F90", 2));
        assert_eq!(file.get("data_dir").unwrap().text, "/var/lib/willkommen");
        assert_eq!(file.get("data_dir").unwrap().literal, "\"/var/lib/willkommen\"");
        assert!(file.get("bind").is_none());
    }

    #[test]
    fn an_unknown_key_is_named_with_its_line_and_the_known_ones() {
        let error = parse("port = 80\n\nprot = 8080\n").unwrap_err();

        assert!(
            error.starts_with("/etc/willkommen.toml line 3: unknown setting \"prot\" (known: bind, port,"),
            "{error}"
        );
    }

    #[test]
    fn a_value_of_the_wrong_type_is_named_with_its_key() {
        assert_eq!(
            parse("port = \"8080\"").unwrap_err(),
            "/etc/willkommen.toml line 1: port: invalid value \"8080\", expected a number without quotes"
        );
        assert_eq!(
            parse("\ndata_dir = 5").unwrap_err(),
            "/etc/willkommen.toml line 2: data_dir: invalid value 5, expected text in quotes"
        );
    }

    #[test]
    fn yes_no_settings_are_toml_booleans() {
        assert_eq!(parse("demo_accounts = false").unwrap().get("demo_accounts").unwrap().text, "false");
        assert_eq!(
            parse("demo_accounts = \"no\"").unwrap_err(),
            "/etc/willkommen.toml line 1: demo_accounts: invalid value \"no\", expected true or false without quotes"
        );
    }

    #[test]
    fn broken_toml_is_located_by_line() {
        let error = parse("port = 8080\nbind = \n").unwrap_err();

        assert!(error.starts_with("/etc/willkommen.toml line 2: not a valid TOML file:"), "{error}");
        assert!(!error.contains('\n'), "{error}");
    }

    #[test]
    fn a_section_is_an_unknown_setting() {
        let error = parse("[server]\nport = 8080\n").unwrap_err();

        assert!(error.contains("unknown setting \"server\""), "{error}");
    }
}
