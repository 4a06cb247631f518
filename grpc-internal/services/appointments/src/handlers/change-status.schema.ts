/** Validation of the status-change requests (cancel, check in, complete, no-show). */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { reasonSchema } from './appointment-fields.schema.ts';

/** An appointment whose status changes. */
export const appointmentIdSchema = z.object({ id: uuidSchema });

/** An appointment to cancel, with an optional reason. */
export const cancelAppointmentSchema = z.object({ id: uuidSchema, reason: reasonSchema });
