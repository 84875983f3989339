//! RFC 5545 content lines (`NAME;PARAM=value:value`), unfolded, each with the line it starts on.
//!
//! Hand-written rather than the `icalendar` crate's parser: an import problem must name its
//! line, and that parser's properties carry no position (its errors count lines of the
//! already unfolded text); it would also bring chrono, nom and uuid to read the five
//! properties an appointment needs. Content lines are a small grammar: folding, parameters
//! with quoted values, and four escapes.

/// One property (or `BEGIN`/`END`) line.
#[derive(Clone, Debug, PartialEq)]
pub struct ContentLine {
    /// The physical line it starts on (1 is the first).
    pub line: u32,
    /// In upper case (names are case-insensitive).
    pub name: String,
    /// Parameter names in upper case, values without their quotes.
    params: Vec<(String, String)>,
    /// As written, still escaped.
    pub value: String,
}

impl ContentLine {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(param, _)| param == name).map(|(_, value)| value.as_str())
    }

    /// The value as text (RFC 5545 TEXT: `\,` `\;` `\\` and `\n` unescaped).
    pub fn text(&self) -> String {
        unescape(&self.value)
    }

    /// The values of a list such as `CATEGORIES:Pass,Ausweis`, each unescaped.
    pub fn texts(&self) -> Vec<String> {
        let mut values = vec![String::new()];
        let mut escaped = false;
        for c in self.value.chars() {
            let current = values.last_mut().expect("starts with one value");
            match c {
                ',' if !escaped => values.push(String::new()),
                _ => {
                    current.push(c);
                    escaped = c == '\\' && !escaped;
                    continue;
                }
            }
            escaped = false;
        }
        values.iter().map(|value| unescape(value)).collect()
    }
}

/// The content lines of `text`, or for a line that is not one, its line and why.
pub fn content_lines(text: &str) -> Vec<Result<ContentLine, (u32, String)>> {
    let mut lines = Vec::new();
    let mut current: Option<(u32, String)> = None;
    for (at, physical) in text.split('\n').enumerate() {
        let number = u32::try_from(at + 1).unwrap_or(u32::MAX);
        let physical = physical.strip_suffix('\r').unwrap_or(physical);
        if let Some(continued) = physical.strip_prefix([' ', '\t']) {
            match current.as_mut() {
                Some((_, logical)) => logical.push_str(continued),
                None if continued.trim().is_empty() => {}
                None => lines
                    .push(Err((number, "this line begins with a space, but no line before it continues here".into()))),
            }
            continue;
        }
        if let Some((start, logical)) = current.take() {
            lines.push(parse(start, &logical));
        }
        if !physical.is_empty() {
            current = Some((number, physical.to_owned()));
        }
    }
    if let Some((start, logical)) = current {
        lines.push(parse(start, &logical));
    }
    lines
}

fn parse(line: u32, text: &str) -> Result<ContentLine, (u32, String)> {
    let not_a_line = || {
        (
            line,
            "this line is not an iCalendar content line: NAME:value or NAME;PARAMETER=value:value is expected"
                .to_owned(),
        )
    };
    let is_name =
        |name: &str| !name.is_empty() && name.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-');
    let name_end = text.find([';', ':']).ok_or_else(not_a_line)?;
    let name = &text[..name_end];
    if !is_name(name) {
        return Err(not_a_line());
    }
    let mut rest = &text[name_end..];
    let mut params = Vec::new();
    while let Some(param) = rest.strip_prefix(';') {
        let (param_name, mut value_rest) = param.split_once('=').ok_or_else(not_a_line)?;
        if !is_name(param_name) {
            return Err(not_a_line());
        }
        let mut value = String::new();
        loop {
            if let Some(quoted) = value_rest.strip_prefix('"') {
                let (inside, after) = quoted.split_once('"').ok_or_else(|| {
                    (line, format!("the quotes of the {} parameter are not closed", param_name.to_ascii_uppercase()))
                })?;
                value.push_str(inside);
                value_rest = after;
            } else {
                let end = value_rest.find([',', ';', ':']).unwrap_or(value_rest.len());
                value.push_str(&value_rest[..end]);
                value_rest = &value_rest[end..];
            }
            match value_rest.strip_prefix(',') {
                Some(more) => {
                    value.push(',');
                    value_rest = more;
                }
                None => break,
            }
        }
        params.push((param_name.to_ascii_uppercase(), value));
        rest = value_rest;
    }
    let value = rest.strip_prefix(':').ok_or_else(not_a_line)?;
    Ok(ContentLine { line, name: name.to_ascii_uppercase(), params, value: value.to_owned() })
}

