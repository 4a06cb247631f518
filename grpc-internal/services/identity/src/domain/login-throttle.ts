/**
 * Sign-in throttling rules. Instead of a lock anyone could trigger with five guesses, failures slow
 * down the (email, address) pair that made them, with delays that double up to a cap; an address
 * and an account each have an attempt budget per window on top. No key depends on whether the
 * email belongs to anyone, so a 429 says nothing about which accounts exist. The counters live in
 * PostgreSQL (see the repository); this module decides what they mean.
 */

/** The throttling policy. */
export interface LoginThrottlePolicy {
  /** Consecutive failures of one address on one email before delays start. */
  freeFailures: number;
  /** First delay, seconds; each further failure doubles it. */
  baseDelaySeconds: number;
  /** Longest delay, seconds. */
  maxDelaySeconds: number;
  /** Sign-in attempts per address per window (0: no limit). */
  addressLimit: number;
  /**
   * Failed sign-ins per account per window, from every address (0: no limit). Addresses that
   * signed in to the account before are not held by it, so an attacker spraying guesses from many
   * addresses cannot keep the owner out.
   */
  accountLimit: number;
  /** Window of the address and account budgets, seconds. */
  windowSeconds: number;
}

/** Defaults: a typo-prone person never waits; a guesser gets a handful of tries per quarter hour. */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  freeFailures: 5,
  baseDelaySeconds: 1,
  maxDelaySeconds: 900,
  addressLimit: 300,
  accountLimit: 50,
  windowSeconds: 900,
};

/** The one message for a wrong password, an unknown email and a deactivated account alike. */
export const INVALID_CREDENTIALS = 'Email or password is incorrect.';
/** The message of a throttled attempt; the same whether or not the email exists. */
export const TOO_MANY_ATTEMPTS = 'Too many sign-in attempts; retry later.';

/**
 * How long an (email, address) pair must wait after its n-th consecutive failure.
 * @param failures - consecutive failures including this one
 * @param policy - the policy
 * @returns seconds; 0 while failures are within the free allowance
 */
export function delayAfterFailures(failures: number, policy: LoginThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  // Capped exponent: 2 ** 1000 would be Infinity, and the cap is reached long before anyway.
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.baseDelaySeconds * 2 ** doublings, policy.maxDelaySeconds);
}

/** The counters a sign-in attempt is judged by. */
export interface ThrottleState {
  /** When the pair's delay ends, if it has one. */
  pairBlockedUntil: Date | null;
  /** Whether this address signed in to this email before (it is then not held by the account budget). */
  pairKnown: boolean;
  /** Attempts from the address in its window, this one included, and when the window ends. */
  address: { count: number; windowEndsAt: Date };
  /** Failures on the account in its window, and when the window ends. */
  account: { count: number; windowEndsAt: Date };
}

/**
 * Whether to refuse an attempt before any password is checked, and for how long.
 * @param state - the counters
 * @param policy - the policy
 * @param now - the clock
 * @returns seconds to wait, or 0 to go ahead
 */
export function throttleWait(state: ThrottleState, policy: LoginThrottlePolicy, now: Date): number {
  const until = (end: Date) => Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000));
  const waits: number[] = [];
  if (state.pairBlockedUntil && state.pairBlockedUntil > now) waits.push(until(state.pairBlockedUntil));
  if (policy.addressLimit > 0 && state.address.count > policy.addressLimit) waits.push(until(state.address.windowEndsAt));
  if (policy.accountLimit > 0 && !state.pairKnown && state.account.count >= policy.accountLimit) waits.push(until(state.account.windowEndsAt));
  return waits.length > 0 ? Math.max(...waits) : 0;
}

/**
 * The keys of one attempt's counters. Emails are already lower-cased; an attempt without a known
 * address (a service calling directly) shares one bucket.
 * @param email - as typed, normalised
 * @param address - the client address the router signed
 */
export function throttleKeys(email: string, address: string | undefined): { pair: string; address: string; account: string } {
  const from = address || 'unknown';
  return { pair: `pair:${email} ${from}`, address: `address:${from}`, account: `account:${email}` };
}
