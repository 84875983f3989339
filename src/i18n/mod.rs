//! Languages: the visitor's current language as app-wide context, the interface texts in
//! Fluent (`locales/<language>/main.ftl`), and the page's `lang` and `dir` kept in step.

mod languages;
mod translations;

pub use languages::{Direction, LanguageInfo, language_info};
pub use translations::{SHIPPED_LANGUAGES, Translations};

use fluent_bundle::FluentArgs;
use leptos::prelude::*;

/// The language the app speaks now. Provided once by [`crate::App`]; read with
/// `expect_context::<I18n>()`.
#[derive(Clone, Copy)]
pub struct I18n {
    language: RwSignal<String>,
}

thread_local! {
    static TRANSLATIONS: Translations = Translations::builtin();
}

impl I18n {
    /// Starts in German, the office's language, and keeps `<html lang dir>` in step.
    pub fn new() -> Self {
        let language = RwSignal::new(willkommen_api::SOURCE_LANGUAGE.to_owned());
        Effect::new(move || apply_to_document(&language.get()));
        Self { language }
    }

    /// The current language's BCP 47 tag (reactive).
    pub fn language(&self) -> String {
        self.language.get()
    }

    /// The current language, without subscribing the caller to changes.
    pub fn language_untracked(&self) -> String {
        self.language.get_untracked()
    }

    pub fn set_language(&self, tag: &str) {
        self.language.set(tag.to_owned());
    }

    /// The interface text `key` in the current language (reactive).
    pub fn t(&self, key: &str) -> String {
        let language = self.language.get();
        TRANSLATIONS.with(|translations| translations.format(&language, key, None))
    }

    /// Like [`I18n::t`], with Fluent arguments such as `{ $number }`.
    pub fn t_args(&self, key: &str, args: &FluentArgs) -> String {
        let language = self.language.get();
        TRANSLATIONS.with(|translations| translations.format(&language, key, Some(args)))
    }

    /// A text from the office's data (concern names, documents) in the current language.
    pub fn pick(&self, text: &willkommen_api::LocalizedText) -> String {
        text.resolve(&self.language.get()).unwrap_or_default().to_owned()
    }
}

impl Default for I18n {
    fn default() -> Self {
        Self::new()
    }
}

fn apply_to_document(language: &str) {
    let Some(root) = document().document_element() else { return };
    let direction = language_info(language).map_or(Direction::Ltr, |info| info.direction);
    let _ = root.set_attribute("lang", language);
    let _ = root.set_attribute("dir", direction.as_str());
}
