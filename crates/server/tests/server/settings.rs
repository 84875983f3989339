//! The server's settings file (`--config`) and how it layers with environment variables and
//! flags, against the real binary: a flag beats a variable, a variable beats the file, the
//! file beats the default; a bad setting is refused in one line that says what to fix.

use std::path::{Path, PathBuf};

use crate::helpers::{
    TestServer, free_port, path_str, run_server_to_exit, run_server_to_exit_with_env, the_one_stderr_line,
};

fn write_config(folder: &Path, text: &str) -> PathBuf {
    let file = folder.join("willkommen.toml");
    std::fs::write(&file, text).unwrap();
    file
}

/// The one line on stderr of a server started with this config file, which must refuse it
/// with exit code 2.
fn refusal_of(config: &str) -> (String, PathBuf) {
    let data = tempfile::tempdir().unwrap();
    let file = write_config(data.path(), config);

    let output =
        run_server_to_exit(["--config", path_str(&file), "--data-dir", path_str(data.path()), "--stop-on-stdin-eof"]);

    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let line = the_one_stderr_line(&output);
    assert!(line.starts_with("error: ") && line.ends_with("(see willkommen-server --help)"), "{line}");
    (line, file)
}

#[test]
fn the_port_in_the_config_file_is_where_the_server_listens() {
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let file = write_config(data.path(), &format!("# The Berlin office\nport = {port}\nlog_level = \"info\"\n"));

    let server = TestServer::options(data.path()).without_port_flag().arg("--config").arg(&file).start();

    assert_eq!(server.url(), format!("http://127.0.0.1:{port}"));
    server.stop();
}

#[test]
fn an_environment_variable_beats_the_config_file() {
    let data = tempfile::tempdir().unwrap();
    let (in_file, in_env) = (free_port(), free_port());
    let file = write_config(data.path(), &format!("port = {in_file}\n"));

    let server = TestServer::options(data.path())
        .without_port_flag()
        .env("WILLKOMMEN_CONFIG", &file)
        .env("WILLKOMMEN_PORT", in_env.to_string())
        .start();

    assert_eq!(server.url(), format!("http://127.0.0.1:{in_env}"));
    server.stop();
}

#[test]
fn a_flag_beats_the_environment_variable_and_the_config_file() {
    let data = tempfile::tempdir().unwrap();
    let (in_file, in_env, in_flag) = (free_port(), free_port(), free_port());
    let file = write_config(data.path(), &format!("port = {in_file}\n"));

    let server = TestServer::options(data.path())
        .without_port_flag()
        .arg("--config")
        .arg(&file)
        .env("WILLKOMMEN_PORT", in_env.to_string())
        .arg("--port")
        .arg(in_flag.to_string())
        .start();

    assert_eq!(server.url(), format!("http://127.0.0.1:{in_flag}"));
    server.stop();
}

#[test]
fn an_unknown_setting_is_named_with_its_line_and_the_known_ones() {
    let (line, file) = refusal_of("port = 8080\nprot = 8081\n");

    assert!(line.contains(&format!("{} line 2: unknown setting \"prot\"", file.display())), "{line}");
    assert!(line.contains("known: bind, port, data_dir"), "{line}");
}

#[test]
fn a_setting_of_the_wrong_type_is_named() {
    let (line, file) = refusal_of("bind = \"0.0.0.0\"\nport = \"eighty\"\n");

    assert!(line.contains(&format!("{} line 2: port: invalid value \"eighty\"", file.display())), "{line}");
}

#[test]
fn a_port_out_of_range_in_the_file_is_named() {
    let (line, _) = refusal_of("port = 99999\n");

    assert!(line.contains("line 1: port: invalid value 99999, expected a port 0-65535"), "{line}");
}

#[test]
fn a_public_url_without_a_scheme_is_refused() {
    let (line, _) = refusal_of("public_url = \"willkommen.example.de\"\n");

    assert!(line.contains("public_url: invalid value \"willkommen.example.de\""), "{line}");
    assert!(line.contains("http://"), "the line does not say what a URL needs: {line}");
}

