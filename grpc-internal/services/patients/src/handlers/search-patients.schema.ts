/** Validation of SearchPatientsRequest. */
import { z } from 'zod';

/** Search text, archive flag and page (the text is parsed by the domain, the page by service-kit). */
export const searchPatientsSchema = z.object({
  search: z.string().default(''),
  includeArchived: z.boolean().default(false),
  page: z
    .object({ first: z.number().optional(), after: z.string().optional() })
    .nullish()
    .transform((page) => ({ first: page?.first ?? 0, after: page?.after ?? '' })),
});
