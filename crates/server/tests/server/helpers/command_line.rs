//! The server binary's command line, for the tests of what it prints, refuses and runs
//! besides serving (`account`, `backup`).

use std::ffi::OsStr;
use std::io::Read;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::Instant;

use super::test_server::PATIENCE;

/// The path of the server binary Cargo built for these tests.
const SERVER_BINARY: &str = env!("CARGO_BIN_EXE_willkommen-server");

/// A command for the server binary that ignores the developer's `WILLKOMMEN_*` settings and
/// runs in a folder of its own, so nothing leaks into the tests or into the repository.
pub fn server_command() -> Command {
    let mut command = Command::new(SERVER_BINARY);
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("WILLKOMMEN_") {
            command.env_remove(name);
        }
    }
    command.current_dir(std::env::temp_dir());
    command
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
        thread::sleep(std::time::Duration::from_millis(10));
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

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// `path` as a command-line argument.
pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary folders have UTF-8 names")
}

/// Reads `pipe` to its end on a thread and hands back everything it read.
fn read_to_end_in_background(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}
