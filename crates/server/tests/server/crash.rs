//! The server is killed (SIGKILL, as a power cut would) again and again while kiosks keep
//! issuing tickets and retrying with their Idempotency-Keys. Afterwards every ticket a kiosk
//! was given is there exactly once, and no kiosk attempt produced two tickets.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use crate::helpers::{Kiosks, TestServer, check_acknowledged_tickets, data_folder_with};

/// How many times the server is killed, and how many kiosks issue tickets meanwhile.
const KILLS: usize = 5;
const KIOSKS: usize = 4;

/// A small random delay from the OS's randomness, so the kills land at varied moments.
fn random_millis(range: std::ops::Range<u64>) -> Duration {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).unwrap();
    Duration::from_millis(range.start + u64::from_le_bytes(bytes) % (range.end - range.start))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_ticket_survives_repeated_kills_exactly_once() {
    // Hundreds of tickets a second: lift the demo office's daily quotas.
    let data = data_folder_with(&["UPDATE concerns SET daily_quota = NULL"]).await;
    let mut server = TestServer::start(data.path());
    let url = Arc::new(RwLock::new(server.url().to_owned()));
    let kiosks = Kiosks::start(KIOSKS, url.clone());

    for _ in 0..KILLS {
        tokio::time::sleep(random_millis(100..400)).await;
        server.kill();
        server = TestServer::start(data.path());
        *url.write().unwrap() = server.url().to_owned();
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let report = kiosks.stop().await;
    server.stop();
    assert!(report.unexpected_answers().is_empty(), "kiosks saw {:?}", report.answers);
    let acknowledged = report.acknowledged;

    eprintln!("{} tickets acknowledged while the server was killed {KILLS} times", acknowledged.len());
    assert!(acknowledged.len() > 20, "too few tickets to prove anything: {}", acknowledged.len());
    let stored = check_acknowledged_tickets(data.path(), &acknowledged).await;
    // Every attempt was retried until answered, so every stored ticket belongs to one key:
    // a ticket more than keys would be a double ticket.
    assert_eq!(stored, acknowledged.len(), "tickets stored vs. kiosk attempts");
}
