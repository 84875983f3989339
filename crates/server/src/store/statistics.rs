//! The statistics' SQL: summing an office day into the `statistics_*` tables once it is over,
//! reading a range's figures back (summed days from those tables, the others from the
//! tickets), and the two things counted as they happen (visitors turned away, quotas run out).

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use sqlx::{AnyConnection, Row};
use willkommen_api as json;

use super::office::office_rules;
use super::staff::{RequiredItems, required_items};
use super::statistics_months::{Scope, add_histogram_text, scope, stored_histogram, sum_up_past_months};
use super::types::Json;
use super::{Store, backend::Backend};
use crate::error::{AppError, AppResult};
use crate::schedule::{rfc3339, service_day};
use crate::statistics::{Booking, DaySums, Event, Figures, Measure, QuotaRunOut, Sums, TicketFacts, Visit};

/// A range's figures with the office they belong to.
pub struct RangeFigures {
    pub figures: Figures,
    pub office: json::OfficeConfig,
}

impl Store {
    /// The figures of the office days `from` to `to` (both included), as of `now`.
    pub async fn statistics(&self, from: Date, to: Date, now: Timestamp) -> AppResult<RangeFigures> {
        let mut conn = self.pool.acquire().await?;
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        // One snapshot: a day summed while this reads is read either summed or not, never both.
        if matches!(*self.backend, Backend::Postgres { .. }) {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute(&mut *tx).await?;
        }
        let office = super::office_tables::read_config(&mut tx).await?;
        let time_zone = TimeZone::get(&office.time_zone).map_err(anyhow::Error::from)?;
        let mut figures = stored_figures(&mut tx, from, to).await?;
        let unsummed = unsummed_days(&mut tx, &from.to_string(), &to.to_string()).await?;
        let required = required_items(&mut tx).await?;
        for day in unsummed {
            let sums = sum_day(&mut tx, &day, &required, &time_zone, now).await?;
            figures.add_day(&day, &sums);
        }
        tx.rollback().await?;
        Ok(RangeFigures { figures, office })
    }

    /// Counts a visitor the kiosk told that no ticket can be had now.
    pub async fn record_turned_away(&self, turned_away: &json::TurnedAway, now: Timestamp) -> AppResult<()> {
        let mut tx = self.write_transaction().await?;
        let known: Option<String> = sqlx::query_scalar("SELECT id FROM concerns WHERE id = $1 AND removed = 0")
            .bind(turned_away.concern.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if known.is_none() {
            return Err(AppError::UnknownConcern(format!("there is no concern {:?}", turned_away.concern.as_str())));
        }
        let office = office_rules(&mut tx).await?;
        let time_zone = office.schedule()?.time_zone().clone();
        let zoned = now.to_zoned_datetime(time_zone);
        sqlx::query(
            "INSERT INTO statistics_turned_away (service_day, hour, concern_id, reason, visitors) VALUES ($1, $2, $3, $4, 1)
             ON CONFLICT (service_day, hour, concern_id, reason)
             DO UPDATE SET visitors = statistics_turned_away.visitors + 1",
        )
        .bind(zoned.date().to_string())
        .bind(i64::from(zoned.hour()))
        .bind(turned_away.concern.as_str())
        .bind(turned_away.reason.as_str())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Counts a visitor's answer to "How was your visit?" for the visit's day, concern and
    /// language; the ticket keeps only that it was answered. `None` when there is no such
    /// ticket.
    pub async fn record_feedback(&self, id: &str, feedback: &json::Feedback) -> AppResult<Option<()>> {
        let mut tx = self.write_transaction().await?;
        let visit: Option<(String, String, String, String, i64)> = sqlx::query_as(
            "SELECT status, service_day, concern_id, language, feedback_given FROM tickets WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((status, day, concern, language, given)) = visit else { return Ok(None) };
        if status != json::TicketStatus::Finished.as_str() {
            return Err(AppError::InvalidTransition(format!("the visit is not over (the ticket is {status})")));
        }
        if given != 0 {
            return Err(AppError::InvalidTransition("this visit has been rated already".into()));
        }
        sqlx::query("UPDATE tickets SET feedback_given = 1 WHERE id = $1").bind(id).execute(&mut *tx).await?;
        let [waited_long, explained_well, knew_documents, understood, friendly] = ticked(feedback);
        sqlx::query(
            "INSERT INTO statistics_feedback (service_day, concern_id, language, rating, answers, waited_long,
                                              explained_well, knew_documents, understood, friendly)
             VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9)
             ON CONFLICT (service_day, concern_id, language, rating) DO UPDATE SET
                 answers = statistics_feedback.answers + 1,
                 waited_long = statistics_feedback.waited_long + excluded.waited_long,
                 explained_well = statistics_feedback.explained_well + excluded.explained_well,
                 knew_documents = statistics_feedback.knew_documents + excluded.knew_documents,
                 understood = statistics_feedback.understood + excluded.understood,
                 friendly = statistics_feedback.friendly + excluded.friendly",
        )
        .bind(day)
        .bind(concern)
        .bind(language)
        .bind(i64::from(feedback.rating))
        .bind(waited_long)
        .bind(explained_well)
        .bind(knew_documents)
        .bind(understood)
        .bind(friendly)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(()))
    }
}

