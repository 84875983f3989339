//! Staff sign in with the office's identity provider (OpenID Connect), against a provider the
//! tests run on 127.0.0.1 (`helpers/test_issuer.rs`), through the server's real routes: to the
//! provider, back with a code, the code exchanged with PKCE, the ID token checked. Tokens that
//! must not pass (another audience, expired, another key, another issuer, another nonce, HS256
//! with the client secret) do not; roles come from the token's groups; the provider being down
//! is explained, and administrators can still sign in with their password.

use reqwest::{Client, StatusCode, header};
use serde_json::Value;

use crate::helpers::test_issuer::{CLIENT_SECRET, Minting, TestIssuer};
use crate::helpers::{TestServer, connect_database};

fn server_with(data: &std::path::Path, issuer: &TestIssuer, extra: &[&str]) -> TestServer {
    let mut options = TestServer::options(data)
        .arg("--oidc-issuer")
        .arg(issuer.url())
        .arg("--oidc-client-id")
        .arg(crate::helpers::test_issuer::CLIENT_ID)
        .arg("--oidc-staff-groups")
        .arg("willkommen-staff")
        .arg("--oidc-admin-groups")
        .arg("willkommen-admins")
        .arg("--oidc-statistics-groups")
        .arg("amtsleitung")
        .env("WILLKOMMEN_OIDC_CLIENT_SECRET", CLIENT_SECRET);
    for arg in extra {
        options = options.arg(arg);
    }
    options.start()
}

/// A browser that follows no redirect by itself, so each step can be looked at.
fn browser() -> Client {
    Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get(header::LOCATION).and_then(|value| value.to_str().ok()).unwrap_or_default().to_owned()
}

/// The value of cookie `name` that `response` sets.
fn cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response.headers().get_all(header::SET_COOKIE).iter().filter_map(|value| value.to_str().ok()).find_map(|cookie| {
        let value = cookie.split(';').next()?.strip_prefix(name)?.strip_prefix('=')?;
        (!value.is_empty()).then(|| value.to_owned())
    })
}

/// Where a sign-in through the provider ends: the page it goes back to, and the session.
struct Ending {
    location: String,
    session: Option<String>,
}

/// Sign-in through the provider, step by step as a browser takes it.
async fn sign_in(server: &TestServer, page: &str) -> Ending {
    let browser = browser();
    let start = browser.get(server.at(&format!("/api/v1/session/oidc/start?page={page}"))).send().await.unwrap();
    assert_eq!(start.status(), StatusCode::SEE_OTHER);
    let at_provider = location(&start);
    let Some(pending) = cookie(&start, "willkommen_oidc") else {
        return Ending { location: at_provider, session: None };
    };
    let back = browser.get(&at_provider).send().await.unwrap();
    assert_eq!(back.status(), StatusCode::SEE_OTHER, "{:?}", back.text().await);
    let callback = location(&back);
    come_back(server, &browser, &callback, Some(&pending)).await
}

async fn come_back(server: &TestServer, browser: &Client, callback: &str, pending: Option<&str>) -> Ending {
    let mut request = browser.get(callback);
    if let Some(pending) = pending {
        request = request.header(header::COOKIE, format!("willkommen_oidc={pending}"));
    }
    let answer = request.send().await.unwrap();
    assert_eq!(answer.status(), StatusCode::SEE_OTHER, "{}", callback);
    let ending = Ending { location: location(&answer), session: cookie(&answer, "willkommen_session") };
    assert!(callback.starts_with(&server.at("/api/v1/session/oidc/callback")), "{callback}");
    ending
}

async fn me(server: &TestServer, session: &str) -> Value {
    let answer = browser()
        .get(server.at("/api/v1/session"))
        .header(header::COOKIE, format!("willkommen_session={session}"))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    answer.json().await.unwrap()
}

async fn scalar(data: &std::path::Path, query: &str) -> i64 {
    let mut db = connect_database(data).await;
    sqlx::query_scalar(query).fetch_one(&mut db).await.unwrap()
}

