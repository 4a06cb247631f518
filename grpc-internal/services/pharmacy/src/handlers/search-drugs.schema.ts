/** Validation of SearchDrugsRequest. */
import { z } from 'zod';
import { pageSchema } from './pharmacy-fields.schema.ts';

/** A catalogue search: a name or code prefix (may be empty), and a page. */
export const searchDrugsSchema = z.object({
  search: z.string().trim().max(100, 'Search must be at most 100 characters.').default(''),
  page: pageSchema,
});
