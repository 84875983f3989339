//! Running commands: echo what runs, fail with a clear message when it fails.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Child, Command};

use anyhow::{Context, bail};

/// A command to run from the workspace root.
pub struct Cmd {
    command: Command,
    shown: String,
}

impl Cmd {
    pub fn new(program: impl AsRef<OsStr>) -> Self {
        let program = program.as_ref();
        let mut command = Command::new(program);
        command.current_dir(crate::root());
        let shown = Path::new(program).file_name().unwrap_or(program).to_string_lossy().into_owned();
        Self { command, shown }
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for arg in args {
            self.shown.push(' ');
            self.shown.push_str(&arg.as_ref().to_string_lossy());
            self.command.arg(arg);
        }
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.command.env(key, value);
        self
    }

    /// Runs to completion; an unsuccessful exit is an error.
    pub fn run(mut self) -> anyhow::Result<()> {
        println!("xtask: $ {}", self.shown);
        let status = self.command.status().with_context(|| format!("cannot start `{}`", self.shown))?;
        if !status.success() {
            bail!("`{}` failed ({status})", self.shown);
        }
        Ok(())
    }

    /// Runs to completion and returns standard output, or `None` if it cannot run or fails.
    pub fn output(mut self) -> Option<String> {
        let output = self.command.output().ok()?;
        output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Gives the command a pipe as standard input (held by the returned child), so a server
    /// started with `--stop-on-stdin-eof` stops when this process ends, however it ends.
    pub fn stdin_piped(mut self) -> Self {
        self.command.stdin(std::process::Stdio::piped());
        self
    }

    pub fn spawn(mut self) -> anyhow::Result<Child> {
        println!("xtask: $ {} &", self.shown);
        self.command.spawn().with_context(|| format!("cannot start `{}`", self.shown))
    }

    /// Replaces this process with the command, so signals (Ctrl+C) go straight to it.
    pub fn exec(mut self) -> anyhow::Result<()> {
        use std::os::unix::process::CommandExt;
        println!("xtask: $ {}", self.shown);
        let error = self.command.exec();
        Err(error).with_context(|| format!("cannot start `{}`", self.shown))
    }
}

/// `cargo` with the same toolchain that runs this xtask.
pub fn cargo<S: AsRef<OsStr>>(args: &[S]) -> Cmd {
    Cmd::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())).args(args)
}
