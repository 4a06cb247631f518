-- Each (request, actor, action, patient, outcome, fields written) is recorded once, however many times one
-- request touches it: twelve aliases of one 100-patient search write 100 rows, not 1,200. Writers
-- insert with ON CONFLICT DO NOTHING; the chaining trigger derives seq from the last stored row, so
-- a skipped duplicate takes no seq and leaves no gap in the chain. The actor is part of the key:
-- a request id is client-chosen, so one caller reusing another's id must not hide their reads.
-- Only rows from now on: earlier duplicates stay (the table is append-only), so the index covers
-- seq values above the current head. An expression (no patient = '') makes rows naming no patient
-- collide too, and keeps the index out of Prisma's schema diff (it cannot express one).
DO $$
BEGIN
  EXECUTE format(
    'CREATE UNIQUE INDEX "access_log_once_per_request" ON "audit"."access_log" ("request_id", COALESCE("actor_id", %L), "action", COALESCE("patient_id"::text, %L), "outcome", "fields") WHERE "seq" > %s',
    '', '', (SELECT COALESCE(MAX("seq"), 0) FROM "audit"."access_log"));
END
$$;
