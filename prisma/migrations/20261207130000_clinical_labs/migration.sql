-- CreateTable
CREATE TABLE "clinical"."lab_orders" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "encounter_id" UUID NOT NULL,
    "loinc_code" TEXT NOT NULL,
    "ordered_by" UUID NOT NULL,
    "ordered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lab_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clinical"."lab_results" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "value" DECIMAL(12,4) NOT NULL,
    "unit" TEXT NOT NULL,
    "flag" TEXT NOT NULL,
    "entered_by" UUID NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "amends_result_id" UUID,

    CONSTRAINT "lab_results_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "lab_orders_patient_id_ordered_at_idx" ON "clinical"."lab_orders"("patient_id", "ordered_at");

-- CreateIndex
CREATE UNIQUE INDEX "lab_results_amends_result_id_key" ON "clinical"."lab_results"("amends_result_id");

-- CreateIndex
CREATE INDEX "lab_results_order_id_entered_at_idx" ON "clinical"."lab_results"("order_id", "entered_at");

-- AddForeignKey
ALTER TABLE "clinical"."lab_orders" ADD CONSTRAINT "lab_orders_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "clinical"."encounters"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinical"."lab_results" ADD CONSTRAINT "lab_results_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "clinical"."lab_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinical"."lab_results" ADD CONSTRAINT "lab_results_amends_result_id_fkey" FOREIGN KEY ("amends_result_id") REFERENCES "clinical"."lab_results"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Hand-written: one original result per order item (decides two concurrent entries: one wins, the
-- other is a unique violation answered CONFLICT); an amendment corrects a result of the same item.
CREATE UNIQUE INDEX "lab_results_one_original_key" ON "clinical"."lab_results"("order_id") WHERE ("amends_result_id" IS NULL);
ALTER TABLE "clinical"."lab_results" ADD CONSTRAINT "lab_results_flag_check" CHECK ("flag" IN ('NORMAL', 'LOW', 'HIGH', 'CRITICAL_LOW', 'CRITICAL_HIGH'));
ALTER TABLE "clinical"."lab_results" ADD CONSTRAINT "lab_results_value_check" CHECK ("value" >= 0);
