//! Runs the real `willkommen-server` binary for the integration tests.
//!
//! Every server gets `--port 0` (a free port, unless a test picks the port another way), its
//! own data folder and
//! `--stop-on-stdin-eof`: the test holds the server's standard input, so a test that panics or
//! is killed cannot leave a server running. [`TestServer`] also kills its process when dropped.
//!
//! The same tests run against both databases: with `WILLKOMMEN_TEST_DATABASE_URL` set (`cargo
//! xtask test` starts a PostgreSQL server for a second pass), each data folder stands for a
//! PostgreSQL schema of its own instead of an SQLite file, so tests stay apart.

#![allow(dead_code)] // Each test file uses a different part of this module.

pub mod sse;

use std::ffi::{OsStr, OsString};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Output, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// How long a server may take to say it is running, or to stop.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The path of the server binary Cargo built for these tests.
pub const SERVER_BINARY: &str = env!("CARGO_BIN_EXE_willkommen-server");

/// The line the server prints first once it is listening.
const RUNNING_ON: &str = "Willkommen is running on ";

/// The PostgreSQL database the tests run against, when they do (see the module comment).
pub fn postgres_url() -> Option<String> {
    std::env::var("WILLKOMMEN_TEST_DATABASE_URL").ok().filter(|url| !url.is_empty())
}

/// The PostgreSQL schema that stands for `data_dir`.
pub fn schema_for(data_dir: &Path) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data_dir.hash(&mut hasher);
    format!("test_{:016x}", hasher.finish())
}

/// The server options that put its data in `data_dir`, or in the schema standing for it.
pub fn database_args(data_dir: &Path) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec!["--data-dir".into(), data_dir.into()];
    if let Some(url) = postgres_url() {
        args.extend(["--database-url".into(), url.into(), "--database-schema".into(), schema_for(data_dir).into()]);
    }
    args
}

/// A connection to the database of `data_dir` (after a server has created it), to look at
/// or change what is stored behind the server's back.
pub async fn connect_database(data_dir: &Path) -> sqlx::AnyConnection {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    match postgres_url() {
        Some(url) => {
            let mut connection = sqlx::AnyConnection::connect(&url).await.unwrap();
            let search_path = format!("SET search_path TO {}", schema_for(data_dir));
            sqlx::query(&search_path).execute(&mut connection).await.unwrap();
            connection
        }
        None => {
            let url = format!("sqlite://{}", data_dir.join("willkommen.db").display());
            sqlx::AnyConnection::connect(&url).await.unwrap()
        }
    }
}

/// Changes the stored data while no server runs, as an administrator's edit would.
pub async fn edit_database(data_dir: &Path, statements: &[&str]) {
    use sqlx::Connection;
    let mut connection = connect_database(data_dir).await;
    for statement in statements {
        sqlx::query(statement).execute(&mut connection).await.unwrap();
    }
    connection.close().await.unwrap();
}

/// A new `Idempotency-Key`, as a kiosk makes one per visitor's attempt.
pub fn new_key() -> String {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("test-{}-{nanos}-{count}", std::process::id())
}

/// Takes a new ticket from the kiosk API at `base_url` (a server's URL) and returns it; fails
/// the test unless the answer is `201 Created`.
pub async fn issue_ticket(base_url: &str, concern: &str, language: &str) -> serde_json::Value {
    let response = reqwest::Client::new()
        .post(format!("{base_url}/api/v1/tickets"))
        .header("Idempotency-Key", new_key())
        .json(&serde_json::json!({"concern": concern, "language": language}))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), reqwest::StatusCode::CREATED, "a new ticket");
    response.json().await.expect("a ticket as JSON")
}

/// The status of the answer to signing in at `base_url` (a server's URL) as `username`.
pub async fn sign_in_status(base_url: &str, username: &str, password: &str) -> reqwest::StatusCode {
    reqwest::Client::new()
        .post(format!("{base_url}/api/v1/session"))
        .json(&serde_json::json!({"username": username, "password": password}))
        .send()
        .await
        .expect("the server answers")
        .status()
}

