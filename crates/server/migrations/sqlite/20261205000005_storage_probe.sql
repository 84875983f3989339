-- A row the server writes and deletes again in one transaction to learn whether the database
-- takes writes (disk full, read-only, locked), for /readyz and for recovering from a fault.
CREATE TABLE storage_probe (
    id INTEGER PRIMARY KEY,
    filler BLOB NOT NULL
);
