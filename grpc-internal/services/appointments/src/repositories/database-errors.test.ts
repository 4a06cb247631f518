import { describe, expect, it } from 'vitest';
import { DomainError } from '@hospital/service-kit';
import { clashSideOf, isRetryable, withDeadlockRetry } from './database-errors.ts';

/** The shape Prisma's driver adapter gives a PostgreSQL failure. */
const pgError = (cause: Record<string, unknown>, code = 'P2010') =>
  Object.assign(new Error('Raw query failed.'), { code, meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } });

describe('clashSideOf', () => {
  it('reads the side from the exclusion constraint named in a 23P01', () => {
    const message = (name: string) => `conflicting key value violates exclusion constraint "${name}"`;
    expect(clashSideOf(pgError({ code: '23P01', message: message('appointments_doctor_no_overlap') }))).toBe('doctor');
    expect(clashSideOf(pgError({ code: '23P01', message: message('appointments_patient_no_overlap') }, 'P2039'))).toBe('patient');
  });

  it('ignores other errors and other constraints', () => {
    expect(clashSideOf(pgError({ code: '23505', message: 'duplicate key' }))).toBeUndefined();
    expect(clashSideOf(pgError({ code: '23P01', message: 'violates exclusion constraint "beds_no_overlap"' }))).toBeUndefined();
    expect(clashSideOf(new Error('boom'))).toBeUndefined();
    expect(clashSideOf(null)).toBeUndefined();
  });
});

describe('withDeadlockRetry', () => {
  const deadlock = () => pgError({ kind: 'TransactionWriteConflict' }, 'P2034');

  it('recognises deadlocks and serialization failures', () => {
    expect(isRetryable(deadlock())).toBe(true);
    expect(isRetryable(pgError({ code: '40P01' }))).toBe(true);
    expect(isRetryable(pgError({ code: '23P01' }))).toBe(false);
  });

  it('retries a deadlock victim and returns the later success', async () => {
    let calls = 0;
    const result = await withDeadlockRetry(async () => {
      calls++;
      if (calls < 3) throw deadlock();
      return 'booked';
    });
    expect([result, calls]).toEqual(['booked', 3]);
  });

  it('reports a transaction that keeps losing as CONFLICT, and passes other errors through at once', async () => {
    await expect(withDeadlockRetry(() => Promise.reject(deadlock()))).rejects.toMatchObject({ code: 'CONFLICT' });
    let calls = 0;
    const other = new DomainError('BAD_USER_INPUT', 'no');
    await expect(
      withDeadlockRetry(() => {
        calls++;
        return Promise.reject(other);
      }),
    ).rejects.toBe(other);
    expect(calls).toBe(1);
  });
});
