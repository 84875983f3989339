//! CSV import files: a header row naming the columns (in English or German, any case), then
//! one appointment a row. The delimiter is the one the header row uses: `;` (German Excel),
//! `,` or tab; an Excel `sep=;` first line is honoured. The `csv` crate does the quoting (and
//! values with line breaks), and tells each row's line.
//!
//! Privacy: only the columns in [`Column`] are read. Booking exports carry more (the visitor's
//! name, e-mail, phone, notes): those cells are skipped and never copied anywhere.

use ::csv::{ReaderBuilder, StringRecord, Trim};
use jiff::tz::TimeZone;

use super::problems::Problems;
use super::{FileAppointment, SourceFields, fields, when};

/// The columns this import reads; every other column is ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Reference,
    Date,
    Time,
    /// Date and time in one cell.
    Start,
    Service,
    Language,
    Status,
}

impl Column {
    const ALL: [Self; 7] =
        [Self::Reference, Self::Date, Self::Time, Self::Start, Self::Service, Self::Language, Self::Status];

    /// The header names that mean this column, compared in lower case without spaces and
    /// punctuation (`Termin-Nr.` is `terminnr`). docs/appointments.md lists them.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Reference => &[
                "reference",
                "ref",
                "referencenumber",
                "booking",
                "bookingreference",
                "bookingnumber",
                "referenz",
                "terminnummer",
                "terminnr",
                "vorgangsnummer",
                "vorgangsnr",
                "buchungsnummer",
                "buchungsnr",
                "nummer",
            ],
            Self::Date => &["date", "datum", "termindatum", "appointmentdate"],
            Self::Time => &["time", "uhrzeit", "zeit", "beginn", "startzeit", "starttime", "terminzeit"],
            Self::Start => &["start", "slot", "datetime"],
            Self::Service => &["service", "servicename", "concern", "dienstleistung", "leistung", "anliegen"],
            Self::Language => &["language", "lang", "sprache"],
            Self::Status => &["status", "state", "terminstatus"],
        }
    }

    /// What this column is called in problems about a missing or doubled column.
    fn name(self) -> &'static str {
        match self {
            Self::Reference => "reference",
            Self::Date => "date",
            Self::Time => "time",
            Self::Start => "start",
            Self::Service => "service",
            Self::Language => "language",
            Self::Status => "status",
        }
    }

    fn of_header(header: &str) -> Option<Self> {
        let key: String = header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
        Self::ALL.into_iter().find(|column| column.aliases().contains(&key.as_str()))
    }
}

/// Where the slot is.
enum Slot {
    DateAndTime { date: usize, time: usize },
    Start(usize),
}

/// Which cell of a row holds what.
struct Layout {
    headers: Vec<String>,
    reference: usize,
    slot: Slot,
    service: usize,
    language: Option<usize>,
    status: Option<usize>,
}

/// The appointments in a CSV file; their problems go to `problems`.
pub fn read(text: &str, time_zone: &TimeZone, problems: &mut Problems) -> Vec<FileAppointment> {
    let (delimiter, text) = delimiter(text);
    let lines = Lines::new(text);
    let mut rows = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true) // a row of the wrong length is reported below, with its line
        .trim(Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
        .into_records();
    let Some(header) = rows.next() else {
        problems.add(1, None, "the file has no header row");
        return Vec::new();
    };
    let header = match header {
        Ok(header) => header,
        Err(error) => {
            problems.add(lines.of_error(&error), None, format!("the header row cannot be read: {error}"));
            return Vec::new();
        }
    };
    let header_line = lines.of(&header);
    let Some(layout) = layout(&header, header_line, problems) else { return Vec::new() };
    let mut listed = Vec::new();
    let mut any_row = false;
    for row in rows {
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                problems.add(lines.of_error(&error), None, format!("this line cannot be read: {error}"));
                continue;
            }
        };
        // Spreadsheets write formatted but empty rows as a line of delimiters.
        if row.iter().all(str::is_empty) {
            continue;
        }
        any_row = true;
        let line = lines.of(&row);
        if row.len() != layout.headers.len() {
            problems.add(line, None, wrong_length(row.len(), layout.headers.len(), delimiter));
            continue;
        }
        if let Some(appointment) = read_row(&row, line, &layout, time_zone, problems) {
            listed.push(appointment);
        }
    }
    if !any_row {
        problems.add(header_line, None, "the file has a header row but lists no appointments");
    }
    listed
}

