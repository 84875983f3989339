//! The command line of the real `willkommen-server` binary: what an administrator sees when
//! the configuration is wrong, `--help`, and flags that change what clients get.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Output, Stdio};

use serde_json::Value;

use crate::helpers::{
    TestServer, data_folder_with, database_args, free_port, id, path_str, postgres_url, run_server_to_exit,
    server_command, the_one_stderr_line,
};

#[test]
fn an_unknown_flag_is_refused_in_one_line_with_exit_code_2() {
    let data = tempfile::tempdir().unwrap();

    let output = run_server_to_exit(["--data-dir", path_str(data.path()), "--stop-on-stdin-eof", "--frobnicate"]);

    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let line = the_one_stderr_line(&output);
    assert!(line.starts_with("error: unexpected argument"), "{line}");
    assert!(line.contains("--frobnicate"), "the line does not name the bad flag: {line}");
}

#[test]
fn a_port_above_65535_is_refused_in_one_line_with_exit_code_2() {
    let data = tempfile::tempdir().unwrap();

    let output = run_server_to_exit(["--data-dir", path_str(data.path()), "--stop-on-stdin-eof", "--port", "99999"]);

    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let line = the_one_stderr_line(&output);
    assert!(line.starts_with("error:"), "{line}");
    assert!(line.contains("99999"), "the line does not name the bad port: {line}");
}

#[test]
fn a_port_in_use_is_reported_in_one_line_with_exit_code_1() {
    let data = tempfile::tempdir().unwrap();
    let occupant = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = occupant.local_addr().unwrap().port().to_string();

    let output = run_server_to_exit(["--data-dir", path_str(data.path()), "--stop-on-stdin-eof", "--port", &port]);

    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let line = the_one_stderr_line(&output);
    assert!(line.starts_with("error:"), "{line}");
    assert!(line.contains("cannot listen on"), "{line}");
    assert!(line.contains(&format!("127.0.0.1:{port}")), "the line does not name the address: {line}");
    drop(occupant);
}

#[test]
fn a_data_folder_below_a_regular_file_is_reported_as_not_usable_with_exit_code_1() {
    let scratch = tempfile::tempdir().unwrap();
    let file = scratch.path().join("file.txt");
    std::fs::write(&file, "not a folder").unwrap();
    let data_dir = file.join("data");

    let output = run_server_to_exit(["--port", "0", "--stop-on-stdin-eof", "--data-dir", path_str(&data_dir)]);

    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let line = the_one_stderr_line(&output);
    assert!(line.starts_with("error:"), "{line}");
    assert!(line.contains("data folder"), "{line}");
    assert!(line.contains("not usable"), "{line}");
    assert!(line.contains(&data_dir.display().to_string()), "the line does not name the folder: {line}");
    assert!(file.is_file(), "the file in the way was touched");
}

#[test]
fn help_exits_0_and_explains_the_data_folder_and_public_url() {
    let output = run_server_to_exit(["--help"]);

    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("--data-dir"), "{help}");
    assert!(help.contains("--public-url"), "{help}");
}

#[tokio::test]
async fn public_url_is_the_base_of_the_status_links_of_new_tickets() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::options(data.path()).arg("--public-url").arg("https://wk.example.de/").start();

    let ticket = server.issue_ticket("address-change", "de").await;

    let id = id(&ticket);
    assert_eq!(ticket["status_url"], format!("https://wk.example.de/t/{id}"));
    let fetched = server.visitor_view(&ticket).await;
    assert_eq!(fetched["status_url"], ticket["status_url"]);
    server.stop();
}

/// Runs `willkommen-server --data-dir DIR account ...` with `password` on standard input
/// (and no `WILLKOMMEN_PASSWORD`: the server command leaves out the developer's variables).
fn account_command(data_dir: &Path, args: &[&str], password: &str) -> Output {
    use std::io::Write;
    let mut child = server_command()
        .args(database_args(data_dir))
        .arg("account")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test]
async fn the_first_admin_is_made_on_the_command_line_with_the_password_from_stdin() {
    let data = tempfile::tempdir().unwrap();

    let made = account_command(data.path(), &["--username", "chefin", "--role", "admin"], "a-long-secret-1");
    let too_short = account_command(data.path(), &["--username", "kurz"], "short");
    let server = TestServer::start(data.path());
    let signed_in = server.browser().sign_in("chefin", "a-long-secret-1").await;

    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    assert_eq!(signed_in.status, reqwest::StatusCode::OK);
    assert_eq!(signed_in.body["role"], "admin");
    assert_eq!(too_short.status.code(), Some(1));
    let error = String::from_utf8_lossy(&too_short.stderr);
    assert_eq!(error.lines().count(), 1, "{error}");
    assert!(error.contains("at least 10 characters"), "{error}");
}

