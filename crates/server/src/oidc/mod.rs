//! Staff sign in with the office's identity provider (OpenID Connect): the authorization code
//! flow with PKCE, state and nonce (`openidconnect`), ID tokens checked for signature (only
//! the provider's published keys), issuer, audience, expiry and nonce. The session is
//! Willkommen's own cookie, as for a password sign-in.
//!
//! The provider's metadata and keys are fetched again at every sign-in start, which is also the
//! check that the provider answers, and the keys once more when a token names a key they lack
//! (the provider rotated them). The way back from the provider may reach another instance, so
//! what it must match is kept in the database (`store/oidc.rs`).

mod roles;
mod types;

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use openidconnect::core::{CoreAuthPrompt, CoreAuthenticationFlow, CoreJsonWebKeySet};
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken, EndSessionUrl, IdTokenVerifier,
    IssuerUrl, LogoutRequest, Nonce, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout, RedirectUrl, Scope, SignatureVerificationError, TokenResponse,
};
use willkommen_api::Role;

use crate::settings::{OidcSettings, ResponseMode};
use crate::store::PendingLogin;
pub use roles::{display_name, role_of};
use types::{Claims, OfficeClient, OfficeIdToken, SIGNATURES};

/// Where the provider sends the browser back.
pub const CALLBACK_PATH: &str = "/api/v1/session/oidc/callback";

/// How long the provider may take to answer: a clerk waits for it at the sign-in button.
const CONNECT_WITHIN: Duration = Duration::from_secs(3);
const ANSWER_WITHIN: Duration = Duration::from_secs(5);

/// The keys are fetched again for an unknown key id at most this often, per instance.
const KEYS_REFETCHED_AT_MOST_EVERY: Duration = Duration::from_secs(60);

/// The office's identity provider, as this instance knows it.
pub struct OfficeProvider {
    settings: OidcSettings,
    http: reqwest::Client,
    redirect: RedirectUrl,
    /// Where the provider sends the browser after signing out there, per page.
    public_url: String,
    discovered: RwLock<Option<Arc<Discovered>>>,
}

/// The provider's metadata and keys, and a client made from them.
struct Discovered {
    metadata: ProviderMetadataWithLogout,
    client: OfficeClient,
    /// The keys, and when they were last fetched again for an unknown key id.
    keys: RwLock<(CoreJsonWebKeySet, Option<Instant>)>,
}

/// What the provider vouched for, checked.
pub struct Vouched {
    pub subject: String,
    pub display_name: String,
    /// `None`: none of Willkommen's roles.
    pub role: Option<Role>,
}

/// Why a sign-in through the provider did not come about, as the sign-in page explains it.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The provider did not answer (or not sensibly).
    Unreachable,
    /// The visitor cancelled at the provider, or the provider refused them.
    Cancelled,
    /// The answer or its token did not check out.
    Failed,
}

impl Refusal {
    /// The reason on the sign-in page's address (`?sign_in=…`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Unreachable => "provider_unreachable",
            Self::Cancelled => "cancelled",
            Self::Failed => "failed",
        }
    }
}

impl OfficeProvider {
    pub fn new(settings: OidcSettings, public_url: &str) -> anyhow::Result<Self> {
        let mut http = reqwest::Client::builder()
            .use_rustls_tls()
            // Redirects could lead the server's requests anywhere (the crate's advice).
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(CONNECT_WITHIN)
            .timeout(ANSWER_WITHIN);
        for certificate in
            reqwest::Certificate::from_pem_bundle(settings.ca_certificates.as_deref().unwrap_or_default())?
        {
            http = http.add_root_certificate(certificate);
        }
        let http = http.build()?;
        let redirect = RedirectUrl::new(format!("{public_url}{CALLBACK_PATH}"))?;
        Ok(Self { settings, http, redirect, public_url: public_url.to_owned(), discovered: RwLock::default() })
    }

    pub fn settings(&self) -> &OidcSettings {
        &self.settings
    }

    /// Fetches the provider's metadata and keys (again).
    async fn discover(&self) -> Result<Arc<Discovered>, Refusal> {
        let issuer = IssuerUrl::new(self.settings.issuer.clone()).map_err(|_| Refusal::Failed)?;
        let metadata = ProviderMetadataWithLogout::discover_async(issuer, &self.http).await.map_err(|error| {
            tracing::warn!(issuer = self.settings.issuer, %error, "the office's identity provider does not answer");
            Refusal::Unreachable
        })?;
        let client = OfficeClient::from_provider_metadata(
            metadata.clone(),
            ClientId::new(self.settings.client_id.clone()),
            Some(ClientSecret::new(self.settings.client_secret.expose().to_owned())),
        )
        .set_redirect_uri(self.redirect.clone());
        let keys = RwLock::new((metadata.jwks().clone(), None));
        let discovered = Arc::new(Discovered { metadata, client, keys });
        *self.discovered.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(discovered.clone());
        Ok(discovered)
    }

    /// What this instance found out last, else found out now.
    async fn known(&self) -> Result<Arc<Discovered>, Refusal> {
        let known = self.discovered.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
        match known {
            Some(discovered) => Ok(discovered),
            None => self.discover().await,
        }
    }

