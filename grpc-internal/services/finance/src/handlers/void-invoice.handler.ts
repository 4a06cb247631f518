/** VoidInvoice: cancels an invoice that keeps no money. */
import type { Invoice, VoidInvoiceRequest__Output } from '@hospital/grpc-contracts';
import { notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { assertCanVoid } from '../domain/invoice-rules.ts';
import type { FinanceDeps } from '../finance-deps.ts';
import { voidInvoiceSchema } from './invoice-id.schema.ts';
import { toProtoInvoice } from './to-proto-invoice.ts';

/**
 * Voids an invoice without net payments (every payment refunded). Its number, if any, stays
 * used: numbering is gapless, so a voided invoice keeps its place in the year.
 * @param request - the invoice id and reason
 * @param deps - invoice storage and clock
 * @param scope - the call's logger
 */
export async function voidInvoiceHandler(request: VoidInvoiceRequest__Output, deps: Pick<FinanceDeps, 'invoices' | 'now'>, scope: CallScope): Promise<Invoice> {
  const { id, reason } = parseRequest(voidInvoiceSchema, request);
  const voided = await deps.invoices.withLockedInvoice(id, async (locked) => {
    const { invoice } = locked;
    assertCanVoid(invoice.status, invoice.paidMinor - invoice.refundedMinor);
    await locked.update({ status: 'void', voidedAt: deps.now(), voidReason: reason });
    return locked.reload();
  });
  if (!voided) throw notFound('No invoice with this id.');
  scope.logger.info({ invoiceId: id }, 'invoice voided');
  return toProtoInvoice(voided);
}
