/**
 * Login lockout rules. The counter itself is kept by the repository with an atomic increment;
 * this module decides what a stored state means.
 */

/** How many failures lock an account, and for how long. */
export interface LockoutPolicy {
  /** Consecutive failed logins that lock the account. */
  maxFailedAttempts: number;
  /** How long the lock lasts, in seconds. */
  lockSeconds: number;
}

/** Shown for a wrong password and for an unknown email alike, so neither reveals which it was. */
export const INVALID_CREDENTIALS = 'Invalid email or password.';
/** Shown while an account is locked. */
export const ACCOUNT_LOCKED = 'Account locked; try again later.';
/** Shown to a deactivated user who typed the right password. */
export const ACCOUNT_DEACTIVATED = 'This account is deactivated.';

/**
 * True while a lock is in force.
 * @param lockedUntil - when the lock ends; null when the account was never locked
 * @param now - the current time
 */
export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/**
 * True when this failure (the count after it) reaches the lock threshold. The counter is not
 * reset by the lock: once a lock expires, a single further failure locks again, so a guesser
 * gets one try per lock period instead of a fresh batch.
 * @param failedCountAfter - consecutive failures including this one
 * @param policy - the lockout policy
 */
export function locksAccount(failedCountAfter: number, policy: LockoutPolicy): boolean {
  return failedCountAfter >= policy.maxFailedAttempts;
}
