/** Validation of ListTokenRevocationsRequest. */
import { z } from 'zod';

/** Lower bound of the window: an RFC 3339 time with offset, or empty for "as far back as matters". */
export const listTokenRevocationsSchema = z.object({
  since: z.union([z.literal(''), z.iso.datetime({ offset: true, error: 'must be an RFC 3339 time, or empty.' })]).transform((text) => (text === '' ? undefined : new Date(text))),
});
