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
 * The JWT of an `Authorization` value: exactly `Bearer <jwt>`, with nothing around it but ASCII
 * spaces and tabs (HTTP's optional whitespace). Anything else (another scheme, Unicode spaces such
 * as U+00A0, characters a JWT cannot hold) is refused: the verifier and its cache apply this one
 * rule, so the same token is always the same key and padding cannot mint new ones.
 * @param authorization - the header value, or a WebSocket's `connectionParams.authorization`
 * @throws InvalidTokenError when the value is not of that form
 */
export function bearerTokenOf(authorization: string): string {
  const match = /^[ \t]*Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)[ \t]*$/.exec(authorization);
  if (!match) throw new InvalidTokenError('authorization header is not "Bearer <jwt>"');
  return match[1] as string;
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
    const token = bearerTokenOf(authorization);

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
    const caller = callerFromClaims(claims) as Extract<Caller, { kind: 'user' | 'app' }>;
    const issuedAtSeconds = claims.iat as number;
    const sessionId = caller.kind === 'user' ? sessionIdFromClaims(claims) : undefined;
    // A valid signature is not enough once the user was deactivated or given another role, the
    // session was ended, or the app was revoked.
    const session = { caller, expiresAtMs: (claims.exp as number) * 1000, issuedAtSeconds, sessionId };
    if (isRevoked && isSessionRevoked(session, isRevoked)) throw new InvalidTokenError('token revoked (user deactivated, role changed, session ended or app revoked)');
    return session;
  };
}

/**
 * Whose revocation ends a verified session: the user's (deactivation, role change, ended session),
 * the app's (revocation, secret rotation), and for an app acting for a user either one. The one
 * rule for fresh and cached tokens alike.
 * @param session - a verified session
 * @param isRevoked - the revocation list's check
 */
export function isSessionRevoked(session: VerifiedSession, isRevoked: RevocationCheck): boolean {
  const { caller } = session;
  const issuedAt = session.issuedAtSeconds ?? 0;
  if (caller.kind === 'user') return isRevoked(caller.userId, issuedAt, session.sessionId) || (caller.app !== undefined && isRevoked(caller.app.clientId, issuedAt));
  return caller.kind === 'app' && isRevoked(caller.clientId, issuedAt);
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
  // An app's own token has client_id = sub and no role; an app acting for a user carries the user's role.
  if (claims['client_id'] !== undefined && claims['role'] === undefined) return appFromClaims(claims);
  const role = claims['role'];
  if (!isRole(role)) throw new InvalidTokenError('token role is not one of the five roles');
  const email = claims['email'];
  if (typeof email !== 'string') throw new InvalidTokenError('token has no email');
  const user = { kind: 'user' as const, userId: claims.sub, role, email };
  return claims['client_id'] === undefined ? user : { ...user, app: actingAppFromClaims(claims) };
}

/**
 * The app a user's token was issued to (authorization code + PKCE): its client id, name and the
 * user/ scopes the user approved. The request is then held to the role AND these scopes.
 */
function actingAppFromClaims(claims: jwt.JwtPayload): { clientId: string; name: string; scopes: string[] } {
  const { client_id: clientId, app_name: name, scope } = claims as { client_id?: unknown; app_name?: unknown; scope?: unknown };
  if (typeof clientId !== 'string' || clientId === claims.sub) throw new InvalidTokenError('token client_id is not an app acting for its user');
  if (typeof name !== 'string' || typeof scope !== 'string') throw new InvalidTokenError('app token has no app_name or scope');
  const scopes = scope.split(' ').filter((s) => s !== '');
  // Only user/ scopes come from a user's consent: anything else in such a token is refused outright.
  if (scopes.length === 0 || scopes.some((s) => !s.startsWith('user/'))) throw new InvalidTokenError('a user app token carries only user/ scopes');
  return { clientId, name, scopes };
}

/**
 * A third-party app's token (client credentials, issued by the identity service): `client_id`
 * equal to `sub`, its name and its granted scopes. It never carries a role: apps get only scopes.
 */
function appFromClaims(claims: jwt.JwtPayload): Caller {
  const clientId = claims['client_id'];
  if (clientId !== claims.sub) throw new InvalidTokenError('token client_id differs from sub');
  if (claims['role'] !== undefined) throw new InvalidTokenError('an app token carries no role');
  const name = claims['app_name'];
  const scope = claims['scope'];
  if (typeof name !== 'string' || typeof scope !== 'string') throw new InvalidTokenError('app token has no app_name or scope');
  return { kind: 'app', clientId: claims.sub as string, name, scopes: scope.split(' ').filter((s) => s !== '') };
}
