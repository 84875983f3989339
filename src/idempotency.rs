//! Idempotency keys for ticket requests: one per visitor's attempt, reused for every retry of
//! that attempt, so a lost answer or a double tap can never produce a second ticket.

use web_sys::js_sys::Math;

/// 128 random bits as 32 hex digits, from the browser's cryptographic generator.
///
/// `crypto.getRandomValues` works on plain-HTTP kiosks too (unlike `randomUUID`, which needs
/// a secure context).
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Without Web Crypto (no supported browser lacks it) keys only need to be unique.
        bytes.iter_mut().for_each(|byte| *byte = (Math::random() * 256.0) as u8);
    }
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
