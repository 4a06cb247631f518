/** Login: checks a password (throttled) and opens a session. */
import { randomUUID } from 'node:crypto';
import type { AuthPayload, LoginRequest__Output } from '@hospital/grpc-contracts';
import { DomainError, parseRequest, rateLimited, unauthenticated } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { setTimeout as sleep } from 'node:timers/promises';
import { accountSlowdownMs, INVALID_CREDENTIALS, overAccountBudget, pairDelayAfterFailure, throttleKeys, throttleWait, TOO_MANY_ATTEMPTS } from '../domain/login-throttle.ts';
import { hashRefreshToken, newRefreshToken } from '../domain/tokens.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { authPayload, refreshTokenExpiry } from './auth-payload.ts';
import type { UserCredentials, UserRecord } from '../repositories/user-repository.ts';
import { loginSchema } from './login.schema.ts';
import { replaceOwnPassword } from './replace-password.ts';

/**
 * Signs a user in: access token plus the first refresh token of a new session. Unknown email,
 * wrong password and deactivated account answer alike, after the same work (one password check,
 * the same counter writes); only the throttle answers differently, keyed by what was typed.
 * @param request - email and password
 * @param deps - repositories, throttle policy, hashing and token settings
 * @param scope - the call's logger and the client address the router signed
 */
export async function loginHandler(request: LoginRequest__Output, deps: IdentityDeps, scope: CallScope): Promise<AuthPayload> {
  const { email, password, newPassword } = parseRequest(loginSchema, request);
  const keys = throttleKeys(email, scope.origin.ip);
  const policy = deps.loginThrottle;
  // Refused before any hashing: a throttled flood costs one small query each.
  const state = await deps.throttle.begin(keys, policy.windowSeconds);
  const wait = throttleWait(state, policy, new Date());
  if (wait > 0) throw rateLimited(TOO_MANY_ATTEMPTS, wait);
  // Past the account budget: slowed, never refused, so others cannot keep the owner out.
  const overBudget = overAccountBudget(state, policy);
  const slowdown = accountSlowdownMs(state, policy);
  if (slowdown > 0) await sleep(slowdown);

  const user = await deps.users.findCredentialsByEmail(email);
  // Unknown emails are checked against a decoy hash: the same scrypt work as a real account.
  const matches = await deps.hashing.verify(password, user?.passwordHash ?? deps.decoyPasswordHash, scope.origin.ip ? keys.address : undefined);
  if (!user || !matches || !user.active) {
    await deps.throttle.recordFailure(keys, policy.windowSeconds, (failures) => pairDelayAfterFailure(failures, overBudget, policy));
    throw unauthenticated(INVALID_CREDENTIALS);
  }

  await deps.throttle.recordSuccess(keys);
  const signedIn = await settleTemporaryPassword(user, password, newPassword, deps);
  const refreshToken = newRefreshToken();
  const familyId = randomUUID();
  await deps.sessions.create({ userId: signedIn.id, familyId, tokenHash: hashRefreshToken(refreshToken), expiresAt: refreshTokenExpiry(deps) });
  scope.logger.info({ userId: signedIn.id, familyId, passwordReplaced: signedIn !== user }, 'user signed in');
  return authPayload(signedIn, refreshToken, familyId, deps);
}

/**
 * A temporary password (an admin's reset) opens no session: the sign-in is refused with
 * PASSWORD_CHANGE_REQUIRED until it comes with its replacement, which is then stored (ending every
 * other session). Any other account signs in as it is; a `newPassword` sent with it is ignored.
 * @param user - the user whose password was just verified
 * @param password - that password
 * @param newPassword - the replacement, '' when none was sent
 * @param deps - user and session storage, hashing
 * @returns the user to sign in, as stored now
 */
async function settleTemporaryPassword(user: UserCredentials, password: string, newPassword: string, deps: IdentityDeps): Promise<UserRecord> {
  if (!user.passwordChangeRequired) return user;
  if (!newPassword) throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Your password was reset by an administrator; choose a new one to continue.');
  return replaceOwnPassword(user, password, user.passwordHash, newPassword, deps);
}
