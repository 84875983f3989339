use super::*;

fn office() -> OfficeConfig {
    serde_json::from_value(serde_json::json!({
        "office_name": {"de": "Ausländerbehörde Musterstadt", "en": "Immigration Office"},
        "time_zone": "Europe/Berlin",
        "languages": ["de", "en", "ar"],
        "opening_hours": {"monday": [{"from": "08:00", "to": "12:00"}]},
        "closed_days": ["2026-12-24"],
        "cutoff_minutes": 15,
        "no_show_after_calls": 3,
        "retention_days": 30,
        "concerns": [{
            "id": "address-change", "prefix": "H", "icon": "home", "daily_quota": null,
            "name": {"de": "Adresse ändern", "ar": "تغيير العنوان"}, "description": {},
            "checklist": [{"id": "passport", "text": {"de": "Reisepass"}, "hint": {}, "required": true}]
        }],
        "counters": [{"id": "counter-1", "name": "Schalter 1", "concerns": ["address-change"]}]
    }))
    .unwrap()
}

fn paths(config: &OfficeConfig) -> Vec<(String, ProblemKind)> {
    config.problems().into_iter().map(|problem| (problem.path, problem.kind)).collect()
}

#[test]
fn a_sound_office_has_no_problems_and_gets_defaults_for_what_it_leaves_out() {
    let office = office();

    assert_eq!(office.problems(), []);
    assert!(office.concerns[0].active);
    assert_eq!(office.inactivity, Inactivity { idle_seconds: 60, warning_seconds: 30 });
    assert_eq!(office.public_base_url, None);
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let mut office = office();
    office.concerns[0].name.0.remove("de");
    office.concerns[0].checklist[0].text.0.insert("ar".into(), "x".repeat(limits::ITEM_TEXT + 1));
    office.counters[0].concerns.push(ConcernId("astrology".into()));
    office.concerns[0].prefix = "h1".into();
    office.languages.push("xx".into());
    office.closed_days.push("2026-02-30".into());
    office.opening_hours.0.get_mut(&crate::Weekday::Monday).unwrap()[0].to = "07:00".into();

    assert_eq!(
        paths(&office),
        [
            ("languages[3]".into(), ProblemKind::UnknownReference),
            ("opening_hours.monday[0]".into(), ProblemKind::InvalidFormat),
            ("closed_days[1]".into(), ProblemKind::InvalidFormat),
            ("concerns[0].prefix".into(), ProblemKind::InvalidFormat),
            ("concerns[0].name.de".into(), ProblemKind::Missing),
            ("concerns[0].checklist[0].text.ar".into(), ProblemKind::TooLong),
            ("counters[0].concerns[1]".into(), ProblemKind::UnknownReference),
        ]
    );
}

#[test]
fn ids_and_prefixes_must_be_unique() {
    let mut office = office();
    let mut twin = office.concerns[0].clone();
    twin.checklist.push(twin.checklist[0].clone());
    office.concerns.push(twin);

    assert_eq!(
        paths(&office),
        [
            ("concerns[1].id".into(), ProblemKind::Duplicate),
            ("concerns[1].prefix".into(), ProblemKind::Duplicate),
            ("concerns[1].checklist[1].id".into(), ProblemKind::Duplicate),
        ]
    );
}

#[test]
fn numbers_outside_what_an_office_can_use_are_refused() {
    let mut office = office();
    office.no_show_after_calls = 0;
    office.inactivity.warning_seconds = 5;
    office.public_base_url = Some("termine.example.de".into());
    office.information_concern = Some(ConcernId("information".into()));

    assert_eq!(
        paths(&office),
        [
            ("no_show_after_calls".into(), ProblemKind::OutOfRange),
            ("inactivity.warning_seconds".into(), ProblemKind::OutOfRange),
            ("public_base_url".into(), ProblemKind::InvalidFormat),
            ("information_concern".into(), ProblemKind::UnknownReference),
        ]
    );
}

#[test]
fn appointment_rules_outside_what_an_office_can_use_are_refused() {
    let mut office = office();
    office.appointments = crate::AppointmentRules {
        enabled: true,
        check_in_opens_minutes: 241,
        check_in_closes_minutes: 121,
        late_arrival: crate::LateArrival::InformationDesk,
        call_ahead_minutes: 61,
        walk_in_every: Some(1),
    };

    assert_eq!(
        paths(&office),
        [
            ("appointments.check_in_opens_minutes".into(), ProblemKind::OutOfRange),
            ("appointments.check_in_closes_minutes".into(), ProblemKind::OutOfRange),
            ("appointments.call_ahead_minutes".into(), ProblemKind::OutOfRange),
            ("appointments.walk_in_every".into(), ProblemKind::OutOfRange),
            ("appointments.late_arrival".into(), ProblemKind::Missing),
        ]
    );
}

#[test]
fn appointment_rules_at_the_edges_of_their_ranges_are_accepted() {
    let mut office = office();
    office.information_concern = Some(office.concerns[0].id.clone());
    for (opens, closes, ahead, every) in [(0, 0, 0, Some(2)), (240, 120, 60, Some(10)), (30, 10, 2, None)] {
        office.appointments = crate::AppointmentRules {
            enabled: true,
            check_in_opens_minutes: opens,
            check_in_closes_minutes: closes,
            late_arrival: crate::LateArrival::InformationDesk,
            call_ahead_minutes: ahead,
            walk_in_every: every,
        };

        assert_eq!(office.problems(), [], "{:?}", office.appointments);
    }
    office.appointments.walk_in_every = Some(11);
    assert_eq!(paths(&office), [("appointments.walk_in_every".into(), ProblemKind::OutOfRange)]);
}

#[test]
fn times_and_dates_are_read_strictly() {
    assert_eq!(minutes_of_day("08:30"), Some(510));
    assert_eq!(minutes_of_day("24:00"), Some(1440));
    assert_eq!(minutes_of_day("8:30"), None);
    assert_eq!(minutes_of_day("24:30"), None);
    assert!(is_date("2028-02-29"));
    assert!(!is_date("2026-02-29"));
    assert!(!is_date("2026-13-01"));
    assert!(!is_date("26-01-01"));
}

#[test]
fn markup_in_a_text_is_just_text() {
    let mut office = office();
    office.concerns[0].name.0.insert("en".into(), "<script>alert(1)</script>".into());

    assert_eq!(office.problems(), [], "text is shown as text everywhere, so it needs no refusal");
}