/// A client signed in at `base_url` as `username` (it keeps the session cookie); fails the
/// test if signing in is refused.
pub async fn signed_in(base_url: &str, username: &str, password: &str) -> reqwest::Client {
    let client = reqwest::Client::builder().cookie_store(true).build().expect("a client");
    let response = client
        .post(format!("{base_url}/api/v1/session"))
        .json(&serde_json::json!({"username": username, "password": password}))
        .send()
        .await
        .expect("the server answers");
    let status = response.status();
    assert_eq!(
        status,
        reqwest::StatusCode::OK,
        "cannot sign in as {username}: {}",
        response.text().await.unwrap_or_default()
    );
    client
}

/// A `willkommen-server` process listening on a free port of 127.0.0.1.
pub struct TestServer {
    child: Child,
    /// Closing it (dropping it) tells the server to shut down gracefully.
    stdin: Option<ChildStdin>,
    url: String,
    /// Everything the server wrote to stderr so far (its log), for failure messages.
    stderr: Arc<Mutex<String>>,
    /// The data folder when the server owns it (see [`TestServer::fresh`]); removed after
    /// the server has stopped.
    own_data_dir: Option<TempDir>,
}

/// How to start a [`TestServer`]; see [`TestServer::options`].
pub struct ServerOptions {
    data_dir: PathBuf,
    own_data_dir: Option<TempDir>,
    dist_dir: Option<PathBuf>,
    args: Vec<OsString>,
    envs: Vec<(OsString, OsString)>,
    port_flag: bool,
}

impl ServerOptions {
    /// The folder with the built web app (default: a folder that does not exist).
    pub fn dist_dir(mut self, dist_dir: impl Into<PathBuf>) -> Self {
        self.dist_dir = Some(dist_dir.into());
        self
    }

    /// Adds a command-line argument, e.g. `--public-url`.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    /// Sets an environment variable for the server, e.g. `WILLKOMMEN_PORT`.
    pub fn env(mut self, name: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.envs.push((name.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    /// Leaves out `--port 0`, so the port comes from the environment or a config file.
    pub fn without_port_flag(mut self) -> Self {
        self.port_flag = false;
        self
    }

    /// Starts the server and waits until it says it is running.
    pub fn start(self) -> TestServer {
        let dist_dir = self.dist_dir.unwrap_or_else(|| self.data_dir.join("no-web-app-here"));
        let mut command = server_command();
        if self.port_flag {
            command.arg("--port").arg("0");
        }
        command
            .args(database_args(&self.data_dir))
            .arg("--dist-dir")
            .arg(&dist_dir)
            .arg("--stop-on-stdin-eof")
            .args(&self.args)
            .envs(self.envs)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("cannot start the willkommen-server binary");
        let stdin = child.stdin.take();
        let stderr = collect_in_background(child.stderr.take().expect("stderr is piped"));

        // Read stdout on a thread so that a server that never prints cannot hang the test.
        let stdout = child.stdout.take().expect("stdout is piped");
        let (first_line_tx, first_line_rx) = mpsc::channel();
        thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let _ = first_line_tx.send(lines.next());
            // Keep reading, so the server never blocks on (or fails writing to) a full pipe.
            for _ in lines {}
        });
        let first_line = first_line_rx.recv_timeout(PATIENCE);

        let mut server = TestServer { child, stdin, url: String::new(), stderr, own_data_dir: self.own_data_dir };
        match first_line {
            Ok(Some(Ok(line))) if line.starts_with(RUNNING_ON) => {
                server.url = line[RUNNING_ON.len()..].trim().to_owned();
                assert!(
                    server.url.starts_with("http://127.0.0.1:"),
                    "unexpected address in {line:?}; log:\n{}",
                    server.log()
                );
                server
            }
            other => {
                // Give a crashing server a moment to finish its error message.
                let status = server.wait_for_exit(Duration::from_secs(2));
                panic!(
                    "the server did not start (first stdout line: {other:?}, exit: {status:?}); stderr:\n{}",
                    server.log()
                );
            }
        }
    }
}

impl TestServer {
    /// Starts a server on `data_dir` without a web app.
    pub fn start(data_dir: &Path) -> Self {
        Self::options(data_dir).start()
    }