#[tokio::test]
async fn a_clerk_and_an_admin_sign_in_with_the_office_account_and_get_their_role_and_name() {
    let issuer = TestIssuer::start().await;
    let data = tempfile::tempdir().unwrap();
    let server = server_with(data.path(), &issuer, &[]);

    let methods = server.get_json("/api/v1/session/methods").await.body;
    assert_eq!(methods["office"]["staff_start"], "/api/v1/session/oidc/start?page=staff");
    assert_eq!(methods["local"], "everyone");

    issuer.signs_in("anna", "Anna Schmidt", &["willkommen-staff", "other-group"]);
    let anna = sign_in(&server, "staff").await;
    assert_eq!(anna.location, "/staff");
    let session = anna.session.expect("a session");
    assert_eq!(me(&server, &session).await["display_name"], "Anna Schmidt");
    assert_eq!(me(&server, &session).await["role"], "staff");
    assert!(issuer.mismatches().is_empty(), "the server's PKCE or client secret: {:?}", issuer.mismatches());

    // The next time with another name: the same account, the token's name.
    issuer.signs_in("anna", "Anna Weber", &["willkommen-staff"]);
    let again = sign_in(&server, "staff").await.session.expect("a session");
    assert_eq!(me(&server, &again).await["display_name"], "Anna Weber");
    assert_eq!(scalar(data.path(), "SELECT COUNT(*) FROM accounts WHERE oidc_subject = 'anna'").await, 1);

    // Admin includes the other roles.
    issuer.signs_in("ben", "Ben Okafor", &["willkommen-staff", "willkommen-admins"]);
    let ben = sign_in(&server, "admin").await;
    assert_eq!(ben.location, "/admin");
    assert_eq!(me(&server, &ben.session.unwrap()).await["role"], "admin");
    issuer.signs_in("carla", "Carla Jansen", &["amtsleitung"]);
    assert_eq!(me(&server, &sign_in(&server, "admin").await.session.unwrap()).await["role"], "statistics");

    // Each sign-in is in the audit trail with the provider's subject; nothing else of the token is kept.
    let admin = server.admin().await;
    let audit = admin.get_ok("/api/v1/admin/audit?kind=signed_in").await;
    let entries = audit.as_array().or_else(|| audit["entries"].as_array()).expect("entries").clone();
    let through_provider = entries.iter().filter(|entry| entry["changes"].to_string().contains("subject: ")).count();
    assert_eq!(through_provider, 4, "{audit}");
    assert!(entries.iter().any(|entry| entry.to_string().contains("subject: anna")), "{audit}");
    // The admin reading this signed in with a password: recorded as the exception it is here.
    assert!(entries.iter().any(|entry| entry["summary"].as_str().unwrap().contains("Willkommen password")), "{audit}");
    assert_eq!(scalar(data.path(), "SELECT COUNT(*) FROM accounts WHERE oidc_subject IS NOT NULL").await, 3);
}

