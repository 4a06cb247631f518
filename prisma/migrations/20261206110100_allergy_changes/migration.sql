-- Allergy history: every change of a patient's allergy list (who, when, the list before and
-- after), written in the same transaction as the change.
-- CreateTable
CREATE TABLE "patients"."allergy_changes" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "changed_by" TEXT NOT NULL,
    "changed_by_role" TEXT,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "before" TEXT[],
    "after" TEXT[],

    CONSTRAINT "allergy_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "allergy_changes_patient_id_changed_at_idx" ON "patients"."allergy_changes"("patient_id", "changed_at" DESC);

-- AddForeignKey
ALTER TABLE "patients"."allergy_changes" ADD CONSTRAINT "allergy_changes_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"."patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
