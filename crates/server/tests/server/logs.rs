//! The server's log on stderr as a log collector reads it (`--log-format json`).

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::helpers::TestServer;

#[tokio::test]
async fn json_logs_are_one_object_per_line_with_level_and_message() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::options(data.path())
        .arg("--log-format")
        .arg("json")
        // tower_http logs each request at debug level.
        .arg("--log-level")
        .arg("info,tower_http=debug")
        .start();

    let answer = server.get("/healthz").await;
    assert_eq!(answer.status(), 200);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !server.log().contains("finished processing request") && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    // The demo sign-ins are checked (slow password hashes) while the server already serves.
    while server.log().matches("published password").count() < 3 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (log, url) = (server.log(), server.url().to_owned());
    server.stop();

    let lines: Vec<Value> = log
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|error| panic!("not JSON ({error}): {line}")))
        .collect();
    for line in &lines {
        assert!(line["level"].is_string(), "no level: {line}");
        assert!(line["fields"]["message"].is_string(), "no message: {line}");
    }
    let messages: Vec<&str> = lines.iter().filter_map(|line| line["fields"]["message"].as_str()).collect();
    assert!(messages.contains(&"new database: seeded the demo office"), "{messages:?}");
    let listening = lines.iter().find(|line| line["fields"]["message"] == "listening");
    let listening = listening.unwrap_or_else(|| panic!("no 'listening' line:\n{log}"));
    assert_eq!(format!("http://{}", listening["fields"]["address"].as_str().unwrap()), url, "{listening}");
    let demo_warnings: Vec<&Value> = lines.iter().filter(|line| line["fields"]["username"].is_string()).collect();
    assert_eq!(demo_warnings.len(), 3, "one warning per demo sign-in:\n{log}");
    assert!(demo_warnings.iter().all(|line| line["level"] == "WARN"), "{demo_warnings:?}");
    let request = lines.iter().find(|line| line["fields"]["message"] == "finished processing request");
    let request = request.unwrap_or_else(|| panic!("the request was not logged:\n{log}"));
    assert_eq!(request["span"]["uri"], "/healthz", "{request}");
}

#[test]
fn text_logs_written_to_a_pipe_or_the_journal_have_no_colour_codes() {
    let data = tempfile::tempdir().unwrap();

    let server = TestServer::start(data.path());
    let log = server.log();
    server.stop();

    assert!(log.contains("seeded the demo office"), "{log}");
    assert!(!log.contains('\u{1b}'), "escape codes in the log: {log:?}");
}
