import { describe, expect, it } from 'vitest';
import { createAnonymousRefusalCap } from './anonymous-refusal-cap.ts';

describe('the cap on anonymous refusal rows', () => {
  it('admits a few per address and a bounded number in all per minute, then starts afresh', () => {
    let now = 0;
    const dropped: number[] = [];
    const cap = createAnonymousRefusalCap({ perAddress: 3, total: 5 }, (count) => dropped.push(count), () => now);
    expect(Array.from({ length: 5 }, () => cap.admit('203.0.113.1'))).toEqual([true, true, true, false, false]);
    // Other addresses share what is left of the total.
    expect([cap.admit('203.0.113.2'), cap.admit('203.0.113.3'), cap.admit('203.0.113.4')]).toEqual([true, true, false]);
    now = 60_000;
    expect(cap.admit('203.0.113.1')).toBe(true);
    expect(dropped).toEqual([3]);
  });
});
