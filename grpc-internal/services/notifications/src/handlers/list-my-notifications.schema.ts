/** Validation of ListMyNotificationsRequest. */
import { z } from 'zod';
import { pageRequestSchema } from '@hospital/service-kit';

/** Page and unread filter. */
export const listMyNotificationsSchema = z.object({
  page: pageRequestSchema,
  unreadOnly: z.boolean().default(false),
});
