//! Serves the built web app from the dist folder. Each page gets the shell of the app it
//! belongs to (`willkommen_api::WebApp::for_path`), so a deep link or a reload works: `/` the
//! kiosk's (`index.html`), `/display` the call display's (`display/index.html`), `/staff` and
//! `/admin` the office's (`office/index.html`), and everything else, above all `/t/<ticket>`,
//! the phone page's (`phone/index.html`), which also says "not found" kindly. A missing file
//! gets a plain 404.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use willkommen_api::{SOURCE_LANGUAGE, WebApp};

use crate::error::AppError;
use crate::store::Store;

/// The web app as a fallback router: everything the API does not answer. The store tells a
/// ticket page which language's texts to preload.
pub fn router(dist_dir: &Path, store: Store) -> Router {
    let dist = dist_dir.to_path_buf();
    let app_shell = move |request: Request| {
        let index = shell_for(&dist, request.uri().path());
        spa_fallback(index, dist.clone(), store.clone(), request)
    };
    let files = ServeDir::new(dist_dir)
        // `cargo xtask` writes .br and .gz next to each file at build time, so the server
        // never spends CPU on compressing the same wasm again.
        .precompressed_br()
        .precompressed_gzip()
        // `/display` is a page, not the folder of the display's files: no redirect to
        // `/display/`, no folder index; the app shells come from `shell_for`.
        .append_index_html_on_directories(false)
        .fallback(tower::service_fn(move |request| {
            let app_shell = app_shell.clone();
            async move { Ok::<_, std::convert::Infallible>(app_shell(request).await) }
        }));
    Router::new().fallback_service(files).layer(middleware::from_fn(cache_control))
}

/// The page of the app that answers `path` (the table is `willkommen_api::WebApp`).
fn shell_for(dist: &Path, path: &str) -> PathBuf {
    dist.join(WebApp::for_path(path).folder()).join("index.html")
}

async fn spa_fallback(index: PathBuf, dist: PathBuf, store: Store, request: Request) -> Response {
    let preload = match willkommen_api::ticket_id_in(request.uri().path()).filter(|id| is_url_safe(id)) {
        // Without an answer from the database the page still works, without the texts' preload.
        Some(id) => ticket_preload(id, store.ticket_language(id).await.ok().flatten().as_deref(), &dist),
        None => None,
    };
    let mut response = app_shell_or_not_found(index, request).await;
    // Whatever the path looks like, this is not a fingerprinted file: revalidate it.
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Some(preload) = preload.filter(|_| response.status().is_success()) {
        response.headers_mut().insert(header::LINK, preload);
    }
    response
}

/// For a ticket page, a `Link` header that has the browser fetch the ticket, and the texts of
/// the ticket's language with their English fallback, while the phone page's app downloads,
/// instead of after it has started: they are the page's content, and phones are often on slow
/// connections. The URLs are the ones the app asks for (`api_client::fetch_ticket`,
/// [`willkommen_api::locale_url`]), so the browser hands it the preloaded answers.
fn ticket_preload(id: &str, language: Option<&str>, dist: &Path) -> Option<HeaderValue> {
    if !is_url_safe(id) {
        return None;
    }
    let mut urls = vec![format!("{}/tickets/{id}", willkommen_api::API_PREFIX)];
    // German is built into the app and complete; any other language comes with its fallback.
    let texts_of = |tag: &str| {
        let url = willkommen_api::locale_url(tag, "main");
        (is_url_safe(tag) && dist.join(&url[1..]).is_file()).then_some(url)
    };
    if let Some(tag) = language.filter(|tag| *tag != SOURCE_LANGUAGE)
        && let Some(texts) = texts_of(tag)
    {
        let fallback = willkommen_api::fallback_texts_language(tag).and_then(texts_of);
        for url in std::iter::once(texts).chain(fallback) {
            if !urls.contains(&url) {
                urls.push(url);
            }
        }
    }
    let links: Vec<String> =
        urls.iter().map(|url| format!("<{url}>; rel=preload; as=fetch; crossorigin=anonymous")).collect();
    HeaderValue::from_str(&links.join(", ")).ok()
}

