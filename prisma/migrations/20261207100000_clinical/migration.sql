-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "clinical";

-- CreateEnum
CREATE TYPE "clinical"."encounter_kind" AS ENUM ('OUTPATIENT', 'INPATIENT');

-- CreateEnum
CREATE TYPE "clinical"."consciousness" AS ENUM ('ALERT', 'CVPU');

-- CreateTable
CREATE TABLE "clinical"."encounters" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "kind" "clinical"."encounter_kind" NOT NULL,
    "appointment_id" UUID,
    "admission_id" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "opened_by" UUID NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by" UUID,

    CONSTRAINT "encounters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clinical"."notes" (
    "id" UUID NOT NULL,
    "encounter_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "written_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signed_at" TIMESTAMPTZ(3),
    "amends_note_id" UUID,

    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clinical"."vital_signs" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recorded_by" UUID NOT NULL,
    "temperature_c" DECIMAL(4,1),
    "pulse_bpm" INTEGER,
    "systolic_mmhg" INTEGER,
    "diastolic_mmhg" INTEGER,
    "respiratory_rate" INTEGER,
    "spo2_percent" INTEGER,
    "on_oxygen" BOOLEAN NOT NULL DEFAULT false,
    "consciousness" "clinical"."consciousness",
    "weight_kg" DECIMAL(5,1),
    "height_cm" DECIMAL(4,1),
    "pain_score" INTEGER,

    CONSTRAINT "vital_signs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "encounters_appointment_id_key" ON "clinical"."encounters"("appointment_id");

-- CreateIndex
CREATE UNIQUE INDEX "encounters_admission_id_key" ON "clinical"."encounters"("admission_id");

-- CreateIndex
CREATE INDEX "encounters_patient_id_opened_at_idx" ON "clinical"."encounters"("patient_id", "opened_at");

-- CreateIndex
CREATE INDEX "notes_encounter_id_written_at_idx" ON "clinical"."notes"("encounter_id", "written_at");

-- CreateIndex
CREATE INDEX "vital_signs_patient_id_recorded_at_idx" ON "clinical"."vital_signs"("patient_id", "recorded_at");

-- AddForeignKey
ALTER TABLE "clinical"."notes" ADD CONSTRAINT "notes_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "clinical"."encounters"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinical"."notes" ADD CONSTRAINT "notes_amends_note_id_fkey" FOREIGN KEY ("amends_note_id") REFERENCES "clinical"."notes"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: a visit names its appointment and no admission, a stay its admission and no
-- appointment; an encounter closes with who closed it.
ALTER TABLE "clinical"."encounters" ADD CONSTRAINT "encounters_kind_link_check" CHECK (
  ("kind" = 'OUTPATIENT' AND "appointment_id" IS NOT NULL AND "admission_id" IS NULL)
  OR ("kind" = 'INPATIENT' AND "admission_id" IS NOT NULL AND "appointment_id" IS NULL)
);
ALTER TABLE "clinical"."encounters" ADD CONSTRAINT "encounters_closed_check" CHECK (("closed_at" IS NULL) = ("closed_by" IS NULL));
ALTER TABLE "clinical"."notes" ADD CONSTRAINT "notes_text_check" CHECK (length(btrim("text")) > 0);
-- Plausibility ranges as the last line of defence (the service refuses these with a typed error first).
ALTER TABLE "clinical"."vital_signs" ADD CONSTRAINT "vital_signs_plausible_check" CHECK (
  ("temperature_c" IS NULL OR "temperature_c" BETWEEN 25 AND 45)
  AND ("pulse_bpm" IS NULL OR "pulse_bpm" BETWEEN 1 AND 300)
  AND ("systolic_mmhg" IS NULL OR "systolic_mmhg" BETWEEN 30 AND 300)
  AND ("diastolic_mmhg" IS NULL OR "diastolic_mmhg" BETWEEN 10 AND 200)
  AND ("respiratory_rate" IS NULL OR "respiratory_rate" BETWEEN 1 AND 80)
  AND ("spo2_percent" IS NULL OR "spo2_percent" BETWEEN 30 AND 100)
  AND ("weight_kg" IS NULL OR "weight_kg" BETWEEN 0.2 AND 500)
  AND ("height_cm" IS NULL OR "height_cm" BETWEEN 20 AND 280)
  AND ("pain_score" IS NULL OR "pain_score" BETWEEN 0 AND 10)
);

-- A signed note never changes and no note is ever deleted: corrections are addenda. The service
-- checks first; this trigger holds even for a bug or a direct UPDATE with the services' role.
CREATE FUNCTION "clinical"."notes_immutable_once_signed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'clinical notes are never deleted' USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD."signed_at" IS NOT NULL THEN
    RAISE EXCEPTION 'a signed clinical note is immutable' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "notes_immutable_once_signed" BEFORE UPDATE OR DELETE ON "clinical"."notes"
  FOR EACH ROW EXECUTE FUNCTION "clinical"."notes_immutable_once_signed"();

-- Privileges as for every department (20261206130100_service_role, 20261206130300_department_roles):
-- the union role hospital_app, and the department's own group role hospital_clinical.
GRANT USAGE ON SCHEMA "clinical" TO "hospital_app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "clinical" TO "hospital_app";
ALTER DEFAULT PRIVILEGES IN SCHEMA "clinical" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "hospital_app";
ALTER DEFAULT PRIVILEGES IN SCHEMA "clinical" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "hospital_app";
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hospital_clinical') THEN
    BEGIN
      CREATE ROLE "hospital_clinical" NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another database's migration created it at the same moment
    END;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA "clinical", "audit" TO "hospital_clinical";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "clinical" TO "hospital_clinical";
ALTER DEFAULT PRIVILEGES IN SCHEMA "clinical" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "hospital_clinical";
ALTER DEFAULT PRIVILEGES IN SCHEMA "clinical" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "hospital_clinical";
GRANT SELECT, INSERT ON "audit"."access_log_pending" TO "hospital_clinical";
GRANT USAGE ON SEQUENCE "audit"."access_log_pending_id_seq" TO "hospital_clinical";
GRANT EXECUTE ON FUNCTION "audit"."seal_pending"(BIGINT) TO "hospital_clinical";
