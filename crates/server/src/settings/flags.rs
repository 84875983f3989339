//! The command line and environment variables, as clap reads them and `--help` explains them.
//!
//! Settings are read as text here and checked in `settings.rs`, after the settings file is read:
//! a bad value is then reported with where it came from (flag, variable or file), and a
//! default shown here only applies when the file does not set the key either.

use std::path::PathBuf;

use clap::Parser;

use super::Command;

const AFTER_HELP: &str = "\
Each setting can come from a flag, its environment variable, or a key of the settings file given by --config (the \
option's name with underscores, e.g. `port = 8080`, `data_dir = \"/var/lib/willkommen\"`). \
A flag beats the variable, the variable beats the file, the file beats the default.";

/// Willkommen's queue server: the API for kiosks, staff desks and call displays, and the
/// web app they load.
#[derive(Clone, Debug, Parser)]
#[command(name = "willkommen-server", version, about, after_help = AFTER_HELP)]
pub struct Flags {
    /// A TOML file with settings: keys are the option names below with underscores
    /// (bind, port, data_dir, dist_dir, public_url, database_url, database_schema,
    /// database_max_mb, log_format, log_level, demo_accounts, demo_appointments, push_contact,
    /// push_private_endpoints, the oidc_* settings, local_sign_in). Flags and environment variables override it.
    #[arg(long = "config", env = "WILLKOMMEN_CONFIG", value_name = "FILE")]
    pub settings_file: Option<PathBuf>,

    /// Address to listen on. Use 0.0.0.0 to accept connections from other machines.
    #[arg(long, env = "WILLKOMMEN_BIND", default_value = "127.0.0.1", value_name = "ADDRESS")]
    pub bind: String,

    /// TCP port to listen on (0 picks a free one and prints it).
    #[arg(long, env = "WILLKOMMEN_PORT", default_value = "8080")]
    pub port: String,

    /// Folder for the SQLite database; created if missing, seeded with the demo office on
    /// first start.
    #[arg(long, env = "WILLKOMMEN_DATA_DIR", default_value = "data", value_name = "FOLDER")]
    pub data_dir: String,

    /// Folder with the built web app (`trunk build --release` writes it).
    #[arg(long, env = "WILLKOMMEN_DIST_DIR", default_value = "dist", value_name = "FOLDER")]
    pub dist_dir: String,

    /// The address visitors' phones use to reach this server, put into ticket QR codes
    /// (e.g. https://willkommen.example.de). Defaults to http://<bind>:<port>.
    #[arg(long, env = "WILLKOMMEN_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,

    /// A PostgreSQL database to keep the office's data in (postgres://user:password@host/db)
    /// instead of the built-in SQLite database in the data folder (the default). Prefer the
    /// environment variable or the file: other users of the machine can see flags.
    #[arg(long, env = "WILLKOMMEN_DATABASE_URL", value_name = "URL", hide_env_values = true)]
    pub database_url: Option<String>,

    /// The PostgreSQL schema holding this office's tables, so several offices can share one
    /// database. Only with --database-url.
    #[arg(long, env = "WILLKOMMEN_DATABASE_SCHEMA", default_value = "public", value_name = "SCHEMA")]
    pub database_schema: String,

    /// The largest the SQLite database may grow, in MB (default: as large as the disk allows).
    /// Beyond it, changes are refused as on a full disk (503 storage_unavailable) until
    /// retention has freed room, so a disk shared with other services keeps space for them.
    #[arg(long, env = "WILLKOMMEN_DATABASE_MAX_MB", value_name = "MB")]
    pub database_max_mb: Option<String>,

    /// How the log on stderr is written: text (for people) or json (one JSON object per line,
    /// for log collectors).
    #[arg(long, env = "WILLKOMMEN_LOG_FORMAT", default_value = "text", value_name = "text|json")]
    pub log_format: String,

    /// What to log, as a tracing filter (e.g. debug, or info,willkommen_server=debug).
    /// RUST_LOG, when set, overrides it.
    #[arg(long, env = "WILLKOMMEN_LOG_LEVEL", default_value = "info,sqlx=warn", value_name = "FILTER")]
    pub log_level: String,

    /// Whether a new database gets the demo sign-ins (admin, schalter1, schalter2, whose
    /// passwords are published and printed at start). Set it to false for a real office and
    /// create accounts with the `account` command.
    #[arg(long, env = "WILLKOMMEN_DEMO_ACCOUNTS", default_value = "true", value_name = "true|false")]
    pub demo_accounts: String,

    /// Book demo appointments for today at start (every 20 minutes from half an hour ago to
    /// three hours ahead, references `DEMO-01` ...), to try check-in at the kiosk. Only where
    /// the day has none yet; `cargo xtask run` turns it on.
    #[arg(long, env = "WILLKOMMEN_DEMO_APPOINTMENTS", default_value = "false", value_name = "true|false")]
    pub demo_appointments: String,

