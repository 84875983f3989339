//! Schemathesis against the real server: property-based requests generated from
//! `/api/openapi.json`, checking that no answer is a server error, every answer matches the
//! description, and requests that violate it are refused. Two runs on one server: signed in as
//! a clerk for the visitors' and staff routes, and as an admin for every admin route.
//!
//! The office has no demo accounts; the run makes its own: the admin and the clerk it signs
//! in as, and a third account that is the only one the account routes may change, so the
//! fuzzer cannot deactivate (or sign out) the admin it is signed in as. The configuration in
//! `tests/api/schemathesis.toml` pins that account's id.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::Context;

use crate::cmd::Cmd;
use crate::tools::Tools;

/// Signs in and prints the session token (Python's standard library; no extra packages).
const SIGN_IN: &str = r#"
import json, sys, urllib.request
url, user, password = sys.argv[1:4]
body = json.dumps({"username": user, "password": password}).encode()
request = urllib.request.Request(url + "/api/v1/session", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
with urllib.request.urlopen(request) as response:
    for cookie in response.headers.get_all("Set-Cookie"):
        name, _, rest = cookie.partition("=")
        if name == "willkommen_session":
            print(rest.split(";")[0])
"#;

/// The accounts made for the run, in the order they get their ids (1, 2, 3).
const ACCOUNTS: [(&str, &str); 3] =
    [("schemathesis-admin", "admin"), ("schemathesis-clerk", "staff"), ("schemathesis-target", "staff")];

/// Who each run signs in as, and which operations it fuzzes.
const RUNS: [(&str, &[&str]); 2] = [
    // The admin routes answer a clerk with 403 only; the admin's run covers them.
    ("schemathesis-clerk", &["--exclude-tag", "admin"]),
    ("schemathesis-admin", &["--include-tag", "admin"]),
];

pub fn run(tools: &Tools, server_bin: &Path) -> anyhow::Result<()> {
    let venv = tools.schemathesis_venv()?;
    let data = std::env::temp_dir().join(format!("willkommen-schemathesis-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let password = format!("st-{}-{:?}", std::process::id(), std::time::SystemTime::now());
    for (username, role) in ACCOUNTS {
        Cmd::new(server_bin)
            .args(["--demo-accounts", "false", "--data-dir"])
            .args([data.as_os_str()])
            .args(["account", "--username", username, "--role", role])
            .env("WILLKOMMEN_PASSWORD", &password)
            .run()?;
    }

    let mut server = Command::new(server_bin)
        .args(["--port", "0", "--stop-on-stdin-eof", "--demo-accounts", "false", "--data-dir"])
        .arg(&data)
        .arg("--dist-dir")
        .arg(data.join("no-web-app"))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .context("cannot start the server for schemathesis")?;
    let mut first_line = String::new();
    let mut output = BufReader::new(server.stdout.take().context("no stdout")?);
    output.read_line(&mut first_line)?;
    // Keep reading what the server prints, so it never writes into a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut output, &mut std::io::sink()));
    let url = first_line.trim().rsplit(' ').next().unwrap_or_default().to_owned();

    let result = RUNS.iter().try_for_each(|(username, operations)| {
        println!("xtask: schemathesis signed in as {username}");
        let token = Cmd::new(venv.join("bin/python"))
            .args(["-c", SIGN_IN, &url, username, &password])
            .output()
            .map(|out| out.trim().to_owned())
            .filter(|token| !token.is_empty())
            .with_context(|| format!("cannot sign in {username}"))?;
        Cmd::new(venv.join("bin/st"))
            .args(["--config-file", "tests/api/schemathesis.toml", "run", &format!("{url}/api/openapi.json")])
            .args(*operations)
            // Live streams never end; the integration tests cover them.
            .args(["--exclude-path-regex", "/events$"])
            // Signing out would end the run's session half-way; covered by the staff tests.
            .args(["--exclude-name", "DELETE /api/v1/session"])
            // Schema-valid is not always acceptable: a concern or language the office does not
            // offer is rightly refused with 422, which this check counts as a failure.
            .args(["--exclude-checks", "positive_data_acceptance"])
            .args(["--max-examples", "50"])
            .env("WILLKOMMEN_SESSION", token)
            .env("WILLKOMMEN_FUZZ_ACCOUNT", "3")
            .env("NO_COLOR", "1")
            .run()
    });
    drop(server.stdin.take()); // the server stops when its stdin closes
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&data);
    result
}