/// The delimiter: the one an Excel `sep=` first line names (that line is then left blank,
/// keeping line numbers), else whichever of `;`, `,` and tab the header row has most of
/// outside quotes (`;` when there is a tie, as German Excel writes).
fn delimiter(text: &str) -> (u8, &str) {
    let first = text.lines().next().unwrap_or_default();
    if let Some(named) = first.trim().strip_prefix("sep=").or_else(|| first.trim().strip_prefix("SEP="))
        && let [delimiter] = named.as_bytes()
    {
        return (*delimiter, &text[first.len()..]);
    }
    let header = text.lines().find(|line| !line.trim().is_empty()).unwrap_or_default();
    let (mut counts, mut quoted) = ([0_usize; 3], false);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let most = counts.into_iter().max().unwrap_or_default();
    let at = counts.iter().position(|&count| count == most).unwrap_or_default();
    ([b';', b',', b'\t'][at], text)
}

/// Which column is which, or `None` (with the problems) when a needed one is missing or
/// named twice.
fn layout(header: &StringRecord, line: u32, problems: &mut Problems) -> Option<Layout> {
    let headers: Vec<String> = header.iter().map(str::to_owned).collect();
    let found = || headers.iter().map(|header| format!("{header:?}")).collect::<Vec<_>>().join(", ");
    let mut at = [None::<usize>; Column::ALL.len()];
    let mut complete = true;
    for (index, header) in headers.iter().enumerate() {
        let Some(column) = Column::of_header(header) else { continue };
        let slot = &mut at[column as usize];
        if let Some(earlier) = *slot {
            problems.add(
                line,
                Some(column.name()),
                format!(
                    "two columns give the {}: {:?} (column {}) and {header:?} (column {}); remove or rename one",
                    column.name(),
                    headers[earlier],
                    earlier + 1,
                    index + 1
                ),
            );
            complete = false;
        } else {
            *slot = Some(index);
        }
    }
    if at.iter().all(Option::is_none) {
        problems.add(
            line,
            None,
            format!(
                "the first line must name the columns, e.g. reference;date;time;service \
                 (or Terminnummer;Datum;Uhrzeit;Dienstleistung); this one has: {}",
                found()
            ),
        );
        return None;
    }
    let column = |column: Column| at[column as usize];
    let mut missing = |column: Column, message: &str| {
        problems.add(line, Some(column.name()), format!("{message} (the header row has: {})", found()));
        complete = false;
    };
    if column(Column::Reference).is_none() {
        missing(
            Column::Reference,
            "no column gives the booking reference: name it reference, Terminnummer, Vorgangsnummer or Buchungsnummer",
        );
    }
    let slot = match (column(Column::Date), column(Column::Time), column(Column::Start)) {
        (Some(date), Some(time), _) | (Some(date), None, Some(time)) => Some(Slot::DateAndTime { date, time }),
        (None, _, Some(start)) => Some(Slot::Start(start)),
        (Some(_), None, None) => {
            missing(Column::Time, "there is a date column but no time column: name it time, Uhrzeit, Zeit or Beginn");
            None
        }
        (None, Some(_), None) => {
            missing(Column::Date, "there is a time column but no date column: name it date or Datum");
            None
        }
        (None, None, None) => {
            missing(
                Column::Start,
                "no columns give the appointment's time: name them date and time (or Datum and Uhrzeit), \
                 or give one start column with both",
            );
            None
        }
    };
    if column(Column::Service).is_none() {
        missing(Column::Service, "no column gives the service: name it service, Dienstleistung, Leistung or Anliegen");
    }
    if !complete {
        return None;
    }
    Some(Layout {
        reference: column(Column::Reference)?,
        slot: slot?,
        service: column(Column::Service)?,
        language: column(Column::Language),
        status: column(Column::Status),
        headers,
    })
}

