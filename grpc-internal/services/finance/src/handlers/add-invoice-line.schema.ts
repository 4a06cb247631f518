/** Validation of AddInvoiceLineRequest. */
import { z } from 'zod';
import { requiredTextSchema, uuidSchema } from '@hospital/service-kit';
import { moneySchema } from './finance-fields.schema.ts';

/** Most units one line may bill. */
export const MAX_QUANTITY = 10_000;

/** A line for a DRAFT invoice. */
export const addInvoiceLineSchema = z.object({
  invoiceId: uuidSchema,
  code: requiredTextSchema('Code', 32).regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'Code may hold letters, digits and . _ / - only.'),
  description: requiredTextSchema('Description', 200),
  quantity: z.number().int('Quantity must be a whole number.').min(1, 'Quantity must be at least 1.').max(MAX_QUANTITY, `Quantity must be at most ${MAX_QUANTITY}.`),
  unitPrice: moneySchema('Unit price', { positive: false }),
  taxRateBasisPoints: z
    .number()
    .int('Tax rate must be a whole number of basis points.')
    .min(0, 'Tax rate cannot be negative.')
    .max(10_000, 'Tax rate must be at most 10000 basis points (100 %).')
    .default(0),
});
