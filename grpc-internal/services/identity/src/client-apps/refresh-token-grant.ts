/**
 * The refresh token grant (RFC 6749 §6) for apps acting for a clinician (authorization code).
 * Every use rotates: the presented token is spent and the next of its family handed out; a spent
 * token presented again revokes the whole family, so a stolen copy dies with the original (OAuth
 * 2.0 Security BCP §4.14). Rotating the app's secret or revoking the app revokes every family of
 * the app (the repository does it with the change); a deactivated user, or one whose sessions were
 * ended after the token was issued, gets nothing and the family goes.
 */
import { grantScopes } from '@hospital/grpc-contracts/access';
import { hashRefreshToken, isRefreshTokenShaped, newRefreshToken } from '../domain/tokens.ts';
import { APP_REFRESH_TOKEN_TTL_MS, userAppTokenAnswer } from './authorization-code-grant.ts';
import { appTokensValidAfter } from './client-credentials.ts';
import { refuse, type RedeemUserGrant } from './issue-client-token.handler.ts';

/** One answer for every way a refresh token can be wrong: nothing to learn about other apps' tokens. */
const BAD_REFRESH = 'The refresh token is invalid, expired, revoked, already used, or was issued to another client.';

/**
 * Exchanges a refresh token of an authenticated app (request: refresh_token, and optionally a
 * narrower scope for this access token) for a new access token and refresh token.
 */
export const redeemRefreshToken: RedeemUserGrant = async (request, app, deps, scope, readAt = new Date()) => {
  if (request.refreshToken === '') return refuse('invalid_request', 'refresh_token is required.');
  if (!isRefreshTokenShaped(request.refreshToken)) return refuse('invalid_grant', BAD_REFRESH);
  const next = newRefreshToken();
  const exchange = await deps.clientApps.exchangeRefreshToken(hashRefreshToken(request.refreshToken), app.id, {
    tokenHash: hashRefreshToken(next),
    expiresAt: new Date(Date.now() + APP_REFRESH_TOKEN_TTL_MS),
  });
  if (exchange.outcome === 'reused') scope.logger.warn({ clientId: app.id, familyId: exchange.familyId }, 'refresh token reused: family revoked');
  if (exchange.outcome !== 'rotated') return refuse('invalid_grant', BAD_REFRESH);
  const { token } = exchange;
  const [user] = await deps.users.findByIds([token.userId]);
  // Tokens issued before the user's cutoff (sessions ended, password changed) or the app's last
  // secret rotation no longer count, like the access tokens of that time.
  const cutoffs = [user?.tokensValidAfter ?? null, appTokensValidAfter({ revokedAt: null, secretRotatedAt: app.secretRotatedAt })];
  if (!user?.active || cutoffs.some((cutoff) => cutoff !== null && cutoff.getTime() > token.issuedAt.getTime())) {
    await deps.clientApps.revokeRefreshFamily(token.familyId);
    return refuse('invalid_grant', BAD_REFRESH);
  }
  // RFC 6749 §6: a refresh may ask for less than was granted, never more; the family keeps all of it.
  const requested = request.scope.split(' ').filter((s) => s !== '');
  const granted = requested.length === 0 ? token.scopes : grantScopes(requested, token.scopes);
  if (!granted || granted.length === 0) return refuse('invalid_scope', 'The requested scope exceeds what the user granted the app.');
  scope.logger.info({ clientId: app.id, userId: user.id, scopes: granted }, 'user app token refreshed');
  return userAppTokenAnswer(user, app, granted, deps, readAt, next);
};
