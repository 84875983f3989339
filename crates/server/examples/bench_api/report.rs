//! The results: `api.json` for machines, `api.md` (a fragment of `##` sections with tables,
//! ready for docs/benchmarks.md) for people. Every section names the command that reproduces it.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use serde::Serialize;

use crate::appointments::WithAppointments;
use crate::driver::Round;
use crate::environment::{DatabaseSetUp, Environment};
use crate::fanout::Fanout;
use crate::idempotency::IdempotencyUnderDelay;
use crate::plan::Plan;
use crate::pushes::Pushes;
use crate::rates::Rates;
use crate::sigkill::Sigkill;
use crate::stats::{Latency, describe};
use crate::two_instances::TwoInstances;

#[derive(Debug, Serialize)]
pub struct Report {
    pub environment: Environment,
    pub plan: Plan,
    pub issuing: Vec<Round>,
    pub call_next: Vec<Round>,
    pub call_next_with_appointments: WithAppointments,
    pub sse_fanout: Fanout,
    /// The same with thousands of clients at one instance (issue 20).
    pub sse_city: Fanout,
    /// PostgreSQL only: the city's streams spread over two instances.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sse_city_two_instances: Option<Fanout>,
    /// Calling while phones are subscribed to pushes (issue 21).
    pub pushes: Pushes,
    /// PostgreSQL only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub two_instances: Option<TwoInstances>,
    pub faults: Faults,
}

/// The sections on reaching visitors' devices: live streams of a lobby's clients, a city's at
/// one instance, and (PostgreSQL only) a city's at two; and pushes to phones.
pub struct LiveStreams {
    pub lobby: Fanout,
    pub city: Fanout,
    pub city_two_instances: Option<Fanout>,
    pub pushes: Pushes,
}

#[derive(Debug, Serialize)]
pub struct Faults {
    pub sigkill: Sigkill,
    pub idempotency_under_delay: IdempotencyUnderDelay,
}

impl Report {
    pub fn new(
        environment: Environment,
        plan: Plan,
        rates: Rates,
        with_appointments: WithAppointments,
        LiveStreams { lobby: sse_fanout, city: sse_city, city_two_instances: sse_city_two_instances, pushes }: LiveStreams,
        two_instances: Option<TwoInstances>,
        faults: Faults,
    ) -> Self {
        Self {
            environment,
            plan,
            issuing: rates.issuing,
            call_next: rates.call_next,
            call_next_with_appointments: with_appointments,
            sse_fanout,
            sse_city,
            sse_city_two_instances,
            pushes,
            two_instances,
            faults,
        }
    }

    fn on_postgres(&self) -> bool {
        matches!(self.environment.database, Some(DatabaseSetUp::Postgres { .. }))
    }

    /// The line every section starts with: how to measure it again.
    fn command(&self) -> String {
        let postgres = if self.on_postgres() { " --postgres" } else { "" };
        format!("Command: `cargo xtask bench api{postgres}` (`--quick` for a short, noisier run).")
    }

    /// The figures that must be 0 and are not: each is a bug in the server.
    pub fn violations(&self) -> Vec<String> {
        let sigkill = self.faults.sigkill.check.violations().into_iter().map(|v| format!("SIGKILL run: {v}"));
        let delay = &self.faults.idempotency_under_delay;
        let mut delayed: Vec<String> =
            delay.check.violations().into_iter().map(|v| format!("delay run: {v}")).collect();
        if delay.visitors_shown_two_tickets > 0 {
            delayed
                .push(format!("delay run: {} visitors shown two different tickets", delay.visitors_shown_two_tickets));
        }
        let shared = self.two_instances.iter().flat_map(|two| &two.rounds).flat_map(|round| {
            let instances = round.instances;
            round.check.violations().into_iter().map(move |v| format!("{instances} instance(s) on one schema: {v}"))
        });
        sigkill.chain(delayed).chain(shared).collect()
    }

