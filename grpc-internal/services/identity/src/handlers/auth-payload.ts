/** The AuthPayload both Login and RefreshToken answer with. */
import type { AuthPayload } from '@hospital/grpc-contracts';
import { accessTokenIssueTime, signAccessToken } from '../domain/tokens.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import type { UserRecord } from '../repositories/user-repository.ts';
import { toProtoUser } from './to-proto-user.ts';

/**
 * Signs an access token for the user and packs it with the refresh token.
 * @param user - the signed-in user, as stored now (its current role goes into the token)
 * @param refreshToken - the refresh token just stored
 * @param sessionId - its family: the access token's `sid`
 * @param deps - signing settings
 */
export function authPayload(user: UserRecord, refreshToken: string, sessionId: string, deps: Pick<IdentityDeps, 'accessTokens'>): AuthPayload {
  const access = signAccessToken(user, sessionId, deps.accessTokens, accessTokenIssueTime(new Date(), user.tokensValidAfter));
  return { accessToken: access.token, refreshToken, expiresAt: access.expiresAt.toISOString(), user: toProtoUser(user) };
}

/**
 * When a refresh token issued now expires.
 * @param deps - the refresh-token lifetime
 */
export function refreshTokenExpiry(deps: Pick<IdentityDeps, 'refreshTokenTtlSeconds'>): Date {
  return new Date(Date.now() + deps.refreshTokenTtlSeconds * 1000);
}
