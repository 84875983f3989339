//! The integration tests of `willkommen-server`, in one test binary: each runs the REAL server
//! binary (`helpers::TestServer`) with a data folder of its own and speaks to it over HTTP, or
//! runs its command line.
//!
//! The same suite runs a second time against PostgreSQL when `WILLKOMMEN_TEST_DATABASE_URL`
//! is set (`cargo xtask test` starts one): each data folder then stands for a schema of its own.
//! The tests only PostgreSQL can run are `#[ignore]`d with the reason; that pass runs them with
//! `-- --include-ignored`.
//!
//! `cargo test -p willkommen-server --test server staff::` runs one module's tests.

mod helpers;

mod admin;
mod appointments;
mod backup;
mod cli;
mod clock;
mod crash;
mod data_protection;
mod faults;
mod feedback;
mod instances;
mod kiosk;
mod life_cycle;
mod live_streams;
mod logs;
mod metrics;
mod oidc;
mod phone_streams;
mod push;
mod settings;
mod staff;
mod statistics;
mod tickets;
mod web_app;
