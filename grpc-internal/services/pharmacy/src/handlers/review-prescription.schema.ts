/** Validation of ReviewPrescriptionRequest. */
import { z } from 'zod';
import { requiredTextSchema, uuidSchema } from '@hospital/service-kit';

/** A prescription to query or reject, and why (the prescriber reads the reason). */
export const reviewPrescriptionSchema = z.object({
  id: uuidSchema,
  action: z.enum(['QUERY', 'REJECT'], { error: 'Action must be QUERY or REJECT.' }),
  reason: requiredTextSchema('Reason', 500),
});
