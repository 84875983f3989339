//! The console's state, shared by its sections: who is signed in, the draft as saved on the
//! server, the working copy being edited, and what the last action did.

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::{self as json, ErrorCode, OfficeConfig, Role, SOURCE_LANGUAGE, TranslationBasis};

use crate::api_client::{ApiFailure, admin};
use crate::components::session_lapsed;
use crate::i18n::I18n;
use crate::storage;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Concerns,
    Translations,
    Settings,
    Counters,
    Appointments,
    Accounts,
    Versions,
    Audit,
    Statistics,
    Live,
}

impl Section {
    pub const ALL: [Self; 10] = [
        Self::Concerns,
        Self::Translations,
        Self::Settings,
        Self::Counters,
        Self::Appointments,
        Self::Accounts,
        Self::Versions,
        Self::Audit,
        Self::Statistics,
        Self::Live,
    ];

    /// The sections `role` may open: everything for administrators, the figures alone for
    /// the statistics role, nothing for counter staff.
    pub fn for_role(role: Role) -> Vec<Self> {
        match role {
            Role::Admin => Self::ALL.to_vec(),
            Role::Statistics => vec![Self::Statistics, Self::Live],
            Role::Staff => Vec::new(),
        }
    }

    /// Whether the section shows or edits the draft (loaded for administrators only).
    pub fn needs_draft(self) -> bool {
        !matches!(self, Self::Statistics | Self::Live)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Concerns => "admin-section-concerns",
            Self::Translations => "admin-section-translations",
            Self::Settings => "admin-section-settings",
            Self::Counters => "admin-section-counters",
            Self::Appointments => "admin-section-appointments",
            Self::Accounts => "admin-section-accounts",
            Self::Versions => "admin-section-versions",
            Self::Audit => "admin-section-audit",
            Self::Statistics => "admin-section-statistics",
            Self::Live => "admin-section-live",
        }
    }
}

/// A message after an action: done, or why not.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Done(String),
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct Console {
    pub me: RwSignal<Option<json::Me>>,
    pub checking: RwSignal<bool>,
    pub expired: RwSignal<bool>,
    pub section: RwSignal<Section>,
    /// The concern open in the editor.
    pub editing: RwSignal<Option<json::ConcernId>>,
    /// The language being translated into, next to German.
    pub language: RwSignal<String>,
    /// The draft as the server last stored it.
    pub saved: RwSignal<Option<json::Draft>>,
    /// The working copy; differs from `saved` until saved.
    pub document: RwSignal<Option<OfficeConfig>>,
    pub basis: RwSignal<TranslationBasis>,
    pub notice: RwSignal<Option<Notice>>,
    pub busy: RwSignal<bool>,
    /// The office as the kiosks show it (names of the concerns and documents, the time zone),
    /// for accounts that read the statistics without the draft.
    pub office: RwSignal<Option<json::Kiosk>>,
    /// Whether the working copy differs from the saved draft; compared once per change.
    unsaved: Memo<bool>,
}

impl Console {
    pub fn new() -> Self {
        let saved = RwSignal::new(None::<json::Draft>);
        let document = RwSignal::new(None::<OfficeConfig>);
        let basis = RwSignal::new(TranslationBasis::new());
        let unsaved = Memo::new(move |_| {
            saved.with(|saved| {
                document.with(|current| match (saved, current) {
                    (Some(draft), Some(current)) => draft.document != *current || basis.with(|b| *b != draft.basis),
                    _ => false,
                })
            })
        });
        Self {
            unsaved,
            me: RwSignal::new(None),
            checking: RwSignal::new(true),
            expired: RwSignal::new(false),
            section: RwSignal::new(Section::Concerns),
            editing: RwSignal::new(None),
            language: RwSignal::new("en".into()),
            saved,
            document,
            basis,
            notice: RwSignal::new(None),
            busy: RwSignal::new(false),
            office: RwSignal::new(None),
        }
    }

