/**
 * Reading PostgreSQL failures through Prisma's driver adapter. A clash with an exclusion
 * constraint arrives as SQLSTATE 23P01 with the constraint's name in the message; a deadlock or
 * serialization failure (40P01 / 40001) as Prisma's write-conflict error. Only this file knows
 * those shapes.
 */
import { conflict, databaseErrorOf, isTransientConflict, SQLSTATE } from '@hospital/service-kit';
import type { ClashSide } from './appointment-repository.ts';

/** Exclusion constraints of the migration, by the side they protect. */
const CONSTRAINTS: Record<string, ClashSide> = {
  appointments_doctor_no_overlap: 'doctor',
  appointments_patient_no_overlap: 'patient',
};

/**
 * The side of an exclusion-constraint clash, or undefined when the error is something else.
 * @param error - what a Prisma call threw
 */
export function clashSideOf(error: unknown): ClashSide | undefined {
  const found = databaseErrorOf(error);
  if (found?.sqlState !== SQLSTATE.exclusionViolation) return undefined;
  const text = `${found.message ?? ''} ${error instanceof Error ? error.message : ''}`;
  const name = Object.keys(CONSTRAINTS).find((constraint) => text.includes(constraint));
  return name ? CONSTRAINTS[name] : undefined;
}

/**
 * True for failures that a fresh attempt of the same transaction may not meet: deadlocks, which
 * concurrent inserts into the same exclusion constraint can cause, and serialization failures.
 * @param error - what a Prisma call threw
 */
export function isRetryable(error: unknown): boolean {
  return isTransientConflict(error);
}

/** Attempts of one transaction before a deadlock is reported. */
const ATTEMPTS = 4;

/**
 * Runs a transaction, retrying it when PostgreSQL aborted it as a deadlock victim: the retry
 * then sees the winner's committed row and fails properly (a clash), or succeeds. Still losing
 * after several attempts is reported as CONFLICT.
 * @param run - the transaction
 */
export async function withDeadlockRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= ATTEMPTS) throw conflict('The schedule changed at the same moment; please try again.');
      // A short random pause keeps the retries of two victims from colliding again.
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
