/**
 * Reading PostgreSQL's verdict out of what a Prisma call threw. With the pg driver adapter, model
 * queries and raw SQL both carry the original SQLSTATE (and often the constraint) in
 * `meta.driverAdapterError.cause`; only this file knows that shape. Read structurally, so the kit
 * needs no Prisma import; each service turns the verdict into its own answer.
 */

/** SQLSTATEs the services act on. */
export const SQLSTATE = {
  numericOutOfRange: '22003',
  foreignKeyViolation: '23503',
  uniqueViolation: '23505',
  checkViolation: '23514',
  exclusionViolation: '23P01',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/** Prisma's codes: a unique violation reported without the adapter's detail, and "write conflict or deadlock". */
const PRISMA_UNIQUE_VIOLATION = 'P2002';
/** A SQLSTATE as pg reports it in `code` (Prisma's own codes, P1000–P6999, are not SQLSTATEs). */
const RAW_SQLSTATE = /^(?!P[1-9]\d{3}$)[0-9A-Z]{5}$/;
const PRISMA_WRITE_CONFLICT = 'P2034';

/** The database's side of a failed statement. */
export interface DatabaseError {
  /** SQLSTATE, e.g. 23505. */
  sqlState: string;
  /** The violated constraint or index, when the error names one. */
  constraint?: string;
  /** PostgreSQL's message, when the error carries one. */
  message?: string;
}

interface AdapterCause {
  originalCode?: unknown;
  code?: unknown;
  kind?: unknown;
  originalMessage?: unknown;
  message?: unknown;
  constraint?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function prismaCodeOf(error: unknown): string | undefined {
  return text((error as { code?: unknown } | null)?.code);
}

function causeOf(error: unknown): AdapterCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } } | null)?.meta;
  return meta?.driverAdapterError?.cause;
}

function constraintOf(cause: AdapterCause, message: string | undefined): string | undefined {
  const named = cause.constraint as { index?: unknown; name?: unknown; fields?: unknown } | undefined;
  const fields = Array.isArray(named?.fields) ? named.fields.filter((f) => typeof f === 'string').join(',') : '';
  // PostgreSQL names the constraint in its message: `violates unique constraint "x"`.
  return text(named?.index) ?? text(named?.name) ?? /constraint "([^"]+)"/.exec(message ?? '')?.[1] ?? (fields || undefined);
}

/**
 * The SQLSTATE, constraint and message behind a Prisma error raised by PostgreSQL; undefined for anything else.
 * @param error - what a Prisma call threw
 */
export function databaseErrorOf(error: unknown): DatabaseError | undefined {
  const cause = causeOf(error);
  const code = prismaCodeOf(error);
  // Through Prisma's pg adapter (`meta.driverAdapterError.cause`), Prisma's own unique violation, or pg itself (`code`).
  const sqlState =
    (cause && (text(cause.originalCode) ?? text(cause.code))) ?? (code === PRISMA_UNIQUE_VIOLATION ? SQLSTATE.uniqueViolation : code && RAW_SQLSTATE.test(code) ? code : undefined);
  if (!sqlState) return undefined;
  if (!cause) return { sqlState };
  const message = text(cause.originalMessage) ?? text(cause.message);
  const constraint = constraintOf(cause, message);
  return { sqlState, constraint: constraint || undefined, message: message || undefined };
}

/**
 * The SQLSTATE behind a Prisma error, if any.
 * @param error - what a query threw
 */
export function sqlStateOf(error: unknown): string | undefined {
  return databaseErrorOf(error)?.sqlState;
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
 * True when PostgreSQL aborted the transaction to break a deadlock or a serialization conflict
 * (or Prisma reports its write conflict): nothing was written, and the same transaction may be tried again.
 * @param error - what a Prisma call threw
 */
export function isTransientConflict(error: unknown): boolean {
  if (prismaCodeOf(error) === PRISMA_WRITE_CONFLICT || causeOf(error)?.kind === 'TransactionWriteConflict') return true;
  return isSqlState(error, SQLSTATE.serializationFailure, SQLSTATE.deadlockDetected);
}