    /// After signing in: the admin's language, then the draft.
    pub fn signed_in(&self, me: json::Me, i18n: I18n) {
        let language = storage::get(&storage::language_key(&me.username)).unwrap_or_else(|| "de".into());
        self.expired.set(false);
        let admin = me.role == Role::Admin;
        if !Section::for_role(me.role).contains(&self.section.get_untracked()) {
            self.section.set(Section::Statistics);
        }
        self.me.set(Some(me));
        let console = *self;
        leptos::task::spawn_local(async move {
            i18n.switch_staff_language(&language).await;
            if !admin {
                if let Ok(office) = crate::api_client::fetch_kiosk().await {
                    console.office.set(Some(office));
                }
                return;
            }
            // After a lapsed session the edits made so far stay; only the saved state is new.
            if console.document.with_untracked(Option::is_some) {
                match admin::fetch_draft().await {
                    Ok(draft) => console.saved.set(Some(draft)),
                    Err(failure) => console.report(failure, i18n),
                }
            } else {
                console.reload(i18n).await;
            }
        });
    }

    /// The name of concern `id` in `language` (German or English): from the draft for
    /// administrators, else as the kiosks show it; the id itself for a concern neither has.
    pub fn concern_name(&self, id: &str, language: &str) -> String {
        let from_draft = self.document.with(|document| {
            let concern = document.as_ref()?.concerns.iter().find(|c| c.id.0 == id)?;
            concern.name.resolve(language).map(str::to_owned)
        });
        from_draft
            .or_else(|| {
                self.office.with(|office| {
                    let concern = office.as_ref()?.concerns.iter().find(|c| c.id.0 == id)?;
                    concern.name.resolve(language).map(str::to_owned)
                })
            })
            .unwrap_or_else(|| id.to_owned())
    }

    /// The text of checklist item `item` of concern `concern`, found as [`Console::concern_name`].
    pub fn item_name(&self, concern: &str, item: &str, language: &str) -> String {
        let from_draft = self.document.with(|document| {
            let concern = document.as_ref()?.concerns.iter().find(|c| c.id.0 == concern)?;
            let item = concern.checklist.iter().find(|i| i.id == item)?;
            item.text.resolve(language).map(str::to_owned)
        });
        from_draft
            .or_else(|| {
                self.office.with(|office| {
                    let concern = office.as_ref()?.concerns.iter().find(|c| c.id.0 == concern)?;
                    let item = concern.checklist.iter().find(|i| i.id == item)?;
                    item.text.resolve(language).map(str::to_owned)
                })
            })
            .unwrap_or_else(|| item.to_owned())
    }

    /// The office's time zone, from the draft or the kiosk data.
    pub fn time_zone(&self) -> Option<String> {
        self.document
            .with(|document| document.as_ref().map(|d| d.time_zone.clone()))
            .or_else(|| self.office.with(|office| office.as_ref().map(|o| o.time_zone.clone())))
    }

    pub fn show(&self, section: Section) {
        self.editing.set(None);
        self.notice.set(None);
        self.section.set(section);
    }

    /// Loads the draft from the server; edits not saved are dropped.
    pub async fn reload(&self, i18n: I18n) {
        match admin::fetch_draft().await {
            Ok(draft) => self.take(draft),
            Err(failure) => self.report(failure, i18n),
        }
    }

    /// The server's draft becomes the working copy.
    pub fn take(&self, draft: json::Draft) {
        self.document.set(Some(draft.document.clone()));
        self.basis.set(draft.basis.clone());
        self.saved.set(Some(draft));
    }

    /// Whether the working copy has edits the server does not have yet.
    pub fn dirty(&self) -> bool {
        self.unsaved.get()
    }

    /// Changes the working copy.
    pub fn edit(&self, change: impl FnOnce(&mut OfficeConfig)) {
        self.document.update(|document| {
            if let Some(document) = document {
                change(document);
            }
        });
    }

