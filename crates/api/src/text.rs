use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The language in which administrators write the source texts; every other language is a
/// translation of it, and it is the last resort when a translation is missing.
pub const SOURCE_LANGUAGE: &str = "de";

/// The interface texts that fill in what a language's own texts lack: English for every
/// language but German, the source, which is complete. The app loads them with the language,
/// and the server preloads them with a ticket page.
pub fn fallback_texts_language(tag: &str) -> Option<&'static str> {
    (tag != SOURCE_LANGUAGE).then_some("en")
}

/// A text in several languages, keyed by BCP 47 language tag (`"de"`, `"en"`, `"ar"`).
///
/// On the wire it is a plain object: `{"de": "Reisepass", "en": "Passport"}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(pub BTreeMap<String, String>);

impl LocalizedText {
    /// The text to show to a visitor who chose `language`.
    ///
    /// Falls back to English, then German (the source), then any translation, so that a
    /// visitor always sees some text rather than a blank button. `None` only when empty.
    pub fn resolve(&self, language: &str) -> Option<&str> {
        [language, "en", SOURCE_LANGUAGE]
            .into_iter()
            .find_map(|tag| self.get(tag))
            .or_else(|| self.0.values().find(|text| !text.is_empty()).map(String::as_str))
    }

    /// The text in exactly `language`, if it exists and is not empty.
    pub fn get(&self, language: &str) -> Option<&str> {
        self.0.get(language).map(String::as_str).filter(|text| !text.is_empty())
    }

    /// Builds a text from `(language, text)` pairs (for tests).
    #[cfg(test)]
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self(pairs.into_iter().map(|(tag, text)| (tag.to_owned(), text.to_owned())).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_prefers_the_chosen_language_then_english_then_german() {
        let text = LocalizedText::from_pairs([("de", "Reisepass"), ("en", "Passport"), ("tr", "Pasaport")]);

        assert_eq!(text.resolve("tr"), Some("Pasaport"));
        assert_eq!(text.resolve("ar"), Some("Passport"));
        assert_eq!(LocalizedText::from_pairs([("de", "Reisepass")]).resolve("ar"), Some("Reisepass"));
    }

    #[test]
    fn an_empty_translation_counts_as_missing() {
        let text = LocalizedText::from_pairs([("de", "Reisepass"), ("uk", "")]);

        assert_eq!(text.resolve("uk"), Some("Reisepass"));
        assert_eq!(LocalizedText::default().resolve("de"), None);
    }

    #[test]
    fn is_a_plain_json_object_on_the_wire() {
        let text = LocalizedText::from_pairs([("de", "Foto"), ("en", "Photo")]);

        let json = serde_json::to_string(&text).unwrap();

        assert_eq!(json, r#"{"de":"Foto","en":"Photo"}"#);
        assert_eq!(serde_json::from_str::<LocalizedText>(&json).unwrap(), text);
    }
}
