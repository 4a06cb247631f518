import { describe, expect, it } from 'vitest';
import { afterFailure, DEFAULT_RETRY_POLICY, retryDelayMs } from './backoff.ts';

describe('retry schedule', () => {
  it('doubles from the base and stops at the cap', () => {
    const policy = { baseMs: 1_000, capMs: 5 * 60_000 };
    expect([1, 2, 3, 4, 5, 6, 8, 9, 10].map((attempt) => retryDelayMs(attempt, policy))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 128_000, 256_000, 300_000]);
    expect(retryDelayMs(10_000, policy)).toBe(300_000);
  });

  it('gives up after the last attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => afterFailure(attempt, DEFAULT_RETRY_POLICY))).toEqual([
      { retry: true, delayMs: 1_000 },
      { retry: true, delayMs: 2_000 },
      { retry: true, delayMs: 4_000 },
      { retry: true, delayMs: 8_000 },
    ]);
    expect(afterFailure(5, DEFAULT_RETRY_POLICY)).toEqual({ retry: false });
    expect(afterFailure(1, { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 })).toEqual({ retry: false });
  });

  it('refuses attempt numbers below one', () => {
    expect(() => retryDelayMs(0, DEFAULT_RETRY_POLICY)).toThrow(RangeError);
  });
});
