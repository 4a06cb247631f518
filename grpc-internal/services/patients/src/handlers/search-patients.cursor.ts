/**
 * The search page cursor: the position of a page's last row (section, the two lower-cased names,
 * MRN, id), as opaque base64url JSON. A cursor comes back from the client, so it is input like any
 * other: a forged one is BAD_USER_INPUT on `after`, never a value PostgreSQL refuses (a NUL is
 * SQLSTATE 22021, which would surface as a masked INTERNAL).
 */
import { z } from 'zod';
import { decodeCursor, encodeCursor, invalidInput, NO_CONTROL_CHARACTERS, uuidSchema } from '@hospital/service-kit';
import type { PatientPosition } from '../repositories/patient-repository.ts';

/** Longest key a cursor may carry: names and MRNs are far shorter (names at most 100 characters). */
export const MAX_CURSOR_KEY_LENGTH = 256;

/** One name or MRN key: no control characters (NUL included) and no lone surrogates. */
const cursorKey = z
  .string()
  .max(MAX_CURSOR_KEY_LENGTH)
  .regex(NO_CONTROL_CHARACTERS)
  .regex(/^\P{Cs}*$/u);

/** Section, first and second name key, MRN, id: the shape {@link searchCursorOf} writes. */
const cursorSchema = z.tuple([z.enum(['0', '1']), cursorKey, cursorKey, cursorKey, uuidSchema]);

/**
 * The cursor after a search hit. Cursors name their section first; one of the former (family,
 * given, MRN, id) order has 4 values and is refused.
 * @param position - the hit's position in the search order
 */
export function searchCursorOf(position: PatientPosition): string {
  return encodeCursor([String(position.section), position.first, position.second, position.mrn, position.id]);
}

/**
 * The position a page starts after, or undefined for the first page.
 * @param cursor - the request's `after` (empty for the first page)
 * @throws BAD_USER_INPUT on `after` when the cursor is not one {@link searchCursorOf} could have written
 */
export function searchPositionFrom(cursor: string): PatientPosition | undefined {
  if (!cursor) return undefined;
  const parsed = cursorSchema.safeParse(decodeCursor(cursor, 5));
  if (!parsed.success) throw invalidInput('Invalid cursor.', 'after');
  const [section, first, second, mrn, id] = parsed.data;
  return { section: section === '1' ? 1 : 0, first, second, mrn, id };
}
