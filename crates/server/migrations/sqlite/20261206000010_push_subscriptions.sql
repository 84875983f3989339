-- A visitor's phone asked to be told of its ticket by Web Push: where its push service takes
-- messages for it and the phone's keys (the browser's PushSubscription). Only with the
-- ticket: deleted with it, and as soon as the ticket is done. Never shown to staff.
CREATE TABLE push_subscriptions (
    ticket_id TEXT PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    endpoint  TEXT NOT NULL,
    p256dh    TEXT NOT NULL,
    auth      TEXT NOT NULL,
    language  TEXT NOT NULL,   -- the page's language when the visitor asked
    near_told INTEGER NOT NULL DEFAULT 0 CHECK (near_told IN (0, 1)),  -- "only N ahead" was pushed
    call_told INTEGER NOT NULL DEFAULT 0   -- the id of the last call or recall event pushed
);

-- Push "nearly your turn" when this many people or fewer are ahead.
ALTER TABLE office ADD COLUMN notify_ahead INTEGER NOT NULL DEFAULT 3;
