//! Ticket ids: 128 random bits from the operating system, base64url without padding
//! (22 characters), so they fit a small QR code and cannot be guessed or enumerated.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use willkommen_api::TicketId;

pub fn random_ticket_id() -> anyhow::Result<TicketId> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("no randomness for a ticket id: {error}"))?;
    Ok(TicketId(URL_SAFE_NO_PAD.encode(bytes)))
}

/// Whether `text` could be a ticket id, checked before touching the database.
pub fn looks_like_ticket_id(text: &str) -> bool {
    text.len() == 22 && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn ids_are_22_url_safe_characters_and_do_not_repeat() {
        let ids: HashSet<String> = (0..1000).map(|_| random_ticket_id().unwrap().0).collect();

        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|id| looks_like_ticket_id(id)));
    }

    #[test]
    fn other_text_is_not_taken_for_an_id() {
        assert!(!looks_like_ticket_id("A 017"));
        assert!(!looks_like_ticket_id("../../etc/passwd/aaaaaa"));
        assert!(!looks_like_ticket_id(""));
    }
}
