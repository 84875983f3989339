//! The real `willkommen-server` binary as a test's server.
//!
//! Every server gets `--port 0` (a free port, unless a test picks the port another way), its
//! own data folder (or the PostgreSQL schema standing for it, see [`super::database_args`]) and
//! `--stop-on-stdin-eof`: the test holds the server's standard input, so a test that panics or
//! is killed cannot leave a server running. [`TestServer`] also kills its process when dropped.
//! The requests a test makes of it are in `requests.rs`.

use std::ffi::{OsStr, OsString};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use reqwest::Client;
use tempfile::TempDir;

use super::{database_args, schema_for, server_command};

/// How long a server may take to say it is running, or to stop.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The line the server prints first once it is listening.
const RUNNING_ON: &str = "Willkommen is running on ";

/// A `willkommen-server` process listening on a free port of 127.0.0.1.
pub struct TestServer {
    child: Child,
    /// Closing it (dropping it) tells the server to shut down gracefully.
    stdin: Option<ChildStdin>,
    url: String,
    /// A client without a session (and without cookies) for this server's requests.
    client: Client,
    /// Everything the server wrote to stderr so far (its log), for failure messages.
    stderr: Arc<Mutex<String>>,
    /// The data folder when the server owns it (see [`TestServer::fresh`]), kept only to be
    /// removed when the server is dropped, after it has stopped.
    _own_data_dir: Option<TempDir>,
}

/// How to start a [`TestServer`]; see [`TestServer::options`].
pub struct ServerOptions {
    data_dir: PathBuf,
    own_data_dir: Option<TempDir>,
    dist_dir: Option<PathBuf>,
    args: Vec<OsString>,
    envs: Vec<(OsString, OsString)>,
    port_flag: bool,
    database_url: Option<String>,
    open_files: Option<u64>,
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

    /// Starts the server with at most `limit` open files (soft and hard limit), as on a
    /// system that allows no more.
    pub fn open_files(mut self, limit: u64) -> Self {
        self.open_files = Some(limit);
        self
    }

    /// Reaches the PostgreSQL database by this URL (through a [`super::Cable`], say) instead
    /// of the tests' own, still in the schema standing for the data folder.
    pub fn database_url(mut self, url: impl Into<String>) -> Self {
        self.database_url = Some(url.into());
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
        let database_args = match &self.database_url {
            Some(url) => vec![
                "--data-dir".into(),
                self.data_dir.clone().into_os_string(),
                "--database-url".into(),
                url.into(),
                "--database-schema".into(),
                schema_for(&self.data_dir).into(),
            ],
            None => database_args(&self.data_dir),
        };
        command
            .args(database_args)
            .arg("--dist-dir")
            .arg(&dist_dir)
            .arg("--stop-on-stdin-eof")
            .args(&self.args)
            .envs(self.envs)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(limit) = self.open_files {
            use std::os::unix::process::CommandExt;
            // SAFETY: between fork and exec only setrlimit runs, which is async-signal-safe.
            unsafe {
                command.pre_exec(move || {
                    let limit = libc::rlimit { rlim_cur: limit, rlim_max: limit };
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
        }
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

        let mut server = TestServer {
            child,
            stdin,
            url: String::new(),
            client: Client::new(),
            stderr,
            _own_data_dir: self.own_data_dir,
        };
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
            database_url: None,
            open_files: None,
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

    /// A client without a session, for a request the helpers in `requests.rs` do not make
    /// (special headers, raw bodies).
    pub fn client(&self) -> &Client {
        &self.client
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
