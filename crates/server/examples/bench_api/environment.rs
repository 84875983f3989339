//! Where the figures were measured: machine, server build and how the database (SQLite or
//! PostgreSQL) was set up. Benchmark, server and database share the machine's cores, as they
//! would in a small office's one box.

use std::io::{Seek, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::open_files::OpenFiles;
use crate::stats::Latency;

#[derive(Debug, Serialize)]
pub struct Environment {
    pub date_utc: String,
    pub cpus: usize,
    pub cpu_model: String,
    pub memory_gib: f64,
    pub kernel: String,
    pub server_binary: String,
    /// The commit the benchmark was built from, `+changes` when the work tree had changes.
    pub git_commit: Option<String>,
    /// The file system of the servers' data folders (tmpfs would make every fsync free).
    pub data_filesystem: String,
    /// Writing 4 KiB and `fdatasync` there: every ticket waits for at least one.
    pub fsync: Latency,
    /// Read from the database the SIGKILL run wrote (`None` until then).
    pub database: Option<DatabaseSetUp>,
    pub open_files: OpenFiles,
    /// Other work on the machine skews the figures: the 1, 5 and 15 minute load averages.
    pub load_average_at_start: String,
    pub load_average_at_end: String,
    pub quick: bool,
    pub runtime_s: f64,
}

/// What decides how fast a ticket is committed and whether it survives a crash.
#[derive(Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DatabaseSetUp {
    Sqlite {
        journal_mode: String,
        synchronous: String,
    },
    Postgres {
        version: String,
        fsync: String,
        synchronous_commit: String,
        full_page_writes: String,
        /// When the database's data folder is on this machine (and readable).
        data_filesystem: Option<String>,
    },
}

impl Environment {
    pub fn survey(server_binary: &Path, open_files: OpenFiles, quick: bool) -> Self {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let memory_kib: f64 =
            field(&meminfo, "MemTotal").and_then(|v| v.trim_end_matches(" kB").parse().ok()).unwrap_or(0.0);
        Self {
            date_utc: jiff::Timestamp::now().strftime("%Y-%m-%d %H:%M UTC").to_string(),
            cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu_model: field(&cpuinfo, "model name").unwrap_or("unknown").to_owned(),
            memory_gib: (memory_kib / 1024.0 / 1024.0 * 10.0).round() / 10.0,
            kernel: std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default().trim().to_owned(),
            server_binary: server_binary.display().to_string(),
            git_commit: git_commit(),
            data_filesystem: filesystem_of(&std::env::temp_dir()),
            fsync: fsync_latency(),
            database: None,
            open_files,
            load_average_at_start: load_average(),
            load_average_at_end: String::new(),
            quick,
            runtime_s: 0.0,
        }
    }
}

/// 100 times: 4 KiB written to a file in the temporary folder and synced to the disk.
fn fsync_latency() -> Latency {
    let Ok(mut file) = tempfile::tempfile() else { return Latency::default() };
    let block = [0x5au8; 4096];
    let times: Vec<Duration> = (0..100)
        .filter_map(|_| {
            let started = Instant::now();
            file.rewind().ok()?;
            file.write_all(&block).ok()?;
            file.sync_data().ok()?;
            Some(started.elapsed())
        })
        .collect();
    Latency::of(&times)
}

/// `0.52 0.61 0.70`: the load averages over 1, 5 and 15 minutes.
pub fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// The value of `name: value` in a /proc file.
fn field<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    text.lines().find(|line| line.starts_with(name)).and_then(|line| line.split_once(':')).map(|(_, v)| v.trim())
}

fn git_commit() -> Option<String> {
    let git = |args: &[&str]| {
        let output = Command::new("git").args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().ok()?;
        output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
    };
    let commit = git(&["rev-parse", "--short", "HEAD"])?;
    let changed = git(&["status", "--porcelain"]).is_some_and(|status| !status.is_empty());
    Some(if changed { format!("{commit}+changes") } else { commit })
}

/// `ext4 (/)`: the type of the mount that holds `path` (the longest mount point above it).
pub fn filesystem_of(path: &Path) -> String {
    let mounts = std::fs::read_to_string("/proc/mounts").unwrap_or_default();
    let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let (_, point, kind) = (fields.next()?, fields.next()?, fields.next()?);
            path.starts_with(point).then(|| (point.to_owned(), kind.to_owned()))
        })
        .max_by_key(|(point, _)| point.len())
        .map_or_else(|| "unknown".into(), |(point, kind)| format!("{kind} ({point})"))
}

/// SQLite's `synchronous` as the server sets it on each connection (so it cannot be read from
/// the file): what the server's source says in the tree the benchmark was built from.
pub fn synchronous_in_source() -> String {
    let source = include_str!("../../src/store/backend.rs");
    let setting = source.split("PRAGMA synchronous = ").nth(1).and_then(|rest| rest.split(';').next());
    setting.map_or_else(|| "unknown".into(), |value| value.trim().to_uppercase())
}
