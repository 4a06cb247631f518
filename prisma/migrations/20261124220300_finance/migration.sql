-- Finance department. Generated with `prisma migrate diff`, then hand-edited for what the Prisma
-- schema cannot express: the CHECK constraints that make the money invariants database facts.
-- Every amount is BIGINT minor units; totals are kept within GraphQL's Int (2^31 - 1).
-- balance = total - paid + refunded holds for every row at every commit, and the status must
-- agree with the balance, so even a buggy code path cannot overpay or misstate an invoice.

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "finance";

-- CreateEnum
CREATE TYPE "finance"."InvoiceStatus" AS ENUM ('draft', 'issued', 'partially_paid', 'paid', 'void');

-- CreateEnum
CREATE TYPE "finance"."PaymentMethod" AS ENUM ('cash', 'card', 'bank_transfer', 'insurance');

-- CreateTable
CREATE TABLE "finance"."invoices" (
    "id" UUID NOT NULL,
    "number_year" INTEGER,
    "number_seq" INTEGER,
    "status" "finance"."InvoiceStatus" NOT NULL DEFAULT 'draft',
    "patient_id" UUID NOT NULL,
    "appointment_id" UUID,
    "admission_id" UUID,
    "currency" CHAR(3) NOT NULL,
    "subtotal_minor" BIGINT NOT NULL DEFAULT 0,
    "tax_minor" BIGINT NOT NULL DEFAULT 0,
    "total_minor" BIGINT NOT NULL DEFAULT 0,
    "paid_minor" BIGINT NOT NULL DEFAULT 0,
    "refunded_minor" BIGINT NOT NULL DEFAULT 0,
    "balance_minor" BIGINT NOT NULL DEFAULT 0,
    "issued_at" TIMESTAMPTZ(3),
    "voided_at" TIMESTAMPTZ(3),
    "void_reason" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "invoices_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$'),
    -- An invoice bills an appointment or an admission (or neither), never both.
    CONSTRAINT "invoices_single_reference_check" CHECK ("appointment_id" IS NULL OR "admission_id" IS NULL),
    CONSTRAINT "invoices_amounts_check" CHECK (
      "subtotal_minor" >= 0 AND "tax_minor" >= 0 AND "total_minor" = "subtotal_minor" + "tax_minor"
      AND "total_minor" <= 2147483647
      AND "paid_minor" >= 0 AND "refunded_minor" >= 0 AND "refunded_minor" <= "paid_minor"
    ),
    -- The balance rule, and the final guard against overpayment under any concurrency.
    CONSTRAINT "invoices_balance_check" CHECK ("balance_minor" = "total_minor" - "paid_minor" + "refunded_minor" AND "balance_minor" >= 0),
    CONSTRAINT "invoices_number_check" CHECK (("number_year" IS NULL) = ("number_seq" IS NULL) AND ("number_seq" IS NULL OR "number_seq" > 0)),
    -- Status agrees with number, dates and balance (PAID at 0, PARTIALLY_PAID strictly between).
    CONSTRAINT "invoices_status_check" CHECK (
      CASE "status"
        WHEN 'draft' THEN "number_seq" IS NULL AND "issued_at" IS NULL AND "paid_minor" = 0 AND "voided_at" IS NULL
        WHEN 'issued' THEN "number_seq" IS NOT NULL AND "issued_at" IS NOT NULL AND "voided_at" IS NULL AND "balance_minor" = "total_minor" AND "balance_minor" > 0
        WHEN 'partially_paid' THEN "number_seq" IS NOT NULL AND "issued_at" IS NOT NULL AND "voided_at" IS NULL AND "balance_minor" > 0 AND "balance_minor" < "total_minor"
        WHEN 'paid' THEN "number_seq" IS NOT NULL AND "issued_at" IS NOT NULL AND "voided_at" IS NULL AND "balance_minor" = 0
        WHEN 'void' THEN "voided_at" IS NOT NULL AND "void_reason" IS NOT NULL AND "paid_minor" = "refunded_minor"
      END
    )
);

-- CreateTable
CREATE TABLE "finance"."invoice_lines" (
    "id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "tax_rate_basis_points" INTEGER NOT NULL,
    "line_total_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "invoice_lines_amounts_check" CHECK (
      "position" > 0 AND "quantity" BETWEEN 1 AND 10000 AND "unit_price_minor" >= 0
      AND "tax_rate_basis_points" BETWEEN 0 AND 10000
      AND "line_total_minor" = "quantity" * "unit_price_minor" AND "tax_minor" >= 0
    )
);

-- CreateTable
CREATE TABLE "finance"."payments" (
    "id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "method" "finance"."PaymentMethod" NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "refunded_minor" BIGINT NOT NULL DEFAULT 0,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recorded_by" UUID,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id"),
    -- A refund can never exceed what the payment brought in.
    CONSTRAINT "payments_amounts_check" CHECK ("amount_minor" > 0 AND "refunded_minor" >= 0 AND "refunded_minor" <= "amount_minor")
);

-- CreateTable
CREATE TABLE "finance"."refunds" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "refunded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recorded_by" UUID,

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "refunds_amount_check" CHECK ("amount_minor" > 0)
);

-- CreateTable
CREATE TABLE "finance"."invoice_number_counters" (
    "year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL,

    CONSTRAINT "invoice_number_counters_pkey" PRIMARY KEY ("year"),
    CONSTRAINT "invoice_number_counters_last_number_check" CHECK ("last_number" > 0)
);

-- CreateIndex
CREATE INDEX "invoices_patient_id_created_at_idx" ON "finance"."invoices"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "invoices_status_created_at_idx" ON "finance"."invoices"("status", "created_at");

-- CreateIndex
CREATE INDEX "invoices_created_at_id_idx" ON "finance"."invoices"("created_at", "id");

-- CreateIndex
-- Invoice numbers are unique per year: the last word on numbering, whatever the counter says.
CREATE UNIQUE INDEX "invoices_number_year_number_seq_key" ON "finance"."invoices"("number_year", "number_seq");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_lines_invoice_id_position_key" ON "finance"."invoice_lines"("invoice_id", "position");

-- CreateIndex
-- Global, so a retried payment is applied once whichever invoice the retry names.
CREATE UNIQUE INDEX "payments_idempotency_key_key" ON "finance"."payments"("idempotency_key");

-- CreateIndex
CREATE INDEX "payments_invoice_id_received_at_idx" ON "finance"."payments"("invoice_id", "received_at");

-- CreateIndex
CREATE INDEX "refunds_payment_id_refunded_at_idx" ON "finance"."refunds"("payment_id", "refunded_at");

-- AddForeignKey
ALTER TABLE "finance"."invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "finance"."invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finance"."payments" ADD CONSTRAINT "payments_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "finance"."invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finance"."refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "finance"."payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
