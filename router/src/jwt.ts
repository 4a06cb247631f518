/**
 * Verification of user access tokens (ES256 JWTs from the identity service). Every check that can
 * fail does fail loudly: a bad token is an error, never a silent fallback to anonymous.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { isRole, type Caller } from '@hospital/service-kit';

/** How access tokens are verified. */
export interface JwtConfig {
  /** The identity service's public key (PEM, SPKI). */
  publicKeyPem: string;
  /** The `kid` header every token must carry. */
  keyId: string;
  /** Expected `iss`. */
  issuer: string;
  /** Expected `aud`. */
  audience: string;
  /** Allowed clock skew for `exp`/`nbf` (default 5 seconds). */
  clockToleranceSeconds?: number;
}

/** The single algorithm accepted; pinning it rules out `none` and HS256-with-public-key confusion. */
const ALGORITHM = 'ES256';

/** Raised for any unusable Authorization header; `reason` is for logs, never for the client. */
export class InvalidTokenError extends Error {
  /** @param reason - why the token was refused */
  constructor(readonly reason: string) {
    super('Invalid or expired access token.');
    this.name = 'InvalidTokenError';
  }
}

/** Turns an Authorization header into a caller. */
export type AccessTokenVerifier = (authorization: string | undefined) => Caller;

/**
 * Prepares a verifier. Fails at startup unless the key is an EC P-256 public key.
 * @param config - key and expected claims
 */
export function createAccessTokenVerifier(config: JwtConfig): AccessTokenVerifier {
  const verify = createSessionVerifier(config);
  return (authorization) => verify(authorization).caller;
}

/** A verified caller and when their token expires (undefined for anonymous callers). */
export interface VerifiedSession {
  caller: Caller;
  expiresAtMs?: number;
}

/**
 * Like {@link createAccessTokenVerifier}, also telling when the token expires: long-lived
 * connections (subscriptions) must end when it does.
 * @param config - key and expected claims
 */
export function createSessionVerifier(config: JwtConfig): (authorization: string | undefined) => VerifiedSession {
  const key = loadPublicKey(config.publicKeyPem);
  const clockTolerance = config.clockToleranceSeconds ?? 5;
  return (authorization) => {
    if (authorization === undefined || authorization === '') return { caller: { kind: 'anonymous' } };
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
    if (!match) throw new InvalidTokenError('authorization header is not "Bearer <jwt>"');
    const token = match[1] as string;

    // jsonwebtoken does not compare kid when given a key, so check the header ourselves first.
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') throw new InvalidTokenError('malformed token');
    if (decoded.header.kid !== config.keyId) throw new InvalidTokenError('unknown key id');

    let claims: jwt.JwtPayload;
    try {
      const verified = jwt.verify(token, key, {
        algorithms: [ALGORITHM],
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance,
      });
      if (typeof verified === 'string') throw new InvalidTokenError('payload is not a JSON object');
      claims = verified;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError(error instanceof Error ? `${error.name}: ${error.message}` : 'verification failed');
    }
    return { caller: callerFromClaims(claims), expiresAtMs: (claims.exp as number) * 1000 };
  };
}

/** Checks the claims the rest of the system relies on. */
function callerFromClaims(claims: jwt.JwtPayload): Caller {
  // jsonwebtoken only checks exp when present; a token without one would never expire.
  if (typeof claims.exp !== 'number') throw new InvalidTokenError('token has no exp');
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new InvalidTokenError('token has no sub');
  const role = claims['role'];
  if (!isRole(role)) throw new InvalidTokenError('token role is not one of the five roles');
  const email = claims['email'];
  if (typeof email !== 'string') throw new InvalidTokenError('token has no email');
  return { kind: 'user', userId: claims.sub, role, email };
}

function loadPublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('JWT public key must be an EC P-256 key (ES256)');
  }
  return key;
}
