/** Validation of PullEventsRequest and AckEventsRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';

/** Most events one pull returns, and most ids one ack takes. */
export const MAX_EVENTS = 500;
/** Events a pull returns when the consumer does not say. */
export const DEFAULT_EVENTS = 100;

/** A consumer name: it keys the delivery table, so keep it short and plain. */
const consumerSchema = z
  .string()
  .trim()
  .min(1, 'Name the consumer.')
  .max(64, 'A consumer name is at most 64 characters.')
  .regex(/^[a-z0-9-]+$/, 'A consumer name holds lower-case letters, digits and dashes only.');

/** A pull: consumer and batch size (0 = the default). */
export const pullEventsSchema = z.object({
  consumer: consumerSchema,
  max: z
    .number()
    .int()
    .min(0, 'max must not be negative.')
    .max(MAX_EVENTS, `max is at most ${MAX_EVENTS}.`)
    .default(0)
    .transform((max) => max || DEFAULT_EVENTS),
});

/** An acknowledgement: consumer and the events it handled. */
export const ackEventsSchema = z.object({
  consumer: consumerSchema,
  eventIds: z.array(uuidSchema).max(MAX_EVENTS, `Acknowledge at most ${MAX_EVENTS} events at once.`),
});
