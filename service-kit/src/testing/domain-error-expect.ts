/** Assertions on the kit's DomainError for every service's unit tests (`@hospital/service-kit/testing`). */
import { expect } from 'vitest';
import { DomainError, type ErrorCode } from '../errors.ts';

/**
 * Runs code that must throw a DomainError, and checks its code (and field when given).
 * @param run - the code, run synchronously
 * @param code - expected code
 * @param expected - optional field at fault
 */
export function expectDomainError(run: () => unknown, code: ErrorCode, expected: { field?: string } = {}): DomainError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  expect((caught as DomainError).code).toBe(code);
  if (expected.field !== undefined) expect((caught as DomainError).field).toBe(expected.field);
  return caught as DomainError;
}

/**
 * The field a BAD_USER_INPUT thrown by `run` blames, or `'none'` when it throws nothing (any
 * other error is thrown on), for tables of inputs and the field each one should be refused on.
 * @param run - the code, run synchronously
 */
export function badInputField(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') return error.field;
    throw error;
  }
  return 'none';
}
