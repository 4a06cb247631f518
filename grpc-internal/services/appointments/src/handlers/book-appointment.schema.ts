/** Validation of BookAppointmentRequest. */
import { z } from 'zod';
import { idSchema, instantSchema, optionalIdSchema, reasonSchema } from './appointment-fields.schema.ts';

/** A new appointment (slot rules that need the clock are the domain's: slot-rules.ts). */
export const bookAppointmentSchema = z.object({
  patientId: idSchema,
  doctorId: optionalIdSchema,
  startsAt: instantSchema,
  endsAt: instantSchema,
  reason: reasonSchema,
});
