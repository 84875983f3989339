//! `sqlx::migrate!` embeds the migrations when the server is compiled. Cargo does not know
//! that, so without this a new migration file alone would not rebuild the server, and a
//! release would ship without it.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
