//! The built web app as the real `willkommen-server` binary serves it: each page its app's
//! shell, long caching only for fingerprinted assets, and a clear answer
//! when the app has not been built.

use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use reqwest::{Response, StatusCode};
use serde_json::Value;
use tempfile::TempDir;

use crate::helpers::TestServer;

const INDEX_HTML: &str = "<!doctype html><title>kiosk</title>";
const PHONE_HTML: &str = "<!doctype html><title>phone</title>";
const DISPLAY_HTML: &str = "<!doctype html><title>display</title>";
const OFFICE_HTML: &str = "<!doctype html><title>office</title>";
const ASSET: &str = "/app-0123456789abcdef.js";
const ASSET_BODY: &str = "console.log('willkommen');";

/// A dist folder as `cargo xtask` leaves it: the four apps' shells and one fingerprinted asset.
fn built_web_app() -> TempDir {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), INDEX_HTML).unwrap();
    for (dir, html) in [("phone", PHONE_HTML), ("display", DISPLAY_HTML), ("office", OFFICE_HTML)] {
        std::fs::create_dir(dist.path().join(dir)).unwrap();
        std::fs::write(dist.path().join(dir).join("index.html"), html).unwrap();
    }
    std::fs::write(dist.path().join(&ASSET[1..]), ASSET_BODY).unwrap();
    dist
}

/// A server with the web app of `dist` and a data folder of its own.
fn serve(dist: &TempDir) -> (TestServer, TempDir) {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::options(data.path()).dist_dir(dist.path()).start();
    (server, data)
}

fn cache_control(response: &Response) -> String {
    let value =
        response.headers().get(CACHE_CONTROL).unwrap_or_else(|| panic!("no cache-control on {}", response.url()));
    value.to_str().unwrap().to_owned()
}

#[tokio::test]
async fn every_client_side_route_gets_the_app_shell_revalidated_on_each_load() {
    let dist = built_web_app();
    let (server, _data) = serve(&dist);

    let pages = [
        ("/", INDEX_HTML),
        ("/display", DISPLAY_HTML),
        ("/display/", DISPLAY_HTML),
        ("/t/somerandomid", PHONE_HTML),
        ("/t/q0fO8b6u3J3p1yQ2xW9aZg", PHONE_HTML),
        ("/staffroom", PHONE_HTML),
        ("/phone/", PHONE_HTML),
        ("/staff", OFFICE_HTML),
        ("/admin", OFFICE_HTML),
        ("/admin/", OFFICE_HTML),
    ];
    for (path, shell) in pages {
        let response = server.get(path).await;

        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(cache_control(&response), "no-cache", "{path}");
        let content_type = response.headers()[CONTENT_TYPE].to_str().unwrap().to_owned();
        assert!(content_type.starts_with("text/html"), "{path}: {content_type}");
        assert_eq!(response.text().await.unwrap(), shell, "{path}");
    }
}

#[tokio::test]
async fn a_fingerprinted_asset_may_be_cached_forever() {
    let dist = built_web_app();
    let (server, _data) = serve(&dist);

    let response = server.get(ASSET).await;

    assert_eq!(response.status(), StatusCode::OK);
    let cache_control = cache_control(&response);
    assert!(cache_control.contains("immutable"), "{cache_control}");
    assert!(cache_control.contains("max-age="), "{cache_control}");
    assert_eq!(response.text().await.unwrap(), ASSET_BODY);
}

#[tokio::test]
async fn a_missing_file_is_a_404_not_the_app_shell() {
    let dist = built_web_app();
    let (server, _data) = serve(&dist);

    for path in ["/missing.js", "/app-fedcba9876543210.js", "/assets/logo.svg"] {
        let response = server.get(path).await;

        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        // A missing asset must not be remembered: the next release may bring it.
        assert!(!cache_control(&response).contains("immutable"), "{path}");
        assert_ne!(response.text().await.unwrap(), INDEX_HTML, "{path}");
    }
}

#[tokio::test]
async fn an_unknown_api_route_is_a_json_404_not_the_app_shell() {
    let dist = built_web_app();
    let (server, _data) = serve(&dist);

    for path in ["/api/v1/nope", "/api/", "/api", "/api/v2/kiosk"] {
        let response = server.get(path).await;

        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json", "{path}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["code"], "not_found", "{path}");
    }
}

#[tokio::test]
async fn without_a_built_web_app_the_kiosk_page_says_how_to_build_it() {
    let server = TestServer::fresh();

    let response = server.get("/").await;

    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let text = response.text().await.unwrap();
    assert!(text.contains("cargo xtask run"), "{text}");
}

#[tokio::test]
async fn without_a_built_web_app_the_api_still_works() {
    let server = TestServer::fresh();

    let response = server.get("/api/v1/kiosk").await;

    assert_eq!(response.status(), StatusCode::OK);
}

/// Ticket ids are random base64url; now and then one looks like a content hash (a run of 10
/// or more hex digits between `-`/`_`), e.g. `0123456789abcdef012345`. Its status page is the
/// app shell and must be revalidated like every other page, or a phone keeps a stale
/// `index.html` (pointing to assets a new release has removed) for a year.
#[tokio::test]
async fn a_ticket_page_whose_id_looks_like_a_hash_is_not_cached_forever() {
    let dist = built_web_app();
    let (server, _data) = serve(&dist);

    for path in ["/t/0123456789abcdef012345", "/t/Xy-0123456789-abcdefgh"] {
        let response = server.get(path).await;

        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(cache_control(&response), "no-cache", "{path}");
        assert_eq!(response.text().await.unwrap(), PHONE_HTML, "{path}");
    }
}

#[tokio::test]
async fn a_ticket_page_preloads_the_ticket_and_the_texts_of_its_language() {
    let dist = built_web_app();
    for tag in ["ar", "en"] {
        std::fs::create_dir_all(dist.path().join("locales").join(tag)).unwrap();
        std::fs::write(dist.path().join("locales").join(tag).join("main.ftl"), "ticket-heading = x\n").unwrap();
    }
    let (server, _data) = serve(&dist);
    let arabic = server.issue_ticket("address-change", "ar").await;
    let german = server.issue_ticket("address-change", "de").await;
    let link = |response: &Response| {
        response.headers().get(reqwest::header::LINK).map(|value| value.to_str().unwrap().to_owned())
    };

    let id = arabic["id"].as_str().unwrap();
    let response = server.get(&format!("/t/{id}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        link(&response).as_deref(),
        Some(
            format!(
                "</api/v1/tickets/{id}>; rel=preload; as=fetch; crossorigin=anonymous, \
                 </locales/ar/main.ftl>; rel=preload; as=fetch; crossorigin=anonymous, \
                 </locales/en/main.ftl>; rel=preload; as=fetch; crossorigin=anonymous"
            )
            .as_str()
        ),
        "the Arabic texts and their English fallback come with the ticket"
    );

    // German is built into the app; a ticket that does not exist gets the page, and no texts.
    let id = german["id"].as_str().unwrap();
    let ticket_only = |id: &str| format!("</api/v1/tickets/{id}>; rel=preload; as=fetch; crossorigin=anonymous");
    assert_eq!(link(&server.get(&format!("/t/{id}")).await), Some(ticket_only(id)));
    assert_eq!(link(&server.get("/t/q0fO8b6u3J3p1yQ2xW9aZg").await), Some(ticket_only("q0fO8b6u3J3p1yQ2xW9aZg")));
    assert_eq!(link(&server.get("/display").await), None);
}
