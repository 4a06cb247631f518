/**
 * Keyset pagination helpers shared by every list method: page sizes with one default and cap,
 * and opaque cursors (base64url JSON of the sort key) that clients must not parse.
 */
import { invalidInput } from './errors.ts';

/** Page size when the client asks for none (first = 0 or unset). */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a client may ask for; larger requests are capped, not rejected. */
export const MAX_PAGE_SIZE = 100;

/**
 * The page size to use for a request's `first`.
 * @param first - requested size; 0 or undefined means the default (proto3 cannot tell them apart)
 * @param limits - default and cap, when a method needs others
 */
export function pageSize(first: number | undefined, limits: { defaultSize?: number; max?: number } = {}): number {
  if (first !== undefined && (!Number.isInteger(first) || first < 0)) {
    throw invalidInput('first must be zero or a positive integer.', 'first');
  }
  if (!first) return limits.defaultSize ?? DEFAULT_PAGE_SIZE;
  return Math.min(first, limits.max ?? MAX_PAGE_SIZE);
}

/**
 * Encodes a sort key as an opaque cursor.
 * @param key - the sort-key values of the last row, in sort order
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor}; throws BAD_USER_INPUT on anything else.
 * @param cursor - the client's `after` value
 * @param arity - how many values the sort key has
 * @param field - the field to blame (default "after")
 */
export function decodeCursor(cursor: string, arity: number, field = 'after'): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== arity || !key.every((value) => typeof value === 'string')) {
    throw invalidInput('Invalid cursor.', field);
  }
  return key;
}
