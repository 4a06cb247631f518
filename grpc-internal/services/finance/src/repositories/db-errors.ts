/**
 * PostgreSQL errors as they reach us through Prisma's pg driver adapter, turned into what the
 * handlers understand: a unique violation they can react to, or a CONFLICT for clashes the
 * caller can only retry.
 */
import { conflict, databaseErrorOf, isTransientConflict, SQLSTATE } from '@hospital/service-kit';
import { UniqueViolation } from './invoice-repository.ts';

/**
 * Rethrows a database error in the vocabulary of the handlers: unique violations as
 * {@link UniqueViolation}; check violations, serialization failures and deadlocks as CONFLICT;
 * anything else unchanged (to be masked as internal).
 * @param error - what a query or transaction threw
 */
export function translateDbError(error: unknown): never {
  const found = databaseErrorOf(error);
  if (found?.sqlState === SQLSTATE.uniqueViolation) throw new UniqueViolation(found.constraint ?? 'unknown');
  if (found?.sqlState === SQLSTATE.checkViolation) {
    // The CHECK constraints are the final guard of the money rules; reaching one means a
    // concurrent change won the race the row lock should have prevented.
    throw conflict('The invoice changed while this request was applied; nothing was changed. Try again.');
  }
  if (isTransientConflict(error)) {
    throw conflict('The invoice is being changed by another request; nothing was changed. Try again.');
  }
  throw error;
}
