/** Guards for records the ward service must return (a bed's ward, an admission's bed). */

/**
 * The record, or an error when the service left it out. Wards and beds are never deleted, so a
 * missing one is a broken invariant: it fails the field (masked as INTERNAL_SERVER_ERROR).
 * @param record - what a loader returned
 * @param what - what was looked up, for the log
 */
export function required<T>(record: T | null | undefined, what: string): T {
  if (record === null || record === undefined) throw new Error(`ward service returned no ${what} for a stored reference`);
  return record;
}
