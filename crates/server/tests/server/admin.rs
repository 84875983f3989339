//! The admin API against the real server binary and a real SQLite file: drafts, publishing
//! (and what kiosks and staff see of it), versions, import and export, accounts, the audit
//! trail, and that nobody but an admin reaches any of it.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use willkommen_api as wire;

use crate::helpers::{TestServer, assert_refused, edit_database, new_key};

const API: &str = "/api/v1";

/// A kiosk's ticket request for `concern` (in German, no answers).
fn in_german(concern: &str) -> Value {
    json!({"concern": concern, "language": "de", "checklist": {}})
}

fn item_text<'a>(kiosk: &'a wire::Kiosk, concern: &str, item: &str, language: &str) -> Option<&'a str> {
    let concern = kiosk.concerns.iter().find(|c| c.id.as_str() == concern)?;
    concern.checklist.iter().find(|i| i.id == item)?.text.get(language)
}

#[tokio::test]
async fn an_edit_is_a_draft_until_published_and_then_the_kiosk_shows_it() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    let mut draft = admin.draft().await;
    assert!(!draft.unpublished);
    assert_eq!(draft.problems, []);
    let concern = draft.document.concerns.iter_mut().find(|c| c.id.as_str() == "address-change").unwrap();
    concern.checklist[0].text.0.insert("ar".into(), "بطاقة الإقامة <script>alert(1)</script>".into());

    let saved = admin.save(&draft).await;
    let status = saved.status;
    let saved: wire::Draft = saved.parse();
    let before_publishing = server.kiosk().await;
    let published = admin.publish(saved.revision).await;
    let after_publishing = server.kiosk().await;

    assert_eq!(status, StatusCode::OK);
    assert!(saved.unpublished && saved.revision == draft.revision + 1);
    assert_ne!(
        item_text(&before_publishing, "address-change", "residence-card", "ar"),
        Some("بطاقة الإقامة <script>alert(1)</script>")
    );
    let version = &published.body;
    assert_eq!(published.status, StatusCode::OK, "{version}");
    assert_eq!(version["version"], 2);
    assert_eq!(version["published_by"], "Demo Admin");
    assert_eq!(
        item_text(&after_publishing, "address-change", "residence-card", "ar"),
        Some("بطاقة الإقامة <script>alert(1)</script>"),
        "stored and served as the text it is"
    );
    assert!(!admin.draft().await.unpublished);
}

#[tokio::test]
async fn a_save_from_an_older_revision_is_a_conflict_and_changes_nothing() {
    let server = TestServer::fresh();
    let (first, second) = (server.admin().await, server.admin().await);
    let mut mine = first.draft().await;
    let mut theirs = second.draft().await;
    mine.document.cutoff_minutes = 30;
    theirs.document.cutoff_minutes = 45;

    let saved = first.save(&mine).await;
    let conflict = second.save(&theirs).await;

    assert_eq!(saved.status, StatusCode::OK);
    assert_refused(&conflict, StatusCode::CONFLICT, "draft_conflict");
    assert_eq!(first.draft().await.document.cutoff_minutes, 30);
}

#[tokio::test]
async fn a_draft_with_problems_is_kept_but_cannot_be_published() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    let mut draft = admin.draft().await;
    draft.document.concerns[0].name.0.remove("de");
    draft.document.concerns[1].prefix = draft.document.concerns[2].prefix.clone();

    let saved = admin.save(&draft).await;
    let status = saved.status;
    let saved: wire::Draft = saved.parse();
    let refused = admin.publish(saved.revision).await;

    assert_eq!(status, StatusCode::OK, "half-done work is never lost");
    let paths: Vec<_> = saved.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["concerns[0].name.de", "concerns[2].prefix"]);
    assert_refused(&refused, StatusCode::UNPROCESSABLE_ENTITY, "invalid_config");
    assert_eq!(refused.body["problems"].as_array().unwrap().len(), 2);
    assert_eq!(admin.get_ok(&format!("{API}/admin/versions")).await.as_array().unwrap().len(), 1, "nothing published");
}

