//! `cargo xtask`: the project's commands, so that a fresh machine needs nothing but Rust,
//! Node and the package registries.
//!
//! - `cargo xtask run [-- SERVER FLAGS]`: build everything (release) and start Willkommen.
//! - `cargo xtask test`: every check and test (format, lints, native, wasm, end-to-end).
//! - `cargo xtask dev [kiosk|phone|display|office]`: API server plus `trunk serve` of one app
//!   with live reload.
//! - `cargo xtask size`: the brotli size of what each app downloads at start.
//! - `cargo xtask bench [size|browser|api] [--quick] [--postgres]`: the benchmarks
//!   (docs/benchmarks.md).
//! - `cargo xtask release`: the archive an office installs (docs/deployment.md).
//! - `cargo xtask postgres`: a throwaway PostgreSQL server until Enter, for trying the server
//!   or running its tests against PostgreSQL by hand.
//!
//! Missing tools (Trunk, wasm-bindgen-cli, wasm-opt, Chromium) are installed, pinned, on first
//! use; see `tools.rs`.

mod api_fuzz;
mod bench;
mod cmd;
#[cfg(test)]
mod deploy_kit;
mod minimal_leptos;
mod postgres;
mod release;
mod service_worker;
mod size;
mod test;
mod tools;
mod wasm_split;
mod web;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cmd::cargo;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Build, run and test Willkommen")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the web app and the server (release) and start Willkommen on 127.0.0.1:8080
    /// with an SQLite database in ./data. Flags after `--` go to the server (see `--help`).
    Run {
        #[arg(last = true)]
        server_args: Vec<String>,
    },
    /// Run every check and test: fmt, clippy, native tests, wasm tests in headless Chromium,
    /// the size report, and end-to-end tests against the real server.
    Test,
    /// Develop with live reload: the API server on :8080 and `trunk serve` of one app
    /// (kiosk, phone, display or office) on :8081.
    Dev {
        #[arg(default_value = "kiosk")]
        app: String,
    },
    /// Build the web app (release) and print the brotli size of what the kiosk loads at start.
    Size,
    /// Every benchmark (download size, start-up, responsiveness, memory, API load, live
    /// streams, faults), or one part. The whole run writes docs/benchmarks.md and .json.
    Bench {
        part: Option<bench::Part>,
        /// Small counts, for a smoke run (written to target/bench/).
        #[arg(long)]
        quick: bool,
        /// The API benchmark on a throwaway, durable PostgreSQL (fsync on) instead of SQLite,
        /// with two server instances on one schema too (written to target/bench/).
        #[arg(long)]
        postgres: bool,
    },
    /// Build a release (server, web app, deployment kit) into
    /// target/release-bundle/willkommen-<version>-<arch>-linux.tar.gz, for docs/deployment.md.
    Release,
    /// Start a throwaway PostgreSQL server (Debian's, installed when missing) on 127.0.0.1,
    /// print its URL, and stop it when Enter is pressed or standard input closes.
    Postgres,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run { server_args } => run(&server_args),
        Command::Test => test::run_all(),
        Command::Dev { app } => dev(&app),
        Command::Size => size(),
        Command::Bench { part, quick, postgres } => bench::run(part, quick, postgres),
        Command::Release => release::run(),
        Command::Postgres => throwaway_postgres(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (this crate's parent folder).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_owned()
}

/// Where cargo puts build output: `CARGO_TARGET_DIR` if set, else `target/`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), |dir| root().join(dir))
}

fn run(server_args: &[String]) -> anyhow::Result<()> {
    let tools = tools::ensure_build_tools()?;
    web::build_release(&tools)?;
    size::report(&root().join("dist"))?;
    cargo(&["build", "--release", "--package", "willkommen-server"]).run()?;
    let server = target_dir().join("release/willkommen-server");
    let mut args =
        vec!["--dist-dir".to_owned(), "dist".to_owned(), "--demo-appointments".to_owned(), "true".to_owned()];
    args.extend(server_args.iter().cloned());
    cmd::Cmd::new(server).args(&args).exec()
}

fn throwaway_postgres() -> anyhow::Result<()> {
    let postgres = postgres::TestPostgres::start()?;
    println!("WILLKOMMEN_TEST_DATABASE_URL={}", postgres.url);
    println!("xtask: press Enter to stop it");
    let _ = std::io::stdin().read_line(&mut String::new());
    drop(postgres);
    Ok(())
}

fn dev(name: &str) -> anyhow::Result<()> {
    let Some(app) = web::APPS.iter().find(|app| app.name() == name) else {
        let names: Vec<_> = web::APPS.iter().map(|app| app.name()).collect();
        anyhow::bail!("no app called {name}; the apps are {}", names.join(", "));
    };
    let tools = tools::ensure_build_tools()?;
    cargo(&["fetch"]).run()?;
    cargo(&["build", "--package", "willkommen-server"]).run()?;
    let mut server = cmd::Cmd::new(target_dir().join("debug/willkommen-server"))
        .args(["--port", "8080", "--stop-on-stdin-eof"])
        .stdin_piped()
        .spawn()?;
    println!("xtask: API on http://127.0.0.1:8080; the {name} app with live reload on http://127.0.0.1:8081");
    let dist = target_dir().join(format!("trunk-{name}"));
    let trunk = tools.trunk().args(["serve", app.html, "--public-url", "/", "--dist"]).args([&dist]).run();
    let _ = server.kill();
    trunk
}

fn size() -> anyhow::Result<()> {
    let tools = tools::ensure_build_tools()?;
    web::build_release(&tools)?;
    size::report(&root().join("dist"))
}
