//! The values both formats give for an appointment, checked the same way: the reference, the
//! service, the language and the status. Each error says what is wrong with the value.

use willkommen_api::{REFERENCE_MAX_CHARS, REFERENCE_MIN_CHARS, normalize_reference};

/// A service name longer than this is not a name but something pasted into the wrong column.
const SERVICE_MAX_CHARS: usize = 200;

/// The reference as written (trimmed) and as compared.
pub fn reference(text: &str) -> Result<(String, String), String> {
    let text = text.trim();
    match normalize_reference(text) {
        Some(key) => Ok((text.to_owned(), key)),
        None => Err(why_not_a_reference(text)),
    }
}

fn why_not_a_reference(text: &str) -> String {
    if text.is_empty() {
        return "the reference is empty".into();
    }
    if let Some(c) = text.chars().find(|&c| !is_reference_character(c)) {
        return format!(
            "{text:?} is not a reference: it has {c:?}, and a reference has only letters A to Z, digits, \
             spaces, dashes, dots, slashes and underscores"
        );
    }
    let count = text.chars().filter(char::is_ascii_alphanumeric).count();
    if count < REFERENCE_MIN_CHARS {
        format!(
            "{text:?} is too short for a reference: it has {count} letters and digits, at least {REFERENCE_MIN_CHARS} are needed"
        )
    } else {
        format!(
            "{text:?} is too long for a reference: it has {count} letters and digits, at most {REFERENCE_MAX_CHARS} are allowed"
        )
    }
}

/// Asks [`normalize_reference`] itself which characters it accepts (a character is one when
/// it makes a good reference no worse), so that this explanation cannot drift from the rule.
fn is_reference_character(c: char) -> bool {
    normalize_reference(&format!("{c}B1234")).is_some()
}

/// The service name, trimmed.
pub fn service(text: &str) -> Result<String, String> {
    let text = text.trim();
    match text.chars().count() {
        0 => Err("the service is empty".into()),
        count if count > SERVICE_MAX_CHARS => {
            Err(format!("the service has {count} characters: a service name has at most {SERVICE_MAX_CHARS}"))
        }
        _ => Ok(text.to_owned()),
    }
}

/// A BCP 47 language tag (`de`, `ar`, `fa-AF`, `de-x-ls`) in its usual case, or nothing when
/// the value is empty. `_` is read as `-`, since booking systems often write locales
/// (`de_DE`). Only the syntax is checked: whether the office offers the language is not this
/// file's question.
pub fn language(text: &str) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let not_a_tag = || format!("{text:?} is not a language tag: write e.g. de, ar, fa-AF or de-x-ls");
    let subtags: Vec<String> = text.split(['-', '_']).map(str::to_ascii_lowercase).collect();
    let (language, rest) = subtags.split_first().expect("split gives at least one part");
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|byte| byte.is_ascii_lowercase()) {
        return Err(not_a_tag());
    }
    let mut tag = language.clone();
    let mut after_singleton = false;
    for (at, subtag) in rest.iter().enumerate() {
        if subtag.is_empty() || subtag.len() > 8 || !subtag.bytes().all(|byte| byte.is_ascii_alphanumeric()) {
            return Err(not_a_tag());
        }
        if subtag.len() == 1 {
            // An extension or private use (`x-ls`) needs something after its letter.
            if at + 1 == rest.len() {
                return Err(not_a_tag());
            }
            after_singleton = true;
        }
        tag.push('-');
        // RFC 5646's usual case, before any extension: script `Latn`, region `AF`.
        match subtag.len() {
            4 if !after_singleton && subtag.bytes().all(|byte| byte.is_ascii_alphabetic()) => {
                tag.push_str(&subtag[..1].to_ascii_uppercase());
                tag.push_str(&subtag[1..]);
            }
            2 if !after_singleton => tag.push_str(&subtag.to_ascii_uppercase()),
            _ => tag.push_str(subtag),
        }
    }
    Ok(Some(tag))
}