#[tokio::test]
async fn publishing_changes_what_the_queue_does_at_once() {
    let server = TestServer::fresh();
    let admin = server.admin().await;

    admin
        .edit_and_publish(|office| {
            office.concerns.retain(|c| c.id.as_str() != "eu-blue-card");
            for counter in &mut office.counters {
                counter.concerns.retain(|c| c.as_str() != "eu-blue-card");
            }
            let card = office.concerns.iter_mut().find(|c| c.id.as_str() == "lost-or-stolen-card").unwrap();
            card.active = false;
            office.counters[2].name = "Infotheke".into();
            office.counters.push(wire::CounterConfig {
                id: wire::CounterId("counter-4".into()),
                name: "Schalter 4".into(),
                concerns: vec![wire::ConcernId("address-change".into())],
            });
        })
        .await;

    let kiosk = server.kiosk().await;
    let offered: Vec<_> = kiosk.concerns.iter().map(|c| c.id.as_str()).collect();
    assert!(!offered.contains(&"eu-blue-card") && !offered.contains(&"lost-or-stolen-card"), "{offered:?}");
    let counters: Vec<wire::Counter> = admin.get_as(&format!("{API}/counters")).await;
    let names: Vec<_> = counters.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Schalter 1", "Schalter 2", "Infotheke", "Schalter 4"]);
    let refused = server.post_ticket(Some(&new_key()), &in_german("lost-or-stolen-card")).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "an inactive concern issues no tickets");
}

#[tokio::test]
async fn a_concern_with_tickets_can_be_removed_and_its_tickets_keep_their_history() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    let ticket = server.issue_ticket_with(&in_german("eu-blue-card")).await;

    // Removed, and its prefix given to another concern in the same step.
    admin
        .edit_and_publish(|office| {
            let prefix = office.concerns.iter().find(|c| c.id.as_str() == "eu-blue-card").unwrap().prefix.clone();
            office.concerns.retain(|c| c.id.as_str() != "eu-blue-card");
            office.concerns[0].prefix = prefix;
            for counter in &mut office.counters {
                counter.concerns.retain(|c| c.as_str() != "eu-blue-card");
            }
        })
        .await;

    let shown = server.visitor_view(&ticket).await;
    assert_eq!(shown["number"], ticket["number"]);
    let prefix = ticket["number"].as_str().unwrap().split(' ').next().unwrap();
    assert_eq!(server.kiosk().await.concerns[0].prefix, prefix, "the prefix went to another concern");
}

