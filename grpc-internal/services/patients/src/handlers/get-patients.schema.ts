/** Validation of GetPatientsRequest. */
import { z } from 'zod';
import { patientIdSchema } from './patient-fields.schema.ts';

/** Most ids one call may ask for. */
export const MAX_IDS = 500;

/** Patient ids to look up. */
export const getPatientsSchema = z.object({
  ids: z.array(patientIdSchema).max(MAX_IDS, `Ask for at most ${MAX_IDS} ids at once.`),
});
