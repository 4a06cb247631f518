/**
 * How many refusals of anonymous callers reach the audit trail. Anyone on the network can send
 * requests without a token, so each would otherwise buy a permanent row: per client address at most
 * `perAddress` rows a minute, and at most `total` a minute from all anonymous callers together (an
 * attacker with many addresses cannot fill the table either). An address over the cap still leaves
 * ONE overflow row a minute (reason {@link REFUSALS_OVER_CAP}), so a flood from many addresses
 * cannot hide behind the total; those rows have their own, much higher ceiling (`overflowTotal`).
 * What is over every cap is counted and logged once a minute, not stored. Signed-in users'
 * refusals are never capped: they are accountable, and rate-limited at the router.
 */
import { ANONYMOUS_REFUSALS_PER_ADDRESS_PER_MINUTE } from '@hospital/service-kit';

/** Limits of {@link createAnonymousRefusalCap}. */
export interface AnonymousRefusalLimits {
  /** Rows per client address per minute (default: the kit's ANONYMOUS_REFUSALS_PER_ADDRESS_PER_MINUTE). */
  perAddress: number;
  /** Rows per minute from all anonymous callers (default 600). */
  total: number;
  /** Overflow rows per minute, one per address over the cap (default 6,000). */
  overflowTotal: number;
}

/** The reason stored on the one row an address over the cap leaves per minute. */
export const REFUSALS_OVER_CAP = 'REFUSALS_OVER_CAP';

/** What to store for one anonymous refusal: its own row, the address's overflow row, or nothing. */
export type AnonymousRefusalVerdict = 'row' | 'overflow' | 'none';

/** The cap's verdicts. */
export interface AnonymousRefusalCap {
  /** What may be written now for a refusal from this address key (and counts it). */
  admit(addressKey: string): AnonymousRefusalVerdict;
}

/** Defaults: a misbehaving client still leaves a clear trace; a flood leaves ~9.5 M rows a day at most. */
export const DEFAULT_ANONYMOUS_REFUSAL_LIMITS: AnonymousRefusalLimits = { perAddress: ANONYMOUS_REFUSALS_PER_ADDRESS_PER_MINUTE, total: 600, overflowTotal: 6_000 };

const WINDOW_MS = 60_000;

/**
 * A fixed one-minute window counter per address and in total (one identity process; with several,
 * each has its own budget). Memory is bounded by the window's rows and overflow rows.
 * @param limits - per address, total and overflow rows per minute
 * @param onDropped - told, at the start of a new window, how many refusals the last one had over the cap
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
  const overflowed = new Set<string>();
  return {
    admit(addressKey) {
      if (now() - windowStart >= WINDOW_MS) {
        if (dropped > 0) onDropped(dropped);
        windowStart = now();
        total = 0;
        dropped = 0;
        perAddress.clear();
        overflowed.clear();
      }
      const used = perAddress.get(addressKey) ?? 0;
      if (used < limits.perAddress && total < limits.total) {
        perAddress.set(addressKey, used + 1);
        total += 1;
        return 'row';
      }
      dropped += 1;
      if (overflowed.has(addressKey) || overflowed.size >= limits.overflowTotal) return 'none';
      overflowed.add(addressKey);
      return 'overflow';
    },
  };
}
