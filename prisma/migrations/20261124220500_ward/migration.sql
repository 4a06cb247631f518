-- Ward department. Generated with `prisma migrate diff`, then hand-edited for what the Prisma
-- schema cannot express: CHECK constraints and the partial unique indexes that make "one patient
-- per bed" and "one active admission per patient" hold even under concurrent requests.

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "ward";

-- CreateTable
CREATE TABLE "ward"."wards" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "specialty" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wards_pkey" PRIMARY KEY ("id"),
    -- Codes are compared as typed on wristbands and bed boards: upper case, no blanks.
    CONSTRAINT "wards_code_format_check" CHECK ("code" ~ '^[A-Z0-9][A-Z0-9-]{0,19}$'),
    CONSTRAINT "wards_name_check" CHECK (length(btrim("name")) > 0)
);

-- CreateTable
CREATE TABLE "ward"."beds" (
    "id" UUID NOT NULL,
    "ward_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "out_of_service" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "beds_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "beds_label_check" CHECK (length(btrim("label")) > 0)
);

-- CreateTable
CREATE TABLE "ward"."admissions" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "bed_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "admitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "admitted_by" UUID NOT NULL,
    "discharged_at" TIMESTAMPTZ(3),
    "discharged_by" UUID,
    "discharge_summary" TEXT,

    CONSTRAINT "admissions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "admissions_reason_check" CHECK (length(btrim("reason")) > 0),
    -- A discharge is recorded whole (when, by whom, the summary) or not at all.
    CONSTRAINT "admissions_discharge_complete_check" CHECK (
        ("discharged_at" IS NULL AND "discharged_by" IS NULL AND "discharge_summary" IS NULL)
        OR ("discharged_at" IS NOT NULL AND "discharged_by" IS NOT NULL AND length(btrim("discharge_summary")) > 0)
    ),
    CONSTRAINT "admissions_discharge_after_admission_check" CHECK ("discharged_at" IS NULL OR "discharged_at" >= "admitted_at")
);

-- CreateTable
CREATE TABLE "ward"."transfers" (
    "id" UUID NOT NULL,
    "admission_id" UUID NOT NULL,
    "from_bed_id" UUID NOT NULL,
    "to_bed_id" UUID NOT NULL,
    "transferred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "transferred_by" UUID NOT NULL,

    CONSTRAINT "transfers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "transfers_different_beds_check" CHECK ("from_bed_id" <> "to_bed_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "wards_code_key" ON "ward"."wards"("code");

-- CreateIndex
CREATE UNIQUE INDEX "beds_ward_id_label_key" ON "ward"."beds"("ward_id", "label");

-- CreateIndex
CREATE INDEX "admissions_patient_id_admitted_at_idx" ON "ward"."admissions"("patient_id", "admitted_at");

-- CreateIndex
CREATE INDEX "admissions_admitted_at_id_idx" ON "ward"."admissions"("admitted_at", "id");

-- CreateIndex
CREATE INDEX "transfers_admission_id_transferred_at_idx" ON "ward"."transfers"("admission_id", "transferred_at");

-- One patient per bed: at most one active (not discharged) admission holds a bed. A transfer
-- changes bed_id of the active admission, so the same index guards it. The service maps a
-- violation of this index by name to CONFLICT "Bed … is occupied".
CREATE UNIQUE INDEX "admissions_active_bed_key" ON "ward"."admissions"("bed_id") WHERE ("discharged_at" IS NULL);

-- One active admission per patient; a violation becomes CONFLICT "Patient already admitted to …".
CREATE UNIQUE INDEX "admissions_active_patient_key" ON "ward"."admissions"("patient_id") WHERE ("discharged_at" IS NULL);

-- AddForeignKey
ALTER TABLE "ward"."beds" ADD CONSTRAINT "beds_ward_id_fkey" FOREIGN KEY ("ward_id") REFERENCES "ward"."wards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ward"."admissions" ADD CONSTRAINT "admissions_bed_id_fkey" FOREIGN KEY ("bed_id") REFERENCES "ward"."beds"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ward"."transfers" ADD CONSTRAINT "transfers_admission_id_fkey" FOREIGN KEY ("admission_id") REFERENCES "ward"."admissions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ward"."transfers" ADD CONSTRAINT "transfers_from_bed_id_fkey" FOREIGN KEY ("from_bed_id") REFERENCES "ward"."beds"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ward"."transfers" ADD CONSTRAINT "transfers_to_bed_id_fkey" FOREIGN KEY ("to_bed_id") REFERENCES "ward"."beds"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
