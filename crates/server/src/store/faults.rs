//! The database faults an office's server meets, told apart from bugs: a full disk, a file
//! that cannot be written, a write lock another program holds, a database server that cannot
//! be reached. They are answered `503 storage_unavailable` (the client tries again; nothing
//! was changed), logged once in an operator's words, and end by themselves once the cause is
//! gone (see `health.rs`). Any other database error is a bug: `500 internal`.

use std::fmt;

/// What kind of fault keeps the database from taking writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaultKind {
    /// The disk (or the database's size limit) is full.
    DiskFull,
    /// The database file, its folder or the whole database is read-only.
    ReadOnly,
    /// Another program holds the write lock (an `sqlite3` shell inside a transaction).
    Locked,
    /// The database server cannot be reached, is restarting, or dropped the connection.
    Unreachable,
    /// The file cannot be opened or read: wrong owner, missing, an I/O error of the disk.
    Unreadable,
    /// The file is not a (whole) database any more.
    Damaged,
}

/// A storage fault, with the database's own message for the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageFault {
    pub kind: FaultKind,
    pub detail: String,
}

impl FaultKind {
    /// A stable name for logs and `/readyz`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DiskFull => "disk_full",
            Self::ReadOnly => "read_only",
            Self::Locked => "locked",
            Self::Unreachable => "unreachable",
            Self::Unreadable => "unreadable",
            Self::Damaged => "damaged",
        }
    }
}

impl StorageFault {
    /// Whether `error` is a storage fault rather than a bug, and which.
    pub fn of(error: &sqlx::Error) -> Option<Self> {
        let kind = match error {
            sqlx::Error::Database(error) => error.code().and_then(|code| kind_of_code(&code))?,
            sqlx::Error::Io(_) | sqlx::Error::Tls(_) | sqlx::Error::PoolTimedOut => FaultKind::Unreachable,
            // SQLite's worker thread died with its connection.
            sqlx::Error::WorkerCrashed => FaultKind::Unreadable,
            // PostgreSQL's side of a connection that broke mid-message.
            sqlx::Error::Protocol(_) => FaultKind::Unreachable,
            _ => return None,
        };
        Some(Self { kind, detail: error.to_string() })
    }

    /// What is wrong, in an operator's words, for the log and `/readyz`. `place` is the data
    /// folder, or the PostgreSQL server without its password.
    pub fn explain(&self, place: &Place) -> String {
        use FaultKind::*;
        match (self.kind, place) {
            (DiskFull, Place::Sqlite { dir, max_mb: Some(max_mb) }) => format!(
                "the database in {dir} reached its size limit of {max_mb} MB (database_max_mb), or the disk holding \
                 it is full: raise the limit, or free space on the disk"
            ),
            (DiskFull, Place::Sqlite { dir, max_mb: None }) => {
                format!("the disk holding {dir} is full: free space on it")
            }
            (DiskFull, Place::Postgres(server)) => format!("the PostgreSQL server {server} has no disk space left"),
            (ReadOnly, Place::Sqlite { dir, .. }) => format!(
                "the database in {dir} cannot be written: a read-only disk, or the file's owner or permissions \
                 changed (after a restore?); the server's user must own the folder and its files"
            ),
            (ReadOnly, Place::Postgres(server)) => {
                format!("the PostgreSQL server {server} is read-only (a standby, or after a failover?)")
            }
            (Locked, Place::Sqlite { dir, .. }) => format!(
                "another program holds the write lock on the database in {dir} (an sqlite3 shell inside a \
                 transaction, a backup tool?): end it"
            ),
            (Locked, Place::Postgres(server)) => {
                format!("the PostgreSQL server {server} keeps the office's tables locked")
            }
            (Unreachable, Place::Sqlite { dir, .. }) => format!("the database in {dir} does not answer"),
            (Unreachable, Place::Postgres(server)) => {
                format!("the PostgreSQL server {server} cannot be reached (restarting, or the network is down?)")
            }
            (Unreadable, Place::Sqlite { dir, .. }) => format!(
                "the database in {dir} cannot be read or written: the disk reports errors (see dmesg; a file \
                 system turned read-only after an error needs a check and a restart), or the file was removed"
            ),
            (Unreadable, Place::Postgres(server)) => format!("the PostgreSQL server {server} reports an I/O error"),
            (Damaged, Place::Sqlite { dir, .. }) => {
                format!("the database in {dir} is damaged: stop the server and restore the last backup")
            }
            (Damaged, Place::Postgres(server)) => format!("the PostgreSQL server {server} reports damaged data"),
        }
    }
}