/// The command line makes accounts the admin console can edit: the admin API's rules.
#[test]
fn the_account_command_refuses_a_username_the_admin_console_would_refuse() {
    let data = tempfile::tempdir().unwrap();

    let refused = ["Chefin", "anna schmidt", "ab"]
        .map(|username| account_command(data.path(), &["--username", username], "a-long-secret-1"));

    for output in &refused {
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert_eq!(error.lines().count(), 1, "{error}");
        assert!(error.contains("username: 3 to 40 lower-case letters"), "{error}");
    }
}

#[tokio::test]
async fn a_real_office_starts_without_demo_sign_ins_and_is_told_how_to_make_its_admin() {
    let data = tempfile::tempdir().unwrap();

    let server = TestServer::options(data.path()).env("WILLKOMMEN_DEMO_ACCOUNTS", "false").start();
    let demo_admin = server.sign_in_status("admin", "willkommen-admin").await;
    let demo_clerk = server.sign_in_status("schalter1", "willkommen-1").await;
    let kiosk: Value = server.get("/api/v1/kiosk").await.json().await.unwrap();
    server.stop();
    let made = account_command(data.path(), &["--username", "leitung", "--role", "admin"], "a-long-secret-2");
    let restarted = TestServer::options(data.path()).env("WILLKOMMEN_DEMO_ACCOUNTS", "false").start();
    let real_admin = restarted.sign_in_status("leitung", "a-long-secret-2").await;
    let log_after = restarted.log();
    restarted.stop();

    assert_eq!(demo_admin, reqwest::StatusCode::UNAUTHORIZED);
    assert_eq!(demo_clerk, reqwest::StatusCode::UNAUTHORIZED);
    // The demo office's concerns and checklists are a starting point to edit, not a secret.
    assert!(kiosk["concerns"].as_array().is_some_and(|concerns| !concerns.is_empty()), "{kiosk}");
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    assert_eq!(real_admin, reqwest::StatusCode::OK);
    assert!(!log_after.contains("no active admin account"), "{log_after}");
}

#[test]
fn without_demo_accounts_the_welcome_says_how_to_make_the_first_admin() {
    let data = tempfile::tempdir().unwrap();
    let port = free_port().to_string();
    let mut server = server_command()
        .args(database_args(data.path()))
        .args(["--port", &port, "--stop-on-stdin-eof", "--demo-accounts", "false"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut welcome = String::new();
    let mut stdout = std::io::BufReader::new(server.stdout.take().unwrap());
    while !welcome.contains("Press Ctrl+C") {
        let read = std::io::BufRead::read_line(&mut stdout, &mut welcome).unwrap();
        assert!(read > 0, "the server stopped printing:\n{welcome}");
    }
    drop(server.stdin.take());
    let log = server.wait_with_output().unwrap();

    assert!(!welcome.contains("Demo sign-in"), "{welcome}");
    assert!(welcome.contains("No admin account yet"), "{welcome}");
    assert!(welcome.contains("account --username NAME --role admin"), "{welcome}");
    let log = String::from_utf8_lossy(&log.stderr);
    assert!(log.contains("no active admin account"), "{log}");
}

#[test]
fn the_server_keeps_serving_when_nobody_reads_what_it_prints() {
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut server = server_command()
        .args(["--port", &port.to_string(), "--stop-on-stdin-eof", "--data-dir", path_str(data.path())])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Nobody will read the welcome: the pipe is closed before the server prints it.
    drop(server.stdout.take());

    let healthz = || -> Option<String> {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
        std::io::Write::write_all(&mut stream, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .ok()?;
        let mut answer = String::new();
        std::io::Read::read_to_string(&mut stream, &mut answer).ok()?;
        Some(answer)
    };
    let mut answer = None;
    for _ in 0..100 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        if server.try_wait().unwrap().is_some() {
            break;
        }
        answer = healthz();
        if answer.is_some() {
            break;
        }
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let still_running = server.try_wait().unwrap().is_none();
    drop(server.stdin.take());
    let _ = server.wait();

    assert!(answer.is_some_and(|answer| answer.starts_with("HTTP/1.1 200")), "the server did not answer");
    assert!(still_running, "the server stopped because its output had no reader");
}

#[tokio::test]
async fn a_database_a_newer_release_migrated_is_refused_with_what_to_do() {
    // What an upgrade to a release with one more migration leaves behind, then a roll-back.
    let checksum = if postgres_url().is_some() { "decode('00', 'hex')" } else { "X'00'" };
    let newer_migration = format!(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (20991231000001, 'from a newer release', TRUE, {checksum}, 0)"
    );
    let data = data_folder_with(&[&newer_migration]).await;

    let mut args = database_args(data.path());
    args.extend(["--port".into(), "0".into(), "--stop-on-stdin-eof".into()]);
    let output = run_server_to_exit(args);

    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let line = the_one_stderr_line(&output);
    assert!(line.contains("was updated by a newer release of Willkommen (migration 20991231000001)"), "{line}");
    assert!(line.contains("restore the backup taken before the upgrade"), "{line}");
}