/// One row's appointment, or `None` with its problems (all of them, not only the first).
fn read_row(
    row: &StringRecord,
    line: u32,
    layout: &Layout,
    time_zone: &TimeZone,
    problems: &mut Problems,
) -> Option<FileAppointment> {
    let cell = |index: usize| &row[index];
    let header = |index: usize| layout.headers[index].as_str();
    let reference = problems.check(line, header(layout.reference), fields::reference(cell(layout.reference)));
    let slot = match layout.slot {
        Slot::DateAndTime { date: date_at, time: time_at } => {
            let date = problems.check(line, header(date_at), when::parse_date(cell(date_at)));
            let time = problems.check(line, header(time_at), when::parse_time(cell(time_at)));
            let local = date.zip(time).map(|(date, time)| when::zoned(date.to_datetime(time), time_zone));
            local.and_then(|slot| problems.check(line, header(time_at), slot))
        }
        Slot::Start(start) => problems.check(line, header(start), when::parse_start(cell(start), time_zone)),
    };
    let service = problems.check(line, header(layout.service), fields::service(cell(layout.service)));
    let language =
        layout.language.map_or(Some(None), |index| problems.check(line, header(index), fields::language(cell(index))));
    let cancelled =
        layout.status.map_or(Some(false), |index| problems.check(line, header(index), fields::cancelled(cell(index))));
    let ((reference, reference_key), slot, service, language, cancelled) =
        (reference?, slot?, service?, language?, cancelled?);
    let fields = SourceFields {
        reference: header(layout.reference).to_owned(),
        service: header(layout.service).to_owned(),
        language: layout.language.filter(|_| language.is_some()).map(|index| header(index).to_owned()),
    };
    Some(FileAppointment { line, reference, reference_key, slot, service, language, cancelled, fields })
}

fn wrong_length(found: usize, expected: usize, delimiter: u8) -> String {
    let delimiter = match delimiter {
        b'\t' => "tab".to_owned(),
        other => format!("\"{}\"", char::from(other)),
    };
    if found > expected {
        format!(
            "this row has {found} values but the header row names {expected} columns: \
             is a value with a {delimiter} in it not in quotes?"
        )
    } else {
        format!("this row has {found} values but the header row names {expected} columns: is a {delimiter} missing?")
    }
}

