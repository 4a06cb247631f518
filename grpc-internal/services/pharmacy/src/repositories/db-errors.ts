/**
 * Reading PostgreSQL's verdict out of Prisma errors. With the pg driver adapter, both model
 * queries and raw SQL carry the original SQLSTATE in `meta.driverAdapterError.cause`.
 */
import { Prisma } from '@hospital/db';

/** SQLSTATEs the pharmacy turns into answers instead of failures. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  numericOutOfRange: '22003',
} as const;

/**
 * The SQLSTATE behind a Prisma error, if any.
 * @param error - what a query threw
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  if (typeof code === 'string') return code;
  // Model queries report a unique violation as P2002 even without the adapter's detail.
  return error.code === 'P2002' ? SQLSTATE.uniqueViolation : undefined;
}

/**
 * True when the database refused the statement for one of these reasons.
 * @param error - what a query threw
 * @param states - SQLSTATEs to look for
 */
export function isSqlState(error: unknown, ...states: string[]): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && states.includes(state);
}

/**
 * A calendar day as a DATE column expects it from Prisma (UTC midnight).
 * @param day - YYYY-MM-DD
 */
export function dateColumn(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * A DATE column as a calendar day.
 * @param value - what Prisma returned (UTC midnight)
 */
export function dayOf(value: Date): string {
  return value.toISOString().slice(0, 10);
}
