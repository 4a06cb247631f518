/**
 * Request validation for gRPC handlers: a zod schema per request, and one function that turns
 * the first violation into BAD_USER_INPUT naming the field, so every service reports bad input
 * the same way.
 */
import type { z } from 'zod';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for a UUID in its usual text form (any version, either case), the form of every id here.
 * @param value - anything
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
