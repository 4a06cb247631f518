/** Validation of AdjustStockRequest. */
import { z } from 'zod';
import { requiredTextSchema, uuidSchema } from '@hospital/service-kit';
import { intSchema } from './pharmacy-fields.schema.ts';

/** Largest correction in one request, either way. */
export const MAX_ADJUSTMENT = 1_000_000;

/** A correction: non-zero delta and a reason. */
export const adjustStockSchema = z.object({
  lotId: uuidSchema,
  delta: intSchema('Delta', -MAX_ADJUSTMENT, MAX_ADJUSTMENT).refine((delta) => delta !== 0, 'Delta must not be zero.'),
  reason: requiredTextSchema('Reason', 500),
});
