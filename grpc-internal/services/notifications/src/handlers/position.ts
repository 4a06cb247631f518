/** Cursors of the newest-first lists: (created_at, id) of the last row, opaque to clients. */
import { decodeInstantIdCursor, instantIdCursor } from '@hospital/service-kit';

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
  return instantIdCursor(row.createdAt, row.id);
}

/**
 * The position a cursor names; BAD_USER_INPUT when forged.
 * @param cursor - the client's non-empty `after`
 */
export function positionFrom(cursor: string): Position {
  const { at, id } = decodeInstantIdCursor(cursor);
  return { createdAt: at, id };
}
