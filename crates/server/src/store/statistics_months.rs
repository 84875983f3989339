//! Months summed from their days, so that a report on a year reads a dozen months and the
//! days at its ends instead of every day. A month's rows sit in the same `statistics_*` tables
//! under the key `M2026-03`, which sorts after every day's key (`2026-03-01`), so a range of
//! days never runs into a month's rows by accident. A month is summed once it is over; its
//! days stay, for reports that start or end inside it.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::AnyConnection;

use super::types::Json;
use crate::error::AppResult;
use crate::statistics::{Histogram, Sums};

/// The key of a month's rows: `M` and the month (`M2026-03`).
fn month_key(month: &str) -> String {
    format!("M{month}")
}

/// The first and last day keys of a month `YYYY-MM` (every day sorts between them).
fn month_days(month: &str) -> (String, String) {
    (format!("{month}-01"), format!("{month}-31"))
}

/// Sums every month before `today`'s whose days are summed and that is not summed yet.
pub(super) async fn sum_up_past_months(conn: &mut AnyConnection, today: &str, now: Timestamp) -> AppResult<u64> {
    let months: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT substr(service_day, 1, 7) FROM statistics_days
         WHERE length(service_day) = 10 AND service_day < $1
           AND 'M' || substr(service_day, 1, 7) NOT IN (SELECT service_day FROM statistics_days)",
    )
    .bind(format!("{}-01", &today[..7]))
    .fetch_all(&mut *conn)
    .await?;
    for month in &months {
        sum_month(conn, month, now).await?;
    }
    Ok(months.len() as u64)
}

async fn sum_month(conn: &mut AnyConnection, month: &str, now: Timestamp) -> AppResult<()> {
    let key = month_key(month);
    let (first, last) = month_days(month);
    let columns = Sums::COLUMNS.join(", ");
    let sums = Sums::aggregate_sql();
    let copies = [
        format!(
            "INSERT INTO statistics_hours (service_day, hour, concern_id, booking, {columns})
             SELECT $1, hour, concern_id, booking, {sums} FROM statistics_hours
             WHERE service_day >= $2 AND service_day <= $3 GROUP BY hour, concern_id, booking"
        ),
        "INSERT INTO statistics_languages (service_day, concern_id, booking, language, visitors)
         SELECT $1, concern_id, booking, language, SUM(visitors) FROM statistics_languages
         WHERE service_day >= $2 AND service_day <= $3 GROUP BY concern_id, booking, language"
            .to_owned(),
        "INSERT INTO statistics_documents (service_day, concern_id, item_id, asked, missing)
         SELECT $1, concern_id, item_id, SUM(asked), SUM(missing) FROM statistics_documents
         WHERE service_day >= $2 AND service_day <= $3 GROUP BY concern_id, item_id"
            .to_owned(),
        "INSERT INTO statistics_peaks (service_day, hour, concern_id, waiting)
         SELECT $1, hour, concern_id, MAX(waiting) FROM statistics_peaks
         WHERE service_day >= $2 AND service_day <= $3 GROUP BY hour, concern_id"
            .to_owned(),
    ];
    for copy in &copies {
        sqlx::query(copy).bind(&key).bind(&first).bind(&last).execute(&mut *conn).await?;
    }
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT concern_id, booking, measure, histogram FROM statistics_durations
         WHERE service_day >= $1 AND service_day <= $2",
    )
    .bind(&first)
    .bind(&last)
    .fetch_all(&mut *conn)
    .await?;
    let mut merged: BTreeMap<(String, String, String), Histogram> = BTreeMap::new();
    for (concern, booking, measure, histogram) in rows {
        add_histogram_text(merged.entry((concern, booking, measure)).or_default(), &histogram);
    }
    for ((concern, booking, measure), histogram) in merged {
        sqlx::query(
            "INSERT INTO statistics_durations (service_day, concern_id, booking, measure, histogram)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&key)
        .bind(concern)
        .bind(booking)
        .bind(measure)
        .bind(stored_histogram(&histogram))
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query("INSERT INTO statistics_days (service_day, summed_at) VALUES ($1, $2)")
        .bind(&key)
        .bind(now.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A histogram as the `statistics_durations` table keeps it: `{"12":3,"13":1}`.
pub(super) fn stored_histogram(histogram: &Histogram) -> Json<BTreeMap<String, i64>> {
    Json(histogram.iter().map(|(minutes, visitors)| (minutes.to_string(), *visitors)).collect())
}

/// Adds a stored histogram (see [`stored_histogram`]) to `into`. Read by
/// hand: a year's report reads thousands of them, and this is its hottest loop.
pub(super) fn add_histogram_text(into: &mut Histogram, text: &str) {
    let mut numbers = text.split(|c: char| !c.is_ascii_digit()).filter(|part| !part.is_empty());
    while let (Some(minutes), Some(visitors)) = (numbers.next(), numbers.next()) {
        if let (Ok(minutes), Ok(visitors)) = (minutes.parse::<i64>(), visitors.parse::<i64>()) {
            *into.entry(minutes).or_default() += visitors;
        }
    }
}

/// Which rows of the `statistics_*` tables make up the days `from` to `to`: the summed
/// months that lie wholly inside, and the days outside them. A `WHERE` condition with its
/// parameters, numbered from `$1`.
pub(super) struct Scope {
    pub condition: String,
    pub parameters: Vec<String>,
}

pub(super) async fn scope(conn: &mut AnyConnection, from: Date, to: Date) -> AppResult<Scope> {
    let summed: Vec<String> =
        sqlx::query_scalar("SELECT service_day FROM statistics_days WHERE service_day >= $1 AND service_day <= $2")
            .bind(month_key(&from.strftime("%Y-%m").to_string()))
            .bind(month_key(&to.strftime("%Y-%m").to_string()))
            .fetch_all(&mut *conn)
            .await?;
    let months: Vec<(Date, Date, String)> = summed
        .iter()
        .filter_map(|key| {
            let first: Date = format!("{}-01", key.strip_prefix('M')?).parse().ok()?;
            let last = first.last_of_month();
            (from <= first && last <= to).then_some((first, last, key.clone()))
        })
        .collect();
    let mut parts = Vec::new();
    let mut parameters = Vec::new();
    let mut range = |start: Date, end: Date, parts: &mut Vec<String>| {
        if start <= end {
            parameters.push(start.to_string());
            parameters.push(end.to_string());
            let n = parameters.len();
            parts.push(format!("(service_day >= ${} AND service_day <= ${n})", n - 1));
        }
    };
    let mut start = from;
    for (first, last, _) in &months {
        if let Ok(before) = first.yesterday() {
            range(start, before, &mut parts);
        }
        start = last.tomorrow().unwrap_or(*last);
    }
    range(start, to, &mut parts);
    for (_, _, key) in months {
        parameters.push(key);
        parts.push(format!("service_day = ${}", parameters.len()));
    }
    if parts.is_empty() {
        parts.push("1 = 0".to_owned());
    }
    Ok(Scope { condition: format!("({})", parts.join(" OR ")), parameters })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_histogram_is_read_back() {
        let mut histogram = Histogram::from([(12, 1)]);
        add_histogram_text(&mut histogram, r#"{"0":3,"12":2,"140":1}"#);
        assert_eq!(histogram, Histogram::from([(0, 3), (12, 3), (140, 1)]));
        let stored = serde_json::to_string(&stored_histogram(&histogram).0).unwrap();
        assert_eq!(stored, r#"{"0":3,"12":3,"140":1}"#);
    }
}
