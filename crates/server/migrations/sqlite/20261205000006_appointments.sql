-- Appointments booked in another system, checked in at the kiosk. A reference is unique per
-- day (as ZMS's appointment numbers are); `reference_key` is its normalised form, see
-- `willkommen_api::normalize_reference`. Nothing personal: no names, no contact data.
CREATE TABLE appointments (
    id            INTEGER PRIMARY KEY,
    reference     TEXT NOT NULL,
    reference_key TEXT NOT NULL,
    service_day   TEXT NOT NULL,
    slot          TEXT NOT NULL,     -- RFC 3339 with the office's offset
    slot_at       INTEGER NOT NULL,  -- the same moment, milliseconds since 1970
    concern_id    TEXT NOT NULL REFERENCES concerns (id),
    language      TEXT,
    cancelled     INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
    source        TEXT NOT NULL CHECK (source IN ('api', 'console', 'import')),
    ticket_id     TEXT REFERENCES tickets (id) ON DELETE SET NULL,
    checked_in_at TEXT,
    late          INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    updated_at    TEXT NOT NULL,
    UNIQUE (reference_key, service_day)
);
CREATE INDEX appointments_by_day ON appointments (service_day, slot_at);
CREATE INDEX appointments_by_ticket ON appointments (ticket_id);

-- An appointment's ticket carries its slot, which orders the call (milliseconds since 1970;
-- NULL for walk-ins, and for late arrivals, who wait as walk-ins).
ALTER TABLE tickets ADD COLUMN appointment_slot INTEGER;

-- A booking system's name for a service and the concern it means, remembered for imports.
CREATE TABLE booking_services (
    service    TEXT PRIMARY KEY,  -- lower case
    name       TEXT NOT NULL,     -- as the booking system writes it
    concern_id TEXT NOT NULL REFERENCES concerns (id) ON DELETE CASCADE
);

-- The office's appointment rules (willkommen_api::AppointmentRules) as JSON.
ALTER TABLE office ADD COLUMN appointment_rules TEXT NOT NULL DEFAULT '{}';
