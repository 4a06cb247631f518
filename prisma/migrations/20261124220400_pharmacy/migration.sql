-- Pharmacy: drug catalogue, stock lots, the stock ledger, prescriptions and their dispensations.
-- Generated with `prisma migrate diff --from-migrations migrations --to-schema schema --script`
-- (pharmacy statements only), then hand-edited for what the Prisma schema cannot express: CHECK
-- constraints (the database is the last guard against negative stock and half-recorded states)
-- and prefix-search indexes. No FK leaves the schema: patients and staff are plain ids.

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "pharmacy";

-- CreateEnum
CREATE TYPE "pharmacy"."DrugForm" AS ENUM ('tablet', 'capsule', 'solution', 'injection', 'cream', 'inhaler', 'other');

-- CreateEnum
CREATE TYPE "pharmacy"."PrescriptionStatus" AS ENUM ('pending', 'dispensed', 'cancelled');

-- CreateEnum
CREATE TYPE "pharmacy"."StockMovementKind" AS ENUM ('receive', 'dispense', 'adjust');

-- CreateTable
CREATE TABLE "pharmacy"."drugs" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "form" "pharmacy"."DrugForm" NOT NULL,
    "strength" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "drugs_pkey" PRIMARY KEY ("id"),
    -- Codes are compared as stored: upper case only, so "j01ca04" cannot sit beside "J01CA04".
    CONSTRAINT "drugs_code_upper_check" CHECK ("code" = upper("code") AND length("code") > 0)
);

-- CreateTable
CREATE TABLE "pharmacy"."stock_lots" (
    "id" UUID NOT NULL,
    "drug_id" UUID NOT NULL,
    "lot_number" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "expires_on" DATE NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_lots_pkey" PRIMARY KEY ("id"),
    -- The final guard under concurrency: whatever the code does, stock never goes negative.
    CONSTRAINT "stock_lots_quantity_check" CHECK ("quantity" >= 0)
);

-- CreateTable
CREATE TABLE "pharmacy"."stock_movements" (
    "id" UUID NOT NULL,
    "lot_id" UUID NOT NULL,
    "drug_id" UUID NOT NULL,
    "kind" "pharmacy"."StockMovementKind" NOT NULL,
    "delta" INTEGER NOT NULL,
    "quantity_after" INTEGER NOT NULL,
    "reason" TEXT,
    "prescription_id" UUID,
    "actor_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_movements_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "stock_movements_delta_check" CHECK ("delta" <> 0 AND "quantity_after" >= 0),
    -- Receipts add, dispensing takes and names its prescription, adjustments say why.
    CONSTRAINT "stock_movements_kind_check" CHECK (
        ("kind" = 'receive' AND "delta" > 0)
        OR ("kind" = 'dispense' AND "delta" < 0 AND "prescription_id" IS NOT NULL)
        OR ("kind" = 'adjust' AND "reason" IS NOT NULL AND length(btrim("reason")) > 0)
    )
);

-- CreateTable
CREATE TABLE "pharmacy"."prescriptions" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "drug_id" UUID NOT NULL,
    "prescriber_id" UUID NOT NULL,
    "dose" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "duration_days" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "status" "pharmacy"."PrescriptionStatus" NOT NULL DEFAULT 'pending',
    "allergy_override_reason" TEXT,
    "allergy_override_by" UUID,
    "allergy_override_at" TIMESTAMPTZ(3),
    "overridden_allergies" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "prescribed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispensed_at" TIMESTAMPTZ(3),
    "dispensed_by" UUID,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancelled_by" UUID,
    "cancellation_reason" TEXT,

    CONSTRAINT "prescriptions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "prescriptions_amounts_check" CHECK ("quantity" > 0 AND "duration_days" > 0),
    -- An override is recorded whole (reason, who, when) or not at all.
    CONSTRAINT "prescriptions_allergy_override_check" CHECK (
        ("allergy_override_reason" IS NULL) = ("allergy_override_by" IS NULL)
        AND ("allergy_override_reason" IS NULL) = ("allergy_override_at" IS NULL)
    ),
    -- The status and its who/when columns move together.
    CONSTRAINT "prescriptions_status_check" CHECK (
        ("status" = 'pending' AND "dispensed_at" IS NULL AND "dispensed_by" IS NULL AND "cancelled_at" IS NULL AND "cancelled_by" IS NULL)
        OR ("status" = 'dispensed' AND "dispensed_at" IS NOT NULL AND "dispensed_by" IS NOT NULL AND "cancelled_at" IS NULL)
        OR ("status" = 'cancelled' AND "cancelled_at" IS NOT NULL AND "cancelled_by" IS NOT NULL AND "dispensed_at" IS NULL)
    )
);

