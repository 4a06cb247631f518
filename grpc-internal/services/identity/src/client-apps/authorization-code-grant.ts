/**
 * The authorization code grant (RFC 6749 §4.1.3, RFC 7636 §4.6): the code is spent on first
 * presentation whatever follows (a second one, even concurrent, finds it spent), then it must be
 * unexpired, issued to this client for this redirect URI, and its challenge the S256 of the
 * verifier. The token is the user's (current role, active) and the app's (granted user/ scopes).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IssueClientTokenRequest__Output, IssueClientTokenResponse } from '@hospital/grpc-contracts';
import { type CallScope } from '@hospital/service-kit/grpc';
import { accessTokenIssueTime, hashRefreshToken } from '../domain/tokens.ts';
import type { ClientAppCredentials } from './client-app-repository.ts';
import { s256 } from './authorization.handlers.ts';
import { appTokensValidAfter, signUserAppToken } from './client-credentials.ts';
import { refuse, type IssueClientTokenDeps } from './issue-client-token.handler.ts';

/** RFC 7636 §4.1: 43 to 128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** One answer for every way a code can be wrong: nothing to learn about other clients' codes. */
const BAD_GRANT = 'The authorization code is invalid, expired, already used, or was issued for another client or redirect_uri.';

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Redeems a code for an authenticated app.
 * @param request - code, redirect_uri, code_verifier
 * @param app - the authenticated app
 * @param deps - app storage, users and the signing key
 * @param scope - the logger
 * @param readAt - when the app was read to authenticate the request (before any rotation it missed)
 */
export async function redeemAuthorizationCode(
  request: IssueClientTokenRequest__Output,
  app: ClientAppCredentials,
  deps: IssueClientTokenDeps,
  scope: CallScope,
  readAt = new Date(),
): Promise<IssueClientTokenResponse> {
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
  // The router ends the token at the user's cutoff and at the app's (a secret rotation): dated past
  // both, as read before the app and the user were, so stale claims fall inside a later cutoff.
  const appCutoff = appTokensValidAfter({ revokedAt: null, secretRotatedAt: app.secretRotatedAt });
  const cutoffs = [user.tokensValidAfter, appCutoff].filter((d): d is Date => d !== null);
  const issuedAt = accessTokenIssueTime(readAt, cutoffs.length > 0 ? new Date(Math.max(...cutoffs.map((d) => d.getTime()))) : null);
  const { token, expiresIn } = signUserAppToken(user, app, code.scopes, deps.accessTokens, issuedAt);
  scope.logger.info({ clientId: app.id, userId: user.id, scopes: code.scopes }, 'user app token issued');
  return { accessToken: token, expiresIn, scope: code.scopes.join(' '), error: '', errorDescription: '' };
}
