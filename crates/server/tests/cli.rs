//! The command line of the real `willkommen-server` binary: what an administrator sees when
//! the configuration is wrong, `--help`, and flags that change what clients get.

mod common;

use std::net::TcpListener;
use std::process::Output;

use common::{TestServer, run_server_to_exit};
use serde_json::{Value, json};

/// The single line the server wrote to stderr; fails if it wrote none or several, or if it
/// claimed to be running.
fn the_one_stderr_line(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected exactly one line on stderr, got:\n{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("is running"), "the server claimed to run despite the error:\n{stdout}");
    lines[0].to_owned()
}

fn path(path: &std::path::Path) -> &str {
    path.to_str().expect("temporary folders have UTF-8 names")
}

#[test]
fn an_unknown_flag_is_refused_in_one_line_with_exit_code_2() {
    let data = tempfile::tempdir().unwrap();

    let output = run_server_to_exit(["--data-dir", path(data.path()), "--stop-on-stdin-eof", "--frobnicate"]);

    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let line = the_one_stderr_line(&output);
    assert!(line.starts_with("error: unexpected argument"), "{line}");
    assert!(line.contains("--frobnicate"), "the line does not name the bad flag: {line}");
}

#[test]
fn a_port_above_65535_is_refused_in_one_line_with_exit_code_2() {
    let data = tempfile::tempdir().unwrap();

    let output = run_server_to_exit(["--data-dir", path(data.path()), "--stop-on-stdin-eof", "--port", "99999"]);

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

    let output = run_server_to_exit(["--data-dir", path(data.path()), "--stop-on-stdin-eof", "--port", &port]);

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

    let output = run_server_to_exit(["--port", "0", "--stop-on-stdin-eof", "--data-dir", path(&data_dir)]);

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
    let new_ticket = json!({"concern": "address-change", "language": "de"});

    let response = reqwest::Client::new()
        .post(server.at("/api/v1/tickets"))
        .header("Idempotency-Key", common::new_key())
        .json(&new_ticket)
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 201);
    let ticket: Value = response.json().await.unwrap();
    let id = ticket["id"].as_str().unwrap();
    assert_eq!(ticket["status_url"], format!("https://wk.example.de/t/{id}"));
    let fetched: Value = reqwest::get(server.at(&format!("/api/v1/tickets/{id}"))).await.unwrap().json().await.unwrap();
    assert_eq!(fetched["status_url"], ticket["status_url"]);
    server.stop();
}

/// Runs `willkommen-server --data-dir DIR account ...` with `password` on standard input.
fn account_command(data_dir: &std::path::Path, args: &[&str], password: &str) -> Output {
    use std::io::Write;
    let mut child = std::process::Command::new(common::SERVER_BINARY)
        .args(common::database_args(data_dir))
        .arg("account")
        .args(args)
        .env_remove("WILLKOMMEN_PASSWORD")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
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
    let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let signed_in = client
        .post(server.at("/api/v1/session"))
        .json(&json!({"username": "chefin", "password": "a-long-secret-1"}))
        .send()
        .await
        .unwrap();

    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    assert_eq!(signed_in.status(), reqwest::StatusCode::OK);
    assert_eq!(signed_in.json::<Value>().await.unwrap()["role"], "admin");
    assert_eq!(too_short.status.code(), Some(1));
    let error = String::from_utf8_lossy(&too_short.stderr);
    assert_eq!(error.lines().count(), 1, "{error}");
    assert!(error.contains("at least 10 characters"), "{error}");
}

#[test]
fn the_server_keeps_serving_when_nobody_reads_what_it_prints() {
    let data = tempfile::tempdir().unwrap();
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = std::process::Command::new(common::SERVER_BINARY)
        .args(["--port", &port.to_string(), "--stop-on-stdin-eof", "--data-dir", path(data.path())])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
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