fn unescape(value: &str) -> String {
    let mut text = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => text.push('\n'),
            Some(escaped @ ('\\' | ';' | ',')) => text.push(escaped),
            // Not an RFC 5545 escape: kept as written.
            Some(other) => {
                text.push('\\');
                text.push(other);
            }
            None => text.push('\\'),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<ContentLine> {
        content_lines(text).into_iter().collect::<Result<_, _>>().unwrap()
    }

    #[test]
    fn folded_lines_are_unfolded_and_keep_the_line_they_start_on() {
        let lines = read("BEGIN:VEVENT\r\nSUMMARY:Aufenthalts\r\n titel – Verlän\r\n\tgerung\r\nEND:VEVENT\r\n");

        assert_eq!(
            lines.iter().map(|line| (line.line, line.name.as_str())).collect::<Vec<_>>(),
            [(1, "BEGIN"), (2, "SUMMARY"), (5, "END")]
        );
        assert_eq!(lines[1].text(), "Aufenthaltstitel – Verlängerung");
    }

    #[test]
    fn bare_line_feeds_and_blank_lines_are_read_too() {
        let lines = read("BEGIN:VCALENDAR\n\nVERSION:2.0\nEND:VCALENDAR");

        assert_eq!(lines.iter().map(|line| line.line).collect::<Vec<_>>(), [1, 3, 4]);
    }

    #[test]
    fn escapes_are_undone_in_text_and_lists() {
        let line = &read(r"CATEGORIES:Einbürgerung\, Beratung,Pass\;Ausweis,a\\b\nc")[0];

        assert_eq!(line.texts(), ["Einbürgerung, Beratung", "Pass;Ausweis", "a\\b\nc"]);
        assert_eq!(line.text(), "Einbürgerung, Beratung,Pass;Ausweis,a\\b\nc");
    }

    #[test]
    fn parameters_are_read_with_and_without_quotes() {
        let line = &read("dtstart;tzid=\"Europe/Berlin\";X-NOTE=\"a;b:c\",d:20261207T103000")[0];

        assert_eq!(line.name, "DTSTART");
        assert_eq!(line.param("TZID"), Some("Europe/Berlin"));
        assert_eq!(line.param("X-NOTE"), Some("a;b:c,d"));
        assert_eq!(line.value, "20261207T103000");
    }

    #[test]
    fn lines_that_are_not_content_lines_are_reported_with_their_line() {
        let lines = content_lines(
            "BEGIN:VCALENDAR\r\nthis is prose\r\n continued\r\nDTSTART;TZID=\"Europe/Berlin:2026\r\nX Y:z\r\n",
        );

        let problems: Vec<u32> = lines.iter().filter_map(|line| line.as_ref().err().map(|(line, _)| *line)).collect();
        assert_eq!(problems, [2, 4, 5]);
        assert_eq!(lines[2].as_ref().unwrap_err().1, "the quotes of the TZID parameter are not closed");
    }

    #[test]
    fn a_continuation_without_a_line_before_it_is_reported() {
        let lines = content_lines(" orphan\r\nBEGIN:VCALENDAR");

        assert_eq!(lines[0].as_ref().unwrap_err().0, 1);
    }
}
