-- Administrators edit the office's configuration as a draft document and publish it as a new
-- version. Publishing writes the version and the tables the queue works with (office,
-- concerns, checklist_items, counters, counter_concerns) in one transaction, so nobody ever
-- sees half of it. The kiosk reads the newest version.

CREATE TABLE config_versions (
    version      INTEGER PRIMARY KEY,
    published_at TEXT NOT NULL,
    published_by INTEGER REFERENCES accounts (id),  -- NULL: the server itself (demo office, upgrade)
    note         TEXT NOT NULL DEFAULT '',
    document     TEXT NOT NULL                       -- JSON OfficeConfig, as exported
);

-- The one draft; every save bumps `revision`, and a save names the revision it was made from,
-- so one administrator cannot silently overwrite another's work.
CREATE TABLE config_draft (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL,
    based_on INTEGER NOT NULL REFERENCES config_versions (version),
    document TEXT NOT NULL,
    -- Which German text each translation was made from: {"concerns.x.name": {"ar": "..."}}.
    -- A translation is out of date when the German text has changed since.
    basis    TEXT NOT NULL DEFAULT '{}',
    saved_at TEXT NOT NULL,
    saved_by INTEGER REFERENCES accounts (id)
);

-- Who changed what, and when. Never deleted by retention: it is the office's record.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    actor   INTEGER REFERENCES accounts (id),  -- NULL: the server itself
    kind    TEXT NOT NULL,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL DEFAULT '[]'          -- JSON array of the paths that changed
);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- A concern or counter removed from the configuration stays as a row while tickets refer to
-- it (their history keeps its name and number), but is no longer offered or listed.
ALTER TABLE concerns ADD COLUMN removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1));
ALTER TABLE counters ADD COLUMN removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1));

-- Overrides the server's --public-url in ticket QR codes when set.
ALTER TABLE office ADD COLUMN public_base_url TEXT;
