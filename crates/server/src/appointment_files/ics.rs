//! iCalendar import files (RFC 5545), as booking systems export a day's or week's bookings:
//! one appointment per `VEVENT` of a `VCALENDAR`.
//!
//! Read: the reference (`X-WILLKOMMEN-REFERENCE`, `X-BOOKING-REFERENCE`, else the `UID`'s part
//! before `@`), `DTSTART`, the service (`X-WILLKOMMEN-SERVICE`, else the first `CATEGORIES`,
//! else `SUMMARY`), `X-WILLKOMMEN-LANGUAGE`, `STATUS`, and the calendar's `METHOD:CANCEL`.
//! `VTIMEZONE` blocks are skipped: jiff's time zone database knows the zones a `TZID` names.
//!
//! Privacy: `ATTENDEE`, `ORGANIZER`, `CONTACT`, `DESCRIPTION`, `LOCATION` and everything else
//! (names, e-mail addresses, notes) are never read or kept, nor anything inside `VALARM`.

mod content_lines;

use jiff::ZonedDateTime;
use jiff::tz::TimeZone;

use super::problems::Problems;
use super::{FileAppointment, SourceFields, fields, when};
use content_lines::{ContentLine, content_lines};

/// Whether `text` is an iCalendar file rather than CSV.
pub fn is_icalendar(text: &str) -> bool {
    text.trim_start().get(..15).is_some_and(|start| start.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
}

/// The properties of a `VEVENT` this import reads, each given at most once.
const SINGLE: [&str; 8] = [
    "UID",
    "DTSTART",
    "SUMMARY",
    "STATUS",
    "X-WILLKOMMEN-REFERENCE",
    "X-BOOKING-REFERENCE",
    "X-WILLKOMMEN-SERVICE",
    "X-WILLKOMMEN-LANGUAGE",
];

/// The appointments in an iCalendar file; their problems go to `problems`.
pub fn read(text: &str, time_zone: &TimeZone, problems: &mut Problems) -> Vec<FileAppointment> {
    let mut reader = Reader {
        time_zone,
        problems,
        open: Vec::new(),
        cancels: false,
        event: None,
        events: Vec::new(),
        listed: Vec::new(),
        any_event: false,
    };
    for line in content_lines(text) {
        match line {
            Ok(line) => reader.line(line),
            Err((line, message)) => reader.problems.add(line, None, message),
        }
    }
    if let Some((component, begun)) = reader.open.last() {
        let message =
            format!("BEGIN:{component} on line {begun} is never closed by END:{component}: is the file cut off?");
        reader.problems.add(*begun, None, message);
        // What was read is still checked, so that every problem shows at once.
        while !reader.open.is_empty() {
            reader.close();
        }
    }
    if !reader.any_event {
        reader.problems.add(1, None, "the calendar has no VEVENT: it lists no appointments");
    }
    reader.listed
}

/// A `VEVENT` as read: its direct properties (not those of a `VALARM` in it).
struct Event {
    begun: u32,
    properties: Vec<ContentLine>,
}

struct Reader<'a> {
    time_zone: &'a TimeZone,
    problems: &'a mut Problems,
    /// The components begun and not yet ended, with their `BEGIN` line.
    open: Vec<(String, u32)>,
    /// The calendar being read says `METHOD:CANCEL`.
    cancels: bool,
    event: Option<Event>,
    /// The events of the calendar being read (its `METHOD` may come after them).
    events: Vec<Event>,
    listed: Vec<FileAppointment>,
    any_event: bool,
}

