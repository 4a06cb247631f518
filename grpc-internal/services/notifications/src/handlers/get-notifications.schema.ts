/** Validation of GetNotificationsRequest. */
import { z } from 'zod';
import { idListSchema } from '@hospital/service-kit';

/** Notification ids to look up. */
export const getNotificationsSchema = z.object({
  ids: idListSchema,
});
