//! Reading an appointment import file: a day's or a week's bookings as a booking system
//! exports them, as CSV or iCalendar (detected from the content). Pure: bytes in, the
//! appointments or every problem out; storing them is the import route's job. The formats are
//! documented for offices in `docs/appointments.md` ("Import files").
//!
//! A file with any problem is refused whole, so every problem is collected (with its line and
//! column or property), not only the first: an administrator fixes the file once.
//!
//! Privacy: booking exports carry names, e-mail addresses and phone numbers next to the
//! booking. Only the columns and properties named here are ever read; everything else is
//! skipped while reading and never copied into what this module returns.

mod csv;
mod fields;
mod ics;
mod problems;
#[cfg(test)]
mod test_support;
mod text;
mod when;

use std::collections::{BTreeSet, HashMap};

use jiff::ZonedDateTime;
use jiff::tz::TimeZone;
use willkommen_api::ImportProblem;

pub use when::parse_start;

use problems::Problems;

/// One appointment as a file lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct FileAppointment {
    /// The line (1 is the first) where its row or its `BEGIN:VEVENT` is.
    pub line: u32,
    /// The booking reference as the file writes it, trimmed (e.g. `B-1234`).
    pub reference: String,
    /// The reference as compared: [`willkommen_api::normalize_reference`] of `reference`.
    pub reference_key: String,
    /// The booked time, in the office's time zone.
    pub slot: ZonedDateTime,
    /// The booking system's name for the service (or a concern id), trimmed, as written:
    /// mapping it to a concern is the server's job.
    pub service: String,
    /// A BCP 47 language tag in its usual case (`de`, `fa-AF`, `de-x-ls`), when the file
    /// gives one. Only its syntax is checked here, not whether the office offers it.
    pub language: Option<String>,
    pub cancelled: bool,
    /// Where in the file its values are.
    pub fields: SourceFields,
}

/// The columns (CSV, as the header row names them) or properties (iCalendar) an
/// appointment's values came from, so that a problem the server finds with a value (a service
/// nobody mapped, a language the office does not offer) names the same place in the file as
/// the problems found while reading it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFields {
    /// E.g. `Terminnummer`, `UID`.
    pub reference: String,
    /// E.g. `Dienstleistung`, `CATEGORIES`.
    pub service: String,
    /// E.g. `Sprache`, `X-WILLKOMMEN-LANGUAGE`; `None` when the file gives no language.
    pub language: Option<String>,
}

/// What an import file lists.
#[derive(Clone, Debug, PartialEq)]
pub struct AppointmentFile {
    pub format: FileFormat,
    /// In file order.
    pub appointments: Vec<FileAppointment>,
    /// The day (`YYYY-MM-DD`, office time) of every listed appointment, cancelled ones
    /// included: the days this file speaks for.
    pub days: BTreeSet<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    ICalendar,
}

impl FileFormat {
    /// For logs and the audit trail.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::ICalendar => "icalendar",
        }
    }
}

/// The appointments in an import file, with local times read in `time_zone` (the office's),
/// or every problem the file has, in line order (at most 200: the last then says how many
/// more there are).
pub fn read_appointment_file(bytes: &[u8], time_zone: &TimeZone) -> Result<AppointmentFile, Vec<ImportProblem>> {
    let text = text::decode(bytes).map_err(|problem| vec![problem])?;
    let mut problems = Problems::default();
    let (format, appointments) = if ics::is_icalendar(&text) {
        (FileFormat::ICalendar, ics::read(&text, time_zone, &mut problems))
    } else {
        (FileFormat::Csv, csv::read(&text, time_zone, &mut problems))
    };
    check_each_reference_once_a_day(&appointments, &mut problems);
    problems.into_result()?;
    let days = appointments.iter().map(|appointment| appointment.slot.date().to_string()).collect();
    Ok(AppointmentFile { format, appointments, days })
}

