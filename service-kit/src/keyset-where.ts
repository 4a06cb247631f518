/**
 * The keyset condition of a cursor-paged list, written once: rows strictly beyond the previous
 * page's last row in (key, id) order, both columns in one direction. The result is a plain object
 * in the shape ORM where-inputs take (Prisma's among them), so the kit imports no ORM type and
 * the repositories keep their own.
 */

/** Strictly beyond a position: the key beyond it, or the same key and the id beyond it. */
export type KeysetWhere<K extends string, V> = {
  OR: [Record<K, { lt?: V; gt?: V }>, Record<K, V> & { id: { lt?: string; gt?: string } }];
};

/**
 * The condition for the rows after `after` (nothing to add on the first page).
 * @param key - the ordering column before the id (`createdAt`, `email`…)
 * @param after - the previous page's last row's key and id, if any
 * @param order - the list's direction: 'desc' reads below the position, 'asc' above it
 */
export function keysetWhere<K extends string, V>(key: K, after: (Record<K, V> & { id: string }) | undefined, order: 'asc' | 'desc'): KeysetWhere<K, V> | Record<string, never> {
  if (!after) return {};
  const beyond = order === 'desc' ? 'lt' : 'gt';
  return {
    OR: [
      { [key]: { [beyond]: after[key] } } as Record<K, { lt?: V; gt?: V }>,
      { [key]: after[key], id: { [beyond]: after.id } } as Record<K, V> & { id: { lt?: string; gt?: string } },
    ],
  };
}
