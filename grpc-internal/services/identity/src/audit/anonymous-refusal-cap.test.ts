import { describe, expect, it } from 'vitest';
import { ANONYMOUS_REFUSALS_PER_ADDRESS_PER_MINUTE } from '@hospital/service-kit';
import { createAnonymousRefusalCap, DEFAULT_ANONYMOUS_REFUSAL_LIMITS } from './anonymous-refusal-cap.ts';

describe('the cap on anonymous refusal rows', () => {
  it('stores per address exactly what the router reports (one number, in the service kit)', () => {
    expect(DEFAULT_ANONYMOUS_REFUSAL_LIMITS.perAddress).toBe(ANONYMOUS_REFUSALS_PER_ADDRESS_PER_MINUTE);
    expect(ANONYMOUS_REFUSALS_PER_ADDRESS_PER_MINUTE).toBe(20);
  });

  it('admits a few per address and a bounded number in all per minute, then starts afresh', () => {
    let now = 0;
    const dropped: number[] = [];
    const cap = createAnonymousRefusalCap(
      { perAddress: 3, total: 5, overflowTotal: 100 },
      (count) => dropped.push(count),
      () => now,
    );
    expect(Array.from({ length: 5 }, () => cap.admit('203.0.113.1'))).toEqual(['row', 'row', 'row', 'overflow', 'none']);
    // Other addresses share what is left of the total.
    expect([cap.admit('203.0.113.2'), cap.admit('203.0.113.3'), cap.admit('203.0.113.4')]).toEqual(['row', 'row', 'overflow']);
    now = 60_000;
    expect(cap.admit('203.0.113.1')).toBe('row');
    // The overflow rows count among what was not stored as a row of its own, with the one dropped.
    expect(dropped).toEqual([3]);
  });

  it('leaves one overflow row per address a minute once the total is spent, so many addresses stay visible', () => {
    const cap = createAnonymousRefusalCap({ perAddress: 20, total: 600, overflowTotal: 6000 }, undefined, () => 0);
    const addresses = Array.from({ length: 100 }, (_, i) => `198.51.100.${i}`);
    // 30 addresses spend the total of 600 rows…
    for (const address of addresses.slice(0, 30)) for (let i = 0; i < 20; i += 1) expect(cap.admit(address)).toBe('row');
    // …yet every further address, and each of those 30 flooding on, still leaves one overflow row.
    for (const address of addresses) {
      expect(cap.admit(address)).toBe('overflow');
      expect(cap.admit(address)).toBe('none');
    }
  });

  it('bounds the overflow rows too, by a much higher ceiling', () => {
    const cap = createAnonymousRefusalCap({ perAddress: 1, total: 1, overflowTotal: 3 }, undefined, () => 0);
    const verdicts = Array.from({ length: 6 }, (_, i) => cap.admit(`2001:db8:${i}::`));
    expect(verdicts).toEqual(['row', 'overflow', 'overflow', 'overflow', 'none', 'none']);
  });
});
