/** Validation of BookAppointmentRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { instantSchema, optionalIdSchema, reasonSchema } from './appointment-fields.schema.ts';

/** A new appointment (slot rules that need the clock are the domain's: slot-rules.ts). */
export const bookAppointmentSchema = z.object({
  patientId: uuidSchema,
  doctorId: optionalIdSchema,
  startsAt: instantSchema,
  endsAt: instantSchema,
  reason: reasonSchema,
});
