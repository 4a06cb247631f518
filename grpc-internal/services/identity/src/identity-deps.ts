/** What the identity handlers need, built once by startIdentityService. */
import type { AccessTokenSettings } from './domain/tokens.ts';
import type { LockoutPolicy } from './domain/lockout.ts';
import type { SessionRepository } from './repositories/session-repository.ts';
import type { UserRepository } from './repositories/user-repository.ts';

/** Dependencies of every identity handler. */
export interface IdentityDeps {
  /** User storage. */
  users: UserRepository;
  /** Refresh-token storage. */
  sessions: SessionRepository;
  /** How access tokens are signed. */
  accessTokens: AccessTokenSettings;
  /** Lifetime of each refresh token, in seconds. */
  refreshTokenTtlSeconds: number;
  /** When failed logins lock an account. */
  lockout: LockoutPolicy;
  /**
   * Hash of a random password, checked when the email is unknown so that such logins cost the
   * same scrypt work as a wrong password and timing does not reveal which emails exist.
   */
  decoyPasswordHash: string;
}
