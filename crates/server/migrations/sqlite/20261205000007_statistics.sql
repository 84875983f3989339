-- Statistics (issue 18).

-- A read-only statistics role for the head of office. SQLite cannot change a CHECK in place,
-- and sqlx runs this in a transaction, where foreign keys cannot be switched off: the accounts
-- are kept aside, the table made anew and filled again. The checks of the references to it
-- wait for the end of the transaction, when every account is back; the sessions go with the
-- old table (everyone signs in again after the upgrade).
PRAGMA defer_foreign_keys = ON;
CREATE TEMPORARY TABLE accounts_before_statistics AS SELECT * FROM accounts;
DROP TABLE accounts;
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('staff', 'admin', 'statistics')),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL
);
INSERT INTO accounts (id, username, display_name, role, password_hash, active, created_at)
SELECT id, username, display_name, role, password_hash, active, created_at FROM accounts_before_statistics;
DROP TABLE accounts_before_statistics;

-- What the statistics keep of each office day once it is over: sums per hour, concern and
-- booking, and the counts behind medians and shares. Nothing here is about one visitor or one
-- clerk, and none of it is deleted with the tickets (docs/statistics.md, docs/data-protection.md).

-- Days already summed up into the tables below; a report reads the rest from the tickets.
CREATE TABLE statistics_days (
    service_day TEXT PRIMARY KEY,
    summed_at   TEXT NOT NULL  -- RFC 3339
);

-- Per office day, hour of arrival (0-23, office time; -1 for days summed before hours were
-- kept), concern the visitor chose and booking: counts, and sums of whole seconds.
CREATE TABLE statistics_hours (
    service_day            TEXT NOT NULL,
    hour                   INTEGER NOT NULL,
    concern_id             TEXT NOT NULL,
    booking                TEXT NOT NULL CHECK (booking IN ('walk_in', 'appointment')),
    issued                 INTEGER NOT NULL,
    served                 INTEGER NOT NULL,
    no_show                INTEGER NOT NULL,
    cancelled              INTEGER NOT NULL,
    transferred            INTEGER NOT NULL,
    waited                 INTEGER NOT NULL,  -- visitors called at least once
    wait_seconds           INTEGER NOT NULL,
    wait_max_seconds       INTEGER NOT NULL,
    walked                 INTEGER NOT NULL,  -- visitors who came to the counter after a call
    walk_seconds           INTEGER NOT NULL,
    timed                  INTEGER NOT NULL,  -- visitors served from start to finish
    service_seconds        INTEGER NOT NULL,
    estimated              INTEGER NOT NULL,  -- called visitors who were shown an estimate
    estimate_within        INTEGER NOT NULL,
    estimate_error_seconds INTEGER NOT NULL,
    checklists             INTEGER NOT NULL,  -- visitors whose concern has required documents
    complete_checklists    INTEGER NOT NULL,  -- ... who said they had every one of them
    PRIMARY KEY (service_day, hour, concern_id, booking)
);

-- How many visitors' wait (issue or slot to call) or service (start to finish) took so many
-- whole minutes, per day, concern and booking: what medians and percentiles are read from.
CREATE TABLE statistics_durations (
    service_day TEXT NOT NULL,
    concern_id  TEXT NOT NULL,
    booking     TEXT NOT NULL,
    measure     TEXT NOT NULL CHECK (measure IN ('wait', 'service')),
    histogram   TEXT NOT NULL,  -- JSON {"minutes": visitors}, e.g. {"0": 3, "12": 1}
    PRIMARY KEY (service_day, concern_id, booking, measure)
);

-- The languages visitors chose at the kiosk.
CREATE TABLE statistics_languages (
    service_day TEXT NOT NULL,
    concern_id  TEXT NOT NULL,
    booking     TEXT NOT NULL,
    language    TEXT NOT NULL,
    visitors    INTEGER NOT NULL,
    PRIMARY KEY (service_day, concern_id, booking, language)
);

-- Per checklist item: how many visitors answered it, and how many said they did not have it.
CREATE TABLE statistics_documents (
    service_day TEXT NOT NULL,
    concern_id  TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    asked       INTEGER NOT NULL,
    missing     INTEGER NOT NULL,
    PRIMARY KEY (service_day, concern_id, item_id)
);

-- The most visitors waiting at once in each hour, per concern ('' for all concerns together).
CREATE TABLE statistics_peaks (
    service_day TEXT NOT NULL,
    hour        INTEGER NOT NULL,
    concern_id  TEXT NOT NULL,
    waiting     INTEGER NOT NULL,
    PRIMARY KEY (service_day, hour, concern_id)
);

-- Visitors the kiosk told that no ticket could be had, counted as it happens.
CREATE TABLE statistics_turned_away (
    service_day TEXT NOT NULL,
    hour        INTEGER NOT NULL,
    concern_id  TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('quota', 'closed', 'cut_off')),
    visitors    INTEGER NOT NULL,
    PRIMARY KEY (service_day, hour, concern_id, reason)
);

-- When a concern's daily quota was used up: written with the last ticket it allowed.
CREATE TABLE statistics_quotas (
    service_day TEXT NOT NULL,
    concern_id  TEXT NOT NULL,
    quota       INTEGER NOT NULL,
    ran_out_at  TEXT NOT NULL,  -- RFC 3339 with the office's offset
    PRIMARY KEY (service_day, concern_id)
);

-- The days summed before this version kept only counts per concern: they are kept, without
-- an hour, as walk-ins, and their summed minutes are not carried over.
INSERT INTO statistics_hours
SELECT service_day, -1, concern_id, 'walk_in', issued, finished, no_show, cancelled, 0,
       0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM daily_statistics;
INSERT INTO statistics_days SELECT DISTINCT service_day, '1970-01-01T00:00:00Z' FROM daily_statistics;
DROP TABLE daily_statistics;

-- The waiting-time range a visitor was shown when the ticket was issued, in minutes.
ALTER TABLE tickets ADD COLUMN estimate_min INTEGER;
ALTER TABLE tickets ADD COLUMN estimate_max INTEGER;

-- A concern's target wait in minutes (NULL: none), for the live board.
ALTER TABLE concerns ADD COLUMN target_wait_minutes INTEGER;

