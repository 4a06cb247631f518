/**
 * How an app proves who it is at the token endpoint, and the token it gets: a client secret
 * (256 random bits, stored as SHA-256 like a refresh token) or an RFC 7523 client assertion
 * signed with a key of its registered JWK set; the answer is a short-lived ES256 access token
 * carrying the client id and the granted scopes.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createLocalJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import jwt from 'jsonwebtoken';
import { ASSERTION_ALGORITHMS, CLIENT_TOKEN_TTL_SECONDS, MAX_ASSERTION_LIFETIME_SECONDS } from '@hospital/grpc-contracts/access';
import { accessTokenIssueTime, hashRefreshToken, newRefreshToken, type AccessTokenSettings } from '../domain/tokens.ts';

/** A fresh client secret (43 base64url characters) and the digest stored in its place. */
export function newClientSecret(): { secret: string; hash: string } {
  const secret = newRefreshToken();
  return { secret, hash: hashRefreshToken(secret) };
}

/**
 * Compares a presented secret with the stored digest in constant time.
 * @param presented - what the client sent
 * @param storedHash - SHA-256 hex of the secret, or null for an app without one
 */
export function clientSecretMatches(presented: string, storedHash: string | null): boolean {
  if (storedHash === null || presented === '') return false;
  const a = Buffer.from(hashRefreshToken(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why an assertion was refused: the RFC 6749 error it becomes, and a description. */
export class AssertionRefused extends Error {
  /** @param description - the error_description sent back */
  constructor(description: string) {
    super(description);
    this.name = 'AssertionRefused';
  }
}

/**
 * Verifies an RFC 7523 client assertion: signature by a key of the app's JWK set, iss = sub =
 * client id, aud = the token endpoint, exp present and at most five minutes ahead, a jti.
 * @param assertion - the compact JWT
 * @param app - the app's id and public JWK set
 * @param tokenEndpoint - the token endpoint's URL
 * @param now - the clock (seconds)
 * @returns the jti and expiry, for replay protection
 */
export async function verifyClientAssertion(
  assertion: string,
  app: { id: string; jwks: { keys: object[] } },
  tokenEndpoint: string,
  now = Math.floor(Date.now() / 1000),
): Promise<{ jti: string; expiresAt: Date }> {
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(app.jwks), {
      issuer: app.id,
      subject: app.id,
      audience: tokenEndpoint,
      algorithms: ASSERTION_ALGORITHMS,
      requiredClaims: ['exp', 'jti'],
      currentDate: new Date(now * 1000),
      clockTolerance: 5,
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new AssertionRefused('The client assertion has expired.');
    if (error instanceof joseErrors.JOSEError) throw new AssertionRefused(`The client assertion is not valid (${error.code}).`);
    throw error;
  }
  const exp = payload.exp as number;
  if (exp - now > MAX_ASSERTION_LIFETIME_SECONDS) throw new AssertionRefused('The client assertion must expire within 5 minutes.');
  const jti = payload.jti as string;
  if (jti === '' || jti.length > 256) throw new AssertionRefused('The client assertion needs a jti of at most 256 characters.');
  return { jti, expiresAt: new Date(exp * 1000) };
}

/** Revocation is final: dated a year ahead, so even a token signed by a request that read the app just before is refused. */
const REVOKED_AHEAD_MS = 365 * 86_400_000;
/**
 * A rotation reaches this far past its own clock reading: a token request that read the old secret
 * before the rotation committed (milliseconds later) is dated at its read, so it falls inside.
 */
const ROTATION_MARGIN_MS = 1_000;

/**
 * The time at or before which the app's tokens (`sub` = its id) no longer count, as the router's
 * revocation list takes it (the same list as users'); null when nothing was cut off.
 * @param app - when it was revoked and its secret last rotated
 */
export function appTokensValidAfter(app: { revokedAt: Date | null; secretRotatedAt: Date | null }): Date | null {
  if (app.revokedAt) return new Date(app.revokedAt.getTime() + REVOKED_AHEAD_MS);
  return app.secretRotatedAt ? new Date(app.secretRotatedAt.getTime() + ROTATION_MARGIN_MS) : null;
}

/**
 * Signs an app's access token with the identity service's key (the router verifies it like a
 * user's): `sub` and `client_id` are the app id, `scope` the granted scopes, `app_name` its name.
 * Dated after the app's cutoff (a rotation), or a token of the new secret would be refused too.
 * @param app - id, name, and when its secret was last rotated
 * @param scopes - the granted scopes
 * @param settings - key, issuer, audience (the lifetime is the app token's own)
 * @param readAt - when the app was read to authenticate the request (before any rotation it missed)
 */
export function signClientToken(
  app: { id: string; name: string; secretRotatedAt: Date | null },
  scopes: readonly string[],
  settings: AccessTokenSettings,
  readAt = new Date(),
): { token: string; expiresIn: number } {
  const issuedAt = Math.floor(accessTokenIssueTime(readAt, appTokensValidAfter({ revokedAt: null, secretRotatedAt: app.secretRotatedAt })).getTime() / 1000);
  const expiresIn = Math.min(CLIENT_TOKEN_TTL_SECONDS, settings.ttlSeconds);
  const claims = { sub: app.id, client_id: app.id, app_name: app.name, scope: scopes.join(' '), jti: randomUUID(), iat: issuedAt, exp: issuedAt + expiresIn };
  const token = jwt.sign(claims, settings.privateKey, { algorithm: 'ES256', keyid: settings.keyId, issuer: settings.issuer, audience: settings.audience });
  return { token, expiresIn };
}

/**
 * Signs the token of an app acting for a user (authorization code): the user's claims (`sub`,
 * `role`, `email`, as the router reads them) plus `client_id`, `app_name` and the granted user/
 * `scope`. The router holds such a request to the user's role rules AND the scopes.
 * @param user - id, role, email (read at redemption, so a changed role counts)
 * @param app - id and name
 * @param scopes - the granted user/ scopes
 * @param settings - key, issuer, audience
 * @param now - issue time
 */
export function signUserAppToken(
  user: { id: string; role: string; email: string },
  app: { id: string; name: string },
  scopes: readonly string[],
  settings: AccessTokenSettings,
  now = new Date(),
): { token: string; expiresIn: number } {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresIn = Math.min(CLIENT_TOKEN_TTL_SECONDS, settings.ttlSeconds);
  const claims = {
    sub: user.id,
    role: user.role,
    email: user.email,
    client_id: app.id,
    app_name: app.name,
    scope: scopes.join(' '),
    jti: randomUUID(),
    iat: issuedAt,
    exp: issuedAt + expiresIn,
  };
  const token = jwt.sign(claims, settings.privateKey, { algorithm: 'ES256', keyid: settings.keyId, issuer: settings.issuer, audience: settings.audience });
  return { token, expiresIn };
}
