//! A fresh server whose office can take a benchmark at any hour: each section of the benchmark
//! gets one, so its figures do not depend on what ran before.
//!
//! The demo office limits tickets per concern and day, and a real office has opening hours,
//! closed days and a cut-off; any of them would refuse tickets halfway through a run (or at
//! 3 a.m.). An administrator changes that the way the admin console does: read the draft, open
//! every day 00:00–24:00, lift the quotas, add counters, save and publish. Clerks for the new
//! counters are created through the admin API too.

use anyhow::{Context, bail, ensure};
use reqwest::Client;
use serde_json::json;
use tempfile::TempDir;
use willkommen_api::{self as wire, API_PREFIX};

use crate::api::{self, Clerk, Reply};
use crate::database::{self, Stored};
use crate::server::{ServerBinary, ServerProcess};

const ADMIN: &str = "bench-admin";
const ADMIN_PASSWORD: &str = "bench-admin-password";

/// A running server with an office prepared for benchmarking, on a data folder of its own.
pub struct Site {
    pub server: ServerProcess,
    /// More instances on the same data (PostgreSQL only); see [`Site::start_another_instance`].
    more_instances: Vec<ServerProcess>,
    /// The server's data folder (on PostgreSQL, its schema's name); removed when the site is
    /// dropped.
    pub data: TempDir,
    binary: ServerBinary,
    /// The active concerns as the kiosk shows them (with their checklists).
    pub concerns: Vec<wire::Concern>,
    pub languages: Vec<String>,
    /// The concern "I am not sure" leads to.
    pub information: wire::ConcernId,
    /// The benchmark's counters, each serving every concern.
    counters: Vec<BenchCounter>,
}

/// A counter the benchmark added, with the sign-in of its clerk.
struct BenchCounter {
    id: String,
    username: String,
    password: String,
}

impl Site {
    /// Starts a server on a new data folder and prepares its office with `counters` counters.
    pub async fn open(binary: &ServerBinary, counters: usize) -> anyhow::Result<Self> {
        let data = tempfile::tempdir().context("cannot create a data folder")?;
        // An admin of our own, so nothing depends on the demo accounts' passwords.
        binary.create_account(data.path(), ADMIN, ADMIN_PASSWORD, "admin").await?;
        let server = binary.start(data.path(), 0).await?;
        let admin = Admin::sign_in(&server.url).await?;
        let counters = admin.open_around_the_clock(counters).await?;
        let kiosk: wire::Kiosk = api::send(api::client().get(format!("{}{API_PREFIX}/kiosk", server.url)))
            .await
            .map_err(anyhow::Error::msg)?
            .json()?;
        ensure!(
            kiosk.issuing.state == wire::IssuingState::Open,
            "the office does not issue tickets after publishing: {:?}",
            kiosk.issuing
        );
        let information = kiosk.information_concern.clone().context("the office has no information concern")?;
        Ok(Self {
            server,
            more_instances: Vec::new(),
            data,
            binary: binary.clone(),
            concerns: kiosk.concerns,
            languages: kiosk.languages,
            information,
            counters,
        })
    }

    /// Starts one more server instance on the same database, as a second box in the office
    /// would run; only PostgreSQL is made for that. Returns its URL.
    pub async fn start_another_instance(&mut self) -> anyhow::Result<String> {
        ensure!(self.binary.storage.is_postgres(), "only PostgreSQL serves several instances at once");
        let server = self.binary.start(self.data.path(), 0).await?;
        let url = server.url.clone();
        self.more_instances.push(server);
        Ok(url)
    }

    /// Stops every instance gently; the data folder stays for reading what was stored.
    pub async fn shut_down(self) -> anyhow::Result<TempDir> {
        for server in std::iter::once(self.server).chain(self.more_instances) {
            let problems = server.log_problems();
            if !problems.is_empty() {
                // By what they say, without the time: the most frequent three.
                let mut kinds = std::collections::BTreeMap::<&str, usize>::new();
                for problem in &problems {
                    *kinds.entry(problem.split_once(' ').map_or(problem.as_str(), |(_, said)| said)).or_default() += 1;
                }
                let mut kinds: Vec<_> = kinds.into_iter().collect();
                kinds.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
                progress!("the server logged {} warnings or errors, most often:", problems.len());
                for (said, count) in kinds.iter().take(3) {
                    progress!("  {count} × {said}");
                }
            }
            server.stop().await?;
        }
        Ok(self.data)
    }

    /// Stops every instance gently and reads what they stored.
    pub async fn shut_down_and_read(self) -> anyhow::Result<Stored> {
        let storage = self.binary.storage.clone();
        let data = self.shut_down().await?;
        database::read(&storage, data.path()).await
    }

    pub fn url(&self) -> &str {
        &self.server.url
    }

    /// Does what PostgreSQL's autovacuum does in its own time: after thousands of tickets
    /// changed at once, their old row versions still sit in the queue's index, and every
    /// ticket issued until the next vacuum would step over them. Nothing to do on SQLite.
    pub async fn vacuum(&self) -> anyhow::Result<()> {
        if self.binary.storage.is_postgres() {
            let mut db = self.binary.storage.connect_writable(self.data.path()).await?;
            sqlx::Executor::execute(&mut db, "VACUUM ANALYZE tickets").await?;
        }
        Ok(())
    }

