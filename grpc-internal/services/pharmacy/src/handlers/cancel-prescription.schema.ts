/** Validation of CancelPrescriptionRequest. */
import { z } from 'zod';
import { requiredTextSchema, uuidSchema } from '@hospital/service-kit';

/** A prescription to cancel, and why. */
export const cancelPrescriptionSchema = z.object({ id: uuidSchema, reason: requiredTextSchema('Reason', 500) });
