/**
 * What may happen to an invoice in which state, and which amounts are acceptable. Each rule
 * throws BAD_USER_INPUT naming the field at fault; handlers call them while holding the invoice's
 * row lock, so the state they check is the state they change.
 */
import { invalidInput } from '@hospital/service-kit';
import { statusLabel, type InvoiceStatusName } from './invoice-status.ts';
import { fitsAmountRange, MAX_AMOUNT_MINOR, type InvoiceTotals } from './money.ts';

/** Most lines one invoice may hold. */
export const MAX_LINES_PER_INVOICE = 200;

/**
 * Lines are added only while the invoice is a DRAFT.
 * @param status - current status
 * @param lineCount - lines it already has
 */
export function assertCanAddLine(status: InvoiceStatusName, lineCount: number): void {
  if (status !== 'draft') throw invalidInput(`Lines can only be added to a DRAFT invoice; this one is ${statusLabel(status)}.`, 'invoiceId');
  if (lineCount >= MAX_LINES_PER_INVOICE) throw invalidInput(`An invoice holds at most ${MAX_LINES_PER_INVOICE} lines.`, 'invoiceId');
}

/**
 * A line can be removed only while the invoice is a DRAFT.
 * @param status - the invoice's status
 */
export function assertCanRemoveLine(status: InvoiceStatusName): void {
  if (status !== 'draft') throw invalidInput(`Lines can only be removed from a DRAFT invoice; this one is ${statusLabel(status)}.`, 'invoiceId');
}

/**
 * The position of a new line: after the last one (positions keep the gaps removed lines leave,
 * so a new line never takes a position still in use).
 * @param lines - the invoice's lines in position order
 */
export function nextLinePosition(lines: ReadonlyArray<{ position: number }>): number {
  return (lines.at(-1)?.position ?? 0) + 1;
}

/**
 * New totals must stay within the largest amount finance stores.
 * @param totals - the totals after the change
 */
export function assertTotalsFit(totals: InvoiceTotals): void {
  if (!fitsAmountRange(totals.totalMinor)) throw invalidInput(`The invoice total would exceed ${MAX_AMOUNT_MINOR} minor units.`, 'unitPrice');
}

/**
 * Only a DRAFT with at least one line can be issued.
 * @param status - current status
 * @param lineCount - lines it has
 */
export function assertCanIssue(status: InvoiceStatusName, lineCount: number): void {
  if (status !== 'draft') throw invalidInput(`Only a DRAFT invoice can be issued; this one is ${statusLabel(status)}.`, 'id');
  if (lineCount === 0) throw invalidInput('Add at least one line before issuing the invoice.', 'id');
}

/**
 * Payments go to issued invoices that still have something to pay, and never exceed the balance.
 * @param status - current status
 * @param balanceMinor - what is still owed
 * @param amountMinor - the payment
 */
export function assertCanPay(status: InvoiceStatusName, balanceMinor: bigint, amountMinor: bigint): void {
  if (status === 'draft') throw invalidInput('Issue the invoice before recording payments.', 'invoiceId');
  if (status === 'void') throw invalidInput('A VOID invoice cannot be paid.', 'invoiceId');
  if (status === 'paid') throw invalidInput('The invoice is already PAID.', 'amount');
  if (amountMinor <= 0n) throw invalidInput('A payment must be more than zero.', 'amount');
  if (amountMinor > balanceMinor) throw invalidInput(`Overpayment: the payment exceeds the balance of ${balanceMinor} minor units.`, 'amount');
}

/**
 * A refund gives back at most what is left of the payment after earlier refunds.
 * @param status - status of the payment's invoice
 * @param remainingMinor - payment amount minus its earlier refunds
 * @param amountMinor - the refund
 */
export function assertCanRefund(status: InvoiceStatusName, remainingMinor: bigint, amountMinor: bigint): void {
  if (status === 'void') throw invalidInput('Payments of a VOID invoice cannot be refunded.', 'paymentId');
  if (amountMinor <= 0n) throw invalidInput('A refund must be more than zero.', 'amount');
  if (amountMinor > remainingMinor) throw invalidInput(`The refund exceeds what is left of the payment (${remainingMinor} minor units).`, 'amount');
}

/**
 * Any invoice but a VOID one can be voided, as long as no money is kept on it.
 * @param status - current status
 * @param netPaidMinor - payments minus refunds
 */
export function assertCanVoid(status: InvoiceStatusName, netPaidMinor: bigint): void {
  if (status === 'void') throw invalidInput('The invoice is already VOID.', 'id');
  if (netPaidMinor !== 0n) throw invalidInput('Refund every payment before voiding the invoice.', 'id');
}

/**
 * Every amount on an invoice is in its currency.
 * @param invoiceCurrency - the invoice's currency
 * @param currency - the amount's currency
 * @param field - the input field to blame
 */
export function assertSameCurrency(invoiceCurrency: string, currency: string, field: string): void {
  if (invoiceCurrency !== currency) throw invalidInput(`The invoice is in ${invoiceCurrency}; this amount is in ${currency}.`, field);
}
