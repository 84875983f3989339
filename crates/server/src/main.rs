//! `willkommen-server`: starts the queue API and web app. `--help` lists every option.

use std::io::Write;
use std::process::ExitCode;

use clap::error::ErrorKind;
use tokio::io::AsyncReadExt;
use willkommen_api::account_rules::{check_display_name, check_password, check_username};
use willkommen_server::settings::{Command, SettingsError};
use willkommen_server::{Server, Settings, Store};

#[tokio::main]
async fn main() -> ExitCode {
    let settings = match Settings::load() {
        Ok(settings) => settings,
        Err(SettingsError::CommandLine(error))
            if matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) =>
        {
            error.exit()
        }
        Err(error) => {
            // One line naming the setting and where it came from; the help has the rest.
            eprintln!("error: {error} (see willkommen-server --help)");
            return ExitCode::from(2);
        }
    };
    willkommen_server::logging::init(&settings);

    if let Some(command) = &settings.command {
        let done = match command {
            Command::Account { username, display_name, role } => {
                save_account(&settings, username, display_name.as_deref(), (*role).into()).await
            }
            Command::Backup { to } => backup(&settings, to).await,
        };
        return match done {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error:#}");
                ExitCode::FAILURE
            }
        };
    }
    let server = match Server::start(&settings).await {
        Ok(server) => server,
        Err(error) => {
            eprintln!("error: {error:#}");
            return ExitCode::FAILURE;
        }
    };
    let (address, public_url, has_admin) = (server.address, server.public_url.clone(), server.has_admin);
    let demo_sign_ins = server.demo_sign_ins();
    let serving = tokio::spawn(server.serve(shutdown_signal(settings.stop_on_stdin_eof)));
    print_welcome(address, &public_url, &demo_sign_ins.await, has_admin, &settings);
    match serving.await.unwrap_or_else(|panicked| Err(anyhow::anyhow!("the server stopped: {panicked}"))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn print_welcome(
    address: std::net::SocketAddr,
    public_url: &str,
    demo_sign_ins: &[(String, String, &'static str)],
    has_admin: bool,
    settings: &Settings,
) {
    // The same facts in the log, for journald and log collectors (the welcome is for people).
    tracing::info!(%address, public_url, data = %settings.database().describe(), "listening");
    for (username, _, role) in demo_sign_ins {
        tracing::warn!(username, role, "demo account with its published password: deactivate it in a real office");
    }
    let base = format!("http://{address}");
    let mut lines = vec![
        format!("Willkommen is running on {base}"),
        format!("  Kiosk:   {base}/"),
        format!("  Staff:   {base}/staff"),
        format!("  Admin:   {base}/admin"),
        format!("  Display: {base}/display"),
        format!("  Tickets link to {public_url}/t/<ticket>"),
        format!("  Data:    {}", settings.database().describe()),
    ];
    for (username, password, role) in demo_sign_ins {
        lines.push(format!("  Demo sign-in ({role}): {username} / {password}"));
    }
    if !has_admin {
        lines.push(
            "  No admin account yet: create one with \
             `willkommen-server account --username NAME --role admin` (password on stdin)"
                .into(),
        );
    }
    lines.push("Press Ctrl+C to stop.".into());
    // Whoever started the server may have stopped reading its output (a closed pipe): that
    // must never stop the queue, so write errors are ignored instead of panicking.
    let mut out = std::io::stdout().lock();
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    let _ = out.flush();
}

/// `willkommen-server account ...`: reads the password from WILLKOMMEN_PASSWORD or stdin.
async fn save_account(
    settings: &Settings,
    username: &str,
    display_name: Option<&str>,
    role: willkommen_api::Role,
) -> anyhow::Result<()> {
    let password = match std::env::var("WILLKOMMEN_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    // The admin API's rules, so the console can edit every account made here.
    check_username(username).map_err(anyhow::Error::msg)?;
    check_password(&password).map_err(anyhow::Error::msg)?;
    let display_name = display_name.unwrap_or(username);
    check_display_name(display_name).map_err(anyhow::Error::msg)?;
    let store = Store::open(&settings.database()).await?;
    let hash = willkommen_server::auth::hash_password(&password)?;
    store.upsert_account(username, display_name.trim(), role, &hash).await?;
    store.close().await;
    println!("account {username:?} ({}) saved", role.as_str());
    Ok(())
}

/// `willkommen-server backup --to FILE`: see [`willkommen_server::backup_sqlite`].
async fn backup(settings: &Settings, to: &std::path::Path) -> anyhow::Result<()> {
    if settings.database_url.is_some() {
        anyhow::bail!(
            "the backup command copies the built-in SQLite database; for PostgreSQL use pg_dump (docs/deployment.md)"
        );
    }
    let report = willkommen_server::backup_sqlite(&settings.data_dir, to).await?;
    println!(
        "backup written to {}: {} bytes, {} tickets, {} configuration versions, integrity ok",
        to.display(),
        report.bytes,
        report.tickets,
        report.config_versions
    );
    Ok(())
}

/// Completes on Ctrl+C, SIGTERM, or (when asked) the end of standard input.
async fn shutdown_signal(stop_on_stdin_eof: bool) {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    let stdin_closed = async {
        if !stop_on_stdin_eof {
            return std::future::pending().await;
        }
        let mut stdin = tokio::io::stdin();
        let mut buffer = [0u8; 64];
        while matches!(stdin.read(&mut buffer).await, Ok(n) if n > 0) {}
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
        () = stdin_closed => {},
    }
    tracing::info!("shutting down");
}
