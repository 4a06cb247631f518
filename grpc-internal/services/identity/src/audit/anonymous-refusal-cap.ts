/**
 * How many refusals of anonymous callers reach the audit trail. Anyone on the network can send
 * requests without a token, so each would otherwise buy a permanent row: per client address at most
 * `perAddress` rows a minute, and at most `total` a minute from all anonymous callers together (an
 * attacker with many addresses cannot fill the table either). What is over the cap is counted and
 * logged once a minute, not stored. Signed-in users' refusals are never capped: they are
 * accountable, and rate-limited at the router.
 */

/** Limits of {@link createAnonymousRefusalCap}. */
export interface AnonymousRefusalLimits {
  /** Rows per client address per minute (default 20). */
  perAddress: number;
  /** Rows per minute from all anonymous callers (default 600). */
  total: number;
}

/** The cap's verdicts, and what it dropped in the window that just ended. */
export interface AnonymousRefusalCap {
  /** True when a row for this address may be written now (and counts it). */
  admit(ip: string): boolean;
}

/** Defaults: a misbehaving client still leaves a clear trace; a flood leaves ~0.9 M rows a day at most. */
export const DEFAULT_ANONYMOUS_REFUSAL_LIMITS: AnonymousRefusalLimits = { perAddress: 20, total: 600 };

const WINDOW_MS = 60_000;

/**
 * A fixed one-minute window counter per address and in total (one identity process; with several,
 * each has its own budget).
 * @param limits - per address and total per minute
 * @param onDropped - told, at the start of a new window, how many rows the last one dropped
 * @param now - the clock (tests pass their own)
 */
export function createAnonymousRefusalCap(
  limits: AnonymousRefusalLimits = DEFAULT_ANONYMOUS_REFUSAL_LIMITS,
  onDropped: (dropped: number) => void = () => undefined,
  now: () => number = Date.now,
): AnonymousRefusalCap {
  let windowStart = now();
  let total = 0;
  let dropped = 0;
  const perAddress = new Map<string, number>();
  return {
    admit(ip) {
      if (now() - windowStart >= WINDOW_MS) {
        if (dropped > 0) onDropped(dropped);
        windowStart = now();
        total = 0;
        dropped = 0;
        perAddress.clear();
      }
      const used = perAddress.get(ip) ?? 0;
      if (used >= limits.perAddress || total >= limits.total) {
        dropped += 1;
        return false;
      }
      perAddress.set(ip, used + 1);
      total += 1;
      return true;
    },
  };
}
