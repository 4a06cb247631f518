/** RefundPayment: gives back part or all of a payment. */
import type { PaymentResult, RefundPaymentRequest__Output } from '@hospital/grpc-contracts';
import { notFound, parseRequest, actingUserId } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { balanceOf, statusForBalance } from '../domain/balance.ts';
import { assertCanRefund, assertSameCurrency } from '../domain/invoice-rules.ts';
import type { FinanceDeps } from '../finance-deps.ts';
import { refundPaymentSchema } from './payment.schema.ts';
import { toProtoInvoice, toProtoPayment } from './to-proto-invoice.ts';

/**
 * Refunds a payment under its invoice's row lock, so concurrent refunds of one payment can never
 * together exceed it; the invoice's balance and status follow.
 * @param request - payment, amount, reason
 * @param deps - invoice storage
 * @param scope - the call's caller and logger
 */
export async function refundPaymentHandler(request: RefundPaymentRequest__Output, deps: Pick<FinanceDeps, 'invoices'>, scope: CallScope): Promise<PaymentResult> {
  const { paymentId, amount, reason } = parseRequest(refundPaymentSchema, request);
  const payment = await deps.invoices.findPayment(paymentId);
  if (!payment) throw notFound('No payment with this id.');
  const result = await deps.invoices.withLockedInvoice(payment.invoiceId, async (locked) => {
    const { invoice } = locked;
    // Re-read under the lock: earlier refunds may have landed since the lookup above.
    const current = invoice.payments.find((candidate) => candidate.id === paymentId)!;
    assertSameCurrency(invoice.currency, amount.currency, 'amount');
    assertCanRefund(invoice.status, current.amountMinor - current.refundedMinor, amount.amountMinor);
    await locked.insertRefund({ paymentId, amountMinor: amount.amountMinor, reason, recordedBy: actingUserId(scope.caller) });
    const money = { ...invoice, refundedMinor: invoice.refundedMinor + amount.amountMinor };
    await locked.update({ refundedMinor: money.refundedMinor, balanceMinor: balanceOf(money), status: statusForBalance(invoice.status, money) });
    const updated = await locked.reload();
    const refunded = updated.payments.find((candidate) => candidate.id === paymentId)!;
    return { payment: toProtoPayment(refunded, updated.currency), invoice: toProtoInvoice(updated), replayed: false };
  });
  if (!result) throw notFound('No payment with this id.');
  scope.logger.info({ invoiceId: payment.invoiceId, paymentId }, 'payment refunded');
  return result;
}
