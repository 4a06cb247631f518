/** Validation of GetUsersRequest. */
import { z } from 'zod';
import { idListSchema } from '@hospital/service-kit';

/** User ids to look up. */
export const getUsersSchema = z.object({
  ids: idListSchema,
});
