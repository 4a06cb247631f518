/** RefreshToken: rotates a refresh token, with reuse detection. */
import type { AuthPayload, RefreshTokenRequest__Output } from '@hospital/grpc-contracts';
import { parseRequest, unauthenticated } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { hashRefreshToken, isRefreshTokenShaped, newRefreshToken } from '../domain/tokens.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { authPayload, refreshTokenExpiry } from './auth-payload.ts';
import { refreshTokenSchema } from './refresh-token.schema.ts';

/** One message for every refusal: the client's only move is to sign in again. */
const SESSION_ENDED = 'Session expired; sign in again.';

/**
 * Spends a live refresh token and issues its successor in the same session. A token that was
 * already spent means two parties hold it (one of them a thief): the whole session is revoked.
 * @param request - the refresh token
 * @param deps - repositories and token settings
 * @param scope - the call's logger
 */
export async function refreshTokenHandler(request: RefreshTokenRequest__Output, deps: IdentityDeps, scope: CallScope): Promise<AuthPayload> {
  const { refreshToken } = parseRequest(refreshTokenSchema, request);
  if (!isRefreshTokenShaped(refreshToken)) throw unauthenticated(SESSION_ENDED);
  const tokenHash = hashRefreshToken(refreshToken);

  const successor = newRefreshToken();
  const rotated = await deps.sessions.rotate(tokenHash, { tokenHash: hashRefreshToken(successor), expiresAt: refreshTokenExpiry(deps) });
  if (!rotated) {
    const stored = await deps.sessions.findByHash(tokenHash);
    if (stored?.spent && !stored.revoked) {
      await deps.sessions.revokeFamily(stored.familyId);
      scope.logger.warn({ userId: stored.userId, familyId: stored.familyId }, 'refresh token reuse detected; session revoked');
    }
    throw unauthenticated(SESSION_ENDED);
  }

  const [user] = await deps.users.findByIds([rotated.userId]);
  if (!user?.active) {
    // Deactivation revokes sessions already; this covers a deactivation racing the rotation.
    await deps.sessions.revokeFamily(rotated.familyId);
    throw unauthenticated(SESSION_ENDED);
  }
  scope.logger.info({ userId: user.id, familyId: rotated.familyId }, 'session refreshed');
  return authPayload(user, successor, rotated.familyId, deps);
}
