/**
 * Request validation for gRPC handlers: a zod schema per request, and one function that turns
 * the first violation into BAD_USER_INPUT naming the field, so every service reports bad input
 * the same way.
 */
import { z } from 'zod';
import { invalidInput } from './errors.ts';

/**
 * Parses a request against its schema; throws BAD_USER_INPUT (with the field) on the first problem.
 * @param schema - the request schema (may transform: trimming, normalising)
 * @param input - the decoded gRPC request
 * @returns the parsed, normalised request
 */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // List positions (allergies.3) say nothing to a form; the field name is what a client maps.
  const field = issue?.path.filter((segment) => typeof segment === 'string').join('.');
  throw invalidInput(issue?.message ?? 'Invalid request.', field || undefined);
}

/**
 * An id as this system writes them: an RFC 9562 UUID in its text form, either case. Every id is
 * generated as version 4 (PostgreSQL `gen_random_uuid()`, Prisma `@default(uuid())`), so this
 * refuses no id the database holds; the nil and max UUIDs pass too. One rule for every service.
 */
export const uuidSchema = z.uuid({ error: 'must be a UUID.' });

/**
 * True for an id {@link uuidSchema} accepts.
 * @param value - anything
 */
export function isUuid(value: unknown): value is string {
  return uuidSchema.safeParse(value).success;
}

/** Most ids one batch lookup (GetUsers, GetPatients, …) may name. */
export const MAX_IDS = 500;

/** The ids of a batch lookup: UUIDs, at most {@link MAX_IDS}. */
export const idListSchema = z.array(uuidSchema).max(MAX_IDS, `Ask for at most ${MAX_IDS} ids at once.`);

/**
 * Text with no control characters (Unicode Cc: NUL, escapes, line breaks). PostgreSQL refuses
 * NUL in text outright, so a field that reaches a query must be checked before it.
 */
export const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;
