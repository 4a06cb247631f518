/**
 * Verification of user access tokens (ES256 JWTs from the identity service). Every check that can
 * fail does fail loudly: a bad token is an error, never a silent fallback to anonymous.
 */
import jwt from 'jsonwebtoken';
import { isRole, type Caller } from '@hospital/service-kit';
import { KEY_ALGORITHM, loadVerificationKeys, type VerificationKey } from './jwks.ts';
import type { RevocationCheck } from './revocation/revocation-list.ts';

/** How access tokens are verified. */
export interface JwtConfig {
  /**
   * The identity service's public keys by `kid`: the current one plus, during a rotation, the
   * next or the previous one. A token whose `kid` is not here is refused.
   */
  keys: readonly VerificationKey[];
  /** Expected `iss`. */
  issuer: string;
  /** Expected `aud`. */
  audience: string;
  /** Allowed clock skew for `exp`/`nbf` (default 5 seconds). */
  clockToleranceSeconds?: number;
}

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
 * Prepares a verifier. Fails at startup unless every key is an EC P-256 public key with its own kid.
 * @param config - key and expected claims
 * @param isRevoked - the revocation list's check (deactivated users, changed roles); none by default
 */
export function createAccessTokenVerifier(config: JwtConfig, isRevoked?: RevocationCheck): AccessTokenVerifier {
  const verify = createSessionVerifier(config, isRevoked);
  return (authorization) => verify(authorization).caller;
}

/** A verified caller and when their token expires (undefined for anonymous callers). */
export interface VerifiedSession {
  caller: Caller;
  expiresAtMs?: number;
  /** The token's `iat`, so a later revocation can be matched against an open session. */
  issuedAtSeconds?: number;
  /** The token's `sid`: the sign-in session it belongs to (ended by logout or refresh-token reuse). */
  sessionId?: string;
}

/**
 * Like {@link createAccessTokenVerifier}, also telling when the token expires: long-lived
 * connections (subscriptions) must end when it does.
 * @param config - key and expected claims
 * @param isRevoked - the revocation list's check (deactivated users, changed roles); none by default
 */
export function createSessionVerifier(config: JwtConfig, isRevoked?: RevocationCheck): (authorization: string | undefined) => VerifiedSession {
  const keys = loadVerificationKeys(config.keys);
  const clockTolerance = config.clockToleranceSeconds ?? 5;
  return (authorization) => {
    if (authorization === undefined || authorization === '') return { caller: { kind: 'anonymous' } };
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
    if (!match) throw new InvalidTokenError('authorization header is not "Bearer <jwt>"');
    const token = match[1] as string;

    // The kid picks the key; a kid outside the set (a removed key, a forged header) is refused.
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') throw new InvalidTokenError('malformed token');
    const kid = decoded.header.kid;
    const key = kid === undefined ? undefined : keys.get(kid);
    if (!key) throw new InvalidTokenError('unknown key id');

    let claims: jwt.JwtPayload;
    try {
      const verified = jwt.verify(token, key, {
        // Pinned per key (all keys are P-256): rules out `none` and HS256-with-public-key confusion.
        algorithms: [KEY_ALGORITHM],
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
    const caller = callerFromClaims(claims) as Extract<Caller, { kind: 'user' }>;
    const issuedAtSeconds = claims.iat as number;
    const sessionId = sessionIdFromClaims(claims);
    // A valid signature is not enough once the user was deactivated or given another role, or the
    // session was ended.
    if (isRevoked?.(caller.userId, issuedAtSeconds, sessionId)) throw new InvalidTokenError('token revoked (user deactivated, role changed or session ended)');
    return { caller, expiresAtMs: (claims.exp as number) * 1000, issuedAtSeconds, ...(sessionId ? { sessionId } : {}) };
  };
}

/**
 * The `sid` claim. Tokens signed before sessions were carried have none (they expire within one
 * token lifetime); one that is present must be a string.
 */
function sessionIdFromClaims(claims: jwt.JwtPayload): string | undefined {
  const sid = claims['sid'];
  if (sid === undefined) return undefined;
  if (typeof sid !== 'string' || sid === '') throw new InvalidTokenError('token sid is not a string');
  return sid;
}

/** Checks the claims the rest of the system relies on. */
function callerFromClaims(claims: jwt.JwtPayload): Caller {
  // jsonwebtoken only checks exp when present; a token without one would never expire.
  if (typeof claims.exp !== 'number') throw new InvalidTokenError('token has no exp');
  // Without iat a token could not be matched against revocations.
  if (typeof claims.iat !== 'number') throw new InvalidTokenError('token has no iat');
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new InvalidTokenError('token has no sub');
  const role = claims['role'];
  if (!isRole(role)) throw new InvalidTokenError('token role is not one of the five roles');
  const email = claims['email'];
  if (typeof email !== 'string') throw new InvalidTokenError('token has no email');
  return { kind: 'user', userId: claims.sub, role, email };
}
