/** Validation of ListUsersRequest. */
import { z } from 'zod';
import { roleFilterSchema } from './fields.schema.ts';

/** Role filter and page (page size and cursor are checked by the handler with service-kit). */
export const listUsersSchema = z.object({
  role: roleFilterSchema,
  page: z
    .object({ first: z.number().optional(), after: z.string().optional() })
    .nullish()
    .transform((page) => ({ first: page?.first ?? 0, after: page?.after ?? '' })),
});
