/** Logout: ends the session a refresh token belongs to. */
import type { LogoutRequest__Output, LogoutResponse } from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { hashRefreshToken, isRefreshTokenShaped } from '../domain/tokens.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { refreshTokenSchema } from './refresh-token.schema.ts';

/**
 * Revokes the token's whole session. Unknown or already revoked tokens are not an error (the
 * client wants to be signed out, and is): they answer revoked = false.
 * @param request - the refresh token
 * @param deps - session storage
 * @param scope - the call's logger
 */
export async function logoutHandler(request: LogoutRequest__Output, deps: Pick<IdentityDeps, 'sessions'>, scope: CallScope): Promise<LogoutResponse> {
  const { refreshToken } = parseRequest(refreshTokenSchema, request);
  if (!isRefreshTokenShaped(refreshToken)) return { revoked: false };
  const stored = await deps.sessions.findByHash(hashRefreshToken(refreshToken));
  if (!stored || stored.revoked) return { revoked: false };
  const revoked = await deps.sessions.revokeFamily(stored.familyId);
  scope.logger.info({ userId: stored.userId, familyId: stored.familyId, revoked }, 'signed out');
  return { revoked };
}
