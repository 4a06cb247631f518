/**
 * The balance rule: what is still owed is the total minus payments plus refunds. The status of an
 * issued invoice follows from it. The database enforces the same rule with CHECK constraints; this
 * is the one place the service computes it.
 */
import type { InvoiceStatusName } from './invoice-status.ts';

/** The money an invoice's balance depends on. */
export interface BalanceInputs {
  /** Invoice total (subtotal + tax). */
  totalMinor: bigint;
  /** Sum of every payment. */
  paidMinor: bigint;
  /** Sum of every refund. */
  refundedMinor: bigint;
}

/**
 * balance = total − payments + refunds.
 * @param amounts - total, paid and refunded sums
 */
export function balanceOf(amounts: BalanceInputs): bigint {
  return amounts.totalMinor - amounts.paidMinor + amounts.refundedMinor;
}

/**
 * The status an invoice has after its money changed. DRAFT and VOID are not derived from money
 * and stay as they are; an issued invoice is PAID at a zero balance, PARTIALLY_PAID while some
 * but not all is paid, and ISSUED while nothing (net of refunds) is.
 * @param current - the status before the change
 * @param amounts - the new total, paid and refunded sums
 */
export function statusForBalance(current: InvoiceStatusName, amounts: BalanceInputs): InvoiceStatusName {
  if (current === 'draft' || current === 'void') return current;
  const balance = balanceOf(amounts);
  if (balance === 0n) return 'paid';
  return balance < amounts.totalMinor ? 'partially_paid' : 'issued';
}