/// Ticket ids are URL-safe base64 and language tags letters, digits and hyphens; anything
/// else goes into no header and no path.
fn is_url_safe(text: &str) -> bool {
    !text.is_empty() && text.len() <= 64 && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

async fn app_shell_or_not_found(index: PathBuf, request: Request) -> Response {
    let path = request.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        return AppError::NotFound("no such API route".into()).into_response();
    }
    let looks_like_a_file = path.rsplit('/').next().is_some_and(|last| last.contains('.'));
    if looks_like_a_file {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    if !index.exists() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "The Willkommen web app has not been built. Run `cargo xtask run` to build and start it.",
        )
            .into_response();
    }
    match ServeFile::new(index).oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    }
}

/// Fingerprinted assets (Trunk puts a content hash in their names) never change, so browsers
/// may keep them for a year; everything else, above all `index.html`, is revalidated so a new
/// release reaches every kiosk on its next load.
async fn cache_control(request: Request, next: Next) -> Response {
    let immutable = is_fingerprinted(request.uri().path());
    let mut response = next.run(request).await;
    let value =
        if immutable && response.status().is_success() { "public, max-age=31536000, immutable" } else { "no-cache" };
    // The app-shell fallback has set its own header already: a `/t/<id>` may look hashed.
    if !response.headers().contains_key(header::CACHE_CONTROL) {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// `/willkommen-3f2a9c1b0d4e5f67_bg.wasm` is (a run of 10 or more hex digits); `/index.html`
/// and `/staff` are not.
fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    name.split(['-', '_', '.']).any(|part| part.len() >= 10 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dist folder with the texts of `tags`.
    fn dist_with_texts(tags: &[&str]) -> tempfile::TempDir {
        let dist = tempfile::tempdir().unwrap();
        for tag in tags {
            std::fs::create_dir_all(dist.path().join("locales").join(tag)).unwrap();
            std::fs::write(dist.path().join("locales").join(tag).join("main.ftl"), "x = y\n").unwrap();
        }
        dist
    }

    #[test]
    fn a_ticket_page_preloads_its_ticket_and_its_languages_texts() {
        let dist = dist_with_texts(&["ar", "en", "de"]);
        let ticket = "</api/v1/tickets/q0fO8b6u3J3p1yQ2xW9aZg>; rel=preload; as=fetch; crossorigin=anonymous";
        let arabic = ticket_preload("q0fO8b6u3J3p1yQ2xW9aZg", Some("ar"), dist.path()).expect("a ticket page");
        assert_eq!(
            arabic,
            format!(
                "{ticket}, </locales/ar/main.ftl>; rel=preload; as=fetch; crossorigin=anonymous, \
                 </locales/en/main.ftl>; rel=preload; as=fetch; crossorigin=anonymous"
            )
        );
        let english = ticket_preload("q0fO8b6u3J3p1yQ2xW9aZg", Some("en"), dist.path()).unwrap();
        assert_eq!(english.to_str().unwrap().matches("main.ftl").count(), 1, "English once");
        // German is built into the app; an unknown ticket or a language without texts: the ticket only.
        for language in [Some("de"), None, Some("xx"), Some("../../etc")] {
            assert_eq!(
                ticket_preload("q0fO8b6u3J3p1yQ2xW9aZg", language, dist.path()).unwrap(),
                ticket,
                "{language:?}"
            );
        }
        assert_eq!(
            ticket_preload("a%3E;rel=stylesheet", None, dist.path()),
            None,
            "nothing but a ticket id goes into the header"
        );
        assert_eq!(ticket_preload("", None, dist.path()), None);
    }

    #[test]
    fn only_hashed_asset_names_count_as_fingerprinted() {
        assert!(is_fingerprinted("/willkommen-3f2a9c1b0d4e5f67_bg.wasm"));
        assert!(is_fingerprinted("/main-a1b2c3d4e5f60718.css"));
        // Trunk prints its 64-bit hash without leading zeros.
        assert!(is_fingerprinted("/main-f7db852bc6131d4.css"));
        assert!(!is_fingerprinted("/index.html"));
        assert!(!is_fingerprinted("/t/q0fO8b6u3J3p1yQ2xW9aZg"));
        assert!(!is_fingerprinted("/"));
    }
}
