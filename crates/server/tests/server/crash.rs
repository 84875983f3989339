//! The server is killed (SIGKILL, as a power cut would) again and again while kiosks keep
//! issuing tickets and retrying with their Idempotency-Keys. Afterwards every ticket a kiosk
//! was given is there exactly once, and no kiosk attempt produced two tickets.

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestServer, check_acknowledged_tickets, data_folder_with, id, new_key};

/// How many times the server is killed, and how many kiosks issue tickets meanwhile.
const KILLS: usize = 5;
const KIOSKS: usize = 4;

/// A small random delay from the OS's randomness, so the kills land at varied moments.
fn random_millis(range: std::ops::Range<u64>) -> Duration {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).unwrap();
    Duration::from_millis(range.start + u64::from_le_bytes(bytes) % (range.end - range.start))
}

/// One kiosk: issues tickets until told to stop; each attempt is retried with its key until
/// the server answers. Returns key -> ticket id for every acknowledged ticket.
async fn kiosk(url: Arc<RwLock<String>>, running: Arc<std::sync::atomic::AtomicBool>) -> BTreeMap<String, String> {
    let client = Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
    let mut acknowledged = BTreeMap::new();
    let concerns = ["extend-residence-permit", "address-change", "information"];
    let mut attempt = 0usize;
    while running.load(std::sync::atomic::Ordering::Relaxed) {
        let key = new_key();
        let body = json!({"concern": concerns[attempt % concerns.len()], "language": "de"});
        attempt += 1;
        // Retry this attempt (same key) until some server instance answers it.
        loop {
            let base = url.read().unwrap().clone();
            let sent = client.post(format!("{base}/api/v1/tickets")).header("Idempotency-Key", &key).json(&body).send();
            match sent.await {
                Ok(response) if response.status() == StatusCode::CREATED => {
                    let ticket: Value = response.json().await.unwrap();
                    acknowledged.insert(key.clone(), id(&ticket).to_owned());
                    break;
                }
                Ok(response) => panic!("unexpected answer {}: {}", response.status(), response.text().await.unwrap()),
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await, // server down: retry
            }
        }
    }
    acknowledged
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_ticket_survives_repeated_kills_exactly_once() {
    // Hundreds of tickets a second: lift the demo office's daily quotas.
    let data = data_folder_with(&["UPDATE concerns SET daily_quota = NULL"]).await;
    let mut server = TestServer::start(data.path());
    let url = Arc::new(RwLock::new(server.url().to_owned()));
    let running = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let kiosks: Vec<_> = (0..KIOSKS).map(|_| tokio::spawn(kiosk(url.clone(), running.clone()))).collect();

    for _ in 0..KILLS {
        tokio::time::sleep(random_millis(100..400)).await;
        server.kill();
        server = TestServer::start(data.path());
        *url.write().unwrap() = server.url().to_owned();
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    running.store(false, std::sync::atomic::Ordering::Relaxed);
    let mut acknowledged = BTreeMap::new();
    for kiosk in kiosks {
        acknowledged.extend(kiosk.await.unwrap());
    }
    server.stop();

    eprintln!("{} tickets acknowledged while the server was killed {KILLS} times", acknowledged.len());
    assert!(acknowledged.len() > 20, "too few tickets to prove anything: {}", acknowledged.len());
    let stored = check_acknowledged_tickets(data.path(), &acknowledged).await;
    // Every attempt was retried until answered, so every stored ticket belongs to one key:
    // a ticket more than keys would be a double ticket.
    assert_eq!(stored, acknowledged.len(), "tickets stored vs. kiosk attempts");
}
