//! Faults an office's database meets while kiosks keep issuing tickets, injected into the
//! real server: its disk filling up, another program holding SQLite's write lock. For each:
//! every answer is a ticket or `503 storage_unavailable` with `Retry-After` (never a 500),
//! `/readyz` says not ready with the reason while the fault lasts and ready again within 5 s
//! after it clears (no restart), the fault is logged once, `/metrics` counts the seconds
//! without writes, a live stream opened before the fault goes on, and afterwards every
//! acknowledged ticket is stored exactly once. Each test prints its figures
//! (docs/benchmarks.md, "Faults").

use std::path::Path;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{
    Cable, Clerk, FailingDisk, KioskReport, Kiosks, SmallDisk, SseReader, TestServer, check_acknowledged_tickets,
    connect_database, edit_database, needs_postgres, postgres_url,
};

/// How long the server has to notice a fault, and to recover once it clears.
const NOTICE_WITHIN: Duration = Duration::from_secs(20);
const RECOVER_WITHIN: Duration = Duration::from_secs(5);

/// A fault drill: kiosks issuing, a clerk at a counter and a call display's live stream
/// open, while a test injects a fault and clears it again.
struct Drill {
    server: TestServer,
    kiosks: Kiosks,
    clerk: Clerk,
    /// Opened before the fault; must go on after it.
    display: SseReader,
    started: Instant,
}

/// What a drill measured.
struct Figures {
    /// The ticket the clerk called after the fault.
    called: Value,
    report: KioskReport,
    noticed_after: Duration,
    recovered_after: Duration,
}

impl Drill {
    /// Starts the kiosks at `server` (on a database [`prepare`]d for them) and lets them
    /// issue for a moment.
    async fn on(server: TestServer) -> Self {
        let clerk = server.clerk().await;
        let display = server.open_stream("/api/v1/display/events", None).await;
        let kiosks = Kiosks::start(3, Arc::new(RwLock::new(server.url().to_owned())));
        tokio::time::sleep(Duration::from_millis(500)).await;
        Self { server, kiosks, clerk, display, started: Instant::now() }
    }

