/**
 * Request validation for gRPC handlers: a zod schema per request, and one function that turns
 * the first violation into BAD_USER_INPUT naming the field, so every service reports bad input
 * the same way.
 */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS, NO_CONTROL_CHARACTERS_MULTILINE } from '@hospital/grpc-contracts/text';
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

/**
 * Each id once, lower-cased: a UUID names the same record whatever the case it is written in.
 * @param ids - ids as asked for
 */
export function distinctIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** Most ids one batch lookup (GetUsers, GetPatients, …) may name. */
export const MAX_IDS = 500;

/** The ids of a batch lookup: UUIDs, at most {@link MAX_IDS}. */
export const idListSchema = z.array(uuidSchema).max(MAX_IDS, `Ask for at most ${MAX_IDS} ids at once.`);

// The control-character rule is defined once, below the kit, so browser forms share it.
export { NO_CONTROL_CHARACTERS, NO_CONTROL_CHARACTERS_MULTILINE, printableText } from '@hospital/grpc-contracts/text';

/**
 * Required free text as every service takes it: trimmed, not empty, at most `max` characters, no
 * control characters (tabs and line breaks too when `multiline`), with one set of messages.
 * @param label - how the messages name the field ("Reason", "Name"…)
 * @param max - most characters
 * @param options - `multiline` for text that may span lines (summaries, reasons)
 */
export function requiredTextSchema(label: string, max: number, options: { multiline?: boolean } = {}) {
  return z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .regex(options.multiline ? NO_CONTROL_CHARACTERS_MULTILINE : NO_CONTROL_CHARACTERS, `${label} must not contain control characters.`);
}
