//! What every response says about itself to the browser, and the refusal of requests that
//! another site makes a signed-in browser send.

use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

/// Scripts and wasm only from the app's own files (the build moves Trunk's inline loader into
/// a file), no inline styles (the printout sets its page size through the CSS object model),
/// data: images for the QR code, framed only by the app itself (the admin console's preview).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; media-src 'self' blob:; object-src 'none'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/// The camera for the staff desk's QR scan; nothing else a page could ask for.
pub const PERMISSIONS_POLICY: &str = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";

/// Refuses a request that changes something when it comes from another site. The session
/// cookie is `SameSite=Strict` already; this is the second lock on the door.
pub async fn same_origin_only(request: Request, next: Next) -> Response {
    let changes_something = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // The identity provider's form post (AD FS) comes from its site by design; the sign-in it
    // carries is tied to this browser by a cookie and a state only this server knows.
    let provider_answer = request.uri().path().ends_with("/session/oidc/callback");
    if changes_something && !provider_answer && is_cross_site(request.headers()) {
        return AppError::Forbidden("a request from another site is refused".into()).into_response();
    }
    next.run(request).await
}

fn is_cross_site(headers: &HeaderMap) -> bool {
    let fetch_site = headers.get("sec-fetch-site").and_then(|value| value.to_str().ok());
    if matches!(fetch_site, Some("cross-site" | "same-site")) {
        return true;
    }
    let origin = headers.get(header::ORIGIN).and_then(|value| value.to_str().ok());
    let host = headers.get(header::HOST).and_then(|value| value.to_str().ok());
    match (origin, host) {
        // Browsers send Origin with every POST; tools like curl send none, and have no cookie
        // a site could abuse.
        (None, _) | (Some("null"), None) => false,
        (Some(origin), Some(host)) => origin.split_once("://").is_none_or(|(_, authority)| authority != host),
        (Some(_), None) => true,
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| (header::HeaderName::from_static(name), HeaderValue::from_static(value)))
            .collect()
    }

    #[test]
    fn another_site_is_refused_and_the_app_itself_is_not() {
        assert!(is_cross_site(&headers(&[("origin", "https://evil.example"), ("host", "wk.example.de")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site(&headers(&[("origin", "null"), ("host", "wk.example.de")])));
        assert!(!is_cross_site(&headers(&[("origin", "https://wk.example.de"), ("host", "wk.example.de")])));
        assert!(!is_cross_site(&headers(&[("origin", "http://127.0.0.1:8080"), ("host", "127.0.0.1:8080")])));
        assert!(!is_cross_site(&headers(&[("sec-fetch-site", "same-origin"), ("host", "wk.example.de")])));
        assert!(!is_cross_site(&headers(&[("host", "wk.example.de")])), "no Origin: not a browser");
    }
}
