/**
 * Session tokens: the ES256 access token the router verifies, and the opaque refresh token of
 * which only a SHA-256 digest is ever stored.
 */
import { createHash, createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { RoleName } from '@hospital/service-kit';

/** How access tokens are signed. */
export interface AccessTokenSettings {
  /** The EC P-256 private key. */
  privateKey: KeyObject;
  /** `kid` header, so the router can pick the matching public key during rotation. */
  keyId: string;
  /** `iss` claim. */
  issuer: string;
  /** `aud` claim. */
  audience: string;
  /** Lifetime in seconds. */
  ttlSeconds: number;
}

/** A signed access token and when it expires. */
export interface AccessToken {
  /** The compact JWT. */
  token: string;
  /** Expiry (the `exp` claim). */
  expiresAt: Date;
}

/**
 * Loads and checks the signing key, so a wrong key fails at start-up rather than at first login.
 * @param pem - PKCS#8 or SEC1 PEM of an EC P-256 private key
 */
export function loadSigningKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('JWT private key must be an EC P-256 key (ES256).');
  }
  return key;
}

/**
 * Signs an access token for a user's session.
 * @param user - id, role and email of the signed-in user
 * @param sessionId - the session (refresh-token family) it belongs to: the `sid` claim, so that
 *   ending the session (logout, refresh-token reuse) revokes the access token too
 * @param settings - key and claims
 * @param now - issue time (a parameter so tests can pin it)
 */
export function signAccessToken(user: { id: string; role: RoleName; email: string }, sessionId: string, settings: AccessTokenSettings, now = new Date()): AccessToken {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + settings.ttlSeconds;
  const token = jwt.sign({ sub: user.id, sid: sessionId, role: user.role, email: user.email, iat: issuedAt, exp: expiresAt }, settings.privateKey, {
    algorithm: 'ES256',
    keyid: settings.keyId,
    issuer: settings.issuer,
    audience: settings.audience,
  });
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/**
 * When a token signed now must say it was issued. The router refuses a user's tokens whose `iat`
 * (whole seconds) is at or before their revocation time, so a token signed within the same second
 * as a revocation (a fresh login right after a role change) is dated to the next second: otherwise
 * it would be refused too. It then lives at most one second longer.
 * @param now - the clock
 * @param tokensValidAfter - the user's revocation time, if any
 */
export function accessTokenIssueTime(now: Date, tokensValidAfter: Date | null): Date {
  if (!tokensValidAfter) return now;
  const firstValidSecond = Math.floor(tokensValidAfter.getTime() / 1000) + 1;
  return new Date(Math.max(now.getTime(), firstValidSecond * 1000));
}

/** A fresh refresh token: 32 random bytes, base64url (43 characters). */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * True when a string could be a refresh token we issued; anything else is refused without a query.
 * @param token - what the client sent
 */
export function isRefreshTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * The digest stored in place of a refresh token. The token is 256 random bits, so a plain
 * SHA-256 suffices: there is nothing to brute-force, unlike a password.
 * @param token - the refresh token
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