#[tokio::test]
async fn tokens_that_must_not_pass_are_refused_and_no_session_is_made() {
    let issuer = TestIssuer::start().await;
    let data = tempfile::tempdir().unwrap();
    let server = server_with(data.path(), &issuer, &[]);
    issuer.signs_in("anna", "Anna Schmidt", &["willkommen-staff"]);
    // Each refused for its own reason, as the log says.
    for (minting, reason) in [
        (Minting::WrongAudience, "Invalid audiences"),
        (Minting::Expired, "ID token expired"),
        (Minting::OtherKey, "Signature verification failed"),
        (Minting::WrongIssuer, "Invalid issuer"),
        (Minting::WrongNonce, "Invalid nonce"),
        (Minting::ClientSecretSigned, "Signature verification failed"),
    ] {
        let logged = server.log().matches(reason).count();
        issuer.mint(minting.clone());
        let ending = sign_in(&server, "staff").await;
        assert_eq!(ending.location, "/staff?sign_in=failed", "{minting:?}");
        assert!(ending.session.is_none(), "{minting:?} made a session");
        let until = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while server.log().matches(reason).count() == logged {
            assert!(std::time::Instant::now() < until, "{minting:?}: no {reason:?} in the log:\n{}", server.log());
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
    assert_eq!(scalar(data.path(), "SELECT COUNT(*) FROM accounts WHERE oidc_subject IS NOT NULL").await, 0);

    // A key the provider published after the server fetched its keys: fetched again, accepted.
    issuer.mint(Minting::RotatedKey);
    assert_eq!(sign_in(&server, "staff").await.location, "/staff");
    issuer.mint(Minting::Good);

    // The way back only with the browser that left, only once, only with its state.
    let browser = browser();
    let start = browser.get(server.at("/api/v1/session/oidc/start")).send().await.unwrap();
    let pending = cookie(&start, "willkommen_oidc").unwrap();
    let callback = location(&browser.get(location(&start)).send().await.unwrap());
    assert_eq!(come_back(&server, &browser, &callback, None).await.location, "/staff?sign_in=expired");
    let tampered = callback.replace("state=", "state=x");
    assert_eq!(come_back(&server, &browser, &tampered, Some(&pending)).await.location, "/staff?sign_in=expired");
    assert_eq!(come_back(&server, &browser, &callback, Some(&pending)).await.location, "/staff?sign_in=expired");

    // Cancelled at the provider.
    let start = browser.get(server.at("/api/v1/session/oidc/start")).send().await.unwrap();
    let pending = cookie(&start, "willkommen_oidc").unwrap();
    let callback = location(&browser.get(location(&start)).send().await.unwrap());
    let state = callback.split("state=").nth(1).unwrap().split('&').next().unwrap().to_owned();
    let cancelled = format!("{}?error=access_denied&state={state}", server.at("/api/v1/session/oidc/callback"));
    assert_eq!(come_back(&server, &browser, &cancelled, Some(&pending)).await.location, "/staff?sign_in=cancelled");
}

#[tokio::test]
async fn someone_without_a_willkommen_group_is_refused_and_their_sessions_end() {
    let issuer = TestIssuer::start().await;
    let data = tempfile::tempdir().unwrap();
    let server = server_with(data.path(), &issuer, &[]);
    issuer.signs_in("dora", "Dora Kim", &["willkommen-staff"]);
    let session = sign_in(&server, "staff").await.session.unwrap();

    // Her group was taken away at the provider.
    issuer.signs_in("dora", "Dora Kim", &["kantine"]);
    let refused = sign_in(&server, "staff").await;
    assert_eq!(refused.location, "/staff?sign_in=no_role");
    assert!(refused.session.is_none());
    assert_eq!(me_status(&server, &session).await, StatusCode::UNAUTHORIZED, "her earlier session ended");
    let audit = server.admin().await.get_ok("/api/v1/admin/audit?kind=sign_in_refused").await;
    assert!(audit.to_string().contains("subject: dora"), "{audit}");
}

#[tokio::test]
async fn with_the_provider_down_the_page_says_so_and_administrators_still_sign_in_with_a_password() {
    let issuer = TestIssuer::start().await;
    let data = tempfile::tempdir().unwrap();
    let server = server_with(data.path(), &issuer, &["--local-sign-in", "admins"]);
    assert_eq!(server.get_json("/api/v1/session/methods").await.body["local"], "admins");

    // Only administrators may use a Willkommen password here; a wrong one still says only that.
    let clerk = server.browser();
    assert_eq!(clerk.sign_in("schalter1", "willkommen-1").await.status, StatusCode::FORBIDDEN);
    assert_eq!(clerk.sign_in("schalter1", "wrong password").await.status, StatusCode::UNAUTHORIZED);

    issuer.stop();
    let browser = browser();
    let start = browser.get(server.at("/api/v1/session/oidc/start?page=staff")).send().await.unwrap();
    assert_eq!(start.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&start), "/staff?sign_in=provider_unreachable");
    assert_eq!(server.browser().sign_in("admin", "willkommen-admin").await.status, StatusCode::OK);
}

#[tokio::test]
async fn signing_out_of_an_office_session_leads_on_to_the_providers_sign_out() {
    let issuer = TestIssuer::start().await;
    let data = tempfile::tempdir().unwrap();
    let server = server_with(data.path(), &issuer, &[]);
    issuer.signs_in("anna", "Anna Schmidt", &["willkommen-staff"]);
    let session = sign_in(&server, "staff").await.session.unwrap();
    let out = browser()
        .delete(server.at("/api/v1/session?page=staff"))
        .header(header::COOKIE, format!("willkommen_session={session}"))
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::OK);
    let body: Value = out.json().await.unwrap();
    let url = url::Url::parse(body["provider_sign_out"].as_str().unwrap()).unwrap();
    assert_eq!(url.as_str().split('?').next().unwrap(), format!("{}/logout", issuer.url()));
    let query: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    assert_eq!(query["client_id"], "willkommen");
    assert_eq!(query["post_logout_redirect_uri"], server.at("/staff"));
    // Nothing of the provider's token is kept to send back as a hint.
    assert!(!query.contains_key("id_token_hint"), "{url}");
    assert_eq!(me_status(&server, &session).await, StatusCode::UNAUTHORIZED);

    // A password session signs out as before.
    let local = server.admin().await;
    let answer = local.send(reqwest::Method::DELETE, "/api/v1/session", None).await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
}

