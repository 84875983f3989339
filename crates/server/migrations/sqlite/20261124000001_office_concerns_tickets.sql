-- The office, its concerns with their document checklists, and the tickets issued for them.
-- Texts in several languages are JSON objects {"de": "...", "en": "..."} in TEXT columns.

CREATE TABLE office (
    id                  INTEGER PRIMARY KEY CHECK (id = 1), -- one office per database, for now
    name                TEXT NOT NULL,     -- JSON localized text
    time_zone           TEXT NOT NULL,     -- IANA name; ticket numbers restart daily there
    languages           TEXT NOT NULL,     -- JSON array of BCP 47 tags, in kiosk order
    opening_hours       TEXT NOT NULL,     -- JSON {"monday": [{"from": "08:00", "to": "12:00"}]}
    closed_days         TEXT NOT NULL,     -- JSON array of "YYYY-MM-DD"
    cutoff_minutes      INTEGER NOT NULL CHECK (cutoff_minutes >= 0),
    no_show_after_calls INTEGER NOT NULL CHECK (no_show_after_calls >= 1),
    retention_days      INTEGER NOT NULL CHECK (retention_days >= 1)
);

CREATE TABLE concerns (
    id          TEXT PRIMARY KEY,
    position    INTEGER NOT NULL,
    prefix      TEXT NOT NULL UNIQUE,
    icon        TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    daily_quota INTEGER CHECK (daily_quota >= 0),  -- NULL: no limit
    name        TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE checklist_items (
    concern_id TEXT NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    position   INTEGER NOT NULL,
    required   INTEGER NOT NULL CHECK (required IN (0, 1)),
    text       TEXT NOT NULL,
    hint       TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (concern_id, id)
);

-- The last ticket number handed out per concern and service day. Incremented atomically by an
-- upsert, so two kiosks can never draw the same number.
CREATE TABLE ticket_counters (
    concern_id    TEXT NOT NULL REFERENCES concerns (id),
    service_day   TEXT NOT NULL,  -- YYYY-MM-DD in the office's time zone
    last_sequence INTEGER NOT NULL,
    PRIMARY KEY (concern_id, service_day)
);

-- Staff and admin accounts. Passwords only as argon2id hashes.
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL
);

-- Signed-in browsers. Only a SHA-256 of each session token is stored, so a copy of the
-- database does not let anyone sign in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL  -- milliseconds since 1970 (UTC)
);

-- Counters (desks) and the concerns each serves.
CREATE TABLE counters (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE counter_concerns (
    counter_id TEXT NOT NULL REFERENCES counters (id) ON DELETE CASCADE,
    concern_id TEXT NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    PRIMARY KEY (counter_id, concern_id)
);

CREATE TABLE tickets (
    id          TEXT PRIMARY KEY,   -- random, 128 bits, base64url: the visitor's capability
    concern_id  TEXT NOT NULL REFERENCES concerns (id),
    prefix      TEXT NOT NULL,      -- the concern's prefix when the ticket was issued
    sequence    INTEGER NOT NULL,
    service_day TEXT NOT NULL,
    language    TEXT NOT NULL,
    checklist   TEXT NOT NULL,      -- JSON object: checklist item id -> has it
    status      TEXT NOT NULL,
    issued_at   TEXT NOT NULL,      -- RFC 3339 with the office's offset
    queued_at   INTEGER NOT NULL,   -- milliseconds since 1970 (UTC): the queue order
    priority    INTEGER NOT NULL DEFAULT 0,  -- 1: returned or transferred, called before others
    counter_id  TEXT REFERENCES counters (id),  -- while called or served
    call_count  INTEGER NOT NULL DEFAULT 0,
    served_by   INTEGER REFERENCES accounts (id),
    -- The number as printed: a transferred ticket keeps it in its new concern.
    UNIQUE (prefix, service_day, sequence)
);

CREATE INDEX tickets_by_day_and_status ON tickets (service_day, status);
CREATE INDEX tickets_queue_order ON tickets (status, service_day, concern_id, priority DESC, queued_at);

-- A counter serves one visitor at a time: the database itself refuses a second active ticket.
CREATE UNIQUE INDEX one_active_ticket_per_counter ON tickets (counter_id) WHERE status IN ('called', 'serving');

-- Everything that happens to a ticket, never updated or deleted before retention ends.
CREATE TABLE ticket_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id  TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    at         TEXT NOT NULL,   -- RFC 3339
    kind       TEXT NOT NULL,   -- issued, called, recalled, started, finished, no_show, cancelled, ...
    detail     TEXT NOT NULL DEFAULT '{}'  -- JSON: counter, staff account, concern transferred to
);

CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, id);
-- The wait estimate reads the latest services and calls; without these it would scan the log.
CREATE INDEX ticket_events_by_kind ON ticket_events (kind, id);
CREATE INDEX ticket_events_by_kind_and_time ON ticket_events (kind, at);

-- Idempotency-Key of each successful POST /tickets with the response it got, so a kiosk that
-- retries (lost answer, double tap, restart) gets the same ticket instead of a second one.
CREATE TABLE idempotency_keys (
    key             TEXT PRIMARY KEY,
    fingerprint     TEXT NOT NULL,  -- the canonical request body the key was first used with
    response_status INTEGER NOT NULL,
    response_body   TEXT NOT NULL,
    created_at      TEXT NOT NULL   -- RFC 3339 UTC; purged after the retention period
);

-- What is kept of a day after its tickets are deleted: counts and durations, nothing personal.
CREATE TABLE daily_statistics (
    service_day     TEXT NOT NULL,
    concern_id      TEXT NOT NULL,
    issued          INTEGER NOT NULL,
    finished        INTEGER NOT NULL,
    no_show         INTEGER NOT NULL,
    cancelled       INTEGER NOT NULL,
    wait_minutes    REAL NOT NULL,  -- sum over called tickets: from taking the ticket to the first call
    service_minutes REAL NOT NULL,  -- sum over finished tickets: from start to finish at the counter
    PRIMARY KEY (service_day, concern_id)
);
