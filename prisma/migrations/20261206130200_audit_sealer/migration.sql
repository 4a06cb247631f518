-- Audit writes no longer serialise the hospital. Before, every audited statement took the chain's
-- advisory lock in its BEFORE INSERT trigger and held it through COMMIT and its WAL flush, so all
-- writers queued behind one another. Now writers append to "access_log_pending" without any lock
-- (each its own short transaction, flushed together by group commit), and a sealer moves pending
-- rows into the chain in batches: one lock, one transaction and one flush for many rows. The chain
-- itself is unchanged (same trigger, same hashed text, gapless seq), so `verifyAuditChain` and
-- `npm run audit:verify` check it as before; readers seal what is pending before they read.

-- CreateTable
CREATE TABLE "audit"."access_log_pending" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_kind" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_role" TEXT,
    "action" TEXT NOT NULL,
    "operation" TEXT,
    "resource" TEXT NOT NULL,
    "patient_id" UUID,
    "fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    "request_id" TEXT NOT NULL,

    CONSTRAINT "access_log_pending_pkey" PRIMARY KEY ("id")
);

-- Rows live here for milliseconds: vacuum it often, so the sealer's index scans do not wade
-- through the dead ones.
ALTER TABLE "audit"."access_log_pending" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_cost_delay = 0);

ALTER TABLE "audit"."access_log_pending" ADD CONSTRAINT "access_log_pending_outcome_check" CHECK ("outcome" IN ('allowed', 'denied'));
ALTER TABLE "audit"."access_log_pending" ADD CONSTRAINT "access_log_pending_actor_kind_check" CHECK ("actor_kind" IN ('user', 'service', 'anonymous'));

-- The same once-per-request key as the chain's (20261206130000): duplicates pending together collide here,
-- a duplicate of a row already sealed is skipped when sealed.
CREATE UNIQUE INDEX "access_log_pending_once_per_request" ON "audit"."access_log_pending"
  ("request_id", COALESCE("actor_id", ''), "action", COALESCE("patient_id"::text, ''), "outcome", "fields");

-- The database's clock, not the writer's: the time of the access is when it was appended.
CREATE FUNCTION "audit"."stamp_pending_access"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."occurred_at" := date_trunc('milliseconds', clock_timestamp());
  NEW."fields" := COALESCE(NEW."fields", ARRAY[]::TEXT[]);
  RETURN NEW;
END
$$;
CREATE TRIGGER "access_log_pending_stamp" BEFORE INSERT ON "audit"."access_log_pending"
  FOR EACH ROW EXECUTE FUNCTION "audit"."stamp_pending_access"();

-- The chain keeps the time a row was appended when the sealer brings it (the sealer is the only
-- writer of the chain now, see the grants below); anything else gets the clock as before.
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
  NEW."hash" := encode(sha256(convert_to(NEW."prev_hash" || '|' || jsonb_build_array(
    NEW."seq", to_char(NEW."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    NEW."actor_kind", NEW."actor_id", NEW."actor_role", NEW."action", NEW."operation", NEW."resource",
    NEW."patient_id", NEW."fields", NEW."outcome", NEW."reason", NEW."ip", NEW."user_agent", NEW."request_id"
  )::text, 'UTF8')), 'hex');
  RETURN NEW;
END
$$;

-- Moves pending rows into the chain, oldest first, until none up to `through` is left (NULL: all
-- that are there). One caller at a time (the chain's lock, held to COMMIT as before, but once per
-- batch); a caller that finds its rows already sealed by another returns at once. Runs as the
-- owner (SECURITY DEFINER): the services may call it, but not write the chain or delete pending rows
-- themselves. Returns the number of rows sealed.
CREATE FUNCTION "audit"."seal_pending"("through" BIGINT) RETURNS BIGINT
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  sealed BIGINT := 0;
  moved BIGINT;
  upto BIGINT;
BEGIN
  PERFORM pg_advisory_xact_lock(7301202611250001);
  -- Bounded work: what is there now (or up to the caller's row), in batches; later rows ride along.
  upto := COALESCE("through", (SELECT max("id") FROM "audit"."access_log_pending"));
  IF upto IS NULL OR NOT EXISTS (SELECT 1 FROM "audit"."access_log_pending" WHERE "id" <= upto) THEN
    RETURN 0;
  END IF;
  PERFORM set_config('audit.sealing', 'on', true);
  -- The rows are already durable in the pending table; moving them need not wait for its own WAL
  -- flush while holding the chain's lock. A crash can only undo whole seals (DELETE and INSERT
  -- together), and the rows are chained again, in the same order, by the next seal.
  PERFORM set_config('synchronous_commit', 'off', true);
  LOOP
    -- A fresh snapshot each time round: rows committed while we waited for the lock are seen.
    WITH batch AS (
      DELETE FROM "audit"."access_log_pending"
       WHERE "id" IN (SELECT "id" FROM "audit"."access_log_pending" ORDER BY "id" LIMIT 5000)
      RETURNING *
    ), chained AS (
      INSERT INTO "audit"."access_log"
        ("occurred_at", "actor_kind", "actor_id", "actor_role", "action", "operation", "resource", "patient_id", "fields", "outcome", "reason", "ip", "user_agent", "request_id", "seq", "prev_hash", "hash")
      SELECT "occurred_at", "actor_kind", "actor_id", "actor_role", "action", "operation", "resource", "patient_id", "fields", "outcome", "reason", "ip", "user_agent", "request_id", 0, '', ''
        FROM batch ORDER BY "id"
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM batch) INTO moved;
    sealed := sealed + moved;
    EXIT WHEN moved = 0 OR NOT EXISTS (SELECT 1 FROM "audit"."access_log_pending" WHERE "id" <= upto);
  END LOOP;
  PERFORM set_config('audit.sealing', 'off', true);
  RETURN sealed;
END
$$;

-- The services append to pending and call the sealer; only the sealer writes the chain.
REVOKE ALL ON FUNCTION "audit"."seal_pending"(BIGINT) FROM PUBLIC;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hospital_app') THEN
    GRANT EXECUTE ON FUNCTION "audit"."seal_pending"(BIGINT) TO "hospital_app";
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "audit"."access_log_pending" FROM "hospital_app";
    GRANT SELECT, INSERT ON "audit"."access_log_pending" TO "hospital_app";
    GRANT USAGE ON SEQUENCE "audit"."access_log_pending_id_seq" TO "hospital_app";
    REVOKE INSERT ON "audit"."access_log" FROM "hospital_app";
  END IF;
END
$$;
-- Nobody edits or empties pending rows but the sealer.
CREATE TRIGGER "access_log_pending_no_update" BEFORE UPDATE ON "audit"."access_log_pending"
  FOR EACH ROW EXECUTE FUNCTION "audit"."refuse_change"();
CREATE TRIGGER "access_log_pending_no_truncate" BEFORE TRUNCATE ON "audit"."access_log_pending"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit"."refuse_change"();
