//! The admin console's routes (`/api/v1/admin/...`, admin role only): the draft and its
//! publishing, versions, accounts and the audit trail.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{OfficeConfig, Problem, Role};

/// Which German text each translation was made from: text path (`concerns.passport-renewal.name`,
/// `concerns.x.checklist.passport.text`) → language → the German text at the time. A
/// translation is out of date when the German text has changed since.
pub type TranslationBasis = BTreeMap<String, BTreeMap<String, String>>;

/// `GET /api/v1/admin/draft`: the configuration being edited.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Bumped by every save; a save names the revision it was made from.
    pub revision: u64,
    /// The published version the draft started from.
    pub based_on: u64,
    pub document: OfficeConfig,
    pub basis: TranslationBasis,
    /// Whether it differs from the newest published version.
    pub unpublished: bool,
    /// What stands in the way of publishing it (the draft may be saved with problems).
    pub problems: Vec<Problem>,
    pub saved_at: String,
    /// Display name of who saved it; `null` for the server itself.
    pub saved_by: Option<String>,
}

/// `PUT /api/v1/admin/draft`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveDraft {
    /// The revision these edits were made from; another save in between is a conflict.
    pub revision: u64,
    pub document: OfficeConfig,
    #[serde(default)]
    pub basis: TranslationBasis,
}

/// `POST /api/v1/admin/publish`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publish {
    /// The draft revision the administrator looked at; a newer one is not published blindly.
    pub revision: u64,
    /// What changed, in a few words, for the version list.
    #[serde(default)]
    pub note: String,
}

/// A published version, as listed.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub version: u64,
    pub published_at: String,
    pub published_by: Option<String>,
    pub note: String,
}

/// `GET /api/v1/admin/versions/{version}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    #[serde(flatten)]
    pub info: VersionInfo,
    pub document: OfficeConfig,
}

/// A staff or admin account (never its password).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    pub created_at: String,
    /// Signs in with the office's identity provider, which gives its name and role at every
    /// sign-in: they cannot be changed here, and it has no password.
    #[serde(default)]
    pub office_account: bool,
}

/// `POST /api/v1/admin/accounts`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAccount {
    /// 3 to 40 lower-case letters, digits, dots, dashes or underscores. The schema's limits
    /// here and below are [`crate::account_rules`], which the server applies (a test holds them
    /// equal).
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 40, pattern = "^[a-z0-9._-]+$"))]
    pub username: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 80))]
    pub display_name: String,
    pub role: Role,
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 200))]
    pub password: String,
}

/// `PATCH /api/v1/admin/accounts/{id}`: only the fields given change.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 80))]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// `false` deactivates: the account can no longer sign in and its sessions end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// `POST /api/v1/admin/accounts/{id}/password`: a new password; the account's sessions end.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewPassword {
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 200))]
    pub password: String,
}

/// One entry of the audit trail.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    /// Display name (and user name) of who did it; `null` for the server itself.
    pub actor: Option<String>,
    pub kind: AuditKind,
    /// In English, e.g. "published version 4".
    pub summary: String,
    /// The paths in the configuration that changed, e.g. `concerns[2].checklist[0].text.ar`.
    pub changes: Vec<String>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    DraftSaved,
    DraftDiscarded,
    Published,
    Restored,
    Imported,
    AccountCreated,
    AccountChanged,
    PasswordReset,
    /// Signed in with the office's identity provider (or, while it is in use, with a password).
    SignedIn,
    /// The identity provider vouched for someone Willkommen has no role for.
    SignInRefused,
    #[serde(other)]
    Other,
}

impl AuditKind {
    pub const ALL: [Self; 10] = [
        Self::DraftSaved,
        Self::DraftDiscarded,
        Self::Published,
        Self::Restored,
        Self::Imported,
        Self::AccountCreated,
        Self::AccountChanged,
        Self::PasswordReset,
        Self::SignedIn,
        Self::SignInRefused,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::DraftSaved => "draft_saved",
            Self::DraftDiscarded => "draft_discarded",
            Self::Published => "published",
            Self::Restored => "restored",
            Self::Imported => "imported",
            Self::AccountCreated => "account_created",
            Self::AccountChanged => "account_changed",
            Self::PasswordReset => "password_reset",
            Self::SignedIn => "signed_in",
            Self::SignInRefused => "sign_in_refused",
            Self::Other => "other",
        }
    }
}
