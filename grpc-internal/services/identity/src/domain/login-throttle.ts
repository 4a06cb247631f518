/**
 * Sign-in throttling rules. Instead of a lock anyone could trigger with five guesses, failures slow
 * down the (email, address) pair that made them, with delays that double up to a cap; an address
 * has an attempt budget per window on top. An account past its failure budget is never refused
 * outright (others could then keep its owner out): addresses it was not signed in from get a
 * growing slowdown of each answer and a pair delay from their first failure. No key depends on
 * whether the email belongs to anyone, so a 429 says nothing about which accounts exist. The
 * counters live in PostgreSQL (see the repository); this module decides what they mean.
 */
import { clientAddressKey } from '@hospital/service-kit';

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
   * Failed sign-ins per account per window, from every address (0: no limit). Past it, addresses
   * that never signed in to the account are slowed down, never refused; addresses that did are
   * not affected, so an attacker spraying guesses from many addresses cannot keep the owner out.
   */
  accountLimit: number;
  /** Longest slowdown of one answer once the account is past its budget, seconds (stays under callers' deadlines). */
  maxSlowdownSeconds: number;
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
  maxSlowdownSeconds: 3,
  windowSeconds: 900,
};

/** How long an address that signed in to an account stays known to it (and exempt from its budget), days. */
export const KNOWN_ADDRESS_DAYS = 90;

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
  return waits.length > 0 ? Math.max(...waits) : 0;
}

/**
 * Whether the account is past its failure budget for this attempt's address (an address that
 * signed in to it before never is).
 * @param state - the counters
 * @param policy - the policy
 */
export function overAccountBudget(state: ThrottleState, policy: LoginThrottlePolicy): boolean {
  return policy.accountLimit > 0 && !state.pairKnown && state.account.count >= policy.accountLimit;
}

/**
 * How long to hold an attempt's answer: 0 within the account budget, then base delay doubling
 * with every further budget's worth of failures, up to the slowdown cap. A slowdown, not a
 * refusal: the owner signing in from a new address still gets in.
 * @param state - the counters
 * @param policy - the policy
 * @returns milliseconds
 */
export function accountSlowdownMs(state: ThrottleState, policy: LoginThrottlePolicy): number {
  if (!overAccountBudget(state, policy)) return 0;
  const doublings = Math.min(Math.floor((state.account.count - policy.accountLimit) / policy.accountLimit), 30);
  return Math.min(policy.baseDelaySeconds * 2 ** doublings, policy.maxSlowdownSeconds) * 1000;
}

/**
 * The pair delay after a failure: past the account budget an unknown address has no free failures.
 * @param failures - the pair's consecutive failures including this one
 * @param overBudget - whether the account was past its budget for this address
 * @param policy - the policy
 */
export function pairDelayAfterFailure(failures: number, overBudget: boolean, policy: LoginThrottlePolicy): number {
  return delayAfterFailures(overBudget ? failures + policy.freeFailures - 1 : failures, policy);
}

/**
 * The keys of one attempt's counters. Emails are already lower-cased; addresses count as the
 * router's rate limits count them (IPv6 by its /64); an attempt without a known address (a
 * service calling directly) shares one bucket.
 * @param email - as typed, normalised
 * @param address - the client address the router signed
 */
export function throttleKeys(email: string, address: string | undefined): { pair: string; address: string; account: string } {
  const from = address ? clientAddressKey(address) : 'unknown';
  return { pair: `pair:${email} ${from}`, address: `address:${from}`, account: `account:${email}` };
}