    pub fn write(&self, dir: &Path) -> anyhow::Result<()> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        std::fs::write(dir.join("api.json"), serde_json::to_string_pretty(self)? + "\n")?;
        std::fs::write(dir.join("api.md"), self.markdown())?;
        Ok(())
    }

    pub fn markdown(&self) -> String {
        let mut md = String::new();
        self.environment_section(&mut md);
        self.issuing_section(&mut md);
        self.calling_section(&mut md);
        self.appointments_section(&mut md);
        self.fanout_section(&mut md, &self.sse_fanout);
        self.fanout_section(&mut md, &self.sse_city);
        if let Some(two) = &self.sse_city_two_instances {
            self.fanout_section(&mut md, two);
        }
        self.pushes_section(&mut md);
        self.two_instances_section(&mut md);
        self.sigkill_section(&mut md);
        self.idempotency_section(&mut md);
        md
    }

    fn environment_section(&self, md: &mut String) {
        let command = self.command();
        let env = &self.environment;
        let _ = writeln!(md, "## Queue API benchmarks: machine and set-up\n\n{command}\n");
        let _ = writeln!(md, "| | |\n|---|---|");
        let _ = writeln!(md, "| date | {} |", env.date_utc);
        let _ = writeln!(
            md,
            "| machine | {} cores ({}), {} GiB, Linux {} |",
            env.cpus, env.cpu_model, env.memory_gib, env.kernel
        );
        let _ = writeln!(
            md,
            "| server | `{}`, commit {} |",
            env.server_binary,
            env.git_commit.as_deref().unwrap_or("unknown")
        );
        let _ = writeln!(md, "{}", database_row(env));
        let _ = writeln!(
            md,
            "| disk | 4 KiB write + fdatasync: p50 {} ms, p99 {} ms, max {} ms |",
            ms(env.fsync.p50_ms),
            ms(env.fsync.p99_ms),
            ms(env.fsync.max_ms)
        );
        let files = &env.open_files;
        let _ = writeln!(
            md,
            "| open files | soft limit {} (was {}, hard {}) |",
            files.soft, files.soft_at_start, files.hard
        );
        let _ = writeln!(
            md,
            "| load average (1, 5, 15 min) | {} at start, {} at end |",
            env.load_average_at_start, env.load_average_at_end
        );
        let _ = writeln!(md, "| run | {}, {:.0} s |\n", if env.quick { "quick" } else { "full" }, env.runtime_s);
        let database = if self.on_postgres() {
            "a fresh schema of the one PostgreSQL database (whose server shares the cores too, when local)"
        } else {
            "a fresh database"
        };
        let _ = writeln!(
            md,
            "The benchmark starts the real server binary on 127.0.0.1 and shares the machine's cores with it. \
             Each section gets a server of its own on {database} with the demo office, which an admin \
             publishes (through the admin API) open every day from 00:00 to 24:00, without daily quotas and with \
             {} more counters, so the run works at any hour.\n",
            self.plan.counters
        );
    }

    fn issuing_section(&self, md: &mut String) {
        let command = self.command();
        let _ = writeln!(md, "## Taking tickets at fixed rates\n\n{command}\n");
        let _ = writeln!(
            md,
            "`POST /api/v1/tickets`, each with a new `Idempotency-Key`, concerns and languages in turn, the \
             checklist answered. **Open loop**: requests leave at fixed intervals whatever the answers, and each \
             latency runs from the moment its request was due, so a stall shows in the latencies instead of \
             lowering the rate. **Closed loop**: kiosks send back to back (the maximum throughput). Rounds of {} s, \
             each on a fresh database (the queue grows during a round: nobody is called).\n",
            self.plan.round.as_secs_f64()
        );
        rounds_table(md, &self.issuing, "tickets/s", "kiosk(s) back to back");
        lateness_note(md, &self.issuing);
    }

    fn calling_section(&self, md: &mut String) {
        let command = self.command();
        let _ = writeln!(md, "## Calling the next visitor at fixed rates\n\n{command}\n");
        let _ = writeln!(
            md,
            "{} clerks, each signed in at a counter serving every concern: `POST /api/v1/counters/{{c}}/call-next`, \
             then start and finish (`POST /tickets/{{id}}/start`, `/finish`), which frees the counter. Latency is \
             the call's: from the moment it was due (open loop; a call that finds every counter busy waits for \
             one) or sent (closed loop) to the called ticket. The rounds run one after the other on one \
             database; before each, the queue is filled (untimed) with enough tickets for the round.\n",
            self.plan.counters
        );
        rounds_table(md, &self.call_next, "calls/s", "counters back to back");
        lateness_note(md, &self.call_next);
    }

    fn pushes_section(&self, md: &mut String) {
        let command = self.command();
        let p = &self.pushes;
        let _ = writeln!(md, "## Calling while phones wait for pushes\n\n{command}\n");
        let _ = writeln!(
            md,
            "One counter calls and serves {calls} visitors, three times: before any phone subscribed, with \
             {phones} waiting tickets whose phones subscribed to pushes (`PUT /api/v1/tickets/{{id}}/push`) and \
             a push service on 127.0.0.1 that answers at once, and with that push service holding every push \
             unanswered. Latency is call-next's own request; the push's is from call-next's answer to the \
             call's push arriving at the push service (encrypted and signed, sent by the server in the \
             background).\n",
            calls = p.calls,
            phones = p.phones
        );
        let _ = writeln!(md, "| what | samples | p50 ms | p90 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|");
        latency_row(md, "subscribing a phone", &p.subscribe);
        latency_row(md, "call-next, no phones", &p.call_next_without_phones);
        latency_row(md, &format!("call-next, {} phones", p.phones), &p.call_next_with_phones);
        latency_row(md, "call-next → the call's push at the push service", &p.call_to_push);
        latency_row(md, "call-next, push service hanging", &p.call_next_push_service_hanging);
        let _ = writeln!(
            md,
            "\nPushes that did not arrive within 10 s: {}. Pushes the hanging push service held at the end: {}.\n",
            p.pushes_missing, p.pushes_held
        );
    }

    fn appointments_section(&self, md: &mut String) {
        let command = self.command();
        let a = &self.call_next_with_appointments;
        let _ = writeln!(md, "## Calling with {} appointments in the day\n\n{command}\n", a.booked);
        let _ = writeln!(
            md,
            "The same rounds as above on a fresh office that takes appointments: {} booked over 8 hours around \
             the start (`PUT /api/v1/admin/appointments/{{reference}}`), and the {} whose check-in window was open \
             checked in (`POST /api/v1/appointments/{{reference}}/check-in`; it opens 4 hours ahead here), so \
             the queue sorts due appointments, walk-ins and early arrivals at every call. p99 against the \
             plain rounds above:\n",
            a.booked, a.checked_in
        );
        rounds_table(md, &a.call_next, "calls/s", "counters back to back");
        let ratios: Vec<String> = self
            .call_next
            .iter()
            .zip(&a.call_next)
            .map(|(plain, booked)| format!("{:.2}", booked.latency.p99_ms / plain.latency.p99_ms.max(0.001)))
            .collect();
        let _ = writeln!(md, "p99 with appointments / without, per round: {}.\n", ratios.join(", "));
    }

    fn fanout_section(&self, md: &mut String, f: &Fanout) {
        let command = self.command();
        let clients = f.phones + f.displays;
        let _ = match f.instances {
            1 => writeln!(md, "## Live streams: {clients} clients\n\n{command}\n"),
            n => writeln!(
                md,
                "## Live streams: {clients} clients at {n} instances on one PostgreSQL schema\n\n{command}\n\n\
                 The clients are spread evenly over the instances, and so are the kiosks; the clerk calls at \
                 the first, so the others hear of each call through `LISTEN/NOTIFY`.\n"
            ),
        };
        let _ = writeln!(
            md,
            "{} phones follow their own ticket (`GET /api/v1/tickets/{{id}}/events`, all of one concern, behind \
             the tickets being called) and {} lobby displays follow the calls (`GET /api/v1/display/events`). \
             A clerk calls {} visitors of that concern, one every ~0.5 s plus delivery, serving each; every call \
             moves every phone one place forward and appears on every display. Delay: from sending the call to \
             the event's arrival at the client.\n",
            f.phones, f.displays, f.calls
        );
        let _ =
            writeln!(md, "| stream | deliveries | p50 ms | p90 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|");
        latency_row(md, "phone: `/tickets/{id}/events`", &f.phone_delay);
        latency_row(md, "display: `/display/events`", &f.display_delay);
        latency_row(md, "the last of all clients, per call", &f.last_client_delay);
        let _ = writeln!(
            md,
            "\nStreams open: {} of {} ({} refused or broken), all open after {:.2} s. Clients that received \
             every call: {} of {}; deliveries missing after 10 s: {}; displays showing a wrong number: {}.\n",
            f.streams_open,
            f.phones + f.displays,
            f.streams_failed,
            f.connect_all_s,
            f.clients_with_every_event,
            f.phones + f.displays,
            f.missed_deliveries,
            f.display_wrong_number
        );
        if let (Some(without), Some(with), Some(per_stream)) =
            (f.server_rss_without_streams_mib, f.server_rss_with_streams_mib, f.memory_per_stream_kib)
        {
            let _ = writeln!(
                md,
                "Server memory (resident): {without} MiB with the tickets taken and no stream open, {with} MiB \
                 with the {} streams open. The streams open in two halves, phones and displays alike; each \
                 stream of the second half added **{per_stream} KiB** (the resident size moves by megabytes on \
                 its own, so this says something only with thousands of streams).\n",
                f.streams_open
            );
        }
        if let (Some(before), Some(with), Some(after)) =
            (&f.issuing_without_streams, &f.issuing_with_streams_open, &f.issuing_after_streams)
        {
            let without = (before.achieved_rps + after.achieved_rps) / 2.0;
            let share = if without > 0.0 { 100.0 * with.achieved_rps / without } else { 0.0 };
            let _ = writeln!(
                md,
                "Every commit is read once by the instance's reader, which tells each stream what concerns it. \
                 Kiosks take tickets on the same server before the streams open, with the {} streams open (new \
                 tickets queue behind the phones, so no client is sent anything), and after they closed. Each round's tickets are \
                 cancelled after it (and, on PostgreSQL, the table vacuumed), since a ticket takes longer to \
                 issue the longer its queue. With the streams open: **{share:.0} %** of the mean rate without.\n",
                f.streams_open
            );
            let kiosks = with.clients.unwrap_or_default();
            let rows = [
                ("before the streams open".to_owned(), before),
                ("with the streams open".to_owned(), with),
                ("after they closed".to_owned(), after),
            ];
            labelled_rounds_table(md, &rows, &format!("{kiosks} kiosks back to back"), "tickets/s");
        }
    }

    fn two_instances_section(&self, md: &mut String) {
        let Some(two) = &self.two_instances else { return };
        let command = self.command();
        let _ = writeln!(md, "## Two server instances on one PostgreSQL schema\n\n{command}\n");
        let _ = writeln!(
            md,
            "{} kiosks take tickets back to back for {} s: first all at one instance, then half at each of two \
             instances started on the same schema (a fresh schema per round). Writers of one office take turns \
             on one advisory lock, whichever instance they are in, so the second instance adds room for HTTP, JSON \
             and reads, not for writes; both instances, PostgreSQL and the kiosks share the machine's cores. \
             Afterwards every ticket a kiosk was given is looked up in the schema.\n",
            two.kiosks,
            self.plan.round.as_secs_f64()
        );
        let _ = writeln!(
            md,
            "| instances | tickets | tickets/s | p50 ms | p90 ms | p99 ms | max ms | errors | lost | duplicate | \
             sharing a number |\n|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|"
        );
        for round in &two.rounds {
            let (issuing, check) = (&round.issuing, &round.check);
            let _ = writeln!(
                md,
                "| {} | {} | {:.1} | {} | {} | {} | {} | {} | **{}** | **{}** | **{}** |",
                round.instances,
                issuing.requests,
                issuing.achieved_rps,
                ms(issuing.latency.p50_ms),
                ms(issuing.latency.p90_ms),
                ms(issuing.latency.p99_ms),
                ms(issuing.latency.max_ms),
                describe(&issuing.error_kinds),
                check.lost_acknowledged,
                check.duplicate_tickets,
                check.shared_numbers
            );
        }
        let _ = writeln!(md, "\nLost, duplicate and sharing a number must be 0.\n");
    }

    fn sigkill_section(&self, md: &mut String) {
        let command = self.command();
        let s = &self.faults.sigkill;
        let _ = writeln!(md, "## Faults: SIGKILL while kiosks issue tickets\n\n{command}\n");
        let _ = writeln!(
            md,
            "{} kiosks take tickets without pause; each visitor's attempt is retried with its key (every 20 ms \
             while the server is unreachable) until answered. Meanwhile the server is killed with SIGKILL {} times, \
             0.3–1.2 s apart, and started again at once on the same port and database. Afterwards the database is \
             read directly.\n",
            s.kiosks, s.kills
        );
        let _ = writeln!(md, "| figure | value |\n|---|---:|");
        let _ = writeln!(md, "| requests sent (retries included) | {} |", s.attempts);
        let _ = writeln!(md, "| tickets acknowledged to kiosks | {} |", s.check.acknowledged);
        let _ = writeln!(md, "| tickets in the database | {} |", s.check.tickets_stored);
        let _ = writeln!(md, "| **lost acknowledged tickets** (must be 0) | **{}** |", s.check.lost_acknowledged);
        let _ = writeln!(md, "| **duplicate tickets** (must be 0) | **{}** |", s.check.duplicate_tickets);
        let _ = writeln!(md, "| tickets sharing a number (must be 0) | {} |", s.check.shared_numbers);
        let _ = writeln!(md, "| answers disagreeing with the database (must be 0) | {} |", s.check.answers_disagreeing);
        let _ = writeln!(
            md,
            "| retries answered from the stored answer (ticket committed, answer lost) | {} |",
            s.replayed_answers
        );
        let _ = writeln!(md, "| other answers | {} |", describe(&s.other_answers));
        let _ = writeln!(
            md,
            "| restart (spawn → listening), p50 / max ms | {} / {} |",
            ms(s.restart.p50_ms),
            ms(s.restart.max_ms)
        );
        let _ = writeln!(
            md,
            "| outage (kill → next ticket issued), p50 / max ms | {} / {} |\n",
            ms(s.outage.p50_ms),
            ms(s.outage.max_ms)
        );
    }

    fn idempotency_section(&self, md: &mut String) {
        let command = self.command();
        let d = &self.faults.idempotency_under_delay;
        let _ = writeln!(md, "## Faults: retries with one Idempotency-Key over a slow network\n\n{command}\n");
        let _ = writeln!(
            md,
            "{} kiosks serve {} visitors through a proxy that holds every request and every answer for a random \
             {}–{} ms each way. A kiosk gives up on a try after {} ms and sends it again with the same key at once, \
             while the earlier tries are still on their way (the proxy delivers them anyway); one visitor in {} \
             double-taps (two requests at once). Then {} times {} identical requests with one new key go straight \
             to the server at the same instant. Afterwards the database is read directly.\n",
            d.kiosks,
            d.visitors,
            d.delay_each_way_ms[0],
            d.delay_each_way_ms[1],
            d.client_timeout_ms,
            d.double_tap_every,
            d.burst.keys,
            d.burst.requests_per_key
        );
        let _ = writeln!(md, "| figure | value |\n|---|---:|");
        let _ = writeln!(
            md,
            "| requests sent / retries / double taps | {} / {} / {} |",
            d.attempts, d.retries, d.double_taps
        );
        let _ = writeln!(md, "| answers through the proxy | {} |", describe(&d.answers));
        let _ = writeln!(md, "| answers to the simultaneous bursts | {} |", describe(&d.burst.answers));
        let _ = writeln!(
            md,
            "| burst answer time, p50 / max ms | {} / {} |",
            ms(d.burst.latency.p50_ms),
            ms(d.burst.latency.max_ms)
        );
        let _ = writeln!(
            md,
            "| visitor's first try → ticket, p50 / p99 / max ms | {} / {} / {} |",
            ms(d.time_to_ticket.p50_ms),
            ms(d.time_to_ticket.p99_ms),
            ms(d.time_to_ticket.max_ms)
        );
        let _ = writeln!(md, "| visitors without a ticket after the most tries | {} |", d.visitors_unanswered);
        let _ = writeln!(
            md,
            "| keys (visitors and bursts) / tickets in the database | {} / {} |",
            d.check.acknowledged, d.check.tickets_stored
        );
        let _ = writeln!(md, "| **duplicate tickets** (must be 0) | **{}** |", d.check.duplicate_tickets);
        let _ = writeln!(
            md,
            "| **visitors shown two different tickets** (must be 0) | **{}** |",
            d.visitors_shown_two_tickets
        );
        let _ = writeln!(md, "| lost acknowledged tickets (must be 0) | {} |", d.check.lost_acknowledged);
        let _ =
            writeln!(md, "| answers disagreeing with the database (must be 0) | {} |\n", d.check.answers_disagreeing);
    }
}

