/** Field rules shared by the notifications request schemas. */
import { z } from 'zod';

/** A page request (the page size is checked by service-kit's pageSize). */
export const pageSchema = z
  .object({ first: z.number().optional(), after: z.string().optional() })
  .nullish()
  .transform((page) => ({ first: page?.first ?? 0, after: page?.after ?? '' }));

/** Why a service principal is refused an inbox call: notifications belong to people. */
export const NO_INBOX = 'Only signed-in users have notifications.';
