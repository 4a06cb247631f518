/** Storage of the sign-in throttling counters (see domain/login-throttle.ts for their meaning). */
import type { ThrottleState } from '../domain/login-throttle.ts';

/** The counter keys of one attempt (from `throttleKeys`). */
export interface ThrottleKeys {
  /** (email, address) pair. */
  pair: string;
  /** Client address. */
  address: string;
  /** Email as typed. */
  account: string;
}

/** Counters shared by every identity replica; each change is one atomic statement per key. */
export interface LoginThrottleRepository {
  /**
   * Counts an attempt against the address and reads the pair and account counters.
   * @param keys - the attempt's keys
   * @param windowSeconds - budget window
   */
  begin(keys: ThrottleKeys, windowSeconds: number): Promise<ThrottleState>;
  /**
   * Counts a failure on the pair and the account.
   * @param keys - the attempt's keys
   * @param windowSeconds - account budget window
   * @param delayFor - the pair's delay, seconds, after its n-th consecutive failure
   */
  recordFailure(keys: ThrottleKeys, windowSeconds: number, delayFor: (failures: number) => number): Promise<void>;
  /**
   * Clears the pair's failures and remembers the address as one the account signs in from.
   * @param keys - the attempt's keys
   */
  recordSuccess(keys: ThrottleKeys): Promise<void>;
  /**
   * Clears every delay and the failure budget of an email (an admin's unlock).
   * @param email - lower-cased email
   * @returns how many counters were cleared
   */
  clearAccount(email: string): Promise<number>;
  /**
   * Deletes counters untouched since a time.
   * @param before - cut-off
   */
  prune(before: Date): Promise<number>;
}
