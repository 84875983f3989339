//! Backups taken while the lobby is busy, and restoring them: `willkommen-server backup` for
//! SQLite, `pg_dump`/`pg_restore` for PostgreSQL (in the PostgreSQL pass of the tests), exactly
//! as docs/deployment.md tells administrators to do it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{TestServer, database_args, edit_database, id, postgres_url, schema_for, server_command};

async fn issue(server: &TestServer) -> Value {
    server.issue_ticket("information", "de").await
}

async fn ticket_status(server: &TestServer, ticket: &Value) -> StatusCode {
    server.get(&format!("/api/v1/tickets/{}", id(ticket))).await.status()
}

/// Runs a program and returns what it printed; fails the test if it failed.
fn run(command: &mut Command) -> Output {
    let output = command.output().unwrap_or_else(|error| panic!("cannot run {command:?}: {error}"));
    assert!(output.status.success(), "{command:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    output
}

/// Where Debian keeps the PostgreSQL client programs (`pg_dump`, `pg_restore`).
fn postgres_bin() -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL's programs are in /usr/lib/postgresql")
        .filter_map(|entry| Some(entry.ok()?.path().join("bin")))
        .filter(|bin| bin.join("pg_dump").is_file())
        .collect();
    found.sort();
    found.pop().expect("no pg_dump under /usr/lib/postgresql")
}

/// Takes the backup the way the deployment guide says, while the server runs.
fn back_up(data_dir: &Path, file: &Path) -> String {
    let output = match postgres_url() {
        None => run(server_command().args(database_args(data_dir)).arg("backup").arg("--to").arg(file)),
        Some(url) => run(Command::new(postgres_bin().join("pg_dump"))
            .args(["--format=custom", "--schema", &schema_for(data_dir), "--file"])
            .arg(file)
            .arg(url)),
    };
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Puts the backup in place of the (stopped) server's data.
async fn restore(data_dir: &Path, file: &Path) {
    match postgres_url() {
        None => {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(data_dir.join(format!("willkommen.db{suffix}")));
            }
            std::fs::copy(file, data_dir.join("willkommen.db")).unwrap();
        }
        Some(url) => {
            let schema = schema_for(data_dir);
            edit_database(data_dir, &[&format!("DROP SCHEMA {schema} CASCADE")]).await;
            run(Command::new(postgres_bin().join("pg_restore")).arg("--dbname").arg(url).arg(file));
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_while_kiosks_issue_restores_every_ticket_it_holds() {
    let data = tempfile::tempdir().unwrap();
    let backups = tempfile::tempdir().unwrap();
    let file = backups.path().join("willkommen-backup");
    let server = TestServer::start(data.path());
    let before = issue(&server).await;
    // Kiosks keep issuing while the backup is taken: it must not stop them, nor be torn.
    let busy = AtomicBool::new(true);
    let kiosk = async {
        let mut issued = 0;
        while busy.load(Ordering::Relaxed) {
            issue(&server).await;
            issued += 1;
        }
        issued
    };
    let backup = async {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let (data_dir, target) = (data.path().to_owned(), file.clone());
        let printed = tokio::task::spawn_blocking(move || back_up(&data_dir, &target)).await.unwrap();
        busy.store(false, Ordering::Relaxed);
        printed
    };

    let (issued_meanwhile, printed) = tokio::join!(kiosk, backup);
    let after = issue(&server).await;
    server.stop();
    restore(data.path(), &file).await;
    let restored = TestServer::start(data.path());

    assert!(issued_meanwhile > 0, "the kiosk was stopped by the backup");
    if postgres_url().is_none() {
        assert!(printed.contains("integrity ok"), "{printed}");
    }
    assert_eq!(ticket_status(&restored, &before).await, StatusCode::OK, "a ticket from before the backup is back");
    assert_eq!(ticket_status(&restored, &after).await, StatusCode::NOT_FOUND, "the backup is of its moment");
    let next = issue(&restored).await;
    assert_eq!(next["status"], "waiting", "the restored office issues tickets: {next}");
}

#[test]
fn a_backup_never_overwrites_a_file_and_says_why() {
    let data = tempfile::tempdir().unwrap();
    TestServer::start(data.path()).stop();
    let existing = data.path().join("already-there");
    std::fs::write(&existing, b"precious").unwrap();

    let output =
        server_command().args(database_args(data.path())).args(["backup", "--to"]).arg(&existing).output().unwrap();

    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The backup command copies the SQLite database; against PostgreSQL it points to pg_dump.
    let why = if postgres_url().is_some() { "for PostgreSQL use pg_dump" } else { "exists already" };
    assert!(stderr.contains(why), "{stderr}");
    assert_eq!(std::fs::read(&existing).unwrap(), b"precious");
}