#[test]
fn a_schema_name_that_is_not_a_plain_identifier_is_refused() {
    let (line, _) =
        refusal_of("database_url = \"postgres://db.example.de/willkommen\"\ndatabase_schema = \"Berlin-Mitte\"\n");

    assert!(line.contains("line 2: database_schema: invalid value \"Berlin-Mitte\""), "{line}");
    assert!(line.contains("lowercase"), "{line}");
}

#[test]
fn a_schema_without_a_database_url_is_refused() {
    let (line, file) = refusal_of("database_schema = \"berlin\"\n");

    assert!(line.contains("database_schema is set"), "{line}");
    assert!(line.contains("but database_url is not"), "{line}");
    assert!(line.contains(&file.display().to_string()), "the line does not say where it was set: {line}");
}

#[test]
fn a_size_limit_is_refused_unless_it_is_a_whole_number_of_mb_for_sqlite() {
    let (line, _) = refusal_of("database_max_mb = 0\n");
    assert!(line.contains("line 1: database_max_mb: invalid value 0, expected a whole number of MB"), "{line}");

    let (line, _) = refusal_of("database_url = \"postgres://db.example.de/willkommen\"\ndatabase_max_mb = 500\n");
    assert!(line.contains("database_max_mb is set"), "{line}");
    assert!(line.contains("the limit only applies to SQLite"), "{line}");
}

#[test]
fn a_database_url_that_is_not_postgres_is_refused_without_showing_it() {
    let (line, _) = refusal_of("database_url = \"mysql://wk:geheim@db/willkommen\"\n");

    assert!(line.contains("database_url: invalid value \"mysql://…\""), "{line}");
    assert!(line.contains("postgres://"), "{line}");
    assert!(!line.contains("geheim"), "the password was printed: {line}");
}

#[test]
fn a_missing_config_file_is_named_with_the_reason() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("nowhere.toml");

    let output = run_server_to_exit([
        "--config",
        path_str(&missing),
        "--data-dir",
        path_str(data.path()),
        "--stop-on-stdin-eof",
    ]);

    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let line = the_one_stderr_line(&output);
    assert!(line.contains(&missing.display().to_string()), "{line}");
    assert!(line.contains("No such file"), "{line}");
}

#[test]
fn a_bad_environment_variable_is_named() {
    let data = tempfile::tempdir().unwrap();

    let output = run_server_to_exit_with_env(
        ["--data-dir", path_str(data.path()), "--stop-on-stdin-eof"],
        [("WILLKOMMEN_PORT", "abc")],
    );

    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let line = the_one_stderr_line(&output);
    assert!(line.starts_with("error: WILLKOMMEN_PORT: invalid value \"abc\", expected a port 0-65535"), "{line}");
}

#[test]
fn help_explains_the_config_file_and_every_environment_variable() {
    let output = run_server_to_exit(["--help"]);

    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let help = String::from_utf8_lossy(&output.stdout);
    let flags = ["config", "bind", "port", "data-dir", "dist-dir", "public-url"];
    let new_flags = ["database-url", "database-schema", "log-format", "log-level", "demo-accounts"];
    for flag in flags.into_iter().chain(new_flags) {
        assert!(help.contains(&format!("--{flag} ")), "--{flag} is missing:\n{help}");
        let variable = format!("WILLKOMMEN_{}", flag.replace('-', "_").to_uppercase());
        assert!(help.contains(&variable), "{variable} is missing:\n{help}");
    }
    assert!(help.contains("[default: info,sqlx=warn]"), "{help}");
    assert!(help.contains("TOML"), "{help}");
    assert!(help.contains("A flag beats the variable, the variable beats the file"), "{help}");
}

