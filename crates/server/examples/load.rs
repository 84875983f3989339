//! Load benchmark of the queue API on loopback: ticket issuing at several concurrency levels,
//! then two counters calling and serving at full speed. Prints throughput and latency
//! percentiles; it measures, it does not judge. Run it with `cargo xtask bench-api`, or:
//! `cargo run --release -p willkommen-server --example load -- target/release/willkommen-server`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use serde_json::json;

const ROUND: Duration = Duration::from_secs(5);

#[tokio::main]
async fn main() {
    let binary = std::env::args().nth(1).unwrap_or_else(|| "target/release/willkommen-server".into());
    let data = tempfile::tempdir().unwrap();
    let mut server = Command::new(&binary)
        .args(["--port", "0", "--stop-on-stdin-eof", "--dist-dir", "/nonexistent", "--data-dir"])
        .arg(data.path())
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("cannot start the server binary");
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_owned();

    println!("Queue API on loopback ({binary}), {} s per round, SQLite synchronous=FULL\n", ROUND.as_secs());
    println!("| operation | concurrent clients | requests/s | p50 ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|");
    for clients in [1, 8, 32] {
        let latencies = issue_tickets(&url, clients).await;
        print_row("POST /tickets", clients, &latencies);
    }
    let latencies = serve_queue(&url).await;
    print_row("call-next (+ start, finish)", 2, &latencies);

    drop(server.stdin.take());
    server.wait().unwrap();
}

/// `clients` kiosks issuing tickets back to back for one round; every latency in ms.
async fn issue_tickets(url: &str, clients: usize) -> Vec<f64> {
    let client = Client::new();
    let deadline = Instant::now() + ROUND;
    let tasks: Vec<_> = (0..clients)
        .map(|kiosk| {
            let (client, url) = (client.clone(), url.to_owned());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut n = 0;
                while Instant::now() < deadline {
                    n += 1;
                    let started = Instant::now();
                    let response = client
                        .post(format!("{url}/api/v1/tickets"))
                        .header("Idempotency-Key", format!("load-{clients}-{kiosk}-{n}"))
                        .json(&json!({"concern": "information", "language": "de"}))
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(response.status(), StatusCode::CREATED, "{}", response.text().await.unwrap());
                    latencies.push(started.elapsed().as_secs_f64() * 1000.0);
                }
                latencies
            })
        })
        .collect();
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    all
}

/// Two clerks at two counters call, start and finish as fast as they can for one round;
/// the latency of each call-next in ms.
async fn serve_queue(url: &str) -> Vec<f64> {
    let deadline = Instant::now() + ROUND;
    let clerks: Vec<_> = [("schalter1", "willkommen-1", "counter-1"), ("schalter2", "willkommen-2", "counter-2")]
        .into_iter()
        .map(|(user, password, counter)| {
            let url = url.to_owned();
            tokio::spawn(async move {
                let client = Client::builder().cookie_store(true).build().unwrap();
                let signed_in = client
                    .post(format!("{url}/api/v1/session"))
                    .json(&json!({"username": user, "password": password}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(signed_in.status(), StatusCode::OK);
                let mut latencies = Vec::new();
                while Instant::now() < deadline {
                    let started = Instant::now();
                    let called =
                        client.post(format!("{url}/api/v1/counters/{counter}/call-next")).send().await.unwrap();
                    if called.status() != StatusCode::OK {
                        break; // queue empty
                    }
                    latencies.push(started.elapsed().as_secs_f64() * 1000.0);
                    let ticket: serde_json::Value = called.json().await.unwrap();
                    let id = ticket["id"].as_str().unwrap();
                    for step in ["start", "finish"] {
                        client.post(format!("{url}/api/v1/tickets/{id}/{step}")).send().await.unwrap();
                    }
                }
                latencies
            })
        })
        .collect();
    let mut all = Vec::new();
    for clerk in clerks {
        all.extend(clerk.await.unwrap());
    }
    all
}

fn print_row(operation: &str, clients: usize, latencies: &[f64]) {
    let mut sorted = latencies.to_vec();
    sorted.sort_by(f64::total_cmp);
    let percentile =
        |p: f64| sorted.get(((sorted.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(f64::NAN);
    println!(
        "| {operation} | {clients} | {:.0} | {:.2} | {:.2} | {:.2} |",
        sorted.len() as f64 / ROUND.as_secs_f64(),
        percentile(0.50),
        percentile(0.99),
        sorted.last().copied().unwrap_or(f64::NAN)
    );
}
