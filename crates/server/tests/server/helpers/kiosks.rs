//! Kiosks that keep issuing tickets while a test does something to the server (kills it,
//! fills its disk), the way the real kiosk does: every attempt has its own Idempotency-Key
//! and is retried with it until the server answers it with a ticket.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

use super::{id, new_key};

/// What the kiosks were given and every answer they saw.
#[derive(Debug, Default)]
pub struct KioskReport {
    /// Idempotency-Key -> ticket id, for every ticket a kiosk was given.
    pub acknowledged: BTreeMap<String, String>,
    /// How often each answer came: `201`, `503 storage_unavailable`, `no answer` (the
    /// server was down), or any other status with its error code.
    pub answers: BTreeMap<String, usize>,
    /// The keys of attempts given up unanswered ([`Kiosks::abandon`]): in doubt, their
    /// tickets may be stored (a commit that reached the disk although the disk then failed),
    /// and the kiosk's next try would have been given them.
    pub abandoned_keys: Vec<String>,
}

impl KioskReport {
    /// The answers other than a ticket, a storage fault and no answer at all.
    pub fn unexpected_answers(&self) -> Vec<(&String, &usize)> {
        let expected = ["201", "503 storage_unavailable", "no answer"];
        self.answers.iter().filter(|(answer, _)| !expected.contains(&answer.as_str())).collect()
    }
}

/// Kiosks issuing tickets at the server whose base URL is in `url` (a test may swap it for a
/// restarted server) until [`Kiosks::stop`].
pub struct Kiosks {
    running: Arc<AtomicBool>,
    /// Set to give up on the attempts still unanswered.
    abandoned: Arc<AtomicBool>,
    tasks: Vec<tokio::task::JoinHandle<KioskReport>>,
}

impl Kiosks {
    pub fn start(count: usize, url: Arc<RwLock<String>>) -> Self {
        let (running, abandoned) = (Arc::new(AtomicBool::new(true)), Arc::new(AtomicBool::new(false)));
        let tasks = (0..count).map(|_| tokio::spawn(kiosk(url.clone(), running.clone(), abandoned.clone()))).collect();
        Self { running, abandoned, tasks }
    }

    /// Stops at once, giving up on attempts not answered yet (while a fault lasts that only a
    /// restart ends); returns what the kiosks saw.
    pub async fn abandon(self) -> KioskReport {
        self.abandoned.store(true, Ordering::Relaxed);
        self.stop().await
    }

    /// Lets every kiosk finish its current attempt (so it must be answerable by now) and
    /// returns what they all saw.
    pub async fn stop(self) -> KioskReport {
        self.running.store(false, Ordering::Relaxed);
        let mut report = KioskReport::default();
        for task in self.tasks {
            let one = task.await.expect("a kiosk panicked");
            report.acknowledged.extend(one.acknowledged);
            report.abandoned_keys.extend(one.abandoned_keys);
            for (answer, count) in one.answers {
                *report.answers.entry(answer).or_default() += count;
            }
        }
        report
    }
}

async fn kiosk(url: Arc<RwLock<String>>, running: Arc<AtomicBool>, abandoned: Arc<AtomicBool>) -> KioskReport {
    let client = Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
    let mut report = KioskReport::default();
    let concerns = ["extend-residence-permit", "address-change", "information"];
    let mut attempt = 0usize;
    while running.load(Ordering::Relaxed) {
        let key = new_key();
        let body = json!({"concern": concerns[attempt % concerns.len()], "language": "de"});
        attempt += 1;
        if abandoned.load(Ordering::Relaxed) {
            break;
        }
        while !abandoned.load(Ordering::Relaxed) {
            let base = url.read().unwrap().clone();
            let sent = client.post(format!("{base}/api/v1/tickets")).header("Idempotency-Key", &key).json(&body).send();
            let answer = match sent.await {
                Ok(response) if response.status() == StatusCode::CREATED => {
                    let ticket: Value = response.json().await.unwrap();
                    report.acknowledged.insert(key.clone(), id(&ticket).to_owned());
                    *report.answers.entry("201".into()).or_default() += 1;
                    break;
                }
                Ok(response) => {
                    let status = response.status().as_u16();
                    let error: Value = response.json().await.unwrap_or_default();
                    format!("{status} {}", error["code"].as_str().unwrap_or("(no JSON error)"))
                }
                Err(_) => "no answer".to_owned(),
            };
            *report.answers.entry(answer).or_default() += 1;
            // As the real kiosk, try again with the same key after a short pause.
            tokio::time::sleep(Duration::from_millis(50)).await;
            if abandoned.load(Ordering::Relaxed) {
                report.abandoned_keys.push(key.clone());
            }
        }
    }
    report
}
