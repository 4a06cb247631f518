/** Validation of GetNotificationsRequest. */
import { z } from 'zod';
import { MAX_IDS, uuidSchema } from './fields.schema.ts';

/** Notification ids to look up. */
export const getNotificationsSchema = z.object({
  ids: z.array(uuidSchema).max(MAX_IDS, `Ask for at most ${MAX_IDS} ids at once.`),
});
