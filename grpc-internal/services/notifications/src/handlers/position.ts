/** Cursors of the newest-first lists (inbox, delivery log): (created_at, id) of the last row, opaque to clients. */
import { instantIdOrder } from '@hospital/service-kit';

/** A row's cursor, and the (createdAt, id) position a client's cursor names (BAD_USER_INPUT when forged). */
export const { cursorOf, positionFrom } = instantIdOrder('createdAt');
