-- Audit writers make one round trip: a multi-row INSERT into "access_log_pending", no lock, no seal.
-- One sealer per database (elected by the services, see @hospital/db `startAuditSealer`) chains
-- pending rows in batches with ONE set-based statement per batch, instead of a trigger per row
-- that took the lock, looked up the head and hashed. The chain is unchanged: same columns, same
-- gapless seq, same hashed text (AUDIT_ROW_TEXT in prisma/src/audit/audit-chain.ts), so
-- `verifyAuditChain` and `npm run audit:verify` check old and new rows alike. Safe on a database
-- with chained and pending rows: pending rows are chained by the next seal, after the head.

-- One step of the chain: the SHA-256 (hex) of the previous hash, '|', and the row's text. As the
-- transition of a running window aggregate it hashes a whole batch in seq order in one statement
-- (PostgreSQL advances the state row by row when the frame's start does not move). `seed` is the
-- head's hash, used for the first row only. Pure, so harmless to anyone; still only the owner's.
CREATE FUNCTION "audit"."chain_step"("state" TEXT, "seed" TEXT, "body" TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(COALESCE("state", "seed") OPERATOR(pg_catalog.||) '|' OPERATOR(pg_catalog.||) "body", 'UTF8')), 'hex') $$;
CREATE AGGREGATE "audit"."chain_hash"(TEXT, TEXT) (SFUNC = "audit"."chain_step", STYPE = TEXT);
REVOKE ALL ON FUNCTION "audit"."chain_step"(TEXT, TEXT, TEXT) FROM PUBLIC;
REVOKE ALL ON FUNCTION "audit"."chain_hash"(TEXT, TEXT) FROM PUBLIC;

-- The per-row trigger stays for any other insert (the owner's), but the batch seal sets seq,
-- prev_hash and hash itself. Only the owner may INSERT into the chain (the services' roles lost
-- it in 20261206130200), and the owner could drop the trigger anyway: the setting grants nothing new.
DROP TRIGGER "access_log_chain" ON "audit"."access_log";
CREATE TRIGGER "access_log_chain" BEFORE INSERT ON "audit"."access_log"
  FOR EACH ROW WHEN (current_setting('audit.sealing', true) IS DISTINCT FROM 'batch')
  EXECUTE FUNCTION "audit"."chain_access_record"();

-- Chains up to max_rows pending rows, oldest id first, in one statement; the caller holds the
-- chain's lock. A pending row whose twin is already chained (the once-per-request key of
-- 20261206130400: same request, actor, action, patient, outcome, fields and minute) is dropped
-- without taking a seq, as ON CONFLICT DO NOTHING did in the per-row path, so seq stays gapless.
-- The duplicate check must name the chain index's predicate (seq > the head when it was made) for
-- the planner to use that index, so the function is written with that number. Returns how many
-- pending rows it took (chained or dropped as duplicates).
DO $migration$
DECLARE
  threshold BIGINT;
BEGIN
  SELECT COALESCE(substring(pg_get_expr(i."indpred", i."indrelid") FROM '([0-9]+)')::BIGINT, 0) INTO threshold
    FROM pg_index i WHERE i."indexrelid" = '"audit"."access_log_once_per_request"'::regclass;
  EXECUTE format($fn$
CREATE FUNCTION "audit"."chain_batch"("max_rows" INTEGER) RETURNS BIGINT
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $body$
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
    -- The same text the per-row trigger hashes (20261125000100) and the verifier recomputes.
    SELECT f.*, COALESCE(f."fields", ARRAY[]::TEXT[]) AS "fields_set", jsonb_build_array(
        f."seq", to_char(f."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        f."actor_kind", f."actor_id", f."actor_role", f."action", f."operation", f."resource",
        f."patient_id", COALESCE(f."fields", ARRAY[]::TEXT[]), f."outcome", f."reason", f."ip", f."user_agent", f."request_id"
      )::text AS "body"
      FROM fresh f
  ), hashed AS (
    SELECT d.*, "audit"."chain_hash"(head_hash, d."body") OVER (ORDER BY d."seq" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "hash"
      FROM bodies d
  ), chained AS (
    INSERT INTO "audit"."access_log"
      ("seq", "occurred_at", "actor_kind", "actor_id", "actor_role", "action", "operation", "resource", "patient_id", "fields", "outcome", "reason", "ip", "user_agent", "request_id", "prev_hash", "hash")
    SELECT h."seq", h."occurred_at", h."actor_kind", h."actor_id", h."actor_role", h."action", h."operation", h."resource", h."patient_id", h."fields_set",
           h."outcome", h."reason", h."ip", h."user_agent", h."request_id", COALESCE(lag(h."hash") OVER (ORDER BY h."seq"), head_hash), h."hash"
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
REVOKE ALL ON FUNCTION "audit"."chain_batch"(INTEGER) FROM PUBLIC;

-- The sealer's call: one batch (at most max_rows, clamped to 1…50,000) under the chain's lock, in
-- the caller's transaction, so a seal is all-or-nothing: the DELETE from pending and the INSERT
-- into the chain commit together or not at all, and a row is never chained twice. The commit is
-- an ordinary synchronous one (one WAL flush per batch; only the sealer waits for it), so a seq
-- and hash anyone has seen never vanish in a crash. Returns the pending rows taken; the sealer
-- calls again at once while that equals max_rows.
CREATE FUNCTION "audit"."seal_batch"("max_rows" INTEGER) RETURNS BIGINT
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7301202611250001);
  RETURN "audit"."chain_batch"(LEAST(GREATEST(COALESCE("max_rows", 5000), 1), 50000));
END
$$;
REVOKE ALL ON FUNCTION "audit"."seal_batch"(INTEGER) FROM PUBLIC;

-- Readers (and callers of the previous version) seal everything pending up to `through` (NULL:
-- all there now) before they read. Same contract as before, now set-based, batches of 5,000.
CREATE OR REPLACE FUNCTION "audit"."seal_pending"("through" BIGINT) RETURNS BIGINT
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  sealed BIGINT := 0;
  moved BIGINT;
  upto BIGINT;
BEGIN
  PERFORM pg_advisory_xact_lock(7301202611250001);
  upto := COALESCE("through", (SELECT max("id") FROM "audit"."access_log_pending"));
  IF upto IS NULL OR NOT EXISTS (SELECT 1 FROM "audit"."access_log_pending" WHERE "id" <= upto) THEN
    RETURN 0;
  END IF;
  LOOP
    moved := "audit"."chain_batch"(5000);
    sealed := sealed + moved;
    EXIT WHEN moved = 0 OR NOT EXISTS (SELECT 1 FROM "audit"."access_log_pending" WHERE "id" <= upto);
  END LOOP;
  RETURN sealed;
END
$$;

-- Who may call the sealer: every role that may call seal_pending (the union group and each
-- department's group). They still cannot write the chain or delete pending rows themselves.
DO $$
DECLARE
  grp TEXT;
BEGIN
  FOREACH grp IN ARRAY ARRAY['hospital_app', 'hospital_identity', 'hospital_patients', 'hospital_appointments', 'hospital_notifications', 'hospital_finance', 'hospital_pharmacy', 'hospital_ward'] LOOP
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
      EXECUTE format('GRANT EXECUTE ON FUNCTION "audit"."seal_batch"(INTEGER) TO %I', grp);
    END IF;
  END LOOP;
END
$$;