-- CreateTable
CREATE TABLE "pharmacy"."prescription_dispensations" (
    "id" UUID NOT NULL,
    "prescription_id" UUID NOT NULL,
    "lot_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "prescription_dispensations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "prescription_dispensations_quantity_check" CHECK ("quantity" > 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "drugs_code_key" ON "pharmacy"."drugs"("code");

-- CreateIndex
-- Catalogue search is a case-insensitive prefix match on name or code; text_pattern_ops lets a
-- btree serve `lower(name) LIKE 'amox%'` / `lower(code) LIKE 'j01%'` whatever the collation.
CREATE INDEX "drugs_name_lower_prefix_idx" ON "pharmacy"."drugs"(lower("name") text_pattern_ops);

-- CreateIndex
CREATE INDEX "drugs_code_lower_prefix_idx" ON "pharmacy"."drugs"(lower("code") text_pattern_ops);

-- CreateIndex
CREATE INDEX "stock_lots_drug_id_expires_on_idx" ON "pharmacy"."stock_lots"("drug_id", "expires_on");

-- CreateIndex
CREATE INDEX "stock_lots_expires_on_idx" ON "pharmacy"."stock_lots"("expires_on");

-- CreateIndex
CREATE UNIQUE INDEX "stock_lots_drug_id_lot_number_key" ON "pharmacy"."stock_lots"("drug_id", "lot_number");

-- CreateIndex
CREATE INDEX "stock_movements_lot_id_created_at_idx" ON "pharmacy"."stock_movements"("lot_id", "created_at");

-- CreateIndex
CREATE INDEX "stock_movements_drug_id_created_at_idx" ON "pharmacy"."stock_movements"("drug_id", "created_at");

-- CreateIndex
CREATE INDEX "stock_movements_prescription_id_idx" ON "pharmacy"."stock_movements"("prescription_id");

-- CreateIndex
CREATE INDEX "prescriptions_status_prescribed_at_id_idx" ON "pharmacy"."prescriptions"("status", "prescribed_at", "id");

-- CreateIndex
CREATE INDEX "prescriptions_patient_id_prescribed_at_idx" ON "pharmacy"."prescriptions"("patient_id", "prescribed_at");

-- CreateIndex
CREATE INDEX "prescriptions_drug_id_idx" ON "pharmacy"."prescriptions"("drug_id");

-- CreateIndex
CREATE INDEX "prescription_dispensations_lot_id_idx" ON "pharmacy"."prescription_dispensations"("lot_id");

-- CreateIndex
CREATE UNIQUE INDEX "prescription_dispensations_prescription_id_lot_id_key" ON "pharmacy"."prescription_dispensations"("prescription_id", "lot_id");

-- AddForeignKey
ALTER TABLE "pharmacy"."stock_lots" ADD CONSTRAINT "stock_lots_drug_id_fkey" FOREIGN KEY ("drug_id") REFERENCES "pharmacy"."drugs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pharmacy"."stock_movements" ADD CONSTRAINT "stock_movements_lot_id_fkey" FOREIGN KEY ("lot_id") REFERENCES "pharmacy"."stock_lots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pharmacy"."stock_movements" ADD CONSTRAINT "stock_movements_prescription_id_fkey" FOREIGN KEY ("prescription_id") REFERENCES "pharmacy"."prescriptions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pharmacy"."prescriptions" ADD CONSTRAINT "prescriptions_drug_id_fkey" FOREIGN KEY ("drug_id") REFERENCES "pharmacy"."drugs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pharmacy"."prescription_dispensations" ADD CONSTRAINT "prescription_dispensations_prescription_id_fkey" FOREIGN KEY ("prescription_id") REFERENCES "pharmacy"."prescriptions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pharmacy"."prescription_dispensations" ADD CONSTRAINT "prescription_dispensations_lot_id_fkey" FOREIGN KEY ("lot_id") REFERENCES "pharmacy"."stock_lots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