    /// Sets one text; a translation records the German text it was made from.
    pub fn set_text(
        &self,
        path: &str,
        language: &str,
        value: String,
        text: impl Fn(&mut OfficeConfig) -> Option<&mut json::LocalizedText>,
    ) {
        let mut german = None;
        self.edit(|document| {
            if let Some(text) = text(document) {
                if value.is_empty() {
                    text.0.remove(language);
                } else {
                    text.0.insert(language.to_owned(), value);
                }
                german = text.get(SOURCE_LANGUAGE).map(str::to_owned);
            }
        });
        if language != SOURCE_LANGUAGE {
            self.mark_current(path, language, german.unwrap_or_default());
        }
    }

    /// Records that the translation at `path` fits the German text `german`.
    pub fn mark_current(&self, path: &str, language: &str, german: String) {
        self.basis.update(|basis| {
            basis.entry(path.to_owned()).or_default().insert(language.to_owned(), german);
        });
    }

    /// Stores the working copy as the draft. Returns whether it worked.
    pub async fn save(&self, i18n: I18n) -> bool {
        let (Some(saved), Some(document)) = (self.saved.get_untracked(), self.document.get_untracked()) else {
            return false;
        };
        let save = json::SaveDraft { revision: saved.revision, document, basis: self.basis.get_untracked() };
        match admin::save_draft(&save).await {
            Ok(draft) => {
                // Edits made while saving stay in the working copy.
                self.saved.set(Some(draft));
                true
            }
            Err(failure) => {
                self.report(failure, i18n);
                false
            }
        }
    }

    /// Saves if needed, then publishes the draft.
    pub async fn publish(&self, note: String, i18n: I18n) {
        if self.dirty() && !self.save(i18n).await {
            return;
        }
        let Some(revision) = self.saved.with_untracked(|saved| saved.as_ref().map(|draft| draft.revision)) else {
            return;
        };
        match admin::publish(&json::Publish { revision, note }).await {
            Ok(version) => {
                let mut args = Args::new();
                args.set("version", version.version);
                self.notice.set(Some(Notice::Done(i18n.t_args("admin-published", &args))));
                self.reload(i18n).await;
            }
            Err(failure) => self.report(failure, i18n),
        }
    }

    /// Runs `action` with the busy flag set (buttons disabled meanwhile).
    pub fn run(&self, action: impl Future<Output = ()> + 'static) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        let console = *self;
        leptos::task::spawn_local(async move {
            action.await;
            console.busy.set(false);
        });
    }

    /// Turns a failed call into words; a lapsed session asks to sign in again (the working
    /// copy stays, so nothing typed is lost).
    pub fn report(&self, failure: ApiFailure, i18n: I18n) {
        if let Some(text) = self.describe(failure, i18n) {
            self.notice.set(Some(Notice::Failed(text)));
        }
    }

    /// A failed call in words, for a section that shows it next to what failed; `None` when
    /// the session lapsed (then the console asks to sign in again, as [`Console::report`]).
    pub fn describe(&self, failure: ApiFailure, i18n: I18n) -> Option<String> {
        let text = match &failure {
            ApiFailure::Refused(error) if error.code == ErrorCode::NotSignedIn => {
                session_lapsed(self.me, self.expired);
                return None;
            }
            ApiFailure::Refused(error) => match error.code {
                ErrorCode::DraftConflict => i18n.t("admin-error-conflict"),
                ErrorCode::InvalidConfig => {
                    let mut args = Args::new();
                    args.set("count", error.problems.len());
                    i18n.t_args("admin-error-invalid", &args)
                }
                ErrorCode::LastAdmin => i18n.t("admin-error-last-admin"),
                ErrorCode::UsernameTaken => i18n.t("admin-error-username-taken"),
                ErrorCode::Forbidden => i18n.t("admin-not-an-admin"),
                _ => reason(i18n, &error.message),
            },
            ApiFailure::Unreachable => i18n.t("staff-offline"),
            ApiFailure::BadResponse(message) => reason(i18n, message),
        };
        Some(text)
    }
}

fn reason(i18n: I18n, message: &str) -> String {
    let mut args = Args::new();
    args.set("reason", message.to_owned());
    i18n.t_args("staff-error-other", &args)
}
