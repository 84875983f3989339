-- Anonymous answers to "How was your visit?", which the phone page asks once a ticket is
-- finished: counted per office day of the visit, concern, kiosk language and rating (1 very
-- bad to 5 very good), with how many ticked each reason. Nothing here leads to a ticket.
CREATE TABLE statistics_feedback (
    service_day    TEXT NOT NULL,
    concern_id     TEXT NOT NULL,
    language       TEXT NOT NULL,
    rating         BIGINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    answers        BIGINT NOT NULL,
    waited_long    BIGINT NOT NULL DEFAULT 0,
    explained_well BIGINT NOT NULL DEFAULT 0,
    knew_documents BIGINT NOT NULL DEFAULT 0,
    understood     BIGINT NOT NULL DEFAULT 0,
    friendly       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (service_day, concern_id, language, rating)
);

-- Whether a visit was rated already (one answer per visit); not what was answered.
ALTER TABLE tickets ADD COLUMN feedback_given BIGINT NOT NULL DEFAULT 0 CHECK (feedback_given IN (0, 1));