/// Whether a status value means the booking was cancelled. Empty means booked.
pub fn cancelled(text: &str) -> Result<bool, String> {
    const CANCELLED: [&str; 4] = ["cancelled", "canceled", "storniert", "abgesagt"];
    const BOOKED: [&str; 5] = ["", "confirmed", "booked", "bestätigt", "gebucht"];
    let status = text.trim().to_lowercase();
    if CANCELLED.contains(&status.as_str()) {
        Ok(true)
    } else if BOOKED.contains(&status.as_str()) {
        Ok(false)
    } else {
        Err(format!(
            "{:?} is not a status this import knows: cancelled, canceled, storniert or abgesagt mean cancelled; \
             confirmed, booked, bestätigt, gebucht or nothing mean booked",
            text.trim()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_is_kept_as_written_and_as_compared() {
        assert_eq!(reference(" B-12 34 "), Ok(("B-12 34".into(), "B1234".into())));
        assert_eq!(reference("ABH-O042"), Ok(("ABH-O042".into(), "ABH0042".into())));
    }

    #[test]
    fn a_bad_reference_says_why() {
        assert_eq!(reference("  "), Err("the reference is empty".into()));
        assert_eq!(
            reference("B1"),
            Err("\"B1\" is too short for a reference: it has 2 letters and digits, at least 4 are needed".into())
        );
        assert_eq!(
            reference(&"7".repeat(41)),
            Err(format!(
                "{:?} is too long for a reference: it has 41 letters and digits, at most 40 are allowed",
                "7".repeat(41)
            ))
        );
        assert_eq!(
            reference("B#1234"),
            Err("\"B#1234\" is not a reference: it has '#', and a reference has only letters A to Z, digits, spaces, dashes, dots, slashes and underscores".into())
        );
        assert!(reference("Müller-1234").unwrap_err().contains("it has 'ü'"));
    }

    #[test]
    fn a_service_is_trimmed_and_must_be_there() {
        assert_eq!(service("  Einbürgerung "), Ok("Einbürgerung".into()));
        assert_eq!(service(""), Err("the service is empty".into()));
        assert_eq!(
            service(&"x".repeat(201)),
            Err("the service has 201 characters: a service name has at most 200".into())
        );
    }

    #[test]
    fn language_tags_are_checked_for_syntax_and_given_their_usual_case() {
        assert_eq!(language(""), Ok(None));
        assert_eq!(language(" AR "), Ok(Some("ar".into())));
        assert_eq!(language("fa-af"), Ok(Some("fa-AF".into())));
        assert_eq!(language("de_DE"), Ok(Some("de-DE".into())));
        assert_eq!(language("sr-latn-rs"), Ok(Some("sr-Latn-RS".into())));
        assert_eq!(language("de-x-ls"), Ok(Some("de-x-ls".into())));
        assert_eq!(language("kmr"), Ok(Some("kmr".into())));
        assert_eq!(language("es-419"), Ok(Some("es-419".into())));
    }

    #[test]
    fn what_is_not_a_language_tag_is_refused() {
        for bad in ["Deutsch", "arabic", "d", "de-", "de--DE", "de-x", "de-DE-toolongsubtag", "ع", "de DE", "1de"] {
            assert_eq!(
                language(bad),
                Err(format!("{bad:?} is not a language tag: write e.g. de, ar, fa-AF or de-x-ls")),
                "{bad}"
            );
        }
    }

    #[test]
    fn statuses_in_english_and_german() {
        for text in ["cancelled", "Canceled", "STORNIERT", " abgesagt "] {
            assert_eq!(cancelled(text), Ok(true), "{text}");
        }
        for text in ["", "confirmed", "Bestätigt", "gebucht", "booked"] {
            assert_eq!(cancelled(text), Ok(false), "{text}");
        }
        assert!(cancelled("verschoben").unwrap_err().starts_with("\"verschoben\" is not a status this import knows"));
    }
}
