//! The text of an import file: UTF-8 (with or without the byte order mark Excel writes with
//! "CSV UTF-8"), UTF-16 with a byte order mark (Excel's "Unicode text"), or else
//! Windows-1252, what German Excel on Windows writes with plain "CSV". A spreadsheet saved as a
//! workbook or any other binary file is refused with a word on what to do instead.
//!
//! Windows-1252 is decoded here rather than with `encoding_rs`: it is one fixed table of 32
//! characters (the WHATWG Encoding Standard's `index-windows-1252`; the other 224 bytes are
//! their own code points), and `encoding_rs` would bring the whole Encoding Standard and five
//! more crates for it.

use std::borrow::Cow;

use willkommen_api::ImportProblem;

/// Bytes 0x80..=0x9F in Windows-1252. The five bytes it leaves undefined (0x81, 0x8D, 0x8F,
/// 0x90, 0x9D) map to the C1 control of the same number, as in the Encoding Standard; they
/// are then refused as control characters.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', //
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The file's text, or why it is not a text file this import reads.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ImportProblem> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(problem(
            1,
            "this is a spreadsheet workbook (.xlsx or .xls), not a CSV or iCalendar file: \
             save it as \"CSV UTF-8\" in the spreadsheet program and import that",
        ));
    }
    let text = if let Some(utf16) = bytes.strip_prefix(b"\xFF\xFE") {
        Cow::Owned(utf16_text(utf16, u16::from_le_bytes)?)
    } else if let Some(utf16) = bytes.strip_prefix(b"\xFE\xFF") {
        Cow::Owned(utf16_text(utf16, u16::from_be_bytes)?)
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => Cow::Owned(bytes.iter().map(|&byte| windows_1252(byte)).collect()),
        }
    };
    if let Some((at, control)) = text.char_indices().find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        let line = 1 + text[..at].matches('\n').count();
        return Err(problem(
            u32::try_from(line).unwrap_or(u32::MAX),
            &format!(
                "the file is not text in UTF-8 or Windows-1252 (this line has the control character U+{:04X}): \
                 save it as \"CSV UTF-8\" or export it as .ics",
                u32::from(control)
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(problem(1, "the file is empty"));
    }
    Ok(text)
}

fn utf16_text(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportProblem> {
    let units = bytes.chunks(2).map(|pair| unit([pair[0], *pair.get(1).unwrap_or(&0)]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| problem(1, "the file begins as UTF-16 text but is not: save it as \"CSV UTF-8\""))
}

fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

fn problem(line: u32, message: &str) -> ImportProblem {
    ImportProblem { line, field: None, message: message.into(), unknown_service: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_read_with_or_without_byte_order_mark() {
        assert_eq!(decode("Straße;Größe".as_bytes()).unwrap(), "Straße;Größe");
        assert_eq!(decode("\u{feff}Straße;Größe".as_bytes()).unwrap(), "Straße;Größe");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_windows_1252() {
        // "Aufenthaltsgenehmigung für Flüchtlinge – Überprüfung" as German Excel saves it.
        let bytes = b"Aufenthaltsgenehmigung f\xfcr Fl\xfcchtlinge \x96 \xdcberpr\xfcfung \x80 \x84ok\x93 \xdf";

        assert_eq!(decode(bytes).unwrap(), "Aufenthaltsgenehmigung für Flüchtlinge – Überprüfung € „ok“ ß");
    }

    #[test]
    fn utf16_with_byte_order_mark_is_read() {
        let little: Vec<u8> = "\u{feff}Datum\tÄnderung".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let big: Vec<u8> = "\u{feff}Datum\tÄnderung".encode_utf16().flat_map(u16::to_be_bytes).collect();

        assert_eq!(decode(&little).unwrap(), "Datum\tÄnderung");
        assert_eq!(decode(&big).unwrap(), "Datum\tÄnderung");
    }

    #[test]
    fn workbooks_and_binary_files_are_refused_saying_what_to_do() {
        let workbook = decode(b"PK\x03\x04\x14\x00\x06\x00").unwrap_err();
        assert_eq!((workbook.line, workbook.field.as_deref()), (1, None));
        assert!(workbook.message.contains("save it as \"CSV UTF-8\""), "{}", workbook.message);

        // UTF-16 without a byte order mark: every other byte is zero.
        let no_mark: Vec<u8> = "Datum\nZeit".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let binary = decode(&no_mark).unwrap_err();
        assert_eq!(binary.line, 1);
        assert!(binary.message.starts_with("the file is not text in UTF-8 or Windows-1252"), "{}", binary.message);

        let later = decode(b"reference;date\nB-1;2026-12-07\n\x00\x01").unwrap_err();
        assert_eq!(later.line, 3);
    }

    #[test]
    fn an_empty_file_is_refused() {
        for empty in [&b""[..], b"\xEF\xBB\xBF", b" \r\n\r\n"] {
            assert_eq!(decode(empty).unwrap_err().message, "the file is empty");
        }
    }
}
