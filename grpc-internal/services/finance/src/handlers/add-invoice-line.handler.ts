/** AddInvoiceLine: bills one more service on a DRAFT invoice. */
import type { AddInvoiceLineRequest__Output, Invoice } from '@hospital/grpc-contracts';
import { notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { balanceOf } from '../domain/balance.ts';
import { assertCanAddLine, assertSameCurrency, assertTotalsFit, nextLinePosition } from '../domain/invoice-rules.ts';
import { invoiceTotals, lineAmounts } from '../domain/money.ts';
import type { FinanceDeps } from '../finance-deps.ts';
import { addInvoiceLineSchema } from './add-invoice-line.schema.ts';
import { toProtoInvoice } from './to-proto-invoice.ts';

/**
 * Adds a line and recomputes the totals under the invoice's row lock, so a concurrent issue
 * either sees the line or the line is refused.
 * @param request - the invoice and the line
 * @param deps - invoice storage
 * @param scope - the call's logger
 */
export async function addInvoiceLineHandler(request: AddInvoiceLineRequest__Output, deps: Pick<FinanceDeps, 'invoices'>, scope: CallScope): Promise<Invoice> {
  const { invoiceId, unitPrice, ...line } = parseRequest(addInvoiceLineSchema, request);
  const updated = await deps.invoices.withLockedInvoice(invoiceId, async (locked) => {
    const { invoice } = locked;
    assertCanAddLine(invoice.status, invoice.lines.length);
    assertSameCurrency(invoice.currency, unitPrice.currency, 'unitPrice');
    const amounts = lineAmounts(line.quantity, unitPrice.amountMinor, line.taxRateBasisPoints);
    const totals = invoiceTotals([...invoice.lines, amounts]);
    assertTotalsFit(totals);
    await locked.insertLine({ ...line, ...amounts, position: nextLinePosition(invoice.lines), unitPriceMinor: unitPrice.amountMinor });
    await locked.update({ ...totals, balanceMinor: balanceOf({ ...invoice, totalMinor: totals.totalMinor }) });
    return locked.reload();
  });
  if (!updated) throw notFound('No invoice with this id.');
  scope.logger.info({ invoiceId, lines: updated.lines.length }, 'invoice line added');
  return toProtoInvoice(updated);
}
