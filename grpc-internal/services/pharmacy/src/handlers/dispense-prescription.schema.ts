/** Validation of DispensePrescriptionRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';

/** A prescription to dispense. */
export const dispensePrescriptionSchema = z.object({ id: uuidSchema });
