import { describe, expect, it } from 'vitest';
import { isLocked, locksAccount } from './lockout.ts';

describe('lockout', () => {
  const now = new Date('2026-01-01T12:00:00Z');

  it('is locked only while lockedUntil lies ahead', () => {
    expect(isLocked(null, now)).toBe(false);
    expect(isLocked(new Date('2026-01-01T12:00:01Z'), now)).toBe(true);
    expect(isLocked(new Date('2026-01-01T12:00:00Z'), now)).toBe(false);
    expect(isLocked(new Date('2026-01-01T11:59:59Z'), now)).toBe(false);
  });

  it('locks from the threshold on', () => {
    const policy = { maxFailedAttempts: 5, lockSeconds: 900 };
    expect(locksAccount(4, policy)).toBe(false);
    expect(locksAccount(5, policy)).toBe(true);
    expect(locksAccount(6, policy)).toBe(true);
  });
});
