/** Validation of CancelPrescriptionRequest. */
import { z } from 'zod';
import { idSchema, textSchema } from './pharmacy-fields.schema.ts';

/** A prescription to cancel, and why. */
export const cancelPrescriptionSchema = z.object({ id: idSchema, reason: textSchema('Reason', 500) });
