/** Validation of RescheduleAppointmentRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { instantSchema } from './appointment-fields.schema.ts';

/** An appointment and its new slot. */
export const rescheduleAppointmentSchema = z.object({ id: uuidSchema, startsAt: instantSchema, endsAt: instantSchema });
