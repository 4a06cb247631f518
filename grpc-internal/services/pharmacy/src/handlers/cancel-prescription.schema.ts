/** Validation of CancelPrescriptionRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { textSchema } from './pharmacy-fields.schema.ts';

/** A prescription to cancel, and why. */
export const cancelPrescriptionSchema = z.object({ id: uuidSchema, reason: textSchema('Reason', 500) });
