//! Command-line flags and environment variables of `willkommen-server`.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Willkommen's queue server: the API for kiosks, staff desks and call displays, and the
/// web app they load.
#[derive(Clone, Debug, Parser)]
#[command(name = "willkommen-server", version, about)]
pub struct Config {
    /// Address to listen on. Use 0.0.0.0 to accept connections from other machines.
    #[arg(long, env = "WILLKOMMEN_BIND", default_value = "127.0.0.1")]
    pub bind: IpAddr,

    /// TCP port to listen on (0 picks a free one and prints it).
    #[arg(long, env = "WILLKOMMEN_PORT", default_value_t = 8080)]
    pub port: u16,

    /// Folder for the SQLite database; created if missing, seeded with the demo office on
    /// first start.
    #[arg(long, env = "WILLKOMMEN_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// A PostgreSQL database to use instead of the SQLite file in the data folder
    /// (postgres://user:password@host/database). Several instances may share it.
    #[arg(long, env = "WILLKOMMEN_DATABASE_URL")]
    pub database_url: Option<String>,

    /// The PostgreSQL schema that holds this office's tables; several offices share one
    /// database, each in its own schema.
    #[arg(long, env = "WILLKOMMEN_DATABASE_SCHEMA", default_value = "public")]
    pub database_schema: String,

    /// Folder with the built web app (`trunk build --release` writes it).
    #[arg(long, env = "WILLKOMMEN_DIST_DIR", default_value = "dist")]
    pub dist_dir: PathBuf,

    /// The address visitors' phones use to reach this server, put into ticket QR codes
    /// (e.g. https://willkommen.example.de). Defaults to http://<bind>:<port>.
    #[arg(long, env = "WILLKOMMEN_PUBLIC_URL", value_parser = parse_public_url)]
    pub public_url: Option<String>,

    /// Shut down when standard input is closed, so a supervising process (a test) that dies
    /// cannot leave the server running.
    #[arg(long, env = "WILLKOMMEN_STOP_ON_STDIN_EOF")]
    pub stop_on_stdin_eof: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Staff,
    Admin,
}

impl From<RoleArg> for willkommen_api::Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Staff => Self::Staff,
            RoleArg::Admin => Self::Admin,
        }
    }
}

fn parse_public_url(text: &str) -> Result<String, String> {
    let url = text.trim_end_matches('/');
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("must start with http:// or https://")?;
    if rest.is_empty() || rest.contains(char::is_whitespace) {
        return Err("must name a host, like https://willkommen.example.de".into());
    }
    Ok(url.to_owned())
}

impl Config {
    /// Where the data lives: the PostgreSQL database when one is given, else the SQLite file.
    pub fn database(&self) -> crate::store::Location {
        match &self.database_url {
            Some(url) => crate::store::Location::Postgres { url: url.clone(), schema: self.database_schema.clone() },
            None => crate::store::Location::Sqlite(self.data_dir.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_url_loses_its_trailing_slash_and_needs_a_scheme() {
        assert_eq!(parse_public_url("https://wk.example.de/"), Ok("https://wk.example.de".into()));
        assert!(parse_public_url("wk.example.de").is_err());
        assert!(parse_public_url("https://").is_err());
    }

    #[test]
    fn flags_have_working_defaults() {
        let config = Config::try_parse_from(["willkommen-server"]).unwrap();

        assert_eq!(config.port, 8080);
        assert_eq!(config.bind.to_string(), "127.0.0.1");
    }
}
