/** Validation of ReviewPrescriptionRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { textSchema } from './pharmacy-fields.schema.ts';

/** A prescription to query or reject, and why (the prescriber reads the reason). */
export const reviewPrescriptionSchema = z.object({
  id: uuidSchema,
  action: z.enum(['QUERY', 'REJECT'], { error: 'Action must be QUERY or REJECT.' }),
  reason: textSchema('Reason', 500),
});
