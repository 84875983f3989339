//! Two server instances on one PostgreSQL schema, as an office with two boxes (or a restart
//! without downtime) runs: the same kiosks take tickets back to back, first all at one
//! instance, then split evenly across two. Writers of one office take turns on one advisory
//! lock whichever instance they run in (`src/store/backend.rs`), so a second instance adds
//! room for HTTP, JSON and reads but no write capacity; this measures what that amounts to.
//!
//! Every ticket a kiosk was given is checked against the schema afterwards: with two
//! instances numbering tickets at once, one number per ticket and one ticket per key are the
//! promises at stake.

use serde::Serialize;

use crate::driver::{self, Round};
use crate::exactly_once::ExactlyOnce;
use crate::office::Site;
use crate::plan::Plan;
use crate::rates::{Acknowledged, Kiosk};
use crate::server::ServerBinary;

#[derive(Debug, Serialize)]
pub struct TwoInstances {
    pub kiosks: usize,
    /// One instance, then two, each on a fresh schema.
    pub rounds: Vec<InstancesRound>,
}

#[derive(Debug, Serialize)]
pub struct InstancesRound {
    pub instances: usize,
    pub issuing: Round,
    pub check: ExactlyOnce,
}

pub async fn run(binary: &ServerBinary, plan: &Plan) -> anyhow::Result<TwoInstances> {
    let mut rounds = Vec::new();
    for instances in [1, 2] {
        let mut site = Site::open(binary, 0).await?;
        let mut urls = vec![site.url().to_owned()];
        for _ in 1..instances {
            urls.push(site.start_another_instance().await?);
        }
        let acknowledged = Acknowledged::default();
        let kiosks: Vec<Kiosk> = urls.iter().map(|url| Kiosk::new(&site).at(url).recording(&acknowledged)).collect();
        progress!(
            "issuing as fast as {} kiosks can, spread over {instances} instance(s) on one schema, for {} s",
            plan.shared_schema_kiosks,
            plan.round.as_secs_f64()
        );
        let issuing = driver::closed_loop(plan.shared_schema_kiosks, plan.round, move |kiosk, _| {
            kiosks[kiosk % kiosks.len()].take_ticket()
        })
        .await;
        let stored = site.shut_down_and_read().await?;
        let check = ExactlyOnce::check(&acknowledged.lock().unwrap(), &stored);
        rounds.push(InstancesRound { instances, issuing, check });
    }
    Ok(TwoInstances { kiosks: plan.shared_schema_kiosks, rounds })
}