/// The database and the settings that decide whether an answered ticket is on the disk.
fn database_row(env: &Environment) -> String {
    match &env.database {
        Some(DatabaseSetUp::Sqlite { journal_mode, synchronous }) => format!(
            "| SQLite | journal_mode={journal_mode}, synchronous={synchronous} (one fsync per commit), data on {} |",
            env.data_filesystem
        ),
        Some(DatabaseSetUp::Postgres { version, fsync, synchronous_commit, full_page_writes, data_filesystem }) => {
            let disk = data_filesystem.as_deref().map_or_else(String::new, |disk| format!(", data on {disk}"));
            format!(
                "| PostgreSQL | {version}, fsync={fsync}, synchronous_commit={synchronous_commit}, \
                 full_page_writes={full_page_writes} (each commit waits for its WAL flush when both are on){disk} |"
            )
        }
        None => "| database | unknown |".into(),
    }
}

fn rounds_table(md: &mut String, rounds: &[Round], unit: &str, clients: &str) {
    let rows: Vec<(String, &Round)> = rounds
        .iter()
        .map(|round| {
            let load = match (round.target_rps, round.clients) {
                (Some(rate), _) => format!("{rate} {unit}"),
                (None, Some(n)) => format!("{n} {clients}"),
                (None, None) => "?".into(),
            };
            (load, round)
        })
        .collect();
    labelled_rounds_table(md, &rows, "load", unit);
}

