/** Validation of GetAllergyHistoriesRequest. */
import { z } from 'zod';
import { MAX_IDS } from './get-patients.schema.ts';
import { patientIdSchema } from './patient-fields.schema.ts';

/** Patients whose allergy history to read. */
export const getAllergyHistoriesSchema = z.object({
  patientIds: z.array(patientIdSchema).max(MAX_IDS, `Ask for at most ${MAX_IDS} ids at once.`),
});
