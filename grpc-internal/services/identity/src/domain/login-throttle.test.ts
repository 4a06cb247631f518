import { describe, expect, it } from 'vitest';
import { accountSlowdownMs, DEFAULT_LOGIN_THROTTLE, delayAfterFailures, pairDelayAfterFailure, throttleKeys, throttleWait, type ThrottleState } from './login-throttle.ts';

const policy = { ...DEFAULT_LOGIN_THROTTLE, freeFailures: 5, baseDelaySeconds: 1, maxDelaySeconds: 60, addressLimit: 10, accountLimit: 20, maxSlowdownSeconds: 3 };
const now = new Date('2026-12-06T12:00:00Z');
const later = (s: number) => new Date(now.getTime() + s * 1000);
const calm: ThrottleState = { pairBlockedUntil: null, pairKnown: false, address: { count: 1, windowEndsAt: later(900) }, account: { count: 0, windowEndsAt: later(900) } };

describe('login throttle', () => {
  it('lets the first failures through, then doubles the delay up to the cap', () => {
    expect([1, 4, 5, 6, 7, 8, 12, 1_000].map((n) => delayAfterFailures(n, policy))).toEqual([0, 0, 1, 2, 4, 8, 60, 60]);
  });

  it('waits for the pair delay or the address budget, whichever is longest', () => {
    expect(throttleWait(calm, policy, now)).toBe(0);
    expect(throttleWait({ ...calm, pairBlockedUntil: later(7.2) }, policy, now)).toBe(8);
    expect(throttleWait({ ...calm, pairBlockedUntil: later(-1) }, policy, now)).toBe(0);
    expect(throttleWait({ ...calm, address: { count: 11, windowEndsAt: later(30) } }, policy, now)).toBe(30);
  });

  it('never refuses an attempt for the account budget alone: it slows unknown addresses down, growing to a cap', () => {
    const over = (count: number): ThrottleState => ({ ...calm, account: { count, windowEndsAt: later(40) } });
    expect(throttleWait(over(20_000), policy, now)).toBe(0);
    expect([19, 20, 39, 40, 60, 10_000].map((n) => accountSlowdownMs(over(n), policy))).toEqual([0, 1000, 1000, 2000, 3000, 3000]);
    expect(accountSlowdownMs({ ...over(10_000), pairKnown: true }, policy)).toBe(0);
  });

  it('gives an unknown address no free failures once the account is past its budget', () => {
    expect([1, 2, 3].map((n) => pairDelayAfterFailure(n, true, policy))).toEqual([1, 2, 4]);
    expect(pairDelayAfterFailure(1, false, policy)).toBe(0);
  });

  it('does not hold an address that signed in to the account before by the account budget', () => {
    expect(throttleWait({ ...calm, pairKnown: true, account: { count: 500, windowEndsAt: later(40) } }, policy, now)).toBe(0);
  });

  it('keys by the email as typed, never by whether it exists', () => {
    expect(throttleKeys('a@x.org', '10.0.0.1')).toEqual({ pair: 'pair:a@x.org 10.0.0.1', address: 'address:10.0.0.1', account: 'account:a@x.org' });
    expect(throttleKeys('a@x.org', undefined).address).toBe('address:unknown');
  });

  it('counts an IPv6 client by its /64, so rotating addresses within it buys no fresh budget', () => {
    expect(throttleKeys('a@x.org', '2001:db8:1:2:aaaa::1')).toEqual(throttleKeys('a@x.org', '2001:db8:1:2:bbbb::9'));
    expect(throttleKeys('a@x.org', '2001:db8:1:2:aaaa::1').address).toBe('address:2001:db8:1:2::/64');
  });
});
