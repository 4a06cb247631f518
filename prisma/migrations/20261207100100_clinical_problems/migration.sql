-- CreateTable
CREATE TABLE "clinical"."problems" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "encounter_id" UUID NOT NULL,
    "icd10_code" TEXT NOT NULL,
    "onset_on" DATE,
    "resolved_on" DATE,
    "recorded_by" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "problems_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "problems_patient_id_recorded_at_idx" ON "clinical"."problems"("patient_id", "recorded_at");

-- AddForeignKey
ALTER TABLE "clinical"."problems" ADD CONSTRAINT "problems_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "clinical"."encounters"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: a problem resolves on or after its onset; the code is written as the list writes it.
ALTER TABLE "clinical"."problems" ADD CONSTRAINT "problems_resolved_after_onset_check" CHECK ("resolved_on" IS NULL OR "onset_on" IS NULL OR "resolved_on" >= "onset_on");
ALTER TABLE "clinical"."problems" ADD CONSTRAINT "problems_icd10_code_check" CHECK ("icd10_code" ~ '^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$');
