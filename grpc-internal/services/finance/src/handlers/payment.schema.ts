/** Validation of RecordPaymentRequest and RefundPaymentRequest. */
import { z } from 'zod';
import { requiredTextSchema, uuidSchema } from '@hospital/service-kit';
import { moneySchema, paymentMethodSchema } from './finance-fields.schema.ts';

/** A payment to record. */
export const recordPaymentSchema = z.object({
  invoiceId: uuidSchema,
  amount: moneySchema('Amount', { positive: true }),
  method: paymentMethodSchema,
  // Keys are compared exactly, so they are not trimmed: " a" and "a" are different requests.
  idempotencyKey: z
    .string()
    .min(1, 'Idempotency key is required.')
    .max(200, 'Idempotency key must be at most 200 characters.')
    .regex(/^[\x21-\x7e]+$/, 'Idempotency key may hold printable ASCII without spaces only.'),
});

/** A refund of a payment. */
export const refundPaymentSchema = z.object({
  paymentId: uuidSchema,
  amount: moneySchema('Amount', { positive: true }),
  reason: requiredTextSchema('Reason', 500),
});
