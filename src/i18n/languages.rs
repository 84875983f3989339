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

/// Languages an office may enable, with the scripts they are written in.
const LANGUAGES: &[LanguageInfo] = &[
    language("de", "Deutsch", "Deutsch", Direction::Ltr),
    language("de-x-ls", "Leichte Sprache", "Leichte Sprache", Direction::Ltr),
    language("en", "English", "Englisch", Direction::Ltr),
    language("ar", "العربية", "Arabisch", Direction::Rtl),
    language("tr", "Türkçe", "Türkisch", Direction::Ltr),
    language("uk", "Українська", "Ukrainisch", Direction::Ltr),
    language("ru", "Русский", "Russisch", Direction::Ltr),
    language("fa", "فارسی", "Persisch (Farsi/Dari)", Direction::Rtl),
    language("kmr", "Kurmancî", "Kurdisch (Kurmandschi)", Direction::Ltr),
    language("pl", "Polski", "Polnisch", Direction::Ltr),
    language("ro", "Română", "Rumänisch", Direction::Ltr),
    language("ti", "ትግርኛ", "Tigrinya", Direction::Ltr),
    language("ps", "پښتو", "Paschtu", Direction::Rtl),
    language("ur", "اردو", "Urdu", Direction::Rtl),
    language("ckb", "کوردیی ناوەندی", "Kurdisch (Sorani)", Direction::Rtl),
    language("so", "Soomaali", "Somali", Direction::Ltr),
    language("fr", "Français", "Französisch", Direction::Ltr),
    language("es", "Español", "Spanisch", Direction::Ltr),
];

/// What the app knows about `tag`, if anything.
pub fn language_info(tag: &str) -> Option<&'static LanguageInfo> {
    LANGUAGES.iter().find(|info| info.tag == tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_farsi_are_right_to_left_and_named_in_their_own_script() {
        assert_eq!(language_info("ar").unwrap().direction, Direction::Rtl);
        assert_eq!(language_info("fa").unwrap().direction, Direction::Rtl);
        assert_eq!(language_info("ar").unwrap().endonym, "العربية");
        assert_eq!(language_info("de").unwrap().direction, Direction::Ltr);
        assert!(language_info("xx").is_none());
    }
}
