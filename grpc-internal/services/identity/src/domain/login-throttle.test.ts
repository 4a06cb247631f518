import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_THROTTLE, delayAfterFailures, throttleKeys, throttleWait, type ThrottleState } from './login-throttle.ts';

const policy = { ...DEFAULT_LOGIN_THROTTLE, freeFailures: 5, baseDelaySeconds: 1, maxDelaySeconds: 60, addressLimit: 10, accountLimit: 20 };
const now = new Date('2026-12-06T12:00:00Z');
const later = (s: number) => new Date(now.getTime() + s * 1000);
const calm: ThrottleState = { pairBlockedUntil: null, pairKnown: false, address: { count: 1, windowEndsAt: later(900) }, account: { count: 0, windowEndsAt: later(900) } };

describe('login throttle', () => {
  it('lets the first failures through, then doubles the delay up to the cap', () => {
    expect([1, 4, 5, 6, 7, 8, 12, 1_000].map((n) => delayAfterFailures(n, policy))).toEqual([0, 0, 1, 2, 4, 8, 60, 60]);
  });

  it('waits for the pair delay, the address budget and the account budget, whichever is longest', () => {
    expect(throttleWait(calm, policy, now)).toBe(0);
    expect(throttleWait({ ...calm, pairBlockedUntil: later(7.2) }, policy, now)).toBe(8);
    expect(throttleWait({ ...calm, pairBlockedUntil: later(-1) }, policy, now)).toBe(0);
    expect(throttleWait({ ...calm, address: { count: 11, windowEndsAt: later(30) } }, policy, now)).toBe(30);
    expect(throttleWait({ ...calm, account: { count: 20, windowEndsAt: later(40) } }, policy, now)).toBe(40);
  });

  it('does not hold an address that signed in to the account before by the account budget', () => {
    expect(throttleWait({ ...calm, pairKnown: true, account: { count: 500, windowEndsAt: later(40) } }, policy, now)).toBe(0);
  });

  it('keys by the email as typed, never by whether it exists', () => {
    expect(throttleKeys('a@x.org', '10.0.0.1')).toEqual({ pair: 'pair:a@x.org 10.0.0.1', address: 'address:10.0.0.1', account: 'account:a@x.org' });
    expect(throttleKeys('a@x.org', undefined).address).toBe('address:unknown');
  });
});
