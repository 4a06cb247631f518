/** Validation of GetAppointmentsRequest. */
import { z } from 'zod';
import { idSchema } from './appointment-fields.schema.ts';

/** Most ids one call may ask for. */
export const MAX_IDS = 500;

/** Appointment ids to look up. */
export const getAppointmentsSchema = z.object({
  ids: z.array(idSchema).max(MAX_IDS, `Ask for at most ${MAX_IDS} ids at once.`),
});
