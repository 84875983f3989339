-- How the kiosk behaves, set per office: when it warns and starts over after nobody touched it
-- (WCAG 2.2.1: at least 20 seconds of warning), and which concern "I am not sure" leads to.
ALTER TABLE office ADD COLUMN kiosk_idle_seconds INTEGER NOT NULL DEFAULT 60
    CHECK (kiosk_idle_seconds BETWEEN 5 AND 3600);
ALTER TABLE office ADD COLUMN kiosk_warning_seconds INTEGER NOT NULL DEFAULT 30
    CHECK (kiosk_warning_seconds BETWEEN 20 AND 600);
ALTER TABLE office ADD COLUMN information_concern TEXT REFERENCES concerns (id);
