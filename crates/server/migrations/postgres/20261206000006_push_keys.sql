-- The office's VAPID key pair for Web Push (RFC 8292), made on first use: its private scalar in
-- base64url. It signs every push to the visitors' phones; backed up with the rest of the data.
CREATE TABLE push_keys (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    vapid_private_key TEXT NOT NULL
);
