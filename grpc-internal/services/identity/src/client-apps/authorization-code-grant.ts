/**
 * The authorization code grant (RFC 6749 §4.1.3, RFC 7636 §4.6): the code is spent on first
 * presentation whatever follows (a second one, even concurrent, finds it spent), then it must be
 * unexpired, issued to this client for this redirect URI, and its challenge the S256 of the
 * verifier. The token is the user's (current role, active) and the app's (granted user/ scopes),
 * with the first refresh token of a new family.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IssueClientTokenResponse } from '@hospital/grpc-contracts';
import { accessTokenIssueTime, hashRefreshToken, newRefreshToken } from '../domain/tokens.ts';
import type { ClientAppCredentials } from './client-app-repository.ts';
import { s256 } from './authorization.handlers.ts';
import { appTokensValidAfter, signUserAppToken } from './client-credentials.ts';
import { refuse, type IssueClientTokenDeps, type RedeemUserGrant } from './issue-client-token.handler.ts';

/** RFC 7636 §4.1: 43 to 128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** One answer for every way a code can be wrong: nothing to learn about other clients' codes. */
const BAD_GRANT = 'The authorization code is invalid, expired, already used, or was issued for another client or redirect_uri.';

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Redeems a code (request: code, redirect_uri, code_verifier) for an authenticated app. */
export const redeemAuthorizationCode: RedeemUserGrant = async (request, app, deps, scope, readAt = new Date()) => {
  if (request.code === '' || request.redirectUri === '') return refuse('invalid_request', 'code and redirect_uri are required.');
  if (!VERIFIER.test(request.codeVerifier)) return refuse('invalid_request', 'code_verifier must be 43 to 128 characters of [A-Za-z0-9._~-] (PKCE is required).');
  const code = await deps.clientApps.spendAuthorizationCode(hashRefreshToken(request.code));
  if (!code) {
    scope.logger.warn({ clientId: app.id }, 'authorization code unknown or already spent');
    return refuse('invalid_grant', BAD_GRANT);
  }
  if (code.expiresAt.getTime() <= Date.now() || code.clientId !== app.id || code.redirectUri !== request.redirectUri) return refuse('invalid_grant', BAD_GRANT);
  if (!sameText(s256(request.codeVerifier), code.codeChallenge)) return refuse('invalid_grant', 'The code_verifier does not match the code_challenge.');
  const [user] = await deps.users.findByIds([code.userId]);
  if (!user?.active) return refuse('invalid_grant', BAD_GRANT);
  // A family of rotating refresh tokens starts here (refresh-token-grant.ts).
  const refreshToken = newRefreshToken();
  await deps.clientApps.saveRefreshToken({
    tokenHash: hashRefreshToken(refreshToken),
    familyId: randomUUID(),
    clientId: app.id,
    userId: user.id,
    scopes: code.scopes,
    expiresAt: new Date(Date.now() + APP_REFRESH_TOKEN_TTL_MS),
  });
  scope.logger.info({ clientId: app.id, userId: user.id, scopes: code.scopes }, 'user app token issued');
  return userAppTokenAnswer(user, app, code.scopes, deps, readAt, refreshToken);
};

/** How long an app's refresh token may wait to be used (each use hands out a new one). */
export const APP_REFRESH_TOKEN_TTL_MS = 30 * 86_400_000;

/**
 * The token answer of an app acting for a user: the access token, dated past the user's cutoff and
 * the app's (a secret rotation), as read before the app and the user were, so stale claims fall
 * inside a later cutoff; and the refresh token to hand out with it.
 * @param user - the user as read now (role, cutoff)
 * @param app - the authenticated app
 * @param scopes - the granted user/ scopes of this access token
 * @param deps - the signing key
 * @param readAt - when the app was read
 * @param refreshToken - the refresh token to return
 */
export function userAppTokenAnswer(
  user: { id: string; role: string; email: string; tokensValidAfter: Date | null },
  app: ClientAppCredentials,
  scopes: readonly string[],
  deps: Pick<IssueClientTokenDeps, 'accessTokens'>,
  readAt: Date,
  refreshToken: string,
): IssueClientTokenResponse {
  const appCutoff = appTokensValidAfter({ revokedAt: null, secretRotatedAt: app.secretRotatedAt });
  const cutoffs = [user.tokensValidAfter, appCutoff].filter((d): d is Date => d !== null);
  const issuedAt = accessTokenIssueTime(readAt, cutoffs.length > 0 ? new Date(Math.max(...cutoffs.map((d) => d.getTime()))) : null);
  const { token, expiresIn } = signUserAppToken(user, app, scopes, deps.accessTokens, issuedAt);
  return { accessToken: token, expiresIn, scope: scopes.join(' '), refreshToken, error: '', errorDescription: '' };
}
