/** Cursors of the newest-first lists: (created_at, id) of the last row, opaque to clients. */
import { decodeCursor, encodeCursor, invalidInput, uuidSchema } from '@hospital/service-kit';

/** A (createdAt, id) position. */
export interface Position {
  createdAt: Date;
  id: string;
}

/**
 * The cursor of a row.
 * @param row - its creation time and id
 */
export function cursorOf(row: Position): string {
  return encodeCursor([row.createdAt.toISOString(), row.id]);
}

/**
 * The position a cursor names; undefined for the first page; BAD_USER_INPUT when forged.
 * @param cursor - the client's `after`
 */
export function positionFrom(cursor: string): Position | undefined {
  if (!cursor) return undefined;
  const [createdAt, id] = decodeCursor(cursor, 2);
  const time = new Date(createdAt!);
  if (Number.isNaN(time.getTime()) || !uuidSchema.safeParse(id).success) throw invalidInput('Invalid cursor.', 'after');
  return { createdAt: time, id: id! };
}
