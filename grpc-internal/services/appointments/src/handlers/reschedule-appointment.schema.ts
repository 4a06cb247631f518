/** Validation of RescheduleAppointmentRequest. */
import { z } from 'zod';
import { idSchema, instantSchema } from './appointment-fields.schema.ts';

/** An appointment and its new slot. */
export const rescheduleAppointmentSchema = z.object({ id: idSchema, startsAt: instantSchema, endsAt: instantSchema });
