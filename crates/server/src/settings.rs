//! The server's settings, from (strongest first) command-line flags, `WILLKOMMEN_*`
//! environment variables, the settings file (`--config`, TOML) and built-in defaults.
//!
//! These are the *server's* settings (where it listens, where its data lives, how it logs).
//! The office's own rules (concerns, checklists, opening hours) are the *office
//! configuration*, edited in the admin console: see `office_config`.

mod file;
mod flags;
mod oidc;
mod values;

pub use oidc::{ClientSecret, LocalSignIn, OidcSettings, ResponseMode};

use std::ffi::OsString;
use std::net::IpAddr;
use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Subcommand, ValueEnum};

use file::SettingsFile;
use flags::Flags;

/// What the server runs with, whichever layer each setting came from.
#[derive(Clone, Debug)]
pub struct Settings {
    pub bind: IpAddr,
    pub port: u16,
    pub data_dir: PathBuf,
    pub dist_dir: PathBuf,
    /// Where visitors' phones reach the server, without a trailing slash.
    pub public_url: Option<String>,
    pub stop_on_stdin_eof: bool,
    pub command: Option<Command>,
    /// A `postgres://` URL; `None` means the embedded SQLite database in `data_dir`.
    pub database_url: Option<String>,
    /// The PostgreSQL schema of this office's tables (`public` unless set).
    pub database_schema: String,
    pub log_format: LogFormat,
    /// A `tracing` filter directive; `RUST_LOG` overrides it.
    pub log_level: String,
    /// Whether a new database gets the demo sign-ins with their published passwords.
    pub demo_accounts: bool,
    /// Whether to book demo appointments for today at start, to try check-in at the kiosk.
    pub demo_appointments: bool,
    /// The largest the SQLite database may grow, in MB; `None` is no limit but the disk's.
    pub database_max_mb: Option<u32>,
    /// The VAPID contact for push services (`mailto:` or `https:`).
    pub push_contact: Option<String>,
    /// Whether pushes may go to local and private addresses over http (tests only).
    pub push_private_endpoints: bool,
    /// Signing staff in with the office's identity provider; `None`: own accounts only.
    pub oidc: Option<OidcSettings>,
    /// Who may sign in with a Willkommen password.
    pub local_sign_in: LocalSignIn,
}

/// How log lines are written to stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Tasks other than serving.
#[derive(Clone, Debug, Subcommand)]
pub enum Command {
    /// Create a staff or admin account, or set a new password for an existing one. The
    /// password is read from the first line of standard input, or from WILLKOMMEN_PASSWORD;
    /// never from the command line, where other users of the machine could see it.
    Account {
        /// The sign-in name.
        #[arg(long)]
        username: String,
        /// The name shown to colleagues (default: the username).
        #[arg(long)]
        display_name: Option<String>,
        #[arg(long, value_enum, default_value_t = RoleArg::Staff)]
        role: RoleArg,
    },
    /// Copy the SQLite database to FILE while the server keeps serving: one consistent
    /// snapshot, checked after writing. To restore, stop the server and put the copy in place
    /// of data_dir/willkommen.db (see docs/deployment.md). With PostgreSQL, use pg_dump.
    Backup {
        /// The file to write; it must not exist yet.
        #[arg(long)]
        to: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Staff,
    Admin,
    /// Reads the statistics and the live board only (a head of office).
    Statistics,
}

impl From<RoleArg> for willkommen_api::Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Staff => Self::Staff,
            RoleArg::Admin => Self::Admin,
            RoleArg::Statistics => Self::Statistics,
        }
    }
}

/// Why the server cannot start with the settings it was given.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// Flags clap refused, or `--help` / `--version` (which clap prints itself, see
    /// [`clap::Error::exit`]).
    #[error("{}", first_line_of(.0))]
    CommandLine(#[from] clap::Error),
    /// A bad value or file, described in one line naming the setting and where it came from.
    #[error("{0}")]
    Invalid(String),
}