/// A reference names one appointment a day (as ZMS's numbers do), so a second one on the same
/// day is a mistake in the file, or two references that only differ in what normalising
/// forgives (`O` and `0`): either way the file cannot say which one it means.
fn check_each_reference_once_a_day(appointments: &[FileAppointment], problems: &mut Problems) {
    let mut first: HashMap<(&str, jiff::civil::Date), &FileAppointment> = HashMap::new();
    for appointment in appointments {
        let day = appointment.slot.date();
        let Some(earlier) = first.get(&(appointment.reference_key.as_str(), day)) else {
            first.insert((&appointment.reference_key, day), appointment);
            continue;
        };
        let message = if earlier.reference == appointment.reference {
            format!("{:?} is listed twice on {day}: also on line {}", appointment.reference, earlier.line)
        } else {
            format!(
                "{:?} is the same reference as {:?} on line {} (on {day}): case, spaces and dashes do not count, \
                 and O is read as 0, I and L as 1",
                appointment.reference, earlier.reference, earlier.line
            )
        };
        problems.add(appointment.line, Some(&appointment.fields.reference), message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin() -> TimeZone {
        TimeZone::get("Europe/Berlin").unwrap()
    }

    fn problems(bytes: &[u8]) -> Vec<(u32, Option<String>, String)> {
        read_appointment_file(bytes, &berlin())
            .unwrap_err()
            .into_iter()
            .map(|problem| (problem.line, problem.field, problem.message))
            .collect()
    }

    /// What a user checks in an import: reference, slot in office time, service, language,
    /// cancelled.
    fn summary(file: &AppointmentFile) -> Vec<(String, String, String, Option<String>, bool)> {
        file.appointments
            .iter()
            .map(|a| (a.reference.clone(), a.slot.to_string(), a.service.clone(), a.language.clone(), a.cancelled))
            .collect()
    }

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/appointments");

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!("{FIXTURES}/{name}")).unwrap()
    }

    #[test]
    fn the_example_week_reads_the_same_from_csv_excel_csv_and_icalendar() {
        let csv = read_appointment_file(&fixture("week.csv"), &berlin()).unwrap();
        let excel = read_appointment_file(&fixture("week-semicolon-cp1252.csv"), &berlin()).unwrap();
        let ics = read_appointment_file(&fixture("week.ics"), &berlin()).unwrap();

        assert_eq!((csv.format, excel.format, ics.format), (FileFormat::Csv, FileFormat::Csv, FileFormat::ICalendar));
        let week: BTreeSet<String> =
            ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"].map(String::from).into();
        assert_eq!(csv.days, week);
        assert_eq!(summary(&csv), summary(&excel));
        assert_eq!(summary(&csv), summary(&ics));
        assert_eq!(
            summary(&csv)[..3],
            [
                (
                    "B-1001".into(),
                    "2026-12-07T08:30:00+01:00[Europe/Berlin]".into(),
                    "Aufenthaltstitel – Verlängerung".into(),
                    Some("ar".into()),
                    false
                ),
                (
                    "B-1002".into(),
                    "2026-12-07T09:00:00+01:00[Europe/Berlin]".into(),
                    "Niederlassungserlaubnis".into(),
                    None,
                    false
                ),
                (
                    "B-1003".into(),
                    "2026-12-07T10:30:00+01:00[Europe/Berlin]".into(),
                    "Einbürgerung, Beratung".into(),
                    Some("uk".into()),
                    true
                ),
            ]
        );
    }

    #[test]
    fn the_examples_in_the_documentation_read_as_it_says() {
        let docs = include_str!("../../../docs/appointments.md");
        let blocks = |language: &str| -> Vec<String> {
            let fence = format!("```{language}\n");
            docs.split(fence.as_str()).skip(1).map(|rest| rest.split("```").next().unwrap().to_owned()).collect()
        };
        let (csv, ics) = (blocks("csv"), blocks("ics"));
        assert_eq!((csv.len(), ics.len()), (2, 1));

        let read = |text: &str| read_appointment_file(text.as_bytes(), &berlin()).unwrap();
        let german = read(&csv[0]);
        let least = read(&csv[1]);
        let calendar = read(&ics[0]);

        assert_eq!(summary(&german), summary(&read_appointment_file(&fixture("week.csv"), &berlin()).unwrap())[..3]);
        assert_eq!(
            summary(&least)[..],
            summary(&german)[..2]
                .iter()
                .cloned()
                .map(|(reference, slot, service, _, _)| (reference, slot, service, None, false))
                .collect::<Vec<_>>()
        );
        assert_eq!(summary(&calendar), [summary(&german)[0].clone(), summary(&german)[2].clone()]);
    }

    #[test]
    fn the_example_with_problems_reports_each_on_its_line() {
        let found = problems(&fixture("with-problems.csv"));

        let at = |line: u32, field: Option<&str>, message: &str| (line, field.map(String::from), message.to_owned());
        assert_eq!(
            found,
            [
                at(
                    3,
                    Some("Terminnummer"),
                    "\"B#2002\" is not a reference: it has '#', and a reference has only letters A to Z, digits, spaces, dashes, dots, slashes and underscores"
                ),
                at(4, Some("Datum"), "\"31.11.2026\" is not a date: November 2026 has 30 days"),
                at(
                    5,
                    Some("Uhrzeit"),
                    "\"25:00\" is not a time of day: hours go from 0 to 23, minutes and seconds to 59"
                ),
                at(
                    6,
                    None,
                    "this row has 8 values but the header row names 7 columns: is a value with a \";\" in it not in quotes?"
                ),
                at(
                    7,
                    Some("Status"),
                    "\"verschoben\" is not a status this import knows: cancelled, canceled, storniert or abgesagt mean cancelled; confirmed, booked, bestätigt, gebucht or nothing mean booked"
                ),
                at(8, Some("Sprache"), "\"Arabisch\" is not a language tag: write e.g. de, ar, fa-AF or de-x-ls"),
                at(9, Some("Dienstleistung"), "the service is empty"),
                at(10, Some("Terminnummer"), "\"B-2001\" is listed twice on 2026-12-07: also on line 2"),
            ]
        );
    }

    #[test]
    fn each_appointment_knows_its_line() {
        let csv = read_appointment_file(&fixture("week-semicolon-cp1252.csv"), &berlin()).unwrap();
        let ics = read_appointment_file(&fixture("week.ics"), &berlin()).unwrap();

        let lines = |file: &AppointmentFile| file.appointments.iter().map(|a| a.line).collect::<Vec<_>>();
        assert_eq!(lines(&csv), (2..=13).collect::<Vec<_>>());
        assert_eq!(lines(&ics)[..3], [24, 44, 55]);
    }

    #[test]
    fn each_appointment_knows_where_its_values_are_for_the_servers_own_problems() {
        let csv = read_appointment_file(&fixture("week-semicolon-cp1252.csv"), &berlin()).unwrap();
        let ics = read_appointment_file(&fixture("week.ics"), &berlin()).unwrap();

        let fields = |reference: &str, service: &str, language: Option<&str>| SourceFields {
            reference: reference.into(),
            service: service.into(),
            language: language.map(String::from),
        };
        assert_eq!(csv.appointments[0].fields, fields("Terminnummer", "Dienstleistung", Some("Sprache")));
        assert_eq!(csv.appointments[1].fields, fields("Terminnummer", "Dienstleistung", None));
        let ics_fields: Vec<&SourceFields> = ics.appointments.iter().map(|a| &a.fields).take(5).collect();
        assert_eq!(
            ics_fields,
            [
                &fields("UID", "X-WILLKOMMEN-SERVICE", Some("X-WILLKOMMEN-LANGUAGE")),
                &fields("UID", "CATEGORIES", None),
                &fields("UID", "CATEGORIES", Some("X-WILLKOMMEN-LANGUAGE")),
                &fields("UID", "SUMMARY", Some("X-WILLKOMMEN-LANGUAGE")),
                &fields("X-BOOKING-REFERENCE", "X-WILLKOMMEN-SERVICE", Some("X-WILLKOMMEN-LANGUAGE")),
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_header() {
        let file = "\u{feff}Terminnummer;Datum;Uhrzeit;Dienstleistung\r\nB-1234;07.12.2026;10:30;Einbürgerung\r\n";

        let read = read_appointment_file(file.as_bytes(), &berlin()).unwrap();

        assert_eq!(
            (read.appointments[0].reference.as_str(), read.appointments[0].service.as_str()),
            ("B-1234", "Einbürgerung")
        );
    }

    #[test]
    fn windows_1252_umlauts_in_service_names_are_read() {
        let file = b"Terminnummer;Datum;Uhrzeit;Dienstleistung;Status\r\n\
                     B-1234;07.12.2026;10:30;Aufenthaltserlaubnis \x96 \xdcbertragung f\xfcr Sch\xfcler;best\xe4tigt\r\n";

        let read = read_appointment_file(file, &berlin()).unwrap();

        assert_eq!(read.appointments[0].service, "Aufenthaltserlaubnis – Übertragung für Schüler");
        assert!(!read.appointments[0].cancelled);
    }

    #[test]
    fn the_format_is_told_by_the_content() {
        let ics = "\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:B-1234@x\r\nDTSTART:20261207T103000\r\nSUMMARY:Pass\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let csv = "reference,start,service\nB-1234,2026-12-07 10:30,Pass\n";

        let (ics, csv) = (
            read_appointment_file(ics.as_bytes(), &berlin()).unwrap(),
            read_appointment_file(csv.as_bytes(), &berlin()).unwrap(),
        );

        assert_eq!((ics.format, csv.format), (FileFormat::ICalendar, FileFormat::Csv));
        assert_eq!(ics.appointments[0].slot, csv.appointments[0].slot);
    }

    #[test]
    fn a_file_with_a_problem_on_every_line_lists_the_first_two_hundred() {
        let mut file = String::from("reference;date;time;service\n");
        for row in 0..500 {
            file.push_str(&format!("B-{row:04};07.12.2026;26:00;Pass\n"));
        }

        let found = problems(file.as_bytes());

        assert_eq!(found.len(), 200);
        assert_eq!(found[198].0, 200);
        assert_eq!(
            found[199],
            (
                201,
                None,
                "301 more problems from this line on are not listed: fix the ones above and import again".into()
            )
        );
    }

    #[test]
    fn an_empty_or_unreadable_file_is_refused_on_line_one() {
        assert_eq!(problems(b""), [(1, None, "the file is empty".into())]);
        assert_eq!(problems(b"PK\x03\x04")[0].0, 1);
    }

    #[test]
    fn a_reference_twice_on_one_day_is_refused_on_the_later_line() {
        let file = "reference,date,time,service\n\
                    B-1234,2026-12-07,09:00,Pass\n\
                    B-1234,2026-12-08,09:00,Pass\n\
                    b 1234,2026-12-07,11:00,Pass\n\
                    B-O123,2026-12-07,11:00,Pass\n\
                    B-0123,2026-12-07,12:00,Pass\n";

        assert_eq!(
            problems(file.as_bytes()),
            [
                (4, Some("reference".into()), "\"b 1234\" is the same reference as \"B-1234\" on line 2 (on 2026-12-07): case, spaces and dashes do not count, and O is read as 0, I and L as 1".into()),
                (6, Some("reference".into()), "\"B-0123\" is the same reference as \"B-O123\" on line 5 (on 2026-12-07): case, spaces and dashes do not count, and O is read as 0, I and L as 1".into()),
            ]
        );
    }

    #[test]
    fn a_day_is_the_office_day_of_the_slot() {
        // 23:30 UTC on the 7th is already the 8th in Berlin.
        let file = "reference;start;service\nB-1234;2026-12-07T23:30:00Z;Pass\n";

        let read = read_appointment_file(file.as_bytes(), &berlin()).unwrap();

        assert_eq!(read.days, BTreeSet::from(["2026-12-08".to_string()]));
        assert_eq!(read.appointments[0].slot.to_string(), "2026-12-08T00:30:00+01:00[Europe/Berlin]");
    }

    #[test]
    fn cancelled_appointments_count_for_their_day() {
        let file = "reference,date,time,service,status\nB-1234,2026-12-09,09:00,Pass,storniert\n";

        let read = read_appointment_file(file.as_bytes(), &berlin()).unwrap();

        assert!(read.appointments[0].cancelled);
        assert_eq!(read.days, BTreeSet::from(["2026-12-09".to_string()]));
    }
}