fn labelled_rounds_table(md: &mut String, rows: &[(String, &Round)], label: &str, unit: &str) {
    let _ = writeln!(md, "| {label} | requests | achieved {unit} | p50 ms | p90 ms | p99 ms | max ms | errors |");
    let _ = writeln!(md, "|---|---:|---:|---:|---:|---:|---:|---|");
    for (load, round) in rows {
        let l = &round.latency;
        let _ = writeln!(
            md,
            "| {load} | {} | {:.1} | {} | {} | {} | {} | {} |",
            round.requests,
            round.achieved_rps,
            ms(l.p50_ms),
            ms(l.p90_ms),
            ms(l.p99_ms),
            ms(l.max_ms),
            describe(&round.error_kinds)
        );
    }
    md.push('\n');
}

/// How late the benchmark itself sent the open-loop requests, at worst (included above).
fn lateness_note(md: &mut String, rounds: &[Round]) {
    let late = rounds.iter().filter_map(|round| round.send_lateness.as_ref());
    let (p99, max) = late.fold((0.0f64, 0.0f64), |(p99, max), l| (p99.max(l.p99_ms), max.max(l.max_ms)));
    let _ = writeln!(
        md,
        "The benchmark itself started open-loop requests up to {} ms after they were due (p99 {} ms, \
         worst round); that is part of the latencies above.\n",
        ms(max),
        ms(p99)
    );
}

fn latency_row(md: &mut String, what: &str, latency: &Latency) {
    let _ = writeln!(
        md,
        "| {what} | {} | {} | {} | {} | {} |",
        latency.samples,
        ms(latency.p50_ms),
        ms(latency.p90_ms),
        ms(latency.p99_ms),
        ms(latency.max_ms)
    );
}

/// Milliseconds with the digits that matter: 1.23, 12.3, 123.
fn ms(value: f64) -> String {
    match value {
        v if v < 10.0 => format!("{v:.2}"),
        v if v < 100.0 => format!("{v:.1}"),
        v => format!("{v:.0}"),
    }
}
