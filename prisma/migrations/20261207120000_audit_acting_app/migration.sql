-- An app in the audit trail (issue 16): a clinician acting through a registered app (authorization
-- code + PKCE) is recorded as the user AND the app, and an app acting as itself (client
-- credentials) by its client id and name. Both facts are inside the hash chain: the hashed text
-- gains the pair ["app_id", "app_name"] when either is set, so a row's app cannot be added,
-- changed or removed unseen, and every row written before (both NULL) hashes exactly as it did,
-- so `npm run audit:verify` checks old and new rows alike.
ALTER TABLE "audit"."access_log" ADD COLUMN "app_id" TEXT, ADD COLUMN "app_name" TEXT;
ALTER TABLE "audit"."access_log_pending" ADD COLUMN "app_id" TEXT, ADD COLUMN "app_name" TEXT;

-- The per-row trigger (the owner's inserts): the same text as before plus the app pair. Must stay
-- identical to AUDIT_ROW_TEXT in prisma/src/audit/audit-chain.ts.
CREATE OR REPLACE FUNCTION "audit"."chain_access_record"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq BIGINT;
  last_hash TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(7301202611250001);
  SELECT "seq", "hash" INTO last_seq, last_hash FROM "audit"."access_log" ORDER BY "seq" DESC LIMIT 1;
  NEW."seq" := COALESCE(last_seq, 0) + 1;
  NEW."prev_hash" := COALESCE(last_hash, '');
  IF current_setting('audit.sealing', true) IS DISTINCT FROM 'on' THEN
    NEW."occurred_at" := date_trunc('milliseconds', clock_timestamp());
  END IF;
  NEW."fields" := COALESCE(NEW."fields", ARRAY[]::TEXT[]);
  NEW."hash" := encode(sha256(convert_to(NEW."prev_hash" || '|' || (jsonb_build_array(
    NEW."seq", to_char(NEW."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    NEW."actor_kind", NEW."actor_id", NEW."actor_role", NEW."action", NEW."operation", NEW."resource",
    NEW."patient_id", NEW."fields", NEW."outcome", NEW."reason", NEW."ip", NEW."user_agent", NEW."request_id"
  ) || CASE WHEN NEW."app_id" IS NULL AND NEW."app_name" IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(NEW."app_id", NEW."app_name") END)::text, 'UTF8')), 'hex');
  RETURN NEW;
END
$$;

-- The batch seal (20261206175000, planner settings of 20261206175100): the same statement, carrying
-- the app pair from pending into the chain and into the hashed text.
DO $migration$
DECLARE
  threshold BIGINT;
BEGIN
  SELECT COALESCE(substring(pg_get_expr(i."indpred", i."indrelid") FROM '([0-9]+)')::BIGINT, 0) INTO threshold
    FROM pg_index i WHERE i."indexrelid" = '"audit"."access_log_once_per_request"'::regclass;
  EXECUTE format($fn$
CREATE OR REPLACE FUNCTION "audit"."chain_batch"("max_rows" INTEGER) RETURNS BIGINT
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET enable_hashjoin = off SET enable_mergejoin = off AS $body$
DECLARE
  head_seq BIGINT;
  head_hash TEXT;
  taken BIGINT;
BEGIN
  SELECT "seq", "hash" INTO head_seq, head_hash FROM "audit"."access_log" ORDER BY "seq" DESC LIMIT 1;
  head_seq := COALESCE(head_seq, 0);
  head_hash := COALESCE(head_hash, '');
  PERFORM set_config('audit.sealing', 'batch', true);
  WITH batch AS (
    DELETE FROM "audit"."access_log_pending"
     WHERE "id" IN (SELECT "id" FROM "audit"."access_log_pending" ORDER BY "id" LIMIT "max_rows")
    RETURNING *
  ), fresh AS (
    SELECT b.*, head_seq + row_number() OVER (ORDER BY b."id") AS "seq"
      FROM batch b
     WHERE NOT EXISTS (
       SELECT 1 FROM "audit"."access_log" l
        WHERE l."seq" > %1$s
          AND l."request_id" = b."request_id" AND COALESCE(l."actor_id", '') = COALESCE(b."actor_id", '')
          AND l."action" = b."action" AND COALESCE(l."patient_id"::text, '') = COALESCE(b."patient_id"::text, '')
          AND l."outcome" = b."outcome" AND l."fields" = COALESCE(b."fields", ARRAY[]::TEXT[])
          AND date_trunc('minute', timezone('UTC', l."occurred_at")) = date_trunc('minute', timezone('UTC', b."occurred_at")))
  ), bodies AS (
    -- The same text the per-row trigger hashes and the verifier recomputes.
    SELECT f.*, COALESCE(f."fields", ARRAY[]::TEXT[]) AS "fields_set", (jsonb_build_array(
        f."seq", to_char(f."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        f."actor_kind", f."actor_id", f."actor_role", f."action", f."operation", f."resource",
        f."patient_id", COALESCE(f."fields", ARRAY[]::TEXT[]), f."outcome", f."reason", f."ip", f."user_agent", f."request_id"
      ) || CASE WHEN f."app_id" IS NULL AND f."app_name" IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(f."app_id", f."app_name") END)::text AS "body"
      FROM fresh f
  ), hashed AS (
    SELECT d.*, "audit"."chain_hash"(head_hash, d."body") OVER (ORDER BY d."seq" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "hash"
      FROM bodies d
  ), chained AS (
    INSERT INTO "audit"."access_log"
      ("seq", "occurred_at", "actor_kind", "actor_id", "actor_role", "action", "operation", "resource", "patient_id", "fields", "outcome", "reason", "ip", "user_agent", "request_id", "app_id", "app_name", "prev_hash", "hash")
    SELECT h."seq", h."occurred_at", h."actor_kind", h."actor_id", h."actor_role", h."action", h."operation", h."resource", h."patient_id", h."fields_set",
           h."outcome", h."reason", h."ip", h."user_agent", h."request_id", h."app_id", h."app_name", COALESCE(lag(h."hash") OVER (ORDER BY h."seq"), head_hash), h."hash"
      FROM hashed h ORDER BY h."seq"
    RETURNING 1
  )
  SELECT count(*) INTO taken FROM batch;
  PERFORM set_config('audit.sealing', 'off', true);
  RETURN taken;
END
$body$
$fn$, threshold);
END
$migration$;
