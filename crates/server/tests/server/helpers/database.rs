//! The database behind a data folder: an SQLite file in it, or, with
//! `WILLKOMMEN_TEST_DATABASE_URL` set (`cargo xtask test` starts a PostgreSQL server for a
//! second pass), a PostgreSQL schema of its own standing for it, so tests stay apart.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::path::Path;

use sqlx::Connection;
use tempfile::TempDir;

use super::TestServer;

/// The PostgreSQL database the tests run against, when they do (see the module comment).
pub fn postgres_url() -> Option<String> {
    std::env::var("WILLKOMMEN_TEST_DATABASE_URL").ok().filter(|url| !url.is_empty())
}

/// The PostgreSQL database for a test that only PostgreSQL can run (several instances on one
/// database). Such a test is `#[ignore]`d, so a plain `cargo test` lists it as ignored with
/// the reason; run on its own without a database, it fails here instead of passing.
#[track_caller]
pub fn needs_postgres() -> String {
    postgres_url().unwrap_or_else(|| {
        panic!(
            "this test needs PostgreSQL: set WILLKOMMEN_TEST_DATABASE_URL (`cargo xtask postgres` prints one) \
             or run `cargo xtask test`"
        )
    })
}

/// The PostgreSQL schema that stands for `data_dir`.
pub fn schema_for(data_dir: &Path) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data_dir.hash(&mut hasher);
    format!("test_{:016x}", hasher.finish())
}

/// The server options that put its data in `data_dir`, or in the schema standing for it.
pub fn database_args(data_dir: &Path) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec!["--data-dir".into(), data_dir.into()];
    if let Some(url) = postgres_url() {
        args.extend(["--database-url".into(), url.into(), "--database-schema".into(), schema_for(data_dir).into()]);
    }
    args
}

/// A connection to the database of `data_dir` (after a server has created it), to look at
/// or change what is stored behind the server's back.
pub async fn connect_database(data_dir: &Path) -> sqlx::AnyConnection {
    sqlx::any::install_default_drivers();
    match postgres_url() {
        Some(url) => {
            let mut connection = sqlx::AnyConnection::connect(&url).await.unwrap();
            let search_path = format!("SET search_path TO {}", schema_for(data_dir));
            sqlx::query(&search_path).execute(&mut connection).await.unwrap();
            connection
        }
        None => {
            let url = format!("sqlite://{}", data_dir.join("willkommen.db").display());
            sqlx::AnyConnection::connect(&url).await.unwrap()
        }
    }
}

/// Changes the stored data while no server runs, as an administrator's edit would.
pub async fn edit_database(data_dir: &Path, statements: &[&str]) {
    let mut connection = connect_database(data_dir).await;
    for statement in statements {
        sqlx::query(statement).execute(&mut connection).await.unwrap();
    }
    connection.close().await.unwrap();
}

/// A new data folder with the demo office (a server started and stopped on it), changed by
/// `statements` before the test starts its server.
pub async fn data_folder_with(statements: &[&str]) -> TempDir {
    let data = tempfile::tempdir().unwrap();
    TestServer::start(data.path()).stop();
    edit_database(data.path(), statements).await;
    data
}

/// After kiosks kept issuing through kills and restarts: every ticket a kiosk was given
/// (`acknowledged`, key -> ticket id) is stored, and no two stored tickets share a number.
/// Returns how many tickets are stored, for the test to compare with the kiosks' attempts.
pub async fn check_acknowledged_tickets(data_dir: &Path, acknowledged: &BTreeMap<String, String>) -> usize {
    let mut db = connect_database(data_dir).await;
    let stored: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT id, prefix, sequence FROM tickets").fetch_all(&mut db).await.unwrap();
    let stored_ids: BTreeSet<&str> = stored.iter().map(|(id, _, _)| id.as_str()).collect();
    for (key, ticket) in acknowledged {
        assert!(stored_ids.contains(ticket.as_str()), "acknowledged ticket {ticket} (key {key}) was lost");
    }
    let numbers: BTreeSet<(&str, i64)> =
        stored.iter().map(|(_, prefix, sequence)| (prefix.as_str(), *sequence)).collect();
    assert_eq!(numbers.len(), stored.len(), "two tickets share a number");
    stored.len()
}
