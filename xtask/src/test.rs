//! `cargo xtask test`: every check the project has, in the order that fails fastest.

use std::time::Instant;

use crate::cmd::{Cmd, cargo};
use crate::postgres::TestPostgres;
use crate::tools::{self, CHROMEDRIVER, CHROMIUM};
use crate::{api_fuzz, root, size, target_dir, web};

pub fn run_all() -> anyhow::Result<()> {
    let started = Instant::now();
    let tools = tools::ensure_build_tools()?;
    tools::ensure_chromium()?;
    cargo(&["fetch"]).run()?;

    cargo(&["fmt", "--all", "--check"]).run()?;
    // The API benchmark is behind a feature (not built by every `cargo test`); it is linted here.
    cargo(&["clippy", "--workspace", "--all-targets", "--features", "willkommen-server/bench", "--", "-D", "warnings"])
        .run()?;
    cargo(&[
        "clippy",
        "--package",
        "willkommen",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])
    .run()?;

    // Native: wire types, server (unit and integration tests against the real binary), the
    // web app's plain logic, and these tools.
    tools::ensure_faketime()?;
    cargo(&["test", "--workspace"]).run()?;
    // The server's tests once more, against PostgreSQL: the same suite, each test server in a
    // schema of its own, plus the tests only PostgreSQL can run (several instances), which are
    // #[ignore]d "needs PostgreSQL" and so run here with --include-ignored.
    let postgres = TestPostgres::start()?;
    cargo(&["test", "--package", "willkommen-server", "--", "--include-ignored"])
        .env("WILLKOMMEN_TEST_DATABASE_URL", &postgres.url)
        .run()?;
    drop(postgres);

    // The web app's components in headless Chromium (wasm-bindgen-test; the runner comes
    // with the pinned wasm-bindgen-cli, browser flags in webdriver.json).
    cargo(&["test", "--package", "willkommen", "--target", "wasm32-unknown-unknown"])
        .env("PATH", tools.path())
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        .run()?;

    // End to end: the release web app (wasm-opt included, as visitors get it) served by the
    // real server binary, driven by headless Chromium.
    web::build_release(&tools)?;
    size::report(&root().join("dist"))?;
    size::check_budget(&root().join("dist"))?;
    cargo(&["build", "--package", "willkommen-server"]).run()?;
    let server = target_dir().join("debug/willkommen-server");
    api_fuzz::run(&tools, &server)?;
    Cmd::new("node")
        .args(["--test", "--test-concurrency=1", "tests/e2e/"])
        .env("WILLKOMMEN_SERVER_BIN", &server)
        .env("WILLKOMMEN_DIST_DIR", root().join("dist"))
        .env("CHROMIUM", CHROMIUM)
        .run()?;

    println!("xtask: all tests passed in {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}
