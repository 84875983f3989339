//! Calling the next visitor while the day has 2,000 appointments, half of them checked in:
//! the call order then sorts due appointments, walk-ins and early arrivals, and every ticket
//! read joins its appointment. The same rounds as the plain calling benchmark, to compare.

use std::sync::Arc;

use anyhow::Context;
use jiff::{SignedDuration, Timestamp};
use reqwest::Method;
use serde::Serialize;
use serde_json::json;
use willkommen_api as wire;

use crate::driver::Round;
use crate::office::{Admin, Site};
use crate::plan::Plan;
use crate::rates;
use crate::server::ServerBinary;

/// Appointments booked for the day of the run.
const BOOKED: usize = 2_000;
/// Spread over this many hours around the start of the run.
const HOURS: i64 = 8;

#[derive(Debug, Serialize)]
pub struct WithAppointments {
    pub booked: usize,
    /// Checked in before the rounds: every appointment whose window was open.
    pub checked_in: usize,
    pub call_next: Vec<Round>,
}

pub async fn run(binary: &ServerBinary, plan: &Plan) -> anyhow::Result<WithAppointments> {
    let site = Site::open(binary, plan.counters).await?;
    let admin = Admin::sign_in(site.url()).await?;
    let draft: wire::Draft = admin.send(Method::GET, "/admin/draft", json!(null)).await?.json()?;
    let mut office = draft.document;
    // Check-in opens four hours ahead, so that half the day's visitors can be in the queue.
    office.appointments =
        wire::AppointmentRules { enabled: true, check_in_opens_minutes: 240, ..wire::AppointmentRules::default() };
    let save = wire::SaveDraft { revision: draft.revision, document: office, basis: draft.basis };
    let saved: wire::Draft = admin.send(Method::PUT, "/admin/draft", serde_json::to_value(&save)?).await?.json()?;
    let publish = wire::Publish { revision: saved.revision, note: "benchmark: appointments".into() };
    admin.send(Method::POST, "/admin/publish", serde_json::to_value(&publish)?).await?;

    progress!("booking {BOOKED} appointments over {HOURS} hours and checking in those that can");
    let start = Timestamp::now() - SignedDuration::from_hours(HOURS / 2);
    let step = SignedDuration::from_hours(HOURS) / BOOKED as i32;
    let admin = Arc::new(admin);
    let mut checked_in = 0;
    let kiosk = reqwest::Client::new();
    for n in 0..BOOKED {
        let reference = format!("BENCH-{n:05}");
        let slot = (start + step * n as i32).round(jiff::Unit::Second)?;
        let concern = &site.concerns[n % site.concerns.len()].id;
        let body = json!({"slot": slot.to_string(), "concern": concern});
        admin.send(Method::PUT, &format!("/admin/appointments/{reference}"), body).await?;
        let lookup: wire::AppointmentLookup = kiosk
            .get(format!("{}/api/v1/appointments/{reference}", site.url()))
            .send()
            .await?
            .json()
            .await
            .context("lookup")?;
        if lookup.check_in == wire::CheckInState::Open {
            let answer = kiosk
                .post(format!("{}/api/v1/appointments/{reference}/check-in", site.url()))
                .json(&json!({"language": "de"}))
                .send()
                .await?;
            anyhow::ensure!(answer.status() == reqwest::StatusCode::CREATED, "check-in: {}", answer.status());
            checked_in += 1;
        }
    }
    let call_next = rates::calling(&site, plan).await?;
    site.shut_down().await?;
    Ok(WithAppointments { booked: BOOKED, checked_in, call_next })
}
