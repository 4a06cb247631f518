/** LockedInvoice on a Prisma transaction client: the writes a handler makes under the row lock. */
import type { Prisma } from '@hospital/db';
import { INVOICE_INCLUDE, toInvoiceRecord } from './invoice-mapping.ts';
import type { InvoiceChanges, InvoiceRecord, LockedInvoice, NewInvoiceLine, NewPayment, NewRefund } from './invoice-repository.ts';

/** Writes to one invoice inside the transaction that locked it. */
export class PrismaLockedInvoice implements LockedInvoice {
  /**
   * @param tx - the transaction holding the lock
   * @param invoice - the invoice as read after locking
   */
  constructor(
    private readonly tx: Prisma.TransactionClient,
    readonly invoice: InvoiceRecord,
  ) {}

  async nextNumber(year: number): Promise<number> {
    // The upsert takes the counter row's lock until commit: concurrent issuers of the same year
    // queue here, and a rollback returns the number, so the year's numbers have no gaps.
    const rows = await this.tx.$queryRaw<{ last_number: number }[]>`
      INSERT INTO finance.invoice_number_counters AS counter (year, last_number) VALUES (${year}, 1)
      ON CONFLICT (year) DO UPDATE SET last_number = counter.last_number + 1
      RETURNING last_number`;
    const next = rows[0]?.last_number;
    if (next === undefined) throw new Error('invoice number counter returned no row');
    return Number(next);
  }

  async insertLine(line: NewInvoiceLine): Promise<void> {
    await this.tx.invoiceLine.create({ data: { ...line, invoiceId: this.invoice.id } });
  }

  async deleteLine(lineId: string): Promise<boolean> {
    const { count } = await this.tx.invoiceLine.deleteMany({ where: { id: lineId, invoiceId: this.invoice.id } });
    return count > 0;
  }

  async insertPayment(payment: NewPayment): Promise<string> {
    const created = await this.tx.payment.create({ data: { ...payment, invoiceId: this.invoice.id }, select: { id: true } });
    return created.id;
  }

  async insertRefund(refund: NewRefund): Promise<void> {
    await this.tx.refund.create({ data: refund });
    await this.tx.payment.update({ where: { id: refund.paymentId }, data: { refundedMinor: { increment: refund.amountMinor } } });
  }

  async update(changes: InvoiceChanges): Promise<void> {
    await this.tx.invoice.update({ where: { id: this.invoice.id }, data: changes });
  }

  async reload(): Promise<InvoiceRecord> {
    return toInvoiceRecord(await this.tx.invoice.findUniqueOrThrow({ where: { id: this.invoice.id }, include: INVOICE_INCLUDE }));
  }
}
