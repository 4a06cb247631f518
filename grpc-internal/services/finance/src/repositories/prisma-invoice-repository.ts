/** InvoiceRepository on Prisma (schema `finance`). */
import { keysetWhere } from '@hospital/service-kit';
import { Prisma, type PrismaClient } from '@hospital/db';
import { translateDbError } from './db-errors.ts';
import { INVOICE_INCLUDE, toInvoiceRecord, toPaymentRecord } from './invoice-mapping.ts';
import type { InvoiceFilter, InvoicePosition, InvoiceRecord, InvoiceRepository, LockedInvoice, NewInvoice, OutstandingBalance, PaymentRecord } from './invoice-repository.ts';
import type { InvoiceStatusName } from '../domain/invoice-status.ts';
import { PrismaLockedInvoice } from './prisma-locked-invoice.ts';

/** Newest first; cursors hold (createdAt, id). */
const NEWEST_FIRST = [{ createdAt: 'desc' }, { id: 'desc' }] satisfies Prisma.InvoiceOrderByWithRelationInput[];
const REFUNDS_IN_ORDER = { refunds: { orderBy: [{ refundedAt: 'asc' }, { id: 'asc' }] } } satisfies Prisma.PaymentInclude;
/** Statuses whose balance is owed. */
const OUTSTANDING: InvoiceStatusName[] = ['issued', 'partially_paid'];

function whereOf(filter: InvoiceFilter): Prisma.InvoiceWhereInput {
  return { status: filter.status, patientId: filter.patientId };
}

/** Invoices stored by Prisma. */
export class PrismaInvoiceRepository implements InvoiceRepository {
  /** @param db - the Prisma client (transactions are opened here, so not a transaction client) */
  constructor(private readonly db: PrismaClient) {}

  async create(invoice: NewInvoice): Promise<InvoiceRecord> {
    return toInvoiceRecord(await this.db.invoice.create({ data: invoice, include: INVOICE_INCLUDE }));
  }

  async findByIds(ids: readonly string[]): Promise<InvoiceRecord[]> {
    if (ids.length === 0) return [];
    const invoices = await this.db.invoice.findMany({ where: { id: { in: [...ids] } }, include: INVOICE_INCLUDE });
    return invoices.map(toInvoiceRecord);
  }

  async list(query: InvoiceFilter & { after?: InvoicePosition; limit: number }): Promise<InvoiceRecord[]> {
    const { after } = query;
    // Keyset: strictly after the previous page's last row in (createdAt DESC, id DESC) order.
    const invoices = await this.db.invoice.findMany({
      where: { AND: [whereOf(query), keysetWhere('createdAt', after, 'desc')] },
      orderBy: NEWEST_FIRST,
      take: query.limit,
      include: INVOICE_INCLUDE,
    });
    return invoices.map(toInvoiceRecord);
  }

  async count(filter: InvoiceFilter): Promise<number> {
    return this.db.invoice.count({ where: whereOf(filter) });
  }

  async newestForPatients(patientIds: readonly string[], query: { status?: InvoiceStatusName; perPatient: number }): Promise<InvoiceRecord[]> {
    if (patientIds.length === 0) return [];
    const status = query.status ? Prisma.sql`AND status = ${query.status}::finance."InvoiceStatus"` : Prisma.empty;
    // One query for N patients: rank each patient's invoices and keep the first perPatient.
    const ranked = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM (
        SELECT id, row_number() OVER (PARTITION BY patient_id ORDER BY created_at DESC, id DESC) AS rank
          FROM finance.invoices
         WHERE patient_id = ANY(${[...patientIds]}::uuid[]) ${status}
      ) ranked
       WHERE rank <= ${query.perPatient}`;
    const invoices = await this.db.invoice.findMany({ where: { id: { in: ranked.map((row) => row.id) } }, orderBy: NEWEST_FIRST, include: INVOICE_INCLUDE });
    return invoices.map(toInvoiceRecord);
  }

  async outstandingBalances(patientIds: readonly string[]): Promise<OutstandingBalance[]> {
    if (patientIds.length === 0) return [];
    const groups = await this.db.invoice.groupBy({
      by: ['patientId', 'currency'],
      where: { patientId: { in: [...patientIds] }, status: { in: OUTSTANDING } },
      _sum: { balanceMinor: true },
      orderBy: [{ patientId: 'asc' }, { currency: 'asc' }],
    });
    return groups.map((group) => ({ patientId: group.patientId, currency: group.currency.trim(), amountMinor: group._sum.balanceMinor ?? 0n }));
  }

  async findPaymentByKey(key: string): Promise<PaymentRecord | undefined> {
    const payment = await this.db.payment.findUnique({ where: { idempotencyKey: key }, include: REFUNDS_IN_ORDER });
    return payment ? toPaymentRecord(payment) : undefined;
  }

  async findPayment(id: string): Promise<PaymentRecord | undefined> {
    const payment = await this.db.payment.findUnique({ where: { id }, include: REFUNDS_IN_ORDER });
    return payment ? toPaymentRecord(payment) : undefined;
  }

  async withLockedInvoice<T>(invoiceId: string, work: (locked: LockedInvoice) => Promise<T>): Promise<T | undefined> {
    try {
      return await this.db.$transaction(
        async (tx) => {
          // The row lock serialises every change to this invoice until commit: payments, refunds,
          // lines, issue and void each see the state left by the previous one.
          const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM finance.invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
          if (locked.length === 0) return undefined;
          const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: INVOICE_INCLUDE });
          return work(new PrismaLockedInvoice(tx, toInvoiceRecord(invoice)));
        },
        // Requests for one invoice queue on its lock: wait for a connection and the lock generously.
        { maxWait: 10_000, timeout: 20_000 },
      );
    } catch (error) {
      return translateDbError(error);
    }
  }
}
