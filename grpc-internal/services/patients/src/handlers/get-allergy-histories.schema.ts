/**
 * Validation of GetAllergyHistoriesRequest. A page holds at most ALLERGY_HISTORY_PAGE_CAP changes
 * and a call at most ALLERGY_HISTORY_MAX_PATIENTS patients: a change is at most ~30 KB (two lists
 * of 50 allergies of 100 characters), so an answer stays under ~3 MB, within gRPC's 4 MB.
 */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';

/** Most changes per patient in one page (also the default). */
export const ALLERGY_HISTORY_PAGE_CAP = 20;
/** Most patients whose history one call reads. */
export const ALLERGY_HISTORY_MAX_PATIENTS = 5;

/** Patients whose allergy history to read, one page each. */
export const getAllergyHistoriesSchema = z
  .object({
    patientIds: z.array(uuidSchema).max(ALLERGY_HISTORY_MAX_PATIENTS, `Ask for at most ${ALLERGY_HISTORY_MAX_PATIENTS} patients at once.`),
    // 0 (or anything below 1) is the default page; more than the cap is the cap.
    first: z
      .number()
      .int()
      .transform((first) => (first < 1 ? ALLERGY_HISTORY_PAGE_CAP : Math.min(first, ALLERGY_HISTORY_PAGE_CAP))),
    after: z.union([z.literal(''), z.uuid({ error: 'must be the id of a change (a cursor from the previous page).' })]),
  })
  .refine((request) => request.after === '' || request.patientIds.length === 1, {
    path: ['after'],
    error: 'A cursor belongs to one patient: ask for one patient with `after`.',
  });
