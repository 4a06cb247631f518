-- The once-per-request key (20261206130000) takes the request id the router was given, which a
-- client may choose (x-request-id). A user who reused one id could have every later read of the
-- same patient skipped as a duplicate. The key now includes the minute of the access (UTC): one
-- request is still recorded once (a request straddling a minute's end at most twice), and a
-- reused id hides repeats within one minute at most.
DROP INDEX "audit"."access_log_pending_once_per_request";
CREATE UNIQUE INDEX "access_log_pending_once_per_request" ON "audit"."access_log_pending"
  ("request_id", COALESCE("actor_id", ''), "action", COALESCE("patient_id"::text, ''), "outcome", "fields", date_trunc('minute', timezone('UTC', "occurred_at")));

DROP INDEX "audit"."access_log_once_per_request";
DO $$
BEGIN
  EXECUTE format(
    'CREATE UNIQUE INDEX "access_log_once_per_request" ON "audit"."access_log" ("request_id", COALESCE("actor_id", %L), "action", COALESCE("patient_id"::text, %L), "outcome", "fields", date_trunc(%L, timezone(%L, "occurred_at"))) WHERE "seq" > %s',
    '', '', 'minute', 'UTC', (SELECT COALESCE(MAX("seq"), 0) FROM "audit"."access_log"));
END
$$;
