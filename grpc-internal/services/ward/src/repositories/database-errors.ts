/**
 * Which constraint a failed ward statement violated (the service kit reads the SQLSTATE and constraint).
 * The constraint name is what tells "bed occupied" from "patient already admitted", so the
 * service can say exactly what clashed.
 */
import { databaseErrorOf, SQLSTATE } from '@hospital/service-kit';

export { isTransientConflict } from '@hospital/service-kit';

/**
 * True when the error is a unique violation of the named index.
 * @param error - what a Prisma call threw
 * @param index - the unique index or constraint name
 */
export function violates(error: unknown, index: string): boolean {
  const found = databaseErrorOf(error);
  return found?.sqlState === SQLSTATE.uniqueViolation && found.constraint === index;
}
