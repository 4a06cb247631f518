/** Validation of ReceiveStockRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { daySchema, intSchema } from './pharmacy-fields.schema.ts';

/** Most units one delivery may bring into one lot. */
export const MAX_RECEIPT = 1_000_000;

/** A lot number: letters, digits, dot, hyphen and slash, 1–40 characters, stored upper case. */
export const lotNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9./-]{0,39}$/, 'Lot number must be 1–40 letters, digits, dots, hyphens or slashes.');

/** A delivery (expiry checked against today by the handler, which owns the clock). */
export const receiveStockSchema = z.object({
  drugId: uuidSchema,
  lotNumber: lotNumberSchema,
  quantity: intSchema('Quantity', 1, MAX_RECEIPT),
  expiresOn: daySchema('Expiry date'),
});