impl fmt::Display for StorageFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.as_str(), self.detail)
    }
}

/// Where the data lives, for [`StorageFault::explain`].
#[derive(Clone, Debug)]
pub enum Place {
    /// The data folder, and the database's size limit (`database_max_mb`) if it has one.
    Sqlite { dir: String, max_mb: Option<u32> },
    /// The PostgreSQL server, without its password.
    Postgres(String),
}

/// SQLite's result codes are numbers (the extended code; its low byte is the primary code),
/// PostgreSQL's are five-character SQLSTATEs.
fn kind_of_code(code: &str) -> Option<FaultKind> {
    if code.len() == 5 {
        return kind_of_sqlstate(code);
    }
    let primary = code.parse::<i32>().ok()? & 0xff;
    Some(match primary {
        // SQLITE_FULL
        13 => FaultKind::DiskFull,
        // SQLITE_READONLY, SQLITE_PERM
        8 | 3 => FaultKind::ReadOnly,
        // SQLITE_BUSY, SQLITE_LOCKED: the busy timeout ran out
        5 | 6 => FaultKind::Locked,
        // SQLITE_IOERR, SQLITE_CANTOPEN
        10 | 14 => FaultKind::Unreadable,
        // SQLITE_CORRUPT, SQLITE_NOTADB
        11 | 26 => FaultKind::Damaged,
        _ => return None,
    })
}

/// <https://www.postgresql.org/docs/current/errcodes-appendix.html>
fn kind_of_sqlstate(code: &str) -> Option<FaultKind> {
    Some(match code {
        // disk_full; insufficient_resources and the other class 53 codes
        "53100" => FaultKind::DiskFull,
        _ if code.starts_with("53") => FaultKind::Unreachable,
        // connection exceptions; admin_shutdown, crash_shutdown, cannot_connect_now,
        // database_dropped; idle_session_timeout
        _ if code.starts_with("08") => FaultKind::Unreachable,
        "57P01" | "57P02" | "57P03" | "57P04" | "57P05" => FaultKind::Unreachable,
        // read_only_sql_transaction: a standby (after a failover, the old primary)
        "25006" => FaultKind::ReadOnly,
        // lock_not_available; query_canceled (statement or lock timeout)
        "55P03" | "57014" => FaultKind::Locked,
        // io_error, undefined_file, duplicate_file
        "58030" | "58P01" | "58P02" => FaultKind::Unreadable,
        // data_corrupted, index_corrupted
        "XX001" | "XX002" => FaultKind::Damaged,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_codes_are_read_by_their_primary_code() {
        assert_eq!(kind_of_code("13"), Some(FaultKind::DiskFull));
        // SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT
        assert_eq!(kind_of_code("1032"), Some(FaultKind::ReadOnly));
        assert_eq!(kind_of_code("778"), Some(FaultKind::Unreadable));
        assert_eq!(kind_of_code("517"), Some(FaultKind::Locked));
        // SQLITE_CONSTRAINT_UNIQUE is a rule, not a fault.
        assert_eq!(kind_of_code("2067"), None);
    }

    #[test]
    fn postgres_sqlstates_are_told_apart_from_bugs() {
        assert_eq!(kind_of_code("53100"), Some(FaultKind::DiskFull));
        assert_eq!(kind_of_code("57P01"), Some(FaultKind::Unreachable));
        assert_eq!(kind_of_code("08006"), Some(FaultKind::Unreachable));
        assert_eq!(kind_of_code("25006"), Some(FaultKind::ReadOnly));
        // unique_violation and a syntax error are bugs or rules.
        assert_eq!(kind_of_code("23505"), None);
        assert_eq!(kind_of_code("42601"), None);
    }

    #[test]
    fn a_lost_connection_is_a_fault_and_a_missing_row_is_not() {
        let lost = sqlx::Error::Io(std::io::Error::from(std::io::ErrorKind::ConnectionReset));
        assert_eq!(StorageFault::of(&lost).map(|fault| fault.kind), Some(FaultKind::Unreachable));
        assert_eq!(StorageFault::of(&sqlx::Error::RowNotFound), None);
    }

    #[test]
    fn the_operator_reads_which_disk_is_full() {
        let fault = StorageFault { kind: FaultKind::DiskFull, detail: "database or disk is full".into() };
        let said = fault.explain(&Place::Sqlite { dir: "/var/lib/willkommen".into(), max_mb: None });
        assert!(said.starts_with("the disk holding /var/lib/willkommen is full"), "{said}");
    }
}