/// How many ticked each reason of an answer, in [`json::FeedbackReason::ALL`]'s order.
fn ticked(feedback: &json::Feedback) -> [i64; 5] {
    json::FeedbackReason::ALL.map(|reason| i64::from(feedback.reasons.contains(&reason)))
}

/// Sums every office day before `today` that has tickets and is not summed yet, in the
/// caller's write transaction (retention calls this before it forgets anything). Returns how
/// many days were summed.
pub(super) async fn sum_up_past_days(conn: &mut AnyConnection, time_zone: &TimeZone, now: Timestamp) -> AppResult<u64> {
    let today = service_day(now, time_zone);
    let days = unsummed_days(conn, "0000-01-01", &today).await?;
    let days: Vec<String> = days.into_iter().filter(|day| *day < today).collect();
    if !days.is_empty() {
        let required = required_items(conn).await?;
        for day in &days {
            let sums = sum_day(conn, day, &required, time_zone, now).await?;
            write_day(conn, day, &sums, now).await?;
        }
    }
    sum_up_past_months(conn, &today, now).await?;
    Ok(days.len() as u64)
}

/// The office days from `from` to `to` (both included) that have tickets but are not summed.
/// The tickets' distinct days are found by jumping along their index from one day to the
/// next: a year of tickets is then a few hundred look-ups, not a scan of every ticket.
async fn unsummed_days(conn: &mut AnyConnection, from: &str, to: &str) -> AppResult<Vec<String>> {
    Ok(sqlx::query_scalar(
        "WITH RECURSIVE found(day) AS (
             SELECT MIN(service_day) FROM tickets WHERE service_day >= $1 AND service_day <= $2
             UNION ALL
             SELECT (SELECT MIN(service_day) FROM tickets WHERE service_day > found.day AND service_day <= $2)
             FROM found WHERE found.day IS NOT NULL
         )
         SELECT day FROM found WHERE day IS NOT NULL AND day NOT IN (SELECT service_day FROM statistics_days)
         ORDER BY day",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?)
}

/// When the ticket of a day with a quota that allowed it was the last: noted with it.
pub(super) async fn note_quota_run_out(
    conn: &mut AnyConnection,
    concern: &str,
    quota: u32,
    today: &str,
    at: &jiff::ZonedDateTime,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO statistics_quotas (service_day, concern_id, quota, ran_out_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (service_day, concern_id) DO NOTHING",
    )
    .bind(today)
    .bind(concern)
    .bind(i64::from(quota))
    .bind(rfc3339(at))
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct TicketRow {
    id: String,
    concern_id: String,
    service_day: String,
    language: String,
    checklist: Json<BTreeMap<String, bool>>,
    status: String,
    estimate_min: Option<i64>,
    estimate_max: Option<i64>,
    appointment_id: Option<i64>,
    slot_at: Option<i64>,
}

/// One day's visits, measured and summed.
async fn sum_day(
    conn: &mut AnyConnection,
    day: &str,
    required: &RequiredItems,
    time_zone: &TimeZone,
    now: Timestamp,
) -> AppResult<DaySums> {
    let tickets: Vec<TicketRow> = sqlx::query_as(
        "SELECT t.id, t.concern_id, t.service_day, t.language, t.checklist, t.status, t.estimate_min, t.estimate_max,
                ap.id AS appointment_id, ap.slot_at
         FROM tickets t LEFT JOIN appointments ap ON ap.ticket_id = t.id WHERE t.service_day = $1",
    )
    .bind(day)
    .fetch_all(&mut *conn)
    .await?;
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT e.ticket_id, e.at, e.kind, e.detail FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
         WHERE t.service_day = $1 ORDER BY e.id",
    )
    .bind(day)
    .fetch_all(&mut *conn)
    .await?;
    let mut events: BTreeMap<String, Vec<Event>> = BTreeMap::new();
    for (ticket, at, kind, detail) in rows {
        let Ok(at) = at.parse::<Timestamp>() else { continue };
        let from_concern = (kind == "transferred")
            .then(|| serde_json::from_str::<serde_json::Value>(&detail).ok()?["from"].as_str().map(str::to_owned))
            .flatten();
        events.entry(ticket).or_default().push(Event { at, kind, from_concern });
    }
    let visits: Vec<Visit> = tickets
        .into_iter()
        .filter_map(|row| {
            let facts = TicketFacts {
                service_day: row.service_day,
                concern: row.concern_id,
                language: row.language,
                answers: row.checklist.0,
                status: row.status,
                appointment_slot: row.slot_at.and_then(|millis| Timestamp::from_millisecond(millis).ok()),
                appointment: row.appointment_id.is_some(),
                estimate: row.estimate_min.zip(row.estimate_max),
            };
            Visit::measure(facts, events.get(&row.id).map_or(&[][..], Vec::as_slice), time_zone)
        })
        .collect();
    Ok(DaySums::of(&visits, required, time_zone, now.min(day_end(day, time_zone).unwrap_or(now))))
}

/// The first moment after office day `day`.
fn day_end(day: &str, time_zone: &TimeZone) -> Option<Timestamp> {
    let date: Date = day.parse().ok()?;
    Some(date.tomorrow().ok()?.to_zoned_datetime(time_zone.clone()).ok()?.timestamp())
}

/// Writes a summed day into the `statistics_*` tables and marks it summed.
async fn write_day(conn: &mut AnyConnection, day: &str, sums: &DaySums, now: Timestamp) -> AppResult<()> {
    let columns = Sums::COLUMNS.join(", ");
    let placeholders: Vec<String> = (5..5 + Sums::COLUMNS.len()).map(|n| format!("${n}")).collect();
    let insert_hour = format!(
        "INSERT INTO statistics_hours (service_day, hour, concern_id, booking, {columns}) VALUES ($1, $2, $3, $4, {})",
        placeholders.join(", ")
    );
    for ((hour, concern, booking), hour_sums) in &sums.hours {
        let mut query = sqlx::query(&insert_hour).bind(day).bind(*hour).bind(concern.as_str()).bind(booking.as_str());
        for value in hour_sums.values() {
            query = query.bind(value);
        }
        query.execute(&mut *conn).await?;
    }
    for ((concern, booking, measure), histogram) in &sums.durations {
        sqlx::query(
            "INSERT INTO statistics_durations (service_day, concern_id, booking, measure, histogram)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(day)
        .bind(concern.as_str())
        .bind(booking.as_str())
        .bind(measure.as_str())
        .bind(stored_histogram(histogram))
        .execute(&mut *conn)
        .await?;
    }
    for ((concern, booking, language), visitors) in &sums.languages {
        sqlx::query(
            "INSERT INTO statistics_languages (service_day, concern_id, booking, language, visitors)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(day)
        .bind(concern.as_str())
        .bind(booking.as_str())
        .bind(language.as_str())
        .bind(*visitors)
        .execute(&mut *conn)
        .await?;
    }
    for ((concern, item), (asked, missing)) in &sums.documents {
        sqlx::query(
            "INSERT INTO statistics_documents (service_day, concern_id, item_id, asked, missing) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(day)
        .bind(concern.as_str())
        .bind(item.as_str())
        .bind(*asked)
        .bind(*missing)
        .execute(&mut *conn)
        .await?;
    }
    for ((hour, concern), waiting) in &sums.peaks {
        sqlx::query("INSERT INTO statistics_peaks (service_day, hour, concern_id, waiting) VALUES ($1, $2, $3, $4)")
            .bind(day)
            .bind(*hour)
            .bind(concern.as_str())
            .bind(*waiting)
            .execute(&mut *conn)
            .await?;
    }
    let mut total = Sums::default();
    for hour_sums in sums.hours.values() {
        total.add(hour_sums);
    }
    sqlx::query(
        "INSERT INTO statistics_days (service_day, summed_at, issued, served, no_show, cancelled, waited, wait_seconds,
                                      wait_max_seconds)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(day)
    .bind(now.to_string())
    .bind(total.issued)
    .bind(total.served)
    .bind(total.no_show)
    .bind(total.cancelled)
    .bind(total.waited)
    .bind(total.wait_seconds)
    .bind(total.wait_max_seconds)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The summed days of the range (and the summed months wholly inside it), grouped as the
/// report needs them.
async fn stored_figures(conn: &mut AnyConnection, from: Date, to: Date) -> AppResult<Figures> {
    let sums = Sums::aggregate_sql();
    let scope = scope(conn, from, to).await?;
    let within = &scope.condition;
    let (from, to) = (from.to_string(), to.to_string());
    let range = "service_day >= $1 AND service_day <= $2";
    let mut figures = Figures::default();

    let sql = format!(
        "SELECT hour, concern_id, booking, {sums} FROM statistics_hours WHERE {within} GROUP BY hour, concern_id, booking"
    );
    for row in bound(sqlx::query(&sql), &scope).fetch_all(&mut *conn).await? {
        let key = (row.try_get(0)?, row.try_get(1)?, Booking::from_stored(&row.try_get::<String, _>(2)?));
        figures.hours.insert(key, sums_at(&row, 3)?);
    }
    let days: Vec<DayTotals> = sqlx::query_as(&format!(
        "SELECT service_day, issued, served, no_show, cancelled, waited, wait_seconds, wait_max_seconds
         FROM statistics_days WHERE {range}"
    ))
    .bind(&from)
    .bind(&to)
    .fetch_all(&mut *conn)
    .await?;
    for day in days {
        let sums = Sums {
            issued: day.issued,
            served: day.served,
            no_show: day.no_show,
            cancelled: day.cancelled,
            waited: day.waited,
            wait_seconds: day.wait_seconds,
            wait_max_seconds: day.wait_max_seconds,
            ..Sums::default()
        };
        figures.days.insert(day.service_day, sums);
    }
    let sql = format!("SELECT concern_id, booking, measure, histogram FROM statistics_durations WHERE {within}");
    let durations: Vec<(String, String, String, String)> =
        bound(sqlx::query_as(&sql), &scope).fetch_all(&mut *conn).await?;
    for (concern, booking, measure, histogram) in durations {
        let key = (concern, Booking::from_stored(&booking), Measure::from_stored(&measure));
        add_histogram_text(figures.durations.entry(key).or_default(), &histogram);
    }
    let sql = format!(
        "SELECT concern_id, language, CAST(SUM(visitors) AS BIGINT) FROM statistics_languages WHERE {within}
         GROUP BY concern_id, language"
    );
    let languages: Vec<(String, String, i64)> = bound(sqlx::query_as(&sql), &scope).fetch_all(&mut *conn).await?;
    figures.languages = languages.into_iter().map(|(concern, language, n)| ((concern, language), n)).collect();
    let sql = format!(
        "SELECT concern_id, item_id, CAST(SUM(asked) AS BIGINT), CAST(SUM(missing) AS BIGINT) FROM statistics_documents
         WHERE {within} GROUP BY concern_id, item_id"
    );
    let documents: Vec<(String, String, i64, i64)> = bound(sqlx::query_as(&sql), &scope).fetch_all(&mut *conn).await?;
    figures.documents =
        documents.into_iter().map(|(concern, item, asked, missing)| ((concern, item), (asked, missing))).collect();
    let sql =
        format!("SELECT hour, concern_id, MAX(waiting) FROM statistics_peaks WHERE {within} GROUP BY hour, concern_id");
    let peaks: Vec<(i64, String, i64)> = bound(sqlx::query_as(&sql), &scope).fetch_all(&mut *conn).await?;
    figures.peaks = peaks.into_iter().map(|(hour, concern, peak)| ((hour, concern), peak)).collect();
    let sql = format!(
        "SELECT concern_id, reason, CAST(SUM(visitors) AS BIGINT) FROM statistics_turned_away WHERE {range}
         GROUP BY concern_id, reason"
    );
    let turned_away: Vec<(String, String, i64)> =
        sqlx::query_as(&sql).bind(&from).bind(&to).fetch_all(&mut *conn).await?;
    figures.turned_away = turned_away.into_iter().map(|(concern, reason, n)| ((concern, reason), n)).collect();
    let sql = format!(
        "SELECT concern_id, language, rating, CAST(SUM(answers) AS BIGINT), CAST(SUM(waited_long) AS BIGINT),
                CAST(SUM(explained_well) AS BIGINT), CAST(SUM(knew_documents) AS BIGINT),
                CAST(SUM(understood) AS BIGINT), CAST(SUM(friendly) AS BIGINT)
         FROM statistics_feedback WHERE {range} GROUP BY concern_id, language, rating"
    );
    type FeedbackRow = (String, String, i64, i64, i64, i64, i64, i64, i64);
    let feedback: Vec<FeedbackRow> = sqlx::query_as(&sql).bind(&from).bind(&to).fetch_all(&mut *conn).await?;
    figures.feedback = feedback
        .into_iter()
        .map(|(concern, language, rating, answers, a, b, c, d, e)| {
            ((concern, language, rating), [answers, a, b, c, d, e])
        })
        .collect();
    let sql = format!(
        "SELECT service_day, concern_id, quota, ran_out_at FROM statistics_quotas WHERE {range}
         ORDER BY service_day, ran_out_at"
    );
    let quotas: Vec<(String, String, i64, String)> =
        sqlx::query_as(&sql).bind(&from).bind(&to).fetch_all(&mut *conn).await?;
    figures.quotas = quotas
        .into_iter()
        .map(|(day, concern, quota, ran_out_at)| QuotaRunOut { day, concern, quota, ran_out_at })
        .collect();
    Ok(figures)
}

/// A summed day's totals, as `statistics_days` keeps them.
#[derive(sqlx::FromRow)]
struct DayTotals {
    service_day: String,
    issued: i64,
    served: i64,
    no_show: i64,
    cancelled: i64,
    waited: i64,
    wait_seconds: i64,
    wait_max_seconds: i64,
}

/// A query with the scope's parameters bound, in order.
fn bound<'q, Q: Bindable<'q>>(mut query: Q, scope: &'q Scope) -> Q {
    for parameter in &scope.parameters {
        query = query.bind_text(parameter);
    }
    query
}

/// `sqlx::query` and `sqlx::query_as` alike, for [`bound`].
trait Bindable<'q> {
    fn bind_text(self, value: &'q str) -> Self;
}

impl<'q> Bindable<'q> for sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    fn bind_text(self, value: &'q str) -> Self {
        self.bind(value)
    }
}

impl<'q, O> Bindable<'q> for sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    fn bind_text(self, value: &'q str) -> Self {
        self.bind(value)
    }
}

/// The [`Sums`] in the columns from `first` on.
fn sums_at(row: &sqlx::any::AnyRow, first: usize) -> Result<Sums, sqlx::Error> {
    let mut values = [0; 17];
    for (index, value) in values.iter_mut().enumerate() {
        *value = row.try_get::<Option<i64>, _>(first + index)?.unwrap_or(0);
    }
    Ok(Sums::from_values(values))
}
