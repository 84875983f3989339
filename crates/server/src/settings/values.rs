//! What each setting accepts. Every check gets the text as written (on the command line, in a
//! variable or in the file) and explains a refusal as "expected ...", so the message reads the
//! same wherever the value came from.

use std::net::IpAddr;
use std::path::PathBuf;

use tracing_subscriber::EnvFilter;

use super::LogFormat;

pub fn bind(text: &str) -> Result<IpAddr, String> {
    text.parse().map_err(|_| "expected an IP address such as 127.0.0.1 or 0.0.0.0".to_owned())
}

pub fn port(text: &str) -> Result<u16, String> {
    text.parse().map_err(|_| "expected a port 0-65535".to_owned())
}

pub fn folder(text: &str) -> Result<PathBuf, String> {
    if text.is_empty() { Err("expected a folder path".to_owned()) } else { Ok(PathBuf::from(text)) }
}

pub fn public_url(text: &str) -> Result<String, String> {
    let url = text.trim_end_matches('/');
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("expected a URL starting with http:// or https://")?;
    if rest.is_empty() || rest.contains(char::is_whitespace) {
        return Err("expected a URL with a host, like https://willkommen.example.de".into());
    }
    Ok(url.to_owned())
}

/// A contact for the push services: `mailto:` or `https:`, as RFC 8292 asks.
pub fn push_contact(text: &str) -> Result<String, String> {
    let well_formed = (text.starts_with("mailto:") && text.len() > "mailto:".len() && text.contains('@'))
        || (text.starts_with("https://") && text.len() > "https://".len());
    if well_formed && !text.contains(char::is_whitespace) {
        Ok(text.to_owned())
    } else {
        Err("expected mailto:someone@example.de or an https:// URL".into())
    }
}

/// A PostgreSQL URL; the embedded SQLite database needs none (it lives in `data_dir`).
pub fn database_url(text: &str) -> Result<String, String> {
    let (scheme, rest) = text.split_once("://").unwrap_or((text, ""));
    match scheme {
        "postgres" | "postgresql" if !rest.is_empty() => Ok(text.to_owned()),
        "postgres" | "postgresql" => Err("expected a URL like postgres://user:password@host/database".into()),
        "sqlite" => Err("expected a postgres:// or postgresql:// URL: for the built-in SQLite database \
                         leave database_url unset (it lives in data_dir)"
            .into()),
        _ => Err("expected a postgres:// or postgresql:// URL: PostgreSQL is the only database server \
                  supported (leave it unset for the built-in SQLite database)"
            .into()),
    }
}

/// A database URL may carry a password: messages show its scheme only.
pub fn database_url_shown(text: &str) -> String {
    match text.split_once("://") {
        Some((scheme, _)) => format!("\"{}://…\"", scheme.trim_start_matches(['"', '\''])),
        None => "(not shown, it may hold a password)".to_owned(),
    }
}

/// The schema's name goes into SQL unquoted (`SET search_path`), so only plain lowercase
/// identifiers are accepted: nothing in it needs quoting or could end the statement.
pub fn schema(text: &str) -> Result<String, String> {
    let mut chars = text.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase() || c == '_');
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if first_ok && rest_ok && text.len() <= 63 {
        Ok(text.to_owned())
    } else {
        Err("expected a PostgreSQL schema name: 1 to 63 lowercase letters, digits and _, \
             not starting with a digit"
            .into())
    }
}

pub fn megabytes(text: &str) -> Result<u32, String> {
    text.parse::<u32>()
        .ok()
        .filter(|megabytes| *megabytes >= 1)
        .ok_or_else(|| "expected a whole number of MB, 1 or more".to_owned())
}

pub fn log_format(text: &str) -> Result<LogFormat, String> {
    match text {
        "text" => Ok(LogFormat::Text),
        "json" => Ok(LogFormat::Json),
        _ => Err("expected text or json".into()),
    }
}

/// A `tracing` filter (`RUST_LOG` syntax), checked now so that a typo stops the start
/// instead of silently logging nothing.
pub fn log_level(text: &str) -> Result<String, String> {
    match EnvFilter::builder().parse(text) {
        Ok(_) => Ok(text.to_owned()),
        Err(error) => Err(format!("expected a log filter such as info,sqlx=warn ({error})")),
    }
}

/// A yes/no setting: `true` or `false`, as TOML writes them.
pub fn yes_no(text: &str) -> Result<bool, String> {
    match text {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err("expected true or false".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_url_loses_its_trailing_slash_and_needs_a_scheme() {
        assert_eq!(public_url("https://wk.example.de/"), Ok("https://wk.example.de".into()));
        assert!(public_url("wk.example.de").is_err());
        assert!(public_url("https://").is_err());
    }

    #[test]
    fn a_push_contact_is_a_mail_address_or_an_https_url() {
        assert!(push_contact("mailto:it@stadt.example.de").is_ok());
        assert!(push_contact("https://wk.example.de").is_ok());
        assert!(push_contact("http://wk.example.de").is_err());
        assert!(push_contact("mailto:").is_err());
        assert!(push_contact("it@stadt.example.de").is_err());
    }

    #[test]
    fn only_postgres_urls_are_database_urls() {
        assert!(database_url("postgres://wk@db.example.de/willkommen").is_ok());
        assert!(database_url("postgresql://db/willkommen").is_ok());
        assert!(database_url("postgres://").is_err());
        assert!(database_url("sqlite://data/willkommen.db").unwrap_err().contains("leave database_url unset"));
        assert!(database_url("mysql://db/willkommen").unwrap_err().contains("PostgreSQL is the only"));
    }

    #[test]
    fn a_database_url_is_shown_without_its_password() {
        assert_eq!(database_url_shown("mysql://wk:secret@db/x"), "\"mysql://…\"");
        assert!(!database_url_shown("wk:secret@db").contains("secret"));
    }

    #[test]
    fn schemas_are_plain_lowercase_identifiers_of_at_most_63_characters() {
        for good in ["public", "office_berlin", "_x", "a1", &"a".repeat(63)] {
            assert_eq!(schema(good), Ok(good.to_owned()));
        }
        for bad in ["", "1office", "Office", "office-berlin", "a;drop", "schön", &"a".repeat(64)] {
            assert!(schema(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn log_levels_are_checked_as_tracing_filters() {
        assert!(log_level("info,sqlx=warn").is_ok());
        assert!(log_level("willkommen_server=debug").is_ok());
        assert!(log_level("sqlx=loud").is_err());
    }
}
