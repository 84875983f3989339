//! `GET /metrics` of the real server as Prometheus scrapes it: the figures follow what
//! visitors, clerks and screens did, and every line is valid Prometheus text.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestServer, new_key};

const CONCERN: &str = "address-change";

/// What a kiosk sends for a visitor with the `CONCERN`.
fn visitor() -> Value {
    json!({"concern": CONCERN, "language": "de"})
}

/// The metrics page as `name{labels}` -> value. Fails on a line that is neither a comment
/// (`# HELP`, `# TYPE`, `# UNIT`, `# EOF`) nor a sample `name{labels} value`.
async fn scrape(server: &TestServer) -> BTreeMap<String, f64> {
    let response = server.get("/metrics").await;
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(
        content_type.starts_with("application/openmetrics-text")
            || content_type.starts_with("text/plain; version=0.0.4"),
        "{content_type}"
    );
    let text = response.text().await.unwrap();
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| sample(line).unwrap_or_else(|| panic!("{line:?} is not a sample in:\n{text}")))
        .collect()
}

/// `name{key="value",...} value`, or `name value`.
fn sample(line: &str) -> Option<(String, f64)> {
    let (series, value) = line.rsplit_once(' ')?;
    let (name, labels) = match series.split_once('{') {
        Some((name, labels)) => (name, Some(labels.strip_suffix('}')?)),
        None => (series, None),
    };
    let name_ok = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':');
    let labels_ok = labels.is_none_or(|labels| {
        labels.split(',').all(|label| {
            label.split_once('=').is_some_and(|(key, value)| {
                !key.is_empty()
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && value.len() >= 2
                    && value.starts_with('"')
                    && value.ends_with('"')
            })
        })
    });
    (name_ok && labels_ok).then_some(())?;
    Some((series.to_owned(), value.parse().ok()?))
}

#[tokio::test]
async fn metrics_count_tickets_calls_streams_and_errors() {
    let server = TestServer::fresh();
    let first_key = new_key();

    // Two visitors take tickets; the first one's kiosk retries (not a new ticket).
    assert_eq!(server.post_ticket(Some(&first_key), &visitor()).await.status(), StatusCode::CREATED);
    tokio::time::sleep(Duration::from_millis(5)).await;
    assert_eq!(server.post_ticket(Some(&new_key()), &visitor()).await.status(), StatusCode::CREATED);
    assert_eq!(server.post_ticket(Some(&first_key), &visitor()).await.headers()["idempotent-replayed"], "true");
    // A clerk calls one of them.
    server.clerk().await.called_next("counter-1").await;
    // A display connects, then goes away.
    let mut display = server.get("/api/v1/display/events").await;
    assert_eq!(display.status(), StatusCode::OK);
    display.chunk().await.unwrap().expect("the stream starts with a comment");
    let while_open = scrape(&server).await;
    drop(display);
    // Someone asks for a ticket that does not exist.
    let unknown = server.get("/api/v1/tickets/AAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    // The server notices the closed stream when its connection ends: wait for that.
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut metrics = scrape(&server).await;
    while metrics[r#"willkommen_sse_clients{stream="display"}"#] != 0.0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        metrics = scrape(&server).await;
    }

    assert_eq!(while_open[r#"willkommen_sse_clients{stream="display"}"#], 1.0);
    assert_eq!(metrics[r#"willkommen_sse_clients{stream="display"}"#], 0.0);
    assert_eq!(metrics[&format!("willkommen_tickets_issued_total{{concern=\"{CONCERN}\"}}")], 2.0);
    assert_eq!(metrics[&format!("willkommen_tickets_waiting{{concern=\"{CONCERN}\"}}")], 1.0);
    assert_eq!(metrics[r#"willkommen_tickets_waiting{concern="information"}"#], 0.0, "idle concerns show 0");
    assert_eq!(metrics["willkommen_call_next_duration_seconds_count"], 1.0);
    assert!(metrics["willkommen_call_next_duration_seconds_sum"] > 0.0);
    // The called visitor had waited a few milliseconds: in the first bucket (up to a minute).
    assert_eq!(metrics["willkommen_waited_before_call_seconds_count"], 1.0);
    assert_eq!(metrics[r#"willkommen_waited_before_call_seconds_bucket{le="60.0"}"#], 1.0);
    assert!(metrics["willkommen_waited_before_call_seconds_sum"] > 0.0);
    assert!(metrics[r#"willkommen_api_errors_total{code="not_found"}"#] >= 1.0);
    assert!(metrics[r#"willkommen_http_responses_total{status="404"}"#] >= 1.0);
    assert_eq!(metrics[r#"willkommen_http_responses_total{status="201"}"#], 3.0, "the replay is a 201 too");
    let build = format!("willkommen_build_info{{version=\"{}\"}}", env!("CARGO_PKG_VERSION"));
    assert_eq!(metrics[&build], 1.0);
    server.stop();
}