#[tokio::test]
async fn the_deployment_kits_settings_template_starts_a_real_office() {
    let template = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy/config/willkommen.toml");
    let data = tempfile::tempdir().unwrap();

    // Until an administrator sets public_url, the template refuses to start: QR codes must
    // not point at a placeholder.
    let unedited =
        run_server_to_exit(["--config", path_str(&template), "--data-dir", path_str(data.path()), "--port", "0"]);
    // The folders and the port are the test's, public_url as an administrator sets it;
    // every other setting is the template's.
    let server = TestServer::options(data.path())
        .arg("--config")
        .arg(&template)
        .env("WILLKOMMEN_PUBLIC_URL", "https://willkommen.example.org")
        .start();
    let ticket = server.issue_ticket("information", "de").await;
    let demo_admin = server.sign_in_status("admin", "willkommen-admin").await;
    server.stop();

    assert_eq!(unedited.status.code(), Some(2), "{unedited:?}");
    let refusal = the_one_stderr_line(&unedited);
    assert!(refusal.contains("willkommen.toml line") && refusal.contains("public_url: invalid value"), "{refusal}");
    let status_url = ticket["status_url"].as_str().unwrap_or_default();
    assert!(status_url.starts_with("https://willkommen.example.org/t/"), "{ticket}");
    assert_eq!(demo_admin, reqwest::StatusCode::UNAUTHORIZED, "the template must not leave demo sign-ins");
}

#[test]
fn the_identity_providers_client_secret_is_never_in_the_settings_file() {
    let (line, file) =
        refusal_of("oidc_issuer = \"https://login.example.de\"\noidc_client_secret = \"s3cr3t-value\"\n");

    assert!(line.contains(&format!("{} line 2: oidc_client_secret does not belong", file.display())), "{line}");
    assert!(line.contains("oidc_client_secret_file") && line.contains("WILLKOMMEN_OIDC_CLIENT_SECRET"), "{line}");
    assert!(!line.contains("s3cr3t"), "{line}");
}

#[test]
fn an_identity_provider_needs_its_client_a_secret_and_a_group() {
    let data = tempfile::tempdir().unwrap();
    let secret = data.path().join("oidc-secret");
    std::fs::write(&secret, "s3cr3t-value\n").unwrap();
    let cases: [(&str, &str); 6] = [
        ("oidc_issuer = \"http://login.example.de\"", "expected an https:// URL (http:// only on this machine)"),
        ("oidc_issuer = \"https://login.example.de\"", "oidc_client_id is not"),
        ("oidc_issuer = \"https://login.example.de\"\noidc_client_id = \"willkommen\"", "there is no client secret"),
        (
            "oidc_issuer = \"https://login.example.de\"\noidc_client_id = \"willkommen\"\noidc_client_secret_file = \"SECRET\"",
            "nobody could sign in with the provider",
        ),
        ("local_sign_in = \"admins\"", "nobody but admins could sign in"),
        (
            "oidc_issuer = \"https://login.example.de\"\noidc_client_id = \"willkommen\"\noidc_client_secret_file = \"SECRET\"\n\
             oidc_staff_groups = \"staff\"\noidc_ca_file = \"SECRET\"",
            "expected PEM certificates",
        ),
    ];
    for (config, expected) in cases {
        let (line, _) = refusal_of(&config.replace("SECRET", path_str(&secret)));
        assert!(line.contains(expected), "{config}: {line}");
        assert!(!line.contains("s3cr3t"), "{line}");
    }
}

#[test]
fn the_client_secret_comes_from_its_file_or_its_variable_not_both() {
    let data = tempfile::tempdir().unwrap();
    let secret = data.path().join("oidc-secret");
    std::fs::write(&secret, "s3cr3t-value\n").unwrap();
    let args = |extra: &[&str]| -> Vec<String> {
        let mut args: Vec<String> = ["--data-dir", path_str(data.path()), "--oidc-issuer", "https://login.example.de"]
            .map(str::to_owned)
            .into();
        args.extend(["--oidc-client-id", "willkommen", "--oidc-staff-groups", "staff"].map(str::to_owned));
        args.extend(extra.iter().map(|arg| (*arg).to_owned()));
        args.push("--stop-on-stdin-eof".into());
        args
    };
    // Both: refused, without showing either.
    let output = run_server_to_exit_with_env(
        args(&["--oidc-client-secret-file", path_str(&secret)]),
        [("WILLKOMMEN_OIDC_CLIENT_SECRET", "an0ther-s3cr3t")],
    );
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let line = the_one_stderr_line(&output);
    assert!(line.contains("keep the secret in one place"), "{line}");
    assert!(!line.contains("s3cr3t"), "{line}");
    // There is no flag for the secret itself.
    let output = run_server_to_exit(args(&["--oidc-client-secret", "s3cr3t-value"]));
    assert_eq!(output.status.code(), Some(2), "{output:?}");
}
