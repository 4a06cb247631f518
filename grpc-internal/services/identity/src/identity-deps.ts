/** What the identity handlers need, built once by startIdentityService. */
import type { PasswordHashing } from '@hospital/service-kit';
import type { AccessTokenSettings } from './domain/tokens.ts';
import type { LoginThrottlePolicy } from './domain/login-throttle.ts';
import type { LoginThrottleRepository } from './repositories/login-throttle-repository.ts';
import type { SessionRepository } from './repositories/session-repository.ts';
import type { UserRepository } from './repositories/user-repository.ts';
import type { ClientAppRepository } from './client-apps/client-app-repository.ts';

/** Dependencies of every identity handler. */
export interface IdentityDeps {
  /** User storage. */
  users: UserRepository;
  /** Third-party apps (OAuth clients) and their used client assertions. */
  clientApps: ClientAppRepository;
  /** Refresh-token storage. */
  sessions: SessionRepository;
  /** Sign-in throttling counters. */
  throttle: LoginThrottleRepository;
  /** How failed sign-ins are slowed down. */
  loginThrottle: LoginThrottlePolicy;
  /** Password hashing with bounded concurrency. */
  hashing: PasswordHashing;
  /** How access tokens are signed. */
  accessTokens: AccessTokenSettings;
  /** Lifetime of each refresh token, in seconds. */
  refreshTokenTtlSeconds: number;
  /**
   * Hash of a random password, checked when the email is unknown so that such logins cost the
   * same scrypt work as a wrong password and timing does not reveal which emails exist.
   */
  decoyPasswordHash: string;
}
