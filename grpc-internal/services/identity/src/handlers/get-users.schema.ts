/** Validation of GetUsersRequest. */
import { z } from 'zod';
import { uuidSchema } from './fields.schema.ts';

/** Most ids one call may ask for (a DataLoader batch is far smaller). */
export const MAX_IDS = 500;

/** User ids to look up. */
export const getUsersSchema = z.object({
  ids: z.array(uuidSchema).max(MAX_IDS, `Ask for at most ${MAX_IDS} ids at once.`),
});