impl Reader<'_> {
    fn line(&mut self, line: ContentLine) {
        match line.name.as_str() {
            "BEGIN" => self.begin(&line),
            "END" => self.end(&line),
            _ => match (self.open.len(), self.open.last().map(|(component, _)| component.as_str())) {
                (0, _) => self.problems.add(
                    line.line,
                    Some(&line.name),
                    "this property is outside BEGIN:VCALENDAR and END:VCALENDAR",
                ),
                (1, _) if line.name == "METHOD" => self.cancels = line.value.trim().eq_ignore_ascii_case("CANCEL"),
                (2, Some("VEVENT")) => {
                    if let Some(event) = self.event.as_mut() {
                        event.properties.push(line);
                    }
                }
                // Calendar properties, VTIMEZONE, VALARM, VTODO...: nothing an appointment needs.
                _ => {}
            },
        }
    }

    fn begin(&mut self, line: &ContentLine) {
        let component = line.value.trim().to_ascii_uppercase();
        match (self.open.len(), component.as_str()) {
            (0, "VCALENDAR") => self.cancels = false,
            (0, _) => self.problems.add(
                line.line,
                None,
                format!("BEGIN:{component} is outside BEGIN:VCALENDAR and END:VCALENDAR"),
            ),
            (1, "VEVENT") => {
                self.event = Some(Event { begun: line.line, properties: Vec::new() });
                self.any_event = true;
            }
            _ => {}
        }
        self.open.push((component, line.line));
    }

    fn end(&mut self, line: &ContentLine) {
        let component = line.value.trim().to_ascii_uppercase();
        let Some(depth) = self.open.iter().rposition(|(open, _)| *open == component) else {
            self.problems.add(line.line, None, format!("END:{component} has no BEGIN:{component} before it"));
            return;
        };
        if let Some((unclosed, begun)) = self.open.get(depth + 1) {
            let message = format!("END:{component} comes before END:{unclosed} for BEGIN:{unclosed} on line {begun}");
            self.problems.add(line.line, None, message);
        }
        while self.open.len() > depth {
            self.close();
        }
    }

    /// Ends the innermost open component: an event joins its calendar's, a calendar's
    /// events become appointments.
    fn close(&mut self) {
        let Some((component, _)) = self.open.pop() else { return };
        match (self.open.len(), component.as_str()) {
            (1, "VEVENT") => self.events.extend(self.event.take()),
            (0, "VCALENDAR") => {
                for event in std::mem::take(&mut self.events) {
                    let appointment = appointment(&event, self.cancels, self.time_zone, self.problems);
                    self.listed.extend(appointment);
                }
            }
            _ => {}
        }
    }
}

