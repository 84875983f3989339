//! "How was your visit?": a finished visit is rated once, anonymously, and the answers join
//! the statistics per concern and language, shown only for groups large enough that no one
//! answer can be told apart.

use jiff::Timestamp;
use reqwest::StatusCode;
use serde_json::{Value, json};
use willkommen_api as wire;

use crate::helpers::{Answer, TestServer, assert_refused, connect_database, id};

async fn rate(server: &TestServer, ticket: &Value, feedback: &Value) -> Answer {
    let url = server.at(&format!("/api/v1/tickets/{}/feedback", id(ticket)));
    Answer::of(server.client().post(url).json(feedback).send().await.unwrap()).await
}

/// The cells of the feedback table's row for `concern` and `language`, by column.
fn row(report: &wire::StatisticsReport, concern: &str, language: &str) -> Vec<(String, wire::Cell)> {
    let table = report.table("feedback").expect("a feedback table");
    let found = table
        .rows
        .iter()
        .find(|row| {
            table.cell(row, "concern") == Some(&wire::Cell::Text(concern.into()))
                && table.cell(row, "language") == Some(&wire::Cell::Text(language.into()))
        })
        .unwrap_or_else(|| panic!("no row for {concern} in {language}: {:?}", table.rows));
    table.columns.iter().map(|column| column.id.clone()).zip(found.iter().cloned()).collect()
}

fn cell<'a>(row: &'a [(String, wire::Cell)], column: &str) -> &'a wire::Cell {
    &row.iter().find(|(id, _)| id == column).unwrap_or_else(|| panic!("no column {column}")).1
}

#[tokio::test]
async fn a_finished_visit_is_rated_once_and_counted_per_concern_and_language() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let clerk = server.clerk().await;
    let mut visits = Vec::new();
    for language in ["uk", "uk", "uk", "uk", "uk", "ar"] {
        visits.push(server.issue_ticket("address-change", language).await);
    }
    let waiting = server.issue_ticket("address-change", "uk").await;
    for visit in &visits {
        assert_eq!(clerk.called_next("counter-1").await["id"], visit["id"]);
        clerk.done(id(visit), "start").await;
        clerk.done(id(visit), "finish").await;
    }

    // Only after the visit, and only five faces and the listed reasons: no free text.
    assert_refused(&rate(&server, &waiting, &json!({"rating": 5})).await, StatusCode::CONFLICT, "invalid_transition");
    for bad in [
        json!({"rating": 0}),
        json!({"rating": 6}),
        json!({"rating": 3, "reasons": ["friendly", "friendly"]}),
        json!({"rating": 3, "reasons": ["rude"]}),
        json!({"rating": 3, "comment": "Herr M. war unfreundlich"}),
    ] {
        let answer = rate(&server, &visits[0], &bad).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {}", answer.body);
    }

    let answers = [
        json!({"rating": 5, "reasons": ["explained_well", "friendly"]}),
        json!({"rating": 4, "reasons": ["waited_long", "knew_documents"]}),
        json!({"rating": 4}),
        json!({"rating": 2, "reasons": ["waited_long"]}),
        json!({"rating": 5, "reasons": ["understood", "friendly", "explained_well"]}),
        json!({"rating": 1, "reasons": ["waited_long"]}),
    ];
    for (visit, answer) in visits.iter().zip(&answers) {
        let given = rate(&server, visit, answer).await;
        assert_eq!(given.status, StatusCode::NO_CONTENT, "{}", given.body);
    }
    let again = rate(&server, &visits[0], &json!({"rating": 1})).await;
    assert_refused(&again, StatusCode::CONFLICT, "invalid_transition");

    let today = Timestamp::now().in_tz("Europe/Berlin").unwrap().date();
    let report: wire::StatisticsReport =
        server.admin().await.get_as(&format!("/api/v1/statistics?from={today}&to={today}")).await;
    let ukrainian = row(&report, "address-change", "uk");
    let counts = |row: &[(String, wire::Cell)], columns: &[&str]| -> Vec<wire::Cell> {
        columns.iter().map(|column| cell(row, column).clone()).collect()
    };
    use wire::Cell::{Decimal, Empty, Integer};
    assert_eq!(cell(&ukrainian, "answers"), &Integer(5));
    assert_eq!(cell(&ukrainian, "rating_mean"), &Decimal(4.0));
    let ratings = ["rating_1", "rating_2", "rating_3", "rating_4", "rating_5"];
    assert_eq!(counts(&ukrainian, &ratings), [Integer(0), Integer(1), Integer(0), Integer(2), Integer(2)]);
    let reasons = ["waited_long", "explained_well", "knew_documents", "understood", "friendly"];
    assert_eq!(counts(&ukrainian, &reasons), [Integer(2), Integer(2), Integer(1), Integer(1), Integer(2)]);
    // One answer in Arabic: counted, but what it said is not shown.
    let arabic = row(&report, "address-change", "ar");
    assert_eq!(cell(&arabic, "answers"), &Integer(1));
    assert!(counts(&arabic, &[&ratings[..], &reasons[..], &["rating_mean"]].concat()).iter().all(|c| *c == Empty));
    let everyone = row(&report, "*", "*");
    assert_eq!((cell(&everyone, "answers"), cell(&everyone, "rating_mean")), (&Integer(6), &Decimal(3.5)));
    assert_eq!(cell(&everyone, "waited_long"), &Integer(3));

    // The ticket keeps that it was rated, not how; the counts hold no ticket.
    let mut db = connect_database(data.path()).await;
    let given: i64 = sqlx::query_scalar("SELECT feedback_given FROM tickets WHERE id = $1")
        .bind(id(&visits[0]))
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(given, 1);
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM statistics_feedback").fetch_one(&mut db).await.unwrap();
    assert_eq!(rows, 4, "one row per day, concern, language and rating: uk 5, 4, 2 and ar 1");

    // The exports carry the table too.
    let admin = server.admin().await;
    let url = server.at(&format!("/api/v1/statistics/export.csv?from={today}&to={today}&table=feedback"));
    let csv = admin.client().get(url).send().await.unwrap().text().await.unwrap();
    assert!(csv.contains("address-change;Neue Adresse auf der Aufenthaltskarte;uk;5;4;0;1;0;2;2;2;2;1;1;2"), "{csv}");
    assert!(csv.contains("address-change;Neue Adresse auf der Aufenthaltskarte;ar;1;;;"), "{csv}");
}
