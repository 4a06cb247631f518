/** Field rules shared by the notifications request schemas. */
import { z } from 'zod';

/** A UUID, with the message clients see. */
export const uuidSchema = z.uuid('Must be a UUID.');

/** A page request (the page size is checked by service-kit's pageSize). */
export const pageSchema = z
  .object({ first: z.number().optional(), after: z.string().optional() })
  .nullish()
  .transform((page) => ({ first: page?.first ?? 0, after: page?.after ?? '' }));

/** Most ids one batch call may ask for. */
export const MAX_IDS = 500;