#[tokio::test]
async fn an_earlier_version_can_be_viewed_and_restored() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    let original = admin.draft().await.document.office_name.clone();
    admin
        .edit_and_publish(|office| {
            office.office_name.0.insert("de".into(), "Welcome Center".into());
        })
        .await;

    let versions = admin.get_ok(&format!("{API}/admin/versions")).await;
    let first: wire::Version = admin.get_as(&format!("{API}/admin/versions/1")).await;
    let restored = admin.send(Method::POST, &format!("{API}/admin/versions/1/restore"), None).await;
    let restored: wire::Draft = restored.parse();
    let before_publishing = server.kiosk().await.office_name;
    admin.publish(restored.revision).await;

    assert_eq!(versions.as_array().unwrap().iter().map(|v| v["version"].as_u64().unwrap()).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(first.document.office_name, original);
    assert_eq!(restored.document.office_name, original);
    assert_eq!(before_publishing.get("de"), Some("Welcome Center"), "restoring fills the draft only");
    assert_eq!(server.kiosk().await.office_name, original);
    let missing = admin.send(Method::GET, &format!("{API}/admin/versions/99"), None).await;
    assert_refused(&missing, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn the_export_imports_back_and_a_file_with_three_errors_reports_all_three_and_changes_nothing() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    let response = admin.client().get(server.at(&format!("{API}/admin/export"))).send().await.unwrap();
    assert!(response.headers()["content-disposition"].to_str().unwrap().contains("willkommen-configuration-v1.json"));
    let exported: Value = response.json().await.unwrap();
    assert!(exported.get("demo_accounts").is_none() && !exported.to_string().contains("password"));

    let mut broken = exported.clone();
    broken["concerns"][0]["name"].as_object_mut().unwrap().remove("de");
    broken["concerns"][1]["prefix"] = broken["concerns"][2]["prefix"].clone();
    broken["counters"][0]["concerns"].as_array_mut().unwrap().push("astrology".into());
    let before = admin.draft().await;
    let refused = admin.send(Method::POST, &format!("{API}/admin/import"), Some(&broken)).await;
    let after = admin.draft().await;

    assert_refused(&refused, StatusCode::UNPROCESSABLE_ENTITY, "invalid_config");
    let paths: Vec<_> =
        refused.body["problems"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["concerns[0].name.de", "concerns[2].prefix", "counters[0].concerns[11]"]);
    assert_eq!((after.revision, &after.document), (before.revision, &before.document), "a bad file changes nothing");

    let mut renamed = exported;
    renamed["office_name"]["de"] = "Importiertes Amt".into();
    let imported = admin.send(Method::POST, &format!("{API}/admin/import"), Some(&renamed)).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    assert_eq!(imported.body["document"]["office_name"]["de"], "Importiertes Amt");
    assert_eq!(imported.body["unpublished"], true, "an import is a draft to look at before publishing");
}

#[tokio::test]
async fn accounts_are_managed_and_the_last_admin_cannot_be_removed() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    let accounts = admin.get_ok(&format!("{API}/admin/accounts")).await;
    assert!(!accounts.to_string().contains("argon2"), "no password hashes leave the server");
    let admin_id = accounts.as_array().unwrap().iter().find(|a| a["username"] == "admin").unwrap()["id"].clone();

    let last =
        admin.send(Method::PATCH, &format!("{API}/admin/accounts/{admin_id}"), Some(&json!({"active": false}))).await;
    let demoted =
        admin.send(Method::PATCH, &format!("{API}/admin/accounts/{admin_id}"), Some(&json!({"role": "staff"}))).await;
    assert_refused(&last, StatusCode::CONFLICT, "last_admin");
    assert_refused(&demoted, StatusCode::CONFLICT, "last_admin");

    let new =
        json!({"username": "m.yilmaz", "display_name": "Merve Yılmaz", "role": "staff", "password": "gute-frage-42"});
    let created = admin.send(Method::POST, &format!("{API}/admin/accounts"), Some(&new)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let again = admin.send(Method::POST, &format!("{API}/admin/accounts"), Some(&new)).await;
    assert_refused(&again, StatusCode::CONFLICT, "username_taken");
    let short = json!({"username": "kurz", "display_name": "Kurz", "role": "staff", "password": "123"});
    assert_refused(
        &admin.send(Method::POST, &format!("{API}/admin/accounts"), Some(&short)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
    );

    let clerk = server.signed_in("m.yilmaz", "gute-frage-42").await;
    let id = created.body["id"].clone();
    let reset = admin
        .send(
            Method::POST,
            &format!("{API}/admin/accounts/{id}/password"),
            Some(&json!({"password": "neues-passwort-7"})),
        )
        .await;
    assert_eq!(reset.status, StatusCode::NO_CONTENT);
    let queue = clerk.get(&format!("{API}/queue")).await;
    assert_eq!(queue.status, StatusCode::UNAUTHORIZED, "a new password ends the old sessions");
    server.signed_in("m.yilmaz", "neues-passwort-7").await;

    let deactivated =
        admin.send(Method::PATCH, &format!("{API}/admin/accounts/{id}"), Some(&json!({"active": false}))).await;
    assert_eq!(deactivated.body["active"], false);
    let refused = server.browser().sign_in("m.yilmaz", "neues-passwort-7").await;
    assert_refused(&refused, StatusCode::UNAUTHORIZED, "invalid_credentials");
}

#[tokio::test]
async fn the_audit_trail_says_who_changed_what_and_can_be_filtered() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    admin
        .edit_and_publish(|office| {
            office.concerns[0].checklist[0].text.0.insert("ar".into(), "جواز سفر ساري المفعول".into());
        })
        .await;
    let new = json!({"username": "aushilfe", "display_name": "Aushilfe", "role": "staff", "password": "aushilfe-2026"});
    admin.send(Method::POST, &format!("{API}/admin/accounts"), Some(&new)).await;

    let all: Vec<wire::AuditEntry> = admin.get_as(&format!("{API}/admin/audit")).await;
    let published: Vec<wire::AuditEntry> = admin.get_as(&format!("{API}/admin/audit?kind=published&actor=admin")).await;
    let nobody: Vec<wire::AuditEntry> = admin.get_as(&format!("{API}/admin/audit?actor=schalter1")).await;
    let bad = admin.send(Method::GET, &format!("{API}/admin/audit?kind=gossip"), None).await;

    let kinds: Vec<_> = all.iter().map(|entry| entry.kind).collect();
    assert_eq!(kinds, [wire::AuditKind::AccountCreated, wire::AuditKind::Published, wire::AuditKind::DraftSaved]);
    assert_eq!(all[2].changes, ["concerns[0].checklist[0].text.ar"]);
    assert_eq!(all[2].actor.as_deref(), Some("Demo Admin (admin)"));
    assert_eq!(published.len(), 1);
    assert_eq!(published[0].summary, "published version 2");
    assert_eq!(nobody, []);
    assert_refused(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
}

/// Every admin route, with a body where it takes one.
fn admin_routes() -> Vec<(Method, String, Option<Value>)> {
    let admin = format!("{API}/admin");
    vec![
        (Method::GET, format!("{admin}/draft"), None),
        (Method::PUT, format!("{admin}/draft"), Some(json!({"revision": 1, "document": {}}))),
        (Method::DELETE, format!("{admin}/draft"), None),
        (Method::POST, format!("{admin}/publish"), Some(json!({"revision": 1}))),
        (Method::GET, format!("{admin}/versions"), None),
        (Method::GET, format!("{admin}/versions/1"), None),
        (Method::POST, format!("{admin}/versions/1/restore"), None),
        (Method::GET, format!("{admin}/preview/kiosk"), None),
        (Method::GET, format!("{admin}/export"), None),
        (Method::POST, format!("{admin}/import"), Some(json!({}))),
        (Method::GET, format!("{admin}/accounts"), None),
        (
            Method::POST,
            format!("{admin}/accounts"),
            Some(json!({"username": "x", "display_name": "x", "role": "admin", "password": "x"})),
        ),
        (Method::PATCH, format!("{admin}/accounts/1"), Some(json!({"role": "staff"}))),
        (Method::POST, format!("{admin}/accounts/1/password"), Some(json!({"password": "take-over-123"}))),
        (Method::GET, format!("{admin}/audit"), None),
    ]
}

#[tokio::test]
async fn staff_and_anonymous_requests_reach_no_admin_route() {
    let server = TestServer::fresh();
    let clerk = server.clerk().await;
    let anonymous = server.browser();
    let admin = server.admin().await;
    let draft_before = admin.draft().await;

    for (method, path, body) in admin_routes() {
        let as_staff = clerk.send(method.clone(), &path, body.as_ref()).await;
        let as_nobody = anonymous.send(method.clone(), &path, body.as_ref()).await;
        assert_eq!(
            (as_staff.status, as_staff.body["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("forbidden")),
            "{method} {path}"
        );
        assert_eq!(
            (as_nobody.status, as_nobody.body["code"].as_str()),
            (StatusCode::UNAUTHORIZED, Some("not_signed_in")),
            "{method} {path}"
        );
    }
    let draft_after = admin.draft().await;
    assert_eq!(draft_after.revision, draft_before.revision);
    assert_eq!(admin.get_ok(&format!("{API}/admin/audit")).await, json!([]), "nothing happened");
}

#[tokio::test]
async fn a_request_another_site_makes_the_admins_browser_send_is_refused() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    let draft = admin.draft().await;
    let body = json!({"revision": draft.revision, "note": "forged"});

    let forged = admin
        .client()
        .post(server.at(&format!("{API}/admin/publish")))
        .header("Origin", "https://evil.example")
        .json(&body)
        .send()
        .await
        .unwrap();

    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(admin.get_ok(&format!("{API}/admin/versions")).await.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let server = TestServer::fresh();
    for path in ["/", "/admin", &format!("{API}/kiosk")] {
        let response = server.get(path).await;
        let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
        let policy = header("content-security-policy").unwrap_or_default();
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval'") && !policy.contains("unsafe-inline"),
            "{path}: {policy}"
        );
        assert!(policy.contains("frame-ancestors 'self'"), "{path}");
        assert_eq!(header("x-frame-options").as_deref(), Some("SAMEORIGIN"), "{path}");
        assert_eq!(header("x-content-type-options").as_deref(), Some("nosniff"), "{path}");
    }
}

#[tokio::test]
async fn the_preview_shows_the_draft_and_the_kiosk_still_the_published_version() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    let mut draft = admin.draft().await;
    draft.document.concerns[0].name.0.insert("fa".into(), "پیش‌نمایش".into());
    admin.save(&draft).await;

    let preview: wire::Kiosk = admin.get_as(&format!("{API}/admin/preview/kiosk")).await;

    assert_eq!(preview.concerns[0].name.get("fa"), Some("پیش‌نمایش"));
    assert_ne!(server.kiosk().await.concerns[0].name.get("fa"), Some("پیش‌نمایش"));
}

#[tokio::test]
async fn a_database_from_before_versions_gets_its_tables_as_version_one() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let seeded = server.admin().await.draft().await.document;
    server.stop();
    edit_database(data.path(), &["DELETE FROM config_draft", "DELETE FROM config_versions"]).await;

    let server = TestServer::start(data.path());
    let admin = server.admin().await;
    let draft = admin.draft().await;

    assert_eq!(draft.document, seeded, "the tables hold exactly what was published");
    assert!(!draft.unpublished);
    assert_eq!(admin.get_ok(&format!("{API}/admin/versions")).await.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn ticket_qr_codes_use_the_address_the_administrators_published() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    let take = || async {
        let ticket = server.issue_ticket_with(&in_german("address-change")).await;
        ticket["status_url"].as_str().unwrap().to_owned()
    };
    let before = take().await;

    admin.edit_and_publish(|office| office.public_base_url = Some("https://termine.example.de".into())).await;
    let after = take().await;

    assert!(before.starts_with(server.url()), "{before}");
    assert!(after.starts_with("https://termine.example.de/t/"), "{after}");
}