    /// Waits until `/readyz` says writes fail because of `fault`; returns its answer.
    async fn await_not_ready(&mut self, faults: &[&str]) -> Value {
        self.started = Instant::now();
        let deadline = self.started + NOTICE_WITHIN;
        loop {
            let answer = self.server.get_json("/readyz").await;
            // With `since`: writes fail now (a nearly full disk is reported before they do).
            if answer.status == StatusCode::SERVICE_UNAVAILABLE
                && faults.iter().any(|fault| answer.body["fault"] == *fault)
                && answer.body["since"].is_string()
            {
                return answer.body;
            }
            assert!(
                Instant::now() < deadline,
                "/readyz did not report {faults:?} within {NOTICE_WITHIN:?}; it said {} {}; log:\n{}",
                answer.status,
                answer.body,
                self.server.log()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `/readyz` says ready again; returns how long that took from `cleared`.
    async fn await_ready(&self, cleared: Instant) -> Duration {
        await_ready(&self.server, cleared).await
    }

    /// While the fault lasts: a clerk's call is refused the same way, with `Retry-After`.
    async fn check_clerk_is_refused(&self) {
        let response = self
            .clerk
            .client()
            .post(self.server.at("/api/v1/counters/counter-1/call-next"))
            .send()
            .await
            .expect("the server did not answer");
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers().get("retry-after").and_then(|value| value.to_str().ok()), Some("2"));
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["code"], "storage_unavailable", "{error}");
    }

    /// After the fault: the display's live stream, opened before it, shows the next call,
    /// and the log and `/metrics` tell the fault's story once.
    async fn finish(
        mut self,
        data_dir: &Path,
        noticed_after: Duration,
        recovered_after: Duration,
        logged: &str,
    ) -> Figures {
        let called = self.clerk.called_next("counter-1").await;
        let event = self.display.next_within(Duration::from_secs(5)).await.expect("the display heard no call");
        let shown: Value = serde_json::from_str(&event.data).unwrap();
        assert_eq!((event.event.as_str(), &shown["number"]), ("call", &called["number"]));

        let report = self.kiosks.stop().await;
        let metrics = self.server.get("/metrics").await.text().await.unwrap();
        assert!(metrics.contains("willkommen_storage_writable 1"), "{metrics}");
        let unwritable = metric(&metrics, "willkommen_storage_unwritable_seconds_total");
        assert!(unwritable > 0.5, "seconds without writes: {unwritable}");
        let log = self.server.log();
        assert_eq!(log.matches(logged).count(), 1, "the fault should be logged once:\n{log}");
        assert_eq!(log.matches("the database takes writes again").count(), 1, "{log}");
        assert!(!log.contains("request failed"), "a request failed as a bug:\n{log}");
        self.server.stop();

        assert!(report.unexpected_answers().is_empty(), "kiosks saw {:?}", report.answers);
        assert!(report.answers.get("503 storage_unavailable").is_some_and(|&count| count > 0), "{:?}", report.answers);
        let stored = check_acknowledged_tickets(data_dir, &report.acknowledged).await;
        // Every attempt was retried until answered: a ticket more than keys would be a double one.
        assert_eq!(stored, report.acknowledged.len(), "tickets stored vs. acknowledged");
        Figures { called, report, noticed_after, recovered_after }
    }
}

impl Figures {
    fn print(&self, fault: &str) {
        eprintln!(
            "fault {fault}: {} tickets acknowledged, answers {:?}, /readyz not ready {:.1} s after the fault, \
             ready {:.2} s after it cleared",
            self.report.acknowledged.len(),
            self.report.answers,
            self.noticed_after.as_secs_f64(),
            self.recovered_after.as_secs_f64()
        );
    }
}

/// Waits until `server`'s `/readyz` says ready again; returns how long that took from
/// `cleared`. Fails after [`RECOVER_WITHIN`].
async fn await_ready(server: &TestServer, cleared: Instant) -> Duration {
    loop {
        let answer = server.get_json("/readyz").await;
        if answer.status == StatusCode::OK {
            return cleared.elapsed();
        }
        assert!(
            cleared.elapsed() < RECOVER_WITHIN,
            "not ready {RECOVER_WITHIN:?} after the fault cleared: {}; log:\n{}",
            answer.body,
            server.log()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(name)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {name} in\n{text}"))
}

/// These faults are SQLite's; the PostgreSQL pass has its own.
fn sqlite_only(test: &str) -> bool {
    if postgres_url().is_some() {
        eprintln!("skipped: {test} injects an SQLite fault; this pass runs on PostgreSQL");
        return false;
    }
    true
}

/// A data folder with the demo office and no daily quotas (kiosks issue hundreds of tickets).
async fn prepare(data_dir: &Path) {
    TestServer::start(data_dir).stop();
    edit_database(data_dir, &["UPDATE concerns SET daily_quota = NULL"]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_full_disk_refuses_writes_with_503_until_space_is_freed_then_recovers_by_itself() {
    if !sqlite_only("the full disk") {
        return;
    }
    let disk = match SmallDisk::mount(24) {
        Ok(disk) => disk,
        Err(why) => {
            eprintln!("skipped: cannot mount a small tmpfs to fill up ({why}); run the tests as root");
            return;
        }
    };
    let data_dir = disk.path().join("data");
    prepare(&data_dir).await;
    let mut drill = Drill::on(TestServer::start(&data_dir)).await;

    let filler = disk.fill();
    let not_ready = drill.await_not_ready(&["disk_full"]).await;
    let noticed_after = drill.started.elapsed();
    let reason = not_ready["reason"].as_str().unwrap();
    assert!(reason.starts_with(&format!("the disk holding {} is full", data_dir.display())), "{reason}");
    drill.check_clerk_is_refused().await;
    tokio::time::sleep(Duration::from_secs(1)).await;

    std::fs::remove_file(filler).unwrap();
    let recovered_after = drill.await_ready(Instant::now()).await;
    drill.finish(&data_dir, noticed_after, recovered_after, "the disk holding").await.print("disk full");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_write_lock_held_by_another_program_is_reported_and_outlived() {
    if !sqlite_only("the held write lock") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    prepare(data.path()).await;
    let mut drill = Drill::on(TestServer::start(data.path())).await;

    // An administrator's sqlite3 shell, left inside a transaction.
    let mut shell = connect_database(data.path()).await;
    sqlx::query("BEGIN IMMEDIATE").execute(&mut shell).await.unwrap();
    let not_ready = drill.await_not_ready(&["locked"]).await;
    let noticed_after = drill.started.elapsed();
    assert!(not_ready["reason"].as_str().unwrap().starts_with("another program holds the write lock"), "{not_ready}");
    drill.check_clerk_is_refused().await;
    tokio::time::sleep(Duration::from_secs(1)).await;

    sqlx::query("ROLLBACK").execute(&mut shell).await.unwrap();
    let cleared = Instant::now();
    sqlx::Connection::close(shell).await.unwrap();
    let recovered_after = drill.await_ready(cleared).await;
    drill
        .finish(data.path(), noticed_after, recovered_after, "another program holds the write lock")
        .await
        .print("lock");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs PostgreSQL: run by `cargo xtask test`"]
async fn postgres_gone_for_30_seconds_is_outlived_by_every_instance_and_its_live_streams() {
    let url = needs_postgres();
    let parsed = url::Url::parse(&url).unwrap();
    let target = format!("{}:{}", parsed.host_str().unwrap(), parsed.port().unwrap_or(5432));
    let cable = Cable::to(target.parse().expect("the tests' PostgreSQL listens on an IP address")).await;
    let data = tempfile::tempdir().unwrap();
    prepare(data.path()).await;
    let start = || TestServer::options(data.path()).database_url(cable.url_through(&url)).start();
    let (a, b) = (start(), start());
    // The call display of the other instance hears calls only through LISTEN.
    let mut display_b = b.open_stream("/api/v1/display/events", None).await;
    let mut drill = Drill::on(a).await;

    cable.pull();
    let not_ready = drill.await_not_ready(&["unreachable"]).await;
    let noticed_after = drill.started.elapsed();
    assert!(not_ready["reason"].as_str().unwrap().contains("cannot be reached"), "{not_ready}");
    drill.check_clerk_is_refused().await;
    tokio::time::sleep(Duration::from_secs(30)).await;

    cable.plug_in();
    let cleared = Instant::now();
    let recovered_after = drill.await_ready(cleared).await;
    let b_recovered_after = await_ready(&b, cleared).await;
    let figures = drill.finish(data.path(), noticed_after, recovered_after, "cannot be reached").await;
    let event =
        display_b.next_within(Duration::from_secs(5)).await.expect("the other instance's display heard no call");
    let shown: Value = serde_json::from_str(&event.data).unwrap();
    assert_eq!(shown["number"], figures.called["number"]);
    figures.print("PostgreSQL gone 30 s");
    eprintln!("the other instance was ready {:.2} s after the cable was back", b_recovered_after.as_secs_f64());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_failing_disk_is_reported_and_no_acknowledged_ticket_is_lost() {
    if !sqlite_only("the failing disk") {
        return;
    }
    let disk = match FailingDisk::mount() {
        Ok(disk) => disk,
        Err(why) => {
            eprintln!("skipped: cannot mount an ext4 image to fail ({why}); run the tests as root");
            return;
        }
    };
    let data_dir = disk.path().join("data");
    prepare(&data_dir).await;
    let mut drill = Drill::on(TestServer::start(&data_dir)).await;

    disk.fail();
    // SQLite meets it as an I/O error, or as a file it may not write, depending on the step.
    let not_ready = drill.await_not_ready(&["unreadable", "read_only"]).await;
    let noticed_after = drill.started.elapsed();
    let reason = not_ready["reason"].as_str().unwrap();
    assert!(reason.contains("the disk reports errors") || reason.contains("a read-only disk"), "{reason}");
    drill.check_clerk_is_refused().await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Such a file system becomes writable only when mounted again: stop, check, start.
    let report = drill.kiosks.abandon().await;
    let log = drill.server.log();
    let logged = log.matches("the disk reports errors").count() + log.matches("a read-only disk").count();
    assert!(
        (1..=2).contains(&logged),
        "the fault should be logged once (once more if SQLite's view of it changes):\n{log}"
    );
    drill.server.stop();
    disk.repair();
    assert!(report.unexpected_answers().is_empty(), "kiosks saw {:?}", report.answers);
    check_acknowledged_tickets(&data_dir, &report.acknowledged).await;
    // Nothing else is stored but the tickets of attempts given up in doubt.
    let mut db = connect_database(&data_dir).await;
    let keys: Vec<String> = sqlx::query_scalar("SELECT key FROM idempotency_keys").fetch_all(&mut db).await.unwrap();
    for key in &keys {
        assert!(
            report.acknowledged.contains_key(key) || report.abandoned_keys.contains(key),
            "a ticket was stored for {key}, which the kiosks were refused"
        );
    }
    eprintln!(
        "fault failing disk: {} tickets acknowledged, all stored after the check ({} more of {} attempts given up \
         in doubt); answers {:?}; /readyz not ready {:.1} s after the fault",
        report.acknowledged.len(),
        keys.len() - report.acknowledged.len(),
        report.abandoned_keys.len(),
        report.answers,
        noticed_after.as_secs_f64()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_database_at_its_size_limit_refuses_writes_until_room_is_freed_in_it() {
    if !sqlite_only("the size limit") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    prepare(data.path()).await;
    // Old data taking 3 MB, which the test deletes later as retention deletes old days.
    edit_database(data.path(), &["INSERT INTO storage_probe (id, filler) VALUES (2, zeroblob(3000000))"]).await;
    let size = std::fs::metadata(data.path().join("willkommen.db")).unwrap().len()
        + std::fs::metadata(data.path().join("willkommen.db-wal")).map_or(0, |wal| wal.len());
    // Room for a few hundred tickets more (SQLite's limit counts pages; this is MB).
    let limit_mb = (size + 300_000).div_ceil(1_000_000);
    let server = TestServer::options(data.path()).arg("--database-max-mb").arg(limit_mb.to_string()).start();
    let mut drill = Drill::on(server).await;

    let not_ready = drill.await_not_ready(&["disk_full"]).await;
    let noticed_after = drill.started.elapsed();
    let reason = not_ready["reason"].as_str().unwrap();
    assert!(reason.contains(&format!("reached its size limit of {limit_mb} MB")), "{reason}");
    drill.check_clerk_is_refused().await;
    tokio::time::sleep(Duration::from_secs(1)).await;

    edit_database(data.path(), &["DELETE FROM storage_probe WHERE id = 2"]).await;
    let recovered_after = drill.await_ready(Instant::now()).await;
    drill.finish(data.path(), noticed_after, recovered_after, "reached its size limit").await.print("size limit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs PostgreSQL: run by `cargo xtask test`"]
async fn postgres_running_out_of_disk_is_answered_503_and_outlived() {
    needs_postgres();
    let disk = match SmallDisk::mount(24) {
        Ok(disk) => disk,
        Err(why) => {
            eprintln!("skipped: cannot mount a small tmpfs for a PostgreSQL tablespace ({why}); run the tests as root");
            return;
        }
    };
    let data = tempfile::tempdir().unwrap();
    prepare(data.path()).await;
    // The office's ticket tables move to a tablespace on the small disk, which the test's
    // PostgreSQL (running as Debian's `postgres` when the tests run as root) must own.
    let place = disk.path().join("tablespace");
    std::fs::create_dir(&place).unwrap();
    let _ = std::process::Command::new("chown").arg("postgres:postgres").arg(&place).status();
    let tablespace = format!("{}_small", crate::helpers::schema_for(data.path()));
    let mut db = connect_database(data.path()).await;
    sqlx::query(&format!("CREATE TABLESPACE {tablespace} LOCATION '{}'", place.display()))
        .execute(&mut db)
        .await
        .unwrap();
    for table in ["tickets", "ticket_events", "ticket_counters", "idempotency_keys", "storage_probe"] {
        sqlx::query(&format!("ALTER TABLE {table} SET TABLESPACE {tablespace}")).execute(&mut db).await.unwrap();
    }
    // The drill runs as a task of its own, so that the tables go back even when it fails: a
    // tablespace left on an unmounted disk would fail every later checkpoint of the tests'
    // PostgreSQL.
    let (data_dir, filler) = (data.path().to_owned(), disk.fill_later());
    let drill = tokio::spawn(async move {
        let mut drill = Drill::on(TestServer::start(&data_dir)).await;
        let filler = filler();
        let not_ready = drill.await_not_ready(&["disk_full"]).await;
        let noticed_after = drill.started.elapsed();
        assert!(not_ready["reason"].as_str().unwrap().contains("has no disk space left"), "{not_ready}");
        drill.check_clerk_is_refused().await;
        tokio::time::sleep(Duration::from_secs(1)).await;

        std::fs::remove_file(filler).unwrap();
        let recovered_after = drill.await_ready(Instant::now()).await;
        drill
            .finish(&data_dir, noticed_after, recovered_after, "has no disk space left")
            .await
            .print("PostgreSQL disk full");
    })
    .await;
    for table in ["tickets", "ticket_events", "ticket_counters", "idempotency_keys", "storage_probe"] {
        sqlx::query(&format!("ALTER TABLE {table} SET TABLESPACE pg_default")).execute(&mut db).await.unwrap();
    }
    sqlx::query(&format!("DROP TABLESPACE {tablespace}")).execute(&mut db).await.unwrap();
    if let Err(failed) = drill {
        std::panic::resume_unwind(failed.into_panic());
    }
}