/// The appointment an event describes, or `None` with its problems (all of them).
fn appointment(event: &Event, cancels: bool, time_zone: &TimeZone, problems: &mut Problems) -> Option<FileAppointment> {
    let first = |name: &str| event.properties.iter().find(|property| property.name == name);
    for name in SINGLE {
        let mut given = event.properties.iter().filter(|property| property.name == name);
        if let (Some(first), Some(again)) = (given.next(), given.next()) {
            problems.add(
                again.line,
                Some(name),
                format!("{name} is given twice in this VEVENT (also on line {})", first.line),
            );
        }
    }
    for name in ["RRULE", "RDATE"] {
        if let Some(repeats) = first(name) {
            problems.add(
                repeats.line,
                Some(name),
                "a repeating event is not one appointment: export each appointment as its own VEVENT",
            );
        }
    }
    let reference_property =
        first("X-WILLKOMMEN-REFERENCE").or_else(|| first("X-BOOKING-REFERENCE")).or_else(|| first("UID"));
    let reference = reference_property.and_then(|property| {
        let text = property.text();
        if property.name != "UID" {
            return problems.check(property.line, &property.name, fields::reference(&text));
        }
        let before_at = text.split('@').next().unwrap_or_default();
        problems.check(
            property.line,
            &property.name,
            fields::reference(before_at)
                .map_err(|why| format!("the UID's part before \"@\" is the reference, but {why}")),
        )
    });
    let start = first("DTSTART");
    let slot = start.and_then(|start| problems.check(start.line, &start.name, start_time(start, time_zone)));
    let service_property = first("X-WILLKOMMEN-SERVICE").or_else(|| first("CATEGORIES")).or_else(|| first("SUMMARY"));
    let service = service_property.and_then(|property| {
        let name = if property.name == "CATEGORIES" { property.texts().swap_remove(0) } else { property.text() };
        problems.check(property.line, &property.name, fields::service(&name))
    });
    let language = first("X-WILLKOMMEN-LANGUAGE").map_or(Some(None), |property| {
        problems.check(property.line, &property.name, fields::language(&property.text()))
    });
    let cancelled = first("STATUS")
        .map_or(Some(false), |status| problems.check(status.line, &status.name, cancelled(&status.value)));

    if reference_property.is_none() {
        problems.add(
            event.begun,
            Some("UID"),
            "this VEVENT has no booking reference: give it X-WILLKOMMEN-REFERENCE, X-BOOKING-REFERENCE or a UID",
        );
    }
    if start.is_none() {
        problems.add(
            event.begun,
            Some("DTSTART"),
            "this VEVENT has no DTSTART: an appointment needs its date and time",
        );
    }
    if service_property.is_none() {
        problems.add(
            event.begun,
            Some("SUMMARY"),
            "this VEVENT names no service: give it X-WILLKOMMEN-SERVICE, CATEGORIES or SUMMARY",
        );
    }
    let ((reference, reference_key), slot, service, language, cancelled) =
        (reference?, slot?, service?, language?, cancelled?);
    let fields = SourceFields {
        reference: reference_property?.name.clone(),
        service: service_property?.name.clone(),
        language: language.as_ref().map(|_| "X-WILLKOMMEN-LANGUAGE".to_owned()),
    };
    Some(FileAppointment {
        line: event.begun,
        reference,
        reference_key,
        slot,
        service,
        language,
        cancelled: cancelled || cancels,
        fields,
    })
}

fn cancelled(status: &str) -> Result<bool, String> {
    match status.trim().to_ascii_uppercase().as_str() {
        "CANCELLED" => Ok(true),
        "CONFIRMED" | "TENTATIVE" => Ok(false),
        other => Err(format!("{other:?} is not an event's status: TENTATIVE, CONFIRMED or CANCELLED")),
    }
}

/// `DTSTART` in the office's time zone: a local time in its `TZID`, in UTC (`Z`), or floating
/// (no zone: the office's).
fn start_time(start: &ContentLine, time_zone: &TimeZone) -> Result<ZonedDateTime, String> {
    let value = start.value.trim();
    let all_day = || format!("{value:?} is a date without a time (an all-day event): an appointment needs its time");
    match start.param("VALUE").map(str::to_ascii_uppercase).as_deref() {
        None | Some("DATE-TIME") => {}
        Some("DATE") => return Err(all_day()),
        Some(other) => return Err(format!("VALUE={other} is not a date and time")),
    }
    if value.len() == 8 && when::digits(&value[..4]).is_some() && when::digits(&value[4..]).is_some() {
        return Err(all_day());
    }
    let (local, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(local) => (local, true),
        None => (value, false),
    };
    let expected =
        || format!("{value:?} is not an iCalendar date and time: write it 20261207T103000, in UTC 20261207T093000Z");
    let number = |range: std::ops::Range<usize>| local.get(range).and_then(when::digits).ok_or_else(expected);
    if local.len() != 15 || !local[8..9].eq_ignore_ascii_case("T") {
        return Err(expected());
    }
    let date = when::date_of(value, number(0..4)?, number(4..6)?, number(6..8)?)?;
    let time = when::time_of(value, number(9..11)?, number(11..13)?, number(13..15)?)?;
    let local = date.to_datetime(time);
    if utc {
        return Ok(when::zoned(local, &TimeZone::UTC)?.with_time_zone(time_zone.clone()));
    }
    match start.param("TZID") {
        Some(zone) => Ok(when::zoned(local, &named_zone(zone)?)?.with_time_zone(time_zone.clone())),
        None => when::zoned(local, time_zone),
    }
}

