/** RemoveInvoiceLine: takes a line off a DRAFT invoice (a wrong service or quantity). */
import type { Invoice, RemoveInvoiceLineRequest__Output } from '@hospital/grpc-contracts';
import { notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { balanceOf } from '../domain/balance.ts';
import { assertCanRemoveLine } from '../domain/invoice-rules.ts';
import { invoiceTotals } from '../domain/money.ts';
import type { FinanceDeps } from '../finance-deps.ts';
import { removeInvoiceLineSchema } from './invoice-id.schema.ts';
import { toProtoInvoice } from './to-proto-invoice.ts';

/**
 * Deletes the line and recomputes the totals under the invoice's row lock, so a concurrent issue
 * either sees the line or its removal is refused.
 * @param request - the invoice and the line
 * @param deps - invoice storage
 * @param scope - the call's logger
 */
export async function removeInvoiceLineHandler(request: RemoveInvoiceLineRequest__Output, deps: Pick<FinanceDeps, 'invoices'>, scope: CallScope): Promise<Invoice> {
  const { invoiceId, lineId } = parseRequest(removeInvoiceLineSchema, request);
  const updated = await deps.invoices.withLockedInvoice(invoiceId, async (locked) => {
    const { invoice } = locked;
    assertCanRemoveLine(invoice.status);
    if (!(await locked.deleteLine(lineId))) throw notFound('This invoice has no line with this id.');
    const totals = invoiceTotals(invoice.lines.filter((line) => line.id !== lineId));
    await locked.update({ ...totals, balanceMinor: balanceOf({ ...invoice, totalMinor: totals.totalMinor }) });
    return locked.reload();
  });
  if (!updated) throw notFound('No invoice with this id.');
  scope.logger.info({ invoiceId, lines: updated.lines.length }, 'invoice line removed');
  return toProtoInvoice(updated);
}
