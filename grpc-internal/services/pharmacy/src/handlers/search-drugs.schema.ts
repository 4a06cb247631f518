/** Validation of SearchDrugsRequest. */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS_MULTILINE, pageRequestSchema } from '@hospital/service-kit';

/** A catalogue search: a name or code prefix (may be empty), and a page. */
export const searchDrugsSchema = z.object({
  search: z
    .string()
    .trim()
    .max(100, 'Search must be at most 100 characters.')
    // PostgreSQL refuses NUL in text outright (a 500, not "no match"); no drug name holds a
    // control character. Whitespace pasted along with a name is harmless.
    .regex(NO_CONTROL_CHARACTERS_MULTILINE, 'Search must not contain control characters.')
    .default(''),
  page: pageRequestSchema,
});
