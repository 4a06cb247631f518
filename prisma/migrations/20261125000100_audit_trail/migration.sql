-- Audit trail of patient data: append-only and hash-chained (see prisma/schema/audit.prisma).
-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "audit";

-- CreateTable
CREATE TABLE "audit"."access_log" (
    "seq" BIGINT NOT NULL,
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
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "access_log_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "access_log_patient_id_occurred_at_idx" ON "audit"."access_log"("patient_id", "occurred_at");

-- CreateIndex
CREATE INDEX "access_log_actor_id_occurred_at_idx" ON "audit"."access_log"("actor_id", "occurred_at");

-- CreateIndex
CREATE INDEX "access_log_occurred_at_idx" ON "audit"."access_log"("occurred_at");



-- Chaining: each row gets the next gapless seq, the previous row's hash, the database's clock and
-- its own hash, all set here so no client can choose them. The advisory lock orders concurrent
-- inserts; each insert is its own short statement, so the lock is held only for a moment.
-- The hashed text must stay identical to AUDIT_ROW_TEXT in prisma/src/audit/audit-chain.ts.
CREATE FUNCTION "audit"."chain_access_record"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq BIGINT;
  last_hash TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(7301202611250001);
  SELECT "seq", "hash" INTO last_seq, last_hash FROM "audit"."access_log" ORDER BY "seq" DESC LIMIT 1;
  NEW."seq" := COALESCE(last_seq, 0) + 1;
  NEW."prev_hash" := COALESCE(last_hash, '');
  NEW."occurred_at" := date_trunc('milliseconds', clock_timestamp());
  NEW."fields" := COALESCE(NEW."fields", ARRAY[]::TEXT[]);
  NEW."hash" := encode(sha256(convert_to(NEW."prev_hash" || '|' || jsonb_build_array(
    NEW."seq", to_char(NEW."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    NEW."actor_kind", NEW."actor_id", NEW."actor_role", NEW."action", NEW."operation", NEW."resource",
    NEW."patient_id", NEW."fields", NEW."outcome", NEW."reason", NEW."ip", NEW."user_agent", NEW."request_id"
  )::text, 'UTF8')), 'hex');
  RETURN NEW;
END
$$;

CREATE TRIGGER "access_log_chain" BEFORE INSERT ON "audit"."access_log"
  FOR EACH ROW EXECUTE FUNCTION "audit"."chain_access_record"();

-- Append-only for everyone who goes through the table (the application's role included): rows are
-- never changed or removed. Only someone able to drop triggers could, and the chain shows it.
CREATE FUNCTION "audit"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit.access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "access_log_append_only" BEFORE UPDATE OR DELETE ON "audit"."access_log"
  FOR EACH ROW EXECUTE FUNCTION "audit"."refuse_change"();
CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "audit"."access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit"."refuse_change"();

REVOKE UPDATE, DELETE, TRUNCATE ON "audit"."access_log" FROM PUBLIC;

-- Outcomes and actor kinds are closed sets.
ALTER TABLE "audit"."access_log" ADD CONSTRAINT "access_log_outcome_check" CHECK ("outcome" IN ('allowed', 'denied'));
ALTER TABLE "audit"."access_log" ADD CONSTRAINT "access_log_actor_kind_check" CHECK ("actor_kind" IN ('user', 'service', 'anonymous'));
