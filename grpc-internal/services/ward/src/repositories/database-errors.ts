/**
 * Reading PostgreSQL errors through Prisma's driver adapter: which SQLSTATE, which constraint.
 * The constraint name is what tells "bed occupied" from "patient already admitted", so the
 * service can say exactly what clashed.
 */
import { Prisma } from '@hospital/db';

/** SQLSTATEs the ward service acts on. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/** The database's side of a failed statement. */
export interface DatabaseError {
  /** SQLSTATE, e.g. 23505. */
  sqlState: string;
  /** The violated constraint or index, when the error names one. */
  constraint?: string;
}

interface AdapterCause {
  originalCode?: unknown;
  code?: unknown;
  originalMessage?: unknown;
  message?: unknown;
  constraint?: { index?: unknown; name?: unknown } | unknown;
}

function causeOf(error: unknown): AdapterCause | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const adapterError = (error.meta as { driverAdapterError?: { cause?: AdapterCause } } | undefined)?.driverAdapterError;
  return adapterError?.cause;
}

/**
 * The SQLSTATE and constraint of a Prisma error raised by PostgreSQL; undefined for anything else.
 * @param error - what a Prisma call threw
 */
export function databaseErrorOf(error: unknown): DatabaseError | undefined {
  const cause = causeOf(error);
  if (!cause) return undefined;
  const sqlState = typeof cause.originalCode === 'string' ? cause.originalCode : typeof cause.code === 'string' ? cause.code : undefined;
  if (!sqlState) return undefined;
  const named = cause.constraint as { index?: unknown; name?: unknown } | undefined;
  const fromObject = typeof named?.index === 'string' ? named.index : typeof named?.name === 'string' ? named.name : undefined;
  // PostgreSQL names the constraint in its message: `violates unique constraint "x"`.
  const message = typeof cause.originalMessage === 'string' ? cause.originalMessage : typeof cause.message === 'string' ? cause.message : '';
  const fromMessage = /constraint "([^"]+)"/.exec(message)?.[1];
  const constraint = fromObject ?? fromMessage;
  return constraint ? { sqlState, constraint } : { sqlState };
}

/**
 * True when the error is a unique violation of the named index.
 * @param error - what a Prisma call threw
 * @param index - the unique index or constraint name
 */
export function violates(error: unknown, index: string): boolean {
  const found = databaseErrorOf(error);
  return found?.sqlState === SQLSTATE.uniqueViolation && found.constraint === index;
}

/**
 * True when PostgreSQL aborted the transaction to break a deadlock or a serialization conflict:
 * nothing was written, and the caller may simply try again.
 * @param error - what a Prisma call threw
 */
export function isTransientConflict(error: unknown): boolean {
  const sqlState = databaseErrorOf(error)?.sqlState;
  return sqlState === SQLSTATE.serializationFailure || sqlState === SQLSTATE.deadlockDetected;
}
