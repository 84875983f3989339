//! A throwaway PostgreSQL server for the tests and benchmarks: Debian's packages (installed
//! when missing), a temporary data folder, listening on 127.0.0.1 only, on a free port. The
//! tests' copy skips fsync; the benchmarks' copy is durable, as a real office's would be.
//!
//! It stops by itself: `postgres` runs under a small shell that waits for its standard input
//! to close, which happens when this process ends for any reason (even `kill -9`), and then
//! shuts the server down. [`TestPostgres`] also stops it and removes its folder when dropped.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::cmd::Cmd;

/// The database the tests and benchmarks get; every server they start makes its own schema in it.
const DATABASE: &str = "willkommen_test";
/// The superuser `initdb` makes (trust authentication, 127.0.0.1 only).
const USER: &str = "willkommen";

pub struct TestPostgres {
    server: Child,
    dir: PathBuf,
    pub url: String,
}

/// Whether a commit waits until it is on the disk.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Durability {
    /// fsync and the rest off: what the tests are about is not durability, and it keeps them fast.
    Off,
    /// fsync, synchronous_commit and full_page_writes on (PostgreSQL's defaults): benchmark
    /// figures must come from a database that keeps what it acknowledged.
    On,
}

impl TestPostgres {
    /// Starts a new, empty server for the tests (fsync off) and creates their database.
    pub fn start() -> anyhow::Result<Self> {
        Self::start_with(Durability::Off)
    }

    /// Starts a new, empty server that commits to the disk (fsync on), for benchmarks.
    pub fn start_durable() -> anyhow::Result<Self> {
        Self::start_with(Durability::On)
    }

    fn start_with(durability: Durability) -> anyhow::Result<Self> {
        let bin = ensure_installed()?;
        // In the system's temporary folder: when running as root, the `postgres` user must be
        // able to reach it.
        let dir = std::env::temp_dir().join(format!("willkommen-postgres-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        let data = dir.join("data");
        // PostgreSQL refuses to run as root; the tests' copy then runs as Debian's `postgres`.
        let as_root = Cmd::new("id").args(["-u"]).output().is_some_and(|uid| uid.trim() == "0");
        if as_root {
            Cmd::new("chown").args(["-R".as_ref(), "postgres:postgres".as_ref(), dir.as_os_str()]).run()?;
        }
        let run_as = |program: PathBuf| -> Command {
            if as_root {
                let mut command = Command::new("runuser");
                command.args(["-u", "postgres", "--"]).arg(program);
                command
            } else {
                Command::new(program)
            }
        };
        let status = run_as(bin.join("initdb"))
            .args(["--auth=trust", "--encoding=UTF8", "--no-sync", "--locale=C", "-U", USER, "-D"])
            .arg(&data)
            .stdout(Stdio::null())
            .status()
            .context("cannot run initdb")?;
        if !status.success() {
            bail!("initdb failed ({status})");
        }
        let port = free_port()?;
        let durable = if durability == Durability::On { "on" } else { "off" };
        let script = format!(
            "{postgres} -D {data} -c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories= \
             -c fsync={durable} -c synchronous_commit={durable} -c full_page_writes={durable} \
             -c max_connections=400 >{log} 2>&1 & pid=$!; cat >/dev/null; kill -INT $pid; wait $pid",
            postgres = bin.join("postgres").display(),
            data = data.display(),
            log = dir.join("postgres.log").display(),
        );
        let server = run_as(PathBuf::from("sh"))
            .args(["-c", &script])
            .stdin(Stdio::piped())
            .spawn()
            .context("cannot start postgres")?;
        let url = format!("postgres://{USER}@127.0.0.1:{port}/{DATABASE}");
        let postgres = Self { server, dir, url };
        postgres.wait_until_ready(&bin, port)?;
        let status = Command::new(bin.join("createdb"))
            .args(["-h", "127.0.0.1", "-p", &port.to_string(), "-U", USER, DATABASE])
            .status()
            .context("cannot run createdb")?;
        if !status.success() {
            bail!("createdb failed ({status})");
        }
        println!("xtask: PostgreSQL {} (fsync {durable}) at {}", version(&bin), postgres.url);
        Ok(postgres)
    }

    fn wait_until_ready(&self, bin: &Path, port: u16) -> anyhow::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ready = Command::new(bin.join("pg_isready"))
                .args(["-q", "-h", "127.0.0.1", "-p", &port.to_string()])
                .status()
                .is_ok_and(|status| status.success());
            if ready {
                return Ok(());
            }
            if Instant::now() > deadline {
                let log = std::fs::read_to_string(self.dir.join("postgres.log")).unwrap_or_default();
                bail!("PostgreSQL did not start within 30 s:\n{log}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for TestPostgres {
    fn drop(&mut self) {
        // Closing its standard input makes the shell stop the server (fast shutdown).
        if let Some(mut stdin) = self.server.stdin.take() {
            let _ = stdin.flush();
        }
        let _ = self.server.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The folder with Debian's PostgreSQL programs, installing the packages when missing.
fn ensure_installed() -> anyhow::Result<PathBuf> {
    if let Some(bin) = installed() {
        return Ok(bin);
    }
    println!("xtask: installing Debian's postgresql for the database tests (once per machine)");
    crate::tools::install_debian_packages(&["postgresql"])?;
    installed().context("postgresql was installed but /usr/lib/postgresql/<version>/bin/initdb is missing")
}

/// The newest `/usr/lib/postgresql/<version>/bin` that has the programs the tests need.
fn installed() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            ["initdb", "postgres", "createdb", "pg_isready"]
                .iter()
                .all(|program| bin.join(program).is_file())
                .then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn version(bin: &Path) -> String {
    Cmd::new(bin.join("postgres"))
        .args(["--version"])
        .output()
        .map(|text| text.split_whitespace().nth(2).unwrap_or_default().to_owned())
        .unwrap_or_default()
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
