/**
 * PostgreSQL errors as they reach us through Prisma's pg driver adapter, turned into what the
 * handlers understand: a unique violation they can react to, or a CONFLICT for clashes the
 * caller can only retry.
 */
import { Prisma } from '@hospital/db';
import { conflict } from '@hospital/service-kit';
import { UniqueViolation } from './invoice-repository.ts';

/** SQLSTATEs we tell apart. */
const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';
/** Prisma's own code for "transaction failed due to a write conflict or a deadlock". */
const PRISMA_WRITE_CONFLICT = 'P2034';

interface AdapterCause {
  originalCode?: string;
  constraint?: { index?: string; fields?: string[] };
  originalMessage?: string;
}

function causeOf(error: Prisma.PrismaClientKnownRequestError): AdapterCause | undefined {
  const adapterError = (error.meta as { driverAdapterError?: { cause?: AdapterCause } } | undefined)?.driverAdapterError;
  return adapterError?.cause;
}

/**
 * The SQLSTATE behind a Prisma error, when there is one.
 * @param error - anything a query threw
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  if (error.code === 'P2002') return UNIQUE_VIOLATION;
  return causeOf(error)?.originalCode;
}

/**
 * Rethrows a database error in the vocabulary of the handlers: unique violations as
 * {@link UniqueViolation}; check violations, serialization failures and deadlocks as CONFLICT;
 * anything else unchanged (to be masked as internal).
 * @param error - what a query or transaction threw
 */
export function translateDbError(error: unknown): never {
  const state = sqlStateOf(error);
  if (state === UNIQUE_VIOLATION && error instanceof Prisma.PrismaClientKnownRequestError) {
    const constraint = causeOf(error)?.constraint;
    throw new UniqueViolation(constraint?.index ?? constraint?.fields?.join(',') ?? 'unknown');
  }
  if (state === CHECK_VIOLATION) {
    // The CHECK constraints are the final guard of the money rules; reaching one means a
    // concurrent change won the race the row lock should have prevented.
    throw conflict('The invoice changed while this request was applied; nothing was changed. Try again.');
  }
  const prismaCode = error instanceof Prisma.PrismaClientKnownRequestError ? error.code : undefined;
  if (state === SERIALIZATION_FAILURE || state === DEADLOCK_DETECTED || prismaCode === PRISMA_WRITE_CONFLICT) {
    throw conflict('The invoice is being changed by another request; nothing was changed. Try again.');
  }
  throw error;
}