    /// The URL of every instance, the first one's first.
    pub fn urls(&self) -> Vec<String> {
        self.instances().map(|server| server.url.clone()).collect()
    }

    /// The resident memory of every instance together, if it can be read.
    pub fn resident_bytes(&self) -> Option<u64> {
        self.instances().map(ServerProcess::resident_bytes).sum()
    }

    fn instances(&self) -> impl Iterator<Item = &ServerProcess> {
        std::iter::once(&self.server).chain(&self.more_instances)
    }

    /// How many counters the benchmark added.
    pub fn counter_count(&self) -> usize {
        self.counters.len()
    }

    /// The clerk of the benchmark's `index`-th counter, signed in.
    pub async fn clerk(&self, index: usize) -> anyhow::Result<Clerk> {
        let counter = &self.counters[index];
        Clerk::sign_in(self.url(), &counter.username, &counter.password, &counter.id).await
    }

    /// The `n`-th visitor's request: concerns and languages in turn, every document answered.
    pub fn visitor(&self, n: usize) -> wire::NewTicket {
        let concern = &self.concerns[n % self.concerns.len()];
        self.visitor_for(&concern.id, n)
    }

    /// The `n`-th visitor's request for `concern`.
    pub fn visitor_for(&self, concern: &wire::ConcernId, n: usize) -> wire::NewTicket {
        let checklist = self
            .concerns
            .iter()
            .find(|c| &c.id == concern)
            .map(|c| {
                c.checklist.iter().enumerate().map(|(i, item)| (item.id.clone(), !(n + i).is_multiple_of(3))).collect()
            })
            .unwrap_or_default();
        wire::NewTicket {
            concern: concern.clone(),
            language: self.languages[n / 7 % self.languages.len()].clone(),
            checklist,
        }
    }
}

/// An administrator's session.
pub struct Admin {
    client: Client,
    base: String,
}

impl Admin {
    pub async fn sign_in(base: &str) -> anyhow::Result<Self> {
        let client = Client::builder().cookie_store(true).timeout(api::REQUEST_TIMEOUT).build()?;
        let admin = Self { client, base: base.to_owned() };
        admin.send(reqwest::Method::POST, "/session", json!({"username": ADMIN, "password": ADMIN_PASSWORD})).await?;
        Ok(admin)
    }

    pub async fn send(&self, method: reqwest::Method, path: &str, body: serde_json::Value) -> anyhow::Result<Reply> {
        let request = self.client.request(method.clone(), format!("{}{API_PREFIX}{path}", self.base));
        let request = if body.is_null() { request } else { request.json(&body) };
        let reply = api::send(request).await.map_err(|failure| anyhow::anyhow!("{method} {path}: {failure}"))?;
        if !reply.status.is_success() {
            bail!("{method} {path}: {} {}", reply.status, reply.body);
        }
        Ok(reply)
    }

    /// Publishes the office open every day, all day, without quotas, with `counters` more
    /// counters serving every concern, and creates a clerk for each of them.
    async fn open_around_the_clock(&self, counters: usize) -> anyhow::Result<Vec<BenchCounter>> {
        let draft: wire::Draft = self.send(reqwest::Method::GET, "/admin/draft", json!(null)).await?.json()?;
        let mut office = draft.document;
        let all_day = vec![wire::TimeRange { from: "00:00".into(), to: "24:00".into() }];
        office.opening_hours =
            wire::OpeningHours(wire::Weekday::ALL.iter().map(|day| (*day, all_day.clone())).collect());
        office.closed_days.clear();
        office.cutoff_minutes = 0;
        for concern in &mut office.concerns {
            concern.daily_quota = None;
        }
        let every_concern: Vec<_> = office.concerns.iter().map(|concern| concern.id.clone()).collect();
        let added: Vec<_> = (1..=counters)
            .map(|n| BenchCounter {
                id: format!("bench-counter-{n}"),
                username: format!("bench-clerk-{n}"),
                password: format!("bench-clerk-password-{n}"),
            })
            .collect();
        for (n, counter) in added.iter().enumerate() {
            office.counters.push(wire::CounterConfig {
                id: wire::CounterId(counter.id.clone()),
                name: format!("Bench {}", n + 1),
                concerns: every_concern.clone(),
            });
        }
        let save = wire::SaveDraft { revision: draft.revision, document: office, basis: draft.basis };
        let saved: wire::Draft =
            self.send(reqwest::Method::PUT, "/admin/draft", serde_json::to_value(&save)?).await?.json()?;
        ensure!(saved.problems.is_empty(), "the benchmark's office has problems: {:?}", saved.problems);
        let publish = wire::Publish { revision: saved.revision, note: "benchmark: open all day, no quotas".into() };
        self.send(reqwest::Method::POST, "/admin/publish", serde_json::to_value(&publish)?).await?;
        for BenchCounter { username, password, .. } in &added {
            let account =
                json!({"username": username, "display_name": username, "role": "staff", "password": password});
            self.send(reqwest::Method::POST, "/admin/accounts", account).await?;
        }
        Ok(added)
    }
}
