//! Signing staff in with the office's identity provider (OpenID Connect): its settings, read
//! and checked together, since they only make sense as a whole. The client secret comes from
//! a file of its own or from `WILLKOMMEN_OIDC_CLIENT_SECRET`, never from the command line
//! (other users of the machine can read that) nor from the settings file.

use std::path::Path;

use super::flags::Flags;
use super::{Layers, SettingsError};

/// The variable that holds the client secret itself.
pub const CLIENT_SECRET_VARIABLE: &str = "WILLKOMMEN_OIDC_CLIENT_SECRET";

/// How the office's identity provider is used.
#[derive(Clone)]
pub struct OidcSettings {
    /// Exactly as the provider's discovery document names itself.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: ClientSecret,
    /// Asked for besides `openid`.
    pub scopes: Vec<String>,
    /// The claim listing the person's groups or roles (a name, else a dotted path).
    pub roles_claim: String,
    pub staff_groups: Vec<String>,
    pub admin_groups: Vec<String>,
    pub statistics_groups: Vec<String>,
    pub name_claim: String,
    pub response_mode: ResponseMode,
    /// What the sign-in button calls the provider.
    pub label: Option<String>,
    /// Certificates (PEM) of the office's own CA, trusted for the provider besides the public ones.
    pub ca_certificates: Option<Vec<u8>>,
}

impl std::fmt::Debug for OidcSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcSettings")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("roles_claim", &self.roles_claim)
            .finish_non_exhaustive()
    }
}

/// The client secret; its `Debug` shows nothing of it.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientSecret(String);

impl ClientSecret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ClientSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ClientSecret(…)")
    }
}

/// How the provider hands the code back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResponseMode {
    Query,
    /// A form the browser posts (AD FS).
    FormPost,
}

/// Who may sign in with a Willkommen password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalSignIn {
    Everyone,
    /// Only admin accounts: the way in when the provider is down. Staff use the provider.
    Admins,
}

/// The provider's settings, `None` when no issuer is set.
pub(super) fn resolve(
    layers: &Layers<'_>,
    flags: &Flags,
    public_url: &str,
    secret_variable: Option<String>,
) -> Result<Option<OidcSettings>, SettingsError> {
    let text = |key, given: Option<&str>| -> Result<Option<String>, SettingsError> {
        Ok(layers.resolve(key, given, |text| Ok(text.trim().to_owned()))?.map(|r| r.value))
    };
    let Some(issuer) = layers.resolve("oidc_issuer", flags.oidc_issuer.as_deref(), issuer)?.map(|r| r.value) else {
        let configured = [
            ("oidc_client_id", flags.oidc_client_id.is_some()),
            ("oidc_client_secret_file", flags.oidc_client_secret_file.is_some()),
            (CLIENT_SECRET_VARIABLE, secret_variable.is_some()),
        ];
        if let Some((name, _)) = configured.iter().find(|(_, set)| *set) {
            return Err(invalid(format!("{name} is set but oidc_issuer is not: set the provider's issuer too")));
        }
        return Ok(None);
    };
    let client_id = text("oidc_client_id", flags.oidc_client_id.as_deref())?
        .filter(|id| !id.is_empty())
        .ok_or_else(|| invalid("oidc_issuer is set but oidc_client_id is not: the provider needs to know us".into()))?;
    let secret_file = text("oidc_client_secret_file", flags.oidc_client_secret_file.as_deref())?;
    let client_secret = match (secret_file, secret_variable) {
        (Some(_), Some(_)) => {
            return Err(invalid(format!(
                "both oidc_client_secret_file and {CLIENT_SECRET_VARIABLE} are set: keep the secret in one place"
            )));
        }
        (Some(file), None) => read_secret(Path::new(&file))?,
        (None, Some(secret)) if !secret.trim().is_empty() => ClientSecret(secret.trim().to_owned()),
        (None, _) => {
            return Err(invalid(format!(
                "oidc_issuer is set but there is no client secret: put it into a file named by \
                 oidc_client_secret_file, or into {CLIENT_SECRET_VARIABLE}"
            )));
        }
    };
    let list = |key, given: Option<&str>| -> Result<Vec<String>, SettingsError> {
        Ok(text(key, given)?.map(|text| comma_list(&text)).unwrap_or_default())
    };
    let staff_groups = list("oidc_staff_groups", flags.oidc_staff_groups.as_deref())?;
    let admin_groups = list("oidc_admin_groups", flags.oidc_admin_groups.as_deref())?;
    let statistics_groups = list("oidc_statistics_groups", flags.oidc_statistics_groups.as_deref())?;
    if staff_groups.is_empty() && admin_groups.is_empty() && statistics_groups.is_empty() {
        return Err(invalid(
            "oidc_issuer is set but none of oidc_staff_groups, oidc_admin_groups and oidc_statistics_groups: \
             nobody could sign in with the provider"
                .into(),
        ));
    }
    if !secure_or_loopback(public_url) {
        return Err(invalid(format!(
            "oidc_issuer is set but this server is reached at {public_url:?}, plain http on another machine: \
             signing in with the provider needs an https public_url"
        )));
    }
    let scopes = layers.required("oidc_scopes", &flags.oidc_scopes, scopes)?;
    let roles_claim = layers.required("oidc_roles_claim", &flags.oidc_roles_claim, claim)?;
    let name_claim = layers.required("oidc_name_claim", &flags.oidc_name_claim, claim)?;
    let response_mode = layers.required("oidc_response_mode", &flags.oidc_response_mode, response_mode)?;
    let label = text("oidc_label", flags.oidc_label.as_deref())?.filter(|label| !label.is_empty());
    let ca_certificates = match text("oidc_ca_file", flags.oidc_ca_file.as_deref())? {
        Some(file) => Some(read_certificates(Path::new(&file))?),
        None => None,
    };
    Ok(Some(OidcSettings {
        issuer,
        client_id,
        client_secret,
        scopes,
        roles_claim,
        staff_groups,
        admin_groups,
        statistics_groups,
        name_claim,
        response_mode,
        label,
        ca_certificates,
    }))
}

