//! What the app knows about each language it may offer: its own name in its own script (never a
//! flag), its German name for staff, and its writing direction.

/// Left-to-right or right-to-left, as written to `dir`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LanguageInfo {
    /// BCP 47 tag, as used in the API.
    pub tag: &'static str,
    /// The language's name in itself, e.g. "العربية".
    pub endonym: &'static str,
    /// The language's name in German, for staff.
    pub german_name: &'static str,
    pub direction: Direction,
}

const fn language(
    tag: &'static str,
    endonym: &'static str,
    german_name: &'static str,
    direction: Direction,
) -> LanguageInfo {
    LanguageInfo { tag, endonym, german_name, direction }
}

/// The languages whose interface texts ship with the app (`locales/<tag>/main.ftl`), in the
/// order the language screen offers them. Adding a language: its folder plus one line here.
pub const LANGUAGES: &[LanguageInfo] = &[
    language("de", "Deutsch", "Deutsch", Direction::Ltr),
    language("de-x-ls", "Leichte Sprache", "Leichte Sprache", Direction::Ltr),
    language("en", "English", "Englisch", Direction::Ltr),
    language("ar", "العربية", "Arabisch", Direction::Rtl),
    language("tr", "Türkçe", "Türkisch", Direction::Ltr),
    language("uk", "Українська", "Ukrainisch", Direction::Ltr),
    language("ru", "Русский", "Russisch", Direction::Ltr),
    language("fa", "فارسی / دری", "Persisch (Farsi/Dari)", Direction::Rtl),
    language("kmr", "Kurmancî", "Kurdisch (Kurmandschi)", Direction::Ltr),
    language("pl", "Polski", "Polnisch", Direction::Ltr),
    language("ro", "Română", "Rumänisch", Direction::Ltr),
    language("ti", "ትግርኛ", "Tigrinya", Direction::Ltr),
];

/// What the app knows about `tag`, if anything.
pub fn language_info(tag: &str) -> Option<&'static LanguageInfo> {
    LANGUAGES.iter().find(|info| info.tag == tag)
}

impl LanguageInfo {
    /// The locale whose grammar (plural rules) applies: Leichte Sprache (`de-x-ls`) is German.
    /// Kurmanji (`kmr`) has no plural rules of its own in CLDR; those of Kurdish (`ku`) apply.
    pub fn grammar_locale(&self) -> &'static str {
        match self.tag {
            "kmr" => "ku",
            tag => tag.split("-x-").next().unwrap_or(tag),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_accepts_exactly_the_languages_the_kiosk_has_texts_in() {
        let shipped: Vec<_> = LANGUAGES.iter().map(|language| language.tag).collect();
        assert_eq!(shipped, willkommen_api::KIOSK_LANGUAGES);
    }

    #[test]
    fn arabic_and_farsi_are_right_to_left_and_named_in_their_own_script() {
        assert_eq!(language_info("ar").unwrap().direction, Direction::Rtl);
        assert_eq!(language_info("fa").unwrap().direction, Direction::Rtl);
        assert_eq!(language_info("ar").unwrap().endonym, "العربية");
        assert_eq!(language_info("de").unwrap().direction, Direction::Ltr);
        assert!(language_info("xx").is_none());
    }

    #[test]
    fn leichte_sprache_follows_german_grammar() {
        assert_eq!(language_info("de-x-ls").unwrap().grammar_locale(), "de");
        assert_eq!(language_info("ar").unwrap().grammar_locale(), "ar");
    }

    #[test]
    fn every_listed_language_has_a_locale_folder_and_every_folder_is_listed() {
        let locales = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let mut folders: Vec<String> = std::fs::read_dir(&locales)
            .unwrap()
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.path().join("main.ftl").is_file())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        folders.sort();
        let mut listed: Vec<String> = LANGUAGES.iter().map(|info| info.tag.to_owned()).collect();
        listed.sort();
        assert_eq!(folders, listed, "locales/ and LANGUAGES disagree");
    }
}