    /// Starts a server on a new, empty data folder of its own (the demo office, no tickets).
    pub fn fresh() -> Self {
        let data_dir = tempfile::tempdir().expect("cannot create a temporary data folder");
        let mut options = Self::options(data_dir.path());
        options.own_data_dir = Some(data_dir);
        options.start()
    }

    /// Options for a server on `data_dir`, to add a dist folder or flags before starting it.
    pub fn options(data_dir: &Path) -> ServerOptions {
        ServerOptions {
            data_dir: data_dir.to_owned(),
            own_data_dir: None,
            dist_dir: None,
            args: Vec::new(),
            envs: Vec::new(),
            port_flag: true,
        }
    }

    /// The server's base URL, `http://127.0.0.1:<port>`, without a trailing slash.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The absolute URL of `path` (which starts with `/`) on this server.
    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// What the server wrote to stderr so far.
    pub fn log(&self) -> String {
        self.stderr.lock().map(|text| text.clone()).unwrap_or_default()
    }

    /// Shuts the server down the gentle way (closes its standard input) and waits until it
    /// has exited. Panics if it does not exit in time.
    pub fn stop(mut self) -> ExitStatus {
        self.stdin.take();
        match self.wait_for_exit(PATIENCE) {
            Some(status) => status,
            None => panic!("the server did not stop within {PATIENCE:?} after stdin closed; log:\n{}", self.log()),
        }
    }

    /// Kills the server at once (SIGKILL), as a power cut or crash would.
    pub fn kill(mut self) {
        self.child.kill().expect("cannot kill the server");
        self.child.wait().expect("cannot reap the killed server");
    }

    fn wait_for_exit(&mut self, patience: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + patience;
        loop {
            if let Some(status) = self.child.try_wait().expect("cannot check on the server") {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Runs the server binary with exactly `args` until it exits (it is expected to refuse to
/// start) and returns what it printed. Standard input is empty and `--stop-on-stdin-eof`
/// is NOT added, so pass it if the arguments could let the server start.
pub fn run_server_to_exit<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    run_server_to_exit_with_env(args, [("", ""); 0])
}

/// [`run_server_to_exit`] with these environment variables set.
pub fn run_server_to_exit_with_env<I, S, E>(args: I, envs: E) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
    E: IntoIterator<Item = (&'static str, &'static str)>,
{
    let mut child = server_command()
        .args(args)
        .envs(envs)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start the willkommen-server binary");
    let stdout = read_to_end_in_background(child.stdout.take().expect("stdout is piped"));
    let stderr = read_to_end_in_background(child.stderr.take().expect("stderr is piped"));
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = child.try_wait().expect("cannot check on the server") {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the server was still running after {PATIENCE:?}");
        }
        thread::sleep(Duration::from_millis(10));
    };
    // The process has exited, so its pipes are closed and the readers finish.
    let join = |reader: thread::JoinHandle<Vec<u8>>| reader.join().expect("a pipe reader panicked");
    Output { status, stdout: join(stdout), stderr: join(stderr) }
}

/// The single line the server wrote to stderr; fails if it wrote none or several, or if it
/// claimed to be running.
pub fn the_one_stderr_line(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected exactly one line on stderr, got:\n{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("is running"), "the server claimed to run despite the error:\n{stdout}");
    lines[0].to_owned()
}

/// A command for the server binary that ignores the developer's `WILLKOMMEN_*` settings and
/// runs in a folder of its own, so nothing leaks into the tests or into the repository.
fn server_command() -> Command {
    let mut command = Command::new(SERVER_BINARY);
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("WILLKOMMEN_") {
            command.env_remove(name);
        }
    }
    command.current_dir(std::env::temp_dir());
    command
}

/// Reads `pipe` to its end on a thread and hands back everything it read.
fn read_to_end_in_background(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

/// Reads `pipe` to its end on a thread; the returned text grows as output arrives.
fn collect_in_background(mut pipe: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let writer = Arc::clone(&text);
    thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n @ 1..) = pipe.read(&mut buffer) {
            writer.lock().unwrap().push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
    });
    text
}
