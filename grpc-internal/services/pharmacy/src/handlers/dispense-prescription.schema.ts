/** Validation of DispensePrescriptionRequest. */
import { z } from 'zod';
import { idSchema } from './pharmacy-fields.schema.ts';

/** A prescription to dispense. */
export const dispensePrescriptionSchema = z.object({ id: idSchema });