/// clap's first line names the problem; the usage block after it would bury it.
fn first_line_of(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let line = rendered.lines().next().unwrap_or("invalid arguments");
    line.strip_prefix("error: ").unwrap_or(line).to_owned()
}

impl Settings {
    /// The settings of this process: its arguments, environment and settings file.
    pub fn load() -> Result<Self, SettingsError> {
        Self::load_from(std::env::args_os())
    }

    /// Like [`Settings::load`], with these arguments (the first is the program's name).
    pub fn load_from<I, T>(args: I) -> Result<Self, SettingsError>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let matches = Flags::command().try_get_matches_from(args)?;
        let flags = Flags::from_arg_matches(&matches)?;
        let file = match &flags.settings_file {
            Some(path) => SettingsFile::read(path).map_err(SettingsError::Invalid)?,
            None => SettingsFile::default(),
        };
        let layers = Layers { matches: &matches, file: &file };
        let database_url = layers.resolve("database_url", flags.database_url.as_deref(), values::database_url)?;
        let database_schema = layers.resolve("database_schema", Some(&flags.database_schema), values::schema)?;
        let database_max_mb = layers.resolve("database_max_mb", flags.database_max_mb.as_deref(), values::megabytes)?;
        if let (Some(_), Some(Resolved { set_by: Some(origin), .. })) = (&database_url, &database_max_mb) {
            return Err(SettingsError::Invalid(format!(
                "database_max_mb is set ({origin}) but so is database_url: the limit only applies to SQLite"
            )));
        }
        if let (None, Some(schema)) = (&database_url, &database_schema)
            && let Some(origin) = &schema.set_by
        {
            return Err(SettingsError::Invalid(format!(
                "database_schema is set ({origin}) but database_url is not: a schema only applies to PostgreSQL"
            )));
        }
        let public_url =
            layers.resolve("public_url", flags.public_url.as_deref(), values::public_url)?.map(|r| r.value);
        let bind = layers.required("bind", &flags.bind, values::bind)?;
        let port = layers.required("port", &flags.port, values::port)?;
        // Where the provider sends the browser back: the public URL, else this address.
        let reached_at =
            public_url.clone().unwrap_or_else(|| format!("http://{}", std::net::SocketAddr::new(bind, port)));
        let secret_variable = std::env::var(oidc::CLIENT_SECRET_VARIABLE).ok();
        let oidc = oidc::resolve(&layers, &flags, &reached_at, secret_variable)?;
        let local_sign_in = layers.required("local_sign_in", &flags.local_sign_in, oidc::local_sign_in)?;
        if local_sign_in == LocalSignIn::Admins && oidc.is_none() {
            return Err(SettingsError::Invalid(
                "local_sign_in is admins but oidc_issuer is not set: nobody but admins could sign in".into(),
            ));
        }
        Ok(Self {
            bind,
            port,
            data_dir: layers.required("data_dir", &flags.data_dir, values::folder)?,
            dist_dir: layers.required("dist_dir", &flags.dist_dir, values::folder)?,
            public_url,
            stop_on_stdin_eof: flags.stop_on_stdin_eof,
            command: flags.command,
            database_url: database_url.map(|resolved| resolved.value),
            database_schema: database_schema.map_or_else(|| "public".to_owned(), |resolved| resolved.value),
            log_format: layers.required("log_format", &flags.log_format, values::log_format)?,
            log_level: layers.required("log_level", &flags.log_level, values::log_level)?,
            demo_accounts: layers.required("demo_accounts", &flags.demo_accounts, values::yes_no)?,
            demo_appointments: layers.required("demo_appointments", &flags.demo_appointments, values::yes_no)?,
            database_max_mb: database_max_mb.map(|resolved| resolved.value),
            push_contact: layers
                .resolve("push_contact", flags.push_contact.as_deref(), values::push_contact)?
                .map(|r| r.value),
            push_private_endpoints: layers.required(
                "push_private_endpoints",
                &flags.push_private_endpoints,
                values::yes_no,
            )?,
            oidc,
            local_sign_in,
        })
    }
}

/// A setting's value and, unless it is the default, where it was set.
struct Resolved<T> {
    value: T,
    set_by: Option<String>,
}

