//! The interface texts: one Fluent file per language. German, the source and last fallback,
//! is compiled into the app; every other language is fetched when a visitor chooses it, so
//! what a kiosk downloads at start does not grow with the number of languages.

use super::fluent::{Args, Messages};
use super::language_info;

/// The German texts, built in: the visitors' (`main.ftl`) and, in the office's app only, the
/// staff's (`staff.ftl`).
pub const SOURCE_FTL: &str = include_str!("../../locales/de/main.ftl");
pub const STAFF_SOURCE_FTL: &str = include_str!("../../locales/de/staff.ftl");

/// The staff screens speak German and English only; visitors' screens every language.
pub const STAFF_LANGUAGES: &[&str] = &["de", "en"];

pub use willkommen_api::locale_url;

/// The interface texts loaded so far.
pub struct Translations {
    bundles: Vec<(String, Messages)>,
}

impl Translations {
    /// The visitors' German texts only; other languages come with [`Translations::add`].
    pub fn with_source() -> Self {
        let mut translations = Self { bundles: Vec::new() };
        translations.add(willkommen_api::SOURCE_LANGUAGE, SOURCE_FTL.to_owned());
        translations
    }

    /// Adds the staff screens' German texts. Only the office's app calls this, so the kiosk's
    /// download does not carry them.
    pub fn add_staff_source(&mut self) {
        self.add(willkommen_api::SOURCE_LANGUAGE, STAFF_SOURCE_FTL.to_owned());
    }

    /// Adds a file of `tag`'s texts to those loaded. A file with syntax errors still
    /// contributes the messages that parsed; the tests keep shipped files free of errors.
    pub fn add(&mut self, tag: &str, source: String) {
        if let Some((_, messages)) = self.bundles.iter_mut().find(|(loaded, _)| loaded == tag) {
            messages.add(source);
            return;
        }
        let grammar = language_info(tag).map_or(tag, |info| info.grammar_locale());
        let mut messages = Messages::new(grammar);
        messages.add(source);
        self.bundles.push((tag.to_owned(), messages));
    }

    pub fn has(&self, tag: &str) -> bool {
        self.bundles.iter().any(|(loaded, _)| loaded == tag)
    }

    /// The text `key` in `language`; if that language lacks it, English, then German, then
    /// the key itself, so that a missing translation never leaves a button blank.
    pub fn format(&self, language: &str, key: &str, args: Option<&Args>) -> String {
        [language, "en", willkommen_api::SOURCE_LANGUAGE]
            .into_iter()
            .find_map(|tag| self.format_in(tag, key, args))
            .unwrap_or_else(|| key.to_owned())
    }

    /// The text `key` in exactly `language`, if that language is loaded and has it.
    pub fn format_in(&self, language: &str, key: &str, args: Option<&Args>) -> Option<String> {
        self.format_checked(language, key, args).map(|(text, _errors)| text)
    }

    /// Like [`Translations::format_in`], with the number of formatting errors (a missing
    /// variable, an unknown function): the tests require none.
    pub fn format_checked(&self, language: &str, key: &str, args: Option<&Args>) -> Option<(String, usize)> {
        let (_, messages) = self.bundles.iter().find(|(tag, _)| tag == language)?;
        messages.format(key, args)
    }
}

// They read the repository's files, so they run natively (`cargo test -p willkommen --lib`).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