/// Line numbers for the csv crate's byte positions. Its own line count starts a record where
/// the previous one ended: before a CRLF's LF and before blank lines, one or more lines too
/// early.
struct Lines<'a> {
    text: &'a str,
    /// Where each `\n` is.
    breaks: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, breaks: text.match_indices('\n').map(|(at, _)| at).collect() }
    }

    /// The line where the first value of what starts at `byte` is.
    fn at(&self, byte: u64) -> u32 {
        let byte = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        let skipped = self.text.as_bytes()[byte..].iter().take_while(|&&byte| matches!(byte, b'\r' | b'\n')).count();
        u32::try_from(1 + self.breaks.partition_point(|&at| at < byte + skipped)).unwrap_or(u32::MAX)
    }

    fn of(&self, record: &StringRecord) -> u32 {
        record.position().map_or(1, |position| self.at(position.byte()))
    }

    fn of_error(&self, error: &::csv::Error) -> u32 {
        error.position().map_or(1, |position| self.at(position.byte()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::appointment_files::test_support::{Found, read_with};

    fn read_csv(text: &str) -> Result<Vec<FileAppointment>, Found> {
        read_with(read, text)
    }

    /// (line, reference, slot, service, language, cancelled)
    fn rows(text: &str) -> Vec<(u32, String, String, String, Option<String>, bool)> {
        read_csv(text)
            .unwrap()
            .into_iter()
            .map(|a| (a.line, a.reference, a.slot.to_string(), a.service, a.language, a.cancelled))
            .collect()
    }

    fn slot(local: &str) -> String {
        format!("{local}[Europe/Berlin]")
    }

    #[test]
    fn a_comma_file_with_english_headers_is_read() {
        let text = "reference,date,time,service,language,status\n\
                    B-1234,2026-12-07,10:30,\"Einbürgerung, Beratung\",ar,confirmed\n\
                    B-1235,2026-12-07,9:05,Pass,,\n";

        assert_eq!(
            rows(text),
            [
                (
                    2,
                    "B-1234".into(),
                    slot("2026-12-07T10:30:00+01:00"),
                    "Einbürgerung, Beratung".into(),
                    Some("ar".into()),
                    false
                ),
                (3, "B-1235".into(), slot("2026-12-07T09:05:00+01:00"), "Pass".into(), None, false),
            ]
        );
    }

    #[test]
    fn a_semicolon_file_with_german_headers_and_dates_is_read() {
        let text = "Vorgangsnummer;Datum;Uhrzeit;Anliegen;Sprache;Status\r\n\
                    4711-0815;08.12.2026;14:00:00;Aufenthaltstitel, Verlängerung;uk;gebucht\r\n\
                    4711-0816;8.12.2026;14:30;Niederlassungserlaubnis;;abgesagt\r\n";

        assert_eq!(
            rows(text),
            [
                (
                    2,
                    "4711-0815".into(),
                    slot("2026-12-08T14:00:00+01:00"),
                    "Aufenthaltstitel, Verlängerung".into(),
                    Some("uk".into()),
                    false
                ),
                (
                    3,
                    "4711-0816".into(),
                    slot("2026-12-08T14:30:00+01:00"),
                    "Niederlassungserlaubnis".into(),
                    None,
                    true
                ),
            ]
        );
    }

    #[test]
    fn a_tab_separated_file_is_read() {
        let text = "Buchungsnummer\tDatum\tBeginn\tLeistung\nT 1001\t2026-12-09\t08:00\tPass; Ausweis\n";

        assert_eq!(
            rows(text),
            [(2, "T 1001".into(), slot("2026-12-09T08:00:00+01:00"), "Pass; Ausweis".into(), None, false)]
        );
    }

    #[test]
    fn excels_sep_line_names_the_delimiter_and_lines_still_count_from_the_top() {
        let text = "sep=,\r\nNummer,Datum,Zeit,Dienstleistung,Notiz\r\nB-1234,07.12.2026,10:30,Pass,\"a;b;c\"\r\n";

        assert_eq!(rows(text), [(3, "B-1234".into(), slot("2026-12-07T10:30:00+01:00"), "Pass".into(), None, false)]);
    }

    #[test]
    fn header_names_ignore_case_spaces_and_punctuation() {
        let text = "TERMIN-NR.;  datum ;UHRZEIT;Dienst_leistung;SPRACHE\nB-1234;07.12.2026;10:30;Pass;FA-af\n";

        assert_eq!(
            rows(text),
            [(2, "B-1234".into(), slot("2026-12-07T10:30:00+01:00"), "Pass".into(), Some("fa-AF".into()), false)]
        );
    }

    #[test]
    fn one_start_column_holds_date_and_time() {
        let text = "ref;slot;concern\n\
                    B-1;2026-12-07T10:30;Pass\n\
                    B-2;2026-12-07 10:45;Pass\n\
                    B-3;07.12.2026 11:00;Pass\n\
                    B-4;2026-12-07T10:15:00Z;Pass\n";
        let text = text.replace("B-", "B-100");

        let slots: Vec<String> = rows(&text).into_iter().map(|row| row.2).collect();

        assert_eq!(
            slots,
            [
                slot("2026-12-07T10:30:00+01:00"),
                slot("2026-12-07T10:45:00+01:00"),
                slot("2026-12-07T11:00:00+01:00"),
                slot("2026-12-07T11:15:00+01:00")
            ]
        );
    }

    #[test]
    fn a_start_column_next_to_a_date_column_is_the_time() {
        let text = "Terminnummer;Datum;Start;Ende;Dienstleistung\nB-1234;07.12.2026;10:30;11:00;Pass\n";

        assert_eq!(rows(text)[0].2, slot("2026-12-07T10:30:00+01:00"));
    }

    #[test]
    fn personal_columns_are_skipped_and_kept_nowhere() {
        let text = "Nachname;Vorname;E-Mail;Telefon;Terminnummer;Datum;Uhrzeit;Dienstleistung;Bemerkung\n\
                    Mustermann;Max;max@example.org;0170 5550000;B-1234;07.12.2026;10:30;Pass;bringt Dolmetscher mit\n";

        let read = read_csv(text).unwrap();

        assert_eq!(read.len(), 1);
        let kept = format!("{read:?}");
        for personal in ["Mustermann", "Max", "example.org", "0170", "Dolmetscher"] {
            assert!(!kept.contains(personal), "{personal} was kept: {kept}");
        }
    }

    #[test]
    fn a_time_in_the_spring_gap_is_an_hour_later_and_one_in_the_autumn_fold_the_first() {
        let text = "reference;date;time;service\nB-1001;29.03.2026;02:30;Pass\nB-1002;25.10.2026;02:30;Pass\n";

        let slots: Vec<String> = rows(text).into_iter().map(|row| row.2).collect();

        assert_eq!(slots, [slot("2026-03-29T03:30:00+02:00"), slot("2026-10-25T02:30:00+02:00")]);
    }

    #[test]
    fn empty_rows_and_blank_lines_are_skipped_and_quoted_line_breaks_counted() {
        let text = "reference;date;time;service\n;;;\n\nB-1234;07.12.2026;10:30;\"Pass\nund Ausweis\"\nB-1235;07.12.2026;10:45;Pass\n;;;\n";

        let lines: Vec<(u32, String)> = rows(text).into_iter().map(|row| (row.0, row.3)).collect();

        assert_eq!(lines, [(4, "Pass\nund Ausweis".into()), (6, "Pass".into())]);
    }

    #[test]
    fn missing_columns_are_named_with_the_headers_found() {
        assert_eq!(
            read_csv("Name;Datum;Uhrzeit;Anliegen\nMax;07.12.2026;10:30;Pass\n").unwrap_err(),
            [(
                1,
                Some("reference".into()),
                "no column gives the booking reference: name it reference, Terminnummer, Vorgangsnummer or Buchungsnummer \
                 (the header row has: \"Name\", \"Datum\", \"Uhrzeit\", \"Anliegen\")"
                    .into()
            )]
        );
        let found = read_csv("reference,date,notes\nB-1234,2026-12-07,x\n").unwrap_err();
        let fields: Vec<Option<&str>> = found.iter().map(|problem| problem.1.as_deref()).collect();
        assert_eq!(fields, [Some("time"), Some("service")]);
        assert!(found[0].2.starts_with("there is a date column but no time column"), "{}", found[0].2);
        let found = read_csv("reference,service\nB-1234,Pass\n").unwrap_err();
        assert!(found[0].2.starts_with("no columns give the appointment's time"), "{}", found[0].2);
        let found = read_csv("reference,time,service\nB-1234,10:30,Pass\n").unwrap_err();
        assert!(found[0].2.starts_with("there is a time column but no date column"), "{}", found[0].2);
    }

    #[test]
    fn a_file_without_a_header_row_is_told_to_have_one() {
        assert_eq!(
            read_csv("B-1234;07.12.2026;10:30;Pass\n").unwrap_err(),
            [(
                1,
                None,
                "the first line must name the columns, e.g. reference;date;time;service \
                 (or Terminnummer;Datum;Uhrzeit;Dienstleistung); this one has: \"B-1234\", \"07.12.2026\", \"10:30\", \"Pass\""
                    .into()
            )]
        );
    }

    #[test]
    fn a_column_named_twice_is_refused() {
        assert_eq!(
            read_csv("Nummer;Datum;Uhrzeit;Dienstleistung;Terminnummer\nB-1;07.12.2026;10:30;Pass;B-1\n").unwrap_err(),
            [(
                1,
                Some("reference".into()),
                "two columns give the reference: \"Nummer\" (column 1) and \"Terminnummer\" (column 5); remove or rename one"
                    .into()
            )]
        );
    }

    #[test]
    fn a_header_row_alone_lists_no_appointments() {
        assert_eq!(
            read_csv("reference;date;time;service\r\n;;;\r\n").unwrap_err(),
            [(1, None, "the file has a header row but lists no appointments".into())]
        );
    }

    #[test]
    fn rows_of_the_wrong_length_are_reported_with_their_line() {
        let text =
            "reference;date;time;service\nB-1234;07.12.2026;10:30;Einbürgerung; Beratung\nB-1235;07.12.2026;10:30\n";

        assert_eq!(
            read_csv(text).unwrap_err(),
            [
                (2, None, "this row has 5 values but the header row names 4 columns: is a value with a \";\" in it not in quotes?".into()),
                (3, None, "this row has 3 values but the header row names 4 columns: is a \";\" missing?".into()),
            ]
        );
    }

    #[test]
    fn every_problem_of_every_row_is_reported() {
        let text = "reference,date,time,service,language,status\n\
                    B1,2026-12-32,10:30,Pass,Deutsch,verschoben\n\
                    B-1235,2026-12-07,10.30,,de,\n\
                    ,07.12.26,10:30,Pass,,\n";

        let found: Vec<(u32, Option<String>)> = read_csv(text).unwrap_err().into_iter().map(|p| (p.0, p.1)).collect();

        let at = |line: u32, field: &str| (line, Some(field.to_owned()));
        assert_eq!(
            found,
            [
                at(2, "reference"),
                at(2, "date"),
                at(2, "language"),
                at(2, "status"),
                at(3, "time"),
                at(3, "service"),
                at(4, "reference"),
                at(4, "date")
            ]
        );
    }

    #[test]
    fn problems_name_the_column_as_the_file_does() {
        let text = "Terminnummer;Datum;Uhrzeit;Dienstleistung\nB-1234;07.12.2026;25:00;Pass\n";

        assert_eq!(
            read_csv(text).unwrap_err(),
            [(
                2,
                Some("Uhrzeit".into()),
                "\"25:00\" is not a time of day: hours go from 0 to 23, minutes and seconds to 59".into()
            )]
        );
    }
}
