/**
 * When a failed delivery is tried again: exponential backoff (base, 2×base, 4×base, …) capped,
 * and a fixed number of attempts before giving up. Pure, so the schedule is unit-tested.
 */

/** Retry policy (NOTIFY_MAX_ATTEMPTS, NOTIFY_RETRY_BASE_MS, NOTIFY_RETRY_CAP_MS). */
export interface RetryPolicy {
  /** Attempts in all, the first included; the delivery fails after the last. */
  maxAttempts: number;
  /** Delay after the first failure, in ms. */
  baseMs: number;
  /** Longest delay between two attempts, in ms. */
  capMs: number;
}

/** Defaults: 5 attempts, 1 s doubling up to 5 minutes (1 s, 2 s, 4 s, 8 s, then give up). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseMs: 1_000, capMs: 5 * 60_000 };

/**
 * Delay before the next attempt after `attempt` failed.
 * @param attempt - the number of the attempt that just failed (1 for the first)
 * @param policy - base and cap
 */
export function retryDelayMs(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError('attempt counts from 1');
  // 2 ** 40 × base already exceeds any sane cap; stopping there avoids Infinity.
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt - 1, 40));
}

/** What to do after a failed attempt. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Retry later, or give up?
 * @param attempt - the number of the attempt that just failed
 * @param policy - the retry policy
 */
export function afterFailure(attempt: number, policy: RetryPolicy): RetryDecision {
  return attempt >= policy.maxAttempts ? { retry: false } : { retry: true, delayMs: retryDelayMs(attempt, policy) };
}
