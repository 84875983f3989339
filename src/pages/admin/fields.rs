//! The document's translatable texts, named, and the input that edits one of them in one
//! language (with that language's script direction, so Arabic is typed right to left).

use leptos::prelude::*;
use willkommen_api::{ConcernId, LocalizedText, OfficeConfig, SOURCE_LANGUAGE, limits};

use super::console::Console;
use crate::i18n::language_info;

/// One translatable text of the configuration.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TextRef {
    OfficeName,
    /// The notice on the lobby display (shown in German and English only).
    DisplayInfo,
    ConcernName(ConcernId),
    ConcernDescription(ConcernId),
    ItemText(ConcernId, String),
    ItemHint(ConcernId, String),
}

impl TextRef {
    /// Its key in the translation basis, e.g. `concerns.address-change.checklist.passport.text`.
    pub fn path(&self) -> String {
        match self {
            Self::OfficeName => "office_name".into(),
            Self::DisplayInfo => "display_info".into(),
            Self::ConcernName(concern) => format!("concerns.{}.name", concern.0),
            Self::ConcernDescription(concern) => format!("concerns.{}.description", concern.0),
            Self::ItemText(concern, item) => format!("concerns.{}.checklist.{item}.text", concern.0),
            Self::ItemHint(concern, item) => format!("concerns.{}.checklist.{item}.hint", concern.0),
        }
    }

    pub fn get<'a>(&self, document: &'a OfficeConfig) -> Option<&'a LocalizedText> {
        let concern = |id: &ConcernId| document.concerns.iter().find(|concern| &concern.id == id);
        match self {
            Self::OfficeName => Some(&document.office_name),
            Self::DisplayInfo => Some(&document.display_info),
            Self::ConcernName(id) => concern(id).map(|c| &c.name),
            Self::ConcernDescription(id) => concern(id).map(|c| &c.description),
            Self::ItemText(id, item) => concern(id)?.checklist.iter().find(|i| &i.id == item).map(|i| &i.text),
            Self::ItemHint(id, item) => concern(id)?.checklist.iter().find(|i| &i.id == item).map(|i| &i.hint),
        }
    }

    pub fn get_mut<'a>(&self, document: &'a mut OfficeConfig) -> Option<&'a mut LocalizedText> {
        fn concern<'a>(
            document: &'a mut OfficeConfig,
            id: &ConcernId,
        ) -> Option<&'a mut willkommen_api::ConcernConfig> {
            document.concerns.iter_mut().find(|concern| &concern.id == id)
        }
        match self {
            Self::OfficeName => Some(&mut document.office_name),
            Self::DisplayInfo => Some(&mut document.display_info),
            Self::ConcernName(id) => concern(document, id).map(|c| &mut c.name),
            Self::ConcernDescription(id) => concern(document, id).map(|c| &mut c.description),
            Self::ItemText(id, item) => {
                concern(document, id)?.checklist.iter_mut().find(|i| &i.id == item).map(|i| &mut i.text)
            }
            Self::ItemHint(id, item) => {
                concern(document, id)?.checklist.iter_mut().find(|i| &i.id == item).map(|i| &mut i.hint)
            }
        }
    }

    /// The most characters the server accepts.
    pub fn limit(&self) -> usize {
        match self {
            Self::OfficeName => limits::OFFICE_NAME,
            Self::DisplayInfo => limits::DISPLAY_INFO,
            Self::ConcernName(_) => limits::CONCERN_NAME,
            Self::ConcernDescription(_) => limits::CONCERN_DESCRIPTION,
            Self::ItemText(..) => limits::ITEM_TEXT,
            Self::ItemHint(..) => limits::ITEM_HINT,
        }
    }

    /// Every text translated for the kiosk, in the order it shows them (the display's notice
    /// is German and English only, so it is not counted as missing elsewhere).
    pub fn all(document: &OfficeConfig) -> Vec<Self> {
        let mut texts = vec![Self::OfficeName];
        for concern in &document.concerns {
            texts.push(Self::ConcernName(concern.id.clone()));
            texts.push(Self::ConcernDescription(concern.id.clone()));
            for item in &concern.checklist {
                texts.push(Self::ItemText(concern.id.clone(), item.id.clone()));
                texts.push(Self::ItemHint(concern.id.clone(), item.id.clone()));
            }
        }
        texts
    }
}

/// Where a translation stands against its German source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Current,
    /// The German text changed since this translation was made.
    Outdated,
    Missing,
    /// Neither German nor this language has a text (an optional text left empty).
    Empty,
}

pub fn status(
    document: &OfficeConfig,
    basis: &willkommen_api::TranslationBasis,
    text: &TextRef,
    language: &str,
) -> Status {
    let Some(localized) = text.get(document) else { return Status::Empty };
    let german = localized.get(SOURCE_LANGUAGE);
    match (german, localized.get(language)) {
        (None, None) => Status::Empty,
        (Some(_), None) => Status::Missing,
        (None, Some(_)) => Status::Current,
        (Some(german), Some(_)) => {
            let made_from = basis.get(&text.path()).and_then(|languages| languages.get(language));
            // No record (e.g. imported): assume it fits rather than alarm for nothing.
            if made_from.is_some_and(|made_from| made_from != german) { Status::Outdated } else { Status::Current }
        }
    }
}

/// An input for `text` in `language`, labelled `label`.
#[component]
pub fn TextInput(
    text: TextRef,
    #[prop(into)] language: Signal<String>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let console = expect_context::<Console>();
    let id = StoredValue::new(format!("text-{}", text.path().replace('.', "-")));
    let text = StoredValue::new(text);
    let value = move || {
        let language = language.get();
        console.document.with(|document| {
            document.as_ref().and_then(|d| text.with_value(|t| t.get(d)?.0.get(&language).cloned())).unwrap_or_default()
        })
    };
    let input = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        let language = language.get_untracked();
        text.with_value(|text| {
            let path = text.path();
            let locate = text.clone();
            console.set_text(&path, &language, value, move |document| locate.get_mut(document));
        });
    };
    let element_id = move || format!("{}-{}", id.get_value(), language.get());
    let direction = move || language_info(&language.get()).map_or("ltr", |info| info.direction.as_str());
    let max = text.with_value(TextRef::limit);
    let field = if multiline {
        view! {
            <textarea id=element_id lang=language dir=direction rows="2" maxlength=max prop:value=value on:input=input></textarea>
        }
        .into_any()
    } else {
        view! { <input id=element_id lang=language dir=direction maxlength=max prop:value=value on:input=input/> }
            .into_any()
    };
    view! {
        <div class="admin-field">
            <label for=element_id>{label}</label>
            {field}
        </div>
    }
}
