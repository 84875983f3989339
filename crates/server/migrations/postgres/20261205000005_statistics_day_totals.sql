-- Each summed day's totals over every hour and concern, for the report's table of days: a
-- year's days are then a few hundred rows instead of every hour's of every concern.
ALTER TABLE statistics_days ADD COLUMN issued BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_days ADD COLUMN served BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_days ADD COLUMN no_show BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_days ADD COLUMN cancelled BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_days ADD COLUMN waited BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_days ADD COLUMN wait_seconds BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_days ADD COLUMN wait_max_seconds BIGINT NOT NULL DEFAULT 0;
UPDATE statistics_days SET
    issued = (SELECT COALESCE(SUM(h.issued), 0) FROM statistics_hours h WHERE h.service_day = statistics_days.service_day),
    served = (SELECT COALESCE(SUM(h.served), 0) FROM statistics_hours h WHERE h.service_day = statistics_days.service_day),
    no_show = (SELECT COALESCE(SUM(h.no_show), 0) FROM statistics_hours h WHERE h.service_day = statistics_days.service_day),
    cancelled = (SELECT COALESCE(SUM(h.cancelled), 0) FROM statistics_hours h WHERE h.service_day = statistics_days.service_day),
    waited = (SELECT COALESCE(SUM(h.waited), 0) FROM statistics_hours h WHERE h.service_day = statistics_days.service_day),
    wait_seconds = (SELECT COALESCE(SUM(h.wait_seconds), 0) FROM statistics_hours h WHERE h.service_day = statistics_days.service_day),
    wait_max_seconds = (SELECT COALESCE(MAX(h.wait_max_seconds), 0) FROM statistics_hours h WHERE h.service_day = statistics_days.service_day);
