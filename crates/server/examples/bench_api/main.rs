//! Benchmarks of the queue API (issue 8, "Benchmarks and budgets"), against the real server
//! binary on loopback:
//!
//! 1. taking tickets and calling visitors at fixed rates (open loop) and at full speed,
//! 2. live streams: the delay from a call to its arrival at hundreds of phones and displays,
//!    and pushes: calling while a thousand phones wait for pushes, and with the push service
//!    hanging,
//! 3. faults: SIGKILL while kiosks issue, and retries with one key over a slow network,
//! 4. on PostgreSQL (`--database-url`) also: two server instances on one schema.
//!
//! Run it with `cargo xtask bench api [--postgres]`, or:
//! `cargo run --release -p willkommen-server --example bench_api -- --server target/release/willkommen-server --out <dir> [--quick] [--database-url postgres://…]`.
//! It writes `<dir>/api.json` and `<dir>/api.md` and prints progress to stderr.
//!
//! It measures and never fails on timing. Exit status 1: a figure that must be 0 (lost or
//! duplicate tickets) is not, which is a bug in the server. Exit status 2: the benchmark could
//! not run (the server did not start, an answer made no sense, ...).

/// When the benchmark started, for the progress lines.
static STARTED: LazyLock<Instant> = LazyLock::new(Instant::now);

/// A progress line on stderr, with the seconds since the start.
macro_rules! progress {
    ($($arg:tt)*) => {
        eprintln!("bench_api [{:5.1} s] {}", $crate::STARTED.elapsed().as_secs_f64(), format_args!($($arg)*))
    };
}

mod api;
mod appointments;
mod database;
mod driver;
mod environment;
mod exactly_once;
mod fanout;
mod idempotency;
mod office;
mod open_files;
mod plan;
mod proxy;
mod pushes;
mod random;
mod rates;
mod report;
mod server;
mod sigkill;
mod sse;
mod statistics_year;
mod stats;
mod storage;
mod two_instances;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::LazyLock;
use std::time::Instant;

use anyhow::ensure;
use clap::Parser;

use crate::environment::Environment;
use crate::office::Site;
use crate::plan::Plan;
use crate::report::{Faults, LiveStreams, Report};
use crate::server::ServerBinary;
use crate::storage::Storage;

/// Benchmarks of Willkommen's queue API against the real server binary.
#[derive(Parser)]
struct Args {
    /// The server binary to benchmark (a release build).
    #[arg(long, default_value = "target/release/willkommen-server")]
    server: PathBuf,
    /// Folder for api.json and api.md.
    #[arg(long)]
    out: PathBuf,
    /// A short run (about 30 s) with noisier figures.
    #[arg(long)]
    quick: bool,
    /// Run every server on this PostgreSQL database (postgres://user@host/database), each
    /// data folder in a new schema of its own, instead of on SQLite. The schemas are left
    /// behind: use a throwaway database.
    #[arg(long)]
    database_url: Option<String>,
    /// Only the statistics of a busy office's year (`statistics.json` and `statistics.md`).
    #[arg(long)]
    statistics_only: bool,
}

#[tokio::main]
async fn main() -> ExitCode {
    LazyLock::force(&STARTED);
    let args = Args::parse();
    if args.statistics_only {
        return match statistics_only(&args).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                progress!("error: {error:#}");
                ExitCode::from(2)
            }
        };
    }
    let report = match run(&args).await {
        Ok(report) => report,
        Err(error) => {
            progress!("error: {error:#}");
            return ExitCode::from(2);
        }
    };
    println!("{}", report.markdown());
    progress!("wrote {} and {}", args.out.join("api.json").display(), args.out.join("api.md").display());
    let violations = report.violations();
    if violations.is_empty() {
        progress!("no lost or duplicate tickets");
        return ExitCode::SUCCESS;
    }
    for violation in &violations {
        progress!("BUG: {violation} (must be 0)");
    }
    ExitCode::from(1)
}