    /// Whether the provider answers now (logged at start; never stops it).
    pub async fn check(&self) {
        if let Ok(discovered) = self.discover().await {
            let sign_out = discovered.metadata.additional_metadata().end_session_endpoint.is_some();
            tracing::info!(
                issuer = self.settings.issuer,
                sign_out_at_the_provider = sign_out,
                "identity provider found"
            );
        }
    }

    /// The provider's sign-in page for a sign-in to `page`, and what its way back must match.
    /// `ask_again`: the provider asks for the sign-in even if it has a session (someone else
    /// wants to sign in).
    pub async fn start(&self, page: &str, ask_again: bool) -> Result<(url::Url, PendingLogin), Refusal> {
        let discovered = self.discover().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = discovered
            .client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .set_pkce_challenge(challenge);
        for scope in &self.settings.scopes {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        if ask_again {
            request = request.add_prompt(CoreAuthPrompt::Login);
        }
        if self.settings.response_mode == ResponseMode::FormPost {
            request = request.add_extra_param("response_mode", "form_post");
        }
        let (url, state, nonce) = request.url();
        let pending = PendingLogin {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            page: page.to_owned(),
        };
        Ok((url, pending))
    }

    /// The way back: the code exchanged (with the PKCE verifier), the ID token checked.
    pub async fn finish(&self, code: String, pending: &PendingLogin) -> Result<Vouched, Refusal> {
        let discovered = self.known().await?;
        let exchange = discovered.client.exchange_code(AuthorizationCode::new(code)).map_err(|error| {
            tracing::warn!(%error, "the identity provider names no token endpoint");
            Refusal::Failed
        })?;
        let tokens = exchange
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|error| {
                tracing::warn!(%error, "the identity provider did not give tokens for the code");
                match error {
                    openidconnect::RequestTokenError::Request(_) => Refusal::Unreachable,
                    _ => Refusal::Failed,
                }
            })?;
        let id_token = tokens.id_token().ok_or_else(|| {
            tracing::warn!("the identity provider gave no ID token");
            Refusal::Failed
        })?;
        let nonce = Nonce::new(pending.nonce.clone());
        let claims = match self.verified(&discovered, id_token, &nonce) {
            Err(ClaimsVerificationError::SignatureVerification(SignatureVerificationError::NoMatchingKey)) => {
                // The provider may have rotated its keys since they were fetched.
                self.refetch_keys(&discovered).await;
                self.verified(&discovered, id_token, &nonce)
            }
            checked => checked,
        }
        .map_err(|error| {
            tracing::warn!(%error, "an ID token from the identity provider was refused");
            Refusal::Failed
        })?;
        Ok(Vouched {
            subject: claims.subject().to_string(),
            display_name: display_name(&claims, &self.settings),
            role: role_of(&claims, &self.settings),
        })
    }

    fn verified(
        &self,
        discovered: &Discovered,
        id_token: &OfficeIdToken,
        nonce: &Nonce,
    ) -> Result<Claims, ClaimsVerificationError> {
        let keys = discovered.keys.read().unwrap_or_else(|poisoned| poisoned.into_inner()).0.clone();
        // Our own verifier: the client's own would also take what the metadata lists, HS256
        // with the client secret included.
        let verifier = IdTokenVerifier::new_confidential_client(
            discovered.client.client_id().clone(),
            ClientSecret::new(String::new()),
            discovered.metadata.issuer().clone(),
            keys,
        )
        .set_allowed_algs(SIGNATURES);
        id_token.claims(&verifier, nonce).cloned()
    }

    async fn refetch_keys(&self, discovered: &Discovered) {
        let refetched = discovered.keys.read().unwrap_or_else(|poisoned| poisoned.into_inner()).1;
        // Only the provider's token endpoint hands tokens to the verifier, but a broken
        // provider must not make every sign-in fetch its keys.
        if refetched.is_some_and(|at| at.elapsed() < KEYS_REFETCHED_AT_MOST_EVERY) {
            return;
        }
        match CoreJsonWebKeySet::fetch_async(discovered.metadata.jwks_uri(), &self.http).await {
            Ok(keys) => {
                *discovered.keys.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = (keys, Some(Instant::now()))
            }
            Err(error) => tracing::warn!(%error, "cannot fetch the identity provider's keys again"),
        }
    }

    /// Where to send the browser to sign out at the provider too, if it offers that. Without
    /// the ID token as a hint (nothing of it is kept), some providers ask once more.
    pub async fn sign_out_url(&self, page: &str) -> Option<url::Url> {
        let discovered = self.known().await.ok()?;
        let endpoint: EndSessionUrl = discovered.metadata.additional_metadata().end_session_endpoint.clone()?;
        let after = PostLogoutRedirectUrl::new(format!("{}/{page}", self.public_url)).ok()?;
        let request = LogoutRequest::from(endpoint)
            .set_client_id(discovered.client.client_id().clone())
            .set_post_logout_redirect_uri(after);
        Some(request.http_get_url())
    }
}
