//! `GET /api/openapi.json`: the API's OpenAPI 3.1 description, generated from the handlers'
//! annotations and the wire types, so it cannot drift from the code.

use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};
use willkommen_api as json;

use crate::auth::SESSION_COOKIE;

#[derive(OpenApi)]
#[openapi(
    info(title = "Willkommen queue API", description = "Tickets, staff calls and live events of the Willkommen welcome-office queue."),
    paths(
        super::kiosk::kiosk_show,
        super::kiosk::display_show,
        super::tickets::tickets_create,
        super::tickets::tickets_show,
        super::tickets::tickets_cancel,
        super::push::push_key,
        super::push::push_subscribe,
        super::push::push_unsubscribe,
        super::feedback::feedback_give,
        super::appointments::appointments_show,
        super::appointments::appointments_check_in,
        super::session::session_create,
        super::session::session_show,
        super::session::session_delete,
        super::oidc::sign_in_methods,
        super::oidc::oidc_start,
        super::oidc::oidc_callback,
        super::oidc::oidc_callback_posted,
        super::staff::counters_list,
        super::staff::queue_show,
        super::staff::counters_call_next,
        super::staff::tickets_call,
        super::staff::tickets_transfer,
        super::staff::tickets_act,
        super::staff::lookup,
        super::events::display_events,
        super::events::ticket_events,
        super::events::queue_events,
        super::events::kiosk_events,
        super::admin::draft_show,
        super::admin::draft_save,
        super::admin::draft_discard,
        super::admin::publish,
        super::admin::versions_list,
        super::admin::version_show,
        super::admin::version_restore,
        super::admin::preview_kiosk,
        super::admin::export,
        super::admin::import,
        super::admin_accounts::accounts_list,
        super::admin_accounts::accounts_create,
        super::admin_accounts::accounts_change,
        super::admin_accounts::accounts_password,
        super::admin_accounts::audit_list,
        super::admin_appointments::appointments_list,
        super::admin_appointments::appointments_put,
        super::admin_appointments::appointments_cancel,
        super::admin_appointments::appointments_import,
        super::admin_appointments::services_list,
        super::admin_appointments::services_replace,
        super::statistics::statistics_show,
        super::statistics::statistics_csv,
        super::statistics::statistics_xlsx,
        super::statistics::statistics_live,
        super::statistics::kiosk_turned_away,
    ),
    components(schemas(json::ApiError, json::ErrorCode, json::DisplayCall)),
    modifiers(&SessionCookie),
    tags(
        (name = "visitors", description = "No sign-in: the kiosk and the visitor's phone"),
        (name = "staff", description = "Needs the session cookie from POST /api/v1/session"),
        (name = "live", description = "Server-sent events, resumable with Last-Event-ID"),
        (name = "admin", description = "Needs the session cookie of an admin account"),
        (name = "statistics", description = "Needs the session cookie of an admin or statistics account"),
    )
)]
pub struct ApiDoc;

/// Declares the session cookie as the `session` security scheme.
struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components
            .add_security_scheme("session", SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(SESSION_COOKIE))));
    }
}

/// The document, as served.
pub async fn openapi_json() -> axum::Json<utoipa::openapi::OpenApi> {
    axum::Json(ApiDoc::openapi())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_described_with_its_error_answers() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();

        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
        let paths = doc["paths"].as_object().unwrap();
        assert_eq!(paths.len(), 46, "{:?}", paths.keys().collect::<Vec<_>>());
        for (path, operations) in paths {
            for (method, operation) in operations.as_object().unwrap() {
                let responses = operation["responses"].as_object().unwrap();
                // Only the kiosk's GET takes no input it could refuse.
                let takes_input = !["/api/v1/kiosk", "/api/v1/display", "/api/v1/push/key", "/api/v1/session/methods"]
                    .contains(&path.as_str());
                assert!(!takes_input || responses.contains_key("4XX"), "{method} {path}");
                assert!(responses.contains_key("500"), "{method} {path}");
            }
        }
    }

    /// The schema tells clients (and the fuzzer) the account rules the server applies.
    #[test]
    fn the_account_fields_are_described_with_the_rules_the_server_applies() {
        use willkommen_api::account_rules::{DISPLAY_NAME_LENGTH, PASSWORD_LENGTH, USERNAME_LENGTH, check_username};
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let schemas = &doc["components"]["schemas"];
        let limits = |schema: &str, field: &str| {
            let field = &schemas[schema]["properties"][field];
            (field["minLength"].as_u64(), field["maxLength"].as_u64())
        };
        let range = |range: &std::ops::RangeInclusive<usize>| (Some(*range.start() as u64), Some(*range.end() as u64));

        assert_eq!(limits("NewAccount", "username"), range(&USERNAME_LENGTH));
        assert_eq!(limits("NewAccount", "display_name"), range(&DISPLAY_NAME_LENGTH));
        assert_eq!(limits("NewAccount", "password"), range(&PASSWORD_LENGTH));
        assert_eq!(limits("NewPassword", "password"), range(&PASSWORD_LENGTH));
        let pattern = schemas["NewAccount"]["properties"]["username"]["pattern"].as_str().unwrap();
        // The form's pattern escapes the dash, as HTML's `v`-mode patterns need.
        let form_pattern = willkommen_api::account_rules::USERNAME_PATTERN.replace("\\-", "-");
        assert_eq!(pattern, format!("^{form_pattern}$"));
        assert!(check_username("a.b-c_1").is_ok());
    }
}