/// The zone a `TZID` names: an IANA name, also with a prefix as some calendar programs write
/// them (`/mozilla.org/20050126_1/Europe/Berlin`).
fn named_zone(tzid: &str) -> Result<TimeZone, String> {
    let tzid = tzid.trim();
    std::iter::once(tzid)
        .chain(tzid.match_indices('/').map(|(at, _)| &tzid[at + 1..]))
        .find_map(|name| TimeZone::get(name).ok())
        .ok_or_else(|| {
            format!("TZID={tzid:?} is not a time zone this server knows: use an IANA name such as Europe/Berlin")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::appointment_files::test_support::{Found, read_with};

    fn read_ics(text: &str) -> Result<Vec<FileAppointment>, Found> {
        read_with(read, text)
    }

    /// A calendar of these lines (CRLF, as RFC 5545 writes), with its `BEGIN` on line 1 and
    /// `VERSION` on line 2, so the first given line is line 3.
    fn calendar(lines: &[&str]) -> String {
        let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
        for line in lines {
            text.push_str(line);
            text.push_str("\r\n");
        }
        text + "END:VCALENDAR\r\n"
    }

    fn event(lines: &[&str]) -> Vec<String> {
        let mut all = vec!["BEGIN:VEVENT".to_owned()];
        all.extend(lines.iter().map(|line| line.to_string()));
        all.push("END:VEVENT".into());
        all
    }

    fn calendar_of_events(events: &[&[&str]]) -> String {
        let lines: Vec<String> = events.iter().flat_map(|lines| event(lines)).collect();
        calendar(&lines.iter().map(String::as_str).collect::<Vec<_>>())
    }

    fn slots(text: &str) -> Vec<String> {
        read_ics(text).unwrap().into_iter().map(|a| a.slot.to_string()).collect()
    }

    #[test]
    fn is_icalendar_looks_at_the_first_line() {
        assert!(is_icalendar("\r\n  begin:vcalendar\r\n"));
        assert!(!is_icalendar("reference;date\nBEGIN:VCALENDAR"));
        assert!(!is_icalendar("BEGIN:VCAL"));
    }

    #[test]
    fn start_times_with_tzid_in_utc_and_floating_are_the_offices() {
        let text = calendar_of_events(&[
            &["UID:B-1001@x", "DTSTART;TZID=Europe/Berlin:20261207T083000", "SUMMARY:Pass"],
            &["UID:B-1002@x", "DTSTART:20261207T080000Z", "SUMMARY:Pass"],
            &["UID:B-1003@x", "DTSTART:20261207T093000", "SUMMARY:Pass"],
            &["UID:B-1004@x", "DTSTART;TZID=Europe/London:20261207T093000", "SUMMARY:Pass"],
            &["UID:B-1005@x", "DTSTART;TZID=\"/mozilla.org/20050126_1/Europe/Berlin\":20261207T110000", "SUMMARY:Pass"],
        ]);

        assert_eq!(
            slots(&text),
            [
                "2026-12-07T08:30:00+01:00[Europe/Berlin]",
                "2026-12-07T09:00:00+01:00[Europe/Berlin]",
                "2026-12-07T09:30:00+01:00[Europe/Berlin]",
                "2026-12-07T10:30:00+01:00[Europe/Berlin]",
                "2026-12-07T11:00:00+01:00[Europe/Berlin]",
            ]
        );
    }

    #[test]
    fn a_tzid_time_in_the_spring_gap_is_an_hour_later() {
        let text =
            calendar_of_events(&[&["UID:B-1001@x", "DTSTART;TZID=Europe/Berlin:20260329T023000", "SUMMARY:Pass"]]);

        assert_eq!(slots(&text), ["2026-03-29T03:30:00+02:00[Europe/Berlin]"]);
    }

    #[test]
    fn the_reference_is_the_x_property_or_the_uid_before_its_at() {
        let text = calendar_of_events(&[
            &[
                "UID:8c1e@x",
                "X-WILLKOMMEN-REFERENCE:W-1001",
                "X-BOOKING-REFERENCE:B-9",
                "DTSTART:20261207T083000",
                "SUMMARY:Pass",
            ],
            &["UID:8c1e-2@x", "X-BOOKING-REFERENCE:B-1002", "DTSTART:20261207T090000", "SUMMARY:Pass"],
            &["UID:T-1003@termine.example.de", "DTSTART:20261207T093000", "SUMMARY:Pass"],
            &["UID:T-1004", "DTSTART:20261207T100000", "SUMMARY:Pass"],
        ]);

        let references: Vec<(String, String)> =
            read_ics(&text).unwrap().into_iter().map(|a| (a.reference, a.reference_key)).collect();

        assert_eq!(
            references,
            [
                ("W-1001".into(), "W1001".into()),
                ("B-1002".into(), "B1002".into()),
                ("T-1003".into(), "T1003".into()),
                ("T-1004".into(), "T1004".into())
            ]
        );
    }

    #[test]
    fn the_service_is_the_x_property_else_the_first_category_else_the_summary() {
        let text = calendar_of_events(&[
            &[
                "UID:B-1001@x",
                "DTSTART:20261207T083000",
                "SUMMARY:Termin",
                "CATEGORIES:Pass",
                "X-WILLKOMMEN-SERVICE:Blaue Karte EU",
            ],
            &[
                "UID:B-1002@x",
                "DTSTART:20261207T090000",
                "SUMMARY:Termin",
                "CATEGORIES:Einbürgerung\\, Beratung,Beratung",
            ],
            &["UID:B-1003@x", "DTSTART:20261207T093000", "SUMMARY:Aufenthaltstitel \\; Verlängerung"],
        ]);

        let services: Vec<String> = read_ics(&text).unwrap().into_iter().map(|a| a.service).collect();

        assert_eq!(services, ["Blaue Karte EU", "Einbürgerung, Beratung", "Aufenthaltstitel ; Verlängerung"]);
    }

    #[test]
    fn folded_lines_are_read_whole() {
        let text = calendar(&[
            "BEGIN:VEVENT",
            "UID:B-1001@termine.beispi",
            " elstadt.example",
            "DTSTART;TZID=Europe/Be",
            "\trlin:20261207T083000",
            "X-WILLKOMMEN-SERVICE:Aufenthaltstitel",
            "  – Verlängerung",
            "X-WILLKOMMEN-LANGUAGE:a",
            " r",
            "END:VEVENT",
        ]);

        let read = read_ics(&text).unwrap();

        assert_eq!(read[0].reference, "B-1001");
        assert_eq!(read[0].slot.to_string(), "2026-12-07T08:30:00+01:00[Europe/Berlin]");
        assert_eq!(read[0].service, "Aufenthaltstitel – Verlängerung");
        assert_eq!(read[0].language.as_deref(), Some("ar"));
        assert_eq!(read[0].line, 3);
    }

    #[test]
    fn status_cancelled_and_method_cancel_cancel() {
        let booked = calendar_of_events(&[
            &["UID:B-1001@x", "DTSTART:20261207T083000", "SUMMARY:Pass", "STATUS:CONFIRMED"],
            &["UID:B-1002@x", "DTSTART:20261207T090000", "SUMMARY:Pass", "STATUS:cancelled"],
            &["UID:B-1003@x", "DTSTART:20261207T093000", "SUMMARY:Pass", "STATUS:TENTATIVE"],
        ]);
        let cancelled: Vec<bool> = read_ics(&booked).unwrap().into_iter().map(|a| a.cancelled).collect();
        assert_eq!(cancelled, [false, true, false]);

        for method_line in ["METHOD:CANCEL", "method:Cancel"] {
            let cancelling = calendar(&[
                method_line,
                "BEGIN:VEVENT",
                "UID:B-1001@x",
                "DTSTART:20261207T083000",
                "SUMMARY:Pass",
                "END:VEVENT",
            ]);
            assert!(read_ics(&cancelling).unwrap()[0].cancelled, "{method_line}");
        }
        // METHOD may come after the events; it speaks for the whole calendar.
        let late = calendar(&[
            "BEGIN:VEVENT",
            "UID:B-1001@x",
            "DTSTART:20261207T083000",
            "SUMMARY:Pass",
            "END:VEVENT",
            "METHOD:CANCEL",
        ]);
        assert!(read_ics(&late).unwrap()[0].cancelled);
        let published = calendar(&[
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:B-1001@x",
            "DTSTART:20261207T083000",
            "SUMMARY:Pass",
            "END:VEVENT",
        ]);
        assert!(!read_ics(&published).unwrap()[0].cancelled);
    }

    #[test]
    fn timezones_alarms_and_people_are_not_read() {
        let text = calendar(&[
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Berlin",
            "BEGIN:STANDARD",
            "DTSTART:19701025T030000",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:B-1001@x",
            "DTSTART;TZID=Europe/Berlin:20261207T083000",
            "ORGANIZER;CN=Ausländerbehörde:mailto:abh@example.org",
            "ATTENDEE;CN=\"Mustermann, Max\":mailto:max@example.org",
            "DESCRIPTION:Max Mustermann\\, Tel. 0170 5550000",
            "CATEGORIES:Pass",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "SUMMARY:Erinnerung",
            "DTSTART:19990101T000000",
            "STATUS:nonsense",
            "END:VALARM",
            "END:VEVENT",
        ]);

        let read = read_ics(&text).unwrap();

        assert_eq!(read.len(), 1);
        assert_eq!(
            (read[0].service.as_str(), read[0].slot.to_string()),
            ("Pass", "2026-12-07T08:30:00+01:00[Europe/Berlin]".into())
        );
        let kept = format!("{read:?}");
        for personal in ["Mustermann", "example.org", "0170"] {
            assert!(!kept.contains(personal), "{personal} was kept: {kept}");
        }
    }

    #[test]
    fn an_all_day_event_is_refused_for_lack_of_a_time() {
        let text = calendar_of_events(&[
            &["UID:B-1001@x", "DTSTART;VALUE=DATE:20261207", "SUMMARY:Pass"],
            &["UID:B-1002@x", "DTSTART:20261207", "SUMMARY:Pass"],
        ]);

        assert_eq!(
            read_ics(&text).unwrap_err(),
            [
                (
                    5,
                    Some("DTSTART".into()),
                    "\"20261207\" is a date without a time (an all-day event): an appointment needs its time".into()
                ),
                (
                    10,
                    Some("DTSTART".into()),
                    "\"20261207\" is a date without a time (an all-day event): an appointment needs its time".into()
                ),
            ]
        );
    }

    #[test]
    fn an_event_without_dtstart_reference_or_service_is_refused_at_its_begin() {
        let text = calendar_of_events(&[&["DTSTAMP:20261204T170000Z", "DESCRIPTION:nur Text"]]);

        assert_eq!(
            read_ics(&text).unwrap_err(),
            [
                (3, Some("UID".into()), "this VEVENT has no booking reference: give it X-WILLKOMMEN-REFERENCE, X-BOOKING-REFERENCE or a UID".into()),
                (3, Some("DTSTART".into()), "this VEVENT has no DTSTART: an appointment needs its date and time".into()),
                (3, Some("SUMMARY".into()), "this VEVENT names no service: give it X-WILLKOMMEN-SERVICE, CATEGORIES or SUMMARY".into()),
            ]
        );
    }

    #[test]
    fn bad_values_are_reported_on_their_line_all_at_once() {
        let text = calendar_of_events(&[
            &[
                "UID:B#1@x",
                "DTSTART;TZID=W. Europe Standard Time:20261207T083000",
                "SUMMARY:Pass",
                "X-WILLKOMMEN-LANGUAGE:Arabisch",
                "STATUS:MAYBE",
            ],
            &["UID:B-1002@x", "DTSTART:20261231T250000", "DTSTART:20261207T090000", "SUMMARY:", "RRULE:FREQ=WEEKLY"],
            &["UID:B-1003@x", "DTSTART:2026-12-07T10:00", "SUMMARY:Pass"],
        ]);

        assert_eq!(
            read_ics(&text).unwrap_err(),
            [
                (4, Some("UID".into()), "the UID's part before \"@\" is the reference, but \"B#1\" is not a reference: it has '#', and a reference has only letters A to Z, digits, spaces, dashes, dots, slashes and underscores".into()),
                (5, Some("DTSTART".into()), "TZID=\"W. Europe Standard Time\" is not a time zone this server knows: use an IANA name such as Europe/Berlin".into()),
                (7, Some("X-WILLKOMMEN-LANGUAGE".into()), "\"Arabisch\" is not a language tag: write e.g. de, ar, fa-AF or de-x-ls".into()),
                (8, Some("STATUS".into()), "\"MAYBE\" is not an event's status: TENTATIVE, CONFIRMED or CANCELLED".into()),
                (12, Some("DTSTART".into()), "\"20261231T250000\" is not a time of day: hours go from 0 to 23, minutes and seconds to 59".into()),
                (13, Some("DTSTART".into()), "DTSTART is given twice in this VEVENT (also on line 12)".into()),
                (14, Some("SUMMARY".into()), "the service is empty".into()),
                (15, Some("RRULE".into()), "a repeating event is not one appointment: export each appointment as its own VEVENT".into()),
                (19, Some("DTSTART".into()), "\"2026-12-07T10:00\" is not an iCalendar date and time: write it 20261207T103000, in UTC 20261207T093000Z".into()),
            ]
        );
    }

    #[test]
    fn a_cut_off_file_is_refused_saying_so() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:B-1001@x\r\nDTSTART:20261207T083000\r\nSUMMA";

        assert_eq!(
            read_ics(text).unwrap_err(),
            [
                (3, None, "BEGIN:VEVENT on line 3 is never closed by END:VEVENT: is the file cut off?".into()),
                // What was read of the event is checked too.
                (
                    3,
                    Some("SUMMARY".into()),
                    "this VEVENT names no service: give it X-WILLKOMMEN-SERVICE, CATEGORIES or SUMMARY".into()
                ),
                (
                    6,
                    None,
                    "this line is not an iCalendar content line: NAME:value or NAME;PARAMETER=value:value is expected"
                        .into()
                ),
            ]
        );
    }

    #[test]
    fn misnested_components_and_stray_lines_are_reported() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:B-1001@x\r\nDTSTART:20261207T083000\r\nSUMMARY:Pass\r\n\
                    BEGIN:VALARM\r\nEND:VEVENT\r\nEND:VALARM\r\nEND:VCALENDAR\r\nX-TRAILER:1\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n";

        assert_eq!(
            read_ics(text).unwrap_err(),
            [
                (7, None, "END:VEVENT comes before END:VALARM for BEGIN:VALARM on line 6".into()),
                (8, None, "END:VALARM has no BEGIN:VALARM before it".into()),
                (10, Some("X-TRAILER".into()), "this property is outside BEGIN:VCALENDAR and END:VCALENDAR".into()),
                (11, None, "BEGIN:VEVENT is outside BEGIN:VCALENDAR and END:VCALENDAR".into()),
            ]
        );
    }

    #[test]
    fn a_calendar_without_events_lists_no_appointments() {
        assert_eq!(
            read_ics(&calendar(&["PRODID:-//x//y//DE"])).unwrap_err(),
            [(1, None, "the calendar has no VEVENT: it lists no appointments".into())]
        );
    }
}
