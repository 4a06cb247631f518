/** RecordPayment: money received against an issued invoice, applied once per idempotency key. */
import type { PaymentResult, RecordPaymentRequest__Output } from '@hospital/grpc-contracts';
import { conflict, notFound, parseRequest, actingUserId } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { balanceOf, statusForBalance } from '../domain/balance.ts';
import { assertCanPay, assertSameCurrency } from '../domain/invoice-rules.ts';
import type { FinanceDeps } from '../finance-deps.ts';
import { UniqueViolation, type InvoiceRecord, type PaymentRecord } from '../repositories/invoice-repository.ts';
import { recordPaymentSchema } from './payment.schema.ts';
import { toProtoInvoice, toProtoPayment } from './to-proto-invoice.ts';

type PaymentRequest = ReturnType<typeof recordPaymentSchema.parse>;

/** The answer to a retry: the first payment if the retry asks for the same thing, else CONFLICT. */
function replay(payment: PaymentRecord, invoice: InvoiceRecord, request: PaymentRequest): PaymentResult {
  const same =
    payment.invoiceId === request.invoiceId &&
    payment.amountMinor === request.amount.amountMinor &&
    invoice.currency === request.amount.currency &&
    payment.method === request.method;
  if (!same) throw conflict('This idempotency key was already used for a different payment.');
  return { payment: toProtoPayment(payment, invoice.currency), invoice: toProtoInvoice(invoice), replayed: true };
}

async function replayStored(payment: PaymentRecord, deps: Pick<FinanceDeps, 'invoices'>, request: PaymentRequest): Promise<PaymentResult> {
  const [invoice] = await deps.invoices.findByIds([payment.invoiceId]);
  if (!invoice) throw new Error('payment without its invoice');
  return replay(payment, invoice, request);
}

/**
 * Records a payment under the invoice's row lock. A retry with the same key returns the first
 * payment and applies nothing; the unique key index settles retries racing on other invoices.
 * @param request - invoice, amount, method, idempotency key
 * @param deps - invoice storage
 * @param scope - the call's caller and logger
 */
export async function recordPaymentHandler(request: RecordPaymentRequest__Output, deps: Pick<FinanceDeps, 'invoices'>, scope: CallScope): Promise<PaymentResult> {
  const input = parseRequest(recordPaymentSchema, request);
  // A retry normally finds its payment here, before taking any lock.
  const earlier = await deps.invoices.findPaymentByKey(input.idempotencyKey);
  if (earlier) return replayStored(earlier, deps, input);
  let result: PaymentResult | undefined;
  try {
    result = await deps.invoices.withLockedInvoice(input.invoiceId, async (locked) => {
      const { invoice } = locked;
      // A concurrent request with this key may have committed while we waited for the lock.
      const raced = invoice.payments.find((payment) => payment.idempotencyKey === input.idempotencyKey);
      if (raced) return replay(raced, invoice, input);
      assertSameCurrency(invoice.currency, input.amount.currency, 'amount');
      assertCanPay(invoice.status, invoice.balanceMinor, input.amount.amountMinor);
      const paymentId = await locked.insertPayment({
        amountMinor: input.amount.amountMinor,
        method: input.method,
        idempotencyKey: input.idempotencyKey,
        recordedBy: actingUserId(scope.caller),
      });
      const money = { ...invoice, paidMinor: invoice.paidMinor + input.amount.amountMinor };
      await locked.update({ paidMinor: money.paidMinor, balanceMinor: balanceOf(money), status: statusForBalance(invoice.status, money) });
      const updated = await locked.reload();
      const payment = updated.payments.find((candidate) => candidate.id === paymentId)!;
      return { payment: toProtoPayment(payment, updated.currency), invoice: toProtoInvoice(updated), replayed: false };
    });
  } catch (error) {
    // The same key won on another invoice meanwhile: answer as for any retry.
    if (!(error instanceof UniqueViolation)) throw error;
    const winner = await deps.invoices.findPaymentByKey(input.idempotencyKey);
    if (!winner) throw error;
    return replayStored(winner, deps, input);
  }
  if (!result) throw notFound('No invoice with this id.');
  scope.logger.info({ invoiceId: input.invoiceId, paymentId: result.payment?.id, replayed: result.replayed }, 'payment recorded');
  return result;
}
