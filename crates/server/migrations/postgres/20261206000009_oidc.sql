-- Staff who sign in with the office's identity provider (OpenID Connect) have an account for
-- the provider's subject, made at their first sign-in: no password (the hash '-' never
-- verifies), the name and role the provider's token gives at each sign-in.
ALTER TABLE accounts ADD COLUMN oidc_issuer TEXT;
ALTER TABLE accounts ADD COLUMN oidc_subject TEXT;
CREATE UNIQUE INDEX accounts_by_oidc_subject ON accounts (oidc_issuer, oidc_subject);

-- Whether a session was signed in through the provider, to send the browser on to sign out
-- there too. Nothing of the provider's token is kept.
ALTER TABLE sessions ADD COLUMN through_provider BIGINT NOT NULL DEFAULT 0 CHECK (through_provider IN (0, 1));

-- A sign-in on its way through the provider, between leaving for it and coming back: kept in
-- the database, since the way back may reach another instance. The browser holds a random
-- handle in a cookie; only its SHA-256 is here. Used once, and for 10 minutes at most.
CREATE TABLE oidc_logins (
    handle_hash   TEXT PRIMARY KEY,
    state         TEXT NOT NULL,
    nonce         TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    page          TEXT NOT NULL CHECK (page IN ('staff', 'admin')),
    expires_at    BIGINT NOT NULL   -- milliseconds since 1970 (UTC)
);
