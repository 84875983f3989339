//! The interface texts, one Fluent file per language, compiled into the app.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use unic_langid::LanguageIdentifier;

/// Languages whose interface texts ship with the app, with their Fluent source.
pub const SHIPPED_LANGUAGES: &[(&str, &str)] =
    &[("de", include_str!("../../locales/de/main.ftl")), ("en", include_str!("../../locales/en/main.ftl"))];

/// All shipped interface texts.
pub struct Translations {
    bundles: Vec<(&'static str, FluentBundle<FluentResource>)>,
}

impl Translations {
    /// Parses the shipped Fluent files. A syntax error there is a bug caught by the tests.
    pub fn builtin() -> Self {
        let bundles = SHIPPED_LANGUAGES
            .iter()
            .map(|&(tag, source)| {
                let id: LanguageIdentifier = tag.parse().expect("shipped language tags are valid");
                let resource =
                    FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, _errors)| resource);
                let mut bundle = FluentBundle::new(vec![id]);
                bundle.add_resource(resource).expect("message ids are unique per file");
                (tag, bundle)
            })
            .collect();
        Self { bundles }
    }

    /// The text `key` in `language`; if that language lacks it, English, then German, then
    /// the key itself, so that a missing translation never leaves a button blank.
    pub fn format(&self, language: &str, key: &str, args: Option<&FluentArgs>) -> String {
        [language, "en", willkommen_api::SOURCE_LANGUAGE]
            .into_iter()
            .find_map(|tag| self.format_in(tag, key, args))
            .unwrap_or_else(|| key.to_owned())
    }

    fn format_in(&self, language: &str, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let (_, bundle) = self.bundles.iter().find(|(tag, _)| *tag == language)?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
    }

    /// The message ids of `language`'s file, for completeness checks.
    #[cfg(test)]
    pub fn message_ids(language: &str) -> Vec<String> {
        let source = SHIPPED_LANGUAGES.iter().find(|(tag, _)| *tag == language).map_or("", |(_, source)| source);
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, _)| resource);
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_file_parses_without_errors() {
        for (tag, source) in SHIPPED_LANGUAGES {
            assert!(FluentResource::try_new(source.to_string()).is_ok(), "locales/{tag}/main.ftl has syntax errors");
        }
    }

    #[test]
    fn every_language_has_every_german_message() {
        let german = Translations::message_ids("de");
        assert!(!german.is_empty());
        for (tag, _) in SHIPPED_LANGUAGES {
            let ids = Translations::message_ids(tag);
            let missing: Vec<_> = german.iter().filter(|id| !ids.contains(id)).collect();
            assert!(missing.is_empty(), "locales/{tag}/main.ftl lacks {missing:?}");
        }
    }

    #[test]
    fn texts_are_looked_up_in_the_chosen_language_with_fallback() {
        let translations = Translations::builtin();

        assert_eq!(translations.format("de", "ticket-done", None), "Fertig");
        assert_eq!(translations.format("en", "ticket-done", None), "Done");
        assert_eq!(translations.format("ar", "ticket-done", None), "Done");
        assert_eq!(translations.format("en", "no-such-message", None), "no-such-message");
    }

    #[test]
    fn arguments_are_filled_in() {
        let translations = Translations::builtin();
        let mut args = FluentArgs::new();
        args.set("number", "A 017");

        let text = translations.format("en", "ticket-number-spoken", Some(&args));

        assert!(text.contains("A 017"), "{text}");
    }
}