fn invalid(message: String) -> SettingsError {
    SettingsError::Invalid(message)
}

/// The first line of `path`, trimmed; the secret itself is never in a message.
fn read_secret(path: &Path) -> Result<ClientSecret, SettingsError> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| invalid(format!("oidc_client_secret_file {}: cannot read it: {error}", path.display())))?;
    match text.lines().next().map(str::trim) {
        Some(secret) if !secret.is_empty() => Ok(ClientSecret(secret.to_owned())),
        _ => Err(invalid(format!("oidc_client_secret_file {}: the file is empty", path.display()))),
    }
}

/// The office CA's certificates: a readable PEM file with at least one certificate.
fn read_certificates(path: &Path) -> Result<Vec<u8>, SettingsError> {
    let pem = std::fs::read(path)
        .map_err(|error| invalid(format!("oidc_ca_file {}: cannot read it: {error}", path.display())))?;
    match reqwest::Certificate::from_pem_bundle(&pem) {
        Ok(certificates) if !certificates.is_empty() => Ok(pem),
        _ => Err(invalid(format!(
            "oidc_ca_file {}: expected PEM certificates (-----BEGIN CERTIFICATE-----)",
            path.display()
        ))),
    }
}

/// An issuer: https, or http on this machine (a provider on 127.0.0.1, as in the tests).
pub fn issuer(text: &str) -> Result<String, String> {
    let url = url::Url::parse(text).map_err(|_| "expected the provider's issuer URL".to_owned())?;
    if url.host_str().is_none() || !secure_or_loopback(text) {
        return Err("expected an https:// URL (http:// only on this machine)".into());
    }
    Ok(text.to_owned())
}

/// `https://…`, or `http://` to a loopback host.
fn secure_or_loopback(text: &str) -> bool {
    let Ok(url) = url::Url::parse(text) else { return false };
    match (url.scheme(), url.host()) {
        ("https", Some(_)) => true,
        ("http", Some(url::Host::Domain(name))) => name == "localhost",
        ("http", Some(url::Host::Ipv4(address))) => address.is_loopback(),
        ("http", Some(url::Host::Ipv6(address))) => address.is_loopback(),
        _ => false,
    }
}

fn comma_list(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|item| !item.is_empty()).map(str::to_owned).collect()
}

fn scopes(text: &str) -> Result<Vec<String>, String> {
    let scopes: Vec<String> = text.split_whitespace().filter(|scope| *scope != "openid").map(str::to_owned).collect();
    if scopes.iter().all(|scope| scope.chars().all(|c| c.is_ascii_graphic() && c != '"' && c != '\\')) {
        Ok(scopes)
    } else {
        Err("expected scopes separated by spaces, like \"profile groups\"".into())
    }
}

fn claim(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() { Err("expected a claim's name".into()) } else { Ok(text.to_owned()) }
}

fn response_mode(text: &str) -> Result<ResponseMode, String> {
    match text {
        "query" => Ok(ResponseMode::Query),
        "form_post" => Ok(ResponseMode::FormPost),
        _ => Err("expected query or form_post".into()),
    }
}

pub fn local_sign_in(text: &str) -> Result<LocalSignIn, String> {
    match text {
        "everyone" => Ok(LocalSignIn::Everyone),
        "admins" => Ok(LocalSignIn::Admins),
        _ => Err("expected everyone or admins".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issuer_is_https_or_on_this_machine() {
        assert!(issuer("https://login.stadt.example.de/realms/amt").is_ok());
        assert!(issuer("http://127.0.0.1:4455").is_ok());
        assert!(issuer("http://localhost:4455").is_ok());
        assert!(issuer("http://[::1]:4455").is_ok());
        assert!(issuer("http://login.stadt.example.de").is_err());
        assert!(issuer("login.stadt.example.de").is_err());
    }

    #[test]
    fn groups_are_a_comma_list_and_scopes_never_repeat_openid() {
        assert_eq!(comma_list(" willkommen-staff, ,Sachbearbeitung "), ["willkommen-staff", "Sachbearbeitung"]);
        assert_eq!(scopes("openid profile  groups").unwrap(), ["profile", "groups"]);
        assert!(scopes("profile \"x\"").is_err());
    }

    #[test]
    fn the_secret_never_shows() {
        assert_eq!(format!("{:?}", ClientSecret("s3cr3t".into())), "ClientSecret(…)");
    }
}
