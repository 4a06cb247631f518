-- Appointments department. Generated with `prisma migrate diff`, then hand-edited for what the
-- Prisma schema cannot express: the time-range and event-type CHECKs, and the exclusion
-- constraints that make double booking impossible even under concurrent requests.

-- btree_gist lets a GiST index combine uuid equality with range overlap. It ships with every
-- PostgreSQL build (contrib), including the embedded one; the database holds it once, in public.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "appointments";

-- CreateEnum
CREATE TYPE "appointments"."AppointmentStatus" AS ENUM ('SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW');

-- CreateTable
CREATE TABLE "appointments"."appointments" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "doctor_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "status" "appointments"."AppointmentStatus" NOT NULL DEFAULT 'SCHEDULED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "appointments_pkey" PRIMARY KEY ("id"),
    -- A slot is [starts_at, ends_at): it must be non-empty; length limits are the service's rule.
    CONSTRAINT "appointments_time_range_check" CHECK ("ends_at" > "starts_at")
);

-- CreateTable
CREATE TABLE "appointments"."appointment_status_changes" (
    "id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "from_status" "appointments"."AppointmentStatus",
    "to_status" "appointments"."AppointmentStatus" NOT NULL,
    "changed_by" UUID,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,

    CONSTRAINT "appointment_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointments"."outbox_events" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "appointment_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "outbox_events_type_check" CHECK ("type" IN ('BOOKED', 'RESCHEDULED', 'CANCELLED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW'))
);

-- CreateTable
CREATE TABLE "appointments"."event_deliveries" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_deliveries_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE INDEX "appointments_starts_at_id_idx" ON "appointments"."appointments"("starts_at", "id");

-- CreateIndex
CREATE INDEX "appointments_doctor_id_starts_at_id_idx" ON "appointments"."appointments"("doctor_id", "starts_at", "id");

-- CreateIndex
CREATE INDEX "appointments_patient_id_starts_at_id_idx" ON "appointments"."appointments"("patient_id", "starts_at", "id");

-- CreateIndex
CREATE INDEX "appointment_status_changes_appointment_id_changed_at_idx" ON "appointments"."appointment_status_changes"("appointment_id", "changed_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_events_sequence_key" ON "appointments"."outbox_events"("sequence");

-- CreateIndex
CREATE INDEX "outbox_events_appointment_id_idx" ON "appointments"."outbox_events"("appointment_id");

-- AddForeignKey
ALTER TABLE "appointments"."appointment_status_changes" ADD CONSTRAINT "appointment_status_changes_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointments"."appointments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments"."event_deliveries" ADD CONSTRAINT "event_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "appointments"."outbox_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- No double booking: while an appointment holds its slot (SCHEDULED or CHECKED_IN), no other
-- active appointment of the same doctor, or of the same patient, may overlap it. Half-open
-- ranges let back-to-back slots (09:00–09:30, 09:30–10:00) coexist. A clash is SQLSTATE 23P01,
-- which the service reports as CONFLICT naming the slot; the constraint names tell which side clashed.
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_doctor_no_overlap"
    EXCLUDE USING gist ("doctor_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
    WHERE ("status" IN ('SCHEDULED', 'CHECKED_IN'));

ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_patient_no_overlap"
    EXCLUDE USING gist ("patient_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
    WHERE ("status" IN ('SCHEDULED', 'CHECKED_IN'));
