/**
 * Seeds the demo invoices (see finance-demo-plan.ts) into empty finance tables. Numbers come
 * from the same per-year counter row the finance service increments when it issues an invoice,
 * so demo numbers and later real ones share one gapless sequence.
 */
import { randomUUID } from 'node:crypto';
import type { DemoSeedOptions } from './demo-seed-options.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { amountsOf, DEMO_INVOICES, type DemoInvoice } from './finance-demo-plan.ts';

/** Options for {@link seedFinanceDemo}: `today` is the reference instant (invoices lie in the days before it). */
export type SeedFinanceDemoOptions = DemoSeedOptions;

/** What {@link seedFinanceDemo} did. */
export interface SeedFinanceDemoResult {
  invoicesCreated: number;
}

/** Serialises concurrent seeders around the "tables empty?" check (distinct from the other seeds' locks). */
const FINANCE_SEED_LOCK_KEY = 72_602_033;
const DAY_MS = 24 * 60 * 60 * 1000;

const daysAfter = (instant: Date, days: number) => new Date(instant.getTime() + days * DAY_MS);

/** The next number of a year, exactly as the finance service takes it (see PrismaLockedInvoice). */
async function nextNumber(tx: Prisma.TransactionClient, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ last_number: number }[]>`
    INSERT INTO finance.invoice_number_counters AS counter (year, last_number) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last_number = counter.last_number + 1
    RETURNING last_number`;
  return Number(rows[0]!.last_number);
}

async function createInvoice(tx: Prisma.TransactionClient, plan: DemoInvoice, patientId: string, staffId: string | null, today: Date): Promise<void> {
  const amounts = amountsOf(plan);
  const createdAt = daysAfter(today, -plan.daysAgo);
  const issuedAt = plan.status === 'draft' ? null : daysAfter(createdAt, 1);
  const numberYear = issuedAt ? issuedAt.getUTCFullYear() : null;
  const numberSeq = numberYear !== null ? await nextNumber(tx, numberYear) : null;
  await tx.invoice.create({
    data: {
      patientId,
      currency: 'EUR',
      status: plan.status,
      numberYear,
      numberSeq,
      subtotalMinor: amounts.subtotalMinor,
      taxMinor: amounts.taxMinor,
      totalMinor: amounts.totalMinor,
      paidMinor: amounts.paidMinor,
      refundedMinor: amounts.refundedMinor,
      balanceMinor: amounts.balanceMinor,
      issuedAt,
      voidedAt: plan.status === 'void' ? daysAfter(issuedAt ?? createdAt, 2) : undefined,
      voidReason: plan.status === 'void' ? (plan.voidReason ?? 'Voided') : undefined,
      createdBy: staffId,
      createdAt,
      lines: {
        create: plan.lines.map(({ service, quantity }, i) => ({
          position: i + 1,
          code: service.code,
          description: service.description,
          quantity,
          unitPriceMinor: service.unitPriceMinor,
          taxRateBasisPoints: service.taxRateBasisPoints,
          lineTotalMinor: amounts.lines[i]!.lineTotalMinor,
          taxMinor: amounts.lines[i]!.taxMinor,
          createdAt,
        })),
      },
      payments: {
        create: plan.payments.map((payment) => {
          const receivedAt = daysAfter(issuedAt!, payment.daysAfterIssue);
          return {
            amountMinor: payment.amountMinor,
            method: payment.method,
            idempotencyKey: `demo-seed-${randomUUID()}`,
            refundedMinor: payment.refunds.reduce((sum, refund) => sum + refund.amountMinor, 0),
            receivedAt,
            recordedBy: staffId,
            refunds: { create: payment.refunds.map((refund) => ({ ...refund, refundedAt: daysAfter(receivedAt, 1), recordedBy: staffId })) },
          };
        }),
      },
    },
  });
}

/**
 * Seeds the demo invoices once: nothing happens when any invoice exists.
 * @param db - Prisma client on a migrated database with demo accounts and patients
 * @param options - reference instant and logger
 */
export async function seedFinanceDemo(db: PrismaClient, options: SeedFinanceDemoOptions): Promise<SeedFinanceDemoResult> {
  const result = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FINANCE_SEED_LOCK_KEY})`;
      if ((await tx.invoice.count()) > 0) return { invoicesCreated: 0 };
      const clerk = await tx.user.findUnique({ where: { email: 'finance@hospital.local' }, select: { id: true } });
      // The newest records: the ward demo admits the oldest ones, so the two demos meet other patients.
      const patients = await tx.patient.findMany({ where: { archivedAt: null }, orderBy: { mrn: 'desc' }, take: DEMO_INVOICES.length, select: { id: true } });
      let invoicesCreated = 0;
      for (const plan of DEMO_INVOICES) {
        const patient = patients[plan.patientIndex];
        if (!patient) continue;
        await createInvoice(tx, plan, patient.id, clerk?.id ?? null, options.today);
        invoicesCreated++;
      }
      return { invoicesCreated };
    },
    { timeout: 60_000 },
  );
  options.logger?.info(result, 'finance demo data seeded');
  return result;
}
