//! What makes a valid account, checked alike by the admin API, the server's `account` command
//! and the admin console's form, so an account made one way can always be edited the other.

use std::ops::RangeInclusive;

/// How many characters a username has: lower-case letters, digits, dots, dashes, underscores.
pub const USERNAME_LENGTH: RangeInclusive<usize> = 3..=40;
/// The same rule as an HTML `pattern` attribute, for the admin console's form.
pub const USERNAME_PATTERN: &str = "[a-z0-9._\\-]+";
/// How many characters a password has (it is hashed, so a long passphrase costs nothing).
pub const PASSWORD_LENGTH: RangeInclusive<usize> = 10..=200;
/// The shortest password, for forms.
pub const MIN_PASSWORD_CHARS: usize = *PASSWORD_LENGTH.start();
/// How many characters the name shown to colleagues has.
pub const DISPLAY_NAME_LENGTH: RangeInclusive<usize> = 1..=80;

/// `Err` says what a username must look like, naming the field.
pub fn check_username(username: &str) -> Result<(), String> {
    let well_formed = USERNAME_LENGTH.contains(&username.len())
        && username.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if well_formed {
        Ok(())
    } else {
        Err("username: 3 to 40 lower-case letters, digits, dots, dashes or underscores".into())
    }
}

/// `Err` says what a display name must look like; surrounding spaces do not count.
pub fn check_display_name(name: &str) -> Result<(), String> {
    let name = name.trim();
    if DISPLAY_NAME_LENGTH.contains(&name.chars().count()) && !name.chars().any(char::is_control) {
        Ok(())
    } else {
        Err("display_name: 1 to 80 characters, no control characters".into())
    }
}

/// `Err` says how long a password must be.
pub fn check_password(password: &str) -> Result<(), String> {
    if PASSWORD_LENGTH.contains(&password.chars().count()) {
        Ok(())
    } else {
        Err(format!("password: at least {} characters and at most {}", PASSWORD_LENGTH.start(), PASSWORD_LENGTH.end()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_short_lower_case_words() {
        for good in ["chefin", "schalter.1", "nord-leitung", "a_b"] {
            assert_eq!(check_username(good), Ok(()), "{good}");
        }
        for bad in ["ab", "Chefin", "anna schmidt", "müller", "", &"x".repeat(41)] {
            assert!(check_username(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn display_names_need_a_visible_character_and_no_control_characters() {
        assert_eq!(check_display_name("  Anna Schmidt "), Ok(()));
        assert!(check_display_name("   ").is_err());
        assert!(check_display_name("Anna\nSchmidt").is_err());
        assert!(check_display_name(&"x".repeat(81)).is_err());
    }

    #[test]
    fn passwords_are_counted_in_characters_not_bytes() {
        assert_eq!(check_password("äöüäöüäöüä"), Ok(()));
        assert!(check_password("äöüäöüäöü").is_err());
        assert!(check_password(&"x".repeat(201)).is_err());
    }
}
