/**
 * The bounds of a 64-bit signed integer: what a BIGINT column holds and proto int64 carries (as a
 * string, `--longs=String`). One place for them: money amounts are checked against these in the
 * services and at the GraphQL edge alike.
 */

/** Smallest value a BIGINT column (and proto int64) holds. */
export const INT64_MIN = -(2n ** 63n);
/** Largest value a BIGINT column (and proto int64) holds. */
export const INT64_MAX = 2n ** 63n - 1n;

/**
 * True when a value fits a BIGINT column and proto int64.
 * @param value - the integer
 */
export function fitsInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}
