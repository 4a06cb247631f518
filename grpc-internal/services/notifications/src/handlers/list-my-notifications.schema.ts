/** Validation of ListMyNotificationsRequest. */
import { z } from 'zod';
import { pageSchema } from './fields.schema.ts';

/** Page and unread filter. */
export const listMyNotificationsSchema = z.object({
  page: pageSchema,
  unreadOnly: z.boolean().default(false),
});
