//! The real `willkommen-server` binary as a child process: started on 127.0.0.1 with a data
//! folder of the benchmark's (on PostgreSQL, the schema standing for it: `storage.rs`),
//! stopped gently or killed with SIGKILL.
//!
//! Like the integration tests (`tests/common`), every server gets `--stop-on-stdin-eof`: the
//! benchmark holds its standard input, so a benchmark that dies cannot leave a server behind.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::storage::Storage;

/// How long a server may take to say it is running, or to stop.
const PATIENCE: Duration = Duration::from_secs(20);

/// The line the server prints first once it is listening.
const RUNNING_ON: &str = "Willkommen is running on ";

/// The server binary given with `--server`, and the database its instances use.
#[derive(Clone, Debug)]
pub struct ServerBinary {
    pub path: PathBuf,
    pub storage: Storage,
    /// More flags for every start (the push section lets pushes go to 127.0.0.1).
    pub extra_args: Vec<String>,
}

/// A running server.
pub struct ServerProcess {
    child: Child,
    /// Closing it tells the server to shut down gracefully.
    stdin: Option<ChildStdin>,
    /// `http://127.0.0.1:<port>`, no trailing slash.
    pub url: String,
    pub port: u16,
    /// From spawning the process to its "running" line: how long a restart takes.
    pub start_time: Duration,
    /// What the server wrote to stderr (its log), for error messages.
    log: Arc<Mutex<String>>,
}

impl ServerBinary {
    /// A command for the binary that ignores the developer's `WILLKOMMEN_*` settings.
    fn command(&self) -> Command {
        let mut command = Command::new(&self.path);
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("WILLKOMMEN_") {
                command.env_remove(name);
            }
        }
        command.current_dir(std::env::temp_dir()).env("RUST_LOG", "warn");
        command
    }

    /// Creates (or updates) an account with the server's command line, before the server runs.
    pub async fn create_account(
        &self,
        data_dir: &Path,
        username: &str,
        password: &str,
        role: &str,
    ) -> anyhow::Result<()> {
        let mut command = self.command();
        command
            .args(self.storage.server_args(data_dir))
            .args(["account", "--username", username, "--role", role])
            .env("WILLKOMMEN_PASSWORD", password)
            .stdin(Stdio::null());
        let output = tokio::task::spawn_blocking(move || command.output()).await?.context("cannot run the server")?;
        if !output.status.success() {
            bail!("creating account {username} failed: {}", String::from_utf8_lossy(&output.stderr).trim());
        }
        Ok(())
    }

    /// Starts the server on `port` (0: a free one) and waits until it says it is running.
    pub async fn start(&self, data_dir: &Path, port: u16) -> anyhow::Result<ServerProcess> {
        self.start_within(data_dir, port, PATIENCE).await
    }

    /// [`ServerBinary::start`], waiting up to `patience` (for a start with much to do first).
    pub async fn start_within(&self, data_dir: &Path, port: u16, patience: Duration) -> anyhow::Result<ServerProcess> {
        let spawned = Instant::now();
        let mut child = self
            .command()
            .arg("--port")
            .arg(port.to_string())
            .args(self.storage.server_args(data_dir))
            // No web app: the benchmark measures the API only.
            .arg("--dist-dir")
            .arg(data_dir.join("no-web-app-here"))
            .arg("--stop-on-stdin-eof")
            .args(&self.extra_args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot start {}", self.path.display()))?;
        let stdin = child.stdin.take();
        let log = collect_in_background(child.stderr.take().expect("stderr is piped"));
        let first_line = first_line_in_background(child.stdout.take().expect("stdout is piped"));
        let line = match tokio::time::timeout(patience, first_line).await {
            Ok(Ok(line)) => line,
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                bail!("the server did not start; its log:\n{}", log.lock().unwrap());
            }
        };
        let Some(url) = line.strip_prefix(RUNNING_ON).map(|url| url.trim().to_owned()) else {
            let _ = child.kill();
            bail!("unexpected first line from the server: {line:?}");
        };
        let port = url.rsplit(':').next().and_then(|port| port.parse().ok()).context("no port in the server's URL")?;
        Ok(ServerProcess { child, stdin, url, port, start_time: spawned.elapsed(), log })
    }
}

impl ServerProcess {
    /// SIGKILL, as a power cut or crash would; returns once the process is gone.
    pub fn kill(&mut self) -> anyhow::Result<()> {
        self.child.kill().context("cannot kill the server")?;
        self.child.wait().context("cannot reap the killed server")?;
        Ok(())
    }

    /// Closes the server's standard input and waits until it has shut down.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        self.stdin.take();
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait()? {
                if !status.success() {
                    bail!("the server exited with {status}; its log:\n{}", self.log());
                }
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        bail!("the server did not stop within {PATIENCE:?}")
    }

    /// The process's resident memory (Linux's `VmRSS`), if it can be read.
    pub fn resident_bytes(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
        let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib * 1024)
    }

    pub fn log(&self) -> String {
        self.log.lock().map(|text| text.clone()).unwrap_or_default()
    }

    /// The warnings and errors in the server's log, but for the expected one: the benchmark
    /// serves no web app.
    pub fn log_problems(&self) -> Vec<String> {
        let log = self.log();
        let problem =
            |line: &&str| (line.contains("WARN") || line.contains("ERROR")) && !line.contains("no built web app");
        log.lines().filter(problem).map(str::to_owned).collect()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Reads the first line of `stdout` on a thread (then keeps draining it, so the server never
/// blocks on a full pipe) without blocking the benchmark's runtime.
fn first_line_in_background(stdout: impl Read + Send + 'static) -> tokio::sync::oneshot::Receiver<String> {
    let (sender, receiver) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        if let Some(Ok(line)) = lines.next() {
            let _ = sender.send(line);
        }
        for _ in lines {}
    });
    receiver
}

/// Collects everything `pipe` says on a thread; the text grows as output arrives.
fn collect_in_background(mut pipe: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let writer = Arc::clone(&text);
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n @ 1..) = pipe.read(&mut buffer) {
            writer.lock().unwrap().push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
    });
    text
}
