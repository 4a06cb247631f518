-- Amounts leave the API as the MinorUnits scalar (an int64 decimal string) instead of a 32-bit
-- GraphQL Int, so an invoice total may now reach 10^15 - 1 minor units (the finance service's
-- MAX_AMOUNT_MINOR). The columns were BIGINT already; only the total's bound changes. Sums over
-- many invoices (a patient's balance) are computed as numeric by SUM(bigint), never overflowing.
ALTER TABLE "finance"."invoices" DROP CONSTRAINT "invoices_amounts_check";
ALTER TABLE "finance"."invoices" ADD CONSTRAINT "invoices_amounts_check" CHECK (
  "subtotal_minor" >= 0 AND "tax_minor" >= 0 AND "total_minor" = "subtotal_minor" + "tax_minor"
  AND "total_minor" <= 999999999999999
  AND "paid_minor" >= 0 AND "refunded_minor" >= 0 AND "refunded_minor" <= "paid_minor"
);
