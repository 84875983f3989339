//! Times for tests that need the office at a certain hour or a booking at a certain moment,
//! whenever the suite runs.

use jiff::{SignedDuration, Timestamp};
use willkommen_api as wire;

use super::Clerk;

/// A fixed-offset zone in which it is now about noon (within the hour), so that opening hours,
/// check-in windows and "today" hold whatever the time of the run.
pub fn zone_where_it_is_noon() -> String {
    let utc_hour = i64::from(Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).hour());
    // The Etc zones' signs are POSIX's, the other way round: Etc/GMT-3 is three hours ahead.
    match (12 - utc_hour).clamp(-12, 14) {
        0 => "Etc/GMT".to_owned(),
        ahead if ahead > 0 => format!("Etc/GMT-{ahead}"),
        behind => format!("Etc/GMT+{}", -behind),
    }
}

/// A moment `minutes` from now, as a booking system sends it.
pub fn slot_in(minutes: i64) -> String {
    (Timestamp::now() + SignedDuration::from_mins(minutes)).round(jiff::Unit::Second).unwrap().to_string()
}

impl Clerk {
    /// Publishes the office at about noon now (see [`zone_where_it_is_noon`]), taking
    /// appointments with the rules as `edit` leaves them. The clerk must be an admin.
    pub async fn take_appointments_at_noon(&self, edit: impl FnOnce(&mut wire::AppointmentRules)) {
        let zone = zone_where_it_is_noon();
        self.edit_and_publish(|office| {
            office.time_zone = zone;
            office.appointments.enabled = true;
            edit(&mut office.appointments);
        })
        .await;
    }
}
