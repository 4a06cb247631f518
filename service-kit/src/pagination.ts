/**
 * Keyset pagination shared by every list method (the proto contract is
 * hospital/common/v1/paging.proto): the request's `PageRequest` read into a keyset read (page
 * size with one default and cap, the position an opaque cursor names), and the rows read turned
 * into the response's items, parallel cursors and `PageInfo`. Cursors are base64url JSON of the
 * sort key; clients must not parse them.
 */
import type { PageInfo } from '@hospital/grpc-contracts';
import { z } from 'zod';
import { invalidInput } from './errors.ts';
import { uuidSchema } from './validation.ts';

/** Page size when the client asks for none (first = 0 or unset). */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a client may ask for; larger requests are capped, not rejected. */
export const MAX_PAGE_SIZE = 100;

/**
 * The proto `PageRequest` in a request schema: absent (proto3 leaves a message field unset) reads
 * as the first page of the default size. Size and cursor are checked by {@link keysetOf}.
 */
export const pageRequestSchema = z
  .object({ first: z.number().optional(), after: z.string().optional() })
  .nullish()
  .transform((page) => ({ first: page?.first ?? 0, after: page?.after ?? '' }));

/** A parsed `PageRequest` (what {@link pageRequestSchema} returns). */
export type PageRequestFields = z.output<typeof pageRequestSchema>;

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

/** One keyset read: how many rows the page shows, how many to read, and where to start. */
export interface Keyset<P> {
  /** Rows the page shows. */
  limit: number;
  /** Rows to read: one more than the page, which only tells whether another page follows (no second count). */
  readLimit: number;
  /** The sort-key position of the previous page's last row; undefined for the first page. */
  after: P | undefined;
}

/**
 * Reads a `PageRequest` into a keyset read: the size first (BAD_USER_INPUT on `first`), then the
 * cursor (an empty one is the first page).
 * @param page - the parsed page request
 * @param positionOf - decodes a non-empty cursor into its position; throws BAD_USER_INPUT on `after` for a forged one
 */
export function keysetOf<P>(page: PageRequestFields, positionOf: (cursor: string) => P): Keyset<P> {
  const limit = pageSize(page.first);
  return { limit, readLimit: limit + 1, after: page.after ? positionOf(page.after) : undefined };
}

/** One page of a list response: the rows shown, a cursor each, and the proto `PageInfo`. */
export interface KeysetPage<R> {
  /** The rows the page shows, in order. */
  rows: R[];
  /** One cursor per row, parallel to `rows`. */
  cursors: string[];
  /** End cursor, whether another page follows, total count. */
  pageInfo: PageInfo;
}

/**
 * The page from the rows a keyset read returned (at most `limit + 1`).
 * @param read - the rows read, in order
 * @param limit - the page size ({@link Keyset.limit})
 * @param cursorOf - a row's cursor
 * @param totalCount - matching rows over all pages
 */
export function keysetPage<R>(read: readonly R[], limit: number, cursorOf: (row: R) => string, totalCount: number): KeysetPage<R> {
  const rows = read.slice(0, limit);
  const cursors = rows.map(cursorOf);
  return { rows, cursors, pageInfo: { endCursor: cursors.at(-1) ?? '', hasNextPage: read.length > limit, totalCount } };
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

/**
 * The cursor of a row listed by (instant, id), the order of most newest-first lists.
 * @param at - the row's sort instant (creation, admission, start…)
 * @param id - the row's UUID
 */
export function instantIdCursor(at: Date, id: string): string {
  return encodeCursor([at.toISOString(), id]);
}

/**
 * The (instant, id) position a cursor of {@link instantIdCursor} names; BAD_USER_INPUT on `after`
 * for anything else (a forged instant or id never reaches a query).
 * @param cursor - the client's non-empty `after`
 */
export function decodeInstantIdCursor(cursor: string): { at: Date; id: string } {
  const [instant, id] = decodeCursor(cursor, 2);
  const at = new Date(instant ?? '');
  if (Number.isNaN(at.getTime()) || !uuidSchema.safeParse(id).success) throw invalidInput('Invalid cursor.', 'after');
  return { at, id: id! };
}

/** The cursors of a list ordered by (an instant field, id): row to cursor, cursor to position. */
export interface InstantIdOrder<K extends string> {
  /** A row's cursor ({@link instantIdCursor} of its `K` and id). */
  cursorOf: (row: Readonly<Record<K, Date>> & { readonly id: string }) => string;
  /** The position a client's non-empty `after` names, as the repository reads it; BAD_USER_INPUT on `after` for a forged one. */
  positionFrom: (cursor: string) => Record<K, Date> & { id: string };
}

/**
 * The cursors of a list ordered by `field` then id (an invoice's createdAt, an admission's
 * admittedAt…), whose repository position names the same field.
 * @param field - the instant the rows and the position share
 */
export function instantIdOrder<K extends string>(field: K): InstantIdOrder<K> {
  return {
    cursorOf: (row) => instantIdCursor(row[field], row.id),
    positionFrom: (cursor) => {
      const { at, id } = decodeInstantIdCursor(cursor);
      // A computed key widens to an index signature; the object has exactly `field` and id.
      return { [field]: at, id } as Record<K, Date> & { id: string };
    },
  };
}
