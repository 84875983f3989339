//! The ticket life cycle as the server enforces it: every action tried on a ticket in every
//! status, through the real API. What is allowed is `willkommen_api::TicketAction`, the table
//! the staff desk and the phone page offer their buttons from; so this proves the server does
//! exactly what the web app offers, no more and no less.

use reqwest::StatusCode;
use serde_json::Value;
use willkommen_api::{TicketAction, TicketStatus};

use crate::helpers::{Answer, Clerk, TestServer, assert_refused, assert_staff_ticket, id};

/// Every counter of the demo office serves `information`; this one does the walking.
const COUNTER: &str = "counter-1";
/// Where a transfer sends the visitor: another concern that counter-1 serves too.
const OTHER_CONCERN: &str = "address-change";

/// A new ticket brought to `status` at [`COUNTER`] by the API's own actions.
async fn ticket_in(server: &TestServer, clerk: &Clerk, status: TicketStatus) -> String {
    let ticket = id(&server.issue_ticket("information", "en").await).to_owned();
    let steps: &[&str] = match status {
        TicketStatus::Waiting => &[],
        TicketStatus::Called => &["call"],
        TicketStatus::Serving => &["call", "start"],
        TicketStatus::Parked => &["call", "start", "park"],
        TicketStatus::Finished => &["call", "start", "finish"],
        TicketStatus::NoShow => &["call", "no-show"],
        TicketStatus::Cancelled => &["cancel"],
    };
    for step in steps {
        let answer = apply(server, clerk, &ticket, TicketAction::from_path(step).unwrap()).await;
        assert_eq!(answer.status, StatusCode::OK, "{step} on the way to {status:?}: {}", answer.body);
    }
    ticket
}

/// Does `action` to the ticket through its route, as the desk (or the phone page) would.
async fn apply(server: &TestServer, clerk: &Clerk, ticket: &str, action: TicketAction) -> Answer {
    match action {
        TicketAction::Call => clerk.call(ticket, COUNTER).await,
        TicketAction::Transfer => clerk.transfer(ticket, OTHER_CONCERN).await,
        TicketAction::Cancel => server.cancel(ticket).await,
        other => clerk.act(ticket, other.path()).await,
    }
}

/// Frees [`COUNTER`] for the next pair: a ticket still called or served there is finished.
async fn free_the_counter(clerk: &Clerk, ticket: &Value) {
    let ticket_id = id(ticket);
    if ticket["status"] == "called" {
        clerk.done(ticket_id, "start").await;
    }
    if matches!(clerk.ticket(ticket_id).await["status"].as_str(), Some("serving")) {
        clerk.done(ticket_id, "finish").await;
    }
}

#[tokio::test]
async fn every_action_on_a_ticket_in_every_status_does_what_the_life_cycle_allows_and_nothing_else() {
    let server = TestServer::fresh();
    let clerk = server.clerk().await;

    for status in TicketStatus::ALL {
        for action in TicketAction::ALL {
            let ticket = ticket_in(&server, &clerk, status).await;
            let before = clerk.ticket(&ticket).await;

            let answer = apply(&server, &clerk, &ticket, action).await;

            let pair = format!("{} on a {} ticket", action.path(), status.as_str());
            let after = clerk.ticket(&ticket).await;
            if action.is_allowed_from(status) {
                assert_eq!(answer.status, StatusCode::OK, "{pair} was refused: {}", answer.body);
                assert_eq!(after["status"], action.leads_to().as_str(), "{pair}: {after}");
                if action.by_staff() {
                    assert_staff_ticket(&answer);
                }
            } else if (status, action) == (TicketStatus::Cancelled, TicketAction::Cancel) {
                // Giving a ticket back twice is harmless: a phone may repeat the request.
                assert_eq!(answer.status, StatusCode::OK, "{pair}: {}", answer.body);
                assert_eq!(after, before, "{pair} changed the ticket");
            } else {
                assert_refused(&answer, StatusCode::CONFLICT, "invalid_transition");
                assert_eq!(after, before, "{pair} was refused but changed the ticket");
            }
            free_the_counter(&clerk, &after).await;
        }
    }
}
