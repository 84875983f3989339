//! Reading what a hand scanner types. The QR code holds `<public URL>/t/<id>`; the scanner
//! "types" it and ends with Enter. Scanners set to a US keyboard on a German (QWERTZ) PC type
//! `z` for `y`, `ß` for `-` and `?` for `_`, so those are tried as well.

use crate::ticket_id::looks_like_ticket_id;

/// Ticket ids the scanned `text` may stand for, most likely first.
pub fn ticket_id_candidates(text: &str) -> Vec<String> {
    // The id is always the last 22 characters of the code, whatever the layout did to the
    // URL in front of it.
    let text = text.trim();
    let skip = text.chars().count().saturating_sub(22);
    let id: String = text.chars().skip(skip).collect();
    let qwertz: String = id
        .chars()
        .map(|c| match c {
            'y' => 'z',
            'z' => 'y',
            'Y' => 'Z',
            'Z' => 'Y',
            'ß' => '-',
            '?' => '_',
            other => other,
        })
        .collect();
    let mut candidates = vec![id];
    if qwertz != candidates[0] {
        candidates.push(qwertz);
    }
    candidates.retain(|candidate| looks_like_ticket_id(candidate));
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "q0fO8b6u3J3p1yQ2xW9aZg";

    #[test]
    fn the_full_status_url_and_the_bare_id_both_work() {
        assert_eq!(ticket_id_candidates(&format!("http://127.0.0.1:8080/t/{ID}\n"))[0], ID);
        assert_eq!(ticket_id_candidates(&format!("  {ID} \r\n"))[0], ID);
        assert_eq!(ticket_id_candidates(&format!("https://wk.example.de/t/{ID}"))[0], ID);
    }

    #[test]
    fn a_scanner_on_the_wrong_keyboard_layout_is_understood() {
        // US scanner on a QWERTZ PC: y and z swapped, '-' typed as 'ß', '/' as '-'.
        let typed = "httpsÖ--wk.example.de-t-q0fO8b6u3J3p1zQ2xW9aYg";

        assert!(ticket_id_candidates(typed).contains(&ID.to_owned()));
        let typed_with_dash = "http://x/t/abcdefghijßlmnopqrs?vw";
        assert!(ticket_id_candidates(typed_with_dash).contains(&"abcdefghij-lmnopqrs_vw".to_owned()));
    }

    #[test]
    fn garbage_yields_no_candidate() {
        assert!(ticket_id_candidates("A 017").is_empty());
        assert!(ticket_id_candidates("").is_empty());
    }
}