async fn me_status(server: &TestServer, session: &str) -> StatusCode {
    browser()
        .get(server.at("/api/v1/session"))
        .header(header::COOKIE, format!("willkommen_session={session}"))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn an_office_account_keeps_the_providers_name_and_role_and_a_local_admin_stays() {
    let issuer = TestIssuer::start().await;
    let data = tempfile::tempdir().unwrap();
    let server = server_with(data.path(), &issuer, &[]);
    issuer.signs_in("ben", "Ben Okafor", &["willkommen-admins"]);
    sign_in(&server, "admin").await.session.unwrap();
    let admin = server.admin().await;
    let accounts = admin.get_ok("/api/v1/admin/accounts").await;
    let ben =
        accounts.as_array().unwrap().iter().find(|account| account["display_name"] == "Ben Okafor").unwrap().clone();
    assert_eq!(ben["office_account"], true);
    assert_eq!(ben["role"], "admin");
    let path = format!("/api/v1/admin/accounts/{}", ben["id"]);

    // Name, role and password are the provider's business; deactivating is the office's.
    let renamed = admin.send(reqwest::Method::PATCH, &path, Some(&serde_json::json!({"display_name": "B."}))).await;
    assert_eq!(renamed.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", renamed.body);
    let password = serde_json::json!({"password": "a long new password"});
    let reset = admin.send(reqwest::Method::POST, &format!("{path}/password"), Some(&password)).await;
    assert_eq!(reset.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reset.body);

    // The demo admin is the last admin with a password: the way in while the provider is
    // down stays, though Ben is an admin too.
    let demo = accounts.as_array().unwrap().iter().find(|account| account["username"] == "admin").unwrap().clone();
    let off = serde_json::json!({"active": false});
    let last = admin.send(reqwest::Method::PATCH, &format!("/api/v1/admin/accounts/{}", demo["id"]), Some(&off)).await;
    assert_eq!(last.status, StatusCode::CONFLICT, "{}", last.body);

    let deactivated = admin.send(reqwest::Method::PATCH, &path, Some(&off)).await;
    assert_eq!(deactivated.status, StatusCode::OK, "{}", deactivated.body);
    assert_eq!(sign_in(&server, "admin").await.location, "/admin?sign_in=deactivated");

    // While the provider is in use, a password sign-in is recorded.
    let audit = admin.get_ok("/api/v1/admin/audit?kind=signed_in").await.to_string();
    assert!(audit.contains("signed in with a Willkommen password"), "{audit}");
}

#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask test runs it (WILLKOMMEN_TEST_DATABASE_URL)"]
async fn the_way_back_from_the_provider_may_reach_another_instance() {
    crate::helpers::needs_postgres();
    let issuer = TestIssuer::start().await;
    let data = tempfile::tempdir().unwrap();
    let (a, b) = (server_with(data.path(), &issuer, &[]), server_with(data.path(), &issuer, &[]));
    issuer.signs_in("anna", "Anna Schmidt", &["willkommen-staff"]);
    let browser = browser();
    // Leaves through instance A...
    let start = browser.get(a.at("/api/v1/session/oidc/start?page=staff")).send().await.unwrap();
    let pending = cookie(&start, "willkommen_oidc").unwrap();
    let callback = location(&browser.get(location(&start)).send().await.unwrap());
    // ... and comes back through instance B, as a load balancer may send it.
    let at_b = callback.replace(a.url(), b.url());
    let ending = come_back(&b, &browser, &at_b, Some(&pending)).await;
    assert_eq!(ending.location, "/staff");
    assert_eq!(me(&a, &ending.session.unwrap()).await["display_name"], "Anna Schmidt");
}

#[tokio::test]
async fn a_provider_may_post_its_answer_as_a_form() {
    let issuer = TestIssuer::start().await;
    let data = tempfile::tempdir().unwrap();
    let server = server_with(data.path(), &issuer, &["--oidc-response-mode", "form_post"]);
    issuer.signs_in("anna", "Anna Schmidt", &["willkommen-staff"]);
    let browser = browser();
    let start = browser.get(server.at("/api/v1/session/oidc/start?page=staff")).send().await.unwrap();
    assert!(location(&start).contains("response_mode=form_post"), "{}", location(&start));
    let pending = cookie(&start, "willkommen_oidc").unwrap();
    let callback = location(&browser.get(location(&start)).send().await.unwrap());
    let (url, form) = callback.split_once('?').unwrap();
    // From the provider's page, another site: the post is its way back, not a forgery.
    let answer = browser
        .post(url)
        .header(header::COOKIE, format!("willkommen_oidc={pending}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(form.to_owned())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&answer), "/staff");
    assert!(cookie(&answer, "willkommen_session").is_some());
    // Without a form at all: back to the page, not an error page.
    let empty = browser.post(url).send().await.unwrap();
    assert_eq!((empty.status(), location(&empty)), (StatusCode::SEE_OTHER, "/staff?sign_in=expired".to_owned()));
}
