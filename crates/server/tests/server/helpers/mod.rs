//! What the tests share, each in one place: the server process ([`TestServer`], the
//! zero-to-production `TestApp`) and the requests it makes for a test, a signed-in browser
//! ([`Clerk`]), the one check of a refusal ([`assert_refused`]), the database behind a data
//! folder, the command line, and a live-stream reader.

mod cable;
mod clerk;
mod command_line;
mod database;
mod disks;
mod kiosks;
mod push_receiver;
mod requests;
mod sse;
pub mod test_issuer;
mod test_server;
mod zones;

pub use cable::Cable;
pub use clerk::{Clerk, assert_staff_ticket};
pub use command_line::{
    free_port, path_str, run_server_to_exit, run_server_to_exit_with_env, server_command, the_one_stderr_line,
};
pub use database::{
    check_acknowledged_tickets, connect_database, data_folder_with, database_args, edit_database, needs_postgres,
    postgres_url, schema_for,
};
pub use disks::{FailingDisk, SmallDisk};
pub use kiosks::{KioskReport, Kiosks};
pub use push_receiver::{Answering, PushReceiver, Received};
pub use requests::{Answer, assert_refused, id, new_key};
pub use sse::SseReader;
pub use test_server::TestServer;
pub use zones::slot_in;
