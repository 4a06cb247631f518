/** Validation of ListUsersRequest. */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS, pageRequestSchema } from '@hospital/service-kit';
import { roleFilterSchema } from './fields.schema.ts';

/** Role filter, search text and page (page size and cursor are checked by the handler with service-kit). */
export const listUsersSchema = z.object({
  role: roleFilterSchema,
  // Empty means no search; a search of a name or email is short.
  search: z
    .string()
    .trim()
    .max(200, 'Search at most 200 characters.')
    .regex(NO_CONTROL_CHARACTERS, 'Search must not contain control characters.')
    .optional()
    .transform((text) => text || undefined),
  page: pageRequestSchema,
});
