/** Validation of SearchPatientsRequest. */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS_MULTILINE } from '@hospital/service-kit';
import { pageRequestSchema } from '@hospital/service-kit';

/** Search text, archive flag, count mode and page (the text is parsed by the domain, the page by service-kit). */
export const searchPatientsSchema = z.object({
  search: z
    .string()
    // No stored name holds control characters, and PostgreSQL refuses NUL outright (a 500, not
    // "no match"); whitespace is fine, the parser folds it.
    .regex(NO_CONTROL_CHARACTERS_MULTILINE, 'Search must not contain control characters.')
    .default(''),
  includeArchived: z.boolean().default(false),
  exactCount: z.boolean().default(false),
  page: pageRequestSchema,
});