/// The layers a setting can come from, for picking the strongest that has it.
struct Layers<'a> {
    matches: &'a ArgMatches,
    file: &'a SettingsFile,
}

impl Layers<'_> {
    /// `key`'s value from the flag or variable (clap's `given`), else from the file, else
    /// clap's default; checked with `check`. `None` if no layer has it.
    fn resolve<T>(
        &self,
        key: &'static str,
        given: Option<&str>,
        check: fn(&str) -> Result<T, String>,
    ) -> Result<Option<Resolved<T>>, SettingsError> {
        let from_clap = match self.matches.value_source(key) {
            Some(ValueSource::CommandLine) => Some(format!("--{}", key.replace('_', "-"))),
            Some(ValueSource::EnvVariable) => Some(format!("WILLKOMMEN_{}", key.to_uppercase())),
            _ => None,
        };
        let (text, set_by, shown) = match (given, from_clap, self.file.get(key)) {
            (Some(text), Some(origin), _) => (text, Some(origin), format!("{text:?}")),
            (_, _, Some(in_file)) => (
                in_file.text.as_str(),
                Some(format!("{} line {}: {key}", self.file.path().display(), in_file.line)),
                in_file.literal.clone(),
            ),
            (Some(default), _, None) => (default, None, format!("{default:?}")),
            (None, _, None) => return Ok(None),
        };
        match check(text) {
            Ok(value) => Ok(Some(Resolved { value, set_by })),
            Err(expected) => {
                let shown = if key == "database_url" { values::database_url_shown(&shown) } else { shown };
                let origin = set_by.unwrap_or_else(|| format!("the default {key}"));
                Err(SettingsError::Invalid(format!("{origin}: invalid value {shown}, {expected}")))
            }
        }
    }

    /// A setting with a default in clap, so it always has a value.
    fn required<T>(
        &self,
        key: &'static str,
        given: &str,
        check: fn(&str) -> Result<T, String>,
    ) -> Result<T, SettingsError> {
        let resolved = self.resolve(key, Some(given), check)?;
        Ok(resolved.expect("a setting with a default always has a value").value)
    }
}

impl Settings {
    /// Where the data lives: the PostgreSQL database when one is given, else the SQLite file.
    pub fn database(&self) -> crate::store::Location {
        match &self.database_url {
            Some(url) => crate::store::Location::Postgres { url: url.clone(), schema: self.database_schema.clone() },
            None => crate::store::Location::Sqlite { dir: self.data_dir.clone(), max_mb: self.database_max_mb },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_have_working_defaults() {
        let settings = Settings::load_from(["willkommen-server"]).unwrap();

        assert_eq!(settings.port, 8080);
        assert_eq!(settings.bind.to_string(), "127.0.0.1");
        assert_eq!(settings.database_schema, "public");
        assert_eq!(settings.database_url, None);
        assert_eq!(settings.log_format, LogFormat::Text);
        assert_eq!(settings.log_level, "info,sqlx=warn");
        assert!(settings.demo_accounts);
    }

    #[test]
    fn a_bad_flag_value_names_the_flag() {
        let error = Settings::load_from(["willkommen-server", "--port", "99999"]).unwrap_err();

        assert_eq!(error.to_string(), "--port: invalid value \"99999\", expected a port 0-65535");
    }

    #[test]
    fn a_schema_without_a_database_url_is_refused() {
        let error = Settings::load_from(["willkommen-server", "--database-schema", "berlin"]).unwrap_err();

        assert_eq!(
            error.to_string(),
            "database_schema is set (--database-schema) but database_url is not: a schema only applies to PostgreSQL"
        );
    }

    #[test]
    fn a_database_url_is_never_echoed() {
        let error = Settings::load_from(["willkommen-server", "--database-url", "mysql://wk:secret@db/x"]).unwrap_err();

        assert!(error.to_string().starts_with("--database-url: invalid value \"mysql://…\", expected"), "{error}");
        assert!(!error.to_string().contains("secret"), "{error}");
    }
}
