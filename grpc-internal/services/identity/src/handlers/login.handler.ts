/** Login: checks a password (with lockout) and opens a session. */
import { randomUUID } from 'node:crypto';
import type { AuthPayload, LoginRequest__Output } from '@hospital/grpc-contracts';
import { parseRequest, unauthenticated, verifyPassword, type CallScope } from '@hospital/service-kit';
import { ACCOUNT_DEACTIVATED, ACCOUNT_LOCKED, INVALID_CREDENTIALS, isLocked, locksAccount } from '../domain/lockout.ts';
import { hashRefreshToken, newRefreshToken } from '../domain/tokens.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { authPayload, refreshTokenExpiry } from './auth-payload.ts';
import { loginSchema } from './login.schema.ts';

/**
 * Signs a user in: access token plus the first refresh token of a new session.
 * @param request - email and password
 * @param deps - repositories and token settings
 * @param scope - the call's logger
 */
export async function loginHandler(request: LoginRequest__Output, deps: IdentityDeps, scope: CallScope): Promise<AuthPayload> {
  const { email, password } = parseRequest(loginSchema, request);
  const user = await deps.users.findCredentialsByEmail(email);
  if (!user) {
    // Same scrypt work as a wrong password, so response time does not reveal unknown emails.
    await verifyPassword(password, deps.decoyPasswordHash);
    throw unauthenticated(INVALID_CREDENTIALS);
  }

  const now = new Date();
  // While locked the password is not even checked: guesses made during a lock teach nothing.
  if (isLocked(user.lockedUntil, now)) throw unauthenticated(ACCOUNT_LOCKED);

  if (!(await verifyPassword(password, user.passwordHash))) {
    const failures = await deps.users.incrementFailedLogins(user.id);
    if (locksAccount(failures, deps.lockout)) {
      await deps.users.lockUntil(user.id, new Date(now.getTime() + deps.lockout.lockSeconds * 1000));
      scope.logger.warn({ userId: user.id, failures }, 'account locked after failed logins');
    }
    throw unauthenticated(INVALID_CREDENTIALS);
  }
  // Checked after the password, so only someone who knows it learns the account is deactivated.
  if (!user.active) throw unauthenticated(ACCOUNT_DEACTIVATED);

  await deps.users.recordSuccessfulLogin(user.id);
  const refreshToken = newRefreshToken();
  const familyId = randomUUID();
  await deps.sessions.create({ userId: user.id, familyId, tokenHash: hashRefreshToken(refreshToken), expiresAt: refreshTokenExpiry(deps) });
  scope.logger.info({ userId: user.id, familyId }, 'user signed in');
  return authPayload(user, refreshToken, deps);
}