/// The year's statistics alone, written as `statistics.json` and `statistics.md`.
async fn statistics_only(args: &Args) -> anyhow::Result<()> {
    let storage = Storage::new(args.database_url.as_deref());
    let binary = ServerBinary { path: args.server.canonicalize()?, storage: storage.clone(), extra_args: Vec::new() };
    let year = statistics_year::run(&binary, args.quick).await?;
    let database = if storage.is_postgres() { "PostgreSQL" } else { "SQLite" };
    let command = format!(
        "`cargo xtask bench statistics{}{}` ({database})",
        if storage.is_postgres() { " --postgres" } else { "" },
        if args.quick { " --quick" } else { "" }
    );
    let markdown = year.markdown(&command);
    std::fs::create_dir_all(&args.out)?;
    std::fs::write(args.out.join("statistics.json"), serde_json::to_string_pretty(&year)? + "\n")?;
    std::fs::write(args.out.join("statistics.md"), &markdown)?;
    println!("{markdown}");
    Ok(())
}

async fn run(args: &Args) -> anyhow::Result<Report> {
    let plan = Plan::new(args.quick);
    ensure!(
        args.server.is_file(),
        "no server binary at {} (build it with cargo build --release)",
        args.server.display()
    );
    // Absolute: the servers run in the temporary folder, where a relative path means nothing.
    let storage = Storage::new(args.database_url.as_deref());
    let binary = ServerBinary { path: args.server.canonicalize()?, storage: storage.clone(), extra_args: Vec::new() };
    // Each stream holds a socket here and one in the server, which inherits the limit.
    let open_files = open_files::ensure(plan.city().phones as u64 + plan.city().displays as u64 + 512)?;
    let mut environment = Environment::survey(&args.server, open_files, args.quick);
    let sections = if storage.is_postgres() { 8 } else { 6 };

    progress!("section 1/{sections}: fixed rates");
    let rates = rates::run(&binary, &plan).await?;
    progress!("section 1/{sections}: calling with 2,000 appointments in the day");
    let with_appointments = appointments::run(&binary, &plan).await?;

    progress!("section 2/{sections}: live streams");
    let site = Site::open(&binary, 1).await?;
    let fanout = fanout::run(&site, &plan, plan.lobby()).await?;
    site.shut_down().await?;
    progress!("section 3/{sections}: live streams of a whole city at one instance");
    let site = Site::open(&binary, 1).await?;
    let city = fanout::run(&site, &plan, plan.city()).await?;
    site.shut_down().await?;
    // Only PostgreSQL is made for several instances on one database.
    let city_two_instances = if storage.is_postgres() {
        progress!("section 4/{sections}: live streams of a whole city at two instances on one schema");
        let mut site = Site::open(&binary, 1).await?;
        site.start_another_instance().await?;
        let city = fanout::run(&site, &plan, plan.city()).await?;
        site.shut_down().await?;
        Some(city)
    } else {
        None
    };

    progress!("section {}/{sections}: pushes to phones", if storage.is_postgres() { 5 } else { 4 });
    let pushing = ServerBinary { extra_args: vec!["--push-private-endpoints".into(), "true".into()], ..binary.clone() };
    let site = Site::open(&pushing, 1).await?;
    let pushes = pushes::run(&site, &plan).await?;
    site.shut_down().await?;

    let two_instances = if storage.is_postgres() {
        progress!("section 6/{sections}: issuing at two instances on one schema");
        Some(two_instances::run(&binary, &plan).await?)
    } else {
        None
    };

    progress!("section {}/{sections}: SIGKILL while issuing", sections - 1);
    let site = Site::open(&binary, 0).await?;
    let (sigkill, database) = sigkill::run(site, &binary, &plan).await?;
    environment.database = Some(database);

    progress!("section {sections}/{sections}: retries with one key over a slow network");
    let site = Site::open(&binary, 0).await?;
    let idempotency_under_delay = idempotency::run(site, &plan).await?;

    environment.runtime_s = stats::round2(STARTED.elapsed().as_secs_f64());
    environment.load_average_at_end = environment::load_average();
    let faults = Faults { sigkill, idempotency_under_delay };
    let live = LiveStreams { lobby: fanout, city, city_two_instances, pushes };
    let report = Report::new(environment, plan, rates, with_appointments, live, two_instances, faults);
    report.write(&args.out)?;
    Ok(report)
}
