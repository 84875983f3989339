//! Who someone is at Willkommen, from what the provider's token says: the role from their
//! groups (or roles), and the name colleagues see.

use willkommen_api::Role;

use super::types::Claims;
use crate::settings::OidcSettings;

/// The Willkommen role the token's groups give, if any: admin includes the others, then
/// staff, then statistics.
pub fn role_of(claims: &Claims, settings: &OidcSettings) -> Option<Role> {
    let groups = claim_strings(claims, &settings.roles_claim);
    let member = |of: &[String]| groups.iter().any(|group| of.contains(group));
    if member(&settings.admin_groups) {
        Some(Role::Admin)
    } else if member(&settings.staff_groups) {
        Some(Role::Staff)
    } else if member(&settings.statistics_groups) {
        Some(Role::Statistics)
    } else {
        None
    }
}

/// The name colleagues see: the configured claim, else given and family name, else the
/// preferred username, else a plain "office account".
pub fn display_name(claims: &Claims, settings: &OidcSettings) -> String {
    let standard = |name: Option<String>| name.map(|name| name.trim().to_owned()).filter(|name| !name.is_empty());
    let configured = match settings.name_claim.as_str() {
        "name" => standard(claims.name().and_then(|name| name.get(None)).map(|name| name.to_string())),
        other => claim_strings(claims, other).into_iter().next(),
    };
    let given_family = || {
        let given = claims.given_name().and_then(|name| name.get(None)).map(|name| name.to_string());
        let family = claims.family_name().and_then(|name| name.get(None)).map(|name| name.to_string());
        standard(Some([given, family].into_iter().flatten().collect::<Vec<_>>().join(" ")))
    };
    let preferred = || standard(claims.preferred_username().map(|name| name.to_string()));
    let name = configured.or_else(given_family).or_else(preferred).unwrap_or_else(|| "Office account".to_owned());
    // The accounts list and the desk have room for a name, not a paragraph.
    name.chars().filter(|c| !c.is_control()).take(*willkommen_api::account_rules::DISPLAY_NAME_LENGTH.end()).collect()
}

/// The claim named `path` as strings: the whole name first (AD FS claim URIs contain dots),
/// else a dotted path into nested objects (`realm_access.roles`). A string is a list of one.
pub fn claim_strings(claims: &Claims, path: &str) -> Vec<String> {
    let others = &claims.additional_claims().0;
    let value = others.get(path).or_else(|| {
        let mut parts = path.split('.');
        let first = others.get(parts.next()?)?;
        parts.try_fold(first, |value, part| value.get(part))
    });
    match value {
        Some(serde_json::Value::String(one)) => vec![one.clone()],
        Some(serde_json::Value::Array(many)) => many.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
        _ => Vec::new(),
    }
}
