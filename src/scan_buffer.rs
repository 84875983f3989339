//! Telling a hand scanner from a person: a USB scanner "types" the QR text into whatever has
//! the focus, much faster than anyone types, and ends with Enter. The staff desk and the
//! kiosk listen on the whole page and treat a fast burst of characters followed by Enter as a
//! scan.

/// At most this many milliseconds between two characters of one scan (scanners need a few).
const MAX_GAP_MS: f64 = 60.0;
/// A ticket id alone is 22 characters; anything much shorter is a person pressing keys.
const TICKET_MIN_LENGTH: usize = 12;

/// Keystrokes seen so far of what may be a scan.
#[derive(Debug)]
pub struct ScanBuffer {
    text: String,
    last_at: Option<f64>,
    min_length: usize,
}

/// For the staff desk: a scan is a ticket's id or status address.
impl Default for ScanBuffer {
    fn default() -> Self {
        Self::new(TICKET_MIN_LENGTH)
    }
}

impl ScanBuffer {
    /// A scan has at least `min_length` characters (a booking reference has 4).
    pub fn new(min_length: usize) -> Self {
        Self { text: String::new(), last_at: None, min_length }
    }

    /// Whether a key at `at_ms` would continue the burst under way (and so be part of a scan,
    /// not of a person's typing, should Enter end it in time).
    pub fn continues_burst(&self, at_ms: f64) -> bool {
        self.last_at.is_some_and(|last| at_ms - last <= MAX_GAP_MS)
    }

    /// Feeds one key (its `KeyboardEvent.key`) pressed at `at_ms`. Returns the scanned text
    /// when this key completes a scan.
    pub fn key(&mut self, key: &str, at_ms: f64) -> Option<String> {
        let in_burst = self.continues_burst(at_ms);
        if !in_burst {
            self.text.clear();
        }
        self.last_at = Some(at_ms);
        if key == "Enter" {
            let text = std::mem::take(&mut self.text);
            return (in_burst && text.chars().count() >= self.min_length).then_some(text);
        }
        // One character per key; Shift, Tab and the like are not part of the code.
        let mut chars = key.chars();
        if let (Some(character), None) = (chars.next(), chars.next()) {
            self.text.push(character);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(buffer: &mut ScanBuffer, text: &str, start: f64, gap: f64) -> Option<String> {
        let mut at = start;
        for character in text.chars() {
            assert_eq!(buffer.key(&character.to_string(), at), None);
            at += gap;
        }
        buffer.key("Enter", at)
    }

    #[test]
    fn a_fast_burst_ending_in_enter_is_a_scan() {
        let mut buffer = ScanBuffer::default();
        let url = "http://127.0.0.1:8080/t/q0fO8b6u3J3p1yQ2xW9aZg";

        assert_eq!(feed(&mut buffer, url, 1000.0, 8.0).as_deref(), Some(url));
    }

    #[test]
    fn a_person_typing_is_not_a_scan() {
        let mut buffer = ScanBuffer::default();

        assert_eq!(feed(&mut buffer, "q0fO8b6u3J3p1yQ2xW9aZg", 1000.0, 180.0), None);
    }

    #[test]
    fn a_short_burst_is_not_a_scan_and_a_pause_starts_over() {
        let mut buffer = ScanBuffer::default();
        assert_eq!(feed(&mut buffer, "A017", 0.0, 5.0), None);

        buffer.key("x", 5000.0);
        assert_eq!(feed(&mut buffer, "q0fO8b6u3J3p1yQ2xW9aZg", 9000.0, 5.0).as_deref(), Some("q0fO8b6u3J3p1yQ2xW9aZg"));
    }

    #[test]
    fn a_short_booking_reference_is_a_scan_where_references_are_expected() {
        let mut buffer = ScanBuffer::new(4);

        assert_eq!(feed(&mut buffer, "B-1234", 0.0, 6.0).as_deref(), Some("B-1234"));
        assert!(buffer.continues_burst(40.0));
        assert!(!buffer.continues_burst(500.0));
    }

    #[test]
    fn modifier_keys_inside_a_scan_are_ignored() {
        let mut buffer = ScanBuffer::default();
        for (index, key) in ["Shift", "q", "0", "Shift", "F"].iter().enumerate() {
            buffer.key(key, index as f64 * 5.0);
        }
        assert_eq!(feed(&mut buffer, "O8b6u3J3p1yQ2xW9aZg", 25.0, 5.0).as_deref(), Some("q0FO8b6u3J3p1yQ2xW9aZg"));
    }
}