    /// Who runs this server, for the push services that deliver notifications to visitors'
    /// phones (the VAPID `sub`, RFC 8292): a mailto: or https: URL they can write to when
    /// something is wrong. Default: the public URL if it is https, else none is given.
    #[arg(long, env = "WILLKOMMEN_PUSH_CONTACT", value_name = "URL")]
    pub push_contact: Option<String>,

    /// Whether pushes may go to addresses in this machine's own networks (loopback, private,
    /// link-local) and over plain http. Only for tests with a local push receiver: a phone's
    /// subscription names the address the server sends to, and visitors are not signed in.
    #[arg(long, env = "WILLKOMMEN_PUSH_PRIVATE_ENDPOINTS", default_value = "false", value_name = "true|false")]
    pub push_private_endpoints: String,

    /// Staff sign in with the office's identity provider (OpenID Connect): its issuer, exactly
    /// as its discovery document says (https://, or http:// on this machine). Unset: only
    /// Willkommen's own accounts. See docs/deployment.md.
    #[arg(long, env = "WILLKOMMEN_OIDC_ISSUER", value_name = "URL")]
    pub oidc_issuer: Option<String>,

    /// This server's client id at the identity provider.
    #[arg(long, env = "WILLKOMMEN_OIDC_CLIENT_ID", value_name = "ID")]
    pub oidc_client_id: Option<String>,

    /// A file whose first line is the client secret (or set WILLKOMMEN_OIDC_CLIENT_SECRET;
    /// never on the command line, where other users of the machine could read it).
    #[arg(long, env = "WILLKOMMEN_OIDC_CLIENT_SECRET_FILE", value_name = "FILE")]
    pub oidc_client_secret_file: Option<String>,

    /// Scopes asked for besides `openid`, separated by spaces (e.g. "profile groups").
    #[arg(long, env = "WILLKOMMEN_OIDC_SCOPES", default_value = "profile", value_name = "SCOPES")]
    pub oidc_scopes: String,

    /// The ID token's claim that lists the person's groups or roles: a name (groups, roles,
    /// or an AD FS claim URI) or a dotted path (realm_access.roles).
    #[arg(long, env = "WILLKOMMEN_OIDC_ROLES_CLAIM", default_value = "groups", value_name = "CLAIM")]
    pub oidc_roles_claim: String,

    /// Values of that claim that make someone counter staff, separated by commas.
    #[arg(long, env = "WILLKOMMEN_OIDC_STAFF_GROUPS", value_name = "GROUPS")]
    pub oidc_staff_groups: Option<String>,

    /// ... an administrator.
    #[arg(long, env = "WILLKOMMEN_OIDC_ADMIN_GROUPS", value_name = "GROUPS")]
    pub oidc_admin_groups: Option<String>,

    /// ... a reader of the statistics (head of office).
    #[arg(long, env = "WILLKOMMEN_OIDC_STATISTICS_GROUPS", value_name = "GROUPS")]
    pub oidc_statistics_groups: Option<String>,

    /// The claim with the name colleagues see.
    #[arg(long, env = "WILLKOMMEN_OIDC_NAME_CLAIM", default_value = "name", value_name = "CLAIM")]
    pub oidc_name_claim: String,

    /// How the provider answers: query (most) or form_post (AD FS).
    #[arg(long, env = "WILLKOMMEN_OIDC_RESPONSE_MODE", default_value = "query", value_name = "query|form_post")]
    pub oidc_response_mode: String,

    /// A PEM file with the certificate authority of an identity provider whose certificate
    /// comes from the office's own CA (an on-premises Keycloak or AD FS), besides the public ones.
    #[arg(long, env = "WILLKOMMEN_OIDC_CA_FILE", value_name = "FILE")]
    pub oidc_ca_file: Option<String>,

    /// What the sign-in button names the provider ("Sign in with <label>").
    #[arg(long, env = "WILLKOMMEN_OIDC_LABEL", value_name = "TEXT")]
    pub oidc_label: Option<String>,

    /// Who may sign in with a Willkommen password: everyone, or only admins (a way in when
    /// the identity provider is down; staff then use the provider).
    #[arg(long, env = "WILLKOMMEN_LOCAL_SIGN_IN", default_value = "everyone", value_name = "everyone|admins")]
    pub local_sign_in: String,

    /// Shut down when standard input is closed, so a supervising process (a test) that dies
    /// cannot leave the server running. Not read from the settings file.
    #[arg(long, env = "WILLKOMMEN_STOP_ON_STDIN_EOF")]
    pub stop_on_stdin_eof: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}
