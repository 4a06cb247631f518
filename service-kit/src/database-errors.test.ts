import { describe, expect, it } from 'vitest';
import { databaseErrorOf, isSqlState, isTransientConflict, SQLSTATE, sqlStateOf } from './database-errors.ts';

/** The shape Prisma's driver adapter gives a PostgreSQL failure. */
const pgError = (cause: Record<string, unknown>, code = 'P2010') =>
  Object.assign(new Error('Query failed.'), { code, meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } });

describe('databaseErrorOf', () => {
  it('reads the SQLSTATE from originalCode or code, and the constraint from the object, the message or the fields', () => {
    expect(databaseErrorOf(pgError({ kind: 'UniqueConstraintViolation', originalCode: '23505', constraint: { index: 'beds_ward_label_key' } }, 'P2002'))).toEqual({
      sqlState: '23505',
      constraint: 'beds_ward_label_key',
    });
    expect(databaseErrorOf(pgError({ kind: 'postgres', code: '23P01', message: 'conflicting key value violates exclusion constraint "x_no_overlap"' }))).toEqual({
      sqlState: '23P01',
      constraint: 'x_no_overlap',
      message: 'conflicting key value violates exclusion constraint "x_no_overlap"',
    });
    expect(databaseErrorOf(pgError({ originalCode: '23505', constraint: { fields: ['invoice_id', 'line_no'] } }, 'P2002'))?.constraint).toBe('invoice_id,line_no');
  });

  it('takes a bare P2002 as a unique violation and ignores everything else', () => {
    expect(sqlStateOf(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe(SQLSTATE.uniqueViolation);
    expect(databaseErrorOf(new Error('boom'))).toBeUndefined();
    expect(databaseErrorOf(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(databaseErrorOf(null)).toBeUndefined();
  });

  it('answers "one of these states" and "try the transaction again"', () => {
    expect(isSqlState(pgError({ originalCode: '23514' }), SQLSTATE.checkViolation, SQLSTATE.uniqueViolation)).toBe(true);
    expect(isSqlState(pgError({ originalCode: '23503' }), SQLSTATE.checkViolation)).toBe(false);
    expect(isTransientConflict(pgError({ code: '40P01' }))).toBe(true);
    expect(isTransientConflict(pgError({ originalCode: '40001' }))).toBe(true);
    expect(isTransientConflict(pgError({ kind: 'TransactionWriteConflict' }, 'P2034'))).toBe(true);
    expect(isTransientConflict(pgError({ code: '23P01' }))).toBe(false);
  });
});

describe('sqlStateOf', () => {
  it('reads a raw pg error (no Prisma in between), and never takes a Prisma code for a SQLSTATE', () => {
    expect(sqlStateOf(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe('40P01');
    expect(sqlStateOf(Object.assign(new Error('raise'), { code: 'P0001' }))).toBe('P0001');
    expect(sqlStateOf(Object.assign(new Error('Transaction API error'), { code: 'P2028' }))).toBeUndefined();
    expect(sqlStateOf(Object.assign(new Error('a raw pg error'), { code: 'ECONNREFUSED' }))).toBeUndefined();
  });
});
